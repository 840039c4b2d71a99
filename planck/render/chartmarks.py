"""The marks every chart shares: colours (each at least 4.5:1 against white, so a line reads
as a graphic and its label as text), dashes, the figure symbols, coordinates written the same
on every platform, and the two frames (wide for screens and files, narrow for phones)."""

from __future__ import annotations

from dataclasses import dataclass

from planck.escape import xml as escape

FONTS = ("system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', "
         "'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', "
         "sans-serif")
COLOURS = {"measured": "#0072B2", "estimate": "#0072B2", "baseline": "#000000", "partial": "#C24E00",
           "deadline": "#555555", "grid": "#dddddd", "text": "#1a1a1a"}
#: One colour and one dash per target of an indicator (level, band, stretch, trajectory).
TARGET_COLOURS = ("#007A5A", "#9C4F96", "#8A5A00")
LEVEL_DASHES = ("", "10 4", "14 4 2 4")
FONT_SIZE = 12


@dataclass(frozen=True)
class Frame:
    """The drawing's size: total width; plot left, right, top, bottom; legend's left edge."""

    width: int
    left: int
    right: int
    top: int
    bottom: int
    key: int


WIDE = Frame(640, 64, 540, 28, 228, 64)
NARROW = Frame(360, 46, 300, 28, 210, 6)
W, L, R, T, B = WIDE.width, WIDE.left, WIDE.right, WIDE.top, WIDE.bottom


def _f(v: float) -> str:
    """A coordinate with one decimal, the same on every platform."""
    text = f"{v:.1f}"
    return "0.0" if text == "-0.0" else text


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
    elif kind == "estimate":  # hollow: a figure not yet published as a result
        shape = (f'<circle class="{cls}" cx="{_f(x)}" cy="{_f(y)}" r="4.5" fill="#ffffff" '
                 f'stroke="{c}" stroke-width="2">')
        end = "</circle>"
    else:
        shape = f'<circle class="{cls}" cx="{_f(x)}" cy="{_f(y)}" r="4.5" fill="{c}">'
        end = "</circle>"
    return f"{shape}<title>{escape(tip)}</title>{end}" if tip else f"{shape}{end}"
