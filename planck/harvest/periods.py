"""The period a figure is for: a year (2025), a part-year (2025-10) or a span (2021-2025).

Markers are read from the text before the figure in its sentence, the nearest first: 2024年,
1—10月, 前三季度, 上半年, 截至…月, 目前, 十四五期间, 五年来, 年均…; a comparison base (比上年,
较上半年, 同比) is not the figure's period. Words that name no year (全年, 今年, 去年, 上年, 前年)
are read with the document's year (``--year``) or else its date's year: 今年/全年 are that year,
去年/上年 the one before, 前年 the one before that (with a year read from a title, not given,
they count back from the date's year); without either, such a figure has no period and is not
given one by guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
       "十": 10, "十一": 11, "十二": 12}
_PLAN = {"十二": (2011, 2015), "十三": (2016, 2020), "十四": (2021, 2025), "十五": (2026, 2030)}

#: A comparison base: the figure is measured against it, it is not the figure's period.
BASE = re.compile(r"(?:比|较|与|同比|相比|高于|低于|快于|慢于)\s*(?:\d{4}\s*年\s*(?:\d{1,2}\s*月)?(?:底|末)?|"
                  r"(?:1|一)\s*[—–\-~至到]{1,2}\s*\d{1,2}\s*月份?|前三季度|"
                  r"(?:上年|去年|上一年)(?:同期|全年|年末|年底|末)?|上半年|一季度|上月|同期|"
                  r"[“\"]?十.五[”\"]?(?:末|期末)?)")
MARKER = re.compile(
    r"(?P<ymon>(?P<y1>\d{4})\s*年\s*(?:1|一)\s*[—–\-~至到]{1,2}\s*(?P<m1>\d{1,2})\s*月)"
    r"|(?P<cut>截至\s*(?:(?P<y2>\d{4})\s*年)?\s*(?P<m2>\d{1,2})\s*月)"
    r"|(?P<mon>(?<!\d)(?:1|一)\s*[—–\-~至到]{1,2}\s*(?P<m3>\d{1,2})\s*月)"
    r"|(?P<q3>前三季度)|(?P<h1>上半年)|(?P<q1>一季度)"
    r"|(?P<first>前(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,2})个月)"
    r"|(?P<span>(?P<s1>\d{4})\s*[—–\-~至到]{1,2}\s*(?P<s2>\d{4})\s*年)"
    r"|(?P<plan>[“\"]?(?P<p>十[二三四五])五[”\"]?\s*(?P<pw>期间|以来|时期|末|期末)?)"
    r"|(?P<five>五年来|过去五年|近五年|五年累计|五年间)"
    r"|(?P<year>(?P<y3>\d{4})\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日))"
    r"|(?P<now>截至目前|目前|当前|现有|至今)"
    r"|(?P<this>全年|今年|本年|年内|年末|年底)|(?P<last>去年|上年|上一年)|(?P<before>前年)")
_AVERAGE = re.compile(r"年均")


@dataclass(frozen=True)
class When:
    """What the document says about its own time: the year it reports and when it speaks."""

    year: int | None = None  # --year, or the year in a bulletin's title
    day: date | None = None  # --date, or the date the document carries
    #: False when ``year`` was read from a title (a news text naming 2024年…公报): 去年 is then
    #: the year before the text's date, which can be the year the title names.
    year_given: bool = True


def _month(n: str) -> int:
    return int(n) if n.isdigit() else _CN.get(n, 0)


def read(m: re.Match, when: When, sentence_year: int | None) -> str | None:
    """The period a marker names (None: it names none the document lets us read)."""
    year = sentence_year or when.year or (when.day.year if when.day else None)
    g = m.group
    if g("ymon"):
        return _ym(int(g("y1")), int(g("m1")))
    if g("cut"):
        y = int(g("y2")) if g("y2") else year
        return _ym(y, int(g("m2"))) if y else None
    if g("mon") or g("q3") or g("h1") or g("q1") or g("first"):
        month = (int(g("m3")) if g("mon") else 9 if g("q3") else 6 if g("h1") else 3 if g("q1")
                 else _month(g("n")))
        return _ym(year, month) if year else None
    if g("span"):
        a, b = int(g("s1")), int(g("s2"))
        return f"{a}-{b}" if a < b else None
    if g("plan"):
        start, end = _PLAN.get(g("p"), (0, 0))
        if not start:
            return None
        return str(end) if g("pw") in ("末", "期末") else f"{start}-{end}"
    if g("five"):
        # Five years up to the year the text reports: without --year, a text of the second half
        # of a year reports that year, one of the first half (a January report) the year before.
        y = when.year or (when.day.year - (when.day.month < 7) if when.day else None)
        return f"{y - 4}-{y}" if y else None
    if g("year"):
        return g("y3")
    if g("now"):
        return f"{when.day.year}-{when.day.month:02d}" if when.day else None
    if g("this"):
        return str(when.year or (when.day.year if when.day else "")) or None
    if g("last") or g("before"):
        # 去年 is the year before the one the text reports (--year), or before its date's year.
        this = (when.day.year if when.day and not (when.year and when.year_given)
                else when.year)
        return str(this - (1 if g("last") else 2)) if this else None
    return None


def _ym(year: int | None, month: int) -> str | None:
    if not year or not 1 <= month <= 12:
        return None
    return str(year) if month == 12 else f"{year}-{month:02d}"


def markers(text: str) -> list[re.Match]:
    """Period markers in ``text`` (a sentence, folded), comparison bases left out."""
    blanked = BASE.sub(lambda b: "\u3000" * len(b.group()), text)
    return list(MARKER.finditer(blanked))


def explicit_year(text: str) -> int | None:
    """The year a sentence names for itself (2024年…), used to read 上半年/1—10月 in it."""
    for m in markers(text):
        if m.group("y1"):
            return int(m.group("y1"))
        if m.group("y3"):
            return int(m.group("y3"))
    return None


def average(text: str) -> bool:
    """年均: a rate over a span, not over one year."""
    return bool(_AVERAGE.search(text))
