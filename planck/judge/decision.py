"""What a decision rule concludes, and the small helpers every rule shares.

A ``Decision`` is frozen: the judge derives a changed one with ``dataclasses.replace``.
"""

from __future__ import annotations

from collections.abc import Iterable

from planck.frozen import frozen
from planck.judge.case import Base
from planck.reasons import say
from planck.result import Pace


@frozen
class Decision:
    """What a decision rule concludes (``year`` is the annual figure it rests on).

    ``series`` is the yearly series the result shows when the rule judges something other
    than the indicator's own levels (a share, a running total, a gap in growth); None keeps
    the levels. ``reference_value`` is the reference indicator's figure of the judged year.
    """

    status: str
    final: bool = False
    year: int | None = None
    pace: Pace | None = None
    reason: str = ""
    base: Base | None = None
    ratio_reason: str | None = None
    series: dict[int, float] | None = None
    above: bool = False
    reference_value: float | None = None
    #: "upper": a bounded figure proves only that the target lags, and ``status`` is the best
    #: status the values it allows give (planck.judge.bounds)
    status_bound: str | None = None


def after_deadline(series: dict[int, float], deadline: int) -> str:
    """The reason's note on figures for years after the deadline (shown, never judged)."""
    late = [y for y in series if y > deadline]
    if not late or deadline in series:
        return ""
    shown = ", ".join(f"{y}: {series[y]:g}" for y in late)
    return say("after_deadline", deadline=deadline, shown=shown)


def judged_year(years: Iterable[int], deadline: int) -> tuple[int | None, bool]:
    """(year to judge, final): the deadline year if present, else the latest before it."""
    years = list(years)
    if deadline in years:
        return deadline, True
    upto = [y for y in years if y <= deadline]
    return (max(upto) if upto else None), False
