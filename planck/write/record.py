"""Record observations (and their sources) into a measured file's text.

``plan_edit`` is pure: old text in, new text out, or a ``PlanckError`` whose findings say why
not. The new text is validated with the same rules as ``planck validate`` before it is
returned, and the observations it adds are read back from it, so a mistake in writing YAML
can never reach the disk. The CLI does the reading, locking and atomic writing.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from planck.findings import Finding, PlanckError
from planck.read.checkfiles import measured_findings
from planck.read.loader import key_position, locate, one_line, parse
from planck.read.model import MeasuredFile, TargetFile
from planck.read.validate import to_model
from planck.write import yamledit as ye
from planck.write.entries import NewObservation, NewSource, check_entries
from planck.write.fields import field_splices
from planck.write.flowedit import flow_splices

_SOURCE_KEYS = ("id", "title", "issuer", "date", "url", "note")


@dataclass
class Edit:
    """The planned change: the new text and what it does."""

    text: str
    added: list[NewObservation] = field(default_factory=list)
    replaced: list[NewObservation] = field(default_factory=list)
    unchanged: list[NewObservation] = field(default_factory=list)
    sources: list[NewSource] = field(default_factory=list)
    #: (replacing observation, the note it replaced): shown to the user, never dropped silently
    notes_dropped: list[tuple[NewObservation, str]] = field(default_factory=list)
    #: (tree, model) of the text before and after, as parsed and validated here: the caller
    #: judges the city from them instead of reading the file again
    before: tuple[Any, MeasuredFile] | None = None
    after: tuple[Any, MeasuredFile] | None = None

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced or self.sources)


def _same(existing: Any, new: NewObservation) -> bool:
    return (existing.value == float(new.value.text) and existing.unit == new.unit
            and existing.quote == new.quote and existing.partial == new.partial
            and existing.bound == new.bound and existing.estimate == new.estimate
            and (new.note is None or existing.note == new.note))


def _obs_fields(o: NewObservation) -> list[tuple[str, Any]]:
    fields = [("indicator", o.indicator), ("period", o.period), ("value", o.value),
              ("unit", o.unit), ("partial", o.partial), ("source", o.source),
              ("quote", o.quote)]
    fields += [("bound", o.bound)] if o.bound else []
    fields += [("estimate", True)] if o.estimate else []
    return fields + ([("note", o.note)] if o.note else [])


def _source_fields(s: NewSource) -> list[tuple[str, Any]]:
    values = {"id": s.id, "title": s.title, "issuer": s.issuer, "date": s.date, "url": s.url,
              "note": s.note}
    return [(k, values[k]) for k in _SOURCE_KEYS if values[k] is not None]


def _splices(lines: list[str], doc: Any, name: str, key: str, items: list[list[tuple[str, Any]]],
             fallback: str, nl: str, order: int, before: str | None,
             done: Callable[[], None] | None = None) -> list[ye.Splice]:
    """Lines that append ``items`` to the block sequence ``key`` (creating it if absent);
    ``done`` after each item."""
    if not items:
        return []
    seq = doc.get(key)
    splices: list[ye.Splice] = []
    if key not in doc:
        lay = ye.layout(lines, None, 2)
        head = [f"{key}:{nl}"]
        at = doc.lc.key(before)[0] if before and before in doc else len(lines)
    elif not isinstance(seq, list) or (seq and ye.is_flow(lines, doc, key)):
        raise PlanckError([Finding(name, *locate(doc, (key,)), "flow-style",
                                   f"'{key}' is not written as a block list ('- ' per entry); "
                                   "planck can only add to a block list")])
    elif not seq:
        flow = ye.empty_flow(lines, doc, key)
        if flow is None:
            raise PlanckError([Finding(name, *locate(doc, (key,)), "flow-style",
                                       f"cannot add to '{key}' as written")])
        splices.append(flow)
        col = doc.lc.key(key)[1]
        lay = ye.layout(lines, None, col + 2)
        head, at = [], flow.start + 1
    else:
        lay = ye.layout(lines, seq, 2)
        head, at = [], ye.item_end(lines, seq, len(seq) - 1)
    if at == len(lines) and lines and not lines[-1].endswith(("\n", "\r")):
        # the file's last line has no line end: give it one before appending
        last = [s for s in splices if s.start == len(lines) - 1]
        if last:  # ``key: []`` rewritten on that line
            splices[splices.index(last[0])] = ye.Splice(
                last[0].start, last[0].end, (*last[0].lines[:-1], last[0].lines[-1] + nl), order)
        else:
            splices.append(ye.Splice(len(lines) - 1, len(lines), (lines[-1] + nl,), order))
    body = list(head)
    for n, fields in enumerate(items):
        if lay.spaced and (n or not head):
            body.append(nl)
        body += ye.item_lines(fields, lay.dash, lay.key, lay.styles, fallback, nl)
        if done is not None:
            done()
    splices.append(ye.Splice(at, at, tuple(body), order))
    return splices


def line_end(text: str) -> str:
    """The line end new lines get: the file's own (CRLF, a classic Mac's lone CR, or LF)."""
    if "\r\n" in text:
        return "\r\n"
    return "\r" if "\r" in text and "\n" not in text else "\n"


def _flow(lines: list[str], seq: Any, i: int) -> bool:
    """True when item ``i`` of ``seq`` is a flow mapping (``- {indicator: …}``)."""
    line, col = seq.lc.item(i)
    return line < len(lines) and lines[line][col:col + 1] == "{"


def _key(o: Any) -> tuple[str, str, str]:
    return o.indicator, str(o.period), o.source


def _index(mf: MeasuredFile) -> dict[tuple[str, str, str], int]:
    """Each (indicator, period, source) → its first observation in the file: one pass, so a
    table of thousands of rows is matched in linear time (a scan per row was quadratic)."""
    index: dict[tuple[str, str, str], int] = {}
    for i, e in enumerate(mf.observations):
        index.setdefault(_key(e), i)
    return index


def plan_edit(text: str, name: str, targets: TargetFile | None,
              observations: list[NewObservation], sources: list[NewSource],
              replace: bool = False, today: date | None = None,
              done: Callable[[], None] | None = None,
              parsed: tuple[str, Any, MeasuredFile] | None = None) -> Edit:
    """The measured file ``text`` with ``observations`` and ``sources`` added; ``done`` is
    called once for each of ``observations`` as its place in the text is settled (the
    command line's progress bar).

    An observation equal to one already in the file (same indicator, period, source, value,
    unit and quote) is left alone, so recording or importing twice changes nothing. The same
    indicator, period and source with another value is refused unless ``replace``.
    ``parsed``: (text, tree, model) the caller already read; used when it is this ``text``,
    so the file is not parsed twice.
    """
    if parsed is not None and parsed[0] == text:
        doc, mf = parsed[1], parsed[2]
    else:
        loaded = parse(text, name)
        if not loaded.ok:
            raise PlanckError(loaded.findings)
        doc = loaded.data
        model, findings = to_model(doc, MeasuredFile, name)
        if model is None:
            raise PlanckError(findings)
        mf = model
    findings = measured_findings(doc, mf, name, targets)
    if findings:
        raise PlanckError(findings)
    new_sources, findings = check_entries(mf, targets, observations, sources, name, today)
    if findings:
        raise PlanckError(findings)
    edit = Edit(text, sources=new_sources, before=(doc, mf))
    lines = text.splitlines(keepends=True)
    nl = line_end(text)
    fallback = ye.dominant_quote(text)
    splices, appended, seen = [], [], set()
    obs_layout = ye.layout(lines, doc.get("observations") or None, 2)
    index = _index(mf)
    tick = done or (lambda: None)
    for o in observations:
        i = index.get(_key(o))
        if i is None:
            if o in seen:
                tick()
                continue
            appended.append(o)  # ticked as its lines are written (_splices)
            seen.add(o)
            edit.added.append(o)
            continue
        tick()
        if _same(mf.observations[i], o):
            edit.unchanged.append(o)
            continue
        if not replace:
            line, col = key_position(doc["observations"][i], "value")
            old = mf.observations[i]
            raise PlanckError([Finding(name, line, col, "duplicate", one_line(
                f"{o.indicator} {o.period} from source {o.source!r} is already recorded here "
                f"({old.value:g} {old.unit}): use --replace to change it, or another source "
                "for a new vintage"))])
        seq = doc["observations"]
        old = mf.observations[i]
        if o.note is not None and old.note and old.note != o.note:
            edit.notes_dropped.append((o, old.note))
        # bound and estimate are always given, so a replacing exact figure drops them
        fields = [*_obs_fields(o), ("bound", o.bound), ("estimate", o.estimate)]
        in_place = field_splices(lines, seq[i], list(dict(fields).items()), seq.lc.item(i)[1],
                                 obs_layout.styles, fallback, nl,
                                 {"partial": False, "bound": None, "estimate": False})
        if in_place is None and _flow(lines, seq, i):  # {indicator: …, pin: true}: value by value
            in_place = flow_splices(lines, seq[i], list(dict(fields).items()), fallback,
                                    {"partial": False, "bound": None, "estimate": False})
        if in_place is None:  # rewriting it whole would lose what planck does not set
            raise PlanckError([Finding(name, *locate(doc, ("observations", i)), "replace-layout", (
                f"{o.indicator} {o.period} from source {o.source!r} is written in a way "
                "--replace cannot change value by value (a value on the line after its key, "
                "or spanning lines inside braces): nothing was written; edit it by hand or "
                "write it one key a line"))])
        splices += in_place
        edit.replaced.append(o)
    splices += _splices(lines, doc, name, "sources", [_source_fields(s) for s in new_sources],
                        fallback, nl, 0, "observations")
    splices += _splices(lines, doc, name, "observations", [_obs_fields(o) for o in appended],
                        fallback, nl, 1, None, tick)
    if not edit.changed:
        return edit
    edit.text = ye.apply(lines, splices)
    edit.after = _verify(edit, name, targets)
    return edit


def _verify(edit: Edit, name: str, targets: TargetFile | None) -> tuple[Any, MeasuredFile]:
    """The whole new file passes the checks of ``planck validate`` (without --sources) and
    holds exactly the intended observations; its tree and model."""
    loaded = parse(edit.text, name)
    if not loaded.ok:
        raise PlanckError(loaded.findings)
    mf, findings = to_model(loaded.data, MeasuredFile, name)
    if mf is not None:
        findings = measured_findings(loaded.data, mf, name, targets)
    if mf is None or findings:
        raise PlanckError(findings)
    index = _index(mf)
    for o in edit.added + edit.replaced:
        i = index.get(_key(o))
        if i is None or not _same(mf.observations[i], o) or mf.observations[i].period != o.period:
            raise PlanckError([Finding(name, 0, 0, "internal",
                                       f"the edit did not read back as written ({o.indicator} "
                                       f"{o.period}); nothing was written")])
    return loaded.data, mf


def _lines(text: str) -> list[str]:
    """Lines as ``patch`` counts them, ended by ``\\n`` only (str.splitlines would also end a
    line at a lone CR, a form feed or U+2028 inside a quote, and the diff would not apply)."""
    return re.findall(r"[^\n]*\n|[^\n]+\Z", text)


def unified_diff(old: str, new: str, name: str) -> str:
    """The change as a unified diff (what --dry-run prints), exactly as ``patch`` applies it:
    line ends kept (CRLF stays CRLF), a last line without one marked as git marks it."""
    out = []
    for line in difflib.unified_diff(_lines(old), _lines(new), f"a/{name}", f"b/{name}"):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
