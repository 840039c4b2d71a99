"""The decision rules that are not a level test: growth rate, every year, share of a reference.

Each returns a ``Decision``, or ``decide_special`` returns None for the level-type operators
handled in ``evaluate`` (``Operator.decide`` in planck/operators.py names the rule). As
everywhere, only the deadline year's figure gives a final verdict; a figure for a later year
is shown, never judged.
"""

from __future__ import annotations

from planck.judge import progress as pg
from planck.judge.case import Base
from planck.reasons import say
from planck.result import Pace


def _judged_year(years, deadline: int) -> tuple[int | None, bool]:
    """(year to judge, final): the deadline year if present, else the latest before it."""
    if deadline in years:
        return deadline, True
    upto = [y for y in years if y <= deadline]
    return (max(upto) if upto else None), False


def _growth_rule(case, series: dict[int, float]):
    from planck.judge.evaluate import Decision, after_deadline

    t = case.t
    if not series:
        return Decision("no_data", reason=say("no_annual"))
    if case.base is None:
        return Decision("not_assessable", year=max(series),
                        reason=say("baseline_needed", year=case.base_year))
    base = Base(case.base_year, case.base, case.base_why)
    year, final = _judged_year(series, t.deadline)
    note = after_deadline(series, t.deadline)
    if year is None or year <= case.base_year:
        return Decision("no_data", base=base,
                        reason=say("no_annual_after", year=case.base_year, note=note))
    growth = pg.cagr(case.base, series[year], year - case.base_year)
    if growth is None:
        return Decision("not_assessable", year=year, base=base,
                        reason=say("growth_undefined"))
    ratio = growth / case.rate if case.rate > 0 else None
    p = Pace(method="geometric", base_year=case.base_year, base_value=case.base,
             latest_year=year, observed=growth, required=case.rate, ratio=ratio)
    if final:
        ok = pg.geq(growth, case.rate)
        return Decision("met" if ok else "missed", True, year, p, base=base,
                        reason=say("final", text=say("growth_final", growth=f"{growth:.2%}",
                                                     rate=f"{case.rate:.2%}")))
    if ratio is None:
        status = "on_track" if pg.geq(growth, case.rate) else "regressing"
    else:
        status = pg.classify(ratio)
    return Decision(status, False, year, p, base=base,
                    ratio_reason=None if ratio is not None else say("rate_not_positive"),
                    reason=say("growth_so_far", growth=f"{growth:.2%}", rate=f"{case.rate:.2%}",
                               ratio=say("none") if ratio is None else str(round(ratio, 2)),
                               note=note))


def _every_year(case, series: dict[int, float], first_year: int):
    from planck.judge.evaluate import Decision

    t = case.t
    amount = case.goal
    years = [y for y in series if first_year <= y <= t.deadline]
    if not years:
        return Decision("no_data", reason=say("no_annual_in_period"), series=series)
    shown = {y: series[y] for y in years}
    short = [y for y in years if not pg.geq(series[y], amount)]
    year = max(years)
    if short:
        listed = ", ".join(f"{y}: {series[y]:g}" for y in short)
        return Decision("missed", True, short[0],
                        reason=say("below_in", amount=f"{amount:g}", listed=listed), series=shown)
    missing = [y for y in range(first_year, t.deadline + 1) if y not in series]
    if not missing:
        return Decision("met", True, year, series=shown,
                        reason=say("every_year", first=first_year, last=t.deadline,
                                   amount=f"{amount:g}"))
    past_deadline = [y for y in missing if y <= year]
    note = say("no_figure_for", years=", ".join(map(str, past_deadline))) if past_deadline else ""
    status = "on_track" if year < t.deadline else "not_assessable"
    return Decision(status, False, year, series=shown,
                    reason=say("every_observed_year", amount=f"{amount:g}", note=note))


def _reference_share(case, series: dict[int, float]):
    from planck.judge.evaluate import Decision, after_deadline

    t = case.t
    if not series:
        return Decision("no_data", reason=say("no_annual"), series={})
    common = {y: series[y] / case.ref_annual[y].value for y in series
              if y in case.ref_annual and case.ref_annual[y].value > 0}
    if not common:
        return Decision("not_assessable", year=max(series), series={},
                        reason=say("no_reference_value", reference=repr(t.reference),
                                   years=", ".join(map(str, series))))
    goal = case.goal
    year, final = _judged_year(common, t.deadline)
    note = after_deadline(common, t.deadline)
    if year is None:
        return Decision("not_assessable", series=common,
                        reason=say("no_common_year_upto", year=t.deadline, note=note))
    ratio_now = common[year]
    case.reference_value = case.ref_annual[year].value
    ok = case.satisfied(ratio_now)[0]
    gap = say("share_gap", value=f"{series[year]:g}", reference=f"{case.reference_value:g}",
              share=f"{ratio_now:.0%}")
    if final or ok:
        return Decision("met" if ok else "missed", final, year,
                        reason=say("with_note", text=gap, note=note), series=common)
    earlier = [y for y in common if y < year]
    if not earlier:
        return Decision("not_assessable", year=year, series=common,
                        reason=say("share_needs_two", gap=gap, note=note))
    base = Base(earlier[0], common[earlier[0]], say("base_common"), before_plan=False)
    p = pg.pace("linear", earlier[0], common[earlier[0]], year, ratio_now, t.deadline, goal)
    if p.ratio is None or p.required < 0:
        return Decision("regressing", year=year, pace=p, base=base, series=common,
                        reason=say("with_note", text=gap, note=note))
    return Decision(pg.classify(p.ratio), year=year, pace=p, base=base, series=common,
                    reason=say("share_ratio", gap=gap, ratio=f"{p.ratio:.2f}", note=note))


def decide_special(case, series: dict[int, float]):
    """Verdict for growth-rate, per-year and reference targets; None for level targets."""
    rule = case.op.decide
    if rule == "growth":
        return _growth_rule(case, series)
    if rule == "every_year":
        first = case.t.baseline.year + 1 if case.t.baseline else None
        return _every_year(case, series, first or case.plan_start)
    if rule == "reference":
        return _reference_share(case, series)
    if rule == "growth_vs":
        from planck.judge.evaluate_flows import growth_vs
        return growth_vs(case, series)
    if rule == "sum":
        from planck.judge.evaluate_flows import total
        first = case.t.baseline.year + 1 if case.t.baseline else None
        return total(case, series, first or case.plan_start)
    return None
