"""A target's unit is written once, where it belongs, in every format people read.

Every operator of the operator table × several units × every human-readable output that
shows a target (table, markdown, the report's table and its sources, github and junit
messages, explain, compare, the site's city and indicator pages, the XLSX export's Target
column). The rule
(``planck.readable``): the unit follows the number that is in it, once; a growth rate names
no unit; a table with its own Unit column has no unit in its Target cell.

"%" is checked against the same target in 家: the operator's own percent signs (a tolerance
``±2%``, a rate ``7.5%/yr``, a cut ``−12.5%``, ``90% of``) are in both texts, so the "%"
texts must hold exactly as many more "%" as the unit is expected to appear.
"""

from __future__ import annotations

import html
import re
from datetime import date
from types import SimpleNamespace
from urllib.parse import unquote

import pytest
from conftest import figure, result_of

from planck import operators
from planck.judge.compare import rows_for
from planck.operators import GoalInput
from planck.render import get
from planck.render.compare import render_markdown
from planck.render.context import LABELS, Context
from planck.render.explain import explain_text
from planck.render.report import render_report
from planck.result import PlanRef, Report, TargetRef
from planck.write.xlsx import _row as _xlsx_row

UNITS = ("%", "亿元", "家", "件/万人", "名")
_VALUE = {"level": 37.5, "change": 12.5, "factor": 2.0, "rate": 7.5, "percent": 12.5}


def _is_rate(op_name: str) -> bool:
    """A growth rate: its own (``annual_growth``) or against a reference's growth."""
    op = operators.get(op_name)
    return op.value_kind == "rate" or not op.reference_level


def _report(op_name: str, unit: str) -> Report:
    op = operators.get(op_name)
    ranged = op.shape == "range"
    value = None if ranged else _VALUE[op.value_kind]
    low, high = (12.5, 27.5) if ranged else (None, None)
    lv = op.goal(GoalInput(value=value, raw=value, low=low, high=high, base=25.0, years=5,
                           tol=op.tolerance, lower=op.lower("higher")))
    target = TargetRef(op=op_name, wording="原文", value=value, low=lv.low, high=lv.high,
                       unit=unit, goal=lv.goal, tolerance=op.tolerance,
                       reference="ref-indicator" if op.shape == "reference" else None,
                       source="plan", source_title="规划", doc_number=None, quote="引文")
    latest = figure(2023, 30.0, unit, source="b", source_title="公报",
                    source_date=date(2024, 3, 1), quote="引文2", file="t.measured.yaml", line=3)
    r = result_of(id="t-one", plan="p", indicator="ind", name="测试指标", name_en="Test indicator",
               unit=unit, direction="higher", deadline=2025, baseline_year=2020, baseline=25.0,
               target=target, latest=latest, latest_partial=None, status="behind", final=False,
               percent_to_goal=40.0, expected_progress=60.0, pace=None, above_range=False,
               reason="why", file="t.yaml", line=7, years={2020: 25.0, 2023: 30.0},
               reference_value=31.25 if op.shape == "reference" else None)
    plan = PlanRef(id="p", title_zh="规划", title_en="Plan", start=2021, end=2025)
    return Report(city="t", name_zh="测市", name_en="Tcity", as_of=date(2024, 6, 30),
                  plans=(plan,), results=(r,), file="t.yaml", measured=())


def _md_column(text: str, head: str, row_has: str = "") -> str:
    """The cell under ``head`` in the first markdown row below it (containing ``row_has``)."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if head in cells:
            col = cells.index(head)
            row = next(x for x in lines[i + 2:] if row_has in x)
            return [c.strip() for c in row.strip().strip("|").split("|")][col]
    raise AssertionError(f"no column {head!r} in\n{text}")


def _table(report: Report, lang: str) -> str:
    out = get("table")([report], Context(lang=lang, width=300, wide=True)).splitlines()
    head = re.split(r"\s{2,}", out[1].strip())
    row = next(x for x in out if x.startswith("one"))
    return re.split(r"\s{2,}", row.strip())[head.index(LABELS[lang]["target"].lower())
                                              if lang == "en" else head.index("目标")]


def _site(report: Report, lang: str, page: str) -> str:
    from planck.site.collect import CityView, IndicatorView
    from planck.site.pages import Site

    r = report.results[0]
    view = CityView("t", None, report, {"ind": IndicatorView("ind", r.name, r.name_en, r.unit,
                                                             (r,), (), {})})
    site = Site([view], lang, "")
    if page == "city":
        text = site._city_page(view)[1]
        m = re.search(r'<td class="target" data-label="(?:Target|目标)">(.*?)<br>', text)
    else:
        text = site._indicator_page(view, "ind")[1]
        m = re.search(r'<h2 id="t-one">(?:Target: |目标：)(.*?) · (?:due|期限) 2025</h2>', text)
    assert m, text
    return html.unescape(m[1])


def _compare(report: Report, lang: str) -> str:
    r = report.results[0]
    data = SimpleNamespace(targets=SimpleNamespace(indicators=[SimpleNamespace(
        id="ind", name_zh=r.name, name_en=r.name_en, unit=r.unit)]))
    ctx = Context(lang=lang)
    return _md_column(render_markdown("ind", rows_for(data, report, "ind", lang), ctx),
                      ctx.label("target"))


def _github(report: Report, lang: str) -> str:
    out = unquote(get("github")([report], Context(annotate_all=True)))
    return re.search(r", target (.*) by 2025 — ", out)[1]


def _junit(report: Report, lang: str) -> str:
    out = html.unescape(get("junit")([report], Context()))
    return re.search(r", target (.*), due 2025; ", out)[1]


def _explain(report: Report, lang: str) -> str:
    line = r"^  target +(.*), due 2025$" if lang == "en" else r"^  目标 +(.*)，期限 2025 年$"
    return re.search(line, explain_text(report, report.results[0], lang), re.M)[1]


def _markdown(report: Report, lang: str) -> str:
    return _md_column(get("markdown")([report], Context(lang=lang)), LABELS[lang]["target"])


def _report_table(report: Report, lang: str) -> str:
    return _md_column(render_report(report, Context(lang=lang)), LABELS[lang]["target"])


def _report_sources(report: Report, lang: str) -> str:
    return _md_column(render_report(report, Context(lang=lang)), LABELS[lang]["number"],
                      "`t-one`")


#: format → (its target text for the report, whether it sits beside a Unit column)
FORMATS = {
    "table": (_table, False),
    "markdown": (_markdown, True),
    "report table": (_report_table, True),
    "report sources": (_report_sources, False),
    "github": (_github, False),
    "junit": (_junit, False),
    "explain": (_explain, False),
    "compare": (_compare, False),
    "site city": (lambda rep, lang: _site(rep, lang, "city"), True),
    "site indicator": (lambda rep, lang: _site(rep, lang, "indicator"), False),
    "xlsx": (lambda rep, lang: _xlsx_row(rep.results[0], lang)[5], True),
}
ENGLISH_ONLY = ("github", "junit")  # their messages have no Chinese form


@pytest.mark.parametrize("fmt,lang", [(f, lang) for f in FORMATS for lang in ("en", "zh")
                                      if lang == "en" or f not in ENGLISH_ONLY])
@pytest.mark.parametrize("op", operators.NAMES)
def test_the_unit_is_written_once_in_its_place(op, fmt, lang):
    text_of, unit_column = FORMATS[fmt]
    expected = 0 if unit_column or _is_rate(op) else 1
    texts = {u: text_of(_report(op, u), lang) for u in UNITS}
    own_percents = texts["家"].count("%")  # the operator's own: tolerance, rate, cut, share
    for unit, text in texts.items():
        count = text.count(unit) - (own_percents if unit == "%" else 0)
        assert count == expected, (unit, text)
        assert "% %" not in text and "%%" not in text, text
        assert not re.search(r"\)\s*" + re.escape(unit), text), f"unit after a bracket: {text}"
        if expected:  # right after a number that is in the unit
            assert re.search(r"\d" + re.escape(unit if unit == "%" else f" {unit}"), text), text
        else:
            assert not re.search(r"%/(yr|年).*" + re.escape(unit), text), text


def test_growth_rates_read_as_rates():
    """``growth ≥ 7.5%/yr`` / ``年均增长 ≥ 7.5%``: never ``≥ 7.5%/yr 件``, and not the form of a
    per-year amount (``≥ 37.5%/yr``)."""
    growth = {lang: _markdown(_report("annual_growth", "件/万人"), lang) for lang in ("en", "zh")}
    assert growth == {"en": "growth ≥ 7.5%/yr (原文)", "zh": "年均增长 ≥ 7.5% (原文)"}
    per_year = _table(_report("per_year", "%"), "en")
    assert per_year == "≥ 37.5%/yr (原文)"
