"""Issue 22's terms in every format: a bound shown ≥/≤ (with its percent and 完成率), an
estimate marked, the category, light and catch-up, in both languages."""

from __future__ import annotations

import json

import pytest
from conftest import base_targets, obs, target

AS_OF = ("--as-of", "2026-11-01")


@pytest.fixture
def city(make_city):
    targets = [target("near", "firms", "at_least", value=1600,
                      baseline={"year": 2020, "value": 755}),
               target("est", "money", "at_least", value=120,
                      baseline={"year": 2020, "value": 60}),
               target("pace", "rd", "at_least", value=3.0,
                      baseline={"year": 2020, "value": 2.0})]
    figures = [obs("firms", 2025, 1300, "家", bound="upper", quote="近1300家"),
               obs("money", 2025, 125, "亿元", estimate=True, quote="预计125亿元"),
               obs("rd", 2023, 2.4, "%")]
    return make_city(targets, figures, doc=base_targets())


def test_json(city, invoke):
    doc = json.loads(invoke("check", str(city), *AS_OF, "-f", "json", "--fail-on",
                            "none").stdout)
    near, est, pace = doc["results"]
    assert near["latest"]["bound"] == "upper" and near["bounds"]["attainment"] == "upper"
    assert (near["category"], near["light"]) == ("not_achieved", "red")
    assert est["estimate"] and est["latest"]["estimate"] and not est["final"]
    assert pace["catch_up"] == {"value": pytest.approx(0.3), "unit": "%", "years": 2,
                                "method": "linear"}
    assert doc["categories"]["not_achieved"] == 1 and doc["categories"]["achieved"] == 1


def test_table_markdown_and_explain(city, invoke):
    wide = invoke("check", str(city), *AS_OF, "--wide", "--fail-on", "none").stdout
    assert "≤1,300 (2025)" in wide and "(2025e)" in wide
    assert "≤64%" in wide  # (1300 − 755)/(1600 − 755): a bound too
    assert "not achieved · red" in wide and "categories: achieved 1, not achieved 1" in wide
    md = invoke("check", str(city), *AS_OF, "-f", "markdown", "--fail-on", "none",
                "--lang", "zh").stdout
    assert "≤ 1,300 (2025)" in md and "125 (2025, 预计)" in md
    assert "未实现 · 红灯" in md and "剩余2年需年均提高0.3个百分点" in md
    assert "评估类别：已实现 1，未实现 1" in md
    text = invoke("explain", str(city), "near", *AS_OF).stdout
    assert "≤ 1,300 家 for 2025" in text and "≤ 81.2" in text
    assert "not achieved · red" in text
    text = invoke("explain", str(city), "est", *AS_OF, "--lang", "zh").stdout
    assert "预计数" in text


def test_csv_and_xlsx(city, invoke, tmp_path):
    csv = invoke("check", str(city), *AS_OF, "-f", "csv", "--fail-on", "none").stdout
    head = csv.splitlines()[0].split(",")
    row = dict(zip(head, csv.splitlines()[1].split(","), strict=False))
    assert row["latest.bound"] == "upper" and row["category"] == "not_achieved"
    out = tmp_path / "x.xlsx"
    res = invoke("export", str(city), *AS_OF, "-o", str(out))
    assert res.exit_code == 0, res.stderr
    from openpyxl import load_workbook

    sheet = load_workbook(out).worksheets[0]
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    head = rows[0]
    near = next(r for r in rows if r[0] == "near")
    assert near[head.index("Category")] == "not achieved" and near[head.index("Light")] == "red"
    assert near[head.index("Latest is")] == "upper bound (≤)"
    pace = next(r for r in rows if r[0] == "pace")
    assert pace[head.index("Catch-up")] == "needs +0.3 percentage points/yr for 2 years"


def test_site_city_page_shows_categories(city, invoke, tmp_path):
    out = tmp_path / "site"
    res = invoke("site", "-o", str(out), *AS_OF, "--targets-dir", str(city.parent))
    assert res.exit_code == 0, res.stderr
    en = (out / "en" / "testcity" / "index.html").read_text("utf-8")
    # the counts per category lead the page; each row names its category and light in words
    assert "<strong>1</strong> ✓ achieved" in en and "<strong>1</strong> ✗ not achieved" in en
    assert "✗ not achieved · red" in en
    zh = (out / "zh" / "testcity" / "index.html").read_text("utf-8")
    assert "<strong>1</strong> ✓ 已实现" in zh and "<strong>1</strong> ✗ 未实现" in zh
    assert "剩余2年需年均提高0.3个百分点" in zh
