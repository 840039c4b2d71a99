"""The rules on annual amounts: an amount due every year (每年), and a sum over the plan
period (累计). Both count from ``Case.first_year``; docs/methodology.md has the rules.
"""

from __future__ import annotations

from planck.judge import progress_math as pg
from planck.judge.case import Base, Case
from planck.judge.decision import Decision
from planck.reasons import say
from planck.result import Pace


def every_year(case: Case) -> Decision:
    """Every year's amount against the value; the result's series is the years judged."""
    series, t, first = case.series(), case.t, case.first_year
    amount = case.goal if case.goal is not None else 0.0  # validation: per_year has a value
    years = [y for y in series if first <= y <= t.deadline]
    if not years:
        return Decision("no_data", reason=say("no_annual_in_period"))
    shown = {y: series[y] for y in years}
    short = [y for y in years if not pg.geq(series[y], amount)]
    year = max(years)
    if short:
        listed = ", ".join(f"{y}: {series[y]:g}" for y in short)
        return Decision("missed", True, short[0],
                        reason=say("below_in", amount=f"{amount:g}", listed=listed), series=shown)
    missing = [y for y in range(first, t.deadline + 1) if y not in series]
    if not missing:
        return Decision("met", True, year, series=shown,
                        reason=say("every_year", first=first, last=t.deadline,
                                   amount=f"{amount:g}"))
    past_deadline = [y for y in missing if y <= year]
    note = say("no_figure_for", years=", ".join(map(str, past_deadline))) if past_deadline else ""
    status = "on_track" if year < t.deadline else "not_assessable"
    return Decision(status, False, year, series=shown,
                    reason=say("every_observed_year", amount=f"{amount:g}", note=note))


def total(case: Case) -> Decision:
    """A sum over the period; the result's series is the running total by year."""
    series, t, first_year = case.series(), case.t, case.first_year
    goal = case.goal if case.goal is not None else 0.0  # validation: cumulative has a value
    years = [y for y in series if first_year <= y <= t.deadline]
    if not years:
        return Decision("no_data", series={},
                        reason=say("no_amount_between", first=first_year, last=t.deadline))
    last = max(years)
    gaps = [y for y in range(first_year, last + 1) if y not in series]
    running: dict[int, float] = {}
    acc = 0.0
    for y in sorted(years):
        acc += series[y]
        running[y] = acc
    if gaps:
        return Decision("not_assessable", year=last, series=running,
                        reason=say("sum_needs_every_year", years=", ".join(map(str, gaps))))
    done = say("sum_done", total=f"{acc:g}", first=first_year, last=last, goal=f"{goal:g}")
    if case.satisfied(acc)[0]:
        return Decision("met", last == t.deadline, last, reason=done, series=running)
    if last == t.deadline:
        return Decision("missed", True, last, reason=say("final", text=done), series=running)
    n_obs, n_all = last - first_year + 1, t.deadline - first_year + 1
    p = Pace(method="linear", base_year=first_year - 1, base_value=0.0, latest_year=last,
             observed=acc / n_obs, required=goal / n_all, ratio=(acc / n_obs) / (goal / n_all)
             if goal > 0 else None)
    if p.ratio is None:
        return Decision("not_assessable", year=last, series=running, reason=done)
    base = Base(first_year - 1, 0.0, say("base_sum"), before_plan=False)
    return Decision(pg.classify(p.ratio), False, last, p,
                    say("sum_pace", done=done, observed=f"{p.observed:g}",
                        required=f"{p.required:g}", ratio=f"{p.ratio:.2f}"), base,
                    series=running)
