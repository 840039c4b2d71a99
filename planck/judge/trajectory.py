"""The required trajectory of a target: the path the verdict measures progress against.

Charts draw this instead of re-deriving it, so a point below the line is what the status calls
behind. The base point and the method are the verdict's own (``Result.pace``) when there is a
pace; otherwise the result's ``base_point`` and ``pace_method``, as ``evaluate`` picked them.
"""

from __future__ import annotations

from dataclasses import dataclass

from planck import operators
from planck.result import Result


def has_level(op: str) -> bool:
    """The goal is a level of the indicator (not a ratio to another one), so it can be drawn."""
    return operators.get(op).trajectory


def has_path(op: str) -> bool:
    """A level reached along a path; an amount due every single year is a flat level."""
    return has_level(op) and operators.get(op).decide != operators.Rule.EVERY_YEAR


@dataclass(frozen=True)
class Trajectory:
    """From (base_year, base) to (deadline, goal), linear or geometric (compound growth)."""

    target: str
    method: str
    base_year: int
    base: float
    deadline: int
    goal: float

    def at(self, year: float) -> float | None:
        """The required value in ``year`` (None outside base year … deadline)."""
        return required_value(self.method, self.base_year, self.base, year, self.deadline,
                              self.goal)


def required_value(method: str, base_year: int, base: float, year: float, deadline: int,
                   goal: float) -> float | None:
    """The value the pace rule requires in ``year``: the inverse of ``progress.pace``'s
    required rate (compound for geometric, constant steps for linear)."""
    if year < base_year or year > deadline or deadline <= base_year:
        return None
    share = (year - base_year) / (deadline - base_year)
    if method == "geometric" and base > 0 and goal > 0:
        return base * float((goal / base) ** share)
    return base + (goal - base) * share


def trajectory(r: Result, requested: str = "auto") -> Trajectory | None:
    """The trajectory the verdict of ``r`` uses, or None when it has no path in the unit.

    The base point and method are the result's own (``base_point``, ``pace_method``: what the
    pace uses, or would use for a result without a pace); ``requested`` is kept for callers
    and no longer needed.
    """
    goal = r.target.goal
    if goal is None or not has_path(r.target.op):
        return None
    if r.pacing.pace is not None and r.pacing.pace.base_year < r.deadline:
        p = r.pacing.pace
        return Trajectory(r.id, p.method, p.base_year, p.base_value, r.deadline, goal)
    b = r.progress.base_point
    if b is None or b.year >= r.deadline or r.pacing.method is None:
        return None
    return Trajectory(r.id, r.pacing.method, b.year, b.value, r.deadline, goal)
