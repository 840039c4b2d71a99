"""Which place a target is about: the document's own, or a sub-unit (each county, a named city,
a zone) whose targets must never join the place's own indicators.

Read from wording only, with no list of place names: a zone word (高新区, 自贸试验区, 开发区…)
with its proper name; a name ending in 市/县/州 that opens the target's phrase (洛阳市高新技术企业
…, 支持南阳市建成…); a list of short names before 各/均/分别 and a goal verb (郑州、洛阳各建成…);
each-of wording (各县（市、区）, 每个园区, 各省辖市); a heading that names such a place.
"""

from __future__ import annotations

import re

from planck.extract.wording import LEAD_VERBS

#: Sub-units a target may be about instead of the plan's own place: each county, each city of a
#: province, each park (各县（市、区）, 各省辖市, 每个县, 每个产业集群).
SUBUNIT = re.compile(r"(?:各|每个|每一个|每)(?:县\s*[（(]市、?区?[）)]|县[（(]市[）)]|县市区|县区|县|区|"
                     r"省辖市|地市|设区市|市(?!场|级|民)|乡镇|街道|园区|开发区|高新区|产业集群|重点产业集群)")

_ZONE = (r"自由贸易试验区|自贸试验区|自贸区|自贸港|高新技术产业开发区|高新区|经济技术开发区|经开区|"
         r"开发区|综合保税区|综保区|保税区|航空港区|港区|新区|示范区|产业园区|产业园|片区|试验区|功能区")
#: A zone with its proper name (洛阳高新区, 中国(河南)自由贸易试验区郑州片区): always a place of
#: its own. The proper name is 2-8 characters, not a word of kind (国家级, 省级, 各, 每个).
ZONE = re.compile(rf"((?:[（(][\u4e00-\u9fff]{{2,4}}[）)])?[\u4e00-\u9fff]{{2,8}}?(?:{_ZONE}))")
#: Words of kind or action before a zone word (争取新建省级高新区, 都市核心区和功能区): the zone
#: has no proper name then, it is a kind of zone, not one zone.
_CUT = re.compile(r"争取|力争|依托|围绕|立足|在|向|到|国家级|省级|市级|各|每个|每一个|每|全|本|我|该|"
                  rf"重点|特色|相关|其他|现有|所有|一批|一个|若干|和|与|及|、|{LEAD_VERBS}")
#: A city, county or prefecture opening a target's phrase: 洛阳市, 兰考县, 恩施州. Not 城市,
#: 都市, 市场, 市级, 县域, 县级, 市民 (words, not places).
CITY = re.compile(r"([\u4e00-\u9fff]{2,4}?(?:市|县|自治州|州))(?![场级域民内外属直辖委长辖区])")
_NOT_CITY = re.compile(r"(?:上|城|都|省辖|地级|设区|县级|区县|县市|全|本|我|各|每|示范|试点|节点|中心|"
                       r"港口|门户|枢纽|强|大|小|中等|副中心|同|该)(?:市|县|州)$")
_LEAD = re.compile(rf"^(?:[，,、；;：:\s]|支持|推动|推进|鼓励|引导|力争|争取|确保|其中|到\d{{4}}年|"
                   rf"\d{{4}}年|今年|全年|同时|并|{LEAD_VERBS})+")
#: 郑州、洛阳各建成…; 开封、新乡等4市分别…: a list of short names before each-of wording and a goal.
_NAMES = r"(?:[\u4e00-\u9fff]{2,3}[市县]?、)+[\u4e00-\u9fff]{2,3}[市县]?"
_SOME = r"等\s*\d*\s*个?(?:市|县|城市|地)"
LIST = re.compile(rf"^({_NAMES})(?:{_SOME})?(?:各|均|分别|每市|每县)\s*(?:要)?\s*"
                  r"(?:新建|建成|建设|打造|培育|创建|争创|布局|引进|新增|设立|组建|实现|达到)")
#: A heading that is a place and nothing else: （三）洛阳市, 二、郑州航空港区.
HEAD = re.compile(r"^\s*(?:第[一二三四五六七八九十]+[章节]|[一二三四五六七八九十]+[、.．]|"
                  r"[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])?\s*(\S{2,16})\s*$")


#: China's provinces, autonomous regions and municipalities: a report often names another one by
#: its short name alone (湖北今年力争…), with no 省 or 市 to tell it is a place.
PROVINCES = ("北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江",
             "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南",
             "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门")
PROVINCE = re.compile(r"(" + "|".join(PROVINCES) + r")(?:省|市|自治区|特别行政区)?"
                      r"(?=今年|明年|全年|将|要|力争|争取|确保|提出|到\d{4}年|\d{4}年)")


def _own(name: str, own: str | None) -> bool:
    """``name`` is the document's own place (洛阳 in a text of 洛阳市)."""
    if not own:
        return False
    stem = re.sub(r"(?:市|县|省|州|区)$", "", own)
    return bool(stem) and re.sub(r"(?:市|县|州)$", "", name) == stem


def place_list(clause: str) -> bool:
    """郑州、洛阳各建成…: the names before 各 are places, not indicators."""
    return bool(LIST.match(_LEAD.sub("", clause)))


def named(phrase: str, own: str | None) -> str | None:
    """The sub-unit ``phrase`` (a target's words up to its name) is about, if any."""
    m = SUBUNIT.search(phrase)
    if m:
        return m.group()
    head = _LEAD.sub("", phrase)
    m = LIST.match(head)
    if m and not all(_own(n, own) for n in m.group(1).split("、")):
        return m.group(1)
    for z in ZONE.finditer(phrase):
        name = z.group(1)
        # 争取新建省级高新区, 都市核心区和功能区: a kind of zone, not one zone
        name = _CUT.split(name)[-1]
        if len(re.sub(rf"(?:{_ZONE})$", "", name)) >= 2:
            return name
    # a city opening the phrase is another place only when the document's own is known (a
    # report that never names its city may well write its name before its own figures)
    m = CITY.match(head)
    if own and m and not _NOT_CITY.search(m.group(1)) and not _own(m.group(1), own):
        return m.group(1)
    # 湖北今年力争… in Fujian's text: a province named by its short name, then when or an aim
    m = PROVINCE.match(head)
    if own and m and not own.startswith(m.group(1)):
        return m.group(1)
    return None


def heading_place(text: str, own: str | None) -> str | None:
    """The place a heading names when it names only that: （三）洛阳市 -> 洛阳市."""
    m = HEAD.match(text)
    if not m:
        return None
    words = m.group(1)
    z = re.fullmatch(rf"[\u4e00-\u9fff（）()]{{2,12}}?(?:{_ZONE})", words)
    c = CITY.fullmatch(words)
    if re.fullmatch(rf"{_NAMES}(?:{_SOME})?", words):  # （四）开封、新乡等4市
        return words
    if z or own and c and not _NOT_CITY.search(words) and not _own(words, own):
        return words
    return None


_TITLED = re.compile(r"^\s*([\u4e00-\u9fff]{2,6}?[省市县州区])(?=[“\"]|国民经济|科技|.{0,12}?(?:规划|纲要))")
_OWNER = re.compile(r"(?<![\u4e00-\u9fff\d])([\u4e00-\u9fff]{2,6}?[省市县州])(?:第?[一二三四五六七八九十]+届"
                    r"(?:人民代表大会|人大)|人民政府(?!关于)|政府工作报告|[省市]长|国民经济和社会发展)")


def own_place(lines: list[tuple[int, str]], title: str | None) -> str | None:
    """The place the document is about: its title's (洛阳市“十五五”…), else the first place that
    holds the congress or issues the report (乐山市第八届人民代表大会, 四川省人民政府)."""
    m = _TITLED.match(title or "")
    if m:
        return m.group(1)
    for _, text in lines[:60]:
        m = _OWNER.search(text)
        if m and not re.match(r"^(?:全|本|我|各|该)", m.group(1)):
            return m.group(1)
    return None
