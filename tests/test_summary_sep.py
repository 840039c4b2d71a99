"""Status counts never put the separator next to the no-data glyph ``·`` (issue 14): every
format joins its counts with the same comma (``render.context.COUNT_SEP``), so no summary line
in the terminal table, markdown, github, junit, csv, report or site reads ``· ·``."""

from __future__ import annotations

import re

import pytest
from conftest import TARGETS

from planck.render.context import COUNT_SEP, STATUS_SYMBOL

CITIES = ("hebi", "luoyang")  # both have met and no-data targets: ``✓ … 1, · no data 20``


def _clash(text: str) -> list[str]:
    return [line for line in text.splitlines() if re.search(r"·\s*·", line)]


def test_separator_is_no_status_glyph():
    for sep in COUNT_SEP.values():
        assert sep.strip() not in STATUS_SYMBOL.values()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("fmt", ["table", "markdown", "github", "junit", "csv"])
def test_check_formats_never_read_dot_dot(invoke, fmt, lang):
    for city in CITIES:
        extra = ["--annotate", "all"] if fmt == "github" else []
        res = invoke("check", city, "-f", fmt, "--lang", lang, "--targets-dir", str(TARGETS),
                     *extra)
        assert res.exit_code in (0, 1), res.output
        assert len(res.output.splitlines()) > 5, (city, fmt)
        assert _clash(res.output) == [], (city, fmt)


def test_markdown_summary_uses_the_count_separator(invoke):
    res = invoke("check", "hebi", "-f", "markdown", "--targets-dir", str(TARGETS))
    line = next(x for x in res.output.splitlines() if "no data:" in x and "met:" in x)
    assert COUNT_SEP["en"] + STATUS_SYMBOL["no_data"] + " no data" in line


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_report_and_site_never_read_dot_dot(invoke, tmp_path, lang):
    for city in CITIES:
        res = invoke("report", city, "-o", "-", "--lang", lang, "--targets-dir", str(TARGETS))
        assert res.exit_code == 0, res.output
        assert _clash(res.output) == [], city
    out = tmp_path / "site"
    res = invoke("site", "-o", str(out), "--targets-dir", str(TARGETS))
    assert res.exit_code == 0, res.output
    for page in (out / lang).rglob("*.html"):
        text = re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8"))
        assert _clash(text) == [], page.name
    index = re.sub(r"<[^>]+>", "", (out / lang / "index.html").read_text(encoding="utf-8"))
    # each count (its number first, then the verdict) ends in the separator before the next
    assert re.search(re.escape(COUNT_SEP[lang].strip()) + r"\s*\d+ " + re.escape(
        STATUS_SYMBOL["no_data"]), index), index
