"""Progress arithmetic: pace ratios, status thresholds, percent to goal (docs/methodology.md).

Pure functions on floats; no knowledge of files or operators.
"""

from __future__ import annotations

from planck.operators import geq, greater, leq
from planck.result import RATIO_TOLERANCE, THRESHOLDS, Pace

__all__ = ["geq", "leq", "greater", "classify", "choose_method", "pace", "cagr",
           "percent_to_goal", "attainment", "expected_progress"]

_EPS = 1e-9


def classify(ratio: float) -> str:
    """Status for a pace ratio R: ≥0.95 on_track, ≥0.60 behind, ≥0 off_track, else regressing
    (each threshold within RATIO_TOLERANCE, so float noise never moves R across one)."""
    for status in ("on_track", "behind", "off_track"):
        if ratio >= THRESHOLDS[status] - RATIO_TOLERANCE:
            return status
    return "regressing"


def choose_method(requested: str, base: float, goal: float, linear_unit: bool) -> str:
    """Geometric (compound growth) unless growth rates are meaningless or linear is asked for."""
    if requested != "auto":
        return "linear" if requested == "geometric" and (base <= 0 or goal <= 0) else requested
    return "linear" if linear_unit or base <= 0 or goal <= 0 else "geometric"


def pace(method: str, base_year: int, base: float, year: int, v: float,
         deadline: int, goal: float) -> Pace:
    """Observed rate of change since the base point against the rate needed to reach ``goal``.

    ``ratio`` is None when the goal was already reached at the base point (no rate is
    required, so none can be compared).
    """
    n_obs, n_req = year - base_year, deadline - base_year
    if method == "geometric" and v > 0:
        observed = (v / base) ** (1 / n_obs) - 1
        required = (goal / base) ** (1 / n_req) - 1
    else:
        method = "linear"
        observed = (v - base) / n_obs
        required = (goal - base) / n_req
    ratio = None if abs(required) < _EPS else observed / required
    return Pace(method=method, base_year=base_year, base_value=base, latest_year=year,
                observed=observed, required=required, ratio=ratio)


def cagr(base: float, v: float, years: int) -> float | None:
    """Compound annual growth rate, or None where it is undefined (non-positive values)."""
    if base <= 0 or v <= 0 or years <= 0:
        return None
    return float((v / base) ** (1 / years)) - 1


def percent_to_goal(v: float, nominal: float, base: float | None, lower_better: bool
                    ) -> float | None:
    """(v − b)/(T − b) × 100 with a base point, else v/T × 100 (T/v for lower-is-better).

    None when the gap from the base point to the target is zero or points the wrong way
    (the base point already satisfied the target: there is no share of a gap to give).
    """
    if base is not None:
        gap = (base - nominal) if lower_better else (nominal - base)
        if gap <= _EPS * max(1.0, abs(nominal)):
            return None
        return round((v - base) / (nominal - base) * 100, 2)
    return attainment(v, nominal, lower_better)


def attainment(v: float, nominal: float, lower_better: bool) -> float | None:
    """完成率: v/T × 100, or T/v × 100 for lower-is-better; None where it is undefined."""
    if lower_better:
        return round(nominal / v * 100, 2) if v > 0 and nominal >= 0 else None
    return round(v / nominal * 100, 2) if nominal > 0 else None


def expected_progress(base_year: int | None, year: int, deadline: int) -> float | None:
    """Share of the period from base year to deadline elapsed at ``year``, in %."""
    if base_year is None or deadline <= base_year:
        return None
    share = (year - base_year) / (deadline - base_year)
    return round(min(max(share, 0.0), 1.0) * 100, 2)
