"""``planck diff`` output: a terminal table, markdown (a review meeting's page) and JSON."""

from __future__ import annotations

from collections.abc import Sequence

from planck.escape import markdown as md
from planck.escape import strict_json
from planck.judge.changes import Change, Diff, Side
from planck.readable import amount
from planck.render.cells import id_prefix
from planck.render.context import STATUS_LABEL, STATUS_SYMBOL, Context
from planck.render.fit import cell_len, clean, cut, pad
from planck.words import section

WORDS = section("diff")


def _status(s: str | None, lang: str) -> str:
    if s is None:
        return "—"
    return f"{STATUS_SYMBOL[s]} {STATUS_LABEL[lang][s]}"


def _latest(side: Side, unit: str = "") -> str:
    """``3.03% (2024)``; without ``unit`` the figure alone (a narrow terminal)."""
    if side.value is None:
        return "—"
    return f"{amount(side.value, clean(unit) if unit else None)} ({clean(str(side.period))})"


def _percent(side: Side) -> str:
    return "—" if side.percent is None else f"{side.percent:.0f}%"


def _pair(before: str, after: str, changed: bool) -> str:
    return f"{before} ⇒ {after}" if changed else after


def cells(c: Change, lang: str, short: bool = False, units: bool = True) -> list[str]:
    """Status, latest and percent as ``before ⇒ after`` where they changed, else the value
    (``short``: the earlier status as its symbol only; ``units`` False: figures without their
    unit; both for a narrow terminal)."""
    was = _status(c.before.status, lang)
    if short and c.before.status is not None:
        was = STATUS_SYMBOL[c.before.status]
    unit = c.unit if units else ""
    return [_pair(was, _status(c.after.status, lang), "status" in c.changed),
            _pair(_latest(c.before, unit), _latest(c.after, unit), "latest" in c.changed),
            _pair(_percent(c.before), _percent(c.after), "percent" in c.changed)]


def _name(c: Change, lang: str) -> str:
    return clean(c.name_en if lang == "en" and c.name_en else c.name)


def _span(d: Diff, lang: str) -> str:
    """``2024-12-31 → 2026-06-30``, or the two data versions and the date(s) they are read at."""
    if d.from_rev is None:
        return f"{d.start.isoformat()} → {d.end.isoformat()}"
    w = WORDS[lang]
    to = clean(d.to_rev) if d.to_rev is not None else w["disk"]
    when = (d.end.isoformat() if d.start == d.end
            else f"{d.start.isoformat()} / {d.end.isoformat()}")
    return f"{clean(d.from_rev)} → {to} ({w['as_of']} {when})"


def _heading(d: Diff, lang: str) -> str:
    w = WORDS[lang]
    name = f"{d.name_zh} {d.name_en}" if lang == "en" and d.name_en != d.name_zh else d.name_zh
    return w["heading"].format(name=clean(name), span=_span(d, lang), changed=len(d.changes),
                               total=d.total)


def table(diffs: Sequence[Diff], ctx: Context) -> str:
    """One line per changed target; id and indicator cut at a word to fit the width."""
    w, blocks = WORDS[ctx.lang], []
    for d in diffs:
        lines = [cut(_heading(d, ctx.lang), ctx.width)]
        if not d.changes:
            blocks.append("\n".join(lines + ["  " + w["none"]]))
            continue
        lines += _rows(d, ctx)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _rows(d: Diff, ctx: Context) -> list[str]:
    """Head and rows. The id and indicator share what the figures leave; on a narrow terminal
    the earlier status shrinks to its symbol, then the indicator column goes (the id stays:
    it is what ``explain`` takes)."""
    w = WORDS[ctx.lang]
    prefix = id_prefix([c.id for c in d.changes])
    heads = [w["id"], w["indicator"], w["status"], w["latest"], w["percent"]]
    # what a narrower terminal gives up, in turn: the earlier status's words, the figures'
    # units, then the indicator column
    for short, units, with_name in ((False, True, True), (True, True, True),
                                    (True, False, True), (True, False, False)):
        rows = [[clean(c.id[len(prefix):]), _name(c, ctx.lang),
                 *cells(c, ctx.lang, short, units)] for c in d.changes]
        widths = [max(cell_len(x) for x in col) for col in zip(heads, *rows, strict=False)]
        room = ctx.width - sum(widths[2:]) - 2 * 4
        if room >= 28 or not with_name:
            break
    if not with_name:
        heads, rows = [heads[0], *heads[2:]], [[r[0], *r[2:]] for r in rows]
        widths = [max(12, room + 2), *widths[2:]]
    else:
        widths[0] = min(widths[0], max(12, room // 2))
        widths[1] = min(widths[1], max(10, room - widths[0]))
    names = 1 if not with_name else 2
    out = []
    for row in [heads, *rows]:
        texts = [cut(t, widths[i]) if i < names else t for i, t in enumerate(row)]
        out.append("  ".join(pad(t, widths[i]) for i, t in enumerate(texts)).rstrip())
    return out


def markdown(diffs: Sequence[Diff], ctx: Context) -> str:
    w, out = WORDS[ctx.lang], []
    for d in diffs:
        out.append(f"### {md(_heading(d, ctx.lang))}\n")
        if not d.changes:
            out.append(f"{w['none']}\n")
            continue
        out.append(f"| {w['id']} | {w['indicator']} | {w['status']} | {w['latest']} | "
                   f"{w['percent']} |\n|---|---|---|--:|--:|")
        for c in d.changes:
            row = [md(c.id), md(_name(c, ctx.lang)),
                   *(md(x) for x in cells(c, ctx.lang))]
            out.append("| " + " | ".join(x.replace("|", "\\|") for x in row) + " |")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def json_(diffs: Sequence[Diff], ctx: Context) -> str:
    doc = (diffs[0].as_dict() if len(diffs) == 1
           else {"schema": "planck.diffs/1", "diffs": [d.as_dict() for d in diffs]})
    return strict_json(doc, ensure_ascii=False, indent=2) + "\n"


def render(fmt: str, diffs: Sequence[Diff], ctx: Context) -> str:
    return {"table": table, "json": json_, "markdown": markdown}[fmt](diffs, ctx)
