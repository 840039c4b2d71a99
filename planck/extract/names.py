"""Indicator names in a phrase: the verbs, scope words and particles around them trimmed, a list
of names split and completed (城镇、农村居民人均可支配收入), a per-capita rate's unit."""

from __future__ import annotations

import re

from planck.extract import wording as w

_LEAD = re.compile(r"^(?:[—\-。，,；;、]+|\s|为(?=到)|提出|(?:到|至)\d{4}年(?:底|末)?|到“?十.五”?末|"
                   r"力争|争取|确保|全市|全省|我市|我省|本市|本省|全区|[“\"]?十.五[”\"]?(?:时期|期间)|"
                   # 广州2026年GDP…: the place and year a headline puts before the name
                   r"[\u4e00-\u9fff]{0,6}?\d{4}年(?![\d底末前])|"
                   r"其中|并|同时|以及|和|及|与|我国|在全省率先|率先|全面|累计|每年|年均|分别|各|全年|今年|年内|"
                   r"制订|制定|出台|印发|设定了|设定|投产|竣工|《|[^《》]{1,6}?市(?=规模)|"
                   # 今年发展主要预期目标是经济…, 创新驱动方面提出研发…: what leads to the name
                   r"[\u4e00-\u9fff]{0,10}?(?:目标|指标)(?:是|为)|[\u4e00-\u9fff]{2,6}方面(?:提出|明确)?|"
                   # 建成区 is a noun (建成区绿地率), not the verb 建成
                   + w.LEAD_VERBS.replace("建成", "建成(?!区)") + r")+")
_TAIL = re.compile(r"(?:的|等|实现|达到|分别|达|年均|均|都|各|将|要|再|降低|下降|减少|提高|提升|增长|"
                   r"增加|累计|预期|预计|新增|新建|净增|保持在|稳定在|保持|增速|增幅|预期目标|"
                   r"[。，,；;、.\s])+$")
SPLIT = re.compile(r"、|和|及|与|以及")


def split_list(text: str, seps: str = "、") -> list[str]:
    """Split a list of names at ``seps`` outside brackets: 县（市、区）科技特派员 stays whole."""
    parts: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in text:
        depth += ch in "（(《“" and 1 or 0
        depth -= ch in "）)》”" and 1 or 0
        if ch in seps and depth <= 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts


def name_of(text: str) -> str:
    """Trim verbs, scope words and particles from a phrase to leave the indicator's name."""
    # a digest's citation marks [4] and bullets (●经济增长6%)
    s = re.sub(r"\[\d{1,3}\]|^[\s■□●○◆◇▲△★☆▶►•·]+", "", text).strip(" \u3000“”\"")
    prev = None
    while prev != s:
        prev = s
        s = _LEAD.sub("", s).strip(" \u3000")
        s = _TAIL.sub("", s).strip(" \u3000")
    s = s.strip("“”\"'、 ")
    if s.count("“") != s.count("”"):  # 揭榜挂帅”攻关: a quote cut at the clause's start
        s = s.replace("“", "").replace("”", "")
    return s


def per_capita_unit(name: str, unit: str | None) -> str | None:
    """每万人口…件 is a rate: 件/万人."""
    m = re.match(r"^(?:每([万千])人口?|([万千])人)", name)
    if unit and "/" not in unit and m and unit in ("件", "个", "项", "家", "名", "人"):
        return unit + f"/{m.group(1) or m.group(2)}人"
    return unit


def list_names(head: str, figures: int) -> list[str]:
    """The names of a list before 分别/各/均. An item that is only a short modifier shares the
    head noun of the last item (城镇、农村居民人均可支配收入 -> 城镇居民人均可支配收入, …); one
    name of 城乡 with two figures is the urban and the rural one (城乡居民收入分别增长6%、7%)."""
    names = [name_of(x) for x in split_list(head, "、和及与") if name_of(x)]
    if len(names) > 1:
        last = names[-1]
        names = [n + last[len(n):] if len(n) <= 3 and len(last) >= len(n) + 3 else n
                 for n in names[:-1]] + [last]
    elif len(names) == 1 and figures == 2 and names[0].startswith("城乡"):
        names = ["城镇" + names[0][2:], "农村" + names[0][2:]]
    return names
