"""The required trajectory of a target: the path the verdict measures progress against.

Charts draw this instead of re-deriving it, so a point below the line is what the status calls
behind. The base point and the method are the verdict's own (``Result.pace``) when there is a
pace; otherwise the stated baseline and ``progress.choose_method``, as ``evaluate`` would pick.
"""

from __future__ import annotations

from dataclasses import dataclass

from planck import operators
from planck.judge import progress as pg
from planck.result import Result


def has_level(op: str) -> bool:
    """The goal is a level of the indicator (not a ratio to another one), so it can be drawn."""
    return operators.get(op).trajectory


def has_path(op: str) -> bool:
    """A level reached along a path; an amount due every single year is a flat level."""
    return has_level(op) and operators.get(op).decide != "every_year"


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
        return base * (goal / base) ** share
    return base + (goal - base) * share


def _linear_unit(unit: str) -> bool:
    from planck.judge.evaluate import _LINEAR_UNITS
    from planck.read.units import normalize

    return normalize(unit) in _LINEAR_UNITS


def trajectory(r: Result, requested: str = "auto") -> Trajectory | None:
    """The trajectory the verdict of ``r`` uses, or None when it has no path in the unit.

    ``requested`` is the target's ``pace`` field (auto, linear, geometric), needed only when
    the result carries no pace of its own (met, final or no data).
    """
    goal = r.target.goal
    if goal is None or not has_path(r.target.op):
        return None
    if r.pace is not None and r.pace.base_year < r.deadline:
        p = r.pace
        return Trajectory(r.id, p.method, p.base_year, p.base_value, r.deadline, goal)
    if r.baseline is None or r.baseline_year is None or r.baseline_year >= r.deadline:
        return None
    method = pg.choose_method(requested, r.baseline, goal, _linear_unit(r.unit))
    return Trajectory(r.id, method, r.baseline_year, r.baseline, r.deadline, goal)
