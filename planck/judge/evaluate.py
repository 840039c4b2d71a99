"""Evaluate: a pure function from a city's targets and observations at an as-of date to results.

No I/O, no clock, no printing. The method is written up in docs/methodology.md; the
arithmetic lives in ``progress``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from planck import operators
from planck.judge import progress as pg
from planck.operators import GoalInput
from planck.read.dataset import CityData, Obs
from planck.read.model import Indicator, Target
from planck.read.units import normalize
from planck.result import ObsRef, PlanRef, Report, Result, TargetRef

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


def _ref(o: Obs | None, unit: str) -> ObsRef | None:
    """``o`` as shown: its value (already converted) with ``unit``, the indicator's unit."""
    if o is None:
        return None
    return ObsRef(period=o.period, value=o.value, unit=unit, partial=o.partial,
                  source=o.source, source_title=o.source_title, source_date=o.source_date,
                  url=o.url, quote=o.quote, file=o.file, line=o.line,
                  given_value=o.raw_value, given_unit=o.unit)


class _Case:
    """Everything one target's verdict depends on, gathered before deciding."""

    def __init__(self, data: CityData, t: Target, ind: Indicator, as_of: date):
        self.t, self.ind = t, ind
        self.op = operators.get(t.op)
        self.plan_start = next(p.start for p in data.targets.plans if p.id == t.plan)
        self.reference_value: float | None = None
        f = data.factors.get(t.id, 1.0)
        self.annual, self.partial = pick(data.observations, t.indicator, as_of)
        self.lower = self.op.lower(ind.direction)
        self.linear_unit = normalize(ind.unit) in _LINEAR_UNITS
        self.base_year = t.baseline.year if t.baseline else None
        self.base = None
        if t.baseline and t.baseline.value is not None:
            from planck.read.units import convert
            self.base = convert(t.baseline.value, t.baseline.unit or ind.unit, ind.unit)
        elif self.base_year in self.annual:
            self.base = self.annual[self.base_year].value
        self.tol = t.tolerance or self.op.tolerance
        self.levels = self.op.goal(GoalInput(
            value=None if t.value is None else t.value * f, raw=t.value,
            low=None if t.low is None else t.low * f,
            high=None if t.high is None else t.high * f, base=self.base,
            years=None if self.base_year is None else t.deadline - self.base_year,
            tol=self.tol, lower=self.lower))
        self.nominal, self.goal = self.levels.nominal, self.levels.goal
        self.low, self.high = self.levels.low, self.levels.high
        self.rate = None if t.value is None else t.value / 100
        if self.op.shape == "reference":
            # validation makes a reference target name its reference indicator
            self.ref_annual, _ = pick(data.observations, t.reference or "", as_of)

    def satisfied(self, v: float) -> tuple[bool, bool]:
        """(meets the target, lies beyond the stated range on the good side)."""
        return self.op.level(v, self.levels, self.lower)


def _final_obs(case: _Case, series: dict[int, float]) -> int | None:
    """Year whose value gives the final verdict: the deadline year, else the first after it."""
    later = [y for y in series if y >= case.t.deadline]
    if not later:
        return None
    if case.t.late_ok:
        good = [y for y in later if case.satisfied(series[y])[0]]
        return good[0] if good else later[-1]
    return case.t.deadline if case.t.deadline in series else later[0]


def _decide(case: _Case, series: dict[int, float], base_year: int | None,
            base: float | None) -> tuple[str, bool, int | None, object, str]:
    """(status, final, year used, pace, reason) for level-type targets."""
    t = case.t
    start = base_year if base_year is not None else case.plan_start - 1
    if not any(y > start for y in series):
        return "no_data", False, None, None, f"no annual observation after {start} yet"
    if base is None and base_year is None:
        # figures from before the plan began serve as its baseline
        before = [y for y in series if y <= start]
        if before:
            base_year, base = before[-1], series[before[-1]]
    final_year = _final_obs(case, series)
    year = final_year if final_year is not None else max(series)
    v = series[year]
    if case.goal is None:
        return "not_assessable", False, year, None, f"baseline value for {case.base_year} needed"
    ok, _ = case.satisfied(v)
    if final_year is not None:
        late = "" if year == t.deadline else f" (no {t.deadline} figure; judged on {year})"
        return ("met" if ok else "missed"), True, year, None, f"final verdict{late}"
    if ok:
        return "met", False, year, None, "the latest value already meets the target"
    if base is None or base_year is None:
        earlier = [y for y in series if y < year]
        if not earlier:
            return ("not_assessable", False, year, None,
                    "pace needs a baseline or two annual observations")
        base_year, base = earlier[0], series[earlier[0]]
    method = pg.choose_method(t.pace, base, case.goal, case.linear_unit)
    p = pg.pace(method, base_year, base, year, v, t.deadline, case.goal)
    if p.ratio is None or (p.required * (-1 if case.lower else 1)) < 0:
        return "regressing", False, year, p, f"the goal was met in {base_year} but not in {year}"
    return pg.classify(p.ratio), False, year, p, f"pace ratio R = {p.ratio:.2f} ({method})"


def evaluate_target(data: CityData, t: Target, ind: Indicator, as_of: date) -> Result:
    """The status of one target at ``as_of``."""
    from planck.judge.evaluate_ops import decide_special

    case = _Case(data, t, ind, as_of)
    series = {y: o.value for y, o in case.annual.items()}
    base_year, base = case.base_year, case.base
    special = decide_special(case, series, as_of)
    if special is not None:
        status, final, year, p, reason, series, above = special
    else:
        status, final, year, p, reason = _decide(case, series, base_year, base)
        above = year is not None and case.goal is not None and case.satisfied(series[year])[1]
    v = series.get(year) if year is not None else None
    pct = None
    if v is not None and case.nominal is not None:
        if case.op.percent == "share":
            pct = pg.percent_to_goal(v, case.nominal, None, case.lower)
        else:
            pct = pg.percent_to_goal(v, case.nominal, base, case.lower)
    exp = pg.expected_progress(base_year if base_year is not None else case.plan_start - 1,
                               year, t.deadline) if year is not None else None
    src = next(s for s in data.targets.sources if s.id == t.source)
    f = data.factors.get(t.id, 1.0)
    if case.op.value_kind in ("factor", "rate"):
        shown = t.value
    elif t.value is None:
        shown = case.nominal if case.op.shape == "optional" else None
    else:
        shown = t.value * f
    target = TargetRef(op=t.op, wording=t.wording, value=shown, low=case.low, high=case.high,
                       unit=ind.unit, goal=case.goal,
                       tolerance=case.tol if case.op.tolerance is not None else None,
                       reference=t.reference, source=t.source, source_title=src.title,
                       doc_number=src.doc_number, quote=t.quote)
    latest = _ref(case.annual.get(year) if year is not None else None, ind.unit)
    return Result(id=t.id, plan=t.plan, indicator=t.indicator, name=ind.name_zh,
                  name_en=ind.name_en, unit=ind.unit, direction=ind.direction,
                  deadline=t.deadline, baseline_year=base_year, baseline=base, target=target,
                  latest=latest, latest_partial=_ref(case.partial, ind.unit), status=status,
                  final=final, percent_to_goal=pct, expected_progress=exp, pace=p,
                  above_range=above, reason=reason, file=data.path,
                  line=data.lines.get(t.id, 0), reference_value=case.reference_value,
                  years=series)


def evaluate(data: CityData, as_of: date) -> Report:
    """Evaluate every target of a city at ``as_of``."""
    indicators = {i.id: i for i in data.targets.indicators}
    results = tuple(evaluate_target(data, t, indicators[t.indicator], as_of)
                    for t in data.targets.targets)
    tf = data.targets
    plans = tuple(PlanRef(id=p.id, title_zh=p.title_zh, title_en=p.title_en, start=p.start,
                          end=p.end) for p in tf.plans)
    return Report(city=tf.city.id, name_zh=tf.city.name_zh, name_en=tf.city.name_en,
                  as_of=as_of, plans=plans, results=results, file=data.path,
                  measured=data.measured_paths)


def default_as_of(data: CityData) -> date:
    """The as-of date from the data alone, never the clock: the latest observation's source
    date, else the latest target document's date, else 1 January of the first plan year."""
    dates = [o.source_date for o in data.observations]
    if dates:
        return max(dates)
    dated = [s.date for s in data.targets.sources if s.date is not None]
    if dated:
        return max(dated)
    # a new city without plans has nothing to evaluate; its first day of 2021 is as good as any
    return date(min((p.start for p in data.targets.plans), default=2021), 1, 1)
