"""The evaluators' words in both languages: category, light, catch-up, bounds and estimates,
as every format shows them (table, markdown, report, explain, xlsx, site)."""

from __future__ import annotations

from planck.readable import num
from planck.result import CATEGORIES, Result

CATEGORY_LABEL = {
    "en": {"achieved_early": "achieved early", "achieved": "achieved",
           "basically_achieved": "basically achieved", "not_achieved": "not achieved",
           "ahead": "ahead of schedule", "as_expected": "as expected", "lagging": "lagging"},
    "zh": {"achieved_early": "提前实现", "achieved": "已实现", "basically_achieved": "基本实现",
           "not_achieved": "未实现", "ahead": "快于预期", "as_expected": "基本符合预期",
           "lagging": "滞后"},
}
LIGHT_LABEL = {"en": {"green": "green", "yellow": "yellow", "red": "red"},
               "zh": {"green": "绿灯", "yellow": "黄灯", "red": "红灯"}}
#: a light as one character that reads without colour (table and overview)
LIGHT_MARK = {"green": "●", "yellow": "◐", "red": "○"}
_BOUND = {"lower": "≥ ", "upper": "≤ "}
_WORDS = {
    "en": {"estimate": "estimate", "sep": " · ", "none": "—"},
    "zh": {"estimate": "预计", "sep": " · ", "none": "—"},
}

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
    years = c.years
    if c.method == "geometric":
        if lang == "zh":
            verb = "增长" if c.value >= 0 else "下降"
            text = f"剩余{years}年需年均{verb}{abs(c.value):.1f}%"
        else:
            text = f"needs {c.value:+.1f} %/yr for {years} year{'s' if years != 1 else ''}"
    else:
        points = c.unit == "%"
        if lang == "zh":
            verb = "提高" if c.value >= 0 else "降低"
            unit = "个百分点" if points else c.unit
            text = f"剩余{years}年需年均{verb}{num(round(abs(c.value), 2))}{unit}"
        else:
            unit = "percentage points" if points else c.unit
            sign = "+" if c.value >= 0 else "−"
            text = (f"needs {sign}{num(round(abs(c.value), 2))} {unit}/yr for {years} "
                    f"year{'s' if years != 1 else ''}")
    if bound is not None:
        text += {"en": {"lower": " (at least)", "upper": " (at most)"},
                 "zh": {"lower": "（至少）", "upper": "（至多）"}}[lang][bound]
    return text


def category_counts_text(counts: dict[str, int], lang: str = "en") -> str:
    """``提前实现 3，滞后 2``: the categories that occur, with their counts."""
    sep = "，" if lang == "zh" else ", "
    return sep.join(f"{CATEGORY_LABEL[lang][c]} {n}" for c, n in counts.items() if n)
