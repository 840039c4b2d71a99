"""Properties of the method (hypothesis): monotone in the value, 'satisfies ⇒ met',
and invariant to the unit a figure is published in (万元 vs 亿元)."""

from datetime import date

from conftest import base_targets, target
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from planck.judge.evaluate import evaluate
from planck.read.dataset import CityData, Obs, _factors
from planck.read.model import TargetFile
from planck.read.units import convert

RANK = {"met": 5, "on_track": 4, "behind": 3, "off_track": 2, "regressing": 1, "missed": 0}
AS_OF = date(2026, 11, 1)


def city(t: dict, points: list[tuple[int, float, str]], indicator: str) -> CityData:
    doc = base_targets(targets=[t])
    doc["indicators"].append({"id": "rank", "name_zh": "全国排名", "name_en": "National rank",
                              "unit": "位", "direction": "lower"})
    tf = TargetFile.model_validate(doc)
    unit = next(i.unit for i in tf.indicators if i.id == indicator)
    observations = tuple(
        Obs(indicator=indicator, period=year, year=year, value=convert(v, u, unit), unit=unit,
            given_value=v, given_unit=u, partial=False, pin=False, source="s", source_title="公报",
            source_date=date(2026, 3, 1), url=None, quote="q", file="m.yaml", line=1, order=n)
        for n, (year, v, u) in enumerate(points))
    return CityData(tf, "t.yaml", {t["id"]: 1}, observations, _factors(tf))


def status(t, points, indicator):
    [r] = evaluate(city(t, points, indicator), AS_OF).results
    return r


OPS = st.sampled_from([("at_least", {}), ("more_than", {}), ("about", {}),
                       ("multiple_of", {}), ("increase_by", {})])
values = st.floats(min_value=1, max_value=10_000, allow_nan=False, allow_infinity=False)


def make_target(op, goal, base):
    fields = {"baseline": {"year": 2020, "value": base}}
    if op == "multiple_of":
        fields["value"] = 2
    elif op == "increase_by":
        fields["value"] = goal
    else:
        fields["value"] = goal
    return target("t", "firms", op, **fields)


@settings(deadline=None)
@given(OPS, values, values, values, values, st.integers(2021, 2025))
def test_raising_the_latest_value_never_worsens_status(op, goal, base, v1, v2, year):
    t = make_target(op[0], goal, base)
    lo, hi = sorted((v1, v2))
    r_lo = status(t, [(year, lo, "家")], "firms")
    r_hi = status(t, [(year, hi, "家")], "firms")
    assume(r_lo.verdict.status in RANK and r_hi.verdict.status in RANK)
    assert RANK[r_hi.verdict.status] >= RANK[r_lo.verdict.status], (r_lo.verdict.reason, r_hi.verdict.reason)


@settings(deadline=None)
@given(values, st.just(0.0) | values | values.map(lambda x: -x / 10_001), st.integers(2021, 2025))
def test_met_exactly_when_the_value_satisfies_the_target(goal, extra, year):
    """At the boundary v == goal (drawn on purpose): at_least is met, more_than is not."""
    v = goal + extra
    for op, ok in (("at_least", v >= goal), ("more_than", v > goal)):
        t = target("t", "firms", op, value=goal)
        r = status(t, [(year, v, "家")], "firms")
        assert (r.verdict.status == "met") == ok, (op, goal, v, r.verdict.status)
        if year == 2025:  # the deadline: a final verdict either way
            assert r.verdict.final and r.verdict.status == ("met" if ok else "missed")


@settings(deadline=None)
@given(st.floats(min_value=0.01, max_value=500), st.floats(min_value=0.01, max_value=500),
       st.floats(min_value=0.01, max_value=500), st.integers(2021, 2025))
def test_status_invariant_to_unit_scaling(goal, base, v, year):
    t = target("t", "money", "at_least", value=goal, baseline={"year": 2020, "value": base})
    in_yi = status(t, [(year, v, "亿元")], "money")
    in_wan = status(t, [(year, v * 10_000, "万元")], "money")
    t_wan = dict(t, value=goal * 10_000, unit="万元")
    target_in_wan = status(t_wan, [(year, v, "亿元")], "money")
    assert in_yi.verdict.status == in_wan.verdict.status == target_in_wan.verdict.status
    if in_yi.progress.percent_to_goal is not None:
        assert abs(in_yi.progress.percent_to_goal - in_wan.progress.percent_to_goal) < 0.02


@settings(deadline=None)
@given(st.integers(1, 500), st.integers(1, 500), st.integers(2021, 2025))
def test_rank_lower_is_better(goal, v, year):
    """Ranks are whole places: met exactly when the place is at or above (≤) the goal."""
    doc_t = target("t", "rank", "rank_at_most", value=goal)
    r = status(doc_t, [(year, v, "位")], "rank")
    assert (r.verdict.status == "met") == (v <= goal), (goal, v, r.verdict.status)


SCALED_OPS = st.sampled_from(["at_least", "more_than", "about", "increase_by", "multiple_of",
                              "at_most", "decrease_by"])
LOWER = {"at_most", "decrease_by"}


def _money_city(op, goal, base, points, unit, scale):
    """A target on a money indicator written entirely in ``unit``, every figure × ``scale``."""
    direction = "lower" if op in LOWER else "higher"
    doc = base_targets()
    doc["indicators"] = [{"id": "m", "name_zh": "金额", "name_en": "Money", "unit": unit,
                          "direction": direction}]
    value = {"multiple_of": 2.0, "decrease_by": 10.0}.get(op, goal * scale)
    t = target("t", "m", op, value=value, baseline={"year": 2020, "value": base * scale})
    doc["targets"] = [t]
    tf = TargetFile.model_validate(doc)
    observations = tuple(
        Obs(indicator="m", period=y, year=y, value=v * scale, unit=unit,
            given_value=v * scale, given_unit=unit, partial=False, pin=False, source="s", source_title="公报",
            source_date=date(2026, 3, 1), url=None, quote="q", file="m.yaml", line=1, order=n)
        for n, (y, v) in enumerate(points))
    [r] = evaluate(CityData(tf, "t.yaml", {"t": 1}, observations, _factors(tf)), AS_OF).results
    return r


@settings(deadline=None)
@given(SCALED_OPS, values, values, st.lists(st.tuples(st.integers(2019, 2026), values),
                                            min_size=1, max_size=4, unique_by=lambda p: p[0]))
def test_scaling_every_figure_by_a_unit_factor_never_changes_a_verdict(op, goal, base, points):
    in_yi = _money_city(op, goal, base, points, "亿元", 1)
    in_wan = _money_city(op, goal, base, points, "万元", 10_000)
    yi, wan = in_yi.verdict, in_wan.verdict
    assert (yi.status, yi.final) == (wan.status, wan.final), (yi.reason, wan.reason)
    for a, b in ((in_yi.progress.percent_to_goal, in_wan.progress.percent_to_goal),
                 (in_yi.progress.attainment, in_wan.progress.attainment)):
        # to 0.02 points, or to 1e-9 of a percent too large for that (float rounding of a
        # 10^4 unit factor at 10^9 %); the verdicts above are compared exactly
        assert (a is None) == (b is None) and (a is None or abs(a - b) < max(0.02, 1e-9 * abs(a)))


@settings(deadline=None)
@given(values, st.lists(st.tuples(st.sampled_from([2021, 2022, 2023, 2024, 2026, 2027]), values),
                        min_size=1, max_size=5, unique_by=lambda p: p[0]),
       st.sampled_from(["at_least", "more_than", "about"]))
def test_never_met_from_a_figure_after_the_deadline(goal, points, op):
    t = target("t", "firms", op, value=goal)
    r = status(t, [(y, v, "家") for y, v in points], "firms")
    in_time = [v for y, v in points if y <= 2025]
    # the same target judged on the in-time figures alone
    alone = status(t, [(y, v, "家") for y, v in points if y <= 2025], "firms") if in_time else None
    if alone is None or alone.verdict.status != "met":
        assert r.verdict.status != "met", (points, r.verdict.reason)
    assert not r.verdict.final
