"""The terminal table: one line per target, grouped by plan, verdicts first.

At 80 columns a row shows the target id (without the city prefix), the indicator in the chosen
language, the latest figure with its year, the target with its unit, a progress bar and the
status. Baseline, expected progress, deadline, attribute and plan appear as the terminal
widens (``ctx.wide`` shows them all, uncut). Text that does not fit is cut at a word boundary
and ends in ``…``; nothing is wrapped. Plain text without rich, so the default command starts
fast; ANSI colour only on the status and only when ``ctx.color``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from planck.frozen import frozen
from planck.readable import period_suffix
from planck.render import cells as C
from planck.render.context import STATUS_LABEL, STATUS_SYMBOL, Context, join_counts
from planck.render.fit import best_fit, cell_len, clean, cut, pad
from planck.render.text import baseline_text
from planck.result import Report, Result
from planck.words import section

#: Row order inside a plan: the verdicts that need attention first, no data last.
ORDER = ("missed", "off_track", "regressing", "behind", "on_track", "met", "not_assessable",
         "no_data")
_ANSI = {"met": "32", "missed": "1;31", "on_track": "32", "behind": "33", "off_track": "31",
         "regressing": "1;31", "no_data": "2", "not_assessable": "2"}
HEAD = section("table")
STALE, OVERDUE = "*", "!"


@frozen
class Col:
    """A column: how to get a row's cell variants (longest first), alignment and sizing."""

    key: str
    get: Callable[[Result, Context, str], list[str]]
    right: bool = False
    floor: int = 0  # shrinkable columns: the narrowest they get (0: never cut)
    comfort: int = 0  # width a shrinkable column gets before optional columns are added
    fit: Callable[[list[str], int], str] = best_fit  # how a cell's variants meet the width


def _status(r: Result, ctx: Context, _p: str) -> list[str]:
    text = f"{STATUS_SYMBOL[r.verdict.status]} {STATUS_LABEL[ctx.lang][r.verdict.status]}"
    return [text + (" " + OVERDUE if r.flags.overdue else "")]


def _latest(r: Result, ctx: Context, _p: str) -> list[str]:
    return [C.latest_short(r) + (" " + STALE if r.flags.stale else "")]


CORE = (
    Col("id", lambda r, c, p: [clean(r.id[len(p):])], floor=12, comfort=20),
    Col("indicator", lambda r, c, p: [C.indicator_name(r, c.lang)], floor=10, comfort=18),
    Col("latest", _latest, right=True),
    Col("target", lambda r, c, p: [C.target_long(r, c.lang), C.target_short(r, c.lang)],
        floor=10, comfort=99),
    Col("bar", lambda r, c, p: [C.mini_bar(r.progress.percent_to_goal, 10 if c.wide else 4,
                                           r.flags.bounds.get("percent_to_goal"))]),
    Col("status", _status),
)
OPTIONAL = (  # in the order they appear as the terminal widens
    Col("baseline", lambda r, c, p: [baseline_text(r)], right=True),
    Col("expected", lambda r, c, p: [C.percent(r.progress.expected_progress)], right=True),
    Col("deadline", lambda r, c, p: [str(r.deadline)], right=True),
    Col("attribute", lambda r, c, p: [C.attribute_text(r, c.lang)]),
    Col("plan", lambda r, c, p: [clean(r.plan)], floor=8, comfort=16),
    Col("category", lambda r, c, p: [_category(r, c.lang)]),
)


def _category(r: Result, lang: str) -> str:
    from planck.render.terms_text import category_text

    return category_text(r, lang)
def _mark(r: Result, ctx: Context, _p: str) -> list[str]:
    return [STATUS_SYMBOL[r.verdict.status] + (OVERDUE if r.flags.overdue else "")]


#: What a terminal too narrow for the core columns gives up, in this order, until the
#: narrowest forms fit: the bar (its percent stays), the indicator (the id names the target),
#: the status words (their symbol stays; the summary line spells them out).
NARROWER = (
    ("bar", Col("percent", lambda r, c, p: [C.percent(r.progress.percent_to_goal,
                                                      r.flags.bounds.get("percent_to_goal"))],
                right=True)),
    ("indicator", None),
    ("status", Col("mark", _mark)),
)
#: Left-to-right order of every column that is shown.
POSITION = ("id", "indicator", "plan", "attribute", "baseline", "latest", "target", "deadline",
            "bar", "percent", "expected", "category", "status", "mark")


def gap(ctx: Context) -> str:
    """Two spaces between columns; one on a narrow terminal, where every cell counts."""
    return " " if ctx.width < 100 and not ctx.wide else "  "




def _natural(col: Col, rows: list[list[str]], head: str) -> int:
    return max([cell_len(head)] + [cell_len(v[0]) for v in rows])


def _shortest(col: Col, rows: list[list[str]], head: str) -> int:
    """Width a column needs without cutting (its shortest variants)."""
    return max([cell_len(head)] + [cell_len(v[-1]) for v in rows])


def _id_col(ids: Sequence[str], prefix: str) -> Col:
    """The id column: the whole id, else its longest unambiguous form that fits among all the
    city's ``ids`` (a cut id must still name one target for ``planck explain``). The bare
    beginning (``h…``) is a last resort of the fit, not a form the layout plans for, so the
    column is not squeezed to it while optional columns are added."""
    forms = C.id_forms([clean(i[len(prefix):]) for i in ids])

    def get(r: Result, _c: Context, p: str) -> list[str]:
        whole = clean(r.id[len(p):])
        words = forms.get(whole, ())[:-1]
        return [whole, *words]

    def fit(variants: list[str], width: int) -> str:
        for v in [*variants, *forms.get(variants[0], ())[-1:]]:
            if cell_len(v) <= width:
                return v
        return cut(variants[0], width)

    return Col("id", get, floor=12, comfort=18, fit=fit)


def layout(results: Sequence[Result], ctx: Context, prefix: str,
           ids: Sequence[str] = ()) -> list[tuple[Col, int]]:
    """The columns to show and their widths for ``ctx.width`` (all of them, uncut, when wide);
    ``ids``: every target id of the city, when ``results`` is a filtered selection."""
    return _layout(results, ctx, prefix, ids)[0]


def _layout(results: Sequence[Result], ctx: Context, prefix: str, ids: Sequence[str] = ()
            ) -> tuple[list[tuple[Col, int]], dict[str, list[list[str]]]]:
    """``layout``, and the cell variants of every row (in ``results``' order) of each column
    it looked at: every column shown among them."""
    head = HEAD[ctx.lang]
    core = (_id_col(ids or [r.id for r in results], prefix),) + CORE[1:]
    # A column's cells are made when the layout first asks about it (an optional column
    # that never fits is never made), and each width is worked out once.
    data: dict[str, list[list[str]]] = {}
    needs: dict[tuple[str, str], int] = {}

    def need(col: Col, level: str) -> int:
        known = needs.get((col.key, level))
        if known is not None:
            return known
        rows = data.get(col.key)
        if rows is None:
            rows = data[col.key] = [col.get(r, ctx, prefix) for r in results]
        natural = _natural(col, rows, head[col.key])
        if not col.floor:
            needs[col.key, level] = natural
            return natural
        short = _shortest(col, rows, head[col.key])
        bound = {"floor": col.floor, "comfort": col.comfort, "natural": natural}[level]
        needs[col.key, level] = got = min(bound, natural) if level == "natural" else min(bound, short)
        return got

    if ctx.wide:
        cols = [c for c in core + OPTIONAL]
        return _ordered([(c, need(c, "natural")) for c in cols]), data
    gaps = len(gap(ctx))
    cols = list(core)
    for key, narrow in NARROWER:
        if sum(need(c, "floor") for c in cols) + gaps * (len(cols) - 1) <= ctx.width:
            break
        swap = {key: narrow} if narrow is not None else {}
        cols = [swap.get(c.key, c) for c in cols if c.key != key or narrow is not None]
    for extra in OPTIONAL:
        trial = cols + [extra]
        if sum(need(c, "comfort") for c in trial) + gaps * (len(trial) - 1) <= ctx.width:
            cols = trial
        else:
            break
    widths = {c.key: need(c, "floor") for c in cols}
    room = ctx.width - sum(widths.values()) - gaps * (len(cols) - 1)
    growing = [c for c in cols if c.floor]
    # Shrinkable columns grow a cell at a time, in turn; the target's wording comes last.
    stages = [("comfort", growing), ("natural", [c for c in growing if c.key != "target"]),
              ("natural", growing)]
    for level, group in stages:
        while room > 0:
            wants = [c for c in group if widths[c.key] < need(c, level)]
            if not wants:
                break
            for c in wants[:room]:
                widths[c.key] += 1
                room -= 1
    return _ordered([(c, widths[c.key]) for c in cols]), data


def _ordered(cols: list[tuple[Col, int]]) -> list[tuple[Col, int]]:
    return sorted(cols, key=lambda cw: POSITION.index(cw[0].key))


def _line(texts: list[str], cols: list[tuple[Col, int]], sep: str,
          paint: Callable[[str], str] = str) -> str:
    """Cells padded and joined; the last cell (the status) unpadded and painted."""
    head = [pad(t, w, c.right) for t, (c, w) in zip(texts[:-1], cols, strict=False)]
    return sep.join(head + [paint(texts[-1])]) if texts[-1] else sep.join(head).rstrip()


def row_cells(r: Result, cols: list[tuple[Col, int]], ctx: Context, prefix: str) -> list[str]:
    """One row's cell texts, each fitted to its column (also used by tests)."""
    return [c.fit(c.get(r, ctx, prefix), w) if c.floor else c.get(r, ctx, prefix)[0]
            for c, w in cols]


def summary(results: Sequence[Result], ctx: Context, width: int, label: str) -> str:
    """``58 targets: ↘ off track 2, ↗ on track 4, ✓ met 2, · no data 50`` on one line; with
    symbols only when the words do not fit. Commas separate items: ``·`` is a status glyph."""
    counts = {s: sum(r.verdict.status == s for r in results) for s in ORDER}
    present = [s for s in ORDER if counts[s]]
    words = join_counts((f"{STATUS_SYMBOL[s]} {STATUS_LABEL[ctx.lang][s]} {counts[s]}"
                         for s in present), ctx.lang)
    short = join_counts((f"{STATUS_SYMBOL[s]} {counts[s]}" for s in present), ctx.lang)
    n = len(results)
    noun = HEAD[ctx.lang]["target_one" if n == 1 else "targets"]
    lead = f"{label}{n} {noun}{section('punct')[ctx.lang]['label_sep']}"
    return best_fit([lead + words, lead + short], width)


def _group_title(report: Report, plan_id: str, ctx: Context) -> str:
    plan = next((p for p in report.plans if p.id == plan_id), None)
    if plan is None:
        return clean(plan_id)
    title = plan.title_en if ctx.lang == "en" and plan.title_en else plan.title_zh
    return f"{clean(plan.id)} · {clean(title + period_suffix(title, plan.start, plan.end))}"


def _colour(text: str, status: str, ctx: Context) -> str:
    return f"\x1b[{_ANSI[status]}m{text}\x1b[0m" if ctx.color else text


def sorted_results(results: Sequence[Result]) -> list[Result]:
    """Verdicts first (missed, off track, regressing, behind, then the rest), file order kept."""
    return sorted(results, key=lambda r: ORDER.index(r.verdict.status))


def render_one(report: Report, ctx: Context) -> list[str]:
    """One city's lines: title, column heads, then per plan a title, its rows and a summary."""
    head = HEAD[ctx.lang]
    prefix = C.id_prefix([r.id for r in report.results])
    (cols, data), sep = _layout(report.results, ctx, prefix, report.all_ids), gap(ctx)
    row_of = {id(r): n for n, r in enumerate(report.results)}
    width = ctx.width if not ctx.wide else sum(w for _, w in cols) + len(sep) * (len(cols) - 1)
    name = report.name_en if ctx.lang == "en" and report.name_en else report.name_zh
    title = f"{clean(report.name_zh)} {clean(name)}" if name != report.name_zh else clean(name)
    lines = [cut(f"{title} · {head['as_of']} {report.as_of.isoformat()}", width)]
    if not report.results:
        return lines + ["  " + head["none"]]
    lines.append(_line([head[c.key] for c, _ in cols], cols, sep))
    plans = list(dict.fromkeys(r.plan for r in report.results))
    for plan_id in plans:
        rows = sorted_results([r for r in report.results if r.plan == plan_id])
        lines.append(cut(_group_title(report, plan_id, ctx), width))
        for r in rows:
            n = row_of[id(r)]  # row_cells, from the cells the layout made
            texts = [c.fit(data[c.key][n], w) if c.floor else data[c.key][n][0] for c, w in cols]
            lines.append(_line(texts, cols, sep,
                               partial(_colour, status=r.verdict.status, ctx=ctx)))
        lines.append("  " + summary(rows, ctx, width - 2, ""))
    if len(plans) > 1:
        lines.append(summary(report.results, ctx, width, head["total"] + head["comma"]))
    lines += _categories(report, ctx, width)
    lines += _legend(report.results, ctx, width)
    return lines


def _categories(report: Report, ctx: Context, width: int) -> list[str]:
    """``categories: achieved early 2, lagging 1``: the evaluators' words, counted."""
    from planck.render.terms_text import category_counts_text

    text = category_counts_text(report.categories, ctx.lang)
    if not text:
        return []
    lead = HEAD[ctx.lang]["categories_lead"]
    return [cut(lead + text, width)]


def _legend(results: Sequence[Result], ctx: Context, width: int) -> list[str]:
    """What the row marks mean, only for marks that appear."""
    head, items = HEAD[ctx.lang], []
    if any(r.evidence.latest is None and r.evidence.latest_partial is not None for r in results):
        items.append(f"[…] {head['partial']}")
    if any(r.verdict.provisional and r.evidence.latest_partial is not None for r in results):
        items.append(f"{C.PROVISIONAL} {head['provisional']}")
    if any(r.flags.stale for r in results):
        items.append(f"{STALE} {head['stale']}")
    if any(r.flags.overdue for r in results):
        items.append(f"{OVERDUE} {head['overdue']}")
    return [cut("; ".join(items), width)] if items else []


def render(reports: Sequence[Report], ctx: Context) -> str:
    """Every city's compact table, a blank line between cities."""
    shown = [rep for rep in reports if rep.results] if len(reports) > 1 else list(reports)
    blocks = ["\n".join(render_one(rep, ctx)) for rep in shown or reports[:1]]
    return "\n\n".join(blocks) + "\n" if blocks else ""
