"""The judge as a matrix: every operator × the directions it fits × the shapes a city's data
takes, built in memory (no files, no CLI) and checked against expectations stated by hand.

The plan runs 2021–2025 with the baseline year 2020; figures are published in March of the
next year and judged in mid-2027 unless a row says otherwise. Each expectation below is worked
out from docs/methodology.md, not read back from the code: statuses, finality, the pace ratio
R (linear pace, so R = ((v − b)/years so far) / ((T − b)/years planned)), percent to goal and
the figure the verdict rests on.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from planck import operators
from planck.judge.evaluate import default_as_of, evaluate, evaluate_target
from planck.read.dataset import CityData, Obs
from planck.read.model import TargetFile
from planck.result import Result

AS_OF = date(2027, 6, 1)
B = 2020  # the baseline year; the plan starts 2021, the deadline is 2025


def _obs(indicator: str, period: int | str, value: float, order: int, unit: str,
         bound: str | None = None, estimate: bool = False) -> Obs:
    year = int(str(period)[:4])
    partial = isinstance(period, str)
    published = date(year, int(str(period)[5:7]) + 1, 1) if partial else date(year + 1, 3, 1)
    # (the reviewed copy was written with the figure's own unit left blank)
    return Obs(indicator=indicator, period=period, year=year, value=value, unit=unit,
               given_value=value, given_unit="", partial=partial, pin=False, source="bulletin",
               source_title="公报", source_date=published, url=None, quote=f"{value:g}",
               file="mem", line=order, order=order, bound=bound, estimate=estimate)


@dataclass(frozen=True)
class Row:
    """A target (its op, fields and indicator) with its figures, and what the judge says."""

    op: str
    fields: dict[str, Any]
    figures: dict[int | str, float]
    expect: dict[str, Any]
    direction: str = "higher"
    kind: str | None = None
    unit: str = "家"
    reference: dict[int, float] = field(default_factory=dict)
    as_of: date = AS_OF
    #: the target's unit in the indicator's (a target in 万家 of an indicator in 家: 10000)
    factor: float = 1.0
    #: figures given only as a bound ("lower": 3000余, "upper": 近1300), by period
    bounds: dict[int | str, str] = field(default_factory=dict)
    #: figures that are estimates (预计), by period
    estimates: tuple[int | str, ...] = ()


def judge(row: Row) -> Result:
    """Evaluate the row's one target on its figures, all in memory."""
    data = city(row)
    tf = data.targets
    return evaluate_target(data, tf.targets[0], tf.indicators[0], row.as_of)


def city(row: Row, source_date: str | None = "2021-03-01", plans: bool = True) -> CityData:
    """The row's city: its indicator, the reference indicator, its one target and figures."""
    tf = TargetFile.model_validate(document(row, source_date, plans))
    figures = [_obs("x", p, v, i, row.unit, row.bounds.get(p), p in row.estimates)
               for i, (p, v) in enumerate(row.figures.items())]
    figures += [_obs("ref", y, v, 100 + i, row.unit)
                for i, (y, v) in enumerate(row.reference.items())]
    return CityData(targets=tf, path="mem", lines={}, observations=tuple(figures),
                    factors={"t": row.factor} if row.factor != 1.0 else {})


def document(row: Row, source_date: str | None = "2021-03-01", plans: bool = True
             ) -> dict[str, Any]:
    """The row's target file, as the dict a YAML file would give."""
    spec = operators.get(row.op)
    fields = dict(row.fields)
    if spec.takes_reference:
        fields["reference"] = "ref"
    indicators = [{"id": "x", "name_zh": "指标", "name_en": "Indicator", "unit": row.unit,
                   "direction": row.direction, **({"kind": row.kind} if row.kind else {})},
                  {"id": "ref", "name_zh": "参照", "name_en": "Reference", "unit": row.unit,
                   "direction": "higher"}]
    doc = {"planck": 1, "city": {"id": "c", "name_zh": "城", "name_en": "C"},
           "sources": [{"id": "plan", "title": "规划", "issuer": "政府", "date": source_date}],
           "plans": [{"id": "p", "title_zh": "规划", "title_en": "Plan", "start": 2021,
                      "end": 2025, "source": "plan"}] if plans else [],
           "indicators": indicators,
           "targets": [{"id": "t", "plan": "p", "indicator": "x", "op": row.op,
                        "deadline": 2025, "source": "plan", "quote": "引文", **fields}]
           if plans else []}
    return doc


def observed(r: Result) -> dict[str, Any]:
    """What a row can state about a result, by the names the rows use."""
    deciding, pace, v = r.deciding, r.pacing.pace, r.verdict
    return {"status": v.status, "final": v.final, "provisional": v.provisional,
            "above": r.flags.above_range,
            "R": None if pace is None or pace.ratio is None else round(pace.ratio, 3),
            "pct": r.progress.percent_to_goal,
            "year": None if deciding is None else deciding.period,
            "base": None if r.progress.base_point is None else r.progress.base_point.year,
            "ref": r.evidence.reference_value, "category": v.category, "light": v.light,
            "bounds": r.flags.bounds, "estimate": r.flags.estimate,
            "attain": r.progress.attainment, "method": r.pacing.method,
            "first_met": v.first_met,
            "catch_up": None if r.pacing.catch_up is None else r.pacing.catch_up.value}


def check(row: Row) -> None:
    got = observed(judge(row))
    assert {k: got[k] for k in row.expect} == row.expect


# --- each operator, the target it is tested with, and the 2020 and 2026 figures ------------
# (op, direction, fields, a 2020 figure that does not meet it, unit)
LIN = {"pace": "linear"}
SPECS: list[tuple[str, str, dict[str, Any], float, str]] = [
    ("at_least", "higher", {"value": 100, "baseline": {"year": B, "value": 60}, **LIN}, 60, "家"),
    ("at_most", "lower", {"value": 40, "baseline": {"year": B, "value": 60}, **LIN}, 60, "家"),
    ("more_than", "higher", {"value": 100, "baseline": {"year": B, "value": 60}, **LIN}, 60, "家"),
    ("about", "higher", {"value": 100, "baseline": {"year": B, "value": 60}, **LIN}, 60, "家"),
    ("about", "lower", {"value": 100, "baseline": {"year": B, "value": 140}, **LIN}, 140, "家"),
    ("between", "higher", {"low": 80, "high": 120, "baseline": {"year": B}, **LIN}, 60, "家"),
    ("between", "lower", {"low": 80, "high": 120, "baseline": {"year": B}, **LIN}, 140, "家"),
    ("increase_by", "higher", {"value": 40, "baseline": {"year": B, "value": 60}, **LIN}, 60, "家"),
    ("decrease_by", "lower", {"value": 20, "unit": "%", "baseline": {"year": B, "value": 50},
                              **LIN}, 50, "家"),
    ("multiple_of", "higher", {"value": 2, "baseline": {"year": B, "value": 50}, **LIN}, 50, "家"),
    ("coverage", "higher", {"baseline": {"year": B, "value": 60}}, 60, "%"),
    ("rank_at_most", "lower", {"value": 10, "baseline": {"year": B, "value": 20}}, 20, "位"),
    ("annual_growth", "higher", {"value": 10, "unit": "%", "baseline": {"year": B, "value": 100}},
     100, "家"),
    ("per_year", "higher", {"value": 10, "baseline": {"year": B}}, 5, "家"),
    ("cumulative", "higher", {"value": 100, "baseline": {"year": B}}, 50, "家"),
    ("near_reference", "higher", {}, 50, "家"),
    ("at_least_reference", "higher", {}, 50, "家"),
    ("above_reference", "higher", {}, 50, "家"),
    ("growth_above", "higher", {"baseline": {"year": B}}, 100, "家"),
    ("growth_in_step", "higher", {"baseline": {"year": B}}, 100, "家"),
]
#: The reference indicator, every year: a share of a 2020 figure of 50 is 0.5.
REF = {y: 100.0 for y in range(2018, 2028)}


def test_the_matrix_covers_every_operator_and_direction():
    covered = {(op, d) for op, d, *_ in SPECS}
    for op in operators.OPERATORS.values():
        directions = (["higher", "lower"] if op.sense is operators.Sense.INDICATOR
                      else [str(op.sense)])
        assert {(op.name, d) for d in directions} <= covered, op.name


# --- data shapes every operator meets: the status each rule gives, by hand ------------------
# no figure at all; the baseline year's figure only; figures from before the plan only; the
# baseline year's and a year after the deadline (none in the plan).
SHAPES: dict[str, dict[int | str, float]] = {
    "no_figure": {},
    "baseline_only": {B: 0.0},
    "pre_plan_only": {2018: 0.0, 2019: 0.0},
    "after_deadline_only": {B: 0.0, 2026: 0.0},
}
#: status by rule and shape: with nothing inside the plan period no rule can judge. A level
#: rule says no_data until a figure after the baseline year exists, and not_assessable when
#: the only later one is after the deadline; a reference share with one year has no pace
#: (not_assessable), with two it is paced like any level (the 2018→2019 shares are equal, so
#: R is 0: off_track); growth against a reference needs the indicator's baseline figure.
BY_SHAPE = {
    operators.Rule.LEVEL: ("no_data", "no_data", "no_data", "not_assessable"),
    operators.Rule.GROWTH: ("no_data", "no_data", "no_data", "no_data"),
    operators.Rule.EVERY_YEAR: ("no_data", "no_data", "no_data", "no_data"),
    operators.Rule.SUM: ("no_data", "no_data", "no_data", "no_data"),
    operators.Rule.REFERENCE: ("no_data", "not_assessable", "off_track", "not_assessable"),
    operators.Rule.GROWTH_VS: ("not_assessable", "no_data", "not_assessable", "no_data"),
}

def _shape_rows():
    for op, direction, fields, base, unit in SPECS:
        spec = operators.get(op)
        for i, (shape, figs) in enumerate(SHAPES.items()):
            figures = {y: (base if v == 0.0 else v) for y, v in figs.items()}
            expect = {"status": BY_SHAPE[spec.decide][i], "final": False, "provisional": False}
            yield pytest.param(Row(op, fields, figures, expect, direction, unit=unit,
                                   reference=REF if spec.takes_reference else {}),
                               id=f"{op}-{direction}-{shape}")


@pytest.mark.parametrize("row", list(_shape_rows()))
def test_shape(row):
    check(row)


# --- the deadline year: final, met or missed, by the level test --------------------------
# (op, direction, the deadline figure that just meets, one that just misses)
EDGES = {
    ("at_least", "higher"): (100, 99.9),
    ("at_most", "lower"): (40, 40.1),
    ("more_than", "higher"): (100.1, 100),          # strictly more
    ("about", "higher"): (98, 97.9),                # 100 ± 2 %: the low end counts
    ("about", "lower"): (102, 102.1),               # lower is better: the high end counts
    ("between", "higher"): (80, 79.9),
    ("between", "lower"): (120, 120.1),            # lower is better: the high end counts
    ("increase_by", "higher"): (100, 99.9),         # 60 + 40
    ("decrease_by", "lower"): (40, 40.1),           # 50 × (1 − 20 %)
    ("multiple_of", "higher"): (100, 99.9),         # 2 × 50
    ("coverage", "higher"): (100, 99.9),
    ("rank_at_most", "lower"): (10, 11),
    ("annual_growth", "higher"): (161.06, 161.0),   # 100 × 1.1⁵ = 161.051
    ("near_reference", "higher"): (90, 89.9),       # 90 % of the reference's 100
    ("at_least_reference", "higher"): (100, 99.9),
    ("above_reference", "higher"): (100.1, 100),
    ("growth_above", "higher"): (140.1, 140),       # the reference grows 100 → 140 too
    # ≥ the reference's growth (6.961 % a year) − 0.5 points: 100 × 1.06461⁵ = 136.758
    ("growth_in_step", "higher"): (136.8, 136.7),
}


def _edge_rows():
    for op, direction, fields, base, unit in SPECS:
        if (op, direction) not in EDGES:
            continue
        spec = operators.get(op)
        reference = {B: 100.0, 2025: 140.0} if spec.decide == operators.Rule.GROWTH_VS else (
            REF if spec.takes_reference else {})
        for verdict, v in zip(("met", "missed"), EDGES[op, direction], strict=True):
            yield pytest.param(Row(op, fields, {B: base, 2025: v},
                                   {"status": verdict, "final": True, "year": 2025},
                                   direction, unit=unit, reference=reference),
                               id=f"{op}-{direction}-deadline-{verdict}")


@pytest.mark.parametrize("row", list(_edge_rows()))
def test_deadline_year(row):
    check(row)


def test_every_operator_has_its_deadline_edges():
    amounts = {o.name for o in operators.OPERATORS.values()
               if o.decide in (operators.Rule.EVERY_YEAR, operators.Rule.SUM)}
    assert {(op, d) for op, d, *_ in SPECS if op not in amounts} == set(EDGES)


# --- one figure inside the plan period (2023): the pace from the base point decides ---------
def _spec(op: str, direction: str = "higher") -> tuple[dict[str, Any], float, str]:
    for name, d, fields, base, unit in SPECS:
        if (name, d) == (op, direction):
            return fields, base, unit
    raise KeyError(op)


def _in_plan(op, direction, v, expect, name):
    fields, base, unit = _spec(op, direction)
    return pytest.param(Row(op, fields, {B: base, 2023: v}, expect, direction, unit=unit),
                        id=f"{op}-{direction}-in-plan-{name}")


IN_PLAN = [
    # R = ((84 − 60)/3) / ((100 − 60)/5) = 8/8; percent (84 − 60)/(100 − 60)
    _in_plan("at_least", "higher", 84, {"status": "on_track", "R": 1.0, "pct": 60.0,
                                       "base": B, "final": False, "year": 2023}, "on-pace"),
    # R = (22.08/3)/8 = 0.92: behind (on_track needs 0.95)
    _in_plan("at_least", "higher", 82.08, {"status": "behind", "R": 0.92, "pct": 55.2},
             "behind"),
    # below the baseline: R = (−5/3)/8 < 0
    _in_plan("at_least", "higher", 55, {"status": "regressing", "R": -0.208}, "regressing"),
    # (−8/3)/(−20/5) = 0.667; percent (52 − 60)/(40 − 60)
    _in_plan("at_most", "lower", 52, {"status": "behind", "R": 0.667, "pct": 40.0}, "behind"),
    _in_plan("more_than", "higher", 84, {"status": "on_track", "R": 1.0, "pct": 60.0}, "on-pace"),
    # towards the near edge 98: 8/7.6; percent towards the value 100
    _in_plan("about", "higher", 84, {"status": "on_track", "R": 1.053, "pct": 60.0}, "on-pace"),
    # lower is better, towards the high edge 102: (−20/3)/(−38/5) = 0.877
    _in_plan("about", "lower", 120, {"status": "behind", "R": 0.877, "pct": 50.0}, "behind"),
    # towards low = 80 from the 2020 figure 60: 4/4
    _in_plan("between", "higher", 72, {"status": "on_track", "R": 1.0, "pct": 60.0}, "on-pace"),
    # lower is better: towards high = 120 from the 2020 figure 140, (−12/3)/(−20/5) = 1;
    # percent (128 − 140)/(120 − 140)
    _in_plan("between", "lower", 128, {"status": "on_track", "R": 1.0, "pct": 60.0}, "on-pace"),
    # (−8/3)/(−4) = 0.667; percent 8/20
    _in_plan("between", "lower", 132, {"status": "behind", "R": 0.667, "pct": 40.0}, "behind"),
    _in_plan("increase_by", "higher", 84, {"status": "on_track", "R": 1.0, "pct": 60.0},
             "on-pace"),
    # goal 40 from 50: (−3/3)/(−10/5) = 0.5: off_track; percent 3/10
    _in_plan("decrease_by", "lower", 47, {"status": "off_track", "R": 0.5, "pct": 30.0},
             "off-track"),
    _in_plan("multiple_of", "higher", 80, {"status": "on_track", "R": 1.0, "pct": 60.0},
             "on-pace"),
    # a % indicator and a rank are paced linearly without being told
    _in_plan("coverage", "higher", 84, {"status": "on_track", "R": 1.0, "pct": 60.0}, "on-pace"),
    _in_plan("rank_at_most", "lower", 14, {"status": "on_track", "R": 1.0, "pct": 60.0},
             "on-pace"),
    # 100 → 133.1 in 3 years is 10 % a year, the rate asked; percent 33.1/61.051
    _in_plan("annual_growth", "higher", 133.1, {"status": "on_track", "R": 1.0, "pct": 54.22,
                                                "base": B}, "on-pace"),
    # no growth at all: R = 0, off_track (regressing only below 0)
    _in_plan("annual_growth", "higher", 100, {"status": "off_track", "R": 0.0}, "flat"),
]


@pytest.mark.parametrize("row", IN_PLAN)
def test_in_plan(row):
    check(row)


def _row(op, figures, expect, name, direction="higher", **kw):
    fields, _, unit = _spec(op, direction)
    fields = {**fields, **kw.pop("fields", {})}
    return pytest.param(Row(op, fields, figures, expect, direction, unit=kw.pop("unit", unit),
                            **kw), id=f"{op}-{name}")


PCT = "%"
SPECIAL = [
    # a baseline that already meets the goal: regressing, with no ratio to give
    _row("at_least", {2023: 90}, {"status": "regressing", "R": None, "pct": None},
         "base-already-met", fields={"baseline": {"year": B, "value": 110}}),
    # no figure from before the plan: the pace runs from the FIRST figure in it (2021),
    # R = ((55 − 10)/2) / ((100 − 10)/4) = 1; percent to goal is then v/T
    _row("at_least", {2021: 10, 2022: 50, 2023: 55},
         {"status": "on_track", "R": 1.0, "base": 2021, "pct": 55.0}, "first-in-plan-base",
         fields={"baseline": None}, unit=PCT),
    # met by the first figure in the plan (no figure before it), then fallen below the goal:
    # regressing, measured from that first figure
    _row("at_least", {2021: 110, 2023: 90}, {"status": "regressing", "R": None, "base": 2021},
         "met-then-fell-no-pre-plan-base", fields={"baseline": None}, unit=PCT),
    # three figures before the plan and no baseline value: the last of them (2019) is the base
    _row("at_least", {2017: 5, 2018: 10, 2019: 50, 2023: 80},
         {"status": "behind", "R": 0.9, "base": 2019}, "pre-plan-base-of-three",
         fields={"baseline": None}, unit=PCT),
    # two figures after the deadline (none for it): both named, the 2023 one judged
    _row("at_least", {B: 60, 2023: 84, 2026: 100, 2027: 110},
         {"status": "on_track", "final": False, "year": 2023}, "two-after-deadline"),
    # without a baseline the base point is the last figure before the plan: 2019
    _row("at_least", {2018: 10, 2019: 50, 2023: 80},
         {"status": "behind", "R": 0.9, "base": 2019}, "pre-plan-base",
         fields={"baseline": None}, unit=PCT),
    # the baseline year's figure already meets it: the first year met is the first after it
    _row("at_least", {B: 100, 2023: 105}, {"status": "met", "final": False, "first_met": 2023},
         "base-year-meets-then-met", fields={"baseline": {"year": B}}),
    # a baseline year of 2019: 2020 is after it, and the first year met
    _row("at_least", {2019: 60, 2020: 100, 2023: 105}, {"status": "met", "first_met": 2020},
         "baseline-2019", fields={"baseline": {"year": 2019}}),
    # one year left: catch-up (100 − 84)/1 = 16 a year
    _row("at_least", {B: 60, 2024: 84}, {"status": "behind", "catch_up": 16.0},
         "one-year-left"),
    # more than 100 from a base of exactly 100: met early, with no gap to take a share of
    _row("more_than", {2023: 100.5}, {"status": "met", "final": False, "pct": None},
         "base-at-the-value", fields={"baseline": {"year": B, "value": 100}}),
    # a figure after the deadline is noted in every reason: met early, a pace that needs two
    # figures, a fall after meeting it
    _row("at_least", {B: 60, 2023: 100, 2026: 110}, {"status": "met", "final": False,
                                                     "year": 2023}, "met-early-after-deadline"),
    _row("at_least", {2023: 84, 2026: 90}, {"status": "not_assessable", "year": 2023},
         "one-figure-after-deadline", fields={"baseline": None}, unit=PCT),
    _row("at_least", {2021: 110, 2023: 90, 2026: 95}, {"status": "regressing", "base": 2021},
         "met-then-fell-after-deadline", fields={"baseline": None}, unit=PCT),
    # met in 2023 already: met, not final (the deadline figure decides)
    _row("at_least", {B: 60, 2023: 100}, {"status": "met", "final": False, "year": 2023},
         "met-early"),
    # a figure after the deadline is shown, never judged: the 2023 pace decides
    _row("at_least", {B: 60, 2023: 84, 2026: 100},
         {"status": "on_track", "final": False, "year": 2023}, "after-deadline"),
    # late_ok: the first later year that meets it, final
    _row("at_least", {2025: 90, 2026: 100, 2027: 110}, {"status": "met", "final": True,
                                                        "year": 2026},
         "late-ok", fields={"late_ok": True}, as_of=date(2028, 6, 1)),
    _row("at_least", {2025: 90, 2026: 100, 2027: 110}, {"status": "missed", "final": True,
                                                        "year": 2025},
         "late-not-ok", as_of=date(2028, 6, 1)),
    # late_ok changes nothing when the deadline year's figure meets it: met in 2025, not 2026
    _row("at_least", {2025: 100, 2026: 110}, {"status": "met", "final": True, "year": 2025},
         "late-ok-met-in-time", fields={"late_ok": True}, as_of=date(2028, 6, 1)),
    # a year before the deadline that met it is no late success: the first LATER year is
    _row("at_least", {2023: 100, 2025: 90, 2026: 110},
         {"status": "met", "final": True, "year": 2026}, "late-ok-after-an-early-met",
         fields={"late_ok": True}, as_of=date(2028, 6, 1)),
    # beyond the stated range on the good side: met, flagged
    _row("about", {2025: 103}, {"status": "met", "above": True}, "above-band"),
    _row("about", {2025: 97}, {"status": "met", "above": True}, "below-band-lower",
         direction="lower"),
    _row("about", {2025: 100}, {"status": "met", "above": False}, "inside-band"),
    _row("between", {2025: 130}, {"status": "met", "above": True}, "above-range"),
    # lower is better: below the range is the good side (met, flagged), above it a miss
    _row("between", {2025: 70}, {"status": "met", "final": True, "above": True},
         "below-range-lower", direction="lower"),
    _row("between", {2025: 100}, {"status": "met", "above": False}, "inside-range-lower",
         direction="lower"),
    _row("between", {2025: 130}, {"status": "missed", "final": True, "above": False},
         "above-range-lower", direction="lower"),
    # higher is better: below the range is the miss
    _row("between", {2025: 70}, {"status": "missed", "final": True, "above": False},
         "below-range"),
    # a 5.5 % 左右 unemployment target (lower is better) at exactly 5.5: met
    _row("about", {2025: 5.5}, {"status": "met", "final": True}, "unemployment-at-value",
         direction="lower", unit=PCT, fields={"value": 5.5, "baseline": {"year": B}}),
]


@pytest.mark.parametrize("row", SPECIAL)
def test_special(row):
    check(row)


# --- part-year figures: a stock's in-year count that meets the target ---------------------
def _part(figures, expect, name, kind="stock", as_of=date(2025, 12, 15)):
    fields, _, unit = _spec("at_least")
    return pytest.param(Row("at_least", fields, figures, expect, kind=kind, unit=unit,
                            as_of=as_of), id=f"part-year-{name}")


PART_YEAR = [
    # the deadline year's own in-year count: provisional met, on that figure
    _part({2023: 84, "2025-10": 100}, {"status": "met", "provisional": True, "final": False,
                                       "year": "2025-10", "pct": 100.0}, "deadline-year"),
    _part({2023: 84, "2024-06": 101}, {"status": "met", "provisional": True, "year": "2024-06"},
          "in-plan-year"),
    # short of the target: the annual figure's pace decides
    _part({2023: 84, "2025-10": 99}, {"status": "on_track", "provisional": False,
                                      "year": 2023}, "short"),
    # a flow's in-year amount is not the year's: never provisional
    _part({2023: 84, "2025-10": 100}, {"status": "on_track", "provisional": False}, "flow",
          kind="flow"),
    # the latest in-year count is the latest period, wherever the files list it
    _part({2023: 84, "2025-10": 100, "2025-06": 90},
          {"status": "met", "provisional": True, "year": "2025-10"}, "latest-listed-first"),
    # a target met already by an annual figure: an in-year count adds nothing
    _part({2023: 100, "2024-06": 105}, {"status": "met", "provisional": False, "year": 2023},
          "met-then-in-year"),
    # the baseline year's own in-year count is before the plan
    _part({"2020-10": 100}, {"status": "no_data", "provisional": False}, "base-year"),
    # no newer than the annual figure it would replace
    _part({2023: 84, "2023-06": 100}, {"status": "on_track", "provisional": False}, "older"),
    # an in-year count after the deadline is not the deadline's figure
    _part({2023: 84, "2026-03": 100}, {"status": "on_track", "provisional": False}, "late",
          as_of=date(2026, 5, 1)),
]


@pytest.mark.parametrize("row", PART_YEAR)
def test_part_year(row):
    check(row)


# --- amounts: every year's (per_year, 10 a year) and their sum (cumulative, 100) -----------
EACH = {y: 10.0 for y in range(2021, 2026)}
AMOUNTS = [
    # the baseline year's short amount does not count: 2021–2025 all meet it
    _row("per_year", {B: 5, **EACH}, {"status": "met", "final": True, "year": 2025,
                                      "pct": 100.0}, "every-year"),
    # the deadline year's figure is missing: so far so good, not final
    _row("per_year", {y: 10.0 for y in range(2021, 2025)},
         {"status": "on_track", "final": False, "year": 2024}, "deadline-missing"),
    # an earlier year is missing and the deadline has come: cannot tell
    _row("per_year", {2021: 10, 2022: 10, 2024: 10, 2025: 10},
         {"status": "not_assessable", "final": False, "year": 2025}, "year-missing"),
    _row("per_year", {2021: 10, 2022: 9, 2023: 8}, {"status": "missed", "final": True,
                                                     "year": 2022}, "short"),
    # 2021–2025: 5 × 15 = 75 < 100 (the 2020 amount is before the plan)
    _row("cumulative", {B: 50, **{y: 15.0 for y in range(2021, 2026)}},
         {"status": "missed", "final": True, "year": 2025, "pct": 75.0}, "short"),
    # 40 + 40 + 30 = 110 by 2023: met, but only the deadline's figure is final
    _row("cumulative", {2021: 40, 2022: 40, 2023: 30},
         {"status": "met", "final": False, "year": 2023, "pct": 110.0}, "met-early"),
    # 30 in two years, 20 a year needed: R = 15/20
    _row("cumulative", {2021: 15, 2022: 15}, {"status": "behind", "R": 0.75, "final": False},
         "behind"),
    _row("cumulative", {2021: 15, 2023: 15}, {"status": "not_assessable"}, "year-missing"),
    # a year short is final: a later in-year count of a stock changes nothing, and no
    # catch-up is asked
    _row("per_year", {2021: 10, 2022: 9, "2023-06": 12},
         {"status": "missed", "final": True, "provisional": False, "catch_up": None},
         "short-then-in-year-count", kind="stock"),
]


@pytest.mark.parametrize("row", AMOUNTS)
def test_amounts(row):
    check(row)


# --- shares of a reference (100 every year) and growth against a reference's ---------------
REFERENCE = [
    # shares 0.50, 0.85, 0.82 against 0.90: paced from the FIRST share, 2021:
    # R = ((0.82 − 0.50)/2) / ((0.90 − 0.50)/4) = 1.6
    _row("near_reference", {2021: 50, 2022: 85, 2023: 82},
         {"status": "on_track", "R": 1.6, "base": 2021, "ref": 100.0}, "paced",
         reference=REF),
    # the share fell from above the goal to below it: regressing
    _row("near_reference", {2021: 95, 2023: 85}, {"status": "regressing"}, "fell",
         reference=REF),
    # met (not finally) and paced, each with a figure after the deadline noted
    _row("near_reference", {2023: 95, 2026: 90}, {"status": "met", "final": False},
         "met-after-deadline-noted", reference=REF),
    _row("near_reference", {2021: 50, 2022: 85, 2023: 82, 2026: 90},
         {"status": "on_track", "R": 1.6}, "paced-after-deadline-noted", reference=REF),
    # ... with a figure after the deadline, which the reason notes
    _row("near_reference", {2021: 95, 2023: 85, 2026: 90}, {"status": "regressing",
                                                            "year": 2023},
         "fell-after-deadline-noted", reference=REF),
    _row("at_least_reference", {2023: 100}, {"status": "met", "final": False, "ref": 100.0},
         "met-early", reference=REF),
    # the indicator 100 → 120, the reference 100 → 110 by 2023: growing faster so far
    _row("growth_above", {B: 100, 2023: 120}, {"status": "on_track", "final": False},
         "faster", reference={B: 100.0, 2023: 110.0}),
    _row("growth_above", {B: 100, 2023: 105}, {"status": "off_track", "final": False},
         "slower", reference={B: 100.0, 2023: 110.0}),
]


@pytest.mark.parametrize("row", REFERENCE)
def test_reference(row):
    check(row)


# --- goals that cannot be set, growth that cannot be taken, rates of zero -----------------
NO_LEVEL = [
    # no baseline value in the file and no figure for 2020: no goal to measure against
    _row("increase_by", {2023: 84}, {"status": "not_assessable", "year": 2023, "R": None},
         "no-baseline-value", fields={"baseline": {"year": B}}),
    _row("decrease_by", {2023: 45}, {"status": "not_assessable", "year": 2023},
         "no-baseline-value", direction="lower", fields={"baseline": {"year": B}}),
    # no goal, a figure after the deadline: the verdict names the last year up to the deadline
    _row("increase_by", {2023: 84, 2026: 90}, {"status": "not_assessable", "year": 2023},
         "no-baseline-value-after-deadline", fields={"baseline": {"year": B}}),
    # the rate asked is 10 %: 100 → 120 in 3 years is 6.27 % a year, R = 0.627 (reason: 0.63)
    _row("annual_growth", {2023: 120}, {"status": "behind", "R": 0.627}, "behind"),
    # no growth at all against a growing reference: 0 % a year is slower, off_track
    _row("growth_above", {B: 100, 2023: 100}, {"status": "off_track", "final": False},
         "flat", reference={B: 100.0, 2023: 110.0}),
    # a baseline below 1 still scales: twice 0.5 is 1
    _row("multiple_of", {2025: 1.0}, {"status": "met", "final": True, "year": 2025},
         "baseline-below-one", fields={"baseline": {"year": B, "value": 0.5}}),
    # twice nothing is nothing: a baseline of 0 sets no level
    _row("multiple_of", {2023: 10}, {"status": "not_assessable", "year": 2023},
         "baseline-zero", fields={"baseline": {"year": B, "value": 0}}),
    _row("annual_growth", {2023: 120}, {"status": "not_assessable", "year": 2023},
         "no-baseline-value", fields={"baseline": {"year": B}}),
    # growth from 100 to 0 is not a rate
    _row("annual_growth", {2023: 0}, {"status": "not_assessable", "year": 2023},
         "growth-undefined"),
    # a rate of 0 % a year has no ratio: any growth is on track, a fall is regressing
    _row("annual_growth", {2023: 110}, {"status": "on_track", "R": None}, "rate-zero-grown",
         fields={"value": 0}),
    _row("annual_growth", {2023: 90}, {"status": "regressing", "R": None}, "rate-zero-fallen",
         fields={"value": 0}),
    # the 2026 figure is noted, the 2023 one judged
    _row("annual_growth", {2023: 133.1, 2026: 200}, {"status": "on_track", "year": 2023},
         "after-deadline"),
    # neither the indicator nor the reference has a 2020 figure; then only the reference lacks it
    _row("growth_above", {2023: 120}, {"status": "not_assessable"}, "no-base-years",
         reference={2023: 110.0}),
    _row("growth_above", {B: 100, 2023: 120}, {"status": "not_assessable"},
         "no-reference-base-year", reference={2023: 110.0}),
    _row("growth_above", {B: 100, 2023: 0}, {"status": "not_assessable", "year": 2023},
         "growth-undefined", reference={B: 100.0, 2023: 110.0}),
    _row("growth_above", {B: 100, 2023: 120, 2026: 150}, {"status": "on_track", "year": 2023},
         "after-deadline", reference={B: 100.0, 2023: 110.0, 2026: 130.0}),
    # the amounts shown are the plan's years only; two missing years before the latest
    _row("per_year", {B: 10, 2021: 10, 2022: 9}, {"status": "missed", "year": 2022},
         "short-with-baseline-year"),
    _row("per_year", {2021: 10, 2024: 10}, {"status": "on_track", "year": 2024},
         "years-missing"),
    # a sum that must not fall below 0 and does; a small sum paced (0.1 of 0.2 a year)
    _row("cumulative", {2021: -5}, {"status": "not_assessable", "year": 2021},
         "negative-sum", fields={"value": 0}),
    # the series shown is the running total, not the figures (here with the 2020 amount)
    _row("cumulative", {B: 7, 2021: -5}, {"status": "not_assessable", "year": 2021},
         "negative-sum-after-base-year", fields={"value": 0}),
    # two years missing from a sum, both named
    _row("cumulative", {2021: 15, 2024: 15}, {"status": "not_assessable", "year": 2024},
         "two-years-missing"),
    # no reference figure for either year: both named
    _row("near_reference", {2022: 50, 2023: 60}, {"status": "not_assessable", "year": 2023},
         "no-reference-two-years", reference={2021: 100.0}),
    _row("cumulative", {2021: 0.1}, {"status": "off_track", "R": 0.5}, "small-sum",
         fields={"value": 1}),
    # one figure in the plan and none before it: no pace can be taken
    _row("at_least", {2023: 84}, {"status": "not_assessable", "year": 2023, "R": None},
         "one-figure-no-base", fields={"baseline": None}, unit=PCT),
    # no goal can be set: the verdict names the deadline year's figure all the same
    _row("increase_by", {2023: 84, 2025: 90}, {"status": "not_assessable", "year": 2025},
         "no-baseline-value-deadline", fields={"baseline": {"year": B}}),
    # compound growth asked for, from a base below 1 (0.5 → 0.8 of 1.0): still geometric,
    # R = ((0.8/0.5)^(1/3) − 1) / ((1/0.5)^(1/5) − 1) = 0.16961/0.14870 = 1.141
    _row("at_least", {2023: 0.8}, {"status": "on_track", "R": 1.141}, "geometric-small-base",
         fields={"value": 1, "baseline": {"year": B, "value": 0.5}, "pace": "geometric"}),
    # a goal of 0 (at most 0 from 60) has no growth rate: paced linearly, asked or not,
    # R = ((36 − 60)/3) / ((0 − 60)/5) = 0.667; 完成率 T/v = 0/36 = 0 %, none at v = 0
    _row("at_most", {2023: 36}, {"status": "behind", "R": 0.667, "pct": 40.0, "attain": 0.0,
                                 "method": "linear"}, "zero-goal",
         direction="lower", fields={"value": 0, "pace": "auto"}),
    _row("at_most", {2023: 36}, {"status": "behind", "R": 0.667, "method": "linear"},
         "zero-goal-geometric-asked", direction="lower",
         fields={"value": 0, "pace": "geometric"}),
    _row("at_most", {2025: 0}, {"status": "met", "final": True, "attain": None},
         "zero-goal-met", direction="lower", fields={"value": 0}),
    # compound pace asked for and a figure of 0: no rate of growth, so linear,
    # R = ((0 − 60)/3) / ((100 − 60)/5) = −2.5
    _row("at_least", {2023: 0}, {"status": "regressing", "R": -2.5, "method": "linear"},
         "geometric-figure-zero", fields={"pace": "geometric"}),
    # 10 % a year from a base below 1: 0.5 → 0.6655 in 3 years is exactly the rate asked
    _row("annual_growth", {2023: 0.6655}, {"status": "on_track", "R": 1.0},
         "small-base-and-figure", fields={"baseline": {"year": B, "value": 0.5}}),
    # the plan's estimated 2020 value (58) gives way to the recorded actual (60), R 1.0 as in
    # the on-pace row; the pair is named (terms.baseline_actual)
    _row("at_least", {B: 60, 2023: 84}, {"status": "on_track", "R": 1.0, "base": B},
         "estimated-baseline-replaced",
         fields={"baseline": {"year": B, "value": 58, "estimate": True}}),
    # a share needs the reference's figure of the same year, and one above 0
    _row("near_reference", {2023: 50}, {"status": "not_assessable", "year": 2023},
         "no-reference-figure"),
    _row("near_reference", {2023: 0.45}, {"status": "met", "final": False, "ref": 0.5},
         "small-reference", reference={2023: 0.5}),
    _row("near_reference", {2026: 50}, {"status": "not_assessable", "year": None},
         "after-deadline-only", reference=REF),
    # a target written in another unit of the indicator's dimension (1.6 万家 = 16,000 家)
    _row("at_least", {2025: 16000}, {"status": "met", "final": True}, "scaled",
         fields={"value": 1.6, "stretch": 2, "baseline": None}, factor=10000),
    _row("at_least", {2025: 15999}, {"status": "missed", "final": True}, "scaled-short",
         fields={"value": 1.6, "baseline": None}, factor=10000),
    _row("between", {2025: 9999}, {"status": "missed", "final": True}, "scaled-range",
         fields={"low": 1, "high": 2}, factor=10000),
]


@pytest.mark.parametrize("row", NO_LEVEL)
def test_no_level(row):
    check(row)


def test_default_as_of_comes_from_the_data():
    row = Row("at_least", {"value": 100}, {2023: 84}, {})
    assert default_as_of(city(row)) == date(2024, 3, 1)  # the figure's publication
    empty = Row("at_least", {"value": 100}, {}, {})
    assert default_as_of(city(empty)) == date(2021, 3, 1)  # the plan document's date
    assert default_as_of(city(empty, source_date=None)) == date(2021, 1, 1)  # the plan's start
    assert default_as_of(city(empty, source_date=None, plans=False)) == date(2021, 1, 1)


def test_a_city_is_judged_target_by_target():
    from dataclasses import replace

    row = Row("at_least", {"value": 100, "baseline": {"year": B, "value": 60}, **LIN,
                           "attribute": "binding"}, {2023: 84}, {})
    doc = document(row)
    doc["sources"][0]["doc_number"] = "城政〔2021〕1号"
    data = replace(city(row), lines={"t": 12}, targets=TargetFile.model_validate(doc))
    report = evaluate(data, AS_OF, max_age=5)
    assert (report.city, report.name_zh, report.name_en, report.file) == ("c", "城", "C", "mem")
    assert (report.as_of, report.max_age, report.measured) == (AS_OF, 5, ())
    [plan] = report.plans
    assert (plan.id, plan.title_zh, plan.title_en, plan.start, plan.end) == (
        "p", "规划", "Plan", 2021, 2025)
    [r] = report.results
    assert (r.id, r.attribute, r.file, r.line) == ("t", "binding", "mem", 12)
    assert (r.target.source_title, r.target.doc_number) == ("规划", "城政〔2021〕1号")
    assert (r.verdict.status, r.flags.stale) == ("on_track", False)  # 2023 is 4 years before 2027, not 5+
    assert evaluate(data, AS_OF).results[0].flags.stale  # the default allows 2 years


def test_default_tolerances_are_in_the_table():
    assert operators.tolerances() == {"about_tolerance": 0.02, "near_reference_tolerance": 0.10,
                                      "growth_in_step_tolerance": 0.005}


@pytest.mark.parametrize(("op", "value", "goal", "text"), [
    ("at_least", 100, 100, "≥ 100 家"), ("at_most", 40, 40, "≤ 40 家"),
    ("increase_by", 40, 100, "+40 = 100 家"), ("increase_by", 40, None, "+40 家"),
    ("multiple_of", 2, 100, "×2 = 100 家"), ("multiple_of", 2, None, "×2"),
])
def test_a_target_reads_as_its_form(op, value, goal, text):
    shown = SimpleNamespace(value=value, goal=goal, low=None, high=None, tolerance=None,
                            reference=None)
    assert operators.get(op).show(shown, lambda x: f"{x:g}", {}, " 家") == text


# --- figures given only as a bound, and estimates (issue 22) ------------------------------
# at_least 100 from 60 (2020), linear: R = ((v − 60)/3)/8 for a 2023 figure; on_track from
# R 0.95 (v 82.8), behind from 0.60 (v 74.4), off_track from 0 (v 60), regressing below.
# A bound decides when every value it allows gives the same status; when they differ but all
# lag, the category 滞后 is proven and the status is the best the bound allows (bounds
# "status": "upper"); the light then only when every one of them has the same colour.
UP, LOW = "upper", "lower"
SHOWN_UP = {"latest": UP, "percent_to_goal": UP, "attainment": UP}
#: in the plan, the catch-up pace from a figure of at most v is at least the one from v
IN_PLAN_UP = {**SHOWN_UP, "catch_up": LOW}
BOUNDED = [
    # ≤ 80: behind at 80 (R 0.833), off_track or regressing below: lagging, yellow or red
    _row("at_least", {2023: 80}, {"status": "behind", "R": 0.833, "final": False,
                                  "category": "lagging", "light": None,
                                  "bounds": {**IN_PLAN_UP, "status": UP}},
         "upper-lags-behind-at-best", bounds={2023: UP}),
    # ≤ 72: off_track at 72 (R 0.5), regressing below 60: lagging and red whatever it is
    _row("at_least", {2023: 72}, {"status": "off_track", "R": 0.5, "category": "lagging",
                                  "light": "red", "bounds": {**IN_PLAN_UP, "status": UP}},
         "upper-lags-red", bounds={2023: UP}),
    # ≤ 55: every value allowed is below the base: regressing, proven outright
    _row("at_least", {2023: 55}, {"status": "regressing", "category": "lagging",
                                  "light": "red", "bounds": IN_PLAN_UP},
         "upper-all-regressing", bounds={2023: UP}),
    # ≤ 90: on_track at 90, lagging lower down: nothing proven, no exact figure left
    _row("at_least", {2023: 90}, {"status": "not_assessable", "category": None,
                                  "light": None, "bounds": {}},
         "upper-straddles", bounds={2023: UP}),
    # ≥ 84: on_track at 84, met (early) from 100: two categories, nothing proven
    _row("at_least", {2023: 84}, {"status": "not_assessable", "category": None, "bounds": {}},
         "lower-on-track-or-met", bounds={2023: LOW}),
    # the exact 2022 figure is on track (R (24/2)/8 = 1.5), the later bound proves lagging
    _row("at_least", {2022: 84, 2023: 80}, {"status": "behind", "year": 2023,
                                            "category": "lagging", "light": None},
         "exact-then-lagging-bound", bounds={2023: UP}),
    # the exact 2022 figure decides where the later bound proves nothing
    _row("at_least", {2022: 84, 2023: 90}, {"status": "on_track", "year": 2022, "R": 1.5,
                                            "bounds": {}},
         "exact-then-open-bound", bounds={2023: UP}),
    # lower is better, at_most 40 from 60: ≥ 55 is off_track (R (−5/3)/(−4) = 0.417) or,
    # above 60, regressing: red; ≥ 50 is behind (0.833) at best: no light
    _row("at_most", {2023: 55}, {"status": "off_track", "R": 0.417, "category": "lagging",
                                 "light": "red", "bounds": {"latest": LOW, "percent_to_goal": UP,
                                                            "attainment": UP, "catch_up": UP,
                                                            "status": UP}},
         "lower-bound-lags-red", direction="lower", bounds={2023: LOW}),
    _row("at_most", {2023: 50}, {"status": "behind", "category": "lagging", "light": None},
         "lower-bound-lags-behind-at-best", direction="lower", bounds={2023: LOW}),
    # the deadline year: ≤ 80 misses finally, 完成率 ≤ 80 % → not_achieved; ≤ 95 may be
    # above or below the 90 % line: category and light left open; ≥ 100 is met
    _row("at_least", {2025: 80}, {"status": "missed", "final": True, "pct": 50.0,
                                  "category": "not_achieved", "light": "red",
                                  "bounds": SHOWN_UP}, "deadline-upper-missed",
         bounds={2025: UP}),
    _row("at_least", {2025: 95}, {"status": "missed", "final": True, "category": None,
                                  "light": None}, "deadline-upper-near-line", bounds={2025: UP}),
    _row("at_least", {2025: 100}, {"status": "met", "final": True, "category": "achieved",
                                   "light": "green"}, "deadline-lower-met", bounds={2025: LOW}),
    # ≥ 95 at the deadline: met or missed: nothing proven
    _row("at_least", {2025: 95}, {"status": "not_assessable", "final": False},
         "deadline-lower-open", bounds={2025: LOW}),
    # a growth rate 10 % a year from 100: ≥ 140 in 2023 is faster than asked whatever it
    # is (R ≥ 1.187): ahead; ≥ 132 (R ≥ 0.970) may be ahead or as expected: left open
    _row("annual_growth", {2023: 140}, {"status": "on_track", "R": 1.187, "category": "ahead",
                                        "light": "green",
                                        "bounds": {"latest": LOW, "percent_to_goal": LOW,
                                                   "attainment": LOW, "catch_up": UP}},
         "lower-ahead", bounds={2023: LOW}),
    _row("annual_growth", {2023: 132}, {"status": "on_track", "R": 0.97, "category": None,
                                        "light": None}, "lower-ahead-or-as-expected",
         bounds={2023: LOW}),
    # ≤ 0.55 from a base of 0.5 (R 0.323 at 0.55): every positive value below lags; the open
    # side runs down towards 0, never below it (no growth rate there)
    _row("annual_growth", {2023: 0.55}, {"status": "off_track", "R": 0.323, "category": "lagging",
                                         "light": "red", "bounds": {**IN_PLAN_UP, "status": UP}},
         "upper-small-lags", fields={"baseline": {"year": B, "value": 0.5}}, bounds={2023: UP}),
    # a figure that may be negative (a growth rate of −3 % in 2020, at least 6 % by 2025):
    # ≤ −2 is off_track at −2 (R (1/3)/(9/5) = 0.185), and so at the base −3 (R 0) and below
    _row("at_least", {2023: -2}, {"status": "off_track", "R": 0.185, "category": "lagging",
                                  "light": "red", "bounds": {**IN_PLAN_UP, "status": UP}},
         "upper-negative-lags", unit=PCT,
         fields={"value": 6, "baseline": {"year": B, "value": -3}}, bounds={2023: UP}),
    # ≤ 0: off_track at 0 (R (3/3)/(9/5) = 0.556), regressing far below
    _row("at_least", {2023: 0}, {"status": "off_track", "R": 0.556, "category": "lagging",
                                 "light": "red", "bounds": {**IN_PLAN_UP, "status": UP}},
         "upper-zero-lags", unit=PCT,
         fields={"value": 6, "baseline": {"year": B, "value": -3}}, bounds={2023: UP}),
    # two bounded years: both named in the reason
    _row("at_least", {2022: 75, 2023: 80}, {"status": "behind", "R": 0.833, "year": 2023,
                                            "category": "lagging"},
         "two-upper-bounds", bounds={2022: UP, 2023: UP}),
    # the bound proves nothing and the exact figure left cannot be judged alone (no base
    # point): not assessable because of the bound, naming no year
    _row("at_least", {2022: 84, 2023: 90}, {"status": "not_assessable", "year": None,
                                            "bounds": {}},
         "upper-straddles-one-exact-left", unit=PCT, fields={"baseline": None},
         bounds={2023: UP}),
    # lower is better, at most 40: ≤ 30 at the deadline meets it whatever it is; percent to
    # goal and 完成率 (T/v) are then at least those of 30
    _row("at_most", {2025: 30}, {"status": "met", "final": True,
                                 "bounds": {"latest": UP, "percent_to_goal": LOW,
                                            "attainment": LOW}},
         "deadline-upper-met-lower-is-better", direction="lower", bounds={2025: UP}),
    # a band, lower is better (80–120 from 140): ≥ 125 misses at the deadline, 完成率 ≤ 96 %
    _row("between", {2025: 125}, {"status": "missed", "final": True, "category": None},
         "deadline-lower-bound-lower-is-better", direction="lower", bounds={2025: LOW}),
]


@pytest.mark.parametrize("row", BOUNDED)
def test_bounded(row):
    check(row)


ESTIMATED = [
    # an estimate decides as its figure would, never finally
    _row("at_least", {2025: 100}, {"status": "met", "final": False, "estimate": True,
                                   "category": "achieved", "light": "green"},
         "estimate-deadline-met", estimates=(2025,)),
    _row("at_least", {2025: 92}, {"status": "missed", "final": False, "estimate": True,
                                  "category": "basically_achieved", "light": "yellow"},
         "estimate-deadline-missed", estimates=(2025,)),
    _row("at_least", {2023: 84}, {"status": "on_track", "final": False, "estimate": True,
                                  "R": 1.0, "category": "as_expected"},
         "estimate-in-plan", estimates=(2023,)),
    # an estimate that is also a bound: ≤ 80 lags at best behind, not final either way
    _row("at_least", {2023: 80}, {"status": "behind", "final": False, "estimate": True,
                                  "category": "lagging", "light": None},
         "estimate-and-bound", estimates=(2023,), bounds={2023: UP}),
]


@pytest.mark.parametrize("row", ESTIMATED)
def test_estimated(row):
    check(row)


def test_a_report_carries_the_city_s_measured_files_and_warnings():
    from dataclasses import replace

    data = replace(city(Row("at_least", {"value": 100}, {2023: 84}, {})),
                   measured_paths=("m.yaml",), warnings=("w",))
    report = evaluate(data, AS_OF)
    assert (report.measured, report.warnings) == (("m.yaml",), ("w",))


# --- the level tests forgive float noise of a billionth of the goal (at least 1e-9) --------
@pytest.mark.parametrize(("test", "v", "goal", "holds"), [
    (operators.geq, 1e6 - 5e-4, 1e6, True),      # noise scales with the goal (1e6 × 1e-9)
    (operators.geq, 1e6 - 2e-3, 1e6, False),
    (operators.geq, 1 - 0.5e-9, 1.0, True),      # small goals: 1e-9 absolute
    (operators.geq, 1 - 1.5e-9, 1.0, False),
    (operators.leq, 1e6 + 5e-4, 1e6, True),
    (operators.leq, 1e6 + 2e-3, 1e6, False),
    (operators.leq, 1 + 0.5e-9, 1.0, True),
    (operators.leq, 1 + 1.5e-9, 1.0, False),
    (operators.greater, 1e6 + 5e-4, 1e6, False),  # within the noise: not strictly more
    (operators.greater, 1e6 + 2e-3, 1e6, True),
    (operators.greater, 1 + 0.5e-9, 1.0, False),
    (operators.greater, 1 + 1.5e-9, 1.0, True),
])
def test_level_tests_forgive_noise_of_a_billionth(test, v, goal, holds):
    assert test(v, goal) is holds


# --- a baseline the plan does not give, read from an actual that replaced estimates -------
def test_an_actual_baseline_replaces_the_latest_estimate_for_its_year():
    """The 2020 actual (60) paces the target; the difference is taken from the latest
    estimate for 2020 published by the as-of date (59.5), not an earlier one, not a partial
    one, not a later one and not another indicator's."""
    from dataclasses import replace

    row = Row("at_least", {"value": 100, "baseline": {"year": B}, **LIN}, {B: 60, 2023: 84},
              {})
    data = city(row)
    est = _obs("x", B, 58.0, 10, row.unit)
    extra = (replace(est, value=59.5, estimate=True, source_date=AS_OF, order=2),  # latest
             replace(est, value=58.0, estimate=True, source_date=date(2021, 1, 1), order=3),
             replace(est, value=57.0, estimate=True, partial=True, period="2020-06",
                     source_date=date(2026, 1, 1), order=4),
             replace(est, value=51.0, estimate=True, source_date=date(2027, 7, 1), order=5),
             replace(est, indicator="ref", value=1.0, estimate=True,
                     source_date=date(2026, 6, 1), order=6))
    data = replace(data, observations=data.observations + extra)
    r = evaluate_target(data, data.targets.targets[0], data.targets.indicators[0], AS_OF)
    pair = r.evidence.baseline_actual
    assert pair is not None
    assert (pair.year, pair.estimate, pair.actual, pair.difference) == (B, 59.5, 60.0, 0.5)
    assert (r.verdict.status, r.evidence.baseline) == ("on_track", 60.0)
    # a baseline value written in the plan is the base, whatever estimates were published
    given = replace(row, fields={**row.fields, "baseline": {"year": B, "value": 60}})
    written = replace(city(given), observations=data.observations)
    r = evaluate_target(written, written.targets.targets[0], written.targets.indicators[0], AS_OF)
    assert r.evidence.baseline_actual is None and r.evidence.baseline == 60.0
    # no actual for 2020: nothing replaced, the estimate is the base
    only = replace(data, observations=tuple(o for o in data.observations
                                            if not (o.indicator == "x" and o.period == B
                                                    and not o.estimate)))
    r = evaluate_target(only, only.targets.targets[0], only.targets.indicators[0], AS_OF)
    assert r.evidence.baseline_actual is None


def test_a_plan_s_estimated_baseline_names_the_actual_that_replaced_it():
    row = Row("at_least", {"value": 100, "baseline": {"year": B, "value": 58, "estimate": True},
                           **LIN}, {B: 60, 2023: 84}, {})
    pair = judge(row).evidence.baseline_actual
    assert pair is not None
    assert (pair.year, pair.estimate, pair.actual, pair.difference) == (B, 58.0, 60.0, 2.0)


def test_an_annual_figure_written_with_its_december_is_that_year_s():
    """2023 and "2023-12" (not partial) are one period: the later publication wins, in
    whichever order the files list them."""
    from dataclasses import replace

    row = Row("at_least", {"value": 100, "baseline": {"year": B, "value": 60}, **LIN}, {}, {})
    dec = replace(_obs("x", 2023, 84.0, 1, row.unit), period="2023-12",
                  source_date=date(2024, 6, 1))
    early = _obs("x", 2023, 70.0, 2, row.unit)  # published 2024-03-01, listed later
    for figures in ((dec, early), (early, dec)):
        data = replace(city(row), observations=figures)
        r = evaluate_target(data, data.targets.targets[0], data.targets.indicators[0], AS_OF)
        assert (r.verdict.status, r.evidence.latest.value) == ("on_track", 84.0)


def test_a_revision_applies_from_its_document_s_date():
    """A target that supersedes another decides once its document is out; before that it is
    not assessable and the original names no revision."""
    from dataclasses import replace

    row = Row("at_least", {"value": 100, "baseline": {"year": B, "value": 60}, **LIN},
              {2023: 84}, {})
    doc = document(row)
    doc["sources"].append({"id": "mid", "title": "中期调整", "issuer": "政府",
                           "date": "2024-06-30"})
    doc["targets"].append({**doc["targets"][0], "id": "t2", "value": 90, "source": "mid",
                           "supersedes": "t"})
    data = replace(city(row), targets=TargetFile.model_validate(doc))
    before = {r.id: r for r in evaluate(data, date(2024, 6, 1)).results}
    assert before["t2"].verdict.status == "not_assessable"
    assert before["t"].superseded_by is None
    after = {r.id: r for r in evaluate(data, date(2024, 7, 1)).results}
    assert after["t"].superseded_by == "t2"
    assert (after["t2"].supersedes, after["t"].supersedes) == ("t", None)
    # R = ((84 − 60)/3) / ((90 − 60)/5) = 1.333
    assert after["t2"].verdict.status == "on_track"


def test_another_basically_line_rereads_every_category():
    """完成率 85 % at the deadline is 未实现 at the 90 % line, 基本实现 at an 80 % one
    (--basically 0.8); every result of the report is read again, and the report says so."""
    from dataclasses import replace

    from planck.judge.terms import with_basically

    near, far = (evaluate(city(Row("at_least", {"value": 100}, {2025: v}, {})), AS_OF)
                 for v in (85.0, 70.0))
    two = replace(near, results=near.results + far.results)
    assert [r.verdict.category for r in two.results] == ["not_achieved", "not_achieved"]
    again = with_basically(two, 0.8)
    assert again.basically == 0.8
    assert [(r.verdict.category, r.verdict.light) for r in again.results] == [
        ("basically_achieved", "yellow"), ("not_achieved", "red")]


def test_a_verdict_names_the_other_sources_figures_for_its_year():
    """Where the city's files conflict, the deciding figure carries the other sources'
    different figures for its year (seen by the as-of date), not its own source's, not
    another year's or indicator's, and not one published later (one published on the as-of
    date is seen)."""
    from dataclasses import replace

    row = Row("at_least", {"value": 100, "baseline": {"year": B, "value": 60}, **LIN},
              {2023: 84}, {})
    data = city(row)
    # both published on the as-of date: the one listed later is chosen
    mine = replace(data.observations[0], source_date=AS_OF, order=10)
    other = replace(mine, value=83.0, source="yearbook", order=5)
    rest = (replace(other, value=70.0, period=2022, year=2022, order=6),
            replace(other, indicator="ref", order=7),
            replace(other, value=82.0, source="later", source_date=date(2027, 7, 1), order=8),
            replace(mine, value=81.0, source_date=date(2023, 12, 1), order=9))
    data = replace(data, observations=(mine, other, *rest), warnings=("conflict",))
    r = evaluate_target(data, data.targets.targets[0], data.targets.indicators[0], AS_OF)
    assert r.evidence.latest is mine
    assert [o.value for o in r.evidence.conflicts] == [83.0]
    # no warning in the city's files: nothing is looked up
    quiet = replace(data, warnings=())
    r = evaluate_target(quiet, quiet.targets.targets[0], quiet.targets.indicators[0], AS_OF)
    assert r.evidence.conflicts == ()


# --- the progress arithmetic at its edges (planck.judge.progress_math), by hand -----------
def test_progress_arithmetic_at_its_edges():
    from planck.judge import progress_math as pg

    # no growth rate to or from 0: linear, asked for or not
    assert pg.choose_method("geometric", 10, 0, False) == "linear"
    assert pg.choose_method("auto", 10, 0, False) == "linear"
    assert pg.choose_method("auto", 10, 20, False) == "geometric"
    # a figure of 0 under compound pace is paced linearly: (0 − 10)/3 against (20 − 10)/5
    p = pg.pace("geometric", 2020, 10.0, 2023, 0.0, 2025, 20.0)
    assert (p.method, round(p.observed, 3), p.required, round(p.ratio or 0, 3)) == (
        "linear", -3.333, 2.0, -1.667)
    # no change required: no ratio
    assert pg.pace("linear", 2020, 10.0, 2023, 12.0, 2025, 10.0).ratio is None
    # growth from and to figures below 1
    assert pg.cagr(0.5, 1.0, 1) == 1.0
    assert pg.cagr(2.0, 0.5, 2) == -0.5
    assert pg.cagr(0.0, 1.0, 1) is None and pg.cagr(1.0, 0.0, 1) is None
    # a base point already beyond the target: no share of a gap, either direction
    assert pg.percent_to_goal(35, 40, 30, True) is None
    assert pg.percent_to_goal(105, 100, 110, False) is None
    assert pg.percent_to_goal(45, 40, 50, True) == 50.0
    # the gap's tolerance is a billionth of the goal, and at least 1e-9
    assert pg.percent_to_goal(1e6, 1e6, 1e6 - 5e-4, False) is None
    assert pg.percent_to_goal(1.0, 1.0, 1 - 1.5e-9, False) == 100.0
    # 完成率 of lower-is-better: T/v, none for a figure of 0 or below or a negative target
    assert pg.attainment(5, 0, True) == 0.0
    assert pg.attainment(0, 5, True) is None
    assert pg.attainment(-1, 5, True) is None
    assert pg.attainment(5, -1, True) is None
    assert pg.attainment(4, 5, True) == 125.0
    # no period to share when the deadline is the base year
    assert pg.expected_progress(2025, 2025, 2025) is None
    assert pg.expected_progress(2020, 2023, 2025) == 60.0


# --- every row's whole result, against a reviewed copy ------------------------------------
# The rows above state by hand what decides a verdict; the rest of a result (its reasons,
# series, pace, base point and flags) is checked against tests/golden/judge_matrix.json, as
# the command-line golden files are. When a change to it is intended, regenerate and review:
#     UPDATE_GOLDEN=1 python -m pytest tests/test_judge_matrix.py && git diff tests/golden/
GOLDEN = Path(__file__).parent / "golden" / "judge_matrix.json"
ALL_ROWS = [*_shape_rows(), *_edge_rows(), *IN_PLAN, *SPECIAL, *PART_YEAR, *AMOUNTS, *REFERENCE,
            *NO_LEVEL, *BOUNDED, *ESTIMATED]


def _whole(row: Row) -> Any:
    return json.loads(json.dumps(judge(row).as_dict(), ensure_ascii=False, default=str))


def test_every_row_id_is_unique():
    ids = [p.id for p in ALL_ROWS]
    assert len(ids) == len(set(ids)) > 150


def test_whole_results_match_the_reviewed_copy():
    got = {p.id: _whole(p.values[0]) for p in ALL_ROWS}
    if os.environ.get("UPDATE_GOLDEN") == "1":
        # one row a line, so a diff names the rows that changed
        lines = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False, sort_keys=True)}"
                 for k, v in sorted(got.items())]
        GOLDEN.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert set(got) == set(want), "rows added or removed: UPDATE_GOLDEN=1 and review the diff"
    changed = [k for k in got if got[k] != want[k]]
    assert not changed, f"{len(changed)} results changed, e.g. {changed[0]}: " + json.dumps(
        {f: (want[changed[0]].get(f), v) for f, v in got[changed[0]].items()
         if want[changed[0]].get(f) != v}, ensure_ascii=False)[:1500]
