"""Results: what evaluation produces, as plain frozen dataclasses (cheap to build, easy to dump).

A ``Result`` is the target it judges and five parts (``planck.result_parts``, named here too):
verdict, evidence, progress, pacing, flags. The JSON form of a ``Report`` is described by
``docs/report.schema.json``; ``Result.as_dict`` flattens the parts into its keys.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import date
from functools import cache
from typing import Any

from planck import operators
from planck.findings import Finding
from planck.frozen import frozen
from planck.result_parts import (
    FIGURE_KEYS,
    BaselineActual,
    BasePoint,
    CatchUp,
    Evidence,
    Figure,
    Flags,
    Pace,
    Pacing,
    Progress,
    TargetRef,
    Verdict,
    figure_dict,
)

__all__ = [
    "BASICALLY", "CATEGORIES", "FIGURE_KEYS", "LIGHTS", "MAX_AGE", "RATIO_TOLERANCE",
    "RESULT_KEYS", "SCHEMA", "SCHEMA_VERSION", "STATUSES", "THRESHOLDS", "BaselineActual",
    "BasePoint", "CatchUp", "Evidence", "Figure", "Flags", "Pace", "Pacing", "PlanRef",
    "Progress", "Report", "Result", "TargetRef", "Verdict", "figure_dict", "in_gate",
    "nested_keys", "plain",
]

SCHEMA = "planck.report/1"
#: additions within SCHEMA (docs/report.schema.json says what each added)
SCHEMA_VERSION = "1.1"
STATUSES = ("met", "missed", "on_track", "behind", "off_track", "regressing", "no_data",
            "not_assessable")
#: Pace ratio thresholds (Eurostat / Open SDG convention): on_track, behind, off_track.
THRESHOLDS = {"on_track": 0.95, "behind": 0.60, "off_track": 0.0}
#: R is compared with the thresholds to within this, so 7.6 / 8 computed as 0.9499999999999998
#: still counts as 0.95.
RATIO_TOLERANCE = 1e-9
#: A non-final result whose latest figure is more than this many years before the as-of
#: year is stale (``--max-age``).
MAX_AGE = 2
#: The evaluators' categories, best first (planck.judge.terms reads them off a verdict)
CATEGORIES = ("achieved_early", "achieved", "basically_achieved", "not_achieved", "ahead",
              "as_expected", "lagging")
LIGHTS = ("green", "yellow", "red")
#: 基本实现: a final miss with 完成率 at least this share (planck's convention, --basically)
BASICALLY = 0.9


def in_gate(r: Result, gate: frozenset[str]) -> bool:
    """The result fails a gate of statuses, categories and lights (``--fail-on``). An original
    target whose revision is in force does not: the revised target decides."""
    v = r.verdict
    return r.superseded_by is None and (v.status in gate or v.category in gate or v.light in gate)


#: Types ``plain`` returns as they are.
_LEAVES = frozenset({str, int, float, bool, type(None), date})


def plain(value: Any) -> Any:
    """Dataclasses to dicts for JSON, without ``asdict``'s deep copies (10× faster here);
    dict keys become strings, as JSON needs."""
    if type(value) in _LEAVES:  # most values: no attribute look-up for them
        return value
    if hasattr(value, "__dataclass_fields__"):
        return {k: plain(v) for k, v in value.__dict__.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


@frozen(kw_only=True)
class Result:
    """The evaluation of one target at an as-of date: which target (id … line), what was
    promised (``target``), and five parts: the verdict, the evidence it rests on, progress,
    pacing and flags. ``as_dict`` is its JSON object (docs/report.schema.json)."""

    id: str
    plan: str
    indicator: str
    name: str
    name_en: str
    unit: str
    direction: str
    deadline: int
    #: 约束性 binding / 预期性 expected, and the 力争 level (indicator's unit), from the file
    attribute: str | None = None
    stretch: float | None = None
    file: str
    line: int
    target: TargetRef
    #: a revised target names the target it revises; the original names its revision
    supersedes: str | None = None
    superseded_by: str | None = None
    verdict: Verdict
    evidence: Evidence
    progress: Progress = Progress()
    pacing: Pacing = Pacing()
    flags: Flags = Flags()

    @property
    def deciding(self) -> Figure | None:
        """The figure the status rests on: a stock's in-year count when the verdict is
        provisional, else the latest annual figure. Every "latest" a reader sees is this one."""
        e = self.evidence
        return e.latest_partial if self.verdict.provisional else e.latest

    def as_dict(self) -> dict[str, Any]:
        """The result's JSON object: the parts flattened into one object, in the order
        of schema 1 (docs/report.schema.json)."""
        v, e, p, a, f = self.verdict, self.evidence, self.progress, self.pacing, self.flags
        return {
            "id": self.id, "plan": self.plan, "indicator": self.indicator, "name": self.name,
            "name_en": self.name_en, "unit": self.unit, "direction": self.direction,
            "deadline": self.deadline, "baseline_year": e.baseline_year,
            "baseline": e.baseline, "target": plain(self.target),
            "latest": figure_dict(e.latest), "latest_partial": figure_dict(e.latest_partial),
            "status": v.status, "final": v.final, "percent_to_goal": p.percent_to_goal,
            "expected_progress": p.expected_progress, "pace": plain(a.pace),
            "above_range": f.above_range, "reason": v.reason, "file": self.file,
            "line": self.line, "reference_value": e.reference_value, "years": plain(e.years),
            "attribute": self.attribute, "stretch": self.stretch, "stale": f.stale,
            "overdue": f.overdue, "provisional": v.provisional, "attainment": p.attainment,
            "percent_reason": p.percent_reason, "base_point": plain(p.base_point),
            "ratio_reason": a.ratio_reason, "pace_method": a.method, "first_met": v.first_met,
            "category": v.category, "light": v.light, "catch_up": plain(a.catch_up),
            "bounds": plain(f.bounds), "estimate": f.estimate,
            "baseline_actual": plain(e.baseline_actual), "supersedes": self.supersedes,
            "superseded_by": self.superseded_by,
            "conflicts": [figure_dict(c) for c in e.conflicts],
        }


#: A result's keys in the JSON, in order (``Result.as_dict``; docs/report.schema.json)
RESULT_KEYS = (
    "id", "plan", "indicator", "name", "name_en", "unit", "direction", "deadline",
    "baseline_year", "baseline", "target", "latest", "latest_partial", "status", "final",
    "percent_to_goal", "expected_progress", "pace", "above_range", "reason", "file", "line",
    "reference_value", "years", "attribute", "stretch", "stale", "overdue", "provisional",
    "attainment", "percent_reason", "base_point", "ratio_reason", "pace_method", "first_met",
    "category", "light", "catch_up", "bounds", "estimate", "baseline_actual", "supersedes",
    "superseded_by", "conflicts")


@cache
def nested_keys() -> dict[str, tuple[str, ...]]:
    """The result's keys whose value is an object of fixed keys, with those keys in order
    (a CSV row spreads them over columns ``target.op``, ``latest.value`` …)."""
    def keys(cls: type) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))
    return {"target": keys(TargetRef), "latest": FIGURE_KEYS, "latest_partial": FIGURE_KEYS,
            "pace": keys(Pace), "base_point": keys(BasePoint), "catch_up": keys(CatchUp),
            "baseline_actual": keys(BaselineActual)}


@frozen(kw_only=True)
class PlanRef:
    id: str
    title_zh: str
    title_en: str
    start: int
    end: int


@frozen(kw_only=True)
class Report:
    """All results for one city at one as-of date."""

    city: str
    name_zh: str
    name_en: str
    as_of: date
    plans: tuple[PlanRef, ...]
    results: tuple[Result, ...]
    file: str
    measured: tuple[str, ...] = ()
    #: every target id of the city when ``results`` is a filtered selection (else empty):
    #: a short form of an id must be unambiguous among all of them, not only those shown
    all_ids: tuple[str, ...] = ()
    max_age: int = MAX_AGE
    basically: float = BASICALLY
    #: findings that did not stop the evaluation (conflicting figures), for stderr and JSON
    warnings: tuple[Finding, ...] = ()

    @property
    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for r in self.results:
            counts[r.verdict.status] += 1
        return counts

    @property
    def categories(self) -> dict[str, int]:
        """Results per category (the evaluators' words), every category present."""
        counts = dict.fromkeys(CATEGORIES, 0)
        for r in self.results:
            if r.verdict.category is not None:
                counts[r.verdict.category] += 1
        return counts

    def as_dict(self) -> dict[str, Any]:
        """The versioned JSON document (see docs/report.schema.json)."""
        results = [r.as_dict() for r in self.results]
        return {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "city": {"id": self.city, "name_zh": self.name_zh, "name_en": self.name_en},
            "as_of": self.as_of.isoformat(),
            "file": self.file,
            "measured": list(self.measured),
            "method": {"thresholds": THRESHOLDS, **operators.tolerances(),
                       "ratio_tolerance": RATIO_TOLERANCE, "max_age": self.max_age,
                       "basically": self.basically},
            "plans": [asdict(p) for p in self.plans],
            "results": results,
            "summary": self.summary,
            "categories": self.categories,
            "warnings": [w.as_dict() for w in self.warnings],
        }
