"""The decision rules that are not a level test: growth rate, every year, share of a reference.

Each returns ``(status, final, year, pace, reason, series, above_range)`` or None for the
level-type operators handled in ``evaluate`` (``Operator.decide`` in planck/operators.py
names the rule).
"""

from __future__ import annotations

from datetime import date

from planck.judge import progress as pg
from planck.result import Pace


def _growth_rule(case, series: dict[int, float]):
    t = case.t
    if not series:
        return "no_data", False, None, None, "no annual observation yet", series, False
    if case.base is None:
        return ("not_assessable", False, max(series), None,
                f"baseline value for {case.base_year} needed", series, False)
    later = [y for y in series if y >= t.deadline]
    final = bool(later)
    year = (t.deadline if t.deadline in series else later[0]) if final else max(series)
    n = year - case.base_year
    if n <= 0:
        return ("no_data", False, None, None, f"no annual observation after {case.base_year} yet",
                series, False)
    growth = pg.cagr(case.base, series[year], n)
    if growth is None:
        return ("not_assessable", False, year, None,
                "growth rate undefined for non-positive values", series, False)
    ratio = growth / case.rate if case.rate > 0 else None
    p = Pace(method="geometric", base_year=case.base_year, base_value=case.base,
             latest_year=year, observed=growth, required=case.rate, ratio=ratio)
    if final:
        ok = pg.geq(growth, case.rate)
        return ("met" if ok else "missed", True, year, p,
                f"final: average growth {growth:.2%} a year against {case.rate:.2%}", series, False)
    if ratio is None:
        status = "on_track" if pg.geq(growth, case.rate) else "regressing"
    else:
        status = pg.classify(ratio)
    return (status, False, year, p, f"average growth {growth:.2%} a year so far, "
            f"{case.rate:.2%} required (R = {ratio if ratio is None else round(ratio, 2)})",
            series, False)


def _every_year(case, series: dict[int, float], first_year: int):
    t = case.t
    amount = case.goal
    years = [y for y in series if first_year <= y <= t.deadline]
    if not years:
        return "no_data", False, None, None, "no annual observation in the period", series, False
    short = [y for y in years if not pg.geq(series[y], amount)]
    year = max(years)
    if short:
        listed = ", ".join(f"{y}: {series[y]:g}" for y in short)
        return ("missed", True, short[0], None, f"below {amount:g} in {listed}",
                {y: series[y] for y in years}, False)
    missing = [y for y in range(first_year, t.deadline + 1) if y not in series]
    if not missing:
        return ("met", True, year, None, f"every year {first_year}–{t.deadline} ≥ {amount:g}",
                {y: series[y] for y in years}, False)
    past_deadline = [y for y in missing if y <= year]
    note = f"; no figure for {', '.join(map(str, past_deadline))}" if past_deadline else ""
    status = "on_track" if year < t.deadline else "not_assessable"
    return (status, False, year, None, f"every observed year ≥ {amount:g}{note}",
            {y: series[y] for y in years}, False)


def _reference_share(case, series: dict[int, float]):
    t = case.t
    if not series:
        return "no_data", False, None, None, "no annual observation yet", {}, False
    common = {y: series[y] / case.ref_annual[y].value for y in series
              if y in case.ref_annual and case.ref_annual[y].value > 0}
    if not common:
        return ("not_assessable", False, max(series), None,
                f"no value of reference {t.reference!r} for {', '.join(map(str, series))}",
                {}, False)
    goal = case.goal
    later = [y for y in common if y >= t.deadline]
    final = bool(later)
    year = (t.deadline if t.deadline in common else later[0]) if final else max(common)
    ratio_now = common[year]
    case.reference_value = case.ref_annual[year].value
    ok = pg.geq(ratio_now, goal)
    gap = f"{series[year]:g} vs reference {case.reference_value:g} ({ratio_now:.0%})"
    if final or ok:
        return ("met" if ok else "missed", final, year, None, gap, common, False)
    earlier = [y for y in common if y < year]
    if not earlier:
        return ("not_assessable", False, year, None,
                f"{gap}; pace needs two years with a reference value", common, False)
    p = pg.pace("linear", earlier[0], common[earlier[0]], year, ratio_now, t.deadline, goal)
    if p.ratio is None or p.required < 0:
        return "regressing", False, year, p, gap, common, False
    return pg.classify(p.ratio), False, year, p, f"{gap}; R = {p.ratio:.2f}", common, False


def decide_special(case, series: dict[int, float], as_of: date):
    """Verdict for growth-rate, per-year and reference targets; None for level targets."""
    rule = case.op.decide
    if rule == "growth":
        return _growth_rule(case, series)
    if rule == "every_year":
        first = case.t.baseline.year + 1 if case.t.baseline else None
        return _every_year(case, series, first or case.plan_start)
    if rule == "reference":
        return _reference_share(case, series)
    return None
