"""The reference rule: the indicator as a share of a reference indicator in the same year
(接近 / 达到 / 超过全省平均水平). docs/methodology.md has the rule. Only the deadline year's
share gives a final verdict; a share for a later year is shown, never judged.
"""

from __future__ import annotations

from planck.judge import progress_math as pg
from planck.judge.case import Base, Case
from planck.judge.decision import Decision, after_deadline, judged_year
from planck.reasons import say


def share(case: Case) -> Decision:
    """The share of the reference; the result's series is the share by year."""
    series, t = case.series(), case.t
    if not series:
        return Decision("no_data", reason=say("no_annual"), series={})
    common = {y: series[y] / case.ref_annual[y].value for y in series
              if y in case.ref_annual and case.ref_annual[y].value > 0}
    if not common:
        return Decision("not_assessable", year=max(series), series={},
                        reason=say("no_reference_value", reference=repr(t.reference),
                                   years=", ".join(map(str, series))))
    goal = case.goal if case.goal is not None else 1.0  # a reference goal is always set
    year, final = judged_year(common, t.deadline)
    note = after_deadline(common, t.deadline)
    if year is None:
        return Decision("not_assessable", series=common,
                        reason=say("no_common_year_upto", year=t.deadline, note=note))
    ratio_now = common[year]
    reference = case.ref_annual[year].value
    ok = case.satisfied(ratio_now)[0]
    gap = say("share_gap", value=f"{series[year]:g}", reference=f"{reference:g}",
              share=f"{ratio_now:.0%}")
    if final or ok:
        return Decision("met" if ok else "missed", final, year, reference_value=reference,
                        reason=say("with_note", text=gap, note=note), series=common)
    earlier = [y for y in common if y < year]
    if not earlier:
        return Decision("not_assessable", year=year, series=common, reference_value=reference,
                        reason=say("share_needs_two", gap=gap, note=note))
    base = Base(earlier[0], common[earlier[0]], say("base_common"), before_plan=False)
    p = pg.pace("linear", base.year, base.value, year, ratio_now, t.deadline, goal)
    # a gap that points away from the goal: the base share already satisfied it
    wrong_way = p.required > 0 if case.lower else p.required < 0
    if p.ratio is None or wrong_way:
        return Decision("regressing", year=year, pace=p, base=base, series=common,
                        reference_value=reference, reason=say("with_note", text=gap, note=note))
    return Decision(pg.classify(p.ratio), year=year, pace=p, base=base, series=common,
                    reference_value=reference,
                    reason=say("share_ratio", gap=gap, ratio=f"{p.ratio:.2f}", note=note))
