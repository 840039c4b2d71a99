"""Charts as SVG text: one indicator's figures against its targets, and a city's status bar.

Pure functions from a ``ChartSpec`` (``planck.render.chartdata``) to a self-contained SVG
document: no script, no external font or image, a ``<title>`` and a ``<desc>`` (the text
alternative). Every colour reaches 4.5:1 against white, so a line reads as a graphic and its
label as text; each target has its own colour and dash, figures differ by symbol (filled
circle, square, hollow diamond), so it reads in grey too. Two frames: ``WIDE`` for screens
and files, ``NARROW`` drawn for a phone so its text stays 12 px instead of shrinking. Every
string from the data is XML-escaped here. Same spec, same bytes.
"""

from __future__ import annotations

import math

from planck.escape import xml as escape
from planck.render.chartdata import LABELS, ChartSpec
from planck.render.chartmarks import (  # noqa: F401  (FONTS, Frame: part of this API)
    COLOURS,
    FONT_SIZE,
    FONTS,
    LEVEL_DASHES,
    NARROW,
    TARGET_COLOURS,
    WIDE,
    B,
    Frame,
    L,
    R,
    T,
    W,
    _f,
    _symbol,
)


def nice_step(span: float, ticks: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 × 10^k) giving at most ``ticks`` intervals over ``span``."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * power >= raw - 1e-12:
            return m * power
    return 10 * power


def extent(spec: ChartSpec) -> tuple[list[float], list[float]]:
    """Every x and every value the chart must show (to share one scale among charts)."""
    xs = [p.x for p in spec.points] + [x for p in spec.paths for x, _ in p.points]
    if spec.deadline is not None:
        xs.append(float(spec.deadline))
    values = [p.value for p in spec.points] + [v for p in spec.paths for _, v in p.points]
    values += [lv.value for lv in spec.levels] + [v for b in spec.bands for v in b[:2]]
    return xs, values


def scale(xs: list[float], values: list[float]) -> tuple[tuple[float, float],
                                                         tuple[float, float, float]]:
    """((first, last) year band edges, (low, high, step) of the value axis)."""
    x0, x1 = math.floor(min(xs) + 0.5) - 0.5, math.floor(max(xs) + 0.5) + 0.5
    lo, hi = min([0.0, *values]), max([0.0, *values])
    if hi == lo:
        hi = lo + 1
    step = nice_step((hi - lo) * 1.05)
    return (x0, x1), (math.floor(lo / step) * step, math.ceil(hi * 1.05 / step) * step, step)


def _tick(v: float, step: float) -> str:
    digits = max(0, -math.floor(math.log10(step))) if step < 1 else 0
    text = f"{v:,.{digits + (1 if step * 10 ** digits % 1 else 0)}f}"
    return "0" if text in ("-0", "-0.0") else text


def render(spec: ChartSpec, uid: str = "c", frame: Frame = WIDE,
           shared: tuple[tuple[float, float], tuple[float, float, float]] | None = None) -> str:
    """The chart as an SVG document; ``uid`` keeps ids unique when several share a page;
    ``shared`` is a scale (``scale``) several charts use so they can be compared."""
    from planck.render.chartlegend import legend, legend_svg
    from planck.render.text import num

    w = LABELS[spec.lang]
    (x0, x1), (lo, hi, step) = shared or scale(*extent(spec))
    fl, fr, ft, fb = frame.left, frame.right, frame.top, frame.bottom

    def px(x: float) -> float:
        return fl + (x - x0) / (x1 - x0) * (fr - fl)

    def py(v: float) -> float:
        return fb - (v - lo) / (hi - lo) * (fb - ft)

    keys, rows = legend(spec, w, frame)
    height = fb + 34 + 18 * rows
    cls = "chart narrow" if frame is NARROW else "chart"
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {frame.width} {height}" '
           f'width="{frame.width}" height="{height}" role="img" '
           f'aria-labelledby="{uid}-t {uid}-d" class="{cls}" '
           f'font-family="{escape(FONTS)}" font-size="{FONT_SIZE}" fill="{COLOURS["text"]}">',
           f'<title id="{uid}-t">{escape(spec.title)} ({escape(spec.unit)})</title>',
           f'<desc id="{uid}-d">{escape(spec.desc)}</desc>',
           f'<rect class="bg" width="{frame.width}" height="{height}" fill="#ffffff"/>']
    v = lo
    while v <= hi + step / 1000:
        out.append(f'<line class="grid" x1="{fl}" x2="{fr}" y1="{_f(py(v))}" '
                   f'y2="{_f(py(v))}" stroke="{COLOURS["grid"]}"/>')
        out.append(f'<text class="tick" x="{fl - 5}" y="{_f(py(v) + 4)}" text-anchor="end">'
                   f'{_tick(v, step)}</text>')
        v += step
    out.append(f'<text x="{fl - 5}" y="{ft - 12}" text-anchor="end" font-weight="bold">'
               f'{escape(spec.unit)}</text>')
    out += _years(spec, frame, px, x0, x1, py(lo))
    right: list[tuple[float, str, str]] = []  # labels right of the plot: (y, text, colour)
    spans = spec.band_spans or tuple((None, None, i) for i in range(len(spec.bands)))
    for (low, high, _name), (s0, s1, tag) in zip(spec.bands, spans, strict=False):
        c = TARGET_COLOURS[tag % len(TARGET_COLOURS)]
        a, b = px(x0 if s0 is None else max(s0, x0)), px(x1 if s1 is None else min(s1, x1))
        out.append(f'<rect class="band" x="{_f(a)}" y="{_f(py(high))}" width="{_f(b - a)}" '
                   f'height="{_f(max(py(low) - py(high), 1.0))}" fill="{c}" '
                   f'fill-opacity="0.15" stroke="{c}" stroke-width="1.5"/>')
        right += [(py(high), num(high), c), (py(low), num(low), c)]
    for lv in spec.levels:
        c = TARGET_COLOURS[lv.tag % len(TARGET_COLOURS)]
        dash = "1 3" if lv.kind == "stretch" else LEVEL_DASHES[lv.tag % len(LEVEL_DASHES)]
        a = px(x0 if lv.start is None else max(lv.start, x0))
        b = px(x1 if lv.end is None else min(lv.end, x1))
        out.append(f'<line class="{lv.kind}" x1="{_f(a)}" x2="{_f(b)}" y1="{_f(py(lv.value))}" '
                   f'y2="{_f(py(lv.value))}" stroke="{c}" stroke-width="2"'
                   + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
        right.append((py(lv.value), lv.text, c))
    out += _right_labels(right, fr)
    if spec.deadline is not None:
        xd = _f(px(spec.deadline + 0.5))
        out.append(f'<line class="deadline" x1="{xd}" x2="{xd}" y1="{ft}" y2="{fb}" '
                   f'stroke="{COLOURS["deadline"]}" stroke-dasharray="4 4"/>')
        out.append(f'<text x="{xd}" y="{ft - 12}" text-anchor="middle" '
                   f'fill="{COLOURS["deadline"]}">{escape(w["due"])} {spec.deadline}</text>')
    for path in spec.paths:
        pts = " ".join(f"{_f(px(x))},{_f(py(v))}" for x, v in path.points)
        out.append(f'<polyline class="required" points="{pts}" fill="none" '
                   f'stroke="{TARGET_COLOURS[path.tag % len(TARGET_COLOURS)]}" '
                   f'stroke-width="2" stroke-dasharray="5 3"/>')
    out += _observed(spec, px, py)
    out += legend_svg(keys, height - 18 * rows - 4, frame)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _years(spec: ChartSpec, frame: Frame, px, x0: float, x1: float, base: float) -> list[str]:
    """The x axis: a tick between years, each year's label in the middle of its band."""
    years = list(range(math.ceil(x0), math.floor(x1) + 1))
    room = (frame.right - frame.left) / max(len(years), 1)
    every = max(1, math.ceil(36 / room))  # a label is about 30 px wide at 12 px
    out = [f'<line x1="{frame.left}" x2="{frame.right}" y1="{_f(base)}" y2="{_f(base)}" '
           f'stroke="#000000"/>']
    for y in years:
        edge = _f(px(y - 0.5))
        out.append(f'<line x1="{edge}" x2="{edge}" y1="{_f(base)}" y2="{_f(base + 4)}" '
                   f'stroke="#000000"/>')
        if (y - years[0]) % every == 0 or y == spec.deadline:
            if y != spec.deadline and spec.deadline is not None \
                    and abs(y - spec.deadline) < every:
                continue  # the deadline's own label takes this place
            out.append(f'<text class="year" x="{_f(px(y))}" y="{_f(base + 16)}" '
                       f'text-anchor="middle">{y}</text>')
    return out


def _right_labels(labels: list[tuple[float, str, str]], right: int) -> list[str]:
    """Labels beside the plot, moved apart where levels lie close (at least 13 px)."""
    out, last = [], -1e9
    for y, text, colour in sorted(labels):
        y = max(y, last + 13)
        last = y
        out.append(f'<text x="{right + 6}" y="{_f(y + 4)}" fill="{colour}">{escape(text)}</text>')
    return out


def _observed(spec: ChartSpec, px, py) -> list[str]:
    """Measured figures joined year to year; a missing year leaves a gap in the line, and a
    part-year figure stands alone (it is not the year's figure)."""
    from planck.readable import amount

    out = []
    annual = [p for p in spec.points if p.kind == "measured"]
    for a, b in zip(annual, annual[1:], strict=False):
        if b.x - a.x == 1:
            out.append(f'<line x1="{_f(px(a.x))}" y1="{_f(py(a.value))}" x2="{_f(px(b.x))}" '
                       f'y2="{_f(py(b.value))}" stroke="{COLOURS["measured"]}" '
                       f'stroke-width="2"/>')
    part = LABELS[spec.lang]["part"]
    for p in spec.points:
        cls = "base" if p.kind == "baseline" else "obs"
        tip = f"{p.period}: {amount(p.value, spec.unit)}" + (
            f" ({part})" if p.kind == "partial" else
            f" ({LABELS[spec.lang]['est']})" if p.kind == "estimate" else "")
        tip += f" — {p.source}" if p.source else ""
        out.append(_symbol(p.kind, px(p.x), py(p.value), cls, tip))
    return out


#: The status bar's colours: each at least 3:1 against white and against its neighbours'
#: white gap (a segment is also named in its tooltip and the counts beside it).
BAR_COLOURS = {"met": "#1B7F3B", "on_track": "#0072B2", "behind": "#8A6100",
               "off_track": "#C24E00", "regressing": "#B3261E", "missed": "#AD1457",
               "no_data": "#767676", "not_assessable": "#555555"}


#: The traffic lights as bar colours (each at least 3:1 against white).
LIGHT_COLOURS = {"green": "#1B7F3B", "yellow": "#8A6100", "red": "#B3261E", "grey": "#767676"}


def status_bar(counts: dict[str, int], labels: dict[str, str], title: str, uid: str = "s",
               width: int = 240, colours: dict[str, str] | None = None) -> str:
    """A city's counts as one stacked bar (a small chart beside the counts in words)."""
    colours = colours or BAR_COLOURS
    total = sum(counts.values()) or 1
    desc = ", ".join(f"{labels[s]}: {n}" for s, n in counts.items() if n)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} 16" width="{width}" '
           f'height="16" role="img" aria-labelledby="{uid}-t {uid}-d" class="bar">',
           f'<title id="{uid}-t">{escape(title)}</title>',
           f'<desc id="{uid}-d">{escape(desc)}</desc>']
    x = 0.0
    for s, n in counts.items():
        if not n:
            continue
        part = n / total * width
        out.append(f'<rect x="{_f(x)}" y="0" width="{_f(part)}" height="16" '
                   f'fill="{colours[s]}" stroke="#ffffff"><title>{escape(labels[s])}: {n}'
                   f'</title></rect>')
        x += part
    out.append("</svg>")
    return "\n".join(out) + "\n"
