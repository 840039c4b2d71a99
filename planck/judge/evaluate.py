"""Evaluate: a pure function from a city's targets and observations at an as-of date to results.

No I/O, no clock, no printing. The method is written up in docs/methodology.md; the
arithmetic lives in ``progress``, one target's inputs in ``case``, the rules that are not a
level test in ``evaluate_ops``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from planck.judge import progress as pg
from planck.judge.case import Base, Case, pick
from planck.judge.stale import is_stale
from planck.read.dataset import CityData, Obs
from planck.read.model import Indicator, Target
from planck.reasons import say
from planck.result import (
    MAX_AGE,
    BasePoint,
    ObsRef,
    Pace,
    PlanRef,
    Report,
    Result,
    TargetRef,
)

__all__ = ["Decision", "evaluate", "evaluate_target", "default_as_of", "pick"]


@dataclass
class Decision:
    """What a decision rule concludes (``year`` is the annual figure it rests on)."""

    status: str
    final: bool = False
    year: int | None = None
    pace: Pace | None = None
    reason: str = ""
    base: Base | None = None
    ratio_reason: str | None = None
    series: dict[int, float] | None = None
    above: bool = False


def _ref(o: Obs | None, unit: str) -> ObsRef | None:
    """``o`` as shown: its value (already converted) with ``unit``, the indicator's unit."""
    if o is None:
        return None
    return ObsRef(period=o.period, value=o.value, unit=unit, partial=o.partial,
                  source=o.source, source_title=o.source_title, source_date=o.source_date,
                  url=o.url, quote=o.quote, file=o.file, line=o.line,
                  given_value=o.raw_value, given_unit=o.unit)


def after_deadline(series: dict[int, float], deadline: int) -> str:
    """The reason's note on figures for years after the deadline (shown, never judged)."""
    late = [y for y in series if y > deadline]
    if not late or deadline in series:
        return ""
    shown = ", ".join(f"{y}: {series[y]:g}" for y in late)
    return say("after_deadline", deadline=deadline, shown=shown)


def _decide(case: Case, series: dict[int, float]) -> Decision:
    """The level test and pace rule of docs/methodology.md."""
    t = case.t
    if not any(y > case.start for y in series):
        return Decision("no_data", reason=say("no_annual_after", year=case.start, note=""))
    note = after_deadline(series, t.deadline)
    upto = [y for y in series if y <= t.deadline]
    if case.goal is None:
        return Decision("not_assessable", year=max(upto or series),
                        reason=say("baseline_needed", year=case.base_year) if case.base is None
                        else say("no_goal_level", base=f"{case.base:g}", year=case.base_year))
    ok = t.deadline in series and case.satisfied(series[t.deadline])[0]
    if t.late_ok and not ok:
        good = [y for y in series if y > t.deadline and case.satisfied(series[y])[0]]
        if good:
            return Decision("met", True, good[0],
                            reason=say("met_late", year=good[0], deadline=t.deadline))
    if t.deadline in series:
        return Decision("met" if ok else "missed", True, t.deadline, reason=say("final_verdict"))
    in_plan = [y for y in upto if y > case.start]
    if not in_plan:
        return Decision("not_assessable",
                        reason=say("no_figure_between", first=case.start + 1,
                                   last=t.deadline, note=note))
    year = max(upto)
    v = series[year]
    if case.satisfied(v)[0]:
        return Decision("met", year=year, reason=say("latest_meets", note=note))
    base = case.base_point(series)
    if base is None:
        earlier = [y for y in upto if y < year]
        if not earlier:
            return Decision("not_assessable", year=year,
                            reason=say("pace_needs_two", note=note),
                            ratio_reason=say("no_base_point"))
        base = Base(earlier[0], series[earlier[0]], say("base_earliest"), before_plan=False)
    method = pg.choose_method(t.pace, base.value, case.goal, case.linear_unit)
    p = pg.pace(method, base.year, base.value, year, v, t.deadline, case.goal)
    if case.satisfied(base.value)[0] or p.ratio is None:
        why = say("base_met_goal", year=base.year, value=f"{base.value:g}")
        return Decision("regressing", year=year, pace=replace(p, ratio=None), base=base,
                        reason=say("met_then_not", base_year=base.year, year=year, note=note),
                        ratio_reason=why)
    return Decision(pg.classify(p.ratio), year=year, pace=p, base=base,
                    reason=say("pace_ratio", ratio=f"{p.ratio:.2f}", method=say(method),
                               note=note))


def _provisional(case: Case, d: Decision) -> bool:
    """A stock's in-year count that already satisfies the target (docs/methodology.md)."""
    o, t = case.partial, case.t
    if case.ind.kind != "stock" or o is None or d.final or d.status == "met":
        return False
    if case.goal is None or not case.start < o.year <= t.deadline:
        return False
    return (d.year is None or o.year > d.year) and case.satisfied(o.value)[0]


def evaluate_target(data: CityData, t: Target, ind: Indicator, as_of: date,
                    max_age: int = MAX_AGE) -> Result:
    """The status of one target at ``as_of``."""
    from planck.judge.evaluate_ops import decide_special

    case = Case(data, t, ind, as_of)
    series = {y: o.value for y, o in case.annual.items()}
    d = decide_special(case, series) or _decide(case, series)
    year = d.year
    if d.series is not None:
        series = d.series
    elif year is not None and case.goal is not None:
        d.above = case.satisfied(series[year])[1]
    provisional = _provisional(case, d)
    o = case.partial
    if provisional and o is not None:
        d.status = "met"
        d.reason = say("provisional", value=f"{o.value:g}", period=o.period)
    v = series.get(year) if year is not None else None
    if provisional and o is not None:
        v = o.value  # the figure the verdict rests on is the one measured against the goal
    base = d.base if d.base is not None and d.base.before_plan else None
    if base is None and d.base is None and case.op.percent != "share":
        base = case.base_point(series)
    pct, pct_reason, attain = None, None, None
    if case.op.percent == "none":
        pct_reason = say("pct_growth")
    elif v is not None and case.nominal is not None:
        attain = pg.attainment(v, case.nominal, case.lower)
        if case.op.percent == "share":
            pct = pg.percent_to_goal(v, case.nominal, None, case.lower)
        elif base is not None and case.satisfied(base.value)[0]:
            pct_reason = say("pct_no_gap", year=base.year, value=f"{base.value:g}")
        else:
            pct = pg.percent_to_goal(v, case.nominal, None if base is None else base.value,
                                     case.lower)
            if pct is None:
                pct_reason = say("pct_reversed")
    elif v is None:
        pct_reason = say("pct_no_figure")
    else:
        pct_reason = say("pct_no_level")
    start = base.year if base is not None else case.start
    at = o.year if provisional and o is not None else year
    exp = pg.expected_progress(start, at, t.deadline) if at is not None else None
    src = next(s for s in data.targets.sources if s.id == t.source)
    f = data.factors.get(t.id, 1.0)
    if case.op.value_kind in ("factor", "rate", "percent"):
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
    shown_base = d.base or base
    method = d.pace.method if d.pace is not None else None
    if method is None and shown_base is not None and case.goal is not None \
            and case.op.trajectory:
        method = pg.choose_method(t.pace, shown_base.value, case.goal, case.linear_unit)
    ratio_reason = d.ratio_reason
    if ratio_reason is None and (d.pace is None or d.pace.ratio is None):
        ratio_reason = (say("no_projection_final") if d.final else
                        say("no_projection_met") if d.status == "met"
                        else d.reason if d.status in ("no_data", "not_assessable")
                        else say("no_pace_rule"))
    result = Result(id=t.id, plan=t.plan, indicator=t.indicator, name=ind.name_zh,
                  name_en=ind.name_en, unit=ind.unit, direction=ind.direction,
                  deadline=t.deadline, baseline_year=case.base_year, baseline=case.base,
                  target=target, latest=_ref(case.annual.get(year) if year else None, ind.unit),
                  latest_partial=_ref(case.partial, ind.unit), status=d.status,
                  final=d.final, percent_to_goal=pct, expected_progress=exp, pace=d.pace,
                  above_range=d.above, reason=d.reason, file=data.path,
                  line=data.lines.get(t.id, 0), reference_value=case.reference_value,
                  years=series, attribute=t.attribute, stretch=case.stretch,
                  overdue=not d.final and as_of.year > t.deadline + 1,
                  provisional=provisional, attainment=attain, percent_reason=pct_reason,
                  base_point=None if shown_base is None else BasePoint(
                      year=shown_base.year, value=shown_base.value, why=shown_base.why),
                  ratio_reason=ratio_reason, pace_method=method)
    return replace(result, stale=is_stale(result, as_of.year, max_age))


def evaluate(data: CityData, as_of: date, max_age: int = MAX_AGE) -> Report:
    """Evaluate every target of a city at ``as_of``; ``max_age`` years make a figure stale."""
    indicators = {i.id: i for i in data.targets.indicators}
    results = tuple(evaluate_target(data, t, indicators[t.indicator], as_of, max_age)
                    for t in data.targets.targets)
    tf = data.targets
    plans = tuple(PlanRef(id=p.id, title_zh=p.title_zh, title_en=p.title_en, start=p.start,
                          end=p.end) for p in tf.plans)
    return Report(city=tf.city.id, name_zh=tf.city.name_zh, name_en=tf.city.name_en,
                  as_of=as_of, plans=plans, results=results, file=data.path,
                  measured=data.measured_paths, max_age=max_age)


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
