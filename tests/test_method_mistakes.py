"""Small mistakes in the method, each caught by a status or a number (never by wording).

Every test here names the mistake it exists to catch (issue 13); ``tests/mistakes.py`` puts
each mistake into a copy of the code and checks that this suite goes red. The tests go
through ``evaluate()``, ``load_city`` and the validators, so they hold whatever the inside of
the core looks like.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import base_targets, measured, obs, target

from planck.findings import PlanckError
from planck.judge.evaluate import evaluate
from planck.read import units
from planck.read.dataset import load_city

LOWER_PCT = {"id": "energy", "name_zh": "单位GDP能耗", "name_en": "Energy intensity",
             "unit": "%", "direction": "lower"}
AREA = {"id": "land", "name_zh": "高标准农田", "name_en": "High-standard farmland",
        "unit": "公顷", "direction": "higher"}
REF = {"id": "prov-rd", "name_zh": "全省研发投入强度", "name_en": "Province R&D intensity",
       "unit": "%", "direction": "higher"}
PROJECTS = {"id": "projects", "name_zh": "重大创新专项", "name_en": "Major projects",
            "unit": "项", "direction": "higher"}
PATENTS = {"id": "patents", "name_zh": "每万人口发明专利拥有量", "name_en": "Patents per 10k",
           "unit": "件/万人", "direction": "higher"}


def _results(make_city, targets, observations, indicators=(), as_of="2026-11-01",
             source_date="2026-03-01"):
    doc = base_targets()
    doc["indicators"] += list(indicators)
    m = measured(observations)
    m["sources"][0]["date"] = source_date
    path = make_city(targets, doc=doc, measured_doc=m)
    data = load_city(str(path), path.parent)
    return {r.id: r for r in evaluate(data, date.fromisoformat(as_of)).results}


def _one(make_city, t, observations, indicators=(), **kw):
    [r] = _results(make_city, [t], observations, indicators, **kw).values()
    return r


# --- pace thresholds ----------------------------------------------------------------------

@pytest.mark.parametrize("value, ratio, status", [
    (13.68, 0.92, "behind"),     # mistake: on_track from 0.90 instead of 0.95
    (13.80, 0.95, "on_track"),   # the threshold itself is on track
    (12.36, 0.59, "off_track"),  # just under 0.60
    (12.40, 0.60, "behind"),
    (9.96, -0.01, "regressing"),
])
def test_pace_ratio_thresholds(make_city, value, ratio, status):
    """Baseline 10 % (2020), goal 20 % by 2025: 2 points a year needed (linear, a % unit);
    by 2022 the ratio is (value − 10) / 2 / 2."""
    t = target("t", "rd", "at_least", value=20, baseline={"year": 2020, "value": 10})
    r = _one(make_city, t, [obs("rd", 2022, value, "%")])
    assert r.pacing.pace.method == "linear" and r.pacing.pace.ratio == pytest.approx(ratio)
    assert r.verdict.status == status


# --- about, lower is better ----------------------------------------------------------------

def test_about_on_a_lower_is_better_indicator_counts_below_the_range_as_met(make_city):
    """about 10 % ±2 % on a lower-is-better indicator: 9 % beats it (mistake: ignoring the
    direction judges 9 against the lower edge 9.8 and calls it missed)."""
    t = target("t", "energy", "about", value=10)
    r = _one(make_city, t, [obs("energy", 2025, 9, "%")], [LOWER_PCT])
    assert (r.verdict.status, r.verdict.final, r.flags.above_range) == ("met", True, True)
    assert r.target.goal == pytest.approx(10.2)
    over = _one(make_city, t, [obs("energy", 2025, 10.5, "%")], [LOWER_PCT])
    assert (over.verdict.status, over.flags.above_range) == ("missed", False)


def test_about_lower_is_better_pace_runs_downwards(make_city):
    """Baseline 12 (2020), about 10 by 2025, lower is better: goal 10.2, so −0.36 a year is
    needed; 11.28 in 2022 is −0.36 a year: R = 1.0."""
    t = target("t", "energy", "about", value=10, baseline={"year": 2020, "value": 12})
    r = _one(make_city, t, [obs("energy", 2022, 11.28, "%")], [LOWER_PCT])
    assert r.pacing.pace.required == pytest.approx(-0.36) and r.pacing.pace.ratio == pytest.approx(1.0)
    assert r.verdict.status == "on_track"


# --- late verdicts -------------------------------------------------------------------------

def test_late_verdict_uses_the_first_year_after_the_deadline(make_city):
    """late_ok: the first later figure that meets the target decides (2026), not the last
    (2027). Without late_ok no later figure decides at all (issue 15: a 2026 count does not
    show what 2025 reached)."""
    t = target("t", "firms", "at_least", value=1600, baseline={"year": 2020, "value": 755},
               late_ok=True)
    points = [obs("firms", 2025, 1500, "家"), obs("firms", 2026, 1650, "家"),
              obs("firms", 2027, 1700, "家")]
    r = _one(make_city, t, points, as_of="2028-06-01", source_date="2028-03-01")
    assert (r.verdict.status, r.verdict.final, r.evidence.latest.period) == ("met", True, 2026)
    strict = dict(t, late_ok=False)
    r = _one(make_city, strict, points[1:], as_of="2028-06-01", source_date="2028-03-01")
    assert not r.verdict.final and r.verdict.status != "met"


def test_late_ok_is_met_in_the_first_good_year_after_the_deadline(make_city):
    """late_ok: 8 in 2025 misses 10, 12 in 2026 and 13 in 2027 meet it; the verdict is the
    first good year, 2026 (mistake: the last year after the deadline)."""
    t = target("t", "firms", "at_least", value=10, late_ok=True,
               baseline={"year": 2020, "value": 5})
    r = _one(make_city, t, [obs("firms", 2025, 8, "家"), obs("firms", 2026, 12, "家"),
                            obs("firms", 2027, 13, "家")], as_of="2028-06-01",
             source_date="2028-03-01")
    assert (r.verdict.status, r.verdict.final, r.evidence.latest.period, r.evidence.latest.value) == (
            "met", True, 2026, 12)
    assert r.progress.expected_progress == 100.0  # 2026 is past the deadline: clipped at 100 %


def test_late_growth_verdict_uses_the_first_year_after_the_deadline(make_city):
    """Growth from 100 (2020), due 2025, figures only for 2024 (130) and later: the verdict
    is the projection from 2024 (5.39 % a year against 10 %), never a later year's."""
    t = target("t", "money", "annual_growth", value=10, baseline={"year": 2020, "value": 100})
    r = _one(make_city, t, [obs("money", 2024, 130, "亿元"), obs("money", 2026, 150, "亿元"),
                            obs("money", 2027, 300, "亿元")],
             as_of="2028-06-01", source_date="2028-03-01")
    assert (r.verdict.final, r.evidence.latest.period) == (False, 2024)
    assert r.pacing.pace.observed == pytest.approx(1.3 ** (1 / 4) - 1)


def test_late_reference_verdict_uses_the_first_year_after_the_deadline(make_city):
    """Reference targets follow the same rule: 2024 decides the projection, 2026 and 2027
    are shown only."""
    t = target("t", "rd", "near_reference", reference="prov-rd")
    points = [obs("rd", 2024, 2.0, "%"), obs("prov-rd", 2024, 2.5, "%"),
              obs("rd", 2026, 2.0, "%"), obs("prov-rd", 2026, 2.5, "%"),
              obs("rd", 2027, 2.5, "%"), obs("prov-rd", 2027, 2.5, "%")]
    r = _one(make_city, t, points, [REF], as_of="2028-06-01", source_date="2028-03-01")
    assert (r.verdict.final, r.evidence.latest.period, r.evidence.reference_value) == (False, 2024, 2.5)
    assert r.verdict.status == "not_assessable"  # one year with both figures: no pace yet


# --- per_year ------------------------------------------------------------------------------

def test_per_year_with_years_missing_at_the_deadline_is_not_assessable(make_city):
    """Every observed year meets 3 a year, but 2023 and 2024 are missing: at the deadline that
    cannot be called on track (mistake: ``year < deadline`` → ``<=``)."""
    t = target("t", "projects", "per_year", value=3)
    points = [obs("projects", y, 4, "项") for y in (2021, 2022, 2025)]
    r = _one(make_city, t, points, [PROJECTS])
    assert (r.verdict.status, r.verdict.final) == ("not_assessable", False)
    before = _one(make_city, t, points[:2] + [obs("projects", 2024, 3, "项")], [PROJECTS])
    assert (before.verdict.status, before.verdict.final) == ("on_track", False)


def test_per_year_counts_from_the_year_after_the_baseline(make_city):
    """Baseline year 2020 is before the period: its 1 project does not count against 3 a year
    (mistake: counting from the baseline year)."""
    t = target("t", "projects", "per_year", value=3, baseline={"year": 2020})
    points = [obs("projects", 2020, 1, "项")] + [obs("projects", y, 3, "项")
                                                for y in range(2021, 2026)]
    r = _one(make_city, t, points, [PROJECTS])
    assert (r.verdict.status, r.verdict.final) == ("met", True)
    assert sorted(r.evidence.years) == [2021, 2022, 2023, 2024, 2025]
    short = _one(make_city, t, points[:2] + [obs("projects", 2022, 2, "项")], [PROJECTS])
    assert (short.verdict.status, short.evidence.latest.period) == ("missed", 2022)


def test_per_year_without_baseline_counts_from_the_plan_start(make_city):
    t = target("t", "projects", "per_year", value=3)
    points = [obs("projects", 2020, 0, "项"), obs("projects", 2021, 3, "项")]
    r = _one(make_city, t, points, [PROJECTS])
    assert (r.verdict.status, sorted(r.evidence.years)) == ("on_track", [2021])


# --- units ---------------------------------------------------------------------------------

def test_mu_converts_to_hectares(make_city):
    """15 亩 = 1 公顷: 1,500 亩 of farmland is 100 公顷, which meets ≥ 100 公顷
    (mistake: 600 m² to the 亩 gives 90 公顷, missed)."""
    assert units.convert(15, "亩", "公顷") == pytest.approx(1.0)
    assert units.convert(1, "平方公里", "亩") == pytest.approx(1500)
    t = target("t", "land", "at_least", value=100)
    r = _one(make_city, t, [obs("land", 2025, 1500, "亩")], [AREA])
    assert r.evidence.latest.value == pytest.approx(100.0)
    assert (r.verdict.status, r.verdict.final) == ("met", True)


def test_a_rate_is_not_a_count():
    """件/万人 is a rate: its first part counts things, the whole does not (mistake: rates
    treated as counts, so a negative change in a rate would be refused)."""
    assert units.is_count("件") and units.is_count("位")
    assert not units.is_count("件/万人") and not units.is_count("万元/人")
    assert not units.is_count("%") and not units.is_count("亿元")


# --- validation ----------------------------------------------------------------------------

def _findings(make_city, observations, indicators=(), **measured_fields):
    doc = base_targets()
    doc["indicators"] += list(indicators)
    path = make_city([], doc=doc, measured_doc=measured(observations, **measured_fields))
    with pytest.raises(PlanckError) as err:
        load_city(str(path), path.parent)
    return [(f.code, f.line) for f in err.value.findings]


def test_a_negative_count_is_refused_even_when_small(make_city):
    """−0.5 家 is refused (mistake: ``< 0`` → ``< -1`` lets it through)."""
    found = _findings(make_city, [obs("firms", 2023, -0.5, "家")])
    assert [code for code, _ in found] == ["negative-count"]


def test_a_negative_rate_is_not_a_negative_count(make_city):
    doc = base_targets()
    doc["indicators"].append(PATENTS)
    path = make_city([], [obs("patents", 2023, -0.5, "件/万人"), obs("firms", 2023, 0, "家")],
                     doc=doc)
    data = load_city(str(path), path.parent)
    assert [o.value for o in data.observations] == [-0.5, 0]


def test_a_measured_file_for_another_city_is_refused(make_city):
    found = _findings(make_city, [obs("firms", 2023, 5, "家")], city="othercity")
    assert [code for code, _ in found] == ["city-mismatch"]


def test_at_most_needs_a_lower_is_better_indicator(make_city):
    """at_most on a higher-is-better indicator is a contradiction the validator reports."""
    path = make_city([target("t", "firms", "at_most", value=10)])
    with pytest.raises(PlanckError) as err:
        load_city(str(path), path.parent)
    assert [f.code for f in err.value.findings] == ["direction-mismatch"]


def test_at_most_is_paced_downwards(make_city):
    """at_most 8 % from 10 % (2020) by 2025: −0.4 a year needed; 9 % in 2022 is −0.5 a year,
    R = 1.25, on track (mistake: at_most without its lower sense calls that regressing)."""
    t = target("t", "energy", "at_most", value=8, baseline={"year": 2020, "value": 10})
    r = _one(make_city, t, [obs("energy", 2022, 9, "%")], [LOWER_PCT])
    assert r.pacing.pace.required == pytest.approx(-0.4) and r.pacing.pace.ratio == pytest.approx(1.25)
    assert r.verdict.status == "on_track"
    assert r.progress.percent_to_goal == pytest.approx(50.0)
    worse = _one(make_city, t, [obs("energy", 2022, 10.5, "%")], [LOWER_PCT])
    assert worse.verdict.status == "regressing"


# --- near_reference ------------------------------------------------------------------------

def test_near_reference_met_at_first_then_lost_is_regressing(make_city):
    """Ratio 0.95 in 2021 (the goal 0.90 already met), 0.85 in 2023: regressing (mistake:
    without the rule, falling by 0.05 a year against a 'required' −0.0125 reads as R = 4)."""
    t = target("t", "rd", "near_reference", reference="prov-rd")
    points = [obs("rd", 2021, 1.9, "%"), obs("prov-rd", 2021, 2.0, "%"),
              obs("rd", 2023, 1.7, "%"), obs("prov-rd", 2023, 2.0, "%")]
    r = _one(make_city, t, points, [REF])
    assert (r.verdict.status, r.verdict.final) == ("regressing", False)
    assert r.evidence.years == {2021: pytest.approx(0.95), 2023: pytest.approx(0.85)}


def test_near_reference_closing_the_gap_is_paced(make_city):
    """0.80 in 2021, 0.85 in 2023: +0.025 a year against +0.025 needed: R = 1.0."""
    t = target("t", "rd", "near_reference", reference="prov-rd")
    points = [obs("rd", 2021, 1.6, "%"), obs("prov-rd", 2021, 2.0, "%"),
              obs("rd", 2023, 1.7, "%"), obs("prov-rd", 2023, 2.0, "%")]
    r = _one(make_city, t, points, [REF])
    assert r.pacing.pace.ratio == pytest.approx(1.0) and r.verdict.status == "on_track"
