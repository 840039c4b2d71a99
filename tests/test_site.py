"""``planck site``: escaping checked on the parsed DOM, links, one chart mark per figure,
byte-identical rebuilds, --check, and -o never replacing a folder planck did not write."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import TARGETS
from site_fixture import BAD_URL, INDICATOR, NAME, QUOTE, hostile_city

from planck.site.pages import is_web, web_url


class Dom(HTMLParser):
    """The parts of a page the tests look at: every element with its attributes, and the
    page's text as a browser would show it (entities decoded)."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def tags(self, name: str) -> list[dict]:
        return [a for t, a in self.elements if t == name]

    @property
    def all_text(self) -> str:
        return "".join(self.text)


@pytest.fixture(scope="module")
def bundled(bundled_site) -> Path:
    return bundled_site


def _pages(site: Path) -> dict[str, Dom]:
    return {p.relative_to(site).as_posix(): Dom(p.read_text(encoding="utf-8"))
            for p in site.rglob("*.html")}


def test_hostile_strings_are_text_never_markup_or_links(invoke, tmp_path):
    targets = hostile_city(tmp_path)
    out = tmp_path / "site"
    res = invoke("site", "-o", str(out), "--targets-dir", str(targets), "--as-of", "2024-06-30")
    assert res.exit_code == 0, res.stderr
    pages = _pages(out)
    for name, dom in pages.items():
        assert not dom.tags("script"), name
        assert not dom.tags("b"), name
        for a in dom.tags("a"):
            href = a.get("href", "")
            assert not href.strip().lower().startswith("javascript"), (name, href)
            assert is_web(href) or not urlsplit(href).scheme, (name, href)
    index = pages["en/index.html"]
    assert NAME in index.all_text
    page = pages["en/goldcity/high-tech-enterprises.html"]
    assert QUOTE in page.all_text and INDICATOR in page.all_text
    sources = pages["en/sources.html"]
    assert BAD_URL in sources.all_text
    assert BAD_URL not in [a.get("href") for d in pages.values() for a in d.tags("a")]
    # the raw text never holds the name unescaped (not even inside an attribute)
    raw = (out / "en" / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in raw and "&lt;script&gt;" in raw


def test_every_internal_link_resolves(bundled):
    pages = _pages(bundled)
    assert len(pages) > 50
    for name, dom in pages.items():
        for a in dom.tags("a") + dom.tags("link"):
            href = a.get("href", "")
            if is_web(href):
                continue
            if href.startswith("#"):  # the skip link and contents: an element of this page
                assert any(a.get("id") == href[1:] for _t, a in dom.elements), (name, href)
                continue
            target = unquote(urlsplit(href).path)
            path = posixpath.normpath(posixpath.join(posixpath.dirname(name), target))
            assert (bundled / path).is_file(), f"{name}: broken link {href}"


def test_each_indicator_page_has_one_mark_per_figure(bundled):
    checked = 0
    for name, dom in _pages(bundled).items():
        figures = [a for a in dom.tags("tr") if a.get("class") == "figure"]
        if name.count("/") != 2 or "/compare/" in name or name.endswith("index.html"):
            continue
        marks = [a for t, a in dom.elements if a.get("class") == "obs"]
        # the chart is drawn twice, wide and narrow (a phone's CSS shows the narrow one)
        assert len(marks) == 2 * len(figures), name
        assert dom.tags("svg") or not figures, name
        for svg in dom.tags("svg"):
            assert svg.get("role") == "img" and svg.get("aria-labelledby"), name
        checked += bool(figures)
    assert checked >= 10


def test_both_languages_link_to_each_other(bundled):
    en = (bundled / "en" / "luoyang" / "index.html").read_text(encoding="utf-8")
    zh = (bundled / "zh" / "luoyang" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../zh/luoyang/index.html"' in en and 'href="../../en/luoyang/index.html"' in zh
    assert 'lang="zh-Hans"' in zh and "截至" in zh and "Noto Sans CJK SC" in zh
    chart = (bundled / "zh" / "luoyang" / "rd-intensity.html").read_text(encoding="utf-8")
    assert "实测值" in chart and "应达轨迹" in chart and "required trajectory" not in chart
    assert "fonts.googleapis" not in en and "@font-face" not in en and "<script" not in en


def test_same_data_same_bytes_and_check(invoke, tmp_path, bundled):
    out = tmp_path / "again"
    assert invoke("site", "-o", str(out), "--targets-dir", str(TARGETS)).exit_code == 0
    files = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(bundled) for p in bundled.rglob("*") if p.is_file())
    for rel in files:
        assert (out / rel).read_bytes() == (bundled / rel).read_bytes(), rel
    check = ["site", "--check", "-o", str(out), "--targets-dir", str(TARGETS)]
    assert invoke(*check).exit_code == 0
    page = out / "en" / "luoyang" / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + " ", encoding="utf-8")
    res = invoke(*check)
    assert res.exit_code == 1 and "luoyang/index.html: out of date" in res.stderr
    # the rebuild it suggests is this site's own command (folder, data, language)
    zh = invoke(*check, "--lang", "zh")
    assert f"(rebuild with `planck site -o {out} --lang zh --targets-dir {TARGETS}`)" in zh.stderr
    page.unlink()
    (out / "stray.html").write_text("x", encoding="utf-8")
    res = invoke(*check)
    assert res.exit_code == 1 and "missing" in res.stderr and "not part of the site" in res.stderr
    # a rebuild replaces the folder as a whole: the stray file is gone
    assert invoke("site", "-o", str(out), "--targets-dir", str(TARGETS)).exit_code == 0
    assert not (out / "stray.html").exists() and invoke(*check).exit_code == 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".again")]


def test_refuses_a_folder_it_did_not_write(invoke, tmp_path):
    mine = tmp_path / "docs"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    res = invoke("site", "-o", str(mine), "--targets-dir", str(TARGETS))
    assert res.exit_code == 2 and "not written by planck site" in res.stderr
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
    file = tmp_path / "file.html"
    file.write_text("x", encoding="utf-8")
    res = invoke("site", "-o", str(file), "--targets-dir", str(TARGETS))
    assert res.exit_code == 2 and file.read_text(encoding="utf-8") == "x"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert invoke("site", "-o", str(empty), "--targets-dir", str(TARGETS)).exit_code == 0
    assert (empty / ".planck-site").is_file()


def test_only_web_addresses_are_links():
    assert is_web("https://example.org/a?b=1") and is_web("http://x.cn")
    for url in ("javascript:alert(1)", " https://x.org", "JAVASCRIPT:x", "data:text/html,x",
                "file:///etc/passwd", "//evil.org", "https://", None, ""):
        assert not is_web(url), url
    # a web address is a link, with what could break out of the attribute percent-encoded
    assert web_url('https://x.org/a b"<c>') == "https://x.org/a%20b%22%3Cc%3E"


def test_invalid_city_is_refused_with_positions(invoke, tmp_path):
    targets = tmp_path / "targets"
    targets.mkdir()
    (targets / "bad.yaml").write_text("planck: 1\ncity: [\n", encoding="utf-8")
    res = invoke("site", "-o", str(tmp_path / "site"), "--targets-dir", str(targets))
    assert res.exit_code == 2 and "bad.yaml:" in res.stderr
    assert not (tmp_path / "site").exists()


def test_flags_show_attribute_stale_provisional_and_stretch():
    from dataclasses import replace

    from test_render import sample_report

    from planck.site.labels import LABELS
    from planck.site.pages import flags

    first = sample_report().results[0]
    plain = replace(first, attribute=None, stretch=None,
                    flags=replace(first.flags, stale=False, overdue=False),
                    verdict=replace(first.verdict, provisional=False))
    assert flags(plain, LABELS["en"]) == []
    r = replace(plain, attribute="binding", stretch=3500.0,
                flags=replace(plain.flags, stale=True),
                verdict=replace(plain.verdict, provisional=True))
    assert flags(r, LABELS["en"]) == ["binding (约束性)", "old figure", "provisional",
                                      "stretch (力争) 3,500"]
    assert flags(r, LABELS["zh"])[0] == "约束性"


def test_lang_picks_the_front_page_and_as_of_comes_from_the_option(invoke, tmp_path):
    out = tmp_path / "site"
    args = ["site", "-o", str(out), "--targets-dir", str(TARGETS)]
    assert invoke(*args, "--lang", "zh", "--as-of", "2024-06-30").exit_code == 0
    root = (out / "index.html").read_text(encoding="utf-8")
    assert 'url=zh/index.html' in root and 'lang="zh-Hans"' in root
    index = Dom((out / "en" / "index.html").read_text(encoding="utf-8")).all_text
    assert "2024-06-30" in index and "2026-" not in index
    res = invoke(*args, "--lang", "fr")
    assert res.exit_code == 2 and (out / "zh" / "index.html").is_file()


def test_titles_name_the_page_and_header_cells_their_scope(bundled):
    import re

    titles: dict[str, str] = {}
    for name, dom in _pages(bundled).items():
        if name == "index.html":
            continue
        raw = (bundled / name).read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", raw, re.S)[1]
        assert title not in titles, (name, titles.get(title))  # no two pages share one
        titles[title] = name
        assert all(th.get("scope") in ("col", "row") for th in dom.tags("th")), name
        assert 'href="#main"' in raw and 'id="main"' in raw, name  # the skip link
    city = (bundled / "en" / "hebi" / "high-tech-enterprises.html").read_text(encoding="utf-8")
    assert "鹤壁市" in re.search(r"<title>(.*?)</title>", city)[1]
