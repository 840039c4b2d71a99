"""Progress of a decided target: percent to goal, attainment, the share of the period
elapsed, the base point and pace method shown, and why a number is missing
(docs/methodology.md). Also the target as a result shows it.
"""

from __future__ import annotations

from planck.judge import progress_math as pg
from planck.judge.case import Base, Case
from planck.judge.decision import Decision
from planck.operators import Percent
from planck.read.dataset import CityData, Obs
from planck.reasons import say
from planck.result import BasePoint, Pacing, Progress, TargetRef


def _base(case: Case, d: Decision, series: dict[int, float]) -> Base | None:
    """The base point percent to goal is measured from: the rule's own when it lies before
    the plan, else (when the rule chose none) the case's, except for a share."""
    if d.base is not None:
        return d.base if d.base.before_plan else None
    return None if case.op.percent == Percent.SHARE else case.base_point(series)


def _percent(case: Case, v: float | None, base: Base | None
             ) -> tuple[float | None, str | None, float | None]:
    """(percent to goal, why it is null, attainment) of the figure ``v``."""
    if case.op.percent == Percent.NONE:
        return None, say("pct_growth"), None
    if v is None:
        return None, say("pct_no_figure"), None
    if case.nominal is None:
        return None, say("pct_no_level"), None
    attain = pg.attainment(v, case.nominal, case.lower)
    if case.op.percent == Percent.SHARE:
        return pg.percent_to_goal(v, case.nominal, None, case.lower), None, attain
    if base is not None and case.satisfied(base.value)[0]:
        return None, say("pct_no_gap", year=base.year, value=f"{base.value:g}"), attain
    pct = pg.percent_to_goal(v, case.nominal, None if base is None else base.value, case.lower)
    return pct, None if pct is not None else say("pct_reversed"), attain


def _ratio_reason(d: Decision) -> str | None:
    """Why the pace ratio R is null (or there is no pace); None when there is one."""
    if d.ratio_reason is not None or (d.pace is not None and d.pace.ratio is not None):
        return d.ratio_reason
    if d.final:
        return say("no_projection_final")
    if d.status == "met":
        return say("no_projection_met")
    return d.reason if d.status in ("no_data", "not_assessable") else say("no_pace_rule")


def _method(case: Case, d: Decision, shown: Base | None) -> str | None:
    """The pace method used, or the one that would be (the chart's trajectory follows it)."""
    if d.pace is not None:
        return d.pace.method
    if shown is None or case.goal is None or not case.op.trajectory:
        return None
    return pg.choose_method(case.t.pace, shown.value, case.goal, case.linear_unit)


def progress(case: Case, d: Decision, series: dict[int, float], provisional: Obs | None
             ) -> tuple[Progress, Pacing]:
    """The progress and pacing of decision ``d`` (on ``series``, the values it judged), as
    the result shows them; a provisional verdict is measured on the in-year figure it rests
    on. The catch-up pace is read off the finished verdict (``terms.with_terms``)."""
    v: float | None = None
    at: int | None = d.year
    if provisional is not None:
        v, at = provisional.value, provisional.year
    elif d.year is not None:
        v = series.get(d.year)
    base = _base(case, d, series)
    pct, pct_reason, attain = _percent(case, v, base)
    start = base.year if base is not None else case.start
    shown = d.base or base
    progress = Progress(
        percent_to_goal=pct, percent_reason=pct_reason, attainment=attain,
        expected_progress=None if at is None else pg.expected_progress(start, at,
                                                                       case.t.deadline),
        base_point=None if shown is None else BasePoint(year=shown.year, value=shown.value,
                                                         why=shown.why))
    return progress, Pacing(pace=d.pace, method=_method(case, d, shown),
                            ratio_reason=_ratio_reason(d))


def target_ref(data: CityData, case: Case) -> TargetRef:
    """What was promised, as a result shows it (in the indicator's unit)."""
    t, op = case.t, case.op
    src = next(s for s in data.targets.sources if s.id == t.source)
    if op.value_kind in ("factor", "rate", "percent"):
        shown = t.value
    elif t.value is None:
        shown = case.nominal if op.shape == "optional" else None
    else:
        shown = t.value * data.factors.get(t.id, 1.0)
    return TargetRef(op=t.op, wording=t.wording, value=shown, low=case.low, high=case.high,
                     unit=case.ind.unit, goal=case.goal,
                     tolerance=case.tol if op.tolerance is not None else None,
                     reference=t.reference, source=t.source, source_title=src.title,
                     doc_number=src.doc_number, quote=t.quote)
