"""The decision rules that are not a level test: growth rate, every year, share of a reference.

Each returns a ``Decision``, or ``decide_special`` returns None for the level-type operators
handled in ``evaluate`` (``Operator.decide`` in planck/operators.py names the rule). As
everywhere, only the deadline year's figure gives a final verdict; a figure for a later year
is shown, never judged.
"""

from __future__ import annotations

from planck.judge import progress as pg
from planck.judge.case import Base
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
        return Decision("no_data", reason="no annual observation yet")
    if case.base is None:
        return Decision("not_assessable", year=max(series),
                        reason=f"baseline value for {case.base_year} needed")
    base = Base(case.base_year, case.base, case.base_why)
    year, final = _judged_year(series, t.deadline)
    note = after_deadline(series, t.deadline)
    if year is None or year <= case.base_year:
        return Decision("no_data", base=base,
                        reason=f"no annual observation after {case.base_year} yet{note}")
    growth = pg.cagr(case.base, series[year], year - case.base_year)
    if growth is None:
        return Decision("not_assessable", year=year, base=base,
                        reason="growth rate undefined for non-positive values")
    ratio = growth / case.rate if case.rate > 0 else None
    p = Pace(method="geometric", base_year=case.base_year, base_value=case.base,
             latest_year=year, observed=growth, required=case.rate, ratio=ratio)
    if final:
        ok = pg.geq(growth, case.rate)
        return Decision("met" if ok else "missed", True, year, p, base=base,
                        reason=f"final: average growth {growth:.2%} a year against "
                        f"{case.rate:.2%}")
    if ratio is None:
        status = "on_track" if pg.geq(growth, case.rate) else "regressing"
    else:
        status = pg.classify(ratio)
    return Decision(status, False, year, p, base=base,
                    ratio_reason=None if ratio is not None else "the promised rate is not "
                    "positive: R is undefined",
                    reason=f"average growth {growth:.2%} a year so far, {case.rate:.2%} "
                    f"required (R = {ratio if ratio is None else round(ratio, 2)}){note}")


def _every_year(case, series: dict[int, float], first_year: int):
    from planck.judge.evaluate import Decision

    t = case.t
    amount = case.goal
    years = [y for y in series if first_year <= y <= t.deadline]
    if not years:
        return Decision("no_data", reason="no annual observation in the period", series=series)
    shown = {y: series[y] for y in years}
    short = [y for y in years if not pg.geq(series[y], amount)]
    year = max(years)
    if short:
        listed = ", ".join(f"{y}: {series[y]:g}" for y in short)
        return Decision("missed", True, short[0], reason=f"below {amount:g} in {listed}",
                        series=shown)
    missing = [y for y in range(first_year, t.deadline + 1) if y not in series]
    if not missing:
        return Decision("met", True, year, series=shown,
                        reason=f"every year {first_year}–{t.deadline} ≥ {amount:g}")
    past_deadline = [y for y in missing if y <= year]
    note = f"; no figure for {', '.join(map(str, past_deadline))}" if past_deadline else ""
    status = "on_track" if year < t.deadline else "not_assessable"
    return Decision(status, False, year, reason=f"every observed year ≥ {amount:g}{note}",
                    series=shown)


def _reference_share(case, series: dict[int, float]):
    from planck.judge.evaluate import Decision, after_deadline

    t = case.t
    if not series:
        return Decision("no_data", reason="no annual observation yet", series={})
    common = {y: series[y] / case.ref_annual[y].value for y in series
              if y in case.ref_annual and case.ref_annual[y].value > 0}
    if not common:
        return Decision("not_assessable", year=max(series), series={},
                        reason=f"no value of reference {t.reference!r} for "
                        f"{', '.join(map(str, series))}")
    goal = case.goal
    year, final = _judged_year(common, t.deadline)
    note = after_deadline(common, t.deadline)
    if year is None:
        return Decision("not_assessable", series=common,
                        reason=f"no year up to {t.deadline} with both figures{note}")
    ratio_now = common[year]
    case.reference_value = case.ref_annual[year].value
    ok = case.satisfied(ratio_now)[0]
    gap = f"{series[year]:g} vs reference {case.reference_value:g} ({ratio_now:.0%})"
    if final or ok:
        return Decision("met" if ok else "missed", final, year, reason=gap + note,
                        series=common)
    earlier = [y for y in common if y < year]
    if not earlier:
        return Decision("not_assessable", year=year, series=common,
                        reason=f"{gap}; pace needs two years with a reference value{note}")
    base = Base(earlier[0], common[earlier[0]], "the earliest year with both figures",
                before_plan=False)
    p = pg.pace("linear", earlier[0], common[earlier[0]], year, ratio_now, t.deadline, goal)
    if p.ratio is None or p.required < 0:
        return Decision("regressing", year=year, pace=p, base=base, series=common,
                        reason=gap + note)
    return Decision(pg.classify(p.ratio), year=year, pace=p, base=base, series=common,
                    reason=f"{gap}; R = {p.ratio:.2f}{note}")


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
