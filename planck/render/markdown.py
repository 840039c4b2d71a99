"""The markdown summary of ``planck check`` (fits ``$GITHUB_STEP_SUMMARY``)."""

from __future__ import annotations

from collections.abc import Sequence

from ..result import Report
from .context import Context
from .text import bar, baseline_text, latest_text, target_text


def cell(text: str) -> str:
    """Escape what would break a markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def summary_line(report: Report, ctx: Context) -> str:
    return " · ".join(f"{ctx.status(s)}: {n}" for s, n in report.summary.items() if n)


def table(report: Report, ctx: Context, results=None) -> list[str]:
    """A markdown table of results (all of the report's by default)."""
    cols = ["indicator", "unit", "baseline", "latest", "target", "progress", "expected",
            "status"]
    lines = ["| " + " | ".join(ctx.label(c) for c in cols) + " |",
             "|" + "|".join(["---", "---", "--:", "--:", "---", "---", "--:", "---"]) + "|"]
    for r in report.results if results is None else results:
        name = r.name if ctx.lang == "zh" and r.name_en == r.name else f"{r.name}<br>{r.name_en}"
        expected = "—" if r.expected_progress is None else f"{r.expected_progress:.0f}%"
        row = [name, r.unit, baseline_text(r), latest_text(r), target_text(r),
               f"`{bar(r.percent_to_goal)}`", expected, ctx.status(r.status)]
        lines.append("| " + " | ".join(cell(c) for c in row) + " |")
    return lines


def render(reports: Sequence[Report], ctx: Context) -> str:
    out: list[str] = []
    for report in reports:
        out += [f"### {report.name_zh} {report.name_en} — {ctx.label('as_of')} "
                f"{report.as_of.isoformat()}", "", summary_line(report, ctx), ""]
        out += table(report, ctx)
        out.append("")
    return "\n".join(out)
