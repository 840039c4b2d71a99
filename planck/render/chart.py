"""A report's chart of one indicator: a link to its SVG file and the numbers as a table.

The SVG itself is drawn by ``planck.render.svg`` from a ``chartdata.ChartSpec`` and written
beside the report (``reports/<city>/<indicator>.svg``), which GitHub and most markdown viewers
show as an image. The table under it is the chart's text alternative.
"""

from __future__ import annotations

from collections.abc import Sequence

from planck import operators
from planck.render.chartdata import LABELS, ChartSpec, Point, obs_point
from planck.render.context import Context
from planck.render.text import num
from planck.result import Result


def points_from_results(results: Sequence[Result]) -> list[Point]:
    """The figures a result carries (its annual series and latest part-year figure), for
    callers that have no observations at hand."""
    r = results[0]
    if not operators.get(r.target.op).level_series:
        return []
    pts = [obs_point(y, v) for y, v in sorted(r.evidence.years.items())]
    if r.evidence.latest_partial is not None:
        pts.append(obs_point(r.evidence.latest_partial.period, r.evidence.latest_partial.value,
                             r.evidence.latest_partial.source_title, partial=True))
    return pts


def _decimals(spec: ChartSpec) -> int:
    # The trajectory is a guide: shown no finer than the figures and the goal are stated.
    shown = [num(p.value) for p in spec.points] + [lv.text for lv in spec.levels]
    return max((len(t.split(".")[1]) for t in shown if "." in t), default=0)


def chart(spec: ChartSpec, href: str | None, ctx: Context) -> list[str]:
    """Markdown lines for one indicator: the image link (none when ``href`` is None: no
    chart file was written) and the table of its numbers."""
    from planck.render.markdown import cell, escape

    w = LABELS[ctx.lang]
    alt = escape(spec.title.replace("[", "(").replace("]", ")"))
    out = [f"![{alt}]({href})", ""] if href is not None else []
    columns: list[tuple[float, str]] = sorted({(p.x, p.period) for p in spec.points})
    known = {c for _, c in columns}
    for path in spec.paths:
        for x, _ in path.points:
            if x == int(x) and str(int(x)) not in known:
                known.add(str(int(x)))
                columns.append((x, str(int(x))))
    columns.sort()
    values = {p.period: p for p in spec.points}
    head = [f"{w['year']} ({cell(escape(spec.unit))})"] + [c for _, c in columns]
    marks = {"baseline": " ◼", "partial": " ◇", "estimate": " ○"}
    rows = [[w["values"]] + [num(values[c].value) + marks.get(values[c].kind, "")
                             if c in values else "" for _, c in columns]]
    digits = _decimals(spec)
    for path in spec.paths:
        at = dict(path.points)
        rows.append([f"{w['required']} `{path.target}`"]
                    + ["" if x not in at or "-" in c else num(round(at[x], digits))
                       for x, c in columns])
    out += ["| " + " | ".join(head) + " |", "|---" + "|--:" * len(columns) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    notes = [f"◼ {w['baseline']}"] if any(p.kind == "baseline" for p in spec.points) else []
    notes += [f"◇ {w['partial']}"] if any(p.kind == "partial" for p in spec.points) else []
    notes += [f"○ {w['estimate']}"] if any(p.kind == "estimate" for p in spec.points) else []
    return out + ([""] + [" · ".join(notes)] if notes else []) + [""]
