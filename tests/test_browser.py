"""The built site in a real browser (headless Chromium over the DevTools protocol): pages load
from file:// without console errors, every internal link resolves, each indicator page draws
one mark per figure, nothing overflows at 1280 and 390 px, no number, date, target or header
breaks inside a word at 1200 and 800 px, and hostile data stays text.

Skipped only outside CI when no Chromium is installed; under CI=true it must run (.ci/run
installs Debian's chromium when it is missing). Screenshots go to $PLANCK_SCREENSHOTS or a
temporary folder.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from browser import PAGE_FACTS, file_of
from site_fixture import BAD_URL, NAME, QUOTE, hostile_city

# Every whitespace-separated word of a header, number, date, unit, target, city-name or
# status-count cell must sit on one line (a Range over the word has one line box per line it
# spans), and so must every unbreakable span (class w).
BROKEN_WORDS = """(() => {
  const broken = [];
  for (const cell of document.querySelectorAll(
      'th, td.num, td.date, td.unit, td.target, td.name, td.counts')) {
    const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      for (const m of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(cell.tagName + '.' + cell.className + ': ' + m[0]);
      }
    }
  }
  // a span.w (a status with its count, a figure's date) is one unbreakable unit
  for (const w of document.querySelectorAll('.w')) {
    const tops = new Set([...w.getClientRects()].map(r => Math.round(r.top)));
    if (tops.size > 1) broken.push('span.w: ' + w.textContent);
  }
  return broken;
})()"""
# the number and target cells of the page (there must be some), and BROKEN_WORDS
CELLS_AND_BROKEN_WORDS = ("[document.querySelectorAll('td.num, td.target').length, "
                          + BROKEN_WORDS + "]")


def test_front_pages_load_without_console_errors(browser, site, shots):
    browser.width(1280)
    browser.open((site / "index.html").as_uri())  # the language chooser sends the reader on
    browser.wait_load()
    assert browser.js("location.href").endswith("/en/index.html") and browser.errors() == []
    for page in ("en/index.html", "zh/index.html", "en/luoyang/index.html",
                 "zh/luoyang/index.html"):
        browser.width(1280)
        browser.open((site / page).as_uri())
        assert browser.errors() == [], page
        assert browser.js("document.title") and browser.js("document.body.innerText.length") > 20
    assert browser.js("document.documentElement.lang") == "zh-Hans"


def test_crawl_links_charts_and_phone_width(tour, site):
    """Every page reached by links (the tour opens each on the phone): no console error, no
    script, every chart titled, nothing wider than the screen, one mark per figure, and every
    link leads to a file."""
    indicator_pages = 0
    for name, visit in tour.items():
        facts = visit.facts
        assert visit.errors == [], name
        assert facts["scripts"] == 0 and facts["titled"], name
        assert facts["scroll"] <= facts["client"] and not facts["wide"], (name, facts["wide"])
        if facts["figures"]:
            indicator_pages += 1
            assert facts["charts"] == 1 and facts["marks"] == facts["figures"], name
        for link in facts["links"]:
            parts = urlsplit(link)
            if parts.scheme != "file":
                assert parts.scheme in ("http", "https"), (name, link)
                continue
            assert file_of(link).is_file(), f"{name}: broken link {link}"
    # both languages, every city, indicator, compare, sources and methodology page
    assert len(tour) == len(list(site.rglob("*.html"))) - 1  # all but the root language chooser
    assert indicator_pages >= 20


# Each test below runs once per width; the reader opens each page once for both
SHOT_WIDTHS = (1280, 390)
CELL_WIDTHS = (1200, 800)


@pytest.mark.parametrize("width", SHOT_WIDTHS)
def test_screenshots_and_no_overflow(reader, site, shots, width):
    for page in ("en/index.html", "en/luoyang/index.html",
                 "en/luoyang/high-tech-enterprises.html", "zh/luoyang/rd-intensity.html",
                 "en/compare/high-tech-enterprises.html", "en/sources.html",
                 "en/methodology.html"):
        shot = (shots, f"{page.replace('/', '_')[:-5]}-{{width}}.png")
        facts = reader(site / page, tuple((w, 900) for w in SHOT_WIDTHS), PAGE_FACTS,
                       shot)[(width, 900)]
        assert facts["scroll"] <= facts["client"] and not facts["wide"], (page, facts["wide"])
    assert len(list(shots.glob(f"*-{width}.png"))) >= 7


@pytest.mark.parametrize("width", CELL_WIDTHS)
def test_no_cell_breaks_inside_a_word(reader, site, width):
    for page in ("en/index.html", "zh/index.html", "en/luoyang/index.html",
                 "zh/luoyang/index.html", "en/hebi/index.html", "en/jiaozuo/index.html",
                 "en/compare/high-tech-enterprises.html", "en/luoyang/rd-intensity.html"):
        cells, broken = reader(site / page, tuple((w, 900) for w in CELL_WIDTHS),
                               CELLS_AND_BROKEN_WORDS)[(width, 900)]
        assert cells, page
        assert broken == [], (page, width)


def test_hostile_data_is_text_in_the_dom(browser, tmp_path):
    from typer.testing import CliRunner

    from planck.cli import app

    targets = hostile_city(tmp_path)
    out = tmp_path / "site"
    res = CliRunner().invoke(app, ["site", "-o", str(out), "--targets-dir", str(targets),
                                   "--as-of", "2024-06-30"])
    assert res.exit_code == 0, res.output
    for page in ("en/index.html", "en/goldcity/index.html",
                 "en/goldcity/high-tech-enterprises.html", "en/sources.html"):
        browser.open((out / page).as_uri())
        assert browser.errors() == [], page
        assert browser.js("document.querySelectorAll('script, b').length") == 0, page
        hrefs = browser.js("[...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
        assert not [h for h in hrefs if "javascript" in h.lower()], page
        text = browser.js("document.body.innerText")
        assert NAME in text or page.endswith("sources.html"), page
        if page.endswith("high-tech-enterprises.html"):
            assert QUOTE in text
        if page.endswith("sources.html"):
            assert BAD_URL in text
