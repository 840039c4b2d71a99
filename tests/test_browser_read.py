"""The site read as a first-time visitor reads it, in headless Chromium at 1280 and 390 px:
every city page answers above the fold (its counts per verdict, equal to the JSON), chart text
is at least 11 CSS px, every part-year mark has its legend entry, compare charts share one
scale, no Chinese page has an English word outside ids, units, addresses and the language
switch, and the colours on every page reach their contrast ratio (4.5:1 for text, 3:1 for the
marks of a chart), computed here from the colours the browser resolved.

Fixtures (the browser, the built site, the screenshot folder, the tour that opens every page
once) are conftest's.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter

import pytest
from browser import PHONE, SCREENS
from conftest import TARGETS

CITIES = ("luoyang", "hebi", "jiaozuo", "pingdingshan", "henan")

ANSWER = """(() => {
  const counts = document.querySelector('.answer .counts');
  if (!counts) return null;
  const r = counts.getBoundingClientRect();
  return {bottom: r.bottom, fold: window.innerHeight, visible: r.height > 0,
          items: [...counts.querySelectorAll('.count')].map(c => c.innerText),
          asof: document.querySelectorAll('.answer .meta').length};
})()"""


# Colours as the browser resolved them: each visible text's colour and the background behind
# it, and each chart mark's stroke (or fill) against the white of the chart.
COLOURS = """(() => {
  const bg = el => {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (c && c !== 'transparent' && !c.endsWith(', 0)')) return c;
    }
    return 'rgb(255, 255, 255)';
  };
  const text = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const el = n.parentElement;
    if (!n.data.trim() || !el.getClientRects().length) continue;
    if (el.closest('svg')) {
      if (el.tagName === 'text') {
        text.push([getComputedStyle(el).fill, 'rgb(255, 255, 255)', n.data.trim().slice(0, 30)]);
      }
      continue;
    }
    text.push([getComputedStyle(el).color, bg(el), n.data.trim().slice(0, 30)]);
  }
  const marks = [];
  for (const el of document.querySelectorAll('svg circle, svg rect, svg polygon, svg line, svg polyline')) {
    if (el.matches('.bg, .grid') || !el.getClientRects().length) continue;
    const st = getComputedStyle(el);
    // a mark's colour: its fill, unless that is none or white (a hollow or separated mark)
    const c = st.fill && !['none', 'rgb(255, 255, 255)'].includes(st.fill) ? st.fill : st.stroke;
    marks.push([c, 'rgb(255, 255, 255)', el.tagName + '.' + el.getAttribute('class')]);
  }
  return {text, marks};
})()"""


def _rgb(css: str) -> tuple[float, float, float]:
    found = re.match(r"rgba?\((\d+), (\d+), (\d+)", css) or re.match(r"#(\w\w)(\w\w)(\w\w)", css)
    assert found, css
    base = 10 if css.startswith("rgb") else 16
    return tuple(int(g, base) / 255 for g in found.groups())  # type: ignore[return-value]


def contrast(a: str, b: str) -> float:
    """The WCAG 2 contrast ratio of two CSS colours."""
    def lum(c: str) -> float:
        r, g, bl = (x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in _rgb(c))
        return 0.2126 * r + 0.7152 * g + 0.0722 * bl
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula():
    assert contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(21)
    assert contrast("#E69F00", "#ffffff") == pytest.approx(2.25, abs=0.01)  # what was too pale
    assert contrast("#777777", "#ffffff") < 4.5 < contrast("#767676", "#ffffff")


@functools.cache
def _json(city: str) -> dict:
    from typer.testing import CliRunner

    from planck.cli import app

    res = CliRunner().invoke(app, ["check", city, "--format", "json", "--targets-dir",
                                   str(TARGETS)])
    return json.loads(res.stdout)


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}px")
def test_every_city_page_answers_above_the_fold(reader, site, shots, screen):
    for city in CITIES:
        expected = Counter(r["category"] or r["status"] for r in _json(city)["results"])
        for lang in ("en", "zh"):
            shot = (shots, f"answer-{lang}-{city}-{{width}}.png") if city == "luoyang" else None
            answer = reader(site / lang / city / "index.html", tuple(SCREENS), ANSWER,
                            shot)[screen]
            assert answer and answer["visible"], (lang, city)
            assert answer["bottom"] <= answer["fold"], (lang, city, screen, answer)
            assert answer["asof"] == 1, (lang, city)  # one as-of date on the page
            shown = Counter()
            for item in answer["items"]:
                n, label = item.rstrip(",，").split(None, 1)
                shown[label] += int(n)
            assert sorted(shown.values()) == sorted(expected.values()), (lang, city, shown)
            assert sum(shown.values()) == len(_json(city)["results"])


def _pages(folder, lang: str) -> list:
    """Every indicator and compare page of one language."""
    return sorted(p for p in (folder / lang).rglob("*.html")
                  if p.parent.name == "compare" or (p.parent.parent == folder / lang
                                                    and p.name != "index.html"))


def _charts_on_each_screen(tour, site):
    """(page, screen, the charts drawn) for every indicator and compare page on each screen,
    as the tour measured them (each page opened once, measured on the phone, then resized
    to the laptop and measured again)."""
    for lang in ("en", "zh"):
        for page in _pages(site, lang):
            visit = tour.get(page.relative_to(site).as_posix())
            assert visit is not None, f"no link leads to {page}"
            for screen in SCREENS:
                yield lang, page, screen, visit.charts[screen]


def test_chart_text_part_year_legend_and_shared_scale(tour, site):
    charts: Counter[tuple[int, int]] = Counter()
    partial: Counter[tuple[int, int]] = Counter()
    compared: Counter[tuple[int, int]] = Counter()
    for lang, page, screen, drawn in _charts_on_each_screen(tour, site):
        name = page.relative_to(site).as_posix()
        for chart in drawn:
            charts[screen] += 1
            assert min(chart["sizes"]) >= 11, (name, screen, min(chart["sizes"]))
            if chart["partial"]:
                partial[screen] += 1
                word = "part-year" if lang == "en" else "非全年"
                assert chart["partialKey"] == 1 and word in chart["legend"], (name, screen)
        if page.parent.name == "compare" and len(drawn) > 1:
            compared[screen] += 1
            assert len({tuple(c["ticks"]) for c in drawn}) == 1, (name, screen)
            # the same year at the same place (each chart also labels its own deadline)
            places: dict[str, set[str]] = {}
            for c in drawn:
                for item in c["years"]:
                    year, x = item.split("@")
                    places.setdefault(year, set()).add(x)
            assert all(len(xs) == 1 for xs in places.values()), (name, screen, places)
            assert sum(len(c["years"]) for c in drawn) > len(places), (name, screen)
    for screen in SCREENS:  # on each screen, as when each was a test of its own
        assert charts[screen] > 60 and partial[screen] >= 4 and compared[screen] >= 3, screen


#: Tokens that are not words: command-line options, web addresses and domain names
NOT_WORDS = re.compile(r"--[\w-]+|https?://\S+|[\w.-]+\.(?:cn|com|org|net|gov)\S*")


@pytest.mark.parametrize("screen", SCREENS[1:], ids=lambda s: f"{s[0]}px")
def test_no_english_word_on_a_chinese_page(tour, site, screen):
    """Each Chinese page's prose as the tour read it on the phone."""
    from planck.read.dataset import load_city

    assert screen == PHONE  # the screen the tour reads prose on

    ids: set[str] = set()
    units: set[str] = set()
    for city in CITIES:
        data = load_city(city, TARGETS)
        t = data.targets
        ids |= {city, t.city.id, *(x.id for x in t.targets), *(x.id for x in t.indicators),
                *(x.id for x in t.plans), *(x.id for x in t.sources)}
        units |= {x.unit for x in t.indicators}
        ids |= {f"{t.city.id}-{x.id}" for x in t.targets}
    seen = 0
    for page in sorted((site / "zh").rglob("*.html")):
        visit = tour.get(page.relative_to(site).as_posix())
        assert visit is not None and visit.prose is not None, f"no link leads to {page}"
        # the language switch (hreflang) and code spans (names of fields) are not prose
        text = NOT_WORDS.sub(" ", visit.prose)
        for token in sorted(ids, key=len, reverse=True):
            text = text.replace(token, " ")
        for unit in units:
            text = text.replace(unit, " ")
        words = re.findall(r"[A-Za-z]{2,}", text)
        assert not words, (page.relative_to(site).as_posix(), words[:10])
        seen += 1
    assert seen > 90


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}px")
def test_contrast_of_text_and_chart_marks(reader, site, screen):
    checked = Counter()
    for page in ("en/index.html", "zh/index.html", "en/luoyang/index.html",
                 "zh/luoyang/index.html", "en/henan/index.html", "en/luoyang/rd-intensity.html",
                 "en/luoyang/innovation-platforms.html", "zh/luoyang/high-tech-industry-share.html",
                 "en/compare/rd-intensity.html", "en/sources.html", "zh/methodology.html"):
        found = reader(site / page, tuple(SCREENS), COLOURS)[screen]
        for fg, bg, what in found["text"]:
            assert contrast(fg, bg) >= 4.5, (page, what, fg, bg, round(contrast(fg, bg), 2))
            checked["text"] += 1
        for fg, bg, what in found["marks"]:
            assert contrast(fg, bg) >= 3, (page, what, fg, round(contrast(fg, bg), 2))
            checked["marks"] += 1
    assert checked["text"] > 500 and checked["marks"] > 50
