"""Short cell texts for the compact table: each cell says one thing, with its unit once.

These are plain strings (no markup); the table cuts them to fit. Data strings are cleaned of
control characters before they reach a terminal.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence

from planck import readable
from planck.render.fit import clean
from planck.render.text import latest_shown, num
from planck.result import Result
from planck.words import section

#: Marks a provisional verdict's figure: a stock's in-year count (final at year end).
PROVISIONAL = "~"


def unit_suffix(unit: str) -> str:
    """How a unit follows a number (``planck.readable.unit_suffix``), cleaned for a terminal."""
    return clean(readable.unit_suffix(unit))


def target_short(r: Result, lang: str = "en") -> str:
    """The promise with its unit placed once: ``≥ 1,600 家``, ``≈ 3.75% ±2%``,
    ``growth ≥ 10%/yr`` (``planck.readable.target``, without the source's wording)."""
    return clean(readable.target(r, lang, wording=False))


def target_long(r: Result, lang: str = "en") -> str:
    """The short target followed by the source's own wording: ``≥ 1,600 家 (不少于)``."""
    return clean(readable.target(r, lang))


def id_forms(ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Each id's unambiguous short forms, longest first: the id cut at each word boundary
    after the shortest beginning no other id shares (``rd-expenditure-doubling…``,
    ``rd-expenditure…``), then that beginning alone (``rd-e…``). A table cut to any of them
    still names one target (``planck explain`` takes it as printed)."""
    out = {}
    for i, shared in _shared_prefixes(ids).items():
        # the shortest beginning no other id shares: one past the longest one shared
        k = min(shared + 1, len(i))
        # every word boundary from there on, longest first, then the beginning alone
        ends = [n for n in range(len(i) - 1, k - 1, -1) if i[n] == "-"]
        out[i] = tuple(dict.fromkeys(i if n >= len(i) - 1 else i[:n] + "…"
                                     for n in (*ends, len(i), k) if n >= k))
    return out


def _shared_prefixes(ids: Sequence[str]) -> dict[str, int]:
    """Each id's longest common beginning with any other (different) id. In sorted order the
    longest is shared with a neighbour, so no pair of ids needs comparing (start-up: a city
    of 70 targets took 4,900 comparisons)."""
    order = sorted(set(ids))
    out = dict.fromkeys(ids, 0)
    for a, b in zip(order, order[1:], strict=False):
        n = len(os.path.commonprefix((a, b)))
        out[a], out[b] = max(out[a], n), max(out[b], n)
    return out


def latest_short(r: Result) -> str:
    """``3.03 (2024)``; a partial-year figure in brackets (shown, never judged): ``[71 (2024-06)]``;
    a provisional verdict's in-year count marked ``~``."""
    o, kind = latest_shown(r)
    if o is None:
        return "—"
    mark = {"lower": "≥", "upper": "≤"}.get(o.bound or "", "")
    est = "e" if o.estimate else ""
    text = f"{mark}{num(o.value)} ({clean(str(o.period))}{est})"
    return {"provisional": f"{text} {PROVISIONAL}", "partial": f"[{text}]"}.get(kind, text)


_MARK = {"lower": "≥", "upper": "≤"}


def percent(p: float | None, bound: str | None = None) -> str:
    """``75%``; ``≤81%`` when the figure behind it is only a bound."""
    return "—" if p is None or not math.isfinite(p) else f"{_MARK.get(bound or '', '')}{p:.0f}%"


def mini_bar(p: float | None, cells: int, bound: str | None = None) -> str:
    """``███░  75%``: the bar clipped to 0–100 %, the figure as computed (may exceed 100);
    ``≤`` or ``≥`` before the figure when it is only a bound."""
    if p is None or not math.isfinite(p):  # a ratio of extreme figures: shown as unknown
        return "—"
    filled = round(min(max(p, 0.0), 100.0) / 100 * cells)
    mark = _MARK.get(bound or "", "")
    return "█" * filled + "░" * (cells - filled) + (f" {mark}{p:.0f}%" if mark else
                                                     f" {p:3.0f}%")


def indicator_name(r: Result, lang: str) -> str:
    """The indicator in the chosen language (the Chinese name when there is no English one)."""
    name = r.name_en if lang == "en" and r.name_en else r.name
    return clean(name)


def id_prefix(ids: Sequence[str]) -> str:
    """The city prefix every id shares (``ly-``), stripped in the table; '' when they differ."""
    heads = {i.split("-", 1)[0] for i in ids if "-" in i}
    if len(heads) != 1 or any("-" not in i for i in ids):
        return ""
    head = heads.pop() + "-"
    return head if all(len(i) > len(head) for i in ids) else ""


def attribute_text(r: Result, lang: str) -> str:
    value = getattr(r, "attribute", None)
    if not value:
        return "—"
    return section("attribute")[lang].get(value, clean(str(value)))
