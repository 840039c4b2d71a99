"""One target's case: its observations at the as-of date, its goal, and its base point.

Everything a verdict depends on, gathered before deciding (``evaluate`` decides).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field
from datetime import date

from planck import operators
from planck.frozen import frozen
from planck.operators import GoalInput, Levels, Operator
from planck.read.dataset import CityData, Obs
from planck.read.model import Indicator, Target
from planck.read.units import convert, normalize
from planck.reasons import say

#: Units in which growth rates are meaningless: pace is linear (docs/methodology.md).
_LINEAR_UNITS = frozenset({"%", "百分点", "位"})


def pick(observations: Iterable[Obs], indicator: str, as_of: date
         ) -> tuple[dict[int, Obs], Obs | None]:
    """Annual observations by year (one vintage each) and the latest partial-year one.

    Vintages: an actual figure replaces an estimate; then a pinned observation wins;
    otherwise the later source date, then the later position in the files. Anything
    published after ``as_of`` is invisible.
    """
    best: dict[tuple[int | str, bool], Obs] = {}
    for o in observations:
        if o.indicator != indicator or o.source_date > as_of or o.year > as_of.year:
            continue
        # an annual figure may be written 2024 or "2024-12": the same period
        key = (o.period, True) if o.partial else (o.year, False)
        cur = best.get(key)
        if cur is None or (not o.estimate, o.pin, o.source_date, o.order) > (
                not cur.estimate, cur.pin, cur.source_date, cur.order):
            best[key] = o
    annual = {o.year: o for o in best.values() if not o.partial}
    partial = [o for o in best.values() if o.partial]
    latest_partial = max(partial, key=lambda o: (str(o.period), o.order), default=None)
    return dict(sorted(annual.items())), latest_partial


@frozen
class Base:
    """A base point: year, value and the rule that chose it."""

    year: int
    value: float
    why: str
    before_plan: bool = True


@frozen(kw_only=True)
class Case:
    """Everything one target's verdict depends on, gathered once before deciding (``build``).

    ``annual`` holds the indicator's annual figures by year (one vintage each, as read, so
    each keeps its source, quote and line), ``partial`` its latest in-year figure; ``start``
    is the last year before the plan (the baseline year, else the year before the plan
    begins), ``base`` the baseline value when known.
    """

    t: Target
    ind: Indicator
    op: Operator
    plan_start: int
    annual: dict[int, Obs]
    partial: Obs | None
    lower: bool
    linear_unit: bool
    base_year: int | None
    start: int
    base: float | None
    base_why: str
    tol: float | None
    levels: Levels
    stretch: float | None
    rate: float | None
    #: the reference indicator's annual figures (reference targets only)
    ref_annual: dict[int, Obs] = field(default_factory=dict)
    #: (the plan's estimated base value, the actual figure) once the actual is recorded
    base_estimate: tuple[float, float] | None = None

    @classmethod
    def build(cls, data: CityData, t: Target, ind: Indicator, as_of: date) -> Case:
        """The case of target ``t`` (of indicator ``ind``) in ``data`` at ``as_of``."""
        op = operators.get(t.op)
        f = data.factors.get(t.id, 1.0)
        annual, partial = pick(data.observations, t.indicator, as_of)
        lower = op.lower(ind.direction)
        base_year = t.baseline.year if t.baseline else None
        plan_start = next(p.start for p in data.targets.plans if p.id == t.plan)
        base, base_why, base_estimate = _baseline(t, ind, annual)
        if base_estimate is None and base is not None and base_year is not None:
            base_estimate = _replaced_estimate(data.observations, t, base_year, annual, as_of)
        tol = t.tolerance or op.tolerance
        levels = op.goal(GoalInput(
            value=None if t.value is None else t.value * f, raw=t.value,
            low=None if t.low is None else t.low * f,
            high=None if t.high is None else t.high * f, base=base,
            years=None if base_year is None else t.deadline - base_year,
            tol=tol, lower=lower))
        # validation makes a reference target name its reference indicator
        ref_annual = (pick(data.observations, t.reference or "", as_of)[0]
                      if op.takes_reference else {})
        return cls(t=t, ind=ind, op=op, plan_start=plan_start, annual=annual, partial=partial,
                   lower=lower, linear_unit=op.linear or normalize(ind.unit) in _LINEAR_UNITS,
                   base_year=base_year,
                   start=base_year if base_year is not None else plan_start - 1,
                   base=base, base_why=base_why, tol=tol, levels=levels,
                   stretch=None if t.stretch is None else t.stretch * f,
                   rate=None if t.value is None else t.value / 100, ref_annual=ref_annual,
                   base_estimate=base_estimate)

    @property
    def nominal(self) -> float | None:
        """The level as promised (indicator's unit)."""
        return self.levels.nominal

    @property
    def goal(self) -> float | None:
        """The least level that satisfies the target (None: no level can be set)."""
        return self.levels.goal

    @property
    def low(self) -> float | None:
        return self.levels.low

    @property
    def high(self) -> float | None:
        return self.levels.high

    @property
    def first_year(self) -> int:
        """The first year whose amount counts for a per-year or cumulative target: the year
        after the baseline year, else the plan's first year."""
        return self.t.baseline.year + 1 if self.t.baseline else self.plan_start

    def series(self) -> dict[int, float]:
        """The annual figures' values by year."""
        return {y: o.value for y, o in self.annual.items()}

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


def _replaced_estimate(observations: Iterable[Obs], t: Target, year: int,
                       annual: dict[int, Obs], as_of: date) -> tuple[float, float] | None:
    """(estimate, actual) when the baseline year's figure is an actual that replaced an
    estimate recorded for that year (the baseline read from the observations)."""
    actual = annual.get(year)
    if t.baseline is None or t.baseline.value is not None or actual is None or actual.estimate:
        return None
    estimates = [o for o in observations if o.indicator == t.indicator and o.year == year
                 and o.estimate and not o.partial and o.source_date <= as_of]
    if not estimates:
        return None
    e = max(estimates, key=lambda o: (o.source_date, o.order))
    return e.value, actual.value


def _baseline(t: Target, ind: Indicator, annual: dict[int, Obs]
              ) -> tuple[float | None, str, tuple[float, float] | None]:
    """The baseline value in the indicator's unit and where it comes from: the file's value,
    else the observation for the baseline year; (None, "") when neither is there. A value
    the plan marks as an estimate gives way to the actual figure for its year, once recorded
    (the third item: the estimate and the actual)."""
    if t.baseline and t.baseline.value is not None:
        value = convert(t.baseline.value, t.baseline.unit or ind.unit, ind.unit)
        actual = annual.get(t.baseline.year)
        if t.baseline.estimate and actual is not None and not actual.estimate:
            return (actual.value, say("base_actual", year=t.baseline.year,
                                      estimate=f"{value:g}"), (value, actual.value))
        return value, say("base_in_file"), None
    if t.baseline and t.baseline.year in annual:
        return annual[t.baseline.year].value, say("base_observed", year=t.baseline.year), None
    return None, "", None
