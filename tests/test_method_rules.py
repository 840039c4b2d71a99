"""Issue 15's defects, each as a user would meet it (every test here failed before the fix)."""

from datetime import date

import pytest
from conftest import base_targets, obs, target

from planck.judge.evaluate import evaluate
from planck.read.dataset import load_city
from planck.read.model import TargetFile

UNEMP = {"id": "unemp", "name_zh": "城镇调查失业率", "name_en": "Unemployment", "unit": "%",
         "direction": "lower"}
COVER = {"id": "cover", "name_zh": "覆盖率", "name_en": "Coverage", "unit": "%",
         "direction": "higher"}
RANK_MING = {"id": "rank", "name_zh": "综合排名", "name_en": "Rank", "unit": "名",
             "direction": "lower"}


def run(make_city, t, observations, indicators=(), as_of="2026-11-01", kinds=None):
    doc = base_targets()
    doc["indicators"] += list(indicators)
    for ind in doc["indicators"]:
        if kinds and ind["id"] in kinds:
            ind["kind"] = kinds[ind["id"]]
    path = make_city([t], observations, doc=doc)
    [r] = evaluate(load_city(str(path), path.parent), date.fromisoformat(as_of)).results
    return r


# 1 and 4: the base point already satisfies the target
def test_at_most_regressing_from_a_base_that_met_the_goal(make_city):
    t = target("t", "unemp", "at_most", value=5.5, baseline={"year": 2020, "value": 5.2})
    r = run(make_city, t, [obs("unemp", 2023, 5.8, "%")], [UNEMP])
    assert r.verdict.status == "regressing"
    assert r.progress.percent_to_goal is None and "already satisfies" in r.progress.percent_reason
    assert r.pacing.pace.ratio is None and "already met the goal" in r.pacing.ratio_reason
    assert r.progress.attainment == pytest.approx(5.5 / 5.8 * 100, abs=0.01)


def test_about_lower_is_better_from_a_base_inside_the_band(make_city):
    t = target("t", "unemp", "about", value=5.5, baseline={"year": 2020, "value": 5.2})
    r = run(make_city, t, [obs("unemp", 2023, 4.0, "%")], [UNEMP])
    assert r.verdict.status == "met" and r.progress.percent_to_goal is None and r.progress.percent_reason


def test_at_least_from_a_base_already_above(make_city):
    t = target("t", "firms", "at_least", value=1600, baseline={"year": 2020, "value": 1700})
    r = run(make_city, t, [obs("firms", 2023, 1500, "家")])
    assert r.verdict.status == "regressing" and r.progress.percent_to_goal is None
    assert r.pacing.pace.ratio is None


# 2: R exactly on a threshold
def test_ratio_on_the_threshold_counts_as_reached(make_city):
    t = target("t", "cover", "coverage", baseline={"year": 2020, "value": 60})
    r = run(make_city, t, [obs("cover", 2023, 82.8, "%")], [COVER])
    assert r.pacing.pace.ratio == pytest.approx(0.95)
    assert r.verdict.status == "on_track", r.verdict.reason


# 3: the documented base-point rule
def test_base_point_is_the_latest_figure_before_the_plan(make_city):
    t = target("t", "firms", "at_least", value=1600, baseline={"year": 2020})
    r = run(make_city, t, [obs("firms", 2015, 300, "家"), obs("firms", 2019, 700, "家"),
                           obs("firms", 2023, 1100, "家")])
    assert (r.progress.base_point.year, r.progress.base_point.value) == (2019, 700)
    assert "before the plan began" in r.progress.base_point.why
    assert r.pacing.pace.ratio == pytest.approx(((1100 / 700) ** (1 / 4) - 1)
                                         / ((1600 / 700) ** (1 / 6) - 1))
    assert r.verdict.status == "behind"
    assert r.progress.expected_progress == pytest.approx(4 / 6 * 100, abs=0.01)
    assert r.progress.percent_to_goal == pytest.approx(400 / 900 * 100, abs=0.01)


# 5: 名 is a rank position for rank_at_most
def test_rank_in_ming_is_paced_linearly(make_city):
    t = target("t", "rank", "rank_at_most", value=30, baseline={"year": 2020, "value": 37})
    r = run(make_city, t, [obs("rank", 2023, 35, "名")], [RANK_MING])
    assert r.pacing.pace.method == "linear"
    assert r.pacing.pace.ratio == pytest.approx((-2 / 3) / (-7 / 5))


# 6: a figure after the deadline never decides it
def test_a_later_figure_does_not_decide_the_deadline(make_city):
    t = target("t", "firms", "at_least", value=1600, baseline={"year": 2020, "value": 755})
    r = run(make_city, t, [obs("firms", 2024, 1400, "家"), obs("firms", 2026, 1700, "家")])
    assert not r.verdict.final and r.verdict.status != "met"
    assert r.evidence.latest.period == 2024
    assert "2025 figure is not yet published" in r.verdict.reason and "2026: 1700" in r.verdict.reason


def test_a_later_figure_does_not_confirm_a_miss_either(make_city):
    t = target("t", "firms", "at_least", value=1600, baseline={"year": 2020, "value": 755})
    r = run(make_city, t, [obs("firms", 2024, 1400, "家"), obs("firms", 2026, 1500, "家")])
    assert not r.verdict.final and r.verdict.status != "missed"


# 7: stale and overdue
def test_old_data_is_stale_and_a_passed_deadline_overdue(make_city):
    t = target("t", "firms", "at_least", value=1600, baseline={"year": 2020, "value": 755})
    r = run(make_city, t, [obs("firms", 2022, 1170, "家")], as_of="2030-01-01")
    assert r.verdict.status == "on_track" and r.flags.stale and r.flags.overdue
    fresh = run(make_city, t, [obs("firms", 2024, 1400, "家")], as_of="2026-01-01")
    assert not fresh.flags.stale and not fresh.flags.overdue


def test_max_age_option(make_city, invoke):
    import json

    t = target("t", "firms", "at_least", value=1600, baseline={"year": 2020, "value": 755})
    path = make_city([t], [obs("firms", 2022, 1170, "家")])
    res = invoke("explain", str(path), "t", "--as-of", "2030-01-01", "--json")
    assert json.loads(res.stdout)["stale"] is True
    res = invoke("explain", str(path), "t", "--as-of", "2030-01-01", "--json", "--max-age", "8")
    assert json.loads(res.stdout)["stale"] is False
    res = invoke("check", str(path), "--as-of", "2030-01-01", "-f", "json", "--max-age", "8")
    doc = json.loads(res.stdout)
    assert doc["method"]["max_age"] == 8 and doc["results"][0]["stale"] is False
    res = invoke("explain", str(path), "t", "--as-of", "2030-01-01")
    assert "stale" in res.stdout and "overdue" in res.stdout


# 8: the chart draws the verdict's method, at the unit's precision
def test_trajectory_follows_the_verdict_method_and_unit_precision(make_city):
    from planck.judge.trajectory import trajectory
    from planck.render.context import Context
    from planck.render.report import render_report

    t = target("t", "firms", "at_least", value=1600, baseline={"year": 2020, "value": 755})
    path = make_city([t], [obs("firms", 2022, 1170, "家")])
    report = evaluate(load_city(str(path), path.parent), date(2026, 11, 1))
    [r] = report.results
    line = trajectory(r)
    assert line.method == r.pacing.pace.method == r.pacing.method == "geometric"
    # compound growth: the 2022 point of the line is the level the required rate gives
    assert line.at(2022) == pytest.approx(755 * (1 + r.pacing.pace.required) ** 2)
    assert r.evidence.latest.value >= line.at(2022) and r.verdict.status == "on_track"
    row = next(x for x in render_report(report, Context()).splitlines()
               if x.startswith("| ") and x.rstrip(" |").endswith("1,600") and "`t`" in x)
    assert "." not in row  # no fractional firms


def test_trajectory_without_a_pace_starts_at_the_base_point(make_city):
    from planck.judge.trajectory import trajectory

    t = target("t", "firms", "at_least", value=1600, baseline={"year": 2020})
    r = run(make_city, t, [obs("firms", 2019, 700, "家"), obs("firms", 2023, 1700, "家")])
    assert r.verdict.status == "met" and r.pacing.pace is None
    line = trajectory(r)
    assert (line.base_year, line.base, line.method) == (2019, 700, "geometric")


# 9: silent wrong meanings
def test_negative_increase_is_refused_with_a_hint():
    doc = base_targets(targets=[target("t", "firms", "increase_by", value=-13.5,
                                       baseline={"year": 2020})])
    with pytest.raises(ValueError, match="decrease_by"):
        TargetFile.model_validate(doc)


def test_deadline_outside_the_plan_is_reported(make_city, invoke):
    t = target("t", "firms", "at_least", value=1600, deadline=2035)
    path = make_city([t], [])
    res = invoke("validate", str(path))
    assert res.exit_code == 2 and "deadline-outside-plan" in res.stderr
    assert "2021–2025" in res.stderr


# 10: stocks and flows
def test_stock_in_year_count_gives_a_provisional_met(make_city):
    t = target("t", "firms", "at_least", value=1600, baseline={"year": 2020, "value": 755})
    points = [obs("firms", 2022, 1170, "家"), obs("firms", "2025-10", 1610, "家", partial=True)]
    r = run(make_city, t, points, kinds={"firms": "stock"})
    assert (r.verdict.status, r.verdict.final, r.verdict.provisional) == ("met", False, True)
    flow = run(make_city, t, points, kinds={"firms": "flow"})
    assert flow.verdict.status == "on_track" and not flow.verdict.provisional
    undeclared = run(make_city, t, points)
    assert undeclared.verdict.status == "on_track" and not undeclared.verdict.provisional
    year_end = run(make_city, t, points + [obs("firms", 2025, 1590, "家")],
                   kinds={"firms": "stock"})
    assert (year_end.verdict.status, year_end.verdict.final, year_end.verdict.provisional) == (
            "missed", True, False)


def test_stock_count_that_falls_short_decides_nothing(make_city):
    t = target("t", "firms", "at_least", value=1600, baseline={"year": 2020, "value": 755})
    points = [obs("firms", 2022, 1170, "家"), obs("firms", "2025-10", 1500, "家", partial=True)]
    r = run(make_city, t, points, kinds={"firms": "stock"})
    assert r.verdict.status == "on_track" and not r.verdict.provisional


# 11: attainment (完成率) beside the gap share (进度)
def test_attainment_and_gap_share_are_both_given(make_city):
    t = target("t", "rd", "about", value=3.75, baseline={"year": 2020, "value": 2.82})
    r = run(make_city, t, [obs("rd", 2024, 3.03, "%")])
    assert r.progress.attainment == pytest.approx(80.8, abs=0.01)
    assert r.progress.percent_to_goal == pytest.approx(22.58, abs=0.01)


def test_attainment_of_a_lower_is_better_target_is_target_over_value(make_city):
    t = target("t", "unemp", "at_most", value=5.5, baseline={"year": 2020, "value": 6.0})
    r = run(make_city, t, [obs("unemp", 2023, 5.8, "%")], [UNEMP])
    assert r.progress.attainment == pytest.approx(5.5 / 5.8 * 100, abs=0.01)


def test_chinese_labels_tell_the_two_measures_apart():
    from planck.render.context import LABELS

    assert LABELS["zh"]["progress"] == "进度" and LABELS["zh"]["attainment"] == "完成率"
    assert "完成度" not in str(LABELS["zh"])


# the gate by attribute
def test_gate_on_binding_targets_only(make_city, invoke):
    import json

    binding = target("b", "firms", "at_least", value=1600, attribute="binding")
    expected = target("e", "money", "at_least", value=120, attribute="expected")
    path = make_city([binding, expected], [obs("firms", 2025, 1700, "家"),
                                           obs("money", 2025, 100, "亿元")])
    assert invoke("check", str(path), "--as-of", "2026-11-01").exit_code == 1
    res = invoke("check", str(path), "--as-of", "2026-11-01", "--fail-on-attribute", "binding",
                 "-f", "json")
    assert res.exit_code == 0
    assert {r["id"] for r in json.loads(res.stdout)["results"]} == {"b", "e"}  # all shown
    missed_binding = dict(binding, value=1800, quote="企业不少于1800家")
    path = make_city([missed_binding, expected], [obs("firms", 2025, 1700, "家"),
                                                  obs("money", 2025, 100, "亿元")])
    res = invoke("check", str(path), "--as-of", "2026-11-01", "--fail-on-attribute", "binding")
    assert res.exit_code == 1 and "among binding targets" in res.stderr
    bad = invoke("check", str(path), "--fail-on-attribute", "mandatory")
    assert bad.exit_code == 2 and "binding, expected, unstated" in bad.stderr
    assert "judged nothing" not in res.stderr


def test_a_gate_on_an_attribute_no_target_has_says_it_judged_nothing(make_city, invoke):
    missed = target("e", "money", "at_least", value=120, attribute="expected")
    path = make_city([missed], [obs("money", 2025, 100, "亿元")])
    res = invoke("check", str(path), "--as-of", "2026-11-01", "--fail-on-attribute", "binding")
    assert res.exit_code == 0
    assert "--fail-on-attribute binding: no target has that attribute, so the gate judged " \
        "nothing" in res.stderr
    for args in (("-f", "json"), ("--lang", "zh")):
        res = invoke("check", str(path), "--as-of", "2026-11-01", "--fail-on-attribute", "binding",
                     *args)
        assert res.exit_code == 0 and ("judged nothing" in res.stderr or "未判定" in res.stderr)
    res = invoke("check", str(path), "--as-of", "2026-11-01", "--fail-on-attribute", "expected")
    assert res.exit_code == 1 and "judged nothing" not in res.stderr


def test_attribute_and_stretch_in_every_format(make_city, invoke):
    t = target("t", "firms", "at_least", value=3000, stretch=3500, attribute="binding",
               baseline={"year": 2020, "value": 2000})
    path = make_city([t], [obs("firms", 2023, 2600, "家")])
    for fmt in ("markdown", "github", "junit"):
        # --annotate all: github otherwise annotates only errors and warnings
        more = ["--annotate", "all"] if fmt == "github" else []
        out = invoke("check", str(path), "--as-of", "2026-11-01", "-f", fmt, *more).stdout
        assert "binding" in out and "3,500" in out, fmt
    wide = invoke("check", str(path), "--as-of", "2026-11-01", "--wide").stdout
    assert "binding" in wide
    doc = __import__("json").loads(
        invoke("check", str(path), "--as-of", "2026-11-01", "-f", "json").stdout)
    assert (doc["results"][0]["attribute"], doc["results"][0]["stretch"]) == ("binding", 3500)
    zh = invoke("check", str(path), "--as-of", "2026-11-01", "-f", "markdown", "--lang", "zh")
    assert "约束性" in zh.stdout and "力争 3,500" in zh.stdout
    text = invoke("explain", str(path), "t", "--as-of", "2026-11-01").stdout
    assert "binding (约束性)" in text and "stretch (力争)   3,500" in text


def test_stretch_below_the_commitment_is_refused(make_city, invoke):
    t = target("t", "firms", "at_least", value=3000, stretch=2500)
    path = make_city([t], [])
    res = invoke("validate", str(path))
    assert res.exit_code == 2 and "stretch-short" in res.stderr



def test_explain_a_growth_comparison(make_city, invoke):
    doc_extra = [{"id": "gdp", "name_zh": "地区生产总值", "name_en": "GDP", "unit": "亿元",
                  "direction": "higher"},
                 {"id": "income", "name_zh": "居民人均可支配收入", "name_en": "Income",
                  "unit": "元", "direction": "higher"}]
    doc = base_targets()
    doc["indicators"] += doc_extra
    t = target("t", "income", "growth_in_step", reference="gdp", baseline={"year": 2020})
    path = make_city([t], [obs("income", 2020, 30000, "元"), obs("income", 2023, 35000, "元"),
                           obs("gdp", 2020, 5000, "亿元"), obs("gdp", 2023, 5800, "亿元")],
                     doc=doc)
    res = invoke("explain", str(path), "t", "--as-of", "2026-11-01")
    assert res.exit_code == 0, res.stderr
    for text in ("tolerance        0.5% (default)", "reference rate   5.07% a year (gdp",
                 "observed rate    5.27% a year", "on_track"):
        assert text in res.stdout, text


def test_reference_targets_read_with_the_reference_figure(make_city, invoke):
    doc = base_targets()
    doc["indicators"].append({"id": "nat", "name_zh": "全国研发投入强度", "name_en": "National",
                              "unit": "%", "direction": "higher"})
    t = target("t", "rd", "above_reference", reference="nat")
    path = make_city([t], [obs("rd", 2024, 2.7, "%"), obs("nat", 2024, 2.6, "%")], doc=doc)
    out = invoke("check", str(path), "--as-of", "2026-11-01", "--wide").stdout
    assert "> 2.6%" in out and "✓ met" in out


def test_explain_states_a_reference_goal_as_a_share_of_the_reference(make_city, invoke):
    """接近全省平均水平: the goal is 90 % of the reference's figure, not a level of 0.9 %."""
    doc = base_targets()
    doc["indicators"].append({"id": "prov", "name_zh": "全省研发投入强度", "name_en": "Province",
                              "unit": "%", "direction": "higher"})
    t = target("t", "rd", "near_reference", reference="prov")
    path = make_city([t], [obs("rd", 2024, 1.7, "%"), obs("prov", 2024, 2.0, "%")], doc=doc)
    out = invoke("explain", str(path), "t", "--as-of", "2026-11-01").stdout
    goal = next(line for line in out.splitlines() if "goal level" in line)
    assert "90% of prov" in goal and "= 1.8%" in goal and "0.9" not in goal
