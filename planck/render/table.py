"""The terminal table (rich): readable at 80 columns, without colour when piped."""

from __future__ import annotations

from collections.abc import Sequence

from ..result import Report
from .context import Context
from .text import bar, baseline_text, latest_text, target_text

_STYLE = {"met": "green", "missed": "bold red", "on_track": "green", "behind": "yellow",
          "off_track": "red", "regressing": "bold red", "no_data": "dim",
          "not_assessable": "dim"}


def _table(report: Report, ctx: Context):
    from rich.table import Table

    title = (f"{report.name_zh} {report.name_en} · {ctx.label('as_of')} "
             f"{report.as_of.isoformat()}")
    table = Table(title=title, show_lines=False, expand=False, pad_edge=False,
                  collapse_padding=True)
    # Key columns get a minimum width and never collapse to nothing; names fold instead.
    table.add_column(ctx.label("indicator"), overflow="fold", min_width=10)
    table.add_column(ctx.label("unit"), no_wrap=True, min_width=2)
    table.add_column(ctx.label("baseline"), justify="right", overflow="fold", min_width=6)
    table.add_column(ctx.label("latest"), justify="right", overflow="fold", min_width=6)
    table.add_column(ctx.label("target"), overflow="fold", min_width=8)
    table.add_column(ctx.label("progress"), no_wrap=True, min_width=10)
    table.add_column(ctx.label("status"), overflow="fold", min_width=6)
    for r in report.results:
        name = f"{r.name}\n{r.name_en}" if r.name_en != r.name else r.name
        bar_width = 10 if ctx.width >= 110 else 4
        table.add_row(name, r.unit, baseline_text(r), latest_text(r), target_text(r),
                      bar(r.percent_to_goal, bar_width),
                      f"[{_STYLE[r.status]}]{ctx.status(r.status)}[/]")
    return table


def _summary(report: Report, ctx: Context) -> str:
    counts = [f"{ctx.status(s)} {n}" for s, n in report.summary.items() if n]
    return f"{ctx.label('summary')}: " + " · ".join(counts)


def render(reports: Sequence[Report], ctx: Context) -> str:
    """Rich tables, one per city, exported as text (ANSI codes only when ``ctx.color``)."""
    from io import StringIO

    from rich.console import Console

    out = StringIO()
    console = Console(file=out, width=ctx.width, force_terminal=ctx.color,
                      color_system="standard" if ctx.color else None, no_color=not ctx.color,
                      highlight=False, emoji=False, legacy_windows=False)
    for report in reports:
        console.print(_table(report, ctx))
        console.print(_summary(report, ctx), markup=False)
    return out.getvalue()
