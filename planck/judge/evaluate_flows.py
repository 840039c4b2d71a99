"""Two more decision rules: growth against another indicator's growth, and a sum of flows.

``growth_vs`` (增长高于 / 与…基本同步): the compound growth a year of the indicator since the
baseline year against the reference indicator's over the same years. ``sum`` (累计): the sum of
the annual amounts over the plan period against the value. docs/methodology.md has the rules.
"""

from __future__ import annotations

from planck.judge import progress as pg
from planck.judge.case import Base
from planck.reasons import say
from planck.result import Pace


def growth_vs(case, series: dict[int, float]):
    """Compare growth rates; the result's series is the gap in growth points a year."""
    from planck.judge.evaluate import Decision, after_deadline

    t, b = case.t, case.base_year
    ref = {y: o.value for y, o in case.ref_annual.items()}
    if case.base is None or b not in ref:
        missing = [w for w, ok in ((say("the_indicator"), case.base is not None),
                                   (say("the_reference", reference=repr(t.reference)),
                                    b in ref)) if not ok]
        both = missing[0] if len(missing) == 1 else say("and", a=missing[0], b=missing[1])
        return Decision("not_assessable", series={},
                        reason=say("need_base_year", missing=both, year=b))
    years = [y for y in series if y > b and y in ref and y <= t.deadline]
    note = after_deadline({y: series[y] for y in series if y in ref}, t.deadline)
    if not years:
        return Decision("no_data", series={},
                        reason=say("no_common_year_after", year=b, note=note))
    gaps: dict[int, float] = {}
    for y in sorted(years):
        own, other = pg.cagr(case.base, series[y], y - b), pg.cagr(ref[b], ref[y], y - b)
        if own is None or other is None:
            return Decision("not_assessable", year=y, series={},
                            reason=say("growth_undefined"))
        gaps[y] = own - other
    year = max(gaps)
    final = year == t.deadline
    own = pg.cagr(case.base, series[year], year - b) or 0.0
    other = own - gaps[year]
    ok = case.satisfied(gaps[year])[0]
    words = say("growth_vs", own=f"{own:.2%}", year=b, other=f"{other:.2%}",
                reference=t.reference, points=f"{gaps[year] * 100:+.2f}")
    p = Pace(method="geometric", base_year=b, base_value=case.base, latest_year=year,
             observed=own, required=other, ratio=None)
    base = Base(b, case.base, case.base_why)
    if final:
        return Decision("met" if ok else "missed", True, year, p, say("final", text=words),
                        base, ratio_reason=say("growth_not_paced"), series=gaps)
    return Decision("on_track" if ok else "off_track", False, year, p,
                    say("with_note", text=words, note=note), base,
                    ratio_reason=say("growth_not_paced"), series=gaps)


def total(case, series: dict[int, float], first_year: int):
    """A sum over the period; the result's series is the running total by year."""
    from planck.judge.evaluate import Decision

    t, goal = case.t, case.goal
    years = [y for y in series if first_year <= y <= t.deadline]
    if not years:
        return Decision("no_data", series={},
                        reason=say("no_amount_between", first=first_year, last=t.deadline))
    last = max(years)
    gaps = [y for y in range(first_year, last + 1) if y not in series]
    running, acc = {}, 0.0
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
    base = Base(first_year - 1, 0.0, say("base_sum"), before_plan=False)
    if p.ratio is None:
        return Decision("not_assessable", year=last, series=running, reason=done)
    return Decision(pg.classify(p.ratio), False, last, p,
                    say("sum_pace", done=done, observed=f"{p.observed:g}",
                        required=f"{p.required:g}", ratio=f"{p.ratio:.2f}"), base,
                    series=running)
