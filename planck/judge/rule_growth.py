"""The growth rules: compound growth a year against a rate (年均增长), and against another
indicator's growth over the same years (增长高于 / 与…基本同步). docs/methodology.md has
the rules. As everywhere, only the deadline year's figure gives a final verdict; a figure for
a later year is shown, never judged.
"""

from __future__ import annotations

from planck.judge import progress_math as pg
from planck.judge.case import Case
from planck.judge.decision import Decision, after_deadline, judged_year
from planck.reasons import say
from planck.result import Pace


def growth(case: Case) -> Decision:
    """年均增长: the compound growth a year since the baseline against the target's rate."""
    series = case.series()
    if not series:
        return Decision("no_data", reason=say("no_annual"))
    if case.base is None or case.base_year is None or case.rate is None:
        return Decision("not_assessable", year=max(series),
                        reason=say("baseline_needed", year=case.base_year))
    b, base = case.base_year, case.base
    year, final = judged_year(series, case.t.deadline)
    note = after_deadline(series, case.t.deadline)
    if year is None or year <= b:
        return Decision("no_data", reason=say("no_annual_after", year=b, note=note))
    rate = case.rate
    g = pg.cagr(base, series[year], year - b)
    if g is None:
        return Decision("not_assessable", year=year, reason=say("growth_undefined"))
    ratio = g / rate if rate > 0 else None
    p = Pace(method="geometric", base_year=b, base_value=base,
             latest_year=year, observed=g, required=rate, ratio=ratio)
    if final:
        ok = pg.geq(g, rate)
        return Decision("met" if ok else "missed", True, year, p,
                        reason=say("final", text=say("growth_final", growth=f"{g:.2%}",
                                                     rate=f"{rate:.2%}")))
    if ratio is None:
        status = "on_track" if pg.geq(g, rate) else "regressing"
    else:
        status = pg.classify(ratio)
    return Decision(status, False, year, p,
                    ratio_reason=None if ratio is not None else say("rate_not_positive"),
                    reason=say("growth_so_far", growth=f"{g:.2%}", rate=f"{rate:.2%}",
                               ratio=say("none") if ratio is None else str(round(ratio, 2)),
                               note=note))


def _missing_base(case: Case, ref: dict[int, float], b: int | None) -> Decision:
    """Growth against a reference needs both figures of the baseline year."""
    missing = [w for w, ok in ((say("the_indicator"), case.base is not None),
                               (say("the_reference", reference=repr(case.t.reference)),
                                b in ref)) if not ok]
    if len(missing) == 1:  # one subject: "the indicator needs", two: "… and … need"
        return Decision("not_assessable", series={},
                        reason=say("needs_base_year", missing=missing[0], year=b))
    both = say("and", a=missing[0], b=missing[1])
    return Decision("not_assessable", series={}, reason=say("need_base_year", missing=both, year=b))


def growth_vs(case: Case) -> Decision:
    """Compare growth rates; the result's series is the gap in growth points a year."""
    series = case.series()
    t, b = case.t, case.base_year
    ref = {y: o.value for y, o in case.ref_annual.items()}
    if case.base is None or b is None or b not in ref:
        return _missing_base(case, ref, b)
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
    if final:
        return Decision("met" if ok else "missed", True, year, p, say("final", text=words),
                        ratio_reason=say("growth_not_paced"), series=gaps)
    return Decision("on_track" if ok else "off_track", False, year, p,
                    say("with_note", text=words, note=note),
                    ratio_reason=say("growth_not_paced"), series=gaps)
