"""SVG charts: well-formed, described, escaped, gaps left open, and drawn with the verdict's
own trajectory (planck.judge.trajectory)."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest
from conftest import TARGETS

from planck.judge.evaluate import default_as_of, evaluate, pick
from planck.judge.trajectory import has_path, required_value, trajectory
from planck.read.dataset import load_city
from planck.render import chartdata, svg

NS = {"s": "http://www.w3.org/2000/svg"}
CITIES = ("luoyang", "hebi", "jiaozuo", "pingdingshan")


def _specs(city: str):
    data = load_city(city, TARGETS)
    report = evaluate(data, default_as_of(data))
    by: dict[str, list] = {}
    for r in report.results:
        by.setdefault(r.indicator, []).append(r)
    for ind, results in by.items():
        annual, partial = pick(data.observations, ind, report.as_of)
        obs = [*annual.values(), *([partial] if partial else [])]
        pts = [chartdata.obs_point(o.period, o.value, o.source_title, o.partial)
               for o in obs]
        spec = chartdata.build(results, pts, "en")
        if spec is not None:
            yield results, obs, spec


@pytest.mark.parametrize("city", CITIES)
def test_every_chart_is_wellformed_described_and_has_one_mark_per_figure(city):
    drawn = 0
    for _results, obs, spec in _specs(city):
        text = svg.render(spec, "x")
        root = ET.fromstring(text)
        assert root.find("s:title", NS).text and root.find("s:desc", NS).text
        assert root.get("role") == "img" and "script" not in text.lower()
        marks = root.findall(".//*[@class='obs']", NS)
        assert len(marks) == len(obs) == spec.observations
        # every mark says what it is: period, value and source
        for mark, o in zip(marks, sorted(obs, key=lambda o: chartdata.obs_point(
                o.period, o.value).x), strict=True):
            assert mark.find("s:title", NS).text.startswith(f"{o.period}: ")
            assert o.source_title in mark.find("s:title", NS).text
        drawn += 1
    assert drawn or city == "jiaozuo"


def test_a_missing_year_leaves_a_gap_and_part_year_figures_are_marked():
    pts = [chartdata.obs_point(2020, 10.0), chartdata.obs_point(2021, 12.0),
           chartdata.obs_point(2023, 15.0), chartdata.obs_point("2024-06", 9.0, "half year")]
    spec = chartdata.ChartSpec("t", "u", tuple(pts), deadline=2025)
    root = ET.fromstring(svg.render(spec))
    joins = [el for el in root.iter(f"{{{NS['s']}}}line") if el.get("stroke") == "#0072B2"
             and el.get("y1") is not None and el.get("x1") != el.get("x2")]
    assert len(joins) == 1  # 2020–2021 only: nothing bridges 2022, nothing joins the half year
    partial = root.findall(".//s:polygon[@class='obs']", NS)
    assert len(partial) == 1 and "2024-06" in partial[0].find("s:title", NS).text
    # a year is a band (y - 0.5 .. y + 0.5) with its annual figure in the middle: the
    # half year through June ends in the middle of 2024's band, never before 2024
    assert pts[-1].x == pytest.approx(2024.0) and 2023.5 < pts[-1].x < 2024.5
    assert chartdata.obs_point("2025-09", 1.0).x == pytest.approx(2025.25)
    # a part-year figure whose months are not stated is still drawn and named as part-year
    undated = chartdata.obs_point(2025, 59.3, "meeting", partial=True)
    assert undated.kind == "partial" and undated.x == 2025.0


@pytest.mark.parametrize("lang, word", [("en", "estimate"), ("zh", "预计")])
def test_estimates_and_part_year_figures_are_drawn_and_named_apart(lang, word):
    # an estimate (预计) is a hollow circle, a part-year figure a hollow diamond: neither is
    # joined to the measured line, and each has its own legend entry
    pts = [chartdata.obs_point(2022, 10.0), chartdata.obs_point(2023, 11.0),
           chartdata.obs_point(2024, 12.0, "plan", estimate=True),
           chartdata.obs_point("2025-06", 7.0, "half")]
    spec = chartdata.build([_result()], pts, lang)
    root = ET.fromstring(svg.render(spec))
    circles = root.findall(".//s:circle[@class='obs']", NS)
    hollow = [c for c in circles if c.get("fill") == "#ffffff"]
    assert len(circles) == 3 and len(hollow) == 1 and word in hollow[0].find("s:title", NS).text
    joins = [el for el in root.iter(f"{{{NS['s']}}}line") if el.get("stroke") == "#0072B2"]
    assert len(joins) == 1  # 2022–2023 only
    keys = [t.text for t in root.iter(f"{{{NS['s']}}}text")]
    assert any(word in (k or "") for k in keys) and root.findall(".//s:polygon[@class='key']", NS)
    assert word in spec.desc


def _result():
    from test_render import sample_report

    return sample_report().results[0]


def test_data_strings_are_escaped():
    nasty = '<script>alert(1)</script> "q" & \'a\''
    pts = (chartdata.Point(2020.0, 1.0, "2020", "measured", nasty),)
    spec = chartdata.ChartSpec(nasty, nasty, pts, desc=nasty,
                               levels=(chartdata.Level(2.0, "target", "t", nasty),))
    text = svg.render(spec)
    assert "<script>" not in text
    root = ET.fromstring(text)
    assert root.find("s:title", NS).text == f"{nasty} ({nasty})"
    assert root.find("s:desc", NS).text == nasty


def test_same_spec_same_bytes():
    [(_, _, spec), *_] = list(_specs("luoyang"))
    assert svg.render(spec) == svg.render(spec)


@pytest.mark.parametrize("city", CITIES)
def test_trajectory_agrees_with_the_verdict(city):
    # A paced result's latest figure lies on the good side of the drawn trajectory exactly
    # when its observed pace is at least the required pace (R ≥ 1).
    checked = 0
    for results, _obs, spec in _specs(city):
        for r in results:
            if r.pacing.pace is None or r.pacing.pace.ratio is None or not has_path(r.target.op):
                continue
            tr = trajectory(r)
            path = next((p for p in spec.paths if r.id in p.target.split(", ")), None)
            # drawn exactly where a pace is still required (no final verdict, not yet met)
            assert (path is not None) == chartdata.pace_required(r), r.id
            if path is None:
                continue
            assert path.method == r.pacing.pace.method and path.points[0] == (r.pacing.pace.base_year,
                                                                        r.pacing.pace.base_value)
            req = tr.at(r.pacing.pace.latest_year)
            value = r.evidence.latest.value
            lower = r.pacing.pace.required < 0
            if abs(r.pacing.pace.ratio - 1) > 1e-6:
                assert ((value <= req) if lower else (value >= req)) == (r.pacing.pace.ratio > 1), r.id
            checked += 1
    assert checked >= (2 if city == "luoyang" else 0)


def test_required_value_matches_the_pace_rates():
    from planck.judge.progress_math import pace

    for method in ("linear", "geometric"):
        v = required_value(method, 2020, 100.0, 2023, 2025, 200.0)
        p = pace(method, 2020, 100.0, 2023, v, 2025, 200.0)
        assert p.ratio == pytest.approx(1.0)
    assert required_value("linear", 2020, 1.0, 2019, 2025, 2.0) is None


def test_status_bar_is_described():
    counts = {"met": 2, "no_data": 3, "missed": 0}
    labels = {"met": "met", "no_data": "no data", "missed": "missed"}
    root = ET.fromstring(svg.status_bar(counts, labels, "City <b>"))
    assert root.find("s:title", NS).text == "City <b>"
    assert root.find("s:desc", NS).text == "met: 2, no data: 3"
    assert len(root.findall("s:rect", NS)) == 2


def test_stretch_level_and_band_are_drawn_and_named():
    pts = (chartdata.obs_point(2021, 10.0),)
    spec = chartdata.ChartSpec(
        "t", "u", pts, deadline=2025, bands=((12.0, 14.0, "t-band"),),
        levels=(chartdata.Level(20.0, "target", "t-a", "20"),
                chartdata.Level(25.0, "stretch", "t-a", "25")))
    root = ET.fromstring(svg.render(spec))
    stretch = root.findall(".//s:line[@class='stretch']", NS)
    assert len(stretch) == 1 and stretch[0].get("stroke-dasharray")
    texts = [t.text for t in root.iter(f"{{{NS['s']}}}text")]
    assert "stretch level (力争) 25 · t-a" in texts and "target range 12–14 · t-band" in texts
    # the labels beside the plot never overlap, however close the levels lie
    close = chartdata.ChartSpec("t", "u", pts, levels=(
        chartdata.Level(20.0, "target", "a", "20"), chartdata.Level(20.1, "stretch", "a", "20.1")))
    ys = sorted(float(t.get("y")) for t in ET.fromstring(svg.render(close)).iter(
        f"{{{NS['s']}}}text") if t.text in ("20", "20.1") and t.get("x") == str(svg.R + 6))
    assert len(ys) == 2 and ys[1] - ys[0] >= 13


def test_every_worked_example_charts_and_renders_a_site(make_city, tmp_path):
    # Each operator of docs/methodology.md's worked examples (tests/test_methodology.py)
    # through the chart and every site page: well-formed SVG, one mark per picked figure.
    from datetime import date

    from test_methodology import AS_OF, CASES, RULES, WORDINGS
    from test_methodology import base_targets as base

    from planck.site.collect import collect
    from planck.site.pages import render_site

    ops = set()
    for case in [*CASES, *RULES, *WORDINGS]:
        _id, t, observations, indicators = case[:4]
        doc = base()
        if indicators:
            doc["indicators"] += indicators
        path = make_city([t], observations, doc=doc)
        view = collect(str(path), path.parent, date.fromisoformat(AS_OF), "en")
        for ind in view.indicators.values():
            spec = ind.spec("zh")
            if spec is None:
                continue
            root = ET.fromstring(svg.render(spec))
            assert len(root.findall(".//*[@class='obs']", NS)) == len(ind.figures), _id
        files = render_site([view], "en")
        assert sum(name.endswith(".html") for name in files) >= 8, _id
        ops.add(t["op"])
    assert len(ops) >= 18


def test_legend_width_counts_each_character_as_before():
    """A legend's width is 12 px per character from U+2E80 up and 7 px per other character,
    counted at once (a site measures millions of texts)."""
    import random

    from planck.render.chartlegend import _width

    rng = random.Random(27)
    for _ in range(2000):
        text = "".join(chr(rng.choice([rng.randrange(32, 0x2E80), rng.randrange(0x2E7F, 0x10000),
                                       rng.randrange(0x10000, 0x110000)]))
                       for _ in range(rng.randrange(0, 30)))
        assert _width(text) == sum(12.0 if ord(ch) >= 0x2E80 else 7.0 for ch in text)
