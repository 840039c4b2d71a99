"""Edges of the method that the worked examples do not reach, each with hand-computed numbers.

Written against the surviving mutants of `make mutate` (issue 13): every test pins a status,
a year or a number at a boundary (one year of growth, a figure of exactly zero, a baseline
taken from before the plan, a clipped expected progress…). Through ``evaluate()`` only.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import base_targets, measured, obs, target

from planck.judge.evaluate import default_as_of, evaluate
from planck.read.dataset import load_city

REF = {"id": "prov-rd", "name_zh": "全省研发投入强度", "name_en": "Province R&D intensity",
       "unit": "%", "direction": "higher"}
PROJECTS = {"id": "projects", "name_zh": "重大创新专项", "name_en": "Major projects",
            "unit": "项", "direction": "higher"}
LABS = {"id": "labs", "name_zh": "全国重点实验室", "name_en": "National key labs",
        "unit": "个", "direction": "higher"}
LOWER = {"id": "energy", "name_zh": "单位GDP能耗", "name_en": "Energy intensity",
         "unit": "%", "direction": "lower"}
EXTRA = [REF, PROJECTS, LABS, LOWER]


def _load(make_city, targets, observations, sources=None):
    doc = base_targets()
    doc["indicators"] += EXTRA
    m = measured(observations) if sources is None else measured(observations, sources=sources)
    path = make_city(targets, doc=doc, measured_doc=m)
    return load_city(str(path), path.parent)


def run(make_city, t, observations, as_of="2026-11-01"):
    [r] = evaluate(_load(make_city, [t], observations), date.fromisoformat(as_of)).results
    return r


# --- annual growth -------------------------------------------------------------------------

def test_growth_over_a_single_year(make_city):
    """100 (2020) → 110 (2021): 10 % in one year against 10 % a year: R = 1, on track."""
    t = target("t", "money", "annual_growth", value=10, baseline={"year": 2020, "value": 100})
    r = run(make_city, t, [obs("money", 2021, 110, "亿元")])
    assert r.pacing.pace.observed == pytest.approx(0.10) and r.pacing.pace.ratio == pytest.approx(1.0)
    assert (r.verdict.status, r.verdict.final, r.pacing.pace.latest_year, r.pacing.pace.base_year) == (
            "on_track", False, 2021, 2020)


def test_growth_to_zero_is_not_assessable(make_city):
    t = target("t", "money", "annual_growth", value=10, baseline={"year": 2020, "value": 100})
    r = run(make_city, t, [obs("money", 2023, 0, "亿元")])
    assert (r.verdict.status, r.pacing.pace, r.evidence.latest.period) == ("not_assessable", None, 2023)


def test_growth_without_figures_or_baseline(make_city):
    t = target("t", "money", "annual_growth", value=10, baseline={"year": 2020, "value": 100})
    assert run(make_city, t, []).verdict.status == "no_data"
    only_base = target("t", "money", "annual_growth", value=10, baseline={"year": 2020})
    r = run(make_city, only_base, [obs("money", 2020, 100, "亿元")])
    assert (r.verdict.status, r.evidence.latest) == ("no_data", None)
    r = run(make_city, only_base, [obs("money", 2022, 121, "亿元")])
    assert (r.verdict.status, r.evidence.latest.period) == ("not_assessable", 2022)


def test_growth_exactly_at_the_rate_is_met_at_the_deadline(make_city):
    """100 × 1.1⁵ = 161.051 in 2025: exactly 10 % a year, met; 161 is just short."""
    t = target("t", "money", "annual_growth", value=10, baseline={"year": 2020, "value": 100})
    r = run(make_city, t, [obs("money", 2025, 161.051, "亿元")])
    assert (r.verdict.status, r.verdict.final) == ("met", True) and r.pacing.pace.ratio == pytest.approx(1.0)
    assert r.progress.percent_to_goal == pytest.approx(100.0)
    short = run(make_city, t, [obs("money", 2025, 161, "亿元")])
    assert (short.verdict.status, short.verdict.final) == ("missed", True)


def test_growth_falling_is_regressing(make_city):
    t = target("t", "money", "annual_growth", value=10, baseline={"year": 2020, "value": 100})
    r = run(make_city, t, [obs("money", 2022, 81, "亿元")])
    assert r.pacing.pace.observed == pytest.approx(-0.1) and r.verdict.status == "regressing"


# --- level targets: base points and pace ---------------------------------------------------

def test_a_figure_from_before_the_plan_serves_as_baseline(make_city):
    """No baseline in the file: 2020's 755 (before the plan's 2021 start) is the base point;
    1170 in 2022 against 1600 by 2025 is the at_least worked example, R = 1.511."""
    t = target("t", "firms", "at_least", value=1600)
    r = run(make_city, t, [obs("firms", 2019, 700, "家"), obs("firms", 2020, 755, "家"),
                           obs("firms", 2022, 1170, "家")])
    assert (r.pacing.pace.base_year, r.pacing.pace.base_value) == (2020, 755)
    assert r.pacing.pace.ratio == pytest.approx(1.511, abs=0.001) and r.verdict.status == "on_track"
    assert r.progress.expected_progress == pytest.approx(40.0)  # 2022 is 2 of the 5 years from 2020


def test_without_baseline_two_figures_in_the_plan_give_the_pace(make_city):
    """Linear (a % unit): 2.0 (2021) → 2.5 (2023) is 0.25 a year; 4.0 by 2025 needs 0.5."""
    t = target("t", "rd", "at_least", value=4.0)
    r = run(make_city, t, [obs("rd", 2021, 2.0, "%"), obs("rd", 2023, 2.5, "%")])
    assert (r.pacing.pace.method, r.pacing.pace.base_year) == ("linear", 2021)
    assert r.pacing.pace.ratio == pytest.approx(0.5) and r.verdict.status == "off_track"


def test_no_figure_after_the_baseline_year_is_no_data(make_city):
    t = target("t", "firms", "at_least", value=1600, baseline={"year": 2020, "value": 755})
    r = run(make_city, t, [obs("firms", 2020, 755, "家")])
    assert (r.verdict.status, r.evidence.latest, r.progress.percent_to_goal) == ("no_data", None, None)


def test_met_before_the_deadline_is_met_not_final(make_city):
    t = target("t", "firms", "at_least", value=1600, baseline={"year": 2020, "value": 755})
    r = run(make_city, t, [obs("firms", 2023, 1600, "家")])
    assert (r.verdict.status, r.verdict.final, r.pacing.pace) == ("met", False, None)
    assert r.progress.percent_to_goal == pytest.approx(100.0)


def test_requested_pace_methods(make_city):
    """1000 → 1210 over 2 years (2020–2022), 1600 by 2025. Geometric: 10 % a year observed,
    (1.6^(1/5) − 1) = 9.856 % needed, R = 1.0146. Linear: 105 against 120 a year, R = 0.875."""
    b = {"year": 2020, "value": 1000}
    geo = run(make_city, target("t", "firms", "at_least", value=1600, baseline=b),
              [obs("firms", 2022, 1210, "家")])
    assert geo.pacing.pace.method == "geometric"
    assert geo.pacing.pace.ratio == pytest.approx(0.10 / (1.6 ** 0.2 - 1))
    lin = run(make_city, target("t", "firms", "at_least", value=1600, baseline=b, pace="linear"),
              [obs("firms", 2022, 1210, "家")])
    assert lin.pacing.pace.method == "linear" and lin.pacing.pace.ratio == pytest.approx(0.875)
    assert (geo.verdict.status, lin.verdict.status) == ("on_track", "behind")


def test_geometric_asked_for_from_zero_falls_back_to_linear(make_city):
    t = target("t", "firms", "at_least", value=20, baseline={"year": 2020, "value": 0},
               pace="geometric")
    r = run(make_city, t, [obs("firms", 2022, 8, "家")])
    assert r.pacing.pace.method == "linear" and r.pacing.pace.ratio == pytest.approx(1.0)


def test_lower_is_better_without_baseline_percent_is_target_over_value(make_city):
    """at_most 8 with no baseline: 10 in 2022 is 8/10 = 80 % of the way."""
    t = target("t", "energy", "at_most", value=8)
    r = run(make_city, t, [obs("energy", 2022, 10, "%")])
    assert r.progress.percent_to_goal == pytest.approx(80.0)


def test_expected_progress_is_the_share_of_the_period_elapsed(make_city):
    """Baseline 2020, deadline 2025: a 2023 figure is 3 of 5 years in, 60 %; at 2025, 100 %."""
    t = target("t", "firms", "at_least", value=10, baseline={"year": 2020, "value": 5})
    assert run(make_city, t, [obs("firms", 2023, 6, "家")]).progress.expected_progress == 60.0
    assert run(make_city, t, [obs("firms", 2025, 6, "家")]).progress.expected_progress == 100.0


def test_between_above_the_range_is_met_beyond_it(make_city):
    t = target("t", "labs", "between", low=2, high=4)
    inside = run(make_city, t, [obs("labs", 2025, 4, "个")])
    above = run(make_city, t, [obs("labs", 2025, 5, "个")])
    assert (inside.verdict.status, inside.flags.above_range) == ("met", False)
    assert (above.verdict.status, above.flags.above_range) == ("met", True)
    assert (above.target.low, above.target.high, above.target.goal) == (2, 4, 2)


def test_more_than_and_at_least_differ_only_at_the_goal(make_city):
    for op, status in (("at_least", "met"), ("more_than", "missed")):
        r = run(make_city, target("t", "money", op, value=120), [obs("money", 2025, 120, "亿元")])
        assert (r.verdict.status, r.verdict.final) == (status, True), op


def test_coverage_defaults_to_one_hundred_percent(make_city):
    cover = {"id": "rd", "unit": "%"}
    r = run(make_city, target("t", cover["id"], "coverage"), [obs("rd", 2025, 99.5, "%")])
    assert (r.target.goal, r.verdict.status) == (100.0, "missed")
    stated = run(make_city, target("t", "rd", "coverage", value=95, unit="%"),
                 [obs("rd", 2025, 99.5, "%")])
    assert (stated.target.goal, stated.verdict.status) == (95.0, "met")


def test_multiple_and_increase_goals(make_city):
    b = {"year": 2020, "value": 40}
    double = run(make_city, target("t", "money", "multiple_of", value=2, baseline=b),
                 [obs("money", 2025, 79, "亿元")])
    plus = run(make_city, target("t", "money", "increase_by", value=40, baseline=b),
               [obs("money", 2025, 80, "亿元")])
    assert (double.target.goal, double.verdict.status) == (80, "missed")
    assert (plus.target.goal, plus.verdict.status) == (80, "met")


def test_about_band_on_a_higher_is_better_indicator(make_city):
    """about 10 ±2 %: 9.8 is the least that meets it; 10.3 lies above the band."""
    t = target("t", "rd", "about", value=10)
    edge = run(make_city, t, [obs("rd", 2025, 9.8, "%")])
    low = run(make_city, t, [obs("rd", 2025, 9.79, "%")])
    high = run(make_city, t, [obs("rd", 2025, 10.3, "%")])
    assert (edge.verdict.status, edge.flags.above_range) == ("met", False)
    assert low.verdict.status == "missed"
    assert (high.verdict.status, high.flags.above_range) == ("met", True)
    assert (edge.target.low, edge.target.high) == (pytest.approx(9.8), pytest.approx(10.2))


def test_about_with_a_stated_tolerance(make_city):
    t = target("t", "rd", "about", value=10, tolerance=0.05)
    r = run(make_city, t, [obs("rd", 2025, 9.5, "%")])
    assert (r.verdict.status, r.target.tolerance, r.target.goal) == ("met", 0.05, pytest.approx(9.5))


# --- every year ----------------------------------------------------------------------------

def test_per_year_shortfall_is_final_at_the_first_short_year(make_city):
    t = target("t", "projects", "per_year", value=3)
    r = run(make_city, t, [obs("projects", 2021, 2, "项"), obs("projects", 2022, 1, "项"),
                           obs("projects", 2023, 5, "项")])
    assert (r.verdict.status, r.verdict.final, r.evidence.latest.period) == ("missed", True, 2021)
    assert r.evidence.years == {2021: 2, 2022: 1, 2023: 5}


def test_per_year_all_years_present_is_met(make_city):
    t = target("t", "projects", "per_year", value=3)
    r = run(make_city, t, [obs("projects", y, 3, "项") for y in range(2021, 2027)])
    assert (r.verdict.status, r.verdict.final, r.evidence.latest.period) == ("met", True, 2025)
    assert sorted(r.evidence.years) == [2021, 2022, 2023, 2024, 2025]  # 2026 is after the period


def test_per_year_without_figures_in_the_period(make_city):
    t = target("t", "projects", "per_year", value=3)
    r = run(make_city, t, [obs("projects", 2020, 9, "项")])
    assert (r.verdict.status, r.evidence.latest) == ("no_data", None)


# --- share of a reference ------------------------------------------------------------------

def test_reference_met_early_is_met_not_final(make_city):
    t = target("t", "rd", "near_reference", reference="prov-rd")
    r = run(make_city, t, [obs("rd", 2022, 1.8, "%"), obs("prov-rd", 2022, 2.0, "%")])
    assert (r.verdict.status, r.verdict.final, r.evidence.reference_value) == ("met", False, 2.0)
    assert r.evidence.years == {2022: pytest.approx(0.9)}


def test_reference_without_common_years_or_with_one(make_city):
    t = target("t", "rd", "near_reference", reference="prov-rd")
    none = run(make_city, t, [obs("rd", 2022, 1.5, "%"), obs("prov-rd", 2021, 2.0, "%")])
    assert (none.verdict.status, none.evidence.latest.period) == ("not_assessable", 2022)
    one = run(make_city, t, [obs("rd", 2022, 1.5, "%"), obs("prov-rd", 2022, 2.0, "%")])
    assert (one.verdict.status, one.pacing.pace) == ("not_assessable", None)
    assert run(make_city, t, []).verdict.status == "no_data"


def test_a_zero_reference_value_is_left_out(make_city):
    t = target("t", "rd", "near_reference", reference="prov-rd")
    r = run(make_city, t, [obs("rd", 2022, 1.5, "%"), obs("prov-rd", 2022, 0, "%"),
                           obs("rd", 2023, 1.8, "%"), obs("prov-rd", 2023, 2.0, "%")])
    assert r.evidence.years == {2023: pytest.approx(0.9)} and r.verdict.status == "met"


def test_reference_final_at_the_deadline(make_city):
    t = target("t", "rd", "near_reference", reference="prov-rd")
    r = run(make_city, t, [obs("rd", 2024, 1.0, "%"), obs("prov-rd", 2024, 2.0, "%"),
                           obs("rd", 2025, 1.79, "%"), obs("prov-rd", 2025, 2.0, "%")])
    assert (r.verdict.status, r.verdict.final, r.evidence.latest.period, r.pacing.pace) == (
            "missed", True, 2025, None)


# --- which figures are seen ----------------------------------------------------------------

def test_figures_published_after_the_as_of_date_are_invisible(make_city):
    sources = [{"id": "bulletin", "title": "公报", "issuer": "统计局", "date": "2024-03-01",
                "url": "https://example.org/1"},
               {"id": "later", "title": "公报", "issuer": "统计局", "date": "2025-03-01",
                "url": "https://example.org/2"}]
    t = target("t", "firms", "at_least", value=10)
    data = _load(make_city, [t], [obs("firms", 2023, 8, "家"),
                                  obs("firms", 2024, 12, "家", source="later")], sources)
    [before] = evaluate(data, date(2025, 2, 28)).results
    [after] = evaluate(data, date(2025, 3, 1)).results
    assert (before.evidence.latest.period, before.verdict.status) == (2023, "not_assessable")
    assert (after.evidence.latest.period, after.verdict.status) == (2024, "met")
    assert default_as_of(data) == date(2025, 3, 1)


def test_a_later_partial_period_is_the_one_shown(make_city):
    t = target("t", "firms", "at_least", value=10)
    r = run(make_city, t, [obs("firms", "2024-06", 5, "家", partial=True),
                           obs("firms", "2024-09", 7, "家", partial=True),
                           obs("firms", 2023, 4, "家")])
    assert (r.evidence.latest_partial.period, r.evidence.latest_partial.value) == ("2024-09", 7)
    assert r.evidence.latest.period == 2023


def test_default_as_of_without_figures(make_city):
    t = target("t", "firms", "at_least", value=10)
    data = _load(make_city, [t], [])
    assert default_as_of(data) == date(2022, 1, 1)  # the target document's date


# --- exact boundaries ----------------------------------------------------------------------

@pytest.mark.parametrize("value, status", [(7.6, "on_track"), (4.8, "behind"), (0.0, "off_track")])
def test_a_ratio_exactly_at_a_threshold_takes_the_better_status(make_city, value, status):
    """From 0 % (2020) to 20 % by 2025 is 4 points a year; by 2022, 7.6 is R = 0.95 exactly,
    4.8 is 0.60 and 0 is 0 (binary fractions chosen so the ratios are exact)."""
    t = target("t", "rd", "at_least", value=20, baseline={"year": 2020, "value": 0})
    r = run(make_city, t, [obs("rd", 2022, value, "%")])
    assert r.pacing.pace.ratio == {7.6: 0.95, 4.8: 0.6, 0.0: 0.0}[value]
    assert r.verdict.status == status


def test_at_most_exactly_at_the_goal_is_met(make_city):
    t = target("t", "energy", "at_most", value=8)
    assert run(make_city, t, [obs("energy", 2025, 8, "%")]).verdict.status == "met"
    assert run(make_city, t, [obs("energy", 2025, 8.01, "%")]).verdict.status == "missed"


# --- percentage points ---------------------------------------------------------------------

def test_an_increase_in_percentage_points_on_a_percent_indicator(make_city):
    """+0.5 百分点 on 2.0 % is a goal of 2.5 %: 2.5 in 2025 meets it, 2.4 does not."""
    t = target("t", "rd", "increase_by", value=0.5, unit="百分点",
               baseline={"year": 2020, "value": 2.0})
    r = run(make_city, t, [obs("rd", 2025, 2.5, "%")])
    assert (r.target.goal, r.verdict.status) == (pytest.approx(2.5), "met")
    assert run(make_city, t, [obs("rd", 2025, 2.4, "%")]).verdict.status == "missed"


def test_percentage_points_on_a_count_are_refused(make_city):
    from planck.findings import PlanckError

    doc = base_targets()
    path = make_city([target("t", "firms", "increase_by", value=5, unit="百分点",
                             baseline={"year": 2020, "value": 100})], doc=doc)
    with pytest.raises(PlanckError) as err:
        load_city(str(path), path.parent)
    assert [f.code for f in err.value.findings] == ["unit-mismatch"]


def test_default_as_of_without_any_date_is_the_first_plan_year(make_city):
    """No figures and an undated plan document: 1 January of the first plan year."""
    doc = base_targets()
    del doc["sources"][0]["date"]
    path = make_city([target("t", "firms", "at_least", value=10)], doc=doc)
    assert default_as_of(load_city(str(path), path.parent)) == date(2021, 1, 1)


@pytest.mark.parametrize("op, value", [("multiple_of", 2), ("annual_growth", 10)])
def test_a_multiple_or_growth_of_a_zero_baseline_sets_no_level(make_city, op, value):
    """翻番 of 0 is 0, which every figure would 'meet': no goal, not assessable, and why."""
    r = run(make_city, target("t", "money", op, value=value,
                              baseline={"year": 2020, "value": 0}),
            [obs("money", 2025, 5, "亿元")])
    assert (r.target.goal, r.verdict.status) == (None, "not_assessable")
    assert "baseline 0" in r.verdict.reason or "non-positive" in r.verdict.reason
