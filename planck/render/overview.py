"""``check --all`` at a glance: one line per city (targets per status, as-of date), then the
totals. ``--detail`` gives the full tables instead. Plain text, like the compact table."""

from __future__ import annotations

from collections.abc import Sequence

from planck.render.context import STATUS_LABEL, STATUS_SYMBOL, Context
from planck.render.fit import cell_len, clean, cut, pad
from planck.render.table import ORDER
from planck.result import Report
from planck.words import section

HEAD = section("overview")


def _name(report: Report, lang: str) -> str:
    if lang == "en" and report.name_en and report.name_en != report.name_zh:
        return f"{clean(report.name_zh)} {clean(report.name_en)}"
    return clean(report.name_zh)


def _counts(report: Report) -> dict[str, int]:
    out = dict.fromkeys(ORDER, 0)
    for r in report.results:
        out[r.verdict.status] += 1
    return out


def render(reports: Sequence[Report], ctx: Context) -> str:
    """The overview table; a count of 0 shows as ``-`` so the eye finds the others."""
    head = HEAD[ctx.lang]
    counts = [_counts(rep) for rep in reports]
    totals = {s: sum(c[s] for c in counts) for s in ORDER}
    n_width = max([3] + [len(str(totals[s])) for s in ORDER])
    fixed = [head["as_of"], head["targets"]] + [STATUS_SYMBOL[s] for s in ORDER]
    date_w, targets_w = 10, max(cell_len(head["targets"]), len(str(sum(totals.values()))))
    rest = 2 + date_w + 2 + targets_w + len(ORDER) * (1 + n_width)
    noun = head["city1"] if len(reports) == 1 else head["cities"]
    label = f"{head['total']} {len(reports)} {noun}"
    name_w = max(8, min(max([cell_len(head["city"]), cell_len(label)]
                            + [cell_len(_name(r, ctx.lang)) for r in reports]), ctx.width - rest))

    def line(name: str, as_of: str, total: str, cells: list[str]) -> str:
        return (pad(cut(name, name_w), name_w) + "  " + pad(as_of, date_w) + "  "
                + pad(total, targets_w, right=True)
                + "".join(" " + pad(c, n_width, right=True) for c in cells)).rstrip()

    def nums(c: dict[str, int]) -> list[str]:
        return [str(c[s]) if c[s] else "-" for s in ORDER]

    lines = [line(head["city"], fixed[0], fixed[1], fixed[2:])]
    for rep, c in zip(reports, counts, strict=True):
        lines.append(line(_name(rep, ctx.lang), rep.as_of.isoformat(), str(len(rep.results)),
                          nums(c)))
    lines.append(line(label, "", str(sum(totals.values())), nums(totals)))
    legend = [""]
    for item in (f"{STATUS_SYMBOL[s]} {STATUS_LABEL[ctx.lang][s]}" for s in ORDER):
        if legend[-1] and cell_len(legend[-1] + "  " + item) > ctx.width:
            legend.append("")
        legend[-1] += ("  " if legend[-1] else "") + item
    return "\n".join(lines + legend + _categories(reports, ctx, name_w, label)) + "\n"





def _categories(reports: Sequence[Report], ctx: Context, name_w: int, label: str) -> list[str]:
    """The same cities counted in the evaluators' categories (提前实现 … 滞后), one column
    each, headed by its number (the key below names them)."""
    from planck.render.terms_text import CATEGORY_LABEL
    from planck.result import CATEGORIES, LIGHTS

    counts = [{**rep.categories,
               **{k: sum(r.verdict.light == k for r in rep.results) for k in LIGHTS}}
              for rep in reports]
    keys = (*CATEGORIES, *LIGHTS)
    totals = {c: sum(n[c] for n in counts) for c in keys}
    heads = [f"C{i}" for i in range(1, len(CATEGORIES) + 1)] + list(HEAD[ctx.lang]["light_heads"])
    w = max([3] + [len(str(v)) for v in totals.values()])

    def line(name: str, cells: list[str]) -> str:
        return (pad(cut(name, name_w), name_w)
                + "".join(" " + pad(c, w, right=True) for c in cells)).rstrip()

    def nums(n: dict[str, int]) -> list[str]:
        return [str(n[c]) if n[c] else "-" for c in keys]

    head = HEAD[ctx.lang]["categories"]
    out = ["", line(head, heads)]
    out += [line(_name(rep, ctx.lang), nums(n)) for rep, n in zip(reports, counts, strict=True)]
    out.append(line(label, nums(totals)))
    key = [""]
    for item in (f"{h} {CATEGORY_LABEL[ctx.lang][c]}" for h, c in zip(heads[:len(CATEGORIES)], CATEGORIES,
                                                                       strict=True)):
        if key[-1] and cell_len(key[-1] + "  " + item) > ctx.width:
            key.append("")
        key[-1] += ("  " if key[-1] else "") + item
    lights = HEAD[ctx.lang]["lights_key"]
    return out + key + [lights]
