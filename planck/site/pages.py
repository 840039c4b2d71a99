"""The site's pages as text: ``{relative path: html}`` for both languages (pure: no writing).

Templates are Jinja2 with autoescaping on, so every name, quote and URL from the data is
escaped; the only markup let through unescaped is planck's own (SVG drawn by
``render.svg``, which escapes its strings, and the methodology rendered from docs/). A URL
becomes a link only when it is http(s).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from planck.readable import amount, num, period_suffix, target, unit_suffix
from planck.render.context import COUNT_SEP, LANGS, STATUS_LABEL, STATUS_SYMBOL
from planck.render.copyof import copy_text
from planck.render.text import baseline_text, latest_text
from planck.result import STATUSES, Result
from planck.site.collect import CityView
from planck.site.labels import LABELS

MARKER = ".planck-site"


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
    """Marks beside a status: the target's attribute (约束性/预期性), the result's flags
    (stale, overdue, provisional) and the stretch level (力争)."""
    out = [words[r.attribute]] if r.attribute in ("binding", "expected") else []
    out += [words[f] for f in ("stale", "overdue", "provisional") if getattr(r, f)]
    if r.stretch is not None:
        out.append(f"{words['stretch']} {num(r.stretch)}")
    return out


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v:.0f}%"


class Site:
    """Renders every page of one language."""

    def __init__(self, cities: Sequence[CityView], lang: str, methodology: str,
                 done: Callable[[], None] | None = None):
        from markupsafe import Markup

        self.cities, self.lang, self.md = cities, lang, methodology
        self.done = done or (lambda: None)
        self.L, self.env, self.Markup = LABELS[lang], _env(), Markup
        self.S = {s: f"{STATUS_SYMBOL[s]} {STATUS_LABEL[lang][s]}" for s in STATUSES}
        self.as_of = max((c.report.as_of for c in cities), default=None)
        self.shared = shared_indicators(cities)

    def page(self, template: str, path: str, **values) -> tuple[str, str]:
        depth = path.count("/")
        other = "zh" if self.lang == "en" else "en"
        text = self.env.get_template(template).render(
            lang=self.lang, L=self.L, S=self.S, sep=COUNT_SEP[self.lang],
            root="../" * depth, other_lang=other,
            other_href="../" * depth + other + path[len(self.lang):],
            as_of=self.as_of.isoformat() if self.as_of else "—", **values)
        self.done()
        return path, text

    def _bar(self, c: CityView) -> object:
        from planck.render.svg import status_bar

        counts = {s: n for s, n in c.report.summary.items() if n}
        return self.Markup(status_bar(counts, {s: self.S[s] for s in STATUSES},
                                      _names(c.report.name_zh, c.report.name_en, self.lang),
                                      f"bar-{c.id}"))

    def _city(self, c: CityView) -> dict:
        from planck.render.terms_text import category_counts_text

        counts = [(s, n) for s, n in c.report.summary.items() if n]
        return {"id": c.id, "name": _names(c.report.name_zh, c.report.name_en, self.lang),
                "as_of": c.report.as_of.isoformat(), "total": len(c.report.results),
                "counts": counts, "bar": self._bar(c),
                "categories": category_counts_text(c.report.categories, self.lang),
                "colon": "：" if self.lang == "zh" else ": "}

    def pages(self) -> list[tuple[str, str]]:
        return list(self.each_page())

    def each_page(self) -> Iterator[tuple[str, str]]:
        """(path, text) of every page, one at a time: the caller writes each and drops it."""
        lang = self.lang
        yield self.page("index.html", f"{lang}/index.html", title=self.L["home"],
                        cities=[self._city(c) for c in self.cities],
                        shared=[{"id": k, "cities": len(v),
                                 "name": self._ind_name(v[0], k)}
                                for k, v in self.shared.items()])
        for c in self.cities:
            yield self._city_page(c)
            for ind in c.indicators:
                yield self._indicator_page(c, ind)
        for k, v in self.shared.items():
            yield self._compare_page(k, v)
        yield self.page("sources.html", f"{lang}/sources.html", title=self.L["sources"],
                        cities=[self._sources(c) for c in self.cities])
        yield self.page("methodology.html", f"{lang}/methodology.html",
                        title=self.L["method"], body=self.Markup(self.md))

    def _ind_name(self, c: CityView, ind: str) -> str:
        v = c.indicators[ind]
        return _names(v.name, v.name_en, self.lang)

    def _city_page(self, c: CityView) -> tuple[str, str]:
        from planck.render.markdown import category_cell

        plans = []
        for p in c.report.plans:
            rows = [{"id": r.id, "indicator": r.indicator, "unit": r.unit,
                     "name": _names(r.name, r.name_en, self.lang),
                     "baseline": baseline_text(r), "latest": latest_text(r, self.lang),
                     "target": target(r, self.lang, unit=False), "to_goal": _pct(r.percent_to_goal),
                     "status": r.status, "flags": flags(r, self.L),
                     "category": category_cell(r, self.lang), "light": r.light or "none"}
                    for r in c.report.results if r.plan == p.id]
            if rows:
                title = _names(p.title_zh, p.title_en, self.lang)
                plans.append({"title": title + period_suffix(title, p.start, p.end),
                              "rows": rows})
        city = self._city(c)
        return self.page("city.html", f"{self.lang}/{c.id}/index.html", title=city["name"],
                         city=city, plans=plans)

    def _indicator_page(self, c: CityView, ind: str) -> tuple[str, str]:
        from planck.reasons import said
        from planck.render.explain import explain_text
        from planck.render.svg import render

        v = c.indicators[ind]
        figures = [{"period": o.period, "partial": o.partial, "value": amount(o.value, v.unit),
                    "source": o.source_title, "url": o.url, "date": o.source_date.isoformat(),
                    "quote": o.quote} for o in v.figures]
        targets = [{"id": r.id, "text": target(r, self.lang), "deadline": r.deadline,
                    "status": r.status, "reason": said(r.reason, self.lang),
                    "quote": r.target.quote,
                    "flags": flags(r, self.L),
                    "source": r.target.source_title + (f" ({r.target.doc_number})"
                                                       if r.target.doc_number else ""),
                    "explain": explain_text(c.report, r, self.lang)} for r in v.results]
        spec = v.spec(self.lang)
        svg = self.Markup(render(spec, f"c-{ind}")) if spec is not None else None
        title = _names(v.name, v.name_en, self.lang)
        return self.page("indicator.html", f"{self.lang}/{c.id}/{ind}.html", title=title,
                         city=self._city(c), ind=v, svg=svg, figures=figures, targets=targets,
                         compare=ind in self.shared)

    def _compare_page(self, ind: str, cities: list[CityView]) -> tuple[str, str]:
        from planck.judge.compare import rows_for
        from planck.render.svg import render

        rows, charts = [], []
        for c in cities:
            for row in rows_for(c.data, c.report, ind, self.lang):
                rows.append({"city": c.id, "city_name": _names(row.city_zh, row.city_en,
                                                                self.lang),
                             "target": row.target, "promise": row.promise,
                             "deadline": row.deadline,
                             "latest": "—" if row.latest is None else
                             f"{amount(row.latest, row.unit)} ({row.period})",
                             "to_goal": _pct(row.percent_to_goal), "status": row.status})
            spec = c.indicators[ind].spec(self.lang)
            if spec is not None:
                charts.append({"city": c.id, "svg": self.Markup(render(spec, f"c-{c.id}")),
                               "name": _names(c.report.name_zh, c.report.name_en, self.lang)})
        return self.page("compare.html", f"{self.lang}/compare/{ind}.html",
                         title=self._ind_name(cities[0], ind), indicator=ind, rows=rows,
                         charts=charts)

    def _sources(self, c: CityView) -> dict:
        data = c.data
        docs: dict[str, dict] = {}

        def doc(title, issuer=None, number=None, when=None, url=None, copy_of=None) -> dict:
            meta = " · ".join(m for m in (issuer, number, when.isoformat() if when else None)
                              if m)
            original = None if copy_of is None else {"text": copy_text(copy_of, self.lang),
                                                  "url": copy_of.url}
            return docs.setdefault(title, {"title": title, "url": url, "meta": meta,
                                           "original": original, "cited": []})

        def cite(d: dict, number: str, indicator: str, used: str, quote: str) -> None:
            item = {"number": number, "indicator": indicator, "used_for": used, "quote": quote}
            if quote and item not in d["cited"]:
                d["cited"].append(item)

        sources = {s.id: s for s in data.targets.sources}
        for s in data.targets.sources:
            doc(s.title, s.issuer, s.doc_number, s.date, s.url, s.copy_of)
        for r, t in zip(c.report.results, data.targets.targets, strict=True):
            s = sources[t.source]
            cite(doc(s.title), target(r, self.lang), r.indicator, r.id,
                 t.quote)
            if t.baseline is not None and t.baseline.quote:
                b = sources[t.baseline.source or t.source]
                unit = t.baseline.unit or r.unit
                value = "?" + unit_suffix(unit) if t.baseline.value is None else amount(
                    t.baseline.value, unit)
                cite(doc(b.title), f"{value} ({t.baseline.year})",
                     r.indicator, f"{r.id} · {self.L['baseline']}", t.baseline.quote)
        for ind, v in c.indicators.items():
            for o in sorted(v.figures, key=lambda o: (o.source_date, o.source_title)):
                cite(doc(o.source_title, when=o.source_date, url=o.url, copy_of=o.copy_of),
                     f"{amount(o.raw_value, o.unit)} ({o.period})", ind,
                     _names(v.name, v.name_en, self.lang), o.quote)
        return {"id": c.id, "name": _names(c.report.name_zh, c.report.name_en, self.lang),
                "documents": list(docs.values())}


def methodology_html(path: Path | None = None) -> str:
    """docs/methodology.md as HTML (raw HTML in it is shown as text, never passed through)."""
    from markdown_it import MarkdownIt

    here = Path(__file__).resolve().parent.parent
    candidates = [path] if path else [here / "_bundled" / "docs" / "methodology.md",
                                      here.parent / "docs" / "methodology.md"]
    for p in candidates:
        if p is not None and p.is_file():
            md = MarkdownIt("commonmark", {"html": False}).enable("table")
            return md.render(p.read_text(encoding="utf-8"))
    return "<p>docs/methodology.md is not installed with this copy of planck.</p>\n"


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
    md = methodology_html()
    for lang in LANGS:
        yield from Site(cities, lang, md, done).each_page()
    yield "index.html", _env().get_template("root.html").render(lang=default_lang,
                                                                L=LABELS[default_lang])
    yield MARKER, "This folder is written by `planck site`; it is replaced on every build.\n"

