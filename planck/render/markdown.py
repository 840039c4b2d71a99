"""The markdown summary of ``planck check`` (fits ``$GITHUB_STEP_SUMMARY``)."""

from __future__ import annotations

from collections.abc import Sequence

from planck.escape import markdown as escape
from planck.readable import target
from planck.render.context import Context, join_counts
from planck.render.text import bar, baseline_text, flags_text, latest_text
from planck.result import Report, Result
from planck.words import section

__all__ = ["categories_line", "category_cell", "cell", "escape", "link_path", "render",
           "summary_line", "table", "target_link"]


def cell(text: str) -> str:
    """Escape what would break a markdown table cell (``escape`` data text first)."""
    return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def link_path(path: str) -> str:
    """A relative file path as a markdown link target: percent-encoded, so no space,
    parenthesis, angle bracket or line end from a file name ends the link. A ``file:`` URI
    (a file with no relative path from the report: another drive) is already encoded."""
    from urllib.parse import quote

    if path.startswith("file:///"):
        return quote(path, safe="/:._-~%")
    return quote(path, safe="/._-~")


def summary_line(report: Report, ctx: Context) -> str:
    """``✓ met: 1, · no data: 20``: commas, as in the terminal (`` · `` is a status glyph)."""
    return join_counts((f"{ctx.status(s)}: {n}" for s, n in report.summary.items() if n),
                       ctx.lang)


def bounded_bar(r: Result) -> str:
    """The progress bar, its figure marked ≥/≤ when it rests on a bound."""
    text = bar(r.progress.percent_to_goal)
    mark = {"lower": "≥", "upper": "≤"}.get(r.flags.bounds.get("percent_to_goal") or "")
    if mark is None or text == "—":
        return text
    head, _, figure = text.rpartition(" ")
    return f"{head} {mark}{figure.strip()}"


def categories_line(report: Report, ctx: Context) -> str:
    """``Categories: achieved early 2, lagging 1`` (empty when no result has a category)."""
    from planck.render.terms_text import category_counts_text

    text = category_counts_text(report.categories, ctx.lang)
    sep = section("punct")[ctx.lang]["label_sep"]
    return f"{ctx.label('categories')}{sep}{text}" if text else ""


def category_cell(r: Result, lang: str) -> str:
    """The category and light, and the catch-up pace where one is needed."""
    from planck.render.terms_text import catch_up_text, category_text

    need = catch_up_text(r, lang)
    sep = section("punct")[lang]["part_sep"]
    return category_text(r, lang) + (sep + need if need else "")


def target_link(r: Result) -> str:
    """The target id, linked to its line in the target file when the file is known."""
    if not r.file:
        return f"`{r.id}`"
    return f"[`{r.id}`]({link_path(r.file)}#L{r.line})"


def table(report: Report, ctx: Context, results=None, ids: bool = False) -> list[str]:
    """A markdown table of results (all of the report's by default); ``ids`` adds a first
    column with each target's id linked to its line in the target file."""
    cols = ["indicator", "unit", "baseline", "latest", "target", "progress", "expected",
            "status", "category"]
    align = ["---", "---", "--:", "--:", "---", "---", "--:", "---", "---"]
    if ids:
        cols, align = ["id", *cols], ["---", *align]
    lines = ["| " + " | ".join(ctx.label(c) for c in cols) + " |",
             "|" + "|".join(align) + "|"]
    for r in report.results if results is None else results:
        name = ctx.names(escape(r.name), escape(r.name_en), "<br>")
        share = r.progress.expected_progress
        expected = "—" if share is None else f"{share:.0f}%"
        row = [name, escape(r.unit), baseline_text(r), latest_text(r, ctx.lang),
               escape(target(r, ctx.lang, unit=False)), f"`{bounded_bar(r)}`", expected,
               ctx.status(r.verdict.status) + (f" ({flags})" if (flags := flags_text(r, ctx.lang))
                                       else ""), escape(category_cell(r, ctx.lang))]
        if ids:
            row.insert(0, target_link(r))
        lines.append("| " + " | ".join(cell(c) for c in row) + " |")
    return lines


def render(reports: Sequence[Report], ctx: Context) -> str:
    out: list[str] = []
    for report in reports:
        out += [f"### {escape(ctx.names(report.name_zh, report.name_en))} — {ctx.label('as_of')} "
                f"{report.as_of.isoformat()}", "", summary_line(report, ctx), ""]
        if categories_line(report, ctx):
            out += [categories_line(report, ctx), ""]
        out += table(report, ctx)
        out.append("")
    return "\n".join(out)
