"""Indicator tables: rows of ``cell | cell`` (text, or HTML rows read as such) or tab-separated.

A header row names the columns (指标/指标名称, 单位, 2020年(基数), 2025年(目标), 属性); the
rows below it, until a line that is not a row, are indicators. The latest year column is the
target, an earlier one the baseline. 约束性/预期性 comes from a 属性 column or the table title.
"""

from __future__ import annotations

import re

from planck.extract import wording as w
from planck.extract.items import Found, name_of, per_capita_unit
from planck.extract.ops import OP

_YEAR = re.compile(r"(\d{4})\s*年")
_UNIT_IN_NAME = re.compile(r"[(（]\s*([^()（）]{1,8})\s*[)）]\s*$")
_CELL_VALUE = re.compile(rf"^\s*(>|≥|<|≤|＞|＜|大于|小于)?\s*\[?\s*({w.NUM})"
                         rf"(?:\s*{w.DASH}\s*({w.NUM}))?\s*\]?\s*"
                         r"(%|左右|以上|以内|以下)?\s*(左右|以上|以内|以下)?\s*[*＊※]?\s*$")
#: 1.国内生产总值增长: a row's number in the table.
_NUMBERED = re.compile(r"^\s*\d{1,3}\s*[.、．]\s*")
#: What a row measures when its name says it changes: 增长(%) is a growth rate, 降低(%) a fall.
_GROWS = re.compile(r"(?:增长|增速)\s*$")
_FALLS = re.compile(r"(?:降低|下降|减少)\s*$")
_ATTR = {"约束性": "binding", "预期性": "expected"}


def _cells(text: str) -> list[str] | None:
    if "|" in text:
        cells = [c.strip() for c in text.split("|")]
    elif "\t" in text:
        cells = [c.strip() for c in text.split("\t")]
    else:
        return None
    while cells and not cells[-1]:
        cells.pop()
    return cells if len(cells) >= 3 else None


def _header(cells: list[str]) -> dict | None:
    cols: dict = {"years": []}
    for i, c in enumerate(cells):
        y = _YEAR.search(c)
        if y:
            cols["years"].append((int(y.group(1)), i, c))
        elif "指标" in c and "name" not in cols:
            cols["name"] = i
        elif c.strip() in ("单位", "计量单位"):
            cols["unit"] = i
        elif "属性" in c or "类型" in c:
            cols["attr"] = i
        elif re.search(r"年均|累计", c):  # 年均/累计: a pace over the plan, or its sum ([13.5])
            cols["pace"] = i
    if "name" not in cols or not cols["years"]:
        return None
    return cols


def table_targets(lines: list[tuple[int, str]], plan_start: int | None) -> tuple[list[Found], set[int]]:
    """Targets from every indicator table, and the line numbers the tables occupy."""
    out: list[Found] = []
    used: set[int] = set()
    i = 0
    while i < len(lines):
        no, text = lines[i]
        cells = _cells(text)
        cols = _header(cells) if cells else None
        if not cols:
            i += 1
            continue
        title = lines[i - 1][1] if i else ""
        table_attr = next((v for k, v in _ATTR.items() if k in title), None)
        used.add(no)
        width = len(cells or [])
        years = sorted(cols["years"])
        target_year, t_col, _ = years[-1]
        base = next(((y, c) for y, c, _ in reversed(years[:-1]) if y < target_year), None)
        i += 1
        while i < len(lines):
            rno, rtext = lines[i]
            row = _cells(rtext)
            if row is None:
                break
            used.add(rno)
            f = _row(_aligned(row, width, cols["name"]), cols, t_col, target_year, base, table_attr, rtext)
            if f:
                f.line, f.col = rno, max(1, rtext.find(f.quote) + 1)
                out.append(f)
            i += 1
    return out, used


def _aligned(row: list[str], width: int, name: int) -> list[str]:
    """A row short of the header's cells lacks its first ones: a category cell spanning several
    rows (rowspan) is written once, so the rows after it start one cell later."""
    if len(row) >= width or name >= len(row) or _CJK.search(row[name]):
        return row
    padded = [""] * (width - len(row)) + row
    return padded if _CJK.search(padded[name]) else row


_CJK = re.compile(r"[\u4e00-\u9fff]{2}")


def _row(row: list[str], cols: dict, t_col: int, year: int, base, table_attr, text: str) -> Found | None:
    if t_col >= len(row) or cols["name"] >= len(row):
        return None
    raw_name = _NUMBERED.sub("", row[cols["name"]])
    unit = row[cols["unit"]].strip() if "unit" in cols and cols["unit"] < len(row) else None
    m_unit = _UNIT_IN_NAME.search(raw_name)
    if m_unit:
        unit = unit or m_unit.group(1)
        raw_name = raw_name[: m_unit.start()]
    name = name_of(raw_name)
    cell = w.fold(row[t_col])
    m = _CELL_VALUE.match(cell)
    pace = cols.get("pace")
    if not m and pace is not None and pace < len(row):  # — | >7 : the plan's pace, not a level
        cell = w.fold(row[pace])
        m = _CELL_VALUE.match(cell)
        t_col = max(t_col, pace)
    if not name or not m:
        return None
    sign, a, b, suffix1, suffix2 = m.groups()
    unit = unit.replace("％", "%") if unit else None
    if suffix1 == "%":
        unit = unit or "%"
    word = suffix2 or (suffix1 if suffix1 != "%" else None)
    op, wording = OP.at_least, ""
    if b:
        op, wording = OP.between, f"{a}—{b}"
    elif word:
        op, wording = w.AFTER[word], word
    elif sign:
        op = {">": OP.more_than, "＞": OP.more_than, "大于": OP.more_than, "≥": OP.at_least,
              "<": OP.at_most, "小于": OP.at_most, "≤": OP.at_most}[sign]
        wording = sign
    summed = "累计" in raw_name or cell.strip().startswith("[")
    percent = unit in ("%", "％")
    if _FALLS.search(raw_name) and percent:
        op = OP.decrease_by  # 单位GDP能源消耗降低(%) | [13.5]: a fall of 13.5 % over the plan
    elif _GROWS.search(raw_name) and percent and op not in (OP.at_most, OP.between):
        op = OP.annual_growth if not summed else OP.cumulative  # 研发经费投入增长(%) | >7
    elif summed:
        # 人均预期寿命(岁) | [1]: a rise over the plan; [x] of a flow is its sum
        op = OP.increase_by if unit in ("岁", "年") or "提高" in raw_name else OP.cumulative
    quote = " | ".join(c for c in row[cols["name"]: t_col + 1])
    if quote not in text:
        quote = row[cols["name"]]
    f = Found(name=name, op=op, wording=wording, unit=per_capita_unit(name, unit), quote=quote,
              deadline=year, from_table=True)
    if op == OP.between:
        f.low, f.high = w.clean(w.number(a)), w.clean(w.number(b))
    else:
        f.value = w.clean(w.number(a))
    if base and base[1] < len(row):
        bm = _CELL_VALUE.match(w.fold(row[base[1]]))
        if bm and not bm.group(3):
            f.baseline = {"year": base[0], "value": w.clean(w.number(bm.group(2))), "quote": quote}
    attr = row[cols["attr"]].strip() if "attr" in cols and cols["attr"] < len(row) else ""
    f.attribute = _ATTR.get(attr) or table_attr
    return f
