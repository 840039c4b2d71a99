"""What changed between two evaluations of a city: targets whose status, latest figure or
percent to goal differ between two as-of dates (a review meeting's "since last time" page).

Pure: it compares two ``Report`` values. A figure is compared as its value and its period
(a revised figure for the same year is a change); percent to goal exactly as computed (both
sides come from the same method, so equal inputs give equal floats).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from planck.result import Report, Result

FIELDS = ("status", "latest", "percent")


@dataclass(frozen=True)
class Side:
    """One target at one as-of date (None fields: no figure / no percent; status None: the
    target did not exist then)."""

    status: str | None
    value: float | None
    period: int | str | None
    percent: float | None

    @staticmethod
    def of(r: Result | None) -> Side:
        if r is None:
            return Side(None, None, None, None)
        latest = r.deciding
        return Side(r.verdict.status, None if latest is None else latest.value,
                    None if latest is None else latest.period, r.progress.percent_to_goal)

    def as_dict(self) -> dict[str, Any]:
        latest = None if self.value is None else {"value": self.value, "period": self.period}
        return {"status": self.status, "latest": latest, "percent_to_goal": self.percent}


@dataclass(frozen=True)
class Change:
    """One target that changed, and which of ``FIELDS`` did."""

    id: str
    plan: str
    name: str
    name_en: str
    before: Side
    after: Side
    changed: tuple[str, ...]
    #: The indicator's unit, the unit of both sides' figures ('' when it has none).
    unit: str = ""


@dataclass(frozen=True)
class Diff:
    """A city's changes between ``start`` and ``end``; ``total`` targets compared."""

    city: str
    name_zh: str
    name_en: str
    start: date
    end: date
    total: int
    changes: tuple[Change, ...]
    #: Set when the two sides are two versions of the data (``--from-rev``/``--to-rev``; a
    #: ``to_rev`` of None is the files on disk) rather than two dates.
    from_rev: str | None = None
    to_rev: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "schema": "planck.diff/1",
            "city": {"id": self.city, "name_zh": self.name_zh, "name_en": self.name_en},
            "from": self.start.isoformat(), "to": self.end.isoformat(),
            **({"from_rev": self.from_rev, "to_rev": self.to_rev}
               if self.from_rev is not None else {}),
            "targets": self.total,
            "changes": [{"id": c.id, "plan": c.plan, "name": c.name, "name_en": c.name_en,
                         "unit": c.unit, "changed": list(c.changed), "before": c.before.as_dict(),
                         "after": c.after.as_dict()} for c in self.changes],
        }


def changed_fields(before: Side, after: Side) -> tuple[str, ...]:
    out = []
    if before.status != after.status:
        out.append("status")
    if (before.value, before.period) != (after.value, after.period):
        out.append("latest")
    if before.percent != after.percent:
        out.append("percent")
    return tuple(out)


def diff(old: Report, new: Report) -> Diff:
    """The targets of ``new`` (then those only in ``old``) whose status, figure or percent
    changed, in ``new``'s order."""
    before = {r.id: r for r in old.results}
    after = {r.id: r for r in new.results}
    changes = []
    for rid in [*after, *(i for i in before if i not in after)]:
        a, b = Side.of(before.get(rid)), Side.of(after.get(rid))
        fields = changed_fields(a, b)
        if fields:
            r = after.get(rid) or before[rid]
            changes.append(Change(rid, r.plan, r.name, r.name_en, a, b, fields, r.unit or ""))
    return Diff(new.city, new.name_zh, new.name_en, old.as_of, new.as_of,
                len(set(before) | set(after)), tuple(changes))


def diff_dates(data: Any, start: date | None, end: date | None) -> Diff:
    """One loaded city (``CityData``) judged at two as-of dates (``None``: its own latest
    date) and compared: the file is read once for both sides."""
    from planck.judge.evaluate import default_as_of, evaluate

    old = evaluate(data, start or default_as_of(data))
    return diff(old, evaluate(data, end or default_as_of(data)))
