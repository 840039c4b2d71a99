"""Charts as SVG text: one indicator's figures against its target, and a city's status bar.

Pure functions from a ``ChartSpec`` (``planck.render.chartdata``) to a self-contained SVG
document: no script, no external font or image, a ``<title>`` and a ``<desc>`` (the text
alternative). Colours are the Okabe–Ito palette, which stays distinct for colour-blind
readers, and every series also differs by symbol or dash, so it reads in grey too. Every
string from the data is XML-escaped here. Same spec, same bytes.
"""

from __future__ import annotations

import math

from planck.escape import xml as escape
from planck.render.chartdata import LABELS, ChartSpec

FONTS = ("system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', "
         "'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', "
         "sans-serif")
COLOURS = {"measured": "#0072B2", "baseline": "#000000", "partial": "#D55E00",
           "required": "#E69F00", "target": "#009E73", "stretch": "#CC79A7",
           "deadline": "#555555", "grid": "#dddddd"}
DASHES = ("6 4", "2 3", "10 3 2 3")
W, L, R, T, B = 640, 64, 540, 28, 228  # width; plot left, right, top, bottom


def _f(v: float) -> str:
    """A coordinate with one decimal, the same on every platform."""
    text = f"{v:.1f}"
    return "0.0" if text == "-0.0" else text


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


def _axis(values: list[float]) -> tuple[float, float, float]:
    lo, hi = min([0.0, *values]), max([0.0, *values])
    if hi == lo:
        hi = lo + 1
    step = nice_step((hi - lo) * 1.05)
    return math.floor(lo / step) * step, math.ceil(hi * 1.05 / step) * step, step


def _tick(v: float, step: float) -> str:
    digits = max(0, -math.floor(math.log10(step))) if step < 1 else 0
    text = f"{v:,.{digits + (1 if step * 10 ** digits % 1 else 0)}f}"
    return "0" if text in ("-0", "-0.0") else text


def _symbol(kind: str, x: float, y: float, cls: str, tip: str) -> str:
    c = COLOURS[kind]
    if kind == "baseline":
        shape = (f'<rect class="{cls}" x="{_f(x - 4.5)}" y="{_f(y - 4.5)}" width="9" '
                 f'height="9" fill="{c}">')
        end = "</rect>"
    elif kind == "partial":
        pts = f"{_f(x)},{_f(y - 6)} {_f(x + 6)},{_f(y)} {_f(x)},{_f(y + 6)} {_f(x - 6)},{_f(y)}"
        shape = (f'<polygon class="{cls}" points="{pts}" fill="#ffffff" stroke="{c}" '
                 f'stroke-width="2">')
        end = "</polygon>"
    else:
        shape = f'<circle class="{cls}" cx="{_f(x)}" cy="{_f(y)}" r="4.5" fill="{c}">'
        end = "</circle>"
    return f"{shape}<title>{escape(tip)}</title>{end}"


def render(spec: ChartSpec, uid: str = "c") -> str:
    """The chart as an SVG document; ``uid`` keeps ids unique when several share a page."""
    from planck.render.text import num

    w = LABELS[spec.lang]
    xs = [p.x for p in spec.points] + [x for p in spec.paths for x, _ in p.points]
    if spec.deadline is not None:
        xs.append(float(spec.deadline))
    x0, x1 = math.floor(min(xs)) - 0.5, math.ceil(max(xs)) + 0.5
    values = [p.value for p in spec.points] + [v for p in spec.paths for _, v in p.points]
    values += [lv.value for lv in spec.levels] + [v for b in spec.bands for v in b[:2]]
    lo, hi, step = _axis(values)

    def px(x: float) -> float:
        return L + (x - x0) / (x1 - x0) * (R - L)

    def py(v: float) -> float:
        return B - (v - lo) / (hi - lo) * (B - T)

    legend = _legend(spec, w)
    height = B + 40 + 18 * len(legend)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {height}" width="{W}" '
           f'height="{height}" role="img" aria-labelledby="{uid}-t {uid}-d" class="chart" '
           f'font-family="{escape(FONTS)}" font-size="12">',
           f'<title id="{uid}-t">{escape(spec.title)} ({escape(spec.unit)})</title>',
           f'<desc id="{uid}-d">{escape(spec.desc)}</desc>',
           f'<rect width="{W}" height="{height}" fill="#ffffff"/>']
    v = lo
    while v <= hi + step / 1000:
        out.append(f'<line x1="{L}" x2="{R}" y1="{_f(py(v))}" y2="{_f(py(v))}" '
                   f'stroke="{COLOURS["grid"]}"/>')
        out.append(f'<text x="{L - 6}" y="{_f(py(v) + 4)}" text-anchor="end">'
                   f'{_tick(v, step)}</text>')
        v += step
    out.append(f'<text x="{L - 6}" y="{T - 12}" text-anchor="end" font-weight="bold">'
               f'{escape(spec.unit)}</text>')
    years = list(range(math.ceil(x0), math.floor(x1) + 1))
    every = 1 if len(years) <= 12 else 2
    for y in years:
        if (y - years[0]) % every == 0 or y == spec.deadline:
            out.append(f'<text x="{_f(px(y))}" y="{B + 16}" text-anchor="middle">{y}</text>')
    out.append(f'<line x1="{L}" x2="{R}" y1="{_f(py(lo))}" y2="{_f(py(lo))}" stroke="#000"/>')
    right: list[tuple[float, str, str]] = []  # labels right of the plot: (y, text, colour)
    for low, high, _tid in spec.bands:
        out.append(f'<rect x="{L}" y="{_f(py(high))}" width="{R - L}" '
                   f'height="{_f(max(py(low) - py(high), 1.0))}" fill="{COLOURS["target"]}" '
                   f'fill-opacity="0.18" stroke="{COLOURS["target"]}" stroke-width="1.5"/>')
        right += [(py(high), num(high), "#000000"), (py(low), num(low), "#000000")]
    for lv in spec.levels:
        dash = ' stroke-dasharray="1 3"' if lv.kind == "stretch" else ""
        c = COLOURS[lv.kind]
        out.append(f'<line class="{lv.kind}" x1="{L}" x2="{R}" y1="{_f(py(lv.value))}" '
                   f'y2="{_f(py(lv.value))}" stroke="{c}" stroke-width="2"{dash}/>')
        right.append((py(lv.value), lv.text, c))
    out += _right_labels(right)
    if spec.deadline is not None:
        xd = _f(px(spec.deadline))
        out.append(f'<line class="deadline" x1="{xd}" x2="{xd}" y1="{T}" y2="{B}" '
                   f'stroke="{COLOURS["deadline"]}" stroke-dasharray="4 4"/>')
        out.append(f'<text x="{xd}" y="{T - 12}" text-anchor="middle" '
                   f'fill="{COLOURS["deadline"]}">{escape(w["due"])} {spec.deadline}</text>')
    for i, path in enumerate(spec.paths):
        pts = " ".join(f"{_f(px(x))},{_f(py(v))}" for x, v in path.points)
        out.append(f'<polyline class="required" points="{pts}" fill="none" '
                   f'stroke="{COLOURS["required"]}" stroke-width="2" '
                   f'stroke-dasharray="{DASHES[i % len(DASHES)]}"/>')
    out += _observed(spec, px, py)
    out += _legend_svg(legend, height)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _right_labels(labels: list[tuple[float, str, str]]) -> list[str]:
    """Labels beside the plot, moved apart where levels lie close (at least 13 px)."""
    out, last = [], -1e9
    for y, text, colour in sorted(labels):
        y = max(y, last + 13)
        last = y
        out.append(f'<text x="{R + 6}" y="{_f(y + 4)}" fill="{colour}">{escape(text)}</text>')
    return out


def _observed(spec: ChartSpec, px, py) -> list[str]:
    """Measured figures joined year to year; a missing year leaves a gap in the line."""
    from planck.readable import amount

    out = []
    annual = [p for p in spec.points if p.kind != "partial"]
    for a, b in zip(annual, annual[1:], strict=False):
        if b.x - a.x == 1:
            out.append(f'<line x1="{_f(px(a.x))}" y1="{_f(py(a.value))}" x2="{_f(px(b.x))}" '
                       f'y2="{_f(py(b.value))}" stroke="{COLOURS["measured"]}" '
                       f'stroke-width="2"/>')
    for p in spec.points:
        cls = "base" if p.kind == "baseline" else "obs"
        tip = f"{p.period}: {amount(p.value, spec.unit)}" + (f" — {p.source}" if p.source else "")
        out.append(_symbol(p.kind, px(p.x), py(p.value), cls, tip))
    return out


def _legend(spec: ChartSpec, w: dict) -> list[tuple[str, str]]:
    kinds = {p.kind for p in spec.points}
    items: list[tuple[str, str]] = [(k, w[k]) for k in ("measured", "baseline", "partial") if k in kinds]
    for i, p in enumerate(spec.paths):
        items.append((f"required{i}", f"{w['required']} ({w[p.method]}) · {p.target}"))
    for lv in spec.levels:
        items.append((lv.kind, f"{w[lv.kind]} {lv.text} · {lv.target}"))
    for _low, _high, tid in spec.bands:
        items.append(("band", f"{w['band']} · {tid}"))
    if spec.deadline is not None:
        items.append(("deadline", f"{w['deadline']} {spec.deadline}"))
    return items


def _legend_svg(items: list[tuple[str, str]], height: int) -> list[str]:
    out = []
    y = height - 18 * len(items) - 4
    for key, text in items:
        cy = y + 9
        if key in ("measured", "baseline", "partial"):
            mark = _symbol(key, L + 12, cy, "key", text).replace("<title>" + escape(text)
                                                                 + "</title>", "")
        elif key.startswith("required"):
            dash = DASHES[int(key[8:]) % len(DASHES)]
            mark = (f'<line x1="{L}" x2="{L + 24}" y1="{cy}" y2="{cy}" stroke-width="2" '
                    f'stroke="{COLOURS["required"]}" stroke-dasharray="{dash}"/>')
        elif key == "band":
            mark = (f'<rect x="{L}" y="{cy - 5}" width="24" height="10" fill-opacity="0.18" '
                    f'fill="{COLOURS["target"]}" stroke="{COLOURS["target"]}"/>')
        else:
            dash = {"stretch": ' stroke-dasharray="1 3"', "deadline": ' stroke-dasharray="4 4"'
                    }.get(key, "")
            mark = (f'<line x1="{L}" x2="{L + 24}" y1="{cy}" y2="{cy}" stroke-width="2" '
                    f'stroke="{COLOURS[key]}"{dash}/>')
        out.append(mark)
        out.append(f'<text x="{L + 32}" y="{cy + 4}">{escape(text)}</text>')
        y += 18
    return out


def status_bar(counts: dict[str, int], labels: dict[str, str], title: str, uid: str = "s",
               width: int = 240) -> str:
    """A city's statuses as one stacked bar (a small chart for the index page)."""
    from planck.render.context import STATUS_SYMBOL

    colours = {"met": "#009E73", "on_track": "#56B4E9", "behind": "#F0E442",
               "off_track": "#E69F00", "regressing": "#D55E00", "missed": "#CC79A7",
               "no_data": "#dddddd", "not_assessable": "#999999"}
    total = sum(counts.values()) or 1
    desc = ", ".join(f"{labels[s]}: {n}" for s, n in counts.items() if n)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} 20" width="{width}" '
           f'height="20" role="img" aria-labelledby="{uid}-t {uid}-d" class="bar">',
           f'<title id="{uid}-t">{escape(title)}</title>',
           f'<desc id="{uid}-d">{escape(desc)}</desc>']
    x = 0.0
    for s, n in counts.items():
        if not n:
            continue
        part = n / total * width
        out.append(f'<rect x="{_f(x)}" y="0" width="{_f(part)}" height="20" '
                   f'fill="{colours[s]}" stroke="#ffffff"><title>{escape(labels[s])}: {n}'
                   f'</title></rect>')
        if part >= 14:
            out.append(f'<text x="{_f(x + part / 2)}" y="14" font-size="11" '
                       f'text-anchor="middle">{STATUS_SYMBOL[s]}</text>')
        x += part
    out.append("</svg>")
    return "\n".join(out) + "\n"
