"""The evaluators' words in both languages: category, light, catch-up, bounds and estimates,
as every format shows them (table, markdown, report, explain, xlsx, site)."""

from __future__ import annotations

from planck.readable import num
from planck.result import CATEGORIES, Result
from planck.words import section

CATEGORY_LABEL = section("category")
LIGHT_LABEL = section("light")
#: a light as one character that reads without colour (table and overview)
LIGHT_MARK = {"green": "●", "yellow": "◐", "red": "○"}
_BOUND = {"lower": "≥ ", "upper": "≤ "}
_WORDS = section("terms")

__all__ = ["CATEGORIES", "CATEGORY_LABEL", "LIGHT_LABEL", "LIGHT_MARK", "bounded",
           "category_text", "catch_up_text", "category_counts_text"]


def bounded(text: str, bound: str | None) -> str:
    """``≥ 3,000`` for a lower bound, ``≤ 81%`` for an upper one, the text as is if exact."""
    return _BOUND.get(bound or "", "") + text


def category_text(r: Result, lang: str = "en") -> str:
    """``提前实现 · 绿灯`` / ``achieved early · green``; ``—`` when there is none."""
    if r.verdict.category is None:
        return _WORDS[lang]["none"]
    text = CATEGORY_LABEL[lang][r.verdict.category]
    if r.verdict.light is not None:
        text += _WORDS[lang]["sep"] + LIGHT_LABEL[lang][r.verdict.light]
    return text


def catch_up_text(r: Result, lang: str = "en") -> str:
    """``needs +11.0 %/yr for 3 years`` / ``剩余3年需年均增长11.0%``; empty when none.
    A bounded latest figure makes it a bound (``at most``/``至多``)."""
    c = r.pacing.catch_up
    if c is None:
        return ""
    bound = r.flags.bounds.get("catch_up")
    w, up = _WORDS[lang], c.value >= 0
    years = {"years": c.years, "year_word": w["year_one" if c.years == 1 else "year_many"]}
    if c.method == "geometric":
        text = w["catch_geometric"].format(signed=f"{c.value:+.1f}", size=f"{abs(c.value):.1f}",
                                           verb=w["grow" if up else "fall"], **years)
    else:
        text = w["catch_linear"].format(size=num(round(abs(c.value), 2)),
                                        unit=w["points"] if c.unit == "%" else c.unit,
                                        verb=w["raise" if up else "lower"], **years)
    if bound is not None:
        text += _WORDS[lang][f"{bound}_bound"]
    return text


def category_counts_text(counts: dict[str, int], lang: str = "en") -> str:
    """``提前实现 3，滞后 2``: the categories that occur, with their counts."""
    sep = section("punct")[lang]["count_sep"]
    return sep.join(f"{CATEGORY_LABEL[lang][c]} {n}" for c, n in counts.items() if n)
