"""When a plan's text is set: the five-year plan it names (in its title or its text), the
document's date, and the year a report opens (今年是“十五五”开局之年)."""

from __future__ import annotations

import re

from planck.extract.wording import fold

_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
#: 十四五 (or 第十四个五年规划) -> the 14th five-year plan.
PERIOD = re.compile(r"十([一二三四五六七八九])五|第十([一二三四五六七八九])个五年")
# A date written in the document: 2022年4月19日, 发布日期:2024-09-19.
DATE = re.compile(r"(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|-(\d{2})-(\d{2}))")
#: 十四五时期/期间/以来, 过去五年: the review of an earlier plan.
EARLIER = re.compile(r"十([一二三四五六七八九])五\s*[”\"]?\s*"
                     r"(?:时期|期间|以来|规划实施以来|规划期末|期末|末)")


def plan_number(m: re.Match) -> str:
    return m.group(1) or m.group(2)


#: The 3rd plan began in 1966 and every later one follows without a gap (14th: 2021-2025).
PLAN_EPOCH = 1966


def period_years(n: str) -> tuple[int, int]:
    k = 10 + _CN[n]
    start = PLAN_EPOCH + 5 * (k - 3)
    return start, start + 4


_TITLE_WORD = re.compile(r"规划|纲要|计划|方案")


def plan_period(lines: list[tuple[int, str]]) -> tuple[int, int, str, int] | None:
    """(start, end, title, line) from the first line that names a five-year plan."""
    # A title names a plan (规划, 纲要, 计划, 方案) and is not a sentence about a period
    # (“十四五”时期，全社会… names a plan's years, not this document).
    found = [(no, text, m) for no, text in lines[:40]
             if (m := PERIOD.search(text)) and len(text) < 120 and _TITLE_WORD.search(text[m.end():])
             and not EARLIER.search(text) and not re.search(r"[，,。；;]", text[m.end():])]
    # A cover letter's line (关于印发…的通知) names the plan less exactly than its own title.
    found.sort(key=lambda x: bool(re.search(r"通知|关于|印发", x[1])))
    if not found:
        return None
    no, text, m = found[0]
    start, end = period_years(plan_number(m))
    return start, end, text.strip(), no


def period_in_text(lines: list[tuple[int, str]]) -> tuple[int, int, int] | None:
    """(start, end, line) of the latest five-year plan the text names anywhere: a work report
    reviews the earlier plan (十四五时期…) and sets out the new one (十五五), never the reverse."""
    best: tuple[int, int, int] | None = None
    for no, text in lines:
        for m in PERIOD.finditer(text):
            start, end = period_years(plan_number(m))
            if best is None or start > best[0]:
                best = (start, end, no)
    return best


_OPENING = re.compile(r"(?:今年|本年)是\s*[“\"]?\s*十([一二三四五六七八九])五\s*[”\"]?\s*(?:规划)?\s*"
                      r"(开局|收官)之年|"
                      # 奋力实现“十五五”良好开局, 确保“十五五”开好局: this year opens the plan
                      r"(?:实现|确保|推动|奋力|全力|力争)\s*[“\"]?\s*十([一二三四五六七八九])五\s*[”\"]?\s*"
                      r"(?:规划)?\s*(?:良好|精彩)?(开局|开好局)")


def opening_year(lines: list[tuple[int, str]], start: int | None, end: int | None) -> int | None:
    """The document's year when it says so by the plan: 今年是“十五五”开局之年 -> 2026."""
    for _, text in lines:
        m = _OPENING.search(text)
        if m:
            first, last = period_years(m.group(1) or m.group(3))
            return last if m.group(2) == "收官" else first
    return None


def document_date(lines: list[tuple[int, str]]) -> tuple[str, int] | None:
    """(YYYY-MM-DD, line) of the document: a line that is a date alone, else the first date."""
    first = None
    for no, text in lines:
        m = DATE.search(fold(text))
        if not m:
            continue
        y, mo, d = m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)
        iso = f"{y}-{int(mo):02d}-{int(d):02d}"
        short = len(re.sub(r"[\s•:：发布日期印发时间]", "", text)) <= 12
        if short:
            return iso, no
        first = first or (iso, no)
    return first
