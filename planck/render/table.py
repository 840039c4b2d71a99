"""The terminal table (rich): readable at 80 columns, without colour when piped.

Every cell is plain ``Text`` (data never goes through rich markup, so ``[…]`` in a name is
kept), long cells fold onto more lines instead of being cut, and widths are counted in
terminal cells, so Chinese text stays aligned.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from planck.escape import log
from planck.render.context import Context
from planck.render.text import bar, baseline_text, latest_text, target_text
from planck.result import Report

if TYPE_CHECKING:
    from rich.console import JustifyMethod

_STYLE = {"met": "green", "missed": "bold red", "on_track": "green", "behind": "yellow",
          "off_track": "red", "regressing": "bold red", "no_data": "dim",
          "not_assessable": "dim"}

#: (label key, justify, min width, no_wrap). Key columns have a minimum width so they are
#: never squeezed to nothing; only the bar refuses to wrap (a split bar misleads).
COLUMNS = (("indicator", "left", 10, False), ("unit", "left", 2, False),
           ("baseline", "right", 6, False), ("latest", "right", 6, False),
           ("target", "left", 8, False), ("progress", "left", 10, True),
           ("status", "left", 6, False))


def bar_width(width: int) -> int:
    """Cells for the progress bar: full size on a wide terminal, short at 80 columns."""
    return 10 if width >= 110 else 4


def cells(report: Report, ctx: Context) -> list[list[str]]:
    """The table's rows as plain strings, one list per result (also used by tests)."""
    rows = []
    for r in report.results:
        rows.append([ctx.names(log(r.name), log(r.name_en), "\n"), log(r.unit), baseline_text(r),
                     latest_text(r, ctx.lang), log(target_text(r, ctx.lang)),
                     bar(r.percent_to_goal, bar_width(ctx.width)), ctx.status(r.status)])
    return rows


def _table(report: Report, ctx: Context):
    from rich.table import Table
    from rich.text import Text

    title = (f"{ctx.names(log(report.name_zh), log(report.name_en))} · {ctx.label('as_of')} "
             f"{report.as_of.isoformat()}")
    table = Table(title=Text(title), show_lines=False, expand=False, pad_edge=False,
                  collapse_padding=True)
    for key, justify, min_width, no_wrap in COLUMNS:
        table.add_column(ctx.label(key), justify=cast("JustifyMethod", justify), min_width=min_width,
                         no_wrap=no_wrap, overflow="fold")
    for r, row in zip(report.results, cells(report, ctx), strict=True):
        texts = [Text(c) for c in row]
        texts[-1].stylize(_STYLE[r.status])
        table.add_row(*texts)
    return table


def _summary(report: Report, ctx: Context) -> str:
    """Counts per status, wrapped between items so a symbol never parts from its word."""
    from rich.cells import cell_len

    items = [f"{ctx.label('summary')}:"] + [f"{ctx.status(s)} {n}"
                                           for s, n in report.summary.items() if n]
    lines = [items[0]]
    for item in items[1:]:
        sep = " " if lines[-1].endswith(":") else " · "
        if cell_len(lines[-1] + sep + item) > ctx.width:
            lines.append(item)
        else:
            lines[-1] += sep + item
    return "\n".join(lines)


def render(reports: Sequence[Report], ctx: Context) -> str:
    """Rich tables, one per city, exported as text (ANSI codes only when ``ctx.color``)."""
    from io import StringIO

    from rich.console import Console

    out = StringIO()
    console = Console(file=out, width=ctx.width, force_terminal=ctx.color,
                      color_system="standard" if ctx.color else None, no_color=not ctx.color,
                      highlight=False, emoji=False, markup=False, legacy_windows=False)
    for report in reports:
        console.print(_table(report, ctx))
        console.print(_summary(report, ctx), soft_wrap=True)
    return out.getvalue()
