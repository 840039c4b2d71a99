"""The decision rules, one function per ``operators.Rule``, and the level rule itself.

``RULES`` maps every rule of the operator table to its function; the judge looks the
operator's rule up here and never branches on an operator's name. The level test and pace
rule are docs/methodology.md's; the other rules live in ``rule_growth``, ``rule_amounts``
and ``rule_reference``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from types import MappingProxyType

from planck.judge import progress_math as pg
from planck.judge import rule_amounts, rule_growth, rule_reference
from planck.judge.case import Base, Case
from planck.judge.decision import Decision, after_deadline
from planck.operators import Rule
from planck.reasons import say

#: A decision rule: a target's case to its decision.
Decide = Callable[[Case], Decision]


def _no_goal(case: Case, year: int) -> Decision:
    """A level target whose goal cannot be set: no baseline, or none that sets a level."""
    why = (say("baseline_needed", year=case.base_year) if case.base is None
           else say("no_goal_level", base=f"{case.base:g}", year=case.base_year))
    return Decision("not_assessable", year=year, reason=why)


def _late(case: Case, series: dict[int, float]) -> Decision | None:
    """A ``late_ok`` target met after its deadline: met, final, from its first good year."""
    deadline = case.t.deadline
    if not case.t.late_ok or (deadline in series and case.satisfied(series[deadline])[0]):
        return None
    good = [y for y in series if y > deadline and case.satisfied(series[y])[0]]
    if good:
        return Decision("met", True, good[0], reason=say("met_late", year=good[0], deadline=deadline))
    return None


def level(case: Case) -> Decision:
    """The level test and pace rule of docs/methodology.md."""
    series = case.series()
    t, goal = case.t, case.goal
    if not any(y > case.start for y in series):
        return Decision("no_data", reason=say("no_annual_after", year=case.start, note=""))
    note = after_deadline(series, t.deadline)
    upto = [y for y in series if y <= t.deadline]
    if goal is None:
        return _no_goal(case, max(upto or series))
    late = _late(case, series)
    if late is not None:
        return late
    if t.deadline in series:
        ok = case.satisfied(series[t.deadline])[0]
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
    return _paced(case, base, year, v, note, goal)


def _paced(case: Case, base: Base, year: int, v: float, note: str, goal: float) -> Decision:
    """A level not yet met at ``year``: the pace from the base point decides."""
    method = pg.choose_method(case.t.pace, base.value, goal, case.linear_unit)
    p = pg.pace(method, base.year, base.value, year, v, case.t.deadline, goal)
    if case.satisfied(base.value)[0] or p.ratio is None:
        why = say("base_met_goal", year=base.year, value=f"{base.value:g}")
        return Decision("regressing", year=year, pace=replace(p, ratio=None), base=base,
                        reason=say("met_then_not", base_year=base.year, year=year, note=note),
                        ratio_reason=why)
    return Decision(pg.classify(p.ratio), year=year, pace=p, base=base,
                    reason=say("pace_ratio", ratio=f"{p.ratio:.2f}", method=say(method),
                               note=note))


#: Every rule of the operator table and its decision function.
RULES: Mapping[Rule, Decide] = MappingProxyType({
    Rule.LEVEL: level,
    Rule.GROWTH: rule_growth.growth,
    Rule.GROWTH_VS: rule_growth.growth_vs,
    Rule.EVERY_YEAR: rule_amounts.every_year,
    Rule.SUM: rule_amounts.total,
    Rule.REFERENCE: rule_reference.share,
})


def decide(case: Case) -> Decision:
    """The decision of the case's operator's rule."""
    return RULES[case.op.decide](case)
