"""Numbers with their units, as published: 176.27亿元, 3000余家, 1.5万家, 增长8.2%, 提高0.3个百分点.

Every rule here is about how statistics are written in Chinese, not about one document. The text
is searched in a folded copy of the same length (full-width digits made ASCII; the full-width
comma stays, since it separates clauses), so offsets cut the verbatim quote from the original.
"""

from __future__ import annotations

import re

_FOLD = str.maketrans("０１２３４５６７８９．％－～‰", "0123456789.%-~‰")


def fold(text: str) -> str:
    """Same length as ``text``: full-width digits, point, percent, minus and tilde made ASCII."""
    return text.translate(_FOLD).replace("−", "-")


#: Units a published figure carries, longest first (件/万人 before 件, 千瓦时 before 千瓦).
UNITS = ("个百分点", "个千分点", "百分点", "千分点", "件/万人", "人/万人", "万人次", "人次", "人年",
         "平方公里", "平方米", "立方米", "千瓦时", "千瓦", "公里", "公顷", "美元", "元", "家", "个",
         "项", "件", "名", "人", "户", "所", "座", "台", "套", "辆", "头", "只", "吨", "亩", "篇",
         "天", "倍", "%", "‰")
SCALES = ("万亿", "亿", "万", "千")
_UNIT = "|".join(re.escape(u) for u in UNITS)
_SCALE = "|".join(SCALES)
#: A figure: sign, number (1,234.5), 余/多 (more than), scale word, unit. Not part of a longer
#: number, a model number (CR929) or a range (1—2个: a range is not a published figure).
FIGURE = re.compile(
    rf"(?<![\dA-Za-z.+\-—–~])(-)?(\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"\s*(余|多)?\s*({_SCALE})?\s*(多)?\s*({_UNIT})(?![A-Za-z\d])")
#: A range: its numbers are no figure (5%—6%, 1—2个).
RANGE = re.compile(r"\d\s*(?:[%个家项件万亿元]{0,2})\s*[—–~\-]{1,2}\s*\d")

_GROWTH = re.compile(r"(?:增长|增|增速|增幅|下降|降|降低|减少|减|提高|提升|上升|回升|回落|上涨|下跌|"
                     r"增加|扩大|加快|放缓|收窄|缩小|拉动|回调)(?:了|为|达|达到|约|近|超过|分别为|分别|"
                     r"高达|\s)*$")
_DOWN = re.compile(r"(?:下降|降|降低|减少|减|回落|下跌|放缓|回调)"
                   r"(?:了|为|达|达到|约|近|超过|分别为|分别|\s)*$")
_SHARE = re.compile(r"比重|占比|占|强度|率|比例|份额|首位度|覆盖")
_LOWER_BEFORE = re.compile(r"(?:超过|突破|超|逾|多于|达\s*到?\s*超)\s*$")
_UPPER_BEFORE = re.compile(r"(?:近|将近|接近|不足|不到|不超过|低于|少于)\s*$")
_LOWER_AFTER = re.compile(r"^\s*(?:以上|多)")
_UPPER_AFTER = re.compile(r"^\s*(?:以下|以内)")


def unit_of(m: re.Match) -> str:
    """The unit as written, with its scale word (万家, 亿元); 个百分点 is 百分点."""
    unit = m.group(6)
    if unit in ("个百分点", "个千分点"):
        unit = unit[1:]
    return (m.group(4) or "") + unit


def value_of(m: re.Match) -> float:
    value = float(m.group(2).replace(",", ""))
    return -value if m.group(1) else value


def kind_of(before: str, unit: str) -> str:
    """level, growth (增长/下降 x%, 提高 x个百分点, 增长x倍) or share (a % that is not a change)."""
    if unit in ("%", "‰", "百分点", "千分点", "倍") and _GROWTH.search(before):
        return "growth"
    if unit in ("百分点", "千分点"):
        return "growth"
    if unit in ("%", "‰"):
        return "share"
    return "level"


def falls(before: str) -> bool:
    """下降/减少/回落 x: the change is negative."""
    return bool(_DOWN.search(before))


def bound_of(m: re.Match, before: str, after: str) -> str | None:
    """lower for 超过/突破/以上/余/多, upper for 近/不足/以下, None when exact."""
    if m.group(3) or m.group(5) or _LOWER_BEFORE.search(before) or _LOWER_AFTER.match(after):
        return "lower"
    if _UPPER_BEFORE.search(before) or _UPPER_AFTER.match(after):
        return "upper"
    return None


def is_share_name(name: str) -> bool:
    return bool(_SHARE.search(name))


def clean(value: float) -> float | int:
    """1600.0 -> 1600, so output reads like the text."""
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else value
