"""One target's case: its observations at the as-of date, its goal, and its base point.

Everything a verdict depends on, gathered before deciding (``evaluate`` decides).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from planck import operators
from planck.operators import GoalInput
from planck.read.dataset import CityData, Obs
from planck.read.model import Indicator, Target
from planck.read.units import normalize
from planck.reasons import say

#: Units in which growth rates are meaningless: pace is linear (docs/methodology.md).
_LINEAR_UNITS = frozenset({"%", "百分点", "位"})


def pick(observations: Iterable[Obs], indicator: str, as_of: date
         ) -> tuple[dict[int, Obs], Obs | None]:
    """Annual observations by year (one vintage each) and the latest partial-year one.

    Vintages: a pinned observation wins; otherwise the later source date, then the later
    position in the files. Anything published after ``as_of`` is invisible.
    """
    best: dict[tuple[int | str, bool], Obs] = {}
    for o in observations:
        if o.indicator != indicator or o.source_date > as_of or o.year > as_of.year:
            continue
        # an annual figure may be written 2024 or "2024-12": the same period
        key = (o.period, True) if o.partial else (o.year, False)
        cur = best.get(key)
        if cur is None or (o.pin, o.source_date, o.order) > (cur.pin, cur.source_date, cur.order):
            best[key] = o
    annual = {o.year: o for o in best.values() if not o.partial}
    partial = [o for o in best.values() if o.partial]
    latest_partial = max(partial, key=lambda o: (str(o.period), o.order), default=None)
    return dict(sorted(annual.items())), latest_partial


@dataclass(frozen=True)
class Base:
    """A base point: year, value and the rule that chose it."""

    year: int
    value: float
    why: str
    before_plan: bool = True


class Case:
    """Everything one target's verdict depends on."""

    def __init__(self, data: CityData, t: Target, ind: Indicator, as_of: date):
        self.t, self.ind = t, ind
        self.op = operators.get(t.op)
        self.plan_start = next(p.start for p in data.targets.plans if p.id == t.plan)
        self.reference_value: float | None = None
        f = data.factors.get(t.id, 1.0)
        self.annual, self.partial = pick(data.observations, t.indicator, as_of)
        self.lower = self.op.lower(ind.direction)
        self.linear_unit = self.op.linear or normalize(ind.unit) in _LINEAR_UNITS
        self.base_year = t.baseline.year if t.baseline else None
        #: the last year before the plan: the baseline year, else the year before it starts
        self.start = self.base_year if self.base_year is not None else self.plan_start - 1
        self.base = None
        self.base_why = ""
        if t.baseline and t.baseline.value is not None:
            from planck.read.units import convert
            self.base = convert(t.baseline.value, t.baseline.unit or ind.unit, ind.unit)
            self.base_why = say("base_in_file")
        elif self.base_year in self.annual:
            self.base = self.annual[self.base_year].value
            self.base_why = say("base_observed", year=self.base_year)
        self.tol = t.tolerance or self.op.tolerance
        self.levels = self.op.goal(GoalInput(
            value=None if t.value is None else t.value * f, raw=t.value,
            low=None if t.low is None else t.low * f,
            high=None if t.high is None else t.high * f, base=self.base,
            years=None if self.base_year is None else t.deadline - self.base_year,
            tol=self.tol, lower=self.lower))
        self.nominal, self.goal = self.levels.nominal, self.levels.goal
        self.low, self.high = self.levels.low, self.levels.high
        self.stretch = None if t.stretch is None else t.stretch * f
        self.rate = None if t.value is None else t.value / 100
        if self.op.shape == "reference":
            # validation makes a reference target name its reference indicator
            self.ref_annual, _ = pick(data.observations, t.reference or "", as_of)

    def satisfied(self, v: float) -> tuple[bool, bool]:
        """(meets the target, lies beyond the stated range on the good side)."""
        return self.op.level(v, self.levels, self.lower)

    def base_point(self, series: dict[int, float]) -> Base | None:
        """The figure from before the plan that progress is measured from.

        The baseline (its value in the file, or the observation for its year); else the
        latest figure at or before the baseline year (without a baseline: before the plan
        began). None when there is no figure from before the plan.
        """
        if self.base is not None and self.base_year is not None:
            return Base(self.base_year, self.base, self.base_why)
        before = [y for y in series if y <= self.start]
        if not before:
            return None
        y = before[-1]
        missing = (say("base_year_empty", year=self.base_year)
                   if self.base_year is not None else "")
        return Base(y, series[y], say("base_before_plan", missing=missing))
