"""The city report (``reports/<city>.md``): a pure function from a Report to markdown.

Sections: headline (as-of date, counts per status, plans), a table per plan, a chart per
indicator with annual figures, the sources with the quote behind every number, and a note on
the method. Same input, same bytes: nothing here reads the clock, the environment or files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from planck import operators
from planck.escape import url as safe_url
from planck.readable import amount, target
from planck.render.chart import chart, points_from_results
from planck.render.chartdata import ChartSpec, Point
from planck.render.chartdata import build as build_chart
from planck.render.context import Context
from planck.render.markdown import cell, escape, link_path, table, target_link
from planck.result import STATUSES, ObsRef, Report, Result

METHODOLOGY = "../docs/methodology.md"


@dataclass(frozen=True)
class Cited:
    """One number used in the report and the verbatim quote it comes from."""

    number: str
    used_for: str
    quote: str


@dataclass(frozen=True)
class Document:
    """A source document and every number the report takes from it."""

    title: str
    issuer: str | None = None
    doc_number: str | None = None
    date: date | None = None
    url: str | None = None
    cited: tuple[Cited, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """What the report shows beyond the results: documents and annual series by indicator.

    Built from the city's files by ``planck.write.reportfiles.evidence``; without it the report
    falls back to what the results carry (the target's quote and the latest observation).
    """

    documents: tuple[Document, ...] = ()
    series: dict[str, dict[int, float]] = field(default_factory=dict)
    #: the figures charted per indicator (annual and part-year, with their sources)
    points: dict[str, tuple[Point, ...]] = field(default_factory=dict)
    #: each target's ``pace`` field, for the trajectory of results without a pace
    paces: dict[str, str] = field(default_factory=dict)


def render_report(report: Report, ctx: Context, evidence: Evidence | None = None,
                  chart_dir: str | None = "charts", methodology: str | None = METHODOLOGY
                  ) -> str:
    """The whole report as markdown text, ending with one newline. Charts are linked as
    ``<chart_dir>/<indicator>.svg`` (``chart_specs`` gives what those files draw; None: no
    image links, the numbers only). ``methodology`` is the link to docs/methodology.md from
    where the report is written (None: named, not linked)."""
    ev = evidence or results_evidence(report, ctx.lang)
    out = _headline(report, ctx)
    for plan in report.plans:
        results = [r for r in report.results if r.plan == plan.id]
        if not results:
            continue
        out += [f"## {escape(ctx.names(plan.title_zh, plan.title_en, ' · '))} "
                f"({_period(plan)})", ""]
        out += table(report, ctx, results, ids=True) + [""]
    out += _charts(report, ev, ctx, chart_dir)
    out += _sources(ev, ctx)
    method = "docs/methodology.md" if methodology is None else (
        f"[docs/methodology.md]({link_path(methodology)})")
    out += [f"## {ctx.label('methodology')}", "", f"{ctx.label('method_note')} {method}.", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _headline(report: Report, ctx: Context) -> list[str]:
    city = ctx.names(report.name_zh, report.name_en)
    counts = report.summary
    out = [f"# {escape(city)} — {ctx.label('report_title')}, {ctx.label('as_of')} "
           f"{report.as_of.isoformat()}", "",
           f"<!-- {ctx.label('generated')} -->", "",
           f"**{ctx.label('as_of')} {report.as_of.isoformat()}** · "
           f"**{len(report.results)}** {ctx.label('targets')}", ""]
    shown = [s for s in STATUSES if counts.get(s)] or ["no_data"]
    out += ["| " + " | ".join(ctx.status(s) for s in shown) + " |",
            "|" + "|".join("--:" for _ in shown) + "|",
            "| " + " | ".join(str(counts.get(s, 0)) for s in shown) + " |", ""]
    out += [f"**{ctx.label('plans')}**", ""]
    for p in report.plans:
        n = sum(r.plan == p.id for r in report.results)
        noun = ctx.label("target_one" if n == 1 else "targets")
        out.append(f"- {escape(ctx.names(p.title_zh, p.title_en, ' · '))} "
                   f"({_period(p)}): {n} {noun}")
    files = [report.file, *report.measured]
    out += ["", " · ".join(f"[{escape(f)}]({link_path(f)})" for f in files if f), ""]
    return out


def _period(plan) -> str:
    return str(plan.start) if plan.start == plan.end else f"{plan.start}–{plan.end}"


def chart_specs(report: Report, ev: Evidence, ctx: Context) -> dict[str, ChartSpec]:
    """The chart of every indicator with at least one figure, by indicator id (file order)."""
    by_indicator: dict[str, list[Result]] = {}
    for r in report.results:
        by_indicator.setdefault(r.indicator, []).append(r)
    specs = {}
    for indicator, results in by_indicator.items():
        points = ev.points.get(indicator)
        if points is None:
            points = tuple(points_from_results(results))
        if not points:
            continue
        first = results[0]
        spec = build_chart(results, points, ctx.lang, ev.paces,
                           ctx.names(first.name, first.name_en))
        if spec is not None:
            specs[indicator] = spec
    return specs


def chart_files(report: Report, ctx: Context, evidence: Evidence | None = None
                ) -> dict[str, str]:
    """``<indicator>.svg`` → SVG text for every chart the report links."""
    from planck.render.svg import render as svg

    ev = evidence or results_evidence(report, ctx.lang)
    return {f"{ind}.svg": svg(spec, ind) for ind, spec in chart_specs(report, ev, ctx).items()}


def _charts(report: Report, ev: Evidence, ctx: Context, chart_dir: str | None) -> list[str]:
    out = [f"## {ctx.label('charts')}", ""]
    specs = chart_specs(report, ev, ctx)
    for indicator, spec in specs.items():
        out += [f"### {escape(spec.title)}", ""]
        out += chart(spec, None if chart_dir is None else f"{chart_dir}/{indicator}.svg", ctx)
    if not specs:
        out += [ctx.label("no_charts"), ""]
    return out


def _sources(ev: Evidence, ctx: Context) -> list[str]:
    out = [f"## {ctx.label('sources')}", ""]
    for i, doc in enumerate(ev.documents, 1):
        when = doc.date.isoformat() if doc.date else ctx.label("no_date")
        meta = [m for m in (doc.issuer, doc.doc_number, when) if m]
        out += [f"### {i}. {escape(doc.title)}", "", escape(" · ".join(meta))
                + _url(doc.url), ""]
        if doc.cited:
            out += [f"| {ctx.label('number')} | {ctx.label('used_for')} | "
                    f"{ctx.label('quote')} |", "|---|---|---|"]
            out += [f"| {cell(escape(c.number))} | {cell(c.used_for)} | {cell(escape(c.quote))} |"
                    for c in doc.cited]
            out.append("")
    return out


def _url(url: str | None) -> str:
    """An http(s) URL as a link; any other scheme (javascript:, file:) as plain text only."""
    if not url:
        return ""
    safe = safe_url(url)
    return f" · <{safe}>" if safe else f" · {escape(url)}"


def results_evidence(report: Report, lang: str = "en") -> Evidence:
    """Evidence from the results alone: target quotes and each latest observation."""
    docs: dict[str, dict] = {}

    def add(key: str, doc: Document, cited: Cited) -> None:
        entry = docs.setdefault(key, {"doc": doc, "cited": []})
        if cited not in entry["cited"]:
            entry["cited"].append(cited)

    series: dict[str, dict[int, float]] = {}
    for r in report.results:
        t = r.target
        add(f"t:{t.source}", Document(t.source_title, doc_number=t.doc_number),
            target_cited(r, lang))
        for o in (r.latest, r.latest_partial):
            if o is not None:
                add(f"o:{o.source}:{o.source_title}",
                    Document(o.source_title, date=o.source_date, url=o.url),
                    Cited(_as_given(o), r.indicator, o.quote))
        if operators.get(r.target.op).level_series and r.years:
            series.setdefault(r.indicator, dict(r.years))
    documents = tuple(Document(e["doc"].title, e["doc"].issuer, e["doc"].doc_number,
                               e["doc"].date, e["doc"].url, tuple(e["cited"]))
                      for e in docs.values())
    return Evidence(documents, series)


def _as_given(o: ObsRef) -> str:
    """The figure as its quote gives it (value and unit from the source), with its period."""
    if o.given_value is None or o.given_unit is None:
        return f"{amount(o.value, o.unit)} ({o.period})"
    return f"{amount(o.given_value, o.given_unit)} ({o.period})"


def target_cited(r: Result, lang: str = "en") -> Cited:
    """The line for a target's own quote: the promise, and the target it belongs to."""
    name = r.name if r.name_en in ("", r.name) else f"{r.name} / {r.name_en}"
    return Cited(target(r, lang), f"{target_link(r)} {escape(name)}",
                 r.target.quote)
