"""Figures in tables: rows of ``cell | cell`` (an HTML table as the reader shows it) or cells
separated by tabs.

A header row (a row without a number in its value cells) gives each column what its numbers
are: a unit in brackets (绝对数(亿元), 比上年增长(%)), a change (增长, 增速, 增幅 → growth) and a
year (2024年); a 单位 column, or a unit in brackets after the row's name (研发经费(亿元)), gives
a row's unit. The first cell names the figure; the quote is the row up to the figure's cell, as
the reader shows it. A number whose column and row give no unit is no figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planck.harvest import numbers
from planck.harvest.figure import Figure
from planck.harvest.periods import When

_UNIT = re.compile(rf"^(?:{'|'.join(numbers.SCALES)})?(?:{'|'.join(re.escape(u) for u in numbers.UNITS)})$")
_BRACKET = re.compile(r"[(（]\s*([^()（）]{1,8})\s*[)）]")
_NUMBER = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*$")
_YEAR = re.compile(r"(\d{4})\s*年")
_GROWTH = re.compile(r"增长|增速|增幅|增减|比上年|同比")


@dataclass
class Column:
    unit: str | None = None
    growth: bool = False
    year: str | None = None
    unit_column: bool = False


def cells(text: str) -> list[str] | None:
    """The cells of a table row, or None for a line that is not one."""
    parts = text.split(" | ") if " | " in text else text.split("\t") if "\t" in text else []
    parts = [p.strip() for p in parts]
    while parts and not parts[-1]:
        parts.pop()
    return parts if len(parts) >= 2 else None


def _unit_in(text: str) -> str | None:
    for m in _BRACKET.finditer(numbers.fold(text)):
        u = m.group(1).strip().replace("％", "%")
        if _UNIT.match(u):
            return u
    return None


def _header(row: list[str]) -> list[Column]:
    out = []
    for c in row:
        y = _YEAR.search(c)
        out.append(Column(_unit_in(c), bool(_GROWTH.search(c)), y.group(1) if y else None,
                          re.sub(r"\s", "", c) in ("单位", "计量单位")))
    return out


def table_figures(lines: list[tuple[int, str]], when: When) -> dict[int, list[Figure]]:
    """Index (in ``lines``) of every table row → its figures (a header row: none)."""
    out: dict[int, list[Figure]] = {}
    header: list[Column] | None = None
    default = str(when.year) if when.year else None
    for index, (no, text) in enumerate(lines):
        row = cells(text)
        if row is None:
            header = None
            continue
        figures = out.setdefault(index, [])
        if not any(_NUMBER.match(numbers.fold(c)) for c in row[1:]):
            header = _header(row)
            continue
        if header is None:
            continue
        name = re.sub(r"^[#＃\s]+|\s+", "", _BRACKET.sub("", row[0]))
        own_unit = _unit_in(row[0]) or next((row[i].strip() for i, col in enumerate(header)
                                             if col.unit_column and i < len(row)
                                             and _UNIT.match(row[i].strip())), None)
        for i, c in enumerate(row[1:], 1):
            m = _NUMBER.match(numbers.fold(c))
            col = header[i] if i < len(header) else Column()
            if not m or col.unit_column:
                continue
            unit = col.unit or own_unit
            period = col.year or default
            if not unit or not period or not name:
                continue
            kind = "growth" if col.growth else "share" if unit in ("%", "‰") else "level"
            figures.append(Figure(name, period, numbers.clean(float(m.group(1))), unit, kind,
                                  None, False, " | ".join(row[: i + 1]), no, 1))
    return out
