"""A chart's legend: one entry per kind of mark drawn (figures, part-year figures, baseline,
each target's level, band, 力争 level and trajectory, the deadline), its text wrapped to the
frame so a phone's narrow chart keeps full-size words."""

from __future__ import annotations

import re

from planck.escape import xml as escape
from planck.render.chartdata import ChartSpec

_WIDE = re.compile("[\u2e80-\U0010ffff]")


def _width(text: str) -> float:
    """Rough width at 12 px: a CJK character is a full em, anything else about 0.58 em."""
    # counted, not summed character by character (a site measures millions of them); whole
    # numbers, so the float is exactly the per-character sum
    wide = len(_WIDE.findall(text))
    return 12.0 * wide + 7.0 * (len(text) - wide)


def wrap(text: str, room: float) -> list[str]:
    """``text`` in lines no wider than ``room`` px, broken at spaces (or anywhere in CJK)."""
    lines, line = [], ""
    for word in text.replace("·", "· ").split(" "):
        if not word:
            continue
        candidate = f"{line} {word}" if line else word
        if _width(candidate) <= room or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
        while _width(line) > room and len(line) > 1:  # one word wider than the room
            cut = len(line)
            while cut > 1 and _width(line[:cut]) > room:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    return [*lines, line] if line else lines


def legend(spec: ChartSpec, w: dict, frame) -> tuple[list[tuple[str, int, str, list[str]]], int]:
    """(entries, rows): each entry is (kind, tag, dash, lines of text)."""
    from planck.render.chartmarks import LEVEL_DASHES

    kinds = {p.kind for p in spec.points}
    items: list[tuple[str, int, str, str]] = [
        (k, 0, "", w[k]) for k in ("measured", "partial", "estimate", "baseline") if k in kinds]
    for p in spec.paths:
        items.append(("required", p.tag, "5 3", f"{w['required']} ({w[p.method]}) · {p.name}"))
    for lv in spec.levels:
        dash = "1 3" if lv.kind == "stretch" else LEVEL_DASHES[lv.tag % len(LEVEL_DASHES)]
        items.append((lv.kind, lv.tag, dash, f"{w[lv.kind]} {lv.text} · {lv.target}"))
    spans = spec.band_spans or tuple((None, None, i) for i in range(len(spec.bands)))
    for (low, high, name), (_a, _b, tag) in zip(spec.bands, spans, strict=False):
        from planck.render.text import num

        items.append(("band", tag, "", f"{w['band']} {num(low)}–{num(high)} · {name}"))
    if spec.deadline is not None:
        items.append(("deadline", 0, "4 4", f"{w['deadline']} {spec.deadline}"))
    room = frame.width - frame.key - 34
    out = [(k, tag, dash, wrap(text, room)) for k, tag, dash, text in items]
    return out, sum(len(lines) for *_, lines in out)


def legend_svg(entries, top: float, frame) -> list[str]:
    from planck.render.chartmarks import COLOURS, TARGET_COLOURS, _f, _symbol

    out, y, x = [], top, frame.key
    for key, tag, dash, lines in entries:
        cy = y + 9
        c = TARGET_COLOURS[tag % len(TARGET_COLOURS)]
        if key in ("measured", "baseline", "partial", "estimate"):
            mark = _symbol(key, x + 12, cy, "key", "")
        elif key == "band":
            mark = (f'<rect x="{x}" y="{cy - 5}" width="24" height="10" fill-opacity="0.15" '
                    f'fill="{c}" stroke="{c}" stroke-width="1.5"/>')
        else:
            colour = COLOURS["deadline"] if key == "deadline" else c
            mark = (f'<line x1="{x}" x2="{x + 24}" y1="{cy}" y2="{cy}" stroke-width="2" '
                    f'stroke="{colour}"' + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
        out.append(mark)
        for line in lines:
            out.append(f'<text x="{x + 32}" y="{_f(y + 13)}">{escape(line)}</text>')
            y += 18
    return out
