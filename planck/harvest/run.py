"""From a file to what ``planck harvest`` reports: the document's frame (title, year, date)
and its figures, as the versioned JSON of docs/harvest.md (``planck.harvest/1``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from planck.extract.reading import Doc
from planck.harvest.figure import Figure, Harvest
from planck.harvest.find import harvest
from planck.harvest.numbers import fold
from planck.harvest.periods import When

SCHEMA = "planck.harvest/1"
_BULLETIN = re.compile(r"(\d{4})\s*年.{0,30}(?:统计公报|经济运行|统计快报)")
_DATE = re.compile(r"^\s*[•·\-*]?\s*(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|-(\d{2})-(\d{2}))\s*$")
_LABEL = re.compile(r"发布|时间|日期|更新|浏览|来源")


@dataclass
class Frame:
    title: str | None
    when: When
    written: date | None  # a dateline in the text (not a page's publication label)


def title_of(doc: Doc) -> str | None:
    """The HTML <title>; else the first line of words (a date or a label is not a title)."""
    if doc.title:
        return doc.title
    for _, text in doc.lines[:30]:
        s = text.strip(" \u3000•·")
        if not _DATE.match(s) and len(re.findall(r"[\u4e00-\u9fff]", s)) >= 8:
            return s[:200]
    return None


def written_date(doc: Doc) -> date | None:
    """The date the text was written (a line that is a date alone, not a page's 发布日期)."""
    prev = ""
    for _, text in doc.lines:
        m = _DATE.match(fold(text))
        if m and not _LABEL.search(prev):
            y, mo, d = m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)
            try:
                return date(int(y), int(mo), int(d))
            except ValueError:
                pass
        if text.strip():
            prev = text
    return None


def frame(doc: Doc, year: int | None, day: date | None) -> Frame:
    """The document's year: --year, else the year a bulletin's title names (2024年…统计公报)."""
    title = title_of(doc)
    given = year is not None
    if year is None:
        for _, text in doc.lines[:10]:
            m = _BULLETIN.search(fold(text))
            if m:
                year = int(m.group(1))
                break
    written = written_date(doc)
    return Frame(title, When(year, written or day, given), written)


def run(doc: Doc, year: int | None = None, day: date | None = None) -> tuple[Frame, Harvest]:
    fr = frame(doc, year, day)
    return fr, harvest(doc, fr.when)


def figure_json(f: Figure) -> dict[str, Any]:
    return {"name": f.name, "period": f.period, "value": f.value, "unit": f.unit, "kind": f.kind,
            "bound": f.bound, "estimate": f.estimate, "quote": f.quote, "line": f.line}
