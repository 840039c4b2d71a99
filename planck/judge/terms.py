"""The evaluators' own words for a finished verdict: category (提前实现 … 滞后), light
(绿/黄/红) and catch-up pace (剩余N年需年均增长X%). docs/methodology.md, "Categories, lights
and catch-up", works an example of each.

Pure functions of a ``Result``: the status stays the gate's vocabulary, these are read off it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from planck.reasons import say
from planck.result import (
    BASICALLY,
    CATEGORIES,
    LIGHTS,
    RATIO_TOLERANCE,
    BaselineActual,
    CatchUp,
    Report,
    Result,
)

__all__ = ["BASICALLY", "CATEGORIES", "LIGHTS", "category", "light", "catch_up", "first_met",
           "not_final_on_estimate", "baseline_actual", "with_terms",
           "with_basically"]
_GREEN = frozenset({"achieved_early", "achieved", "ahead", "as_expected"})
_FLIP = {"lower": "upper", "upper": "lower"}


def _attainment(r: Result) -> float | None:
    """完成率 in %, or for a growth-rate target the achieved rate over the promised one."""
    pace = r.pacing.pace
    if r.progress.attainment is not None:
        return r.progress.attainment
    if pace is not None and pace.ratio is not None and r.verdict.final:
        return pace.ratio * 100
    return None


def _missed(r: Result, basically: float) -> str | None:
    a = _attainment(r)
    if a is None:
        return "not_achieved"
    reaches = a >= basically * 100 - RATIO_TOLERANCE
    bound = r.flags.bounds.get("attainment")
    if bound == "lower" and not reaches or bound == "upper" and reaches:
        return None  # the true figure may lie on either side of the line
    return "basically_achieved" if reaches else "not_achieved"


def _on_track(r: Result) -> str | None:
    ratio = r.pacing.pace.ratio if r.pacing.pace is not None else None
    if ratio is None:
        return "as_expected"
    faster = ratio > 1 + RATIO_TOLERANCE
    bound = r.flags.bounds.get("latest")
    if bound is not None:
        # R grows with the figure for higher-is-better: a lower bound proves "at least R"
        at_least = (bound == "lower") == (r.direction == "higher")
        if at_least != faster:
            return None
    return "ahead" if faster else "as_expected"


def first_met(case: Any, d: Any, series: dict[int, float], provisional: Any) -> int | None:
    """The first year in the plan whose figure satisfied the target, for a ``met`` verdict:
    a level target looks back over its figures, another rule names the year it rests on."""
    if d.status != "met":
        return None
    if provisional is not None:
        return int(provisional.year)
    if case.goal is not None and case.op.decide == "level":
        good = [y for y in series if case.start < y <= (d.year or 0)
                and case.satisfied(series[y])[0]]
        if good:
            return min(good)
    return None if d.year is None else int(d.year)


def not_final_on_estimate(case: Any, d: Any) -> Any:
    """An estimate (预计) decides as its figure would, but never finally."""
    o = case.annual.get(d.year) if d.year is not None else None
    if o is None or not o.estimate or not d.final:
        return d
    return replace(d, final=False, reason=say("estimate_not_final", text=d.reason))


def baseline_actual(case: Any) -> BaselineActual | None:
    """The plan's estimated baseline and the actual figure that replaced it."""
    if case.base_estimate is None or case.base_year is None:
        return None
    estimate, actual = case.base_estimate
    return BaselineActual(year=case.base_year, estimate=estimate, actual=actual,
                          difference=round(actual - estimate, 10))


def category(r: Result, basically: float = BASICALLY) -> str | None:
    """The category of ``r`` (None for no_data / not_assessable, or where a bound leaves it
    open)."""
    v = r.verdict
    if v.status == "met":
        early = v.first_met is not None and v.first_met < r.deadline
        return "achieved_early" if early else "achieved"
    if v.status == "missed":
        return _missed(r, basically)
    if v.status == "on_track":
        return _on_track(r)
    if v.status in ("behind", "off_track", "regressing"):
        return "lagging"
    return None


def light(r: Result, cat: str | None) -> str | None:
    """Green, yellow or red: yellow for a near miss and for ``behind``."""
    if cat is None:
        return None
    if r.verdict.status == "behind" and r.flags.bounds.get("status") == "upper":
        return None  # behind at best: a lower value allowed by the bound is red
    if cat in _GREEN:
        return "green"
    if cat == "basically_achieved" or r.verdict.status == "behind":
        return "yellow"
    return "red"


def catch_up(r: Result) -> CatchUp | None:
    """The yearly pace needed from the deciding figure to the goal by the deadline, by the
    verdict's own method; None when met, final, or no year is left."""
    o = r.deciding
    goal = r.target.goal
    if r.verdict.status in ("met", "no_data", "not_assessable") or r.verdict.final or (
            o is None or goal is None):
        return None
    pacing = r.pacing
    method = pacing.pace.method if pacing.pace is not None else pacing.method
    years = r.deadline - (o.period if isinstance(o.period, int) else int(o.period[:4]))
    if method is None or years <= 0:
        return None
    if method == "geometric" and goal > 0 and o.value > 0:
        value = ((goal / o.value) ** (1 / years) - 1) * 100
        return CatchUp(value=round(value, 4), unit="%", years=years, method="geometric")
    return CatchUp(value=round((goal - o.value) / years, 6), unit=r.unit, years=years,
                   method="linear")


def with_terms(r: Result, basically: float = BASICALLY) -> Result:
    """``r`` with its category, light and catch-up filled in."""
    cat = category(r, basically)
    need = catch_up(r)
    bounds = dict(r.flags.bounds)
    bounds.pop("catch_up", None)
    if need is not None and "latest" in bounds:
        # the higher the figure, the less growth is still needed
        bounds["catch_up"] = _FLIP[bounds["latest"]]
    return replace(r, verdict=replace(r.verdict, category=cat, light=light(r, cat)),
                   pacing=replace(r.pacing, catch_up=need),
                   flags=replace(r.flags, bounds=bounds))


def with_basically(report: Report, basically: float) -> Report:
    """The report with every category read at another 基本实现 line (``--basically``)."""
    results = tuple(with_terms(r, basically) for r in report.results)
    return replace(report, results=results, basically=basically)
