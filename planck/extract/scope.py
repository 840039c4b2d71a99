"""Document structure: sentences, headings, deadline scope and past facts (the plan period and the
document's date are read in dates.py).

A deadline scope (到2025年, 到“十五五”末, 2022—2025年) carries over the following sentences
until a new scope or a heading. A section about the past (基础, 形势, 回顾, 成效) and a
sentence about past years (“十三五”时期, 2020年…达到, 去年, 目前, 截至) hold facts, not
targets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from planck.extract.dates import (
    EARLIER,
    PERIOD,
    PLAN_EPOCH,
    document_date,
    opening_year,
    period_in_text,
    period_years,
    plan_number,
    plan_period,
)
from planck.extract.places import SUBUNIT, heading_place
from planck.extract.wording import fold

#: Read here by run.py: the document's frame (the plan period, its date) is in dates.py.
__all__ = ["PLAN_EPOCH", "Frame", "Sentence", "clause_past", "clause_year", "document_date", "opening_year",
           "period_in_text", "plan_period", "sentences", "this_year_named"]

#: A sentence ends at 。;!? and, in a digest written as a list on one line, before a bullet
#: (“… [4] - 创新驱动:…”): each item is a sentence of its own.
SENTENCE = re.compile(r"(?:[^。;!?！？\s]|\s(?![-–•]\s))+[。;!?！？]*")

FUTURE = re.compile(r"(?<!截)(?:到|至|力争|争取|(?<=希望|计划|期望|预期|目标)在)\s*(\d{4})\s*年|"
                    r"(\d{4})\s*年\s*(?:前|以前|底前)|"
                    r"(\d{4})\s*[—–\-~至到]{1,2}\s*(\d{4})\s*年|展望\s*(\d{4})\s*年")
PERIOD_END = re.compile(r"(?:(?:到|至)\s*)?[“\"‘]?\s*十([一二三四五六七八九])五\s*[”\"’]?\s*"
                        r"(?:规划)?(?:末|期末|时期末)")
THIS_YEAR = re.compile(r"全年|今年|本年度|年内")
YEAR = re.compile(r"(?<!\d)(\d{4})\s*年")
PAST_WORDS = re.compile(r"去年|上年|近年来|近[两三五]年|目前|截至|截止|已经|已有|已达|已建|同比|"
                        r"累计达到了|实现了|取得了|达到了|增长了|提高了|跃升至|居全省|位居|较上年|"
                        r"成功创建|获批|创历史新高|创历史最好|连续\d+年|连跨")
AIM = re.compile(r"力争|争取|确保|目标(?:是|为)|计划(?:到|在)")
#: 预计全年增长6.3%, 预计实现地区生产总值5312亿元: a report's estimate of the year just ended,
#: a fact even beside 全年 (预计增长3%左右 alone is a year's target as news reports write it).
ESTIMATE = re.compile(r"初步预计|预计(?:全年|实现|完成)")
#: 全年, 年内: the year a paragraph is about, which in a review is the year just ended.
WHOLE_YEAR = re.compile(r"全年|年内|本年度")
PAST_SECTION = re.compile(r"基础|形势|回顾|成效|成就|成绩|现状|进展|工作情况|落实情况|执行情况|发展环境|总结")
#: An unnumbered short line that opens what is planned (发展目标, 重点任务): it ends a review; any
#: other unnumbered short line inside a review is one of its items (湖北获建…先行区).
_AHEAD = re.compile(r"目标|任务|举措|措施|重点|要求|展望|部署|安排|思路|方向|路径|布局|计划|规划")
_BULLET = re.compile(r"^[\s■□●○◆◇▲△★☆▶►•·]+")
HEADING = re.compile(r"^\s*(?:第[一二三四五六七八九十百]+[章节篇]|[一二三四五六七八九十]+[、.]|"
                     r"[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]\s*\D|专栏)")


def this_year_named(lines: list[tuple[int, str]]) -> tuple[int, int] | None:
    """(year, line) of an undated report that names this year beside 今年 in one sentence
    (对于今年政府工作要求，会议提出，2020年…): the only year so named, not a base (比2020年)
    nor a deadline (到2025年)."""
    for no, text in lines:
        for m in SENTENCE.finditer(fold(text)):
            s = m.group()
            if "今年" not in s:
                continue
            years = {int(y) for y in re.findall(r"(?<![\d到至比较由从])(\d{4})\s*年(?!\s*\d)", s)}
            if len(years) == 1:
                return years.pop(), no
    return None


#: A year opening a heading, with or without 年 (2026年——, 2021任务清单, 2020 中国答卷).
_HEAD_YEAR = r"((?:19|20)\d{2})(?:\s*年(?!\s*\d)|(?=\s*[\u4e00-\u9fff—–-])|\s*$)"


#: Numbering of a heading, outermost first: 第一篇, 第一章, 第一节, 一、, （一）, 1., （1）, 专栏.
_LEVELS = tuple(re.compile(p) for p in (
    r"第[一二三四五六七八九十百]+[编篇]", r"第[一二三四五六七八九十百]+章", r"第[一二三四五六七八九十百]+节",
    r"[一二三四五六七八九十]+[、.．]", r"[（(][一二三四五六七八九十]+[)）]", r"\d+[、.．]\s*\D",
    r"[（(]\d+[)）]", r"专栏"))


def heading_level(text: str) -> int:
    """How deep a heading sits in the outline by its numbering; unnumbered lines deepest."""
    s = _BULLET.sub("", text).strip()
    return next((i for i, p in enumerate(_LEVELS) if p.match(s)), len(_LEVELS))


def is_heading(text: str) -> bool:
    s = _BULLET.sub("", text).strip()  # ■ 2024年成绩单: a digest's section mark
    if not s:
        return False
    if HEADING.match(s) and len(s) <= 40 and "。" not in s:
        return True
    # a year may stand in a heading (2025年主要预期目标, 2021任务清单), no other figure
    return len(s) <= 24 and not re.search(r"[。，,;；:：|]", s) and not re.search(
        r"\d", re.sub(r"(?<!\d)\d{4}\s*年(?!\s*\d)|^" + _HEAD_YEAR, "", s))


@dataclass
class Sentence:
    line: int
    col: int  # 1-based column of the sentence in its line
    text: str
    deadline: int | None
    past: bool
    scoped: bool  # the deadline comes from the text (not the plan period)
    annual: bool = False  # a target for one year (今年, 2026年主要预期目标), not the plan's
    subunits: str | None = None  # a section about each county/city (第五章 各县（市、区）…)


@dataclass
class Frame:
    start: int | None  # plan period, if known
    end: int | None
    doc_year: int | None
    own: str | None = None  # the document's own place (洛阳市), never a sub-unit of itself


#: A year that opens a sentence or names a year's targets: 2026年, / 2026年主要预期目标 (not a
#: date 2026年3月, nor 2026年以来).
ANNUAL = re.compile(r"(?:^|[^\d到至])(\d{4})\s*年(?!\s*\d|\s*(?:以来|底|末|前|以前|的|度?工作回顾))"
                    r"(?=\s*[,，:：、]|\s*(?:是|全年|全市|全省|全国)|.{0,30}?(?:预期目标|主要目标|目标任务|计划))")
_NAMED_AIMS = re.compile(r"\s*年.{0,16}?(?:预期目标|主要目标)")
#: 今后五年, 未来五年: the years of the plan a report opens, to its end.
AHEAD_YEARS = re.compile(r"(?:今后|未来|此后)\s*[五5]\s*年")
REVIEW = re.compile(r"过去[五5]年|五年来|五年间|过去一年|一年来|刚刚过去的|过去的一年|过去的五年|"
                    r"这一年|这五年")


def _future_year(text: str, frame: Frame) -> tuple[int, bool] | None:
    """(deadline, annual) a sentence states, if any."""
    floor = frame.start or frame.doc_year or 0
    for m in PERIOD_END.finditer(text):  # “十四五”期末 in a report of 2026 is the past
        if period_years(m.group(1))[1] >= floor:
            return period_years(m.group(1))[1], False
    for m in EARLIER.finditer(text):  # “十五五”时期: the plan's own period, to its end
        if frame.start and period_years(plan_number(m)) == (frame.start, frame.end):
            return period_years(plan_number(m))[1], False
    if frame.end and frame.doc_year and frame.doc_year <= frame.end and AHEAD_YEARS.search(text):
        return frame.end, False  # 今后五年的主要目标: the plan's years, in a report of one of them
    for m in FUTURE.finditer(text):
        year = int(m.group(1) or m.group(2) or m.group(4) or m.group(5))
        if year >= floor:
            return year, False
    for m in ANNUAL.finditer(text):
        year = int(m.group(1))
        if frame.start and frame.end and frame.start <= year <= frame.end or (
                not frame.start and frame.doc_year and year >= frame.doc_year):
            return year, True
        # 2026年…主要预期目标 names its year itself: the year's targets even when nothing
        # else dates the document (a work report that names no plan)
        if not frame.start and not frame.doc_year and _NAMED_AIMS.match(text, m.end(1)):
            return year, True
    if THIS_YEAR.search(text) and frame.doc_year:
        if "今年" not in text and any(int(y) < frame.doc_year for y in YEAR.findall(_no_base(text))):
            return None  # 2019年，…全年增长6.3%: the whole of that year
        return frame.doc_year, True
    return None


def clause_year(text: str, frame: Frame) -> int | None:
    """A year a clause names for itself (希望在2035年…翻一番, 力争到2028年…): it dates that
    clause's figure even when the sentence is dated otherwise (“十五五”时期…)."""
    floor = frame.start or frame.doc_year or 0
    for m in FUTURE.finditer(_no_base(text)):
        year = int(m.group(1) or m.group(2) or m.group(4) or m.group(5))
        if year >= floor:
            return year
    return None


def clause_past(text: str, frame: Frame) -> bool:
    """A clause naming a year before the plan (or the report) for itself and nothing ahead:
    2025年全市地区生产总值增长5.5%, in a sentence that goes on 今年预期增长6%左右."""
    floor = frame.start or frame.doc_year
    if not floor or FUTURE.search(text) or THIS_YEAR.search(text) or PERIOD_END.search(text):
        return False
    return any(int(y) < floor for y in YEAR.findall(_no_base(text)))


def _no_base(text: str) -> str:
    """The text without its base years (比2020年, 由2020年的…), which date no statement."""
    return re.sub(r"(?:比|较|由|从|相比|相对)\s*\d{4}\s*年", "", text)


def _past(text: str, frame: Frame, future: int | None) -> bool:
    floor = frame.start or frame.doc_year
    earlier = any(floor and period_years(plan_number(m))[1] < floor for m in EARLIER.finditer(text))
    if future is not None and not earlier:
        return False
    if earlier or REVIEW.search(text):
        return True
    # 比2025年翻番, 由2020年的X: a base year beside a target is not a sentence about the past.
    years = [int(y) for y in YEAR.findall(_no_base(text))]
    if floor and any(y < floor for y in years):
        return True
    # 力争获批…, 确保位居…: an aim, even with a word that usually reports the past; so is a
    # rank to reach (跃居全省前40位)
    text = re.sub(r"(?:跃居|位居|居|跻身|进入)(?:全[省国市])?前\s*\d+\s*[名位强]", "", text)
    return bool(PAST_WORDS.search(text) or ESTIMATE.search(text)) and not AIM.search(text)


def _year_just_ended(text: str, para_past: bool) -> bool:
    """A sentence dated only by 全年/今年 that reports the year just ended: an estimate
    (预计全年增长6.3%, 预计实现…) or 全年 in a paragraph that reports the past (…成功创建…。
    全年接待游客突破5亿人次). 今年 itself, a named year and an aim are never that."""
    if YEAR.search(text) or PERIOD.search(text) or AIM.search(text):
        return False
    if ESTIMATE.search(text):
        return True
    return para_past and "今年" not in text and bool(WHOLE_YEAR.search(text))


def _heading_year(text: str, frame: Frame) -> tuple[int, bool] | None:
    """三、2026年经济社会发展总体要求: a heading naming one year of the plan opens that year's
    (annual) scope, whatever words follow the year."""
    m = re.match(r"\s*(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+[章节部分]|\d+[、.．])?\s*"
                 + _HEAD_YEAR, _BULLET.sub("", text))
    if m and frame.start and frame.end and frame.start <= int(m.group(1)) <= frame.end:
        return int(m.group(1)), True
    return None


def _before_doc(text: str, frame: Frame) -> bool:
    """■ 2024年成绩单 in a report of 2025: a heading naming a year before the document's."""
    m = re.match(r"\s*(?:[一二三四五六七八九十]+[、.．])?\s*" + _HEAD_YEAR, _BULLET.sub("", text))
    return bool(m and frame.doc_year and int(m.group(1)) < frame.doc_year)


def _opens_past(text: str, frame: Frame) -> bool:
    """A sentence that opens with a past year or an earlier plan's period (2025年，…;
    “十四五”时期，…): what follows in its paragraph is about that time too."""
    floor = frame.start or frame.doc_year
    m = re.match(r"\s*(?:[\d一二三四五六七八九十]+[、.．]\s*)?"
                 r"(?:(\d{4})\s*年|[“\"]?十([一二三四五六七八九])五)", text)
    if not m or not floor:
        return False
    return int(m.group(1)) < floor if m.group(1) else period_years(m.group(2))[1] < floor


def sentences(lines: list[tuple[int, str]], frame: Frame) -> Iterator[Sentence]:
    """Every sentence with its deadline (scope carried over) and whether it states the past.

    A scope (到2028年, 2026年主要预期目标:, 今年) holds until the next scope or heading; a
    heading naming a year of the plan (三、2026年经济社会发展…) opens that year's scope. A year
    after the plan's end (到2035年, a vision) dates its own sentence only."""
    scope: tuple[int, bool] | None = None
    past_section = False
    section_units: str | None = None
    outline: list[tuple[int, bool, tuple[int, bool] | None, str | None]] = []  # open headings
    for no, raw in lines:
        text = fold(raw)
        past_run = False  # 2025年，…达到2.8%。…提高到10.5%: the year holds for the paragraph
        if is_heading(raw):
            floor = frame.start or frame.doc_year
            head = _future_year(text, frame) or _heading_year(text, frame)
            level = heading_level(raw)
            while outline and outline[-1][0] >= level:
                outline.pop()
            parent = outline[-1] if outline else None
            # 2026年——: a heading naming the plan's years opens them, whatever came before
            item = (past_section and not HEADING.match(_BULLET.sub("", raw)) and not _AHEAD.search(raw)
                    and head is None)
            own_past = bool(PAST_SECTION.search(raw) or REVIEW.search(raw)) or any(
                floor and period_years(plan_number(m))[1] < floor for m in EARLIER.finditer(text)
            ) or _before_doc(raw, frame)
            past_section = item or own_past
            units = SUBUNIT.search(raw)
            section_units = units.group() if units else heading_place(raw, frame.own)
            scope = head if head and not past_section else None
            if parent and head is None and not own_past:
                # （一）着力扩大有效需求 under 一、2023年计划执行情况 (or 二、2024年主要预期目标):
                # a sub-heading that says nothing of its time is part of its section's
                past_section = past_section or parent[1]
                scope = scope or (None if past_section else parent[2])
                section_units = section_units or parent[3]
            outline.append((level, past_section, scope, section_units))
            continue
        para_past = False  # a sentence of this paragraph was about the past
        for m in SENTENCE.finditer(text):
            s = m.group()
            if not s.strip():
                continue
            # A period inside a document's title 《…(2022—2025年)》 dates that sentence only.
            own = _future_year(re.sub(r"《[^》]{0,200}》", "", s), frame)
            if own is not None and _year_just_ended(s, para_past):
                own = None
                past_run = True
            if own is not None and not (frame.end and own[0] > frame.end):
                scope = own
            future = own or _future_year(s, frame)
            if own is not None:
                past_run = False
            past = past_section or past_run or _past(s, frame, future[0] if future else None)
            # 过去一年，…增长5.5%；…分别增长4.4%: the review holds for the paragraph
            past_run = past_run or past and future is None and (_opens_past(s, frame)
                                                                 or bool(REVIEW.search(s)))
            para_past = para_past or past
            when = future or scope
            if future is None and scope and scope[1] and "年均" in s:
                when = None  # 年均增长 is a pace over years: a year's scope does not date it
            deadline = when[0] if when else frame.end
            yield Sentence(no, m.start() + 1, raw[m.start():m.end()], deadline, past,
                           when is not None, bool(when and when[1]), section_units)
