"""Does a quote contain its number? The numbers a Chinese sentence writes, in every form.

A target's quote is its proof: 高新技术企业不少于1600家 proves ``value: 1600``. The same number
may be written 1600, 1,600, １６００, 1600家, 一千六百, 1.6千 or 0.16万; a factor 2 may be 翻番 or
倍增; a coverage of 100 % is 全覆盖. :func:`numbers_in` reads every number a text writes (each
also scaled by a following 万/亿/千/百); :func:`mentions` says whether one of them is the value.
"""

from __future__ import annotations

import math
import re
import unicodedata

_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_LARGE = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_HAN = "".join([*_DIGITS, *_SMALL, *_LARGE])
_HAN_RUN = re.compile(f"[{_HAN}]+")
# 1,600 / 1，600 (folded to ASCII by NFKC) and 1 600 are one number: drop the separator.
_GROUPED = re.compile(r"(?<=\d)[,\u2009\u202f ](?=\d{3}(?!\d))")
_ARABIC = re.compile(r"\d+(?:\.\d+)?|\.\d+")
#: Words that stand for a number: a factor of two, a full (100 %) coverage, a first one.
_WORDS = {"翻番": 2.0, "翻一番": 2.0, "倍增": 2.0, "翻两番": 4.0, "全覆盖": 100.0, "全部": 100.0,
          # 实现零突破 / 零的突破: a first one (docs/format.md: at_least 1)
          "零突破": 1.0, "零的突破": 1.0}
#: Longest numeral read inside a run of numeral characters (九千九百九十九万九千九百九十九 is 15):
#: bounds the work on a hostile run of thousands of them.
_SPAN = 16


def _han_value(run: str) -> float | None:
    """一千六百 → 1600, 十五 → 15, 三万五千 → 35000, 二〇二五 → 2025; None if not a number."""
    if all(ch in _DIGITS for ch in run):
        return float("".join(str(_DIGITS[ch]) for ch in run)) if len(run) > 1 else \
            float(_DIGITS[run])
    total, section, digit = 0, 0, None
    for ch in run:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL:
            section += (1 if digit is None else digit) * _SMALL[ch]
            digit = None
        else:
            section += digit or 0
            if section == 0 and total == 0:
                return None  # a bare 万 or 亿 is a unit, not a number
            total = (total + section) * _LARGE[ch]
            section, digit = 0, None
    return float(total + section + (digit or 0))


def numbers_in(text: str) -> set[float]:
    """Every number the text writes: Arabic (any width, grouped or not), Chinese numerals,
    the number words above, and each number scaled by a 百/千/万/亿 that follows it."""
    folded = _GROUPED.sub("", unicodedata.normalize("NFKC", text))
    found: set[float] = set()
    for m in _ARABIC.finditer(folded):
        value = float(m.group())
        found.add(value)
        scale = folded[m.end():m.end() + 1]
        if scale in _LARGE or scale in _SMALL:
            found.add(value * (_LARGE.get(scale) or _SMALL[scale]))
    for m in _HAN_RUN.finditer(folded):
        run = m.group()
        # every sub-run too: 十四五 holds 十四 and 五, 五个指标 starts with 五
        for i in range(len(run)):
            for j in range(i + 1, min(len(run), i + _SPAN) + 1):
                han = _han_value(run[i:j])
                if han is not None:
                    found.add(han)
    found.update(v for word, v in _WORDS.items() if word in folded)
    return found


def mentions(text: str, value: float) -> bool:
    """True when ``text`` writes ``value`` in some form (to 1e-9 relative). A negative value
    is written by its size: Chinese states the sign in words (下降3.2%, 减少5家)."""
    size = abs(value)
    return any(math.isclose(n, size, rel_tol=1e-9, abs_tol=1e-12) for n in numbers_in(text))


def missing_numbers(quote: str, values: list[float | None]) -> list[float]:
    """The values (of a target: value, low, high) that its quote does not write."""
    return [v for v in values if v is not None and not mentions(quote, v)]
