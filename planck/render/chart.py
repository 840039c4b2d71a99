"""Trajectory charts as Mermaid ``xychart-beta`` blocks, which GitHub renders natively.

One chart per indicator: bars for the baseline and the measured annual values, one line per
target for the required trajectory (a straight line from the baseline to the goal at the
deadline). Text only: no network, no browser, no image files. Each chart is followed by the
same numbers as a small table, for readers whose viewer does not draw Mermaid.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from planck import operators
from planck.render.context import Context
from planck.render.text import num
from planck.result import Result


@dataclass(frozen=True)
class Line:
    """One target's line: from (start_year, start) to (deadline, goal), or flat at goal."""

    target: str
    start_year: int | None
    start: float | None
    deadline: int
    goal: float

    def at(self, year: int) -> float | None:
        if self.start is None or self.start_year is None:
            return self.goal
        if year < self.start_year or year > self.deadline:
            return None
        share = (year - self.start_year) / (self.deadline - self.start_year)
        return self.start + (self.goal - self.start) * share


def lines_for(results: Sequence[Result]) -> list[Line]:
    """The required trajectory of every target that has a goal in the indicator's unit."""
    out = []
    for r in results:
        # an operator whose goal is not a level of the indicator (a ratio to another
        # indicator) has no trajectory in the indicator's unit
        if r.target.goal is None or not operators.get(r.target.op).trajectory:
            continue
        has_start = r.baseline is not None and r.baseline_year is not None \
            and r.baseline_year < r.deadline
        out.append(Line(r.id, r.baseline_year if has_start else None,
                        r.baseline if has_start else None, r.deadline, r.target.goal))
    return out


def plain(v: float) -> str:
    """A number as Mermaid reads it: no grouping, at most 4 decimals."""
    text = f"{round(v, 4):.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def nice_ceiling(v: float) -> float:
    """The next 1, 2, 2.5 or 5 × 10^k at or above ``v`` (a round top for the y axis)."""
    if v <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(v))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= v - 1e-12:
            return step * power
    return 10 * power


def _quoted(text: str) -> str:
    # Mermaid strings cannot contain a double quote; the full-width one reads the same.
    return '"' + text.replace('"', "＂").replace("\n", " ") + '"'


def chart(results: Sequence[Result], series: dict[int, float], ctx: Context) -> list[str]:
    """Markdown lines for one indicator's chart (empty when there is nothing to draw)."""
    if not results or not series:
        return []
    first = results[0]
    lines = lines_for(results)
    base = {r.baseline_year: r.baseline for r in results
            if r.baseline is not None and r.baseline_year is not None}
    points = {**base, **series}  # a measured value wins over a stated baseline of that year
    years_used = set(points) | {ln.deadline for ln in lines}
    years_used |= {ln.start_year for ln in lines if ln.start_year is not None}
    years = list(range(min(years_used), max(years_used) + 1))
    paths = [[ln.at(y) for y in years] for ln in lines]
    values = [v for v in points.values()] + [v for p in paths for v in p if v is not None]
    low = min(0.0, min(values))
    top = nice_ceiling(max(values) * 1.05) if max(values) > 0 else 1.0
    title = ctx.names(first.name, first.name_en)
    out = ["```mermaid", "xychart-beta", f"    title {_quoted(title)}",
           f"    x-axis {_quoted(ctx.label('chart_year'))} [{', '.join(map(str, years))}]",
           f"    y-axis {_quoted(first.unit)} {plain(-nice_ceiling(-low) if low < 0 else 0)} "
           f"--> {plain(top)}",
           # A year without a figure gets a zero-height bar: nothing is drawn, nothing invented.
           "    bar [" + ", ".join(plain(points.get(y, 0.0)) for y in years) + "]"]
    for path in paths:
        # Mermaid lines need a value per category; outside a target's period the line is held
        # at its end points, so it reads as flat before the baseline and after the deadline.
        filled = _hold(path)
        out.append("    line [" + ", ".join(plain(v) for v in filled) + "]")
    out += ["```", ""]
    out += _legend(lines, ctx)
    out += _numbers(years, points, lines, first.unit, ctx)
    return out


def _hold(path: list[float | None]) -> list[float]:
    known = [i for i, v in enumerate(path) if v is not None]
    lo, hi = known[0], known[-1]
    return [path[lo] if i < lo else path[hi] if i > hi else path[i] for i in range(len(path))]


def _legend(lines: list[Line], ctx: Context) -> list[str]:
    # xychart-beta draws no legend, so the series are named under the chart, in order.
    notes = [ctx.label("chart_bars")]
    for i, ln in enumerate(lines, 1):
        what = ctx.label("chart_required") if ln.start is not None else ctx.label("chart_goal")
        number = f" {i}" if len(lines) > 1 else ""
        notes.append(f"{ctx.label('chart_line')}{number} (`{ln.target}`): {what}")
    return [f"<sub>{'<br>'.join(notes)}</sub>", ""]


def _numbers(years: list[int], points: dict[int, float], lines: list[Line], unit: str,
             ctx: Context) -> list[str]:
    """The chart's numbers as a table (the chart's text alternative)."""
    head = [f"{ctx.label('chart_year')} ({unit})"] + [str(y) for y in years]
    rows = [[ctx.label("chart_values")] + [num(points[y]) if y in points else "" for y in years]]
    for ln in lines:
        # Two decimals: the trajectory is a guide, not a measured figure.
        rows.append([f"`{ln.target}`"] + ["" if (v := ln.at(y)) is None else num(round(v, 2))
                                           for y in years])
    out = ["| " + " | ".join(head) + " |", "|---" + "|--:" * len(years) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out + [""]
