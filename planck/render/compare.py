"""``planck compare`` output: one indicator across cities as a terminal table, markdown or JSON.

The terminal table is plain text like ``planck check``'s: one line per row (a city's target,
or the city alone when it has no target on the indicator), text cut at a word and ended with
``…``, never wrapped. A narrow terminal gives up the bar (its percent stays) and a space
between columns, then the English city names, then the status words (the symbol stays), and
cuts ids, promises and city names at a word to fit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from planck.escape import strict_json
from planck.judge.compare import SCHEMA, Row
from planck.render.cells import mini_bar, percent, unit_suffix
from planck.render.context import STATUS_SYMBOL, Context
from planck.render.fit import cell_len, clean, cut, pad
from planck.render.text import bar, num

KEYS = ("city", "as_of", "id", "target", "due", "latest", "progress", "status")
#: Columns whose text may be cut to fit: the width they keep while a narrower form of the
#: table is left to try, and the narrowest they ever get.
COMFORT = {"id": 18, "target": 16}
FLOOR = {"id": 10, "target": 8, "city": 6}
RIGHT = frozenset({"due", "latest"})


def _latest(row: Row) -> str:
    if row.latest is None:
        return "—"
    return f"{num(row.latest)}{unit_suffix(row.unit)} ({clean(str(row.period))})"


def _cells(row: Row, ctx: Context, narrow: int = 0, terminal: bool = True) -> list[str]:
    """A row's cells in KEYS order. ``narrow`` 1: the bar becomes its percent; 2: the city
    keeps only its Chinese name; 3: the status only its symbol. The terminal bar is 4 cells,
    markdown's 6."""
    status = ("—" if row.status is None else STATUS_SYMBOL[row.status] if narrow >= 3
              else ctx.status(row.status))
    city = row.city_zh if narrow >= 2 else ctx.names(row.city_zh, row.city_en)
    progress = (percent(row.percent_to_goal) if narrow >= 1
                else mini_bar(row.percent_to_goal, 4) if terminal
                else bar(row.percent_to_goal, 6))
    return [clean(city), row.as_of.isoformat(), clean(row.target or "—"),
            clean(row.promise or "—"), "—" if row.deadline is None else str(row.deadline),
            _latest(row), progress, status]


def _heads(ctx: Context) -> list[str]:
    return [ctx.label(k) for k in KEYS]


def _title(indicator: str, rows: Sequence[Row], ctx: Context) -> str:
    return f"{ctx.names(rows[0].name, rows[0].name_en)} ({indicator})"


def _shrink(widths: list[int], over: int, floors: dict[str, int]) -> int:
    """Take ``over`` cells from the columns in ``floors``, a cell at a time from the widest
    (so an id and a promise are cut alike), none below its floor; what is left over."""
    while over > 0:
        room = [(widths[KEYS.index(k)] - f, KEYS.index(k)) for k, f in floors.items()]
        spare, i = max(room)
        if spare <= 0:
            break
        widths[i] -= 1
        over -= 1
    return over


def render_table(indicator: str, rows: Sequence[Row], ctx: Context) -> str:
    """One line per row; columns cut at a word to fit ``ctx.width``."""
    heads = _heads(ctx)
    for narrow in range(4):
        sep = "  " if narrow == 0 else " "
        table = [heads if narrow < 3 else heads[:-1] + [""]] + \
            [_cells(r, ctx, narrow) for r in rows]
        widths = [max(cell_len(row[i]) for row in table) for i in range(len(KEYS))]
        over = sum(widths) + len(sep) * (len(KEYS) - 1) - ctx.width
        # each narrower form is tried before an id or a promise is cut below a readable width
        over = _shrink(widths, over, COMFORT if narrow < 3 else FLOOR)
        if over <= 0:
            break
    lines = [cut(clean(_title(indicator, rows, ctx)), ctx.width)]
    for n, row in enumerate(table):
        cells = [cut(c, widths[i]) for i, c in enumerate(row)]
        lines.append(sep.join(pad(c, widths[i], KEYS[i] in RIGHT and n > 0)
                              for i, c in enumerate(cells)).rstrip())
    return "\n".join(lines) + "\n"


def render_markdown(indicator: str, rows: Sequence[Row], ctx: Context) -> str:
    from planck.render.markdown import cell, escape

    out = [f"### {escape(_title(indicator, rows, ctx))}", "",
           "| " + " | ".join(_heads(ctx)) + " |", "|" + "---|" * len(_heads(ctx))]
    out += ["| " + " | ".join(cell(escape(c)) for c in _cells(r, ctx, terminal=False)) + " |"
            for r in rows]
    return "\n".join(out) + "\n"


def render_json(indicator: str, rows: Sequence[Row], ctx: Context) -> str:
    doc = {"schema": SCHEMA, "indicator": indicator, "rows": [asdict(r) for r in rows]}
    return strict_json(doc, ensure_ascii=False, indent=2) + "\n"


def render(fmt: str, indicator: str, rows: Sequence[Row], ctx: Context) -> str:
    """The comparison in one of compare's formats (planck.choices.FORMATS)."""
    return {"table": render_table, "markdown": render_markdown,
            "json": render_json}[fmt](indicator, rows, ctx)
