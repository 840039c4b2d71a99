"""Issue 22's rules in the judge: category, light, catch-up, bounds, estimates, revised
targets (each test here fails without its rule)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import base_targets, measured, obs, target

from planck.judge.evaluate import evaluate
from planck.read.dataset import load_city

FIRMS_2020 = {"year": 2020, "value": 755}


def run(make_city, targets, observations, as_of="2026-11-01", doc=None, sources=None):
    figures = measured(observations)
    figures["sources"] += sources or []
    path = make_city(targets, doc=doc or base_targets(), measured_doc=figures)
    return evaluate(load_city(str(path), path.parent), date.fromisoformat(as_of)).results


def one(make_city, t, observations, **kw):
    return run(make_city, [t], observations, **kw)[0]


# 1 + 2: categories and lights
@pytest.mark.parametrize("figures, status, category, light", [
    ({2023: 1700, 2025: 1650}, "met", "achieved_early", "green"),    # 2023 already satisfied
    ({2023: 1400, 2025: 1650}, "met", "achieved", "green"),          # only the deadline year
    ({2023: 1400, 2025: 1450}, "missed", "basically_achieved", "yellow"),  # 90.6 %
    ({2023: 1400, 2025: 1300}, "missed", "not_achieved", "red"),     # 81.25 %
    ({2023: 1700}, "met", "achieved_early", "green"),                # met before the deadline
    ({2023: 1390}, "on_track", "ahead", "green"),                    # R = 1.39
    ({2023: 1150}, "behind", "lagging", "yellow"),
    ({2023: 900}, "off_track", "lagging", "red"),
    ({2023: 700}, "regressing", "lagging", "red"),
    ({}, "no_data", None, None),
])
def test_category_and_light(make_city, figures, status, category, light):
    t = target("t", "firms", "at_least", value=1600, baseline=FIRMS_2020)
    r = one(make_city, t, [obs("firms", y, v, "家") for y, v in figures.items()])
    assert (r.verdict.status, r.verdict.category, r.verdict.light) == (status, category, light)


def test_as_expected_is_on_track_at_r_not_above_one(make_city):
    # geometric R = 1 when 2023 is exactly on the compound path 755 → 1600
    v = round(755 * (1600 / 755) ** (3 / 5))
    t = target("t", "firms", "at_least", value=1600, baseline=FIRMS_2020)
    r = one(make_city, t, [obs("firms", 2023, v, "家")])
    assert r.verdict.status == "on_track" and r.pacing.pace.ratio <= 1 + 1e-3
    assert r.verdict.category == ("ahead" if r.pacing.pace.ratio > 1 else "as_expected")
    r = one(make_city, t, [obs("firms", 2023, v - 20, "家")])
    assert (r.verdict.status, r.verdict.category, r.verdict.light) == ("on_track", "as_expected", "green")


def test_basically_line_is_settable(make_city, invoke):
    t = target("t", "firms", "at_least", value=1600, baseline=FIRMS_2020)
    path = make_city([t], [obs("firms", 2025, 1400, "家")])  # 87.5 %
    import json

    args = ("check", str(path), "--as-of", "2026-11-01", "-f", "json", "--fail-on", "none")
    [r] = json.loads(invoke(*args).stdout)["results"]
    assert r["category"] == "not_achieved"
    [r] = json.loads(invoke(*args, "--basically", "0.85").stdout)["results"]
    assert r["category"] == "basically_achieved" and r["light"] == "yellow"
    res = invoke(*args, "--basically", "1.5")
    assert res.exit_code == 2 and "--basically" in res.stderr


# 3: catch-up
def test_catch_up_compound_and_linear(make_city):
    t = target("t", "firms", "at_least", value=1600, baseline=FIRMS_2020)
    r = one(make_city, t, [obs("firms", 2022, 1100, "家")])
    assert r.pacing.pace.method == "geometric"
    assert r.pacing.catch_up.method == "geometric" and r.pacing.catch_up.years == 3
    assert r.pacing.catch_up.value == pytest.approx(((1600 / 1100) ** (1 / 3) - 1) * 100, abs=1e-3)
    t = target("t", "rd", "at_least", value=3.0, baseline={"year": 2020, "value": 2.0})
    r = one(make_city, t, [obs("rd", 2023, 2.4, "%")])
    assert r.pacing.pace.method == "linear"
    assert (r.pacing.catch_up.method, r.pacing.catch_up.unit, r.pacing.catch_up.years) == ("linear", "%", 2)
    assert r.pacing.catch_up.value == pytest.approx(0.3)


def test_no_catch_up_when_met_or_no_year_left(make_city):
    t = target("t", "firms", "at_least", value=1600, baseline=FIRMS_2020)
    assert one(make_city, t, [obs("firms", 2023, 1700, "家")]).pacing.catch_up is None
    assert one(make_city, t, [obs("firms", 2025, 1500, "家")]).pacing.catch_up is None


# 4: bounds
def test_a_lower_bound_below_the_goal_proves_nothing(make_city):
    t = target("t", "firms", "at_least", value=5000, baseline={"year": 2020, "value": 2000})
    r = one(make_city, t, [obs("firms", 2025, 3000, "家", bound="lower", quote="3000余家")])
    assert r.verdict.status == "not_assessable" and "≥ 3000" in r.verdict.reason
    assert r.verdict.category is None


def test_a_lower_bound_above_the_goal_proves_met(make_city):
    t = target("t", "firms", "at_least", value=5000, baseline={"year": 2020, "value": 2000})
    r = one(make_city, t, [obs("firms", 2025, 5000, "家", bound="lower", quote="突破5000家")])
    assert (r.verdict.status, r.verdict.final, r.verdict.category) == ("met", True, "achieved")
    assert r.evidence.latest.bound == "lower" and r.flags.bounds["latest"] == "lower"


def test_an_upper_bound_below_the_goal_proves_missed_with_bounded_attainment(make_city):
    t = target("t", "firms", "at_least", value=1600, baseline=FIRMS_2020)
    r = one(make_city, t, [obs("firms", 2025, 1300, "家", bound="upper", quote="近1300家")])
    assert (r.verdict.status, r.verdict.final, r.verdict.category, r.verdict.light) == (
            "missed", True, "not_achieved", "red")
    assert r.flags.bounds == {"latest": "upper", "percent_to_goal": "upper", "attainment": "upper"}
    assert r.progress.attainment == pytest.approx(81.25)


def test_an_upper_bound_near_the_line_leaves_the_category_open(make_city):
    t = target("t", "firms", "at_least", value=1600, baseline=FIRMS_2020)
    r = one(make_city, t, [obs("firms", 2025, 1500, "家", bound="upper", quote="近1500家")])
    assert r.verdict.status == "missed" and r.verdict.category is None and r.verdict.light is None


def test_a_bound_that_proves_nothing_gives_way_to_an_exact_figure(make_city):
    t = target("t", "firms", "at_least", value=1600, baseline=FIRMS_2020)
    r = one(make_city, t, [obs("firms", 2022, 1200, "家"),
                           obs("firms", 2023, 1300, "家", bound="lower", quote="1300余家")])
    assert r.evidence.latest.period == 2022 and r.verdict.status == "on_track"


def test_bounds_for_lower_is_better_flip_attainment(make_city):
    doc = base_targets()
    doc["indicators"].append({"id": "energy", "name_zh": "能耗", "name_en": "Energy",
                              "unit": "吨", "direction": "lower"})
    t = target("t", "energy", "at_most", value=100)
    r = one(make_city, t, [obs("energy", 2025, 90, "吨", bound="upper", quote="不足90吨")],
            doc=doc)
    assert r.verdict.status == "met" and r.flags.bounds["attainment"] == "lower"


# 6: estimates
def test_an_estimate_is_never_final_and_an_actual_replaces_it(make_city):
    t = target("t", "firms", "at_least", value=1600, baseline=FIRMS_2020)
    r = one(make_city, t, [obs("firms", 2025, 1650, "家", estimate=True, quote="预计1650家")])
    assert (r.verdict.status, r.verdict.final, r.flags.estimate, r.verdict.category) == (
            "met", False, True, "achieved")
    assert r.evidence.latest.estimate and "estimate" in r.verdict.reason
    later = {"id": "final", "title": "公报", "issuer": "统计局", "date": "2026-06-01",
             "url": "https://example.org/f"}
    estimate = obs("firms", 2025, 1650, "家", estimate=True, quote="预计1650家", source="final")
    actual = obs("firms", 2025, 1550, "家")  # published before the estimate's source, still wins
    r = one(make_city, t, [estimate, actual], sources=[later])
    assert (r.verdict.status, r.verdict.final, r.flags.estimate, r.evidence.latest.value) == (
            "missed", True, False, 1550)


def test_a_baseline_estimate_is_replaced_by_the_actual_and_the_difference_shown(make_city):
    doc = base_targets(plans=[{"id": "p15", "title_zh": "十五五", "title_en": "15th FYP",
                               "start": 2026, "end": 2030, "source": "plan"}])
    t = target("t", "firms", "at_least", value=8000, deadline=2030, plan="p15",
               baseline={"year": 2025, "value": 5000, "estimate": True})
    late = [{"id": "b27", "title": "2027年公报", "issuer": "统计局", "date": "2028-03-01",
             "url": "https://example.org/27"}]
    figures = [obs("firms", 2027, 6000, "家", source="b27")]
    r = one(make_city, t, figures, doc=doc, as_of="2028-06-01", sources=late)
    assert r.evidence.baseline == 5000 and r.evidence.baseline_actual is None
    r2 = one(make_city, t, figures + [obs("firms", 2025, 5200, "家")], doc=doc,
             as_of="2028-06-01", sources=late)
    assert r2.evidence.baseline == 5200 and r2.pacing.pace.base_value == 5200
    assert (r2.evidence.baseline_actual.estimate, r2.evidence.baseline_actual.actual,
            r2.evidence.baseline_actual.difference) == (5000, 5200, 200)
    assert r2.pacing.pace.ratio < r.pacing.pace.ratio


# 7: revised targets
def test_a_revision_decides_from_its_date_and_the_original_keeps_its_verdict(make_city):
    doc = base_targets()
    doc["sources"].append({"id": "midterm", "title": "中期评估调整", "issuer": "测试市人民政府",
                           "date": "2023-09-01"})
    original = target("orig", "firms", "at_least", value=1600, baseline=FIRMS_2020)
    revised = target("rev", "firms", "at_least", value=1300, baseline=FIRMS_2020,
                     supersedes="orig", source="midterm")
    figures = [obs("firms", 2025, 1400, "家")]
    orig, rev = run(make_city, [original, revised], figures, doc=doc)
    assert (orig.verdict.status, orig.superseded_by) == ("missed", "rev")
    assert (rev.verdict.status, rev.supersedes) == ("met", "orig")
    orig, rev = run(make_city, [original, revised], [obs("firms", 2022, 1100, "家")],
                    doc=doc, as_of="2023-06-30")
    assert orig.superseded_by is None and rev.verdict.status == "not_assessable"
    assert "2023-09-01" in rev.verdict.reason


def test_fail_on_accepts_categories_and_a_superseded_original_does_not_fail(make_city, invoke):
    doc = base_targets()
    doc["sources"].append({"id": "midterm", "title": "中期评估调整", "issuer": "测试市人民政府",
                           "date": "2023-09-01"})
    original = target("orig", "firms", "at_least", value=1600, baseline=FIRMS_2020)
    revised = target("rev", "firms", "at_least", value=1300, baseline=FIRMS_2020,
                     supersedes="orig", source="midterm")
    path = make_city([original, revised], [obs("firms", 2025, 1400, "家")], doc=doc)
    base = ("check", str(path), "--as-of", "2026-11-01")
    assert invoke(*base, "--fail-on", "missed").exit_code == 0  # orig missed, but revised
    lone = make_city([original], [obs("firms", 2025, 1500, "家")])  # 93.75 %: 基本实现
    base = ("check", str(lone), "--as-of", "2026-11-01")
    assert invoke(*base, "--fail-on", "basically_achieved").exit_code == 1
    assert invoke(*base, "--fail-on", "not_achieved,lagging").exit_code == 0
    res = invoke(*base, "--fail-on", "late")
    assert res.exit_code == 2 and "lagging" in res.stderr


def test_a_baseline_read_from_an_estimate_observation_reports_the_actual(make_city):
    doc = base_targets(plans=[{"id": "p15", "title_zh": "十五五", "title_en": "15th FYP",
                               "start": 2026, "end": 2030, "source": "plan"}])
    t = target("t", "firms", "at_least", value=8000, deadline=2030, plan="p15",
               baseline={"year": 2025})
    late = [{"id": "b27", "title": "2027年公报", "issuer": "统计局", "date": "2028-03-01",
             "url": "https://example.org/27"}]
    figures = [obs("firms", 2025, 5000, "家", estimate=True, quote="预计5000家"),
               obs("firms", 2027, 6000, "家", source="b27")]
    r = one(make_city, t, figures, doc=doc, as_of="2028-06-01", sources=late)
    assert r.progress.base_point.value == 5000 and r.evidence.baseline_actual is None
    r = one(make_city, t, figures + [obs("firms", 2025, 5200, "家", source="b27")], doc=doc,
            as_of="2028-06-01", sources=late)
    assert r.progress.base_point.value == 5200
    assert (r.evidence.baseline_actual.estimate, r.evidence.baseline_actual.actual) == (5000, 5200)
