"""A plan's period is shown once: titles that already name their years get no ``(2026–2030)``
appended, in the terminal table, the markdown report and the site."""

from __future__ import annotations

import re

import pytest
from conftest import base_targets, target

from planck.readable import period_suffix


@pytest.mark.parametrize("title", [
    "Jiaozuo 15th Five-Year Plan outline (2026-2030)", "纲要(2026—2030年)", "纲要（2026–2030）",
    "2026至2030年规划", "plan 2026 - 2030", "2026年—2030年",
])
def test_title_naming_the_period_gets_none(title):
    assert period_suffix(title, 2026, 2030) == ""


@pytest.mark.parametrize(("title", "start", "end", "suffix"), [
    ("十五五规划纲要", 2026, 2030, " (2026–2030)"),
    ("Plan (2021-2025)", 2026, 2030, " (2026–2030)"),  # other years
    ("Plan 12026-20301", 2026, 2030, " (2026–2030)"),  # digits around are not the years
    ("2023年工作要点", 2023, 2023, ""),
    ("工作要点", 2023, 2023, " (2023)"),
])
def test_title_without_the_period_gets_it(title, start, end, suffix):
    assert period_suffix(title, start, end) == suffix


def _city(make_city):
    doc = base_targets(plans=[{"id": "p15", "title_zh": "十五五规划纲要（2026—2030年）",
                               "title_en": "15th FYP outline (2026-2030)", "start": 2026,
                               "end": 2030, "source": "plan"}])
    return make_city([target("t1", "firms", "at_least", value=100, plan="p15",
                             deadline=2030)], doc=doc)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_table_and_report_show_the_period_once(invoke, make_city, lang):
    path = _city(make_city)
    table = invoke("check", str(path), "--lang", lang)
    report = invoke("report", str(path), "-o", "-", "--lang", lang)
    for res in (table, report):
        assert res.exit_code in (0, 1), res.output
        assert "2026" in res.output
        assert "(2026–2030)" not in res.output, res.output


def test_site_heading_shows_the_period_once(invoke, make_city, tmp_path):
    path = _city(make_city)
    out = tmp_path / "site"
    res = invoke("site", "-o", str(out), "--targets-dir", str(path.parent))
    assert res.exit_code == 0, res.output
    for lang in ("en", "zh"):
        html = (out / lang / "testcity" / "index.html").read_text(encoding="utf-8")
        # the targets are grouped by verdict; each row names its plan, the period once
        heading = re.search(r'<small class="plan">(.*?)</small>', html)[1]
        assert "2026" in heading and "(2026–2030)" not in heading, heading
