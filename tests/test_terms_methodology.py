"""The worked examples of docs/methodology.md, "The evaluators' terms" and "Bounds,
estimates, conflicting figures and revised targets": each number the page gives, recomputed."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import ROOT, base_targets, measured, obs, target

from planck.judge.evaluate import evaluate
from planck.judge.terms import with_basically
from planck.read.dataset import load_city

B = {"year": 2020, "value": 755}
PAGE = (ROOT / "docs" / "methodology.md").read_text("utf-8")


def run(make_city, targets, observations, doc=None, as_of="2026-11-01", sources=()):
    figures = measured(observations)
    figures["sources"] += list(sources)
    path = make_city(targets, doc=doc or base_targets(), measured_doc=figures)
    return evaluate(load_city(str(path), path.parent), date.fromisoformat(as_of))


def firms(make_city, figures, **kw):
    t = target("t", "firms", "at_least", value=1600, baseline=B)
    return run(make_city, [t], [obs("firms", y, v, "家", **kw) for y, v in figures.items()])


@pytest.mark.parametrize("figures, first_met, category, light, attainment", [
    ({2023: 1700, 2025: 1650}, 2023, "achieved_early", "green", None),
    ({2023: 1400, 2025: 1650}, 2025, "achieved", "green", None),
    ({2025: 1450}, None, "basically_achieved", "yellow", 90.62),
    ({2025: 1300}, None, "not_achieved", "red", 81.25),
    ({2022: 1170}, None, "ahead", "green", None),
])
def test_categories(make_city, figures, first_met, category, light, attainment):
    [r] = firms(make_city, figures).results
    assert (r.verdict.first_met, r.verdict.category, r.verdict.light) == (first_met, category, light)
    if attainment is not None:
        assert r.progress.attainment == pytest.approx(attainment, abs=0.01)
    if category == "ahead":
        assert r.pacing.pace.ratio == pytest.approx(1.511, abs=1e-3)


def test_basically_at_95_percent(make_city):
    report = with_basically(firms(make_city, {2025: 1450}), 0.95)
    assert (report.results[0].verdict.category, report.results[0].verdict.light) == ("not_achieved", "red")


def test_catch_up(make_city):
    from planck.render.terms_text import catch_up_text

    [r] = firms(make_city, {2022: 1170}).results
    assert r.pacing.catch_up.value == pytest.approx(11.0, abs=0.005) and r.pacing.catch_up.years == 3
    assert catch_up_text(r) == "needs +11.0 %/yr for 3 years"
    assert catch_up_text(r, "zh") == "剩余3年需年均增长11.0%"
    assert "**+11.0 %/yr for 3 years**" in PAGE
    t = target("t", "rd", "at_least", value=3.0, baseline={"year": 2020, "value": 2.0})
    [r] = run(make_city, [t], [obs("rd", 2023, 2.4, "%")]).results
    assert (r.pacing.catch_up.method, r.pacing.catch_up.value, r.pacing.catch_up.years) == ("linear",
                                                                     pytest.approx(0.3), 2)
    assert catch_up_text(r, "zh") == "剩余2年需年均提高0.3个百分点"


def test_bounds(make_city):
    t = target("t", "firms", "at_least", value=5000)
    [r] = run(make_city, [t], [obs("firms", 2025, 3000, "家", bound="lower",
                                   quote="3000余家")]).results
    assert r.verdict.status == "not_assessable" and "(2025: ≥ 3000)" in r.verdict.reason
    [r] = firms(make_city, {2025: 1300}, bound="upper", quote="近1300家").results
    assert (r.verdict.status, r.verdict.final, r.verdict.category, r.verdict.light) == (
            "missed", True, "not_achieved", "red")
    assert r.progress.attainment == pytest.approx(81.25) and r.flags.bounds["attainment"] == "upper"


@pytest.mark.parametrize("written, status, light", [
    (80, "behind", None), (72, "off_track", "red"), (90, "not_assessable", None)])
def test_a_bound_that_proves_only_lagging(make_city, written, status, light):
    t = target("t", "firms", "at_least", value=100, pace="linear",
               baseline={"year": 2020, "value": 60})
    [r] = run(make_city, [t], [obs("firms", 2023, written, "家", bound="upper",
                                   quote=f"近{written}家")]).results
    assert (r.verdict.status, r.verdict.final, r.verdict.light) == (status, False, light)
    if status == "not_assessable":
        assert r.verdict.category is None and r.flags.bounds == {}
    else:
        assert r.verdict.category == "lagging" and r.flags.bounds["status"] == "upper"
        assert "every value it allows lags" in r.verdict.reason
    assert f"近{written}家" in PAGE


def test_estimates(make_city):
    [r] = firms(make_city, {2025: 1650}, estimate=True, quote="预计1650家").results
    assert (r.verdict.status, r.verdict.final, r.verdict.category) == ("met", False, "achieved")
    later = {"id": "final", "title": "公报", "issuer": "统计局", "date": "2026-04-01",
             "url": "https://example.org/f"}
    t = target("t", "firms", "at_least", value=1600, baseline=B)
    [r] = run(make_city, [t], [obs("firms", 2025, 1650, "家", estimate=True,
                                   quote="预计1650家"),
                               obs("firms", 2025, 1550, "家", source="final")],
              sources=[later]).results
    assert (r.verdict.status, r.verdict.final, r.verdict.category) == ("missed", True, "basically_achieved")
    assert r.progress.attainment == pytest.approx(96.88, abs=0.01)


def test_baseline_estimate(make_city):
    doc = base_targets(plans=[{"id": "p15", "title_zh": "十五五", "title_en": "15th FYP",
                               "start": 2026, "end": 2030, "source": "plan"}])
    t = target("t", "firms", "at_least", value=8000, deadline=2030, plan="p15",
               baseline={"year": 2025, "value": 5000, "estimate": True})
    late = [{"id": "b27", "title": "2027年公报", "issuer": "统计局", "date": "2028-03-01",
             "url": "https://example.org/27"}]
    y27 = obs("firms", 2027, 6000, "家", source="b27")
    [r] = run(make_city, [t], [y27], doc=doc, as_of="2028-06-01", sources=late).results
    assert r.verdict.status == "on_track" and r.pacing.pace.ratio == pytest.approx(0.968, abs=1e-3)
    [r] = run(make_city, [t], [y27, obs("firms", 2025, 5200, "家")], doc=doc,
              as_of="2028-06-01", sources=late).results
    assert r.verdict.status == "behind" and r.pacing.pace.ratio == pytest.approx(0.824, abs=1e-3)
    assert r.pacing.pace.observed == pytest.approx(0.0742, abs=1e-4)
    assert r.pacing.pace.required == pytest.approx(0.0900, abs=1e-4)
    assert r.evidence.baseline_actual.difference == 200


def test_revised_target(make_city, invoke):
    doc = base_targets()
    doc["sources"].append({"id": "midterm", "title": "中期调整", "issuer": "测试市人民政府",
                           "date": "2023-09-01"})
    targets = [target("orig", "firms", "at_least", value=1600, baseline=B),
               target("rev", "firms", "at_least", value=1300, baseline=B, supersedes="orig",
                      source="midterm")]
    orig, rev = run(make_city, targets, [obs("firms", 2025, 1400, "家")], doc=doc).results
    assert (orig.verdict.status, orig.verdict.category, orig.superseded_by) == (
            "missed", "not_achieved", "rev")
    assert (rev.verdict.status, rev.verdict.category) == ("met", "achieved")
