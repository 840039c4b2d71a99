"""Bounds: a figure given only as "3000余家" (lower) or "近1300家" (upper) decides only what it
proves (docs/methodology.md, "Bounds").

A verdict is proven when every value the bound allows gives the same status. The values tried
are the ends of the allowed interval and every level of the target inside it (goal, range
ends, base): a target's satisfied set is an interval and its pace status moves one way with
the figure, so the statuses between two tried values lie between theirs. When the statuses
differ but every one lags (behind, off_track, regressing), the bound proves the category 滞后
all the same: the verdict stands on the written number, whose status is the best the bound
allows, and the result says so. A bound that proves nothing is set aside and the exact
figures decide; with none left the target is ``not_assessable``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from planck.reasons import say

#: how far beyond the written number the open side of a bound is tried (× its size)
_FAR = 1e6


def _tried(case: Any, value: float, bound: str) -> list[float]:
    size = max(abs(value), 1.0)
    if bound == "lower":
        lo, hi = value, value + size * _FAR
    else:
        # "近1300" is a positive quantity: its open side runs down towards zero, not below
        lo, hi = (value / _FAR, value) if value > 0 else (value - size * _FAR, value)
    levels = [case.goal, case.nominal, case.low, case.high, case.base]
    return [lo, hi, *(x for x in levels if x is not None and lo < x < hi)]


#: the statuses of the category 滞后 (lagging), best first
LAGGING = ("behind", "off_track", "regressing")


def decide(case: Any, rule: Callable[[Any], Any]) -> tuple[Any, Any, dict[int, str]]:
    """(the case the verdict rests on, its decision, the bounds among its figures by year).
    The case is ``case`` itself, or without its bounded figures when they prove nothing."""
    bounded = {y: o.bound for y, o in case.annual.items() if o.bound}
    d = rule(case)
    if not bounded:
        return case, d, {}
    outcomes = {(d.status, d.final)}
    for year, bound in bounded.items():
        o = case.annual[year]
        for value in _tried(case, o.value, bound):
            other = rule(replace(case, annual={**case.annual, year: replace(o, value=value)}))
            outcomes.add((other.status, other.final))
    if len(outcomes) == 1:
        return case, d, bounded
    if not _lags_at_best(d, outcomes):
        return _set_aside(case, bounded, rule)
    return case, replace(d, status_bound="upper", reason=say(
        "bound_lags", text=d.reason, shown=_shown(case, bounded))), bounded


def _shown(case: Any, bounded: dict[int, str]) -> str:
    """The bounded figures as a reason shows them: "2025: ≥ 3000"."""
    return ", ".join(f"{y}: {'≥' if b == 'lower' else '≤'} {case.annual[y].value:g}"
                     for y, b in sorted(bounded.items()))


def _lags_at_best(d: Any, outcomes: set[tuple[str, bool]]) -> bool:
    """Every value the bound allows lags, none finally, and the written number's status is
    the best of them (the open side of the bound is its bad side)."""
    if any(final or status not in LAGGING for status, final in outcomes):
        return False
    return min(LAGGING.index(status) for status, _ in outcomes) == LAGGING.index(d.status)


def _set_aside(case: Any, bounded: dict[int, str], rule: Callable[[Any], Any]
               ) -> tuple[Any, Any, dict[int, str]]:
    exact = replace(case, annual={y: o for y, o in case.annual.items() if y not in bounded})
    d = rule(exact)
    if d.status in ("no_data", "not_assessable"):
        from planck.judge.decision import Decision

        d = Decision("not_assessable",
                     reason=say("bound_proves_nothing", shown=_shown(case, bounded)))
    return exact, d, {}


def shown_bounds(direction: str, bound: str | None, d: Any = None) -> dict[str, str]:
    """Which shown numbers a bounded deciding figure makes bounds: the figure itself, and
    percent to goal and 完成率, which move with it for higher-is-better and against it for
    lower-is-better (完成率 = target / figure); and the status, when the bound proves only
    that it lags ("upper": the best status it allows)."""
    if bound is None:
        return {}
    derived = bound if direction == "higher" else {"lower": "upper", "upper": "lower"}[bound]
    out = {"latest": bound, "percent_to_goal": derived, "attainment": derived}
    if d is not None and d.status_bound is not None and d.status in LAGGING:
        out["status"] = d.status_bound
    return out
