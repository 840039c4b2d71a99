"""Validate: a parsed YAML tree -> model, or findings with file:line:col.

Shape errors come from pydantic and are mapped back to the YAML source through the round-trip
tree; cross-references and units are checked here because they need the whole file.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from planck import operators
from planck.findings import Finding
from planck.read import units
from planck.read.loader import key_position, locate, one_line
from planck.read.model import Baseline, MeasuredFile, Target, TargetFile

M = TypeVar("M", bound=BaseModel)

_NUMERIC = frozenset({"float_type", "float_parsing", "int_type", "int_parsing"})
_RANGE = frozenset({"less_than", "less_than_equal", "greater_than", "greater_than_equal"})


def _not_a_number(value: str) -> str:
    """Say why a string is not a number, and how to write it (１２０ → 120)."""
    folded = unicodedata.normalize("NFKC", value).strip().replace(",", "")
    try:
        if not math.isfinite(float(folded)):
            raise ValueError(folded)  # 'nan', 'inf': not numbers a file may hold either
    except ValueError:
        return f"{value!r} is not a number (the unit goes in 'unit', the words in 'wording')"
    # float() reads any script's decimal digits (Arabic-Indic ١٢٠), YAML only ASCII ones
    folded = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in folded)
    if folded != value:
        return f"{value!r} is not a number: write it with ASCII digits, as {folded}"
    return f"{value!r} is a string, not a number: write it without quotes"


def _message(e: Mapping[str, Any], field: str) -> str:
    """A pydantic error, worded for someone editing the YAML file."""
    kind, value = e["type"], e.get("input")
    if kind == "missing":
        return f"missing field {field!r}"
    if kind == "extra_forbidden":
        return f"unknown field {field!r}"
    if value is None and kind.endswith("_type"):
        return f"{field!r} is empty (null): give it a value"
    if kind in _NUMERIC and isinstance(value, str):
        return _not_a_number(value)
    if kind == "finite_number":
        return f"{value} is not a finite number (.nan and .inf are not allowed)"
    msg = e["msg"].removeprefix("Value error, ")
    if kind in _RANGE and isinstance(value, (int, float)):
        return f"{msg}, not {value}"
    return msg


def _schema_findings(doc: Any, err: ValidationError, name: str) -> list[Finding]:
    found = []
    for e in err.errors(include_url=False):
        loc = tuple(e["loc"])
        if e["type"] == "rule":
            # A cross-field rule from the model: point at the field it is about.
            loc += (e["ctx"]["field"],)
        line, col = locate(doc, loc)
        msg = _message(e, str(loc[-1]) if loc else "")
        path = ".".join(str(p) for p in loc)
        found.append(Finding(name, line, col, "schema",
                             one_line(f"{path}: {msg}" if path else msg)))
    return sorted(set(found))


def to_model(doc: Any, cls: type[M], name: str) -> tuple[M | None, list[Finding]]:
    """Validate a tree against a model class; never raises for bad input."""
    try:
        return cls.model_validate(doc), []
    except ValidationError as err:
        return None, _schema_findings(doc, err, name)


class _Checker:
    """Collects findings for one file, each placed at a node of its tree."""

    def __init__(self, doc: Any, name: str):
        self.doc, self.name = doc, name
        self.findings: list[Finding] = []

    def add(self, path: tuple[Any, ...], key: str | None, code: str, message: str) -> None:
        node = self.doc
        for part in path:
            node = node[part]
        line, col = key_position(node, key) if key else locate(self.doc, path)
        self.findings.append(Finding(self.name, line, col, code, one_line(message)))

    def unique(self, section: str, items: Iterable[Any]) -> set[str]:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                self.add((section, i), "id", "duplicate-id",
                         f"{section}: id {item.id!r} is used twice")
            seen.add(item.id)
        return seen

    def ref(self, path: tuple[Any, ...], key: str, value: str | None, known: set[str],
            what: str) -> None:
        if value is not None and value not in known:
            self.add(path, key, "unknown-ref", f"{what} {value!r} is not defined in this file")

    def unit(self, path: tuple[Any, ...], key: str, text: str) -> bool:
        problem = units.check(text)
        if problem:
            self.add(path, key, "unknown-unit", problem)
        return problem is None

    def same_dimension(self, path: tuple[Any, ...], key: str, text: str, expected: str,
                       what: str) -> None:
        try:
            units.factor(text, expected)
        except units.UnitError as err:
            self.add(path, key, "unit-mismatch", f"{what}: {err}")

    def not_negative(self, path: tuple[Any, ...], key: str, value: float | None,
                     unit: str) -> None:
        if value is not None and value < 0 and units.check(unit) is None and units.is_count(unit):
            self.add(path, key, "negative-count", f"a count in {unit!r} cannot be negative")


def check_targets(doc: Any, tf: TargetFile, name: str) -> list[Finding]:
    """Cross-references, units and counts of a target file."""
    c = _Checker(doc, name)
    sources = c.unique("sources", tf.sources)
    plans = c.unique("plans", tf.plans)
    indicators = c.unique("indicators", tf.indicators)
    target_ids = c.unique("targets", tf.targets)
    unit_of = {}
    direction = {ind.id: ind.direction for ind in tf.indicators}
    for i, ind in enumerate(tf.indicators):
        if c.unit(("indicators", i), "unit", ind.unit):
            unit_of[ind.id] = ind.unit
    for i, plan in enumerate(tf.plans):
        c.ref(("plans", i), "source", plan.source, sources, "source")
    for i, t in enumerate(tf.targets):
        at = ("targets", i)
        c.ref(at, "plan", t.plan, plans, "plan")
        c.ref(at, "indicator", t.indicator, indicators, "indicator")
        c.ref(at, "source", t.source, sources, "source")
        c.ref(at, "reference", t.reference, indicators, "reference indicator")
        spec = operators.get(t.op)
        sense = spec.sense
        if sense is not operators.Sense.INDICATOR and direction.get(t.indicator, sense) != sense:
            c.add(at, "op", "direction-mismatch",
                  f"op {t.op!r} needs a {sense}-is-better indicator, but {t.indicator!r} "
                  f"is declared 'direction: {direction[t.indicator]}'")
        expected = unit_of.get(t.indicator)
        period = next(((p.start, p.end) for p in tf.plans if p.id == t.plan), None)
        if period is not None and not period[0] <= t.deadline <= period[1]:
            c.add(at, "deadline", "deadline-outside-plan",
                  f"deadline {t.deadline} is outside plan {t.plan!r} ({period[0]}–{period[1]}): "
                  "give a goal for a later year (e.g. 2035) a plan of its own")
        if t.stretch is not None and t.value is not None:
            lower = spec.lower(direction.get(t.indicator, "higher"))
            if (t.stretch < t.value) if not lower else (t.stretch > t.value):
                c.add(at, "stretch", "stretch-short",
                      f"'stretch' (力争) {t.stretch:g} asks for less than 'value' {t.value:g}")
        _target_units(c, at, t, expected, unit_of)
        if t.baseline is not None:
            _baseline(c, (*at, "baseline"), t.baseline, sources, expected)
    _supersedes(c, tf, target_ids)
    return c.findings + quote_numbers(doc, tf, name)


def _target_units(c: _Checker, at: tuple[Any, ...], t: Target, expected: str | None,
                  unit_of: dict[str, str]) -> None:
    """A target's unit against its operator and indicator, its reference's unit, and no
    negative count."""
    spec = operators.get(t.op)
    if spec.value_kind in ("rate", "percent", "factor"):
        # The value is a rate or share in % or a factor, not a level of the indicator.
        want = None if spec.value_kind == "factor" else "%"
        if t.unit is not None and units.normalize(t.unit) != want:
            c.add(at, "unit", "unit-mismatch",
                  f"op {t.op!r}: " + ("the rate is in '%'" if want else
                                     "the value is a factor and takes no unit"))
    elif t.unit is not None and c.unit(at, "unit", t.unit) and expected:
        if not units.percent_change_unit(expected, t.unit) or spec.value_kind != "change":
            c.same_dimension(at, "unit", t.unit, expected,
                             f"target unit vs indicator {t.indicator!r}")
    if t.reference in unit_of and expected and spec.reference_level:
        c.same_dimension(at, "reference", unit_of[t.reference], expected,
                         "reference indicator unit")
    unit = t.unit or expected
    if unit and spec.value_kind == "level":
        for key in ("value", "low", "high"):
            c.not_negative(at, key, getattr(t, key), unit)


def _baseline(c: _Checker, path: tuple[Any, ...], b: Baseline, sources: set[str],
              expected: str | None) -> None:
    """A baseline's source and unit, and no negative count."""
    c.ref(path, "source", b.source, sources, "source")
    if b.unit is not None and c.unit(path, "unit", b.unit) and expected:
        c.same_dimension(path, "unit", b.unit, expected, "baseline unit")
    if expected:
        c.not_negative(path, "value", b.value, b.unit or expected)


def _supersedes(c: _Checker, tf: TargetFile, known: set[str]) -> None:
    """``supersedes`` names another target of the file, and revisions never go round in a
    circle (a target that in the end revises itself would have no original)."""
    revises = {t.id: t.supersedes for t in tf.targets if t.supersedes is not None}
    for i, t in enumerate(tf.targets):
        if t.supersedes is None:
            continue
        at = ("targets", i)
        if t.supersedes == t.id:
            c.add(at, "supersedes", "supersedes-self", f"target {t.id!r} cannot supersede itself")
            continue
        c.ref(at, "supersedes", t.supersedes, known, "target")
        seen, step = {t.id}, t.supersedes
        while step in revises and step not in seen:
            seen.add(step)
            step = revises[step]
        if step == t.id:
            c.add(at, "supersedes", "supersedes-cycle",
                  f"target {t.id!r} supersedes a chain of targets that leads back to itself")


def _first(ob: Any) -> int:
    """The first month of an observation's period (January for a year)."""
    return 1 if isinstance(ob.period, int) else int(str(ob.period)[5:7])


def check_measured(doc: Any, mf: MeasuredFile, name: str,
                   targets: TargetFile | None) -> list[Finding]:
    """Cross-references and units of a measured file, against its city's target file."""
    c = _Checker(doc, name)
    sources = c.unique("sources", mf.sources)
    for i, src in enumerate(mf.sources):
        if not src.url and not src.file:
            c.add(("sources", i), "id", "no-url",
                  f"source {src.id!r} needs a 'url' (or 'file' for a bundled document)")
    unit_of, defined = {}, set()
    if targets is not None:
        if mf.city != targets.city.id:
            c.add((), "city", "city-mismatch",
                  f"measured file is for {mf.city!r}, target file for {targets.city.id!r}")
        # An indicator with a bad unit is reported once, in the target file: here it is
        # defined (no second finding), only without a unit to compare with.
        defined = {i.id for i in targets.indicators}
        unit_of = {i.id: i.unit for i in targets.indicators if units.check(i.unit) is None}
    dated = {s.id: s.date for s in (targets.sources if targets is not None else [])}
    dated.update({s.id: s.date for s in mf.sources})
    for i, ob in enumerate(mf.observations):
        at = ("observations", i)
        c.ref(at, "source", ob.source, sources, "source")
        published = dated.get(ob.source)
        if published is not None and (published.year, published.month) < (ob.year, _first(ob)):
            # A figure cannot be published before its period began; planck would hide it
            # until an as-of date in that period, so it would silently vanish.
            c.add(at, "period", "source-before-period",
                  f"source {ob.source!r} is dated {published.isoformat()}, before the period "
                  f"{ob.period} it reports: check the period or the source's date")
        if targets is not None and ob.indicator not in defined:
            c.add(at, "indicator", "unknown-ref",
                  f"indicator {ob.indicator!r} is not defined in the city's target file")
        if not c.unit(at, "unit", ob.unit):
            continue
        c.not_negative(at, "value", ob.value, ob.unit)
        if ob.indicator in unit_of:
            c.same_dimension(at, "unit", ob.unit, unit_of[ob.indicator],
                             f"observation unit vs indicator {ob.indicator!r}")
    return c.findings + quote_numbers(doc, mf, name)


def quote_numbers(doc: Any, model: TargetFile | MeasuredFile, name: str) -> list[Finding]:
    """A quote proves its number: each target's, baseline's and observation's quote must
    write its value (for a range: low and high) in some form (planck/read/quotes.py). Part of
    both files' checks, so ``check`` refuses what ``validate`` refuses."""
    from planck.read.quotes import missing_numbers

    checks: list[tuple[tuple[Any, ...], str | None, list[float | None]]] = []
    for i, t in enumerate(getattr(model, "targets", [])):
        checks.append((("targets", i), t.quote, [t.value, t.low, t.high]))
        if t.baseline is not None:
            checks.append((("targets", i, "baseline"), t.baseline.quote, [t.baseline.value]))
    for i, o in enumerate(getattr(model, "observations", [])):
        checks.append((("observations", i), o.quote, [o.value]))
    found = []
    for path, quote, values in checks:
        missing = missing_numbers(quote, values) if quote else []
        if not missing:
            continue
        node = doc
        for part in path:
            node = node[part]
        line, col = key_position(node, "quote")
        shown = " and ".join(f"{v:g}" for v in missing)
        s, it = ("s", "them") if len(missing) > 1 else ("", "it")
        found.append(Finding(name, line, col, "quote-number",
                             f"the quote does not contain its number{s} {shown}: quote the "
                             f"words that state {it} ({quote!r})"))
    return found
