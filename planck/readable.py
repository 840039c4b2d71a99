"""Numbers, units and targets as people read them: the one place every format takes them from.

A unit is written once, right after the number that is in it: ``3.75%`` (percent-like units
follow the number directly), ``1,600 家``, ``12–20 个``, ``+2 = 5 家`` (a change and the level
it leads to share the unit written after the level). A number that is not in the indicator's
unit carries its own sign and no unit: a tolerance (``≈ 3.75% ±2%``, relative), a factor
(``×2``), a cut (``−13.5%`` of the baseline).

Rates read as rates: a growth target names the rate and never the unit of the thing that
grows (``growth ≥ 30%/yr``, ``年均增长 ≥ 30%`` for a count of patents in 件), so it cannot be
mistaken for a level of 30 %, nor for an amount every year (``≥ 30%/yr`` is a per-year
share, ``per_year``). Comparisons of growth against a reference's growth likewise have no unit.

A table with its own Unit column asks for the target without the unit (``unit=False``); the
unit is then in that column and nowhere in the cell. The texts are raw: each caller escapes
them for where they land (``planck.escape``). Sits at the top of the package (like
``operators``), so the judging layer (``explain``, ``compare``) and every renderer share it.
"""

from __future__ import annotations

import math
from dataclasses import replace

from planck import operators
from planck.result import Result
from planck.words import section

#: Units written straight after the number, as in ``3.75%``.
_TIGHT = ("%", "‰", "％")

#: The few words the operator table's forms need, in both languages.
WORDS = section("readable")


def num(v: float | None) -> str:
    """A number for people: grouped thousands, at most 4 decimals, no trailing zeros."""
    if v is None or not math.isfinite(v):  # non-finite only from extreme ratios: unknown
        return "—"
    text = format(round(v, 4), ",.4f").rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def unit_suffix(unit: str | None) -> str:
    """How a unit follows a number: ``%`` directly, any other unit after a space; '' for none."""
    if not unit:
        return ""
    return unit if unit in _TIGHT else f" {unit}"


def amount(value: float | None, unit: str | None) -> str:
    """A number with its unit once: ``3.03%``, ``1,610 家``; ``—`` (no unit) when unknown."""
    text = num(value)
    return text if text == "—" else text + unit_suffix(unit)


def target(r: Result, lang: str = "en", *, unit: bool = True, wording: bool = True) -> str:
    """The promise as one text: ``≥ 1,600 家 (不少于)``, ``≈ 3.75% ±2% (左右)``,
    ``growth ≥ 30%/yr (年均增长)``. ``unit=False`` for a table with a Unit column;
    ``wording=False`` leaves out the source's own word in brackets."""
    t, words = r.target, WORDS[lang]
    u = unit_suffix(t.unit or r.unit) if unit else ""
    op = operators.get(t.op)
    if op.takes_reference:
        # The reference's figure (a level, so in the unit), never its id: an id is not prose.
        shown = (f"{num(r.evidence.reference_value)}{u}" if r.evidence.reference_value is not None
                 and op.reference_level else words["reference"])
        t = replace(t, reference=shown)
    text = op.show(t, num, words, u).strip()
    # the source's word in brackets, unless the form already says it (年均增长 ≥ 10%)
    return f"{text} ({t.wording})" if wording and t.wording and t.wording not in text else text


def promise(r: Result, lang: str = "en", *, unit: bool = True, span: bool = True) -> str:
    """``target`` with a tolerance written as the range it allows: ``≈ 3.75 (左右):
    3.675–3.825%`` (the ±2 % is a share of the value, which ``±2%`` alone would let a reader
    take for points); ``span=False`` leaves the range out (a chart's band already draws it)."""
    t = r.target
    mark = "" if t.tolerance is None else f" ±{t.tolerance:.0%}"
    text = target(r, lang, unit=False)  # the unit once, after the range
    if not mark or mark not in text or t.low is None or t.high is None:
        return target(r, lang, unit=unit)
    text = text.replace(mark, "")
    if not span:
        return text
    u = unit_suffix(t.unit or r.unit) if unit else ""
    return f"{text}{section('punct')[lang]['label_sep']}{num(t.low)}–{num(t.high)}{u}"


def period_suffix(title: str, start: int, end: int) -> str:
    """`` (2021–2025)`` to follow a plan's title, or ``""`` when the title already names the
    period (``2026-2030``, ``2022—2025年``, ``2021至2025``; for a one-year plan, its year):
    the reader sees the years once."""
    import re

    if start == end:
        named = re.search(rf"(?<!\d){start}(?!\d)", title)
    else:
        named = re.search(rf"(?<!\d){start}\s*年?\s*[-‐‑‒–—―~～至到]+\s*{end}(?!\d)", title)
    return "" if named else f" ({start if start == end else f'{start}–{end}'})"
