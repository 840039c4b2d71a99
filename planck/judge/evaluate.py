"""Evaluate: a pure function from a city's targets and observations at an as-of date to results.

No I/O, no clock, no printing. The method is written up in docs/methodology.md; the
arithmetic lives in ``progress``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from planck.judge import progress as pg
from planck.read.dataset import CityData, Obs
from planck.read.model import Indicator, Target
from planck.read.units import normalize
from planck.result import ABOUT_TOLERANCE, NEAR_TOLERANCE, ObsRef, PlanRef, Report, Result, TargetRef

_LOWER_OPS = frozenset({"at_most", "rank_at_most"})
_LINEAR_UNITS = frozenset({"%", "百分点", "位"})


def pick(observations: Iterable[Obs], indicator: str, as_of: date
         ) -> tuple[dict[int, Obs], Obs | None]:
    """Annual observations by year (one vintage each) and the latest partial-year one.

    Vintages: a pinned observation wins; otherwise the later source date, then the later
    position in the files. Anything published after ``as_of`` is invisible.
    """
    best: dict[int | str, Obs] = {}
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
    return ObsRef(o.period, o.value, unit, o.partial, o.source, o.source_title,
                  o.source_date, o.url, o.quote, o.file, o.line,
                  given_value=o.raw_value, given_unit=o.unit)


class _Case:
    """Everything one target's verdict depends on, gathered before deciding."""

    def __init__(self, data: CityData, t: Target, ind: Indicator, as_of: date):
        self.t, self.ind = t, ind
        self.plan_start = next(p.start for p in data.targets.plans if p.id == t.plan)
        self.reference_value: float | None = None
        f = data.factors.get(t.id, 1.0)
        self.annual, self.partial = pick(data.observations, t.indicator, as_of)
        self.lower = t.op in _LOWER_OPS or (t.op == "about" and ind.direction == "lower")
        self.linear_unit = normalize(ind.unit) in _LINEAR_UNITS
        self.base_year = t.baseline.year if t.baseline else None
        self.base = None
        if t.baseline and t.baseline.value is not None:
            from planck.read.units import convert
            self.base = convert(t.baseline.value, t.baseline.unit or ind.unit, ind.unit)
        elif self.base_year in self.annual:
            self.base = self.annual[self.base_year].value
        v = None if t.value is None else t.value * f
        self.tol = t.tolerance or (NEAR_TOLERANCE if t.op == "near_reference" else ABOUT_TOLERANCE)
        self.low = self.high = None
        self.nominal = self.goal = v
        if t.op == "coverage":
            self.nominal = self.goal = 100.0 if v is None else v
        elif t.op == "about":
            self.low, self.high = v * (1 - self.tol), v * (1 + self.tol)
            self.goal = self.high if self.lower else self.low
        elif t.op == "between":
            self.low, self.high = t.low * f, t.high * f
            self.nominal = self.goal = self.low
        elif t.op in ("increase_by", "multiple_of"):
            if self.base is None:
                self.nominal = self.goal = None
            else:
                grown = self.base + v if t.op == "increase_by" else self.base * t.value
                self.nominal = self.goal = grown
        elif t.op == "annual_growth":
            self.rate = t.value / 100
            self.nominal = self.goal = (None if self.base is None else
                                        self.base * (1 + self.rate) ** (t.deadline - self.base_year))
        elif t.op == "near_reference":
            self.nominal = self.goal = 1 - self.tol
            self.ref_annual, _ = pick(data.observations, t.reference, as_of)

    def satisfied(self, v: float) -> tuple[bool, bool]:
        """(meets the target, lies beyond the stated range on the good side)."""
        op, g = self.t.op, self.goal
        if op == "more_than":
            return pg.more_than(v, g), False
        if op in _LOWER_OPS:
            return pg.at_most(v, g), False
        if op in ("about", "between"):
            if self.lower:
                return pg.at_most(v, self.high), not pg.at_least(v, self.low)
            return pg.at_least(v, self.low), not pg.at_most(v, self.high)
        return pg.at_least(v, g), False


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
    if v is not None and case.nominal is not None and t.op not in ("per_year", "annual_growth"):
        pct = pg.percent_to_goal(v, case.nominal, base if t.op != "near_reference" else None,
                                 case.lower)
    elif v is not None and t.op == "annual_growth" and case.goal is not None:
        pct = pg.percent_to_goal(v, case.goal, base, False)
    elif v is not None and t.op == "per_year":
        pct = pg.percent_to_goal(v, case.nominal, None, False)
    exp = pg.expected_progress(base_year if base_year is not None else case.plan_start - 1,
                               year, t.deadline) if year is not None else None
    src = next(s for s in data.targets.sources if s.id == t.source)
    f = data.factors.get(t.id, 1.0)
    if t.op in ("multiple_of", "annual_growth") or t.value is None:
        shown = t.value if t.op != "coverage" else case.nominal
    else:
        shown = t.value * f
    target = TargetRef(t.op, t.wording, shown, case.low, case.high, ind.unit,
                       case.goal, case.tol if t.op in ("about", "near_reference") else None,
                       t.reference, t.source, src.title, src.doc_number, t.quote)
    latest = _ref(case.annual.get(year) if year is not None else None, ind.unit)
    return Result(t.id, t.plan, t.indicator, ind.name_zh, ind.name_en, ind.unit, ind.direction,
                  t.deadline, base_year, base, target, latest, _ref(case.partial, ind.unit), status,
                  final, pct, exp, p, above, reason, data.path, data.lines.get(t.id, 0),
                  case.reference_value, series)


def evaluate(data: CityData, as_of: date) -> Report:
    """Evaluate every target of a city at ``as_of``."""
    indicators = {i.id: i for i in data.targets.indicators}
    results = tuple(evaluate_target(data, t, indicators[t.indicator], as_of)
                    for t in data.targets.targets)
    tf = data.targets
    plans = tuple(PlanRef(p.id, p.title_zh, p.title_en, p.start, p.end) for p in tf.plans)
    return Report(tf.city.id, tf.city.name_zh, tf.city.name_en, as_of, plans, results,
                  data.path, data.measured_paths)


def default_as_of(data: CityData) -> date:
    """The as-of date from the data alone, never the clock: the latest observation's source
    date, else the latest target document's date, else 1 January of the first plan year."""
    dates = [o.source_date for o in data.observations]
    if dates:
        return max(dates)
    dated = [s.date for s in data.targets.sources if s.date is not None]
    return max(dated) if dated else date(min(p.start for p in data.targets.plans), 1, 1)
