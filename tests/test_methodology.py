"""The worked examples of docs/methodology.md, one per operator, with hand-computed numbers.

Each case: a target, the observations, and the status, percent to goal and pace ratio R that
the methodology gives (computed by hand, written out as literals).
"""

import json

import pytest
from conftest import base_targets, obs, target

from planck.judge.evaluate import evaluate
from planck.read.dataset import load_city

AS_OF = "2026-11-01"
B20 = {"year": 2020}


def run(make_city, t, observations, indicators=None):
    doc = base_targets()
    if indicators:
        doc["indicators"] += indicators
    path = make_city([t], observations, doc=doc)
    from datetime import date
    data = load_city(str(path), path.parent)
    [r] = evaluate(data, date.fromisoformat(AS_OF)).results
    return r


REF = {"id": "prov-rd", "name_zh": "全省研发投入强度", "name_en": "Province R&D intensity",
       "unit": "%", "direction": "higher"}
LABS = {"id": "labs", "name_zh": "全国重点实验室", "name_en": "National key labs",
        "unit": "个", "direction": "higher"}
RANK = {"id": "rank", "name_zh": "高新区全国排名", "name_en": "Hi-tech zone rank",
        "unit": "位", "direction": "lower"}
COVER = {"id": "cover", "name_zh": "规上企业研发活动覆盖率", "name_en": "R&D coverage",
         "unit": "%", "direction": "higher"}
PATENTS = {"id": "patents", "name_zh": "发明专利授权量", "name_en": "Invention patents",
           "unit": "件", "direction": "higher"}
PROJECTS = {"id": "projects", "name_zh": "重大创新专项", "name_en": "Major projects",
            "unit": "项", "direction": "higher"}

UNEMP = {"id": "unemp", "name_zh": "城镇调查失业率", "name_en": "Urban surveyed unemployment",
         "unit": "%", "direction": "lower"}

#: a lower-is-better count for the band worked example (bands follow their indicator's direction)
WASTE = {"id": "waste", "name_zh": "超标排放企业", "name_en": "Over-limit emitters",
         "unit": "家", "direction": "lower"}
BAND_LOW = {"low": 80, "high": 120, "pace": "linear", "baseline": {"year": 2020, "value": 140},
            "quote": "由2020年的140家减少到80—120家"}

ENERGY = {"id": "energy", "name_zh": "单位GDP能源消耗", "name_en": "Energy per GDP",
          "unit": "吨标准煤/万元", "direction": "lower"}

CASES = [
    # id, target, observations, extra indicators, status, percent_to_goal, R
    ("at_least", target("t", "firms", "at_least", value=1600, baseline={"year": 2020, "value": 755}),
     [obs("firms", 2022, 1170, "家")], None, "on_track", 49.11, 1.511),
    ("more_than", target("t", "money", "more_than", value=120, baseline={"year": 2020, "value": 53.8}),
     [obs("money", 2022, 113, "亿元")], None, "on_track", 89.43, 2.582),
    ("more_than_final_equal", target("t", "money", "more_than", value=120),
     [obs("money", 2025, 120, "亿元")], None, "missed", 100.0, None),
    ("about_2023", target("t", "rd", "about", value=3.75, baseline={"year": 2020, "value": 2.82}),
     [obs("rd", 2023, 3.47, "%")], None, "on_track", 69.89, 1.267),
    ("about_2024", target("t", "rd", "about", value=3.75, baseline={"year": 2020, "value": 2.82}),
     [obs("rd", 2024, 3.03, "%")], None, "off_track", 22.58, 0.307),
    ("about_final_inside", target("t", "rd", "about", value=3.75, baseline={"year": 2020, "value": 2.82}),
     [obs("rd", 2025, 3.70, "%")], None, "met", 94.62, None),
    ("between_above", target("t", "labs", "between", low=1, high=2),
     [obs("labs", 2025, 3, "个")], [LABS], "met", 300.0, None),
    ("between_short", target("t", "labs", "between", low=1, high=2),
     [obs("labs", 2025, 0, "个")], [LABS], "missed", 0.0, None),
    ("between_lower_2023", target("t", "waste", "between", **BAND_LOW),
     [obs("waste", 2023, 128, "家")], [WASTE], "on_track", 60.0, 1.0),
    ("between_lower_at_high", target("t", "waste", "between", **BAND_LOW),
     [obs("waste", 2025, 120, "家")], [WASTE], "met", 100.0, None),
    ("between_lower_above", target("t", "waste", "between", **BAND_LOW),
     [obs("waste", 2025, 120.1, "家")], [WASTE], "missed", 99.5, None),
    ("between_lower_below", target("t", "waste", "between", **BAND_LOW),
     [obs("waste", 2025, 70, "家")], [WASTE], "met", 350.0, None),
    ("about_lower_below", target("t", "unemp", "about", value=5.5),
     [obs("unemp", 2025, 5.2, "%")], [UNEMP], "met", 105.77, None),
    ("about_lower_above", target("t", "unemp", "about", value=5.5),
     [obs("unemp", 2025, 5.7, "%")], [UNEMP], "missed", 96.49, None),
    ("increase_by", target("t", "firms", "increase_by", value=40, baseline=B20),
     [obs("firms", 2020, 100, "家"), obs("firms", 2023, 118, "家")], None, "behind", 45.0, 0.815),
    ("decrease_by", target("t", "energy", "decrease_by", value=13.5, unit="%",
                           baseline={"year": 2020, "value": 0.50}),
     [obs("energy", 2023, 0.46, "吨标准煤/万元")], [ENERGY], "on_track", 59.26, 0.959),
    ("multiple_of", target("t", "money", "multiple_of", value=2, baseline={"year": 2020, "value": 25.98}),
     [obs("money", 2024, 40, "亿元")], None, "behind", 53.96, 0.766),
    ("annual_growth", target("t", "patents", "annual_growth", value=30, unit="%", baseline=B20),
     [obs("patents", 2020, 100, "件"), obs("patents", 2023, 200, "件")], [PATENTS], "behind", 36.86, 0.866),
    ("annual_growth_final_short", target("t", "patents", "annual_growth", value=30, unit="%", baseline=B20),
     [obs("patents", 2020, 100, "件"), obs("patents", 2025, 350, "件")], [PATENTS], "missed", 92.15, 0.949),
    ("coverage", target("t", "cover", "coverage", baseline={"year": 2020, "value": 60}),
     [obs("cover", 2023, 85, "%")], [COVER], "on_track", 62.5, 1.042),
    ("rank_at_most", target("t", "rank", "rank_at_most", value=30, baseline={"year": 2020, "value": 37}),
     [obs("rank", 2023, 35, "位")], [RANK], "off_track", 28.57, 0.476),
    ("per_year_ok", target("t", "projects", "per_year", value=5),
     [obs("projects", 2021, 6, "项"), obs("projects", 2022, 5, "项"), obs("projects", 2023, 7, "项")],
     [PROJECTS], "on_track", 140.0, None),
    ("per_year_broken", target("t", "projects", "per_year", value=5),
     [obs("projects", 2021, 6, "项"), obs("projects", 2022, 4, "项"), obs("projects", 2023, 7, "项")],
     [PROJECTS], "missed", 80.0, None),
    ("at_most", target("t", "unemp", "at_most", value=5.5, baseline={"year": 2020, "value": 6.0}),
     [obs("unemp", 2023, 5.8, "%")], [UNEMP], "behind", 40.0, 0.667),
    ("near_reference", target("t", "rd", "near_reference", reference="prov-rd"),
     [obs("rd", 2022, 1.5, "%"), obs("rd", 2023, 1.7, "%"),
      obs("prov-rd", 2022, 1.86, "%"), obs("prov-rd", 2023, 2.05, "%")], [REF], "behind", 92.14, 0.732),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_worked_example(make_city, case):
    name, t, observations, extra, status, pct, ratio = case
    r = run(make_city, t, observations, extra)
    assert r.verdict.status == status, r.verdict.reason
    if name in ("between_lower_below", "about_lower_below"):
        assert r.flags.above_range  # beyond the band on the good side: flagged
    if name == "between_lower_above":
        assert (r.verdict.category, r.progress.attainment) == ("basically_achieved", 99.92)
    assert r.progress.percent_to_goal == pytest.approx(pct, abs=0.01)
    if ratio is None:
        assert r.pacing.pace is None  # final and per-year verdicts make no projection
    else:
        assert r.pacing.pace.ratio == pytest.approx(ratio, abs=0.001)


def test_luoyang_rd_intensity_example_explained(make_city, invoke):
    """Issue example: 2.82 % in 2020, about 3.75 % in 2025; 3.47 % (2023) and 3.03 % (2024)."""
    t = target("ly-rd", "rd", "about", value=3.75, wording="左右",
               baseline={"year": 2020, "value": 2.82})
    path = make_city([t], [obs("rd", 2023, 3.47, "%")])
    res = invoke("explain", str(path), "ly-rd", "--as-of", AS_OF)
    assert res.exit_code == 0, res.stderr
    for text in ("on_track", "3.675", "pace ratio R     1.267", "2.82 (2020)", "2% (default)",
                 "R ≥ 0.95 on_track"):
        assert text in res.stdout
    path = make_city([t], [obs("rd", 2024, 3.03, "%")])
    res = invoke("explain", str(path), "ly-rd", "--as-of", AS_OF, "--json")
    doc = json.loads(res.stdout)
    assert doc["status"] == "off_track" and round(doc["pace"]["ratio"], 3) == 0.307


def test_after_the_deadline_a_late_figure_does_not_rescue(make_city):
    t = target("t", "firms", "at_least", value=10)
    r = run(make_city, t, [obs("firms", 2025, 8, "家"), obs("firms", 2026, 12, "家")])
    assert (r.verdict.status, r.verdict.final) == ("missed", True)
    late = dict(t, late_ok=True)
    late_figures = [obs("firms", 2025, 8, "家"), obs("firms", 2026, 12, "家")]
    assert run(make_city, late, late_figures).verdict.status == "met"


def test_partial_year_never_judged(make_city):
    t = target("t", "firms", "at_least", value=10)
    r = run(make_city, t, [obs("firms", "2025-06", 12, "家", partial=True)])
    assert r.verdict.status == "no_data" and r.evidence.latest_partial.value == 12


def test_single_observation_level_test_still_runs(make_city):
    t = target("t", "firms", "at_least", value=10)
    assert run(make_city, t, [obs("firms", 2023, 12, "家")]).verdict.status == "met"
    assert run(make_city, t, [obs("firms", 2023, 8, "家")]).verdict.status == "not_assessable"


def test_zero_baseline_uses_linear_pace_without_dividing_by_zero(make_city):
    t = target("t", "firms", "increase_by", value=20, baseline={"year": 2020, "value": 0})
    r = run(make_city, t, [obs("firms", 2023, 12, "家")])
    assert r.pacing.pace.method == "linear" and r.pacing.pace.ratio == pytest.approx((12 / 3) / (20 / 5))


def test_missing_baseline_value_is_not_assessable(make_city):
    t = target("t", "firms", "increase_by", value=20, baseline=B20)
    r = run(make_city, t, [obs("firms", 2023, 12, "家")])
    assert r.verdict.status == "not_assessable" and "baseline" in r.verdict.reason


def test_revised_vintage_latest_publication_wins_unless_pinned(make_city):
    t = target("t", "rd", "at_least", value=3.0)
    sources = [{"id": "bulletin", "title": "公报", "issuer": "统计局", "date": "2026-01-15",
                "url": "https://example.org/1"},
               {"id": "rev", "title": "修订", "issuer": "统计局", "date": "2026-02-01",
                "url": "https://example.org/2"}]
    from conftest import measured
    m = measured([obs("rd", 2025, 3.47, "%"), obs("rd", 2025, 2.9, "%", source="rev")],
                 sources=sources)
    doc = base_targets()
    path = make_city([t], None, doc=doc, measured_doc=m)
    from datetime import date
    [r] = evaluate(load_city(str(path), path.parent), date(2026, 11, 1)).results
    assert (r.evidence.latest.value, r.verdict.status) == (2.9, "missed")
    m["observations"][0]["pin"] = True
    path = make_city([t], None, doc=base_targets(), measured_doc=m)
    [r] = evaluate(load_city(str(path), path.parent), date(2026, 11, 1)).results
    assert (r.evidence.latest.value, r.verdict.status) == (3.47, "met")
    # as of before the revision was published, the first vintage is all there is
    m["observations"][0]["pin"] = False
    path = make_city([t], None, doc=base_targets(), measured_doc=m)
    [r] = evaluate(load_city(str(path), path.parent), date(2026, 1, 20)).results
    assert (r.evidence.latest.value, r.verdict.status) == (3.47, "met")


RULES = [
    # id, target, observations, extra indicators, kinds, status, final, base point, R, percent,
    # expected progress, attainment — the "Worked examples of the rules" of the methodology
    ("base_point", target("t", "firms", "at_least", value=1600, baseline=B20),
     [obs("firms", 2015, 300, "家"), obs("firms", 2019, 700, "家"), obs("firms", 2023, 1100, "家")],
     None, None, "behind", False, (2019, 700), 0.810, 44.44, 66.67, 68.75),
    ("ratio_on_threshold", target("t", "cover", "coverage", baseline={"year": 2020, "value": 60}),
     [obs("cover", 2023, 82.8, "%")], [COVER], None, "on_track", False, (2020, 60), 0.95, 57.0,
     60.0, 82.8),
    ("base_already_at_goal", target("t", "unemp", "at_most", value=5.5,
                                    baseline={"year": 2020, "value": 5.2}),
     [obs("unemp", 2023, 5.8, "%")], [UNEMP], None, "regressing", False, (2020, 5.2), None, None,
     60.0, 94.83),
    ("after_deadline", target("t", "firms", "at_least", value=1600,
                              baseline={"year": 2020, "value": 755}),
     [obs("firms", 2024, 1400, "家"), obs("firms", 2026, 1700, "家")], None, None, "on_track",
     False, (2020, 755), 1.030, 76.33, 80.0, 87.5),
    ("stock_in_year", target("t", "firms", "at_least", value=1600,
                             baseline={"year": 2020, "value": 755}),
     [obs("firms", 2022, 1170, "家"), obs("firms", "2025-10", 1610, "家", partial=True)], None,
     {"firms": "stock"}, "met", False, (2020, 755), 1.511, 101.18, 100.0, 100.63),
    ("flow_in_year", target("t", "firms", "at_least", value=1600,
                            baseline={"year": 2020, "value": 755}),
     [obs("firms", 2022, 1170, "家"), obs("firms", "2025-10", 1610, "家", partial=True)], None,
     {"firms": "flow"}, "on_track", False, (2020, 755), 1.511, 49.11, 40.0, 73.12),
    ("attainment", target("t", "rd", "about", value=3.75, baseline={"year": 2020, "value": 2.82}),
     [obs("rd", 2024, 3.03, "%")], None, None, "off_track", False, (2020, 2.82), 0.307, 22.58,
     80.0, 80.8),
]


@pytest.mark.parametrize("case", RULES, ids=[c[0] for c in RULES])
def test_worked_example_of_a_rule(make_city, case):
    _, t, observations, extra, kinds, status, final, base, ratio, pct, expected, attain = case
    doc = base_targets()
    doc["indicators"] += extra or []
    for ind in doc["indicators"]:
        if kinds and ind["id"] in kinds:
            ind["kind"] = kinds[ind["id"]]
    path = make_city([t], observations, doc=doc)
    from datetime import date
    [r] = evaluate(load_city(str(path), path.parent), date.fromisoformat(AS_OF)).results
    assert (r.verdict.status, r.verdict.final) == (status, final), r.verdict.reason
    assert (r.progress.base_point.year, r.progress.base_point.value) == base
    if ratio is None:
        assert r.pacing.pace.ratio is None and r.pacing.ratio_reason
    else:
        assert r.pacing.pace.ratio == pytest.approx(ratio, abs=0.001)
    if pct is None:
        assert r.progress.percent_to_goal is None and r.progress.percent_reason
    else:
        assert r.progress.percent_to_goal == pytest.approx(pct, abs=0.01)
    assert r.progress.expected_progress == pytest.approx(expected, abs=0.01)
    assert r.progress.attainment == pytest.approx(attain, abs=0.01)


NATIONAL = {"id": "nat-rd", "name_zh": "全国研发投入强度", "name_en": "National R&D intensity",
            "unit": "%", "direction": "higher"}
PRODUCTIVITY = {"id": "prod", "name_zh": "全员劳动生产率", "name_en": "Labour productivity",
                "unit": "元/人", "direction": "higher"}
INCOME = {"id": "income", "name_zh": "居民人均可支配收入", "name_en": "Disposable income",
          "unit": "元", "direction": "higher"}
GDP = {"id": "gdp", "name_zh": "地区生产总值", "name_en": "GDP", "unit": "亿元",
       "direction": "higher"}
MARKET = {"id": "market", "name_zh": "技术市场交易额", "name_en": "Technology market turnover",
          "unit": "亿元", "direction": "higher", "kind": "flow"}
B20_ONLY = {"year": 2020}

WORDINGS = [
    # id, target, observations, extra indicators, status, final, percent, R
    ("at_least_reference", target("t", "rd", "at_least_reference", reference="nat-rd"),
     [obs("rd", 2022, 2.0, "%"), obs("rd", 2023, 2.3, "%"),
      obs("nat-rd", 2022, 2.5, "%"), obs("nat-rd", 2023, 2.6, "%")], [NATIONAL],
     "on_track", False, 88.46, 1.269),
    ("above_reference_equal", target("t", "rd", "above_reference", reference="nat-rd"),
     [obs("rd", 2025, 2.6, "%"), obs("nat-rd", 2025, 2.6, "%")], [NATIONAL],
     "missed", True, 100.0, None),
    ("above_reference_above", target("t", "rd", "above_reference", reference="nat-rd"),
     [obs("rd", 2025, 2.7, "%"), obs("nat-rd", 2025, 2.6, "%")], [NATIONAL],
     "met", True, 103.85, None),
    ("growth_above", target("t", "prod", "growth_above", reference="gdp", baseline=B20_ONLY),
     [obs("prod", 2020, 100000, "元/人"), obs("prod", 2023, 120000, "元/人"),
      obs("gdp", 2020, 5000, "亿元"), obs("gdp", 2023, 5800, "亿元")], [PRODUCTIVITY, GDP],
     "on_track", False, None, None),
    ("growth_above_final_equal", target("t", "prod", "growth_above", reference="gdp",
                                        baseline=B20_ONLY),
     [obs("prod", 2020, 100000, "元/人"), obs("prod", 2025, 130000, "元/人"),
      obs("gdp", 2020, 5000, "亿元"), obs("gdp", 2025, 6500, "亿元")], [PRODUCTIVITY, GDP],
     "missed", True, None, None),
    ("growth_in_step_short", target("t", "income", "growth_in_step", reference="gdp",
                                    baseline=B20_ONLY),
     [obs("income", 2020, 30000, "元"), obs("income", 2025, 38000, "元"),
      obs("gdp", 2020, 5000, "亿元"), obs("gdp", 2025, 6500, "亿元")], [INCOME, GDP],
     "missed", True, None, None),
    ("growth_in_step_within", target("t", "income", "growth_in_step", reference="gdp",
                                     baseline=B20_ONLY),
     [obs("income", 2020, 30000, "元"), obs("income", 2025, 38100, "元"),
      obs("gdp", 2020, 5000, "亿元"), obs("gdp", 2025, 6500, "亿元")], [INCOME, GDP],
     "met", True, None, None),
    ("cumulative_so_far", target("t", "market", "cumulative", value=300),
     [obs("market", 2021, 50, "亿元"), obs("market", 2022, 60, "亿元"),
      obs("market", 2023, 70, "亿元")], [MARKET], "on_track", False, 60.0, 1.0),
    ("cumulative_final_short", target("t", "market", "cumulative", value=300),
     [obs("market", y, v, "亿元") for y, v in ((2021, 50), (2022, 60), (2023, 70), (2024, 55),
                                               (2025, 60))], [MARKET], "missed", True, 98.33,
     None),
    ("cumulative_gap", target("t", "market", "cumulative", value=300),
     [obs("market", 2021, 50, "亿元"), obs("market", 2023, 70, "亿元")], [MARKET],
     "not_assessable", False, 40.0, None),
    ("zero_breakthrough", target("t", "labs", "at_least", value=1, wording="零突破"),
     [obs("labs", 2024, 1, "个")], [LABS], "met", False, 100.0, None),
]


@pytest.mark.parametrize("case", WORDINGS, ids=[c[0] for c in WORDINGS])
def test_worked_example_of_a_wording(make_city, case):
    _, t, observations, extra, status, final, pct, ratio = case
    r = run(make_city, t, observations, extra)
    assert (r.verdict.status, r.verdict.final) == (status, final), r.verdict.reason
    if pct is None:
        assert r.progress.percent_to_goal is None and r.progress.percent_reason
    else:
        assert r.progress.percent_to_goal == pytest.approx(pct, abs=0.01)
    if ratio is None:
        assert r.pacing.pace is None or r.pacing.pace.ratio is None
    else:
        assert r.pacing.pace.ratio == pytest.approx(ratio, abs=0.001)


def test_growth_comparison_numbers(make_city):
    """增长高于: 6.27 % a year against 5.07 %, +1.19 points; 基本同步: −0.55 points is outside
    the default 0.5-point tolerance, −0.49 inside."""
    t = target("t", "prod", "growth_above", reference="gdp", baseline=B20_ONLY)
    r = run(make_city, t, WORDINGS[3][2], [PRODUCTIVITY, GDP])
    assert r.pacing.pace.observed == pytest.approx(1.2 ** (1 / 3) - 1)
    assert r.pacing.pace.required == pytest.approx(1.16 ** (1 / 3) - 1)
    assert r.evidence.years[2023] * 100 == pytest.approx(1.194, abs=0.001)
    t = target("t", "income", "growth_in_step", reference="gdp", baseline=B20_ONLY)
    short = run(make_city, t, WORDINGS[5][2], [INCOME, GDP])
    within = run(make_city, t, WORDINGS[6][2], [INCOME, GDP])
    assert short.evidence.years[2025] * 100 == pytest.approx(-0.546, abs=0.001)
    assert within.evidence.years[2025] * 100 == pytest.approx(-0.491, abs=0.001)
    wide = run(make_city, dict(t, tolerance=0.006), WORDINGS[5][2], [INCOME, GDP])
    assert wide.verdict.status == "met"
