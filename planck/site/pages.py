"""The site's pages as text: ``{relative path: html}`` for both languages (pure: no writing).

Templates are Jinja2 with autoescaping on, so every name, quote and URL from the data is
escaped; the only markup let through unescaped is planck's own (SVG drawn by
``render.svg``, which escapes its strings, and the methodology rendered from docs/). A URL
becomes a link only when it is http(s).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planck.readable import amount, period_suffix
from planck.render.context import COUNT_SEP, LANGS, STATUS_LABEL, STATUS_SYMBOL
from planck.result import STATUSES, Result
from planck.site.collect import CityView
from planck.site.labels import LABELS

if TYPE_CHECKING:
    from planck.render.chartdata import ChartSpec

MARKER = ".planck-site"
MARKER_TEXT = "This folder is written by `planck site`; it is replaced on every build.\n"


def is_web(url: object) -> bool:
    """Only http(s) addresses with a host become links (never javascript:, data:, file: …)."""
    return isinstance(url, str) and url == url.strip() and web_url(url) is not None


def web_url(url: object) -> str | None:
    """The link target for an http(s) address (``planck.escape.url``), else None."""
    from planck.escape import url as safe

    return safe(url) if isinstance(url, str) and url else None


def words(text: object):
    """Each space-separated word of ``text`` escaped in its own unbreakable span: a figure such
    as ``1,610 (2025-10, provisional)`` may wrap at its spaces but never inside ``2025-10``."""
    from markupsafe import Markup, escape

    return Markup(" ").join(Markup('<span class="w">%s</span>') % escape(w)
                            for w in str(text).split())


@lru_cache(maxsize=1)
def _env():
    """One environment per process: templates compile once for both languages."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("planck.site", "templates"), autoescape=True,
                      undefined=StrictUndefined, keep_trailing_newline=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["web"] = is_web
    env.filters["href"] = web_url
    env.filters["words"] = words
    return env


def _names(zh: str, en: str, lang: str) -> str:
    if not en or en == zh:
        return zh
    return f"{zh} {en}" if lang == "en" else zh


def flags(r: Result, words: dict[str, str]) -> list[str]:
    """Marks beside a verdict (``planck.site.rows.flags``)."""
    from planck.site.rows import flags as marks

    return marks(r, words)


def charts(spec, uid: str, shared=None) -> object:
    """The chart twice, wide for screens and narrow for phones (the page's CSS shows one),
    so a phone's text stays full size instead of being shrunk with the drawing."""
    from markupsafe import Markup

    from planck.render.svg import NARROW, WIDE, render

    return Markup(render(spec, uid, WIDE, shared) + render(spec, f"{uid}-n", NARROW, shared))


class Site:
    """Renders every page of one language."""

    def __init__(self, cities: Sequence[CityView], lang: str, methodology: str,
                 done: Callable[[], None] | None = None,
                 shared: dict[str, list[CityView]] | None = None):
        from markupsafe import Markup

        self.cities, self.lang, self.md = cities, lang, methodology
        self.done = done or (lambda: None)
        self.L, self.env, self.Markup = LABELS[lang], _env(), Markup
        self.S = {s: f"{STATUS_SYMBOL[s]} {STATUS_LABEL[lang][s]}" for s in STATUSES}
        self.shared = shared_indicators(cities) if shared is None else shared

    def page(self, template: str, path: str, stream: bool = False, **values
             ) -> tuple[str, Any]:
        """(path, text) of one page; ``stream``: the text in pieces as it is rendered (a
        page too large to hold whole, such as the sources of 3,000 cities)."""
        from planck.site.glossary import used

        depth = path.count("/")
        other = "zh" if self.lang == "en" else "en"
        terms = values.pop("terms", ([], []))
        values = dict(lang=self.lang, L=self.L, S=self.S, sep=COUNT_SEP[self.lang],
                      root="../" * depth, other_lang=other,
                      other_href="../" * depth + other + path[len(self.lang):],
                      glossary=used(*terms) if self.lang == "en" else [], **values)
        template_ = self.env.get_template(template)
        self.done()
        return path, template_.generate(**values) if stream else template_.render(**values)

    def _name(self, c: CityView) -> str:
        return _names(c.report.name_zh, c.report.name_en, self.lang)

    def _city(self, c: CityView) -> dict:
        from planck.render import verdicts
        from planck.render.svg import LIGHT_COLOURS, status_bar

        counts = verdicts.counts(c.report.results, self.lang)
        bar = status_bar({k: n for k, _label, _tone, n in counts},
                         {k: label for k, label, _tone, _n in counts}, self._name(c),
                         f"bar-{c.id}",
                         colours={k: LIGHT_COLOURS[tone] for k, _label, tone, _n in counts})
        return {"id": c.id, "name": self._name(c), "as_of": c.report.as_of.isoformat(),
                "total": len(c.report.results), "counts": counts, "bar": self.Markup(bar),
                "basis": verdicts.basis(c.report.results, c.report.as_of)}

    def pages(self) -> list[tuple[str, str]]:
        return list(self.each_page())

    def each_page(self) -> Iterator[tuple[str, str]]:
        """(path, text) of every page, one at a time: the caller writes each and drops it."""
        yield self.index_page([self._city(c) for c in self.cities],
                              [(k, len(v), self._ind_name(v[0], k))
                               for k, v in self.shared.items()])
        for c in self.cities:
            yield from self.own_pages(c)
        for k, v in self.shared.items():
            yield self._compare_page(k, v)
        yield self.sources_page([self._sources(c) for c in self.cities])
        yield self.method_page()

    def own_pages(self, c: CityView, compare: bool | None = None
                  ) -> Iterator[tuple[str, str]]:
        """The city's page and its indicator pages; ``compare``: whether they link to the
        compare page (default: when another city shares the indicator)."""
        yield self._city_page(c)
        for ind in c.indicators:
            yield self._indicator_page(c, ind, compare)

    def index_page(self, cities: Iterable[dict], shared: Iterable[tuple[str, int, str]],
                   stream: bool = False) -> tuple[str, Any]:
        """The front page: each city's ``index_entry`` and (id, cities, name) of each shared
        indicator."""
        return self.page("index.html", f"{self.lang}/index.html", stream, title=self.L["home"],
                         cities=cities, shared=[{"id": k, "cities": n, "name": name}
                                                for k, n, name in shared])

    def sources_page(self, cities: Iterable[dict], stream: bool = False
                     ) -> tuple[str, Any]:
        """The sources page from each city's ``sources_entry``."""
        return self.page("sources.html", f"{self.lang}/sources.html", stream,
                         title=self.L["sources"], cities=cities)

    def method_page(self) -> tuple[str, str]:
        return self.page("methodology.html", f"{self.lang}/methodology.html",
                         title=self.L["method"], body=self.Markup(self.md))

    def index_entry(self, c: CityView) -> dict:
        """What the front page shows of one city."""
        return self._city(c)

    def sources_entry(self, c: CityView) -> dict:
        """What the sources page shows of one city."""
        return self._sources(c)

    def _ind_name(self, c: CityView, ind: str) -> str:
        v = c.indicators[ind]
        return _names(v.name, v.name_en, self.lang)

    def _row(self, r: Result) -> dict:
        from planck.site.rows import row

        return row(r, self.lang, self.L, lambda r: _names(r.name, r.name_en, self.lang))

    @staticmethod
    def _terms(rows: list[dict], *more: str) -> tuple[list[str], list[str]]:
        """(units, texts) whose Chinese words the page's glossary explains."""
        return ([r["unit"] for r in rows],
                [f"{r['wording']} {r['target']} {' '.join(r['flags'])}" for r in rows]
                + list(more))

    def _city_page(self, c: CityView) -> tuple[str, str]:
        from planck.render import verdicts

        plans = {}
        for p in c.report.plans:
            title = _names(p.title_zh, p.title_en, self.lang)
            plans[p.id] = title + period_suffix(title, p.start, p.end)
        groups: list[dict] = []
        unjudged: list[dict] = []
        every: list[dict] = []
        for g in verdicts.groups(c.report.results, self.lang):
            rows = [self._row(r) | {"plan": plans.get(r.plan, r.plan)} for r in g.results]
            every += rows
            (unjudged if g.folded else groups).append(
                {"key": g.key, "label": g.label, "tone": g.tone, "rows": rows})
        city = self._city(c)
        return self.page("city.html", f"{self.lang}/{c.id}/index.html", title=city["name"],
                         city=city, groups=groups, unjudged=unjudged,
                         unjudged_n=sum(len(list(g["rows"])) for g in unjudged),
                         terms=self._terms(every, "进度 完成率"))

    def _indicator_page(self, c: CityView, ind: str, compare: bool | None = None
                        ) -> tuple[str, str]:
        from planck.readable import promise
        from planck.reasons import said
        from planck.render.explain import explain_text

        v = c.indicators[ind]
        figures = [{"period": o.period, "partial": o.partial, "value": amount(o.value, v.unit),
                    "source": o.source_title, "url": o.url, "date": o.source_date.isoformat(),
                    "quote": o.quote} for o in v.figures]
        targets = [self._row(r) | {
            "text": promise(r, self.lang), "reason": said(r.verdict.reason, self.lang),
            "quote": r.target.quote,
            "source": r.target.source_title + (f" ({r.target.doc_number})"
                                               if r.target.doc_number else ""),
            "explain": explain_text(c.report, r, self.lang)} for r in v.results]
        spec = v.spec(self.lang) if figures else None
        svg = charts(spec, f"c-{ind}") if spec is not None else None
        title = _names(v.name, v.name_en, self.lang)
        return self.page("indicator.html", f"{self.lang}/{c.id}/{ind}.html",
                         title=f"{title} · {self._name(c)}", heading=title,
                         city=self._city(c), ind=v, svg=svg, figures=figures, targets=targets,
                         compare=ind in self.shared if compare is None else compare,
                         terms=self._terms(targets, "进度 完成率"))

    def compare_part(self, c: CityView, ind: str) -> tuple[list[dict], ChartSpec | None]:
        """What the compare page of ``ind`` shows of one city: its rows and its chart's
        ``ChartSpec`` (None without figures)."""
        v = c.indicators[ind]
        rows = [self._row(r) | {"city": c.id, "city_name": self._name(c),
                                "as_of": c.report.as_of.isoformat()} for r in v.results]
        return rows, v.spec(self.lang) if v.figures else None

    def _compare_page(self, ind: str, cities: list[CityView]) -> tuple[str, str]:
        from planck.render.svg import extent, scale

        rows, specs = [], []
        for c in cities:
            part_rows, spec = self.compare_part(c, ind)
            rows += part_rows
            if spec is not None:
                specs.append((c.id, self._name(c), spec))
        # one scale for every chart: the same height means the same value, the same
        # place the same year
        xs = [x for _, _, s in specs for x in extent(s)[0]]
        vs = [v for _, _, s in specs for v in extent(s)[1]]
        shared = scale(xs, vs) if specs else None
        return self.compare_page(ind, self._ind_name(cities[0], ind),
                                 cities[0].indicators[ind].unit, rows, specs, shared,
                                 self._terms(rows))

    def compare_page(self, ind: str, title: str, unit: str, rows: Iterable[dict],
                     specs: Iterable[tuple[str, str, ChartSpec]], shared, terms,
                     stream: bool = False) -> tuple[str, Any]:
        """The compare page of ``ind``: every city's rows, then (city id, name, spec) of each
        chart, drawn on the one ``shared`` scale; ``terms`` for the glossary."""
        drawn = ({"city": cid, "svg": charts(spec, f"c-{cid}", shared), "name": name}
                 for cid, name, spec in specs)
        return self.page("compare.html", f"{self.lang}/compare/{ind}.html", stream,
                         title=f"{self.L['compare']}: {title}", heading=title, indicator=ind,
                         rows=rows, charts=drawn, terms=terms, unit=unit)

    def _sources(self, c: CityView) -> dict:
        from planck.site.sources import documents

        return {"id": c.id, "name": self._name(c),
                "documents": documents(c, self.lang, self.L["baseline"], _names)}


_CJK_BREAK = re.compile(
    r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”])\n[ \t]*(?=[\u3400-\u9fff\uff08“*])")


def methodology_html(path: Path | None = None, lang: str = "en") -> str:
    """docs/methodology.md (``lang`` zh: docs/methodology.zh.md) as HTML (raw HTML in it is
    shown as text, never passed through)."""
    from markdown_it import MarkdownIt

    here = Path(__file__).resolve().parent.parent
    name = "methodology.zh.md" if lang == "zh" else "methodology.md"
    candidates = [path] if path else [here / "_bundled" / "docs" / name,
                                      here.parent / "docs" / name]
    for p in candidates:
        if p is not None and p.is_file():
            md = MarkdownIt("commonmark", {"html": False}).enable("table")
            text = p.read_text(encoding="utf-8")
            if lang == "zh":  # a line break inside Chinese prose is no space
                text = _CJK_BREAK.sub("", text)
            # a markdown table's header cells head their columns
            return re.sub(r"<th(?=[ >])", '<th scope="col"', md.render(text))
    return f"<p>{LABELS[lang]['no_method']}</p>\n"


def shared_indicators(cities: Sequence[CityView]) -> dict[str, list[CityView]]:
    """Indicator ids used by more than one city (each gets a compare page), sorted."""
    uses: dict[str, list[CityView]] = {}
    for c in cities:
        for ind in c.indicators:
            uses.setdefault(ind, []).append(c)
    return {k: v for k, v in sorted(uses.items()) if len(v) > 1}


def page_count(cities: Sequence[CityView]) -> int:
    """How many pages ``render_site`` renders through ``Site.page`` (the progress bar's
    total): per language the index, each city's page and indicator pages, each compare
    page, sources and method."""
    per_lang = 3 + sum(1 + len(c.indicators) for c in cities) + len(shared_indicators(cities))
    return per_lang * len(LANGS)


def render_site(cities: Sequence[CityView], default_lang: str,
                done: Callable[[], None] | None = None) -> dict[str, str]:
    """Every file of the site, by relative path (both languages, a root page, the marker);
    ``done`` is called after each of the ``page_count`` pages."""
    return dict(sorted(site_files(cities, default_lang, done)))


def site_files(cities: Sequence[CityView], default_lang: str,
               done: Callable[[], None] | None = None) -> Iterator[tuple[str, str]]:
    """``render_site``'s files one at a time, (relative path, text), so the site is written
    page by page and never held whole (a later file of the same path replaces an earlier)."""
    for lang in LANGS:
        yield from Site(cities, lang, methodology_html(lang=lang), done).each_page()
    yield "index.html", _env().get_template("root.html").render(lang=default_lang,
                                                                L=LABELS[default_lang])
    yield MARKER, MARKER_TEXT



def without_compare(text: str, lang: str, city_name: str, ind: str) -> str:
    """An indicator page rendered with its link to the compare page, as the same page
    rendered without it (the indicator turned out to be the city's alone)."""
    from markupsafe import escape

    head = f'<a href="index.html">{escape(city_name)}</a>'
    link = f' · <a href="../compare/{escape(ind)}.html">{escape(LABELS[lang]["compare"])}</a>'
    at = text.index(head + link) + len(head)
    return text[:at] + text[at + len(link):]
