"""Revised targets (中期调整): a target that ``supersedes`` another decides from its
document's date; the original keeps its own verdict and names its revision
(docs/methodology.md, "Revised targets")."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from planck.read.dataset import CityData
from planck.reasons import say
from planck.result import Result


def in_force(data: CityData, target_id: str, as_of: date) -> bool:
    """A revision applies from its document's date (a source without a date: always)."""
    t = next(t for t in data.targets.targets if t.id == target_id)
    day = next((s.date for s in data.targets.sources if s.id == t.source), None)
    return day is None or day <= as_of


def link_revisions(data: CityData, as_of: date, results: tuple[Result, ...]
                   ) -> tuple[Result, ...]:
    """Each original names the revision in force at ``as_of``; a revision issued after
    ``as_of`` is not assessable yet (the original still applies)."""
    revised = {t.id: t.supersedes for t in data.targets.targets if t.supersedes}
    if not revised:
        return results
    by_original = {}
    for rid, original in revised.items():
        if in_force(data, rid, as_of):
            by_original[original] = rid
    day = {s.id: s.date for s in data.targets.sources}
    source = {t.id: t.source for t in data.targets.targets}
    out = []
    for r in results:
        if r.id in revised and not in_force(data, r.id, as_of):
            issued = day.get(source[r.id])
            why = say("revision_not_in_force", date=issued.isoformat() if issued else "",
                      original=revised[r.id])
            r = replace(r, verdict=replace(r.verdict, status="not_assessable", final=False,
                                           category=None, light=None, reason=why),
                        pacing=replace(r.pacing, catch_up=None))
        if r.id in by_original:
            r = replace(r, superseded_by=by_original[r.id])
        out.append(r)
    return tuple(out)
