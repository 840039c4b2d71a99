"""Terminal cell widths and cutting text to fit, without rich (the compact table must start fast).

A cell is cut at a word boundary and ends in an ellipsis, so a reader never sees half a word:
``cut("High-tech industry share", 15) == "High-tech…"``. Chinese text has no spaces; any place
between two wide characters is a boundary, as line breaking in CJK typesetting allows.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from planck.escape import log

ELLIPSIS = "…"
#: Characters after which a line may be cut (the character stays with the text before it).
_BREAK_AFTER = frozenset(" -/_,;:·、，；：")
_STRIP = " -/_,;:·、，；：(（"


def clean(text: object) -> str:
    """Data text made safe for one terminal cell (``planck.escape.log``: one line, control and
    bidi characters shown as ``\\xNN``, no CI-log command)."""
    return log(text)


@cache  # a table asks about the same few hundred characters thousands of times
def char_len(ch: str) -> int:
    """Terminal cells of one character: 2 for East Asian wide/fullwidth, 0 for combining marks."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cell_len(text: str) -> int:
    """Terminal cells of a string (ASCII fast path: most cells are numbers)."""
    if text.isascii():
        return len(text)
    return sum(map(char_len, text))


def _boundaries(text: str) -> list[int]:
    """Indexes where ``text[:i]`` ends on a whole word (trailing separators are stripped later)."""
    out = []
    for i in range(1, len(text)):
        prev, nxt = text[i - 1], text[i]
        if prev in _BREAK_AFTER or nxt == " " or char_len(prev) == 2 or char_len(nxt) == 2:
            out.append(i)
    return out


def cut(text: str, width: int) -> str:
    """``text`` if it fits in ``width`` cells, else its longest whole-word prefix plus ``…``.

    When not even one word fits, the text is reduced to the ellipsis alone rather than broken
    inside a word (a reader can still look the full text up by the row's id).
    """
    if cell_len(text) <= width:
        return text
    room = width - 1  # the ellipsis takes one cell
    best = ""
    for i in _boundaries(text):
        head = text[:i].rstrip(" ")
        if cell_len(head) > room:
            break
        best = head
    return (best.rstrip(_STRIP) + ELLIPSIS) if width >= 1 else ""


def pad(text: str, width: int, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` cells (right-aligned when ``right``)."""
    gap = " " * max(0, width - cell_len(text))
    return gap + text if right else text + gap


def best_fit(variants: list[str], width: int) -> str:
    """The first variant (longest first) that fits, else the last one cut to the width."""
    for v in variants:
        if cell_len(v) <= width:
            return v
    return cut(variants[-1], width)

