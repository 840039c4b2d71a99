"""The name of the indicator a figure measures, read from the words before it.

A name is the clause's words before the figure, without its time and place words (2024年, 全年,
全市, 其中) and without the verb that joins it to the figure (达到, 为, 增长). A clause with no
name of its own takes the figure before it (…投入176.27亿元，比上年增长8.2%: the growth of the
same thing); 其中省级以上336家 takes the thing counted before it (省级以上 + 创新平台载体);
分别 pairs a list of names with a list of figures.
"""

from __future__ import annotations

import re

_LEAD = re.compile(
    r"^(?:[\s\u3000,，、。；;:：—\-]|【[^】]*】|\[[^\]]*\]|(?:比|较)(?:上一年|上年|去年)(?:同期|末|全年)?|"
    r"同比|按[^,，]{0,12}计算|其中|另外|此外|同时|并且|以及|和|及|与|共|合计|累计(?=[达有])|"
    r"初步核算|据初步统计|据统计|经初步核算|经核算|数据显示|统计显示|预计|据预计|全年|今年|本年|去年|上年|前年|上一年|"
    r"年末|年底|目前|截至目前|当前|现有|至今|前三季度|上半年|一季度|\d{4}\s*年(?:\d{1,2}月)?(?:底|末|度)?|"
    r"1\s*[—–\-~至到]{1,2}\s*\d{1,2}\s*月(?:份)?|\d{1,2}月(?:份|末|底)?|截至|"
    r"[“\"]?十.五[”\"]?(?:期间|以来|时期|末)?(?:的)?|五年来|过去五年|近五年|"
    r"全市|全区|全县|我市|本市|我区|全省|我省|全国|在|已|共有|拥有|有|实现|完成|的)+")
_TAIL = re.compile(
    r"(?:[\s\u3000,，、；;:：]|同比|比上年|较上年|比去年|较去年|比上年同期|较上年同期|分别|均|"
    r"达到|达|为|是|至|到|约|接近|将近|近|超过|突破|超|逾|不足|不到|增长|上涨|下跌|增加|下降|减少|提高|提升|上升|回升|"
    r"回落|扩大|加快|实现|完成|拥有|共有|有|总数|总量|累计|新增|净增|新认定|共|的|了|已|发展到|增至|升至|提高到|"
    r"提升至|增长到)+$")
#: 由“十三五”末的 / 从2015年的 before the first figure of 由A提高到B: not part of the name.
_FROM = re.compile(r"(?:由|从)\s*(?:[“\"]?十.五[”\"]?(?:末|期末)?|\d{4}\s*年(?:底|末)?)?\s*(?:的)?$")
_QUALIFIER = re.compile(r"(?:以上|以下|及以上|级|类)$")
_GENERIC = re.compile(r"^(?:各类|各级|全部|所有|各种)")


def name_of(text: str) -> str:
    """Trim time, place, joining words and verbs from ``text`` to leave a name."""
    s = text
    prev = None
    while prev != s:
        prev = s
        s = _LEAD.sub("", s)
        s = _TAIL.sub("", s)
        s = _FROM.sub("", s)
    return s.strip("“”\"'、 \u3000")


#: An increment: the number added in a year (a flow), never the total standing at its end.
INCREMENT = re.compile(r"新增(?!长)|净增|新认定")
_INCREMENT_LEAD = re.compile(r"^(?:当年|年内|全年)?(?:新增(?!长)|净增|新认定)")


def as_increment(name: str, piece: str) -> str:
    """The name of what a figure counts: 新增/净增/新认定 N 家 names the increment (新增 + the
    thing), so it never passes for the stock of the thing; a name carried from an increment
    to a figure whose own words say no increment (…新增49家，总数达520家) is the thing itself."""
    base = _INCREMENT_LEAD.sub("", name)
    found = INCREMENT.search(piece)
    return found.group() + base if found and base else base or name


def carried(name: str, previous: str | None, after_other: bool) -> str:
    """A qualifier after 其中 (省级以上) names a part of the thing before it."""
    if previous and after_other and name and len(name) <= 6 and _QUALIFIER.search(name):
        return name + _GENERIC.sub("", previous)
    return name


def split_names(text: str) -> list[str]:
    """A list of names before 分别 (A、B和C占…比重): each with the words they share after them."""
    parts = [p for p in re.split(r"、|和|及|与", text) if p]
    if len(parts) < 2:
        return parts
    last = parts[-1]
    # The shared words follow the last name: 占规上工业增加值比重, 产量, 增加值.
    m = re.search(r"(占.*|产量.*|增加值.*|营业收入.*|投资.*|销售额.*|比重.*|数量.*)$", last)
    tail = m.group(1) if m and m.start() > 0 else ""
    return [p + tail for p in parts[:-1]] + [last]
