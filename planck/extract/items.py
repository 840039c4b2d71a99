"""Targets in one sentence: figures with their comparative, name and baseline.

A sentence is cut into clauses at ， ； ：, a clause into items at 、 和 及 与 where each side
has its own figure. Names are read next to the figure: before a comparative
(高新技术企业不少于1600家) or after a measure word (培育1—2个全国重点实验室). 分别 pairs a list
of names with a list of figures; 各 gives each name the same figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planck.extract import places
from planck.extract import wording as w
from planck.extract.ops import OP

#: A clause ends at a comma, except one grouping a number's thousands (1,200).
CLAUSE = re.compile(r"(?:[^,;:，；：]|(?<=\d),(?=\d{3}(?!\d)))+")
#: A clause is a few dozen characters; a longer run without punctuation (a pasted table, hostile
#: input) is read in pieces of this size, so the work per figure stays bounded (no n² blow-up).
MAX_CLAUSE = 600
#: More figures than this in one sentence is not plan text: the rest of the sentence is skipped.
MAX_PER_SENTENCE = 200


def clauses(text: str):
    """(start, end) of every clause, long ones cut into MAX_CLAUSE pieces."""
    for m in CLAUSE.finditer(text):
        for a in range(m.start(), m.end(), MAX_CLAUSE):
            yield a, min(a + MAX_CLAUSE, m.end())
_QUOTED = re.compile(r"“[^”]{0,40}”|\"[^\"]{0,40}\"|《[^》]{0,200}》|（[^）]{0,40}）|\([^)]{0,40}\)")
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
_SPLIT = re.compile(r"、|和|及|与|以及")


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


@dataclass
class Found:
    """One target as read from the text (before ids and YAML)."""

    name: str
    op: str
    wording: str
    unit: str | None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    reference: str | None = None
    baseline: dict | None = None
    stretch: float | None = None
    attribute: str | None = None
    quote: str = ""
    line: int = 0
    col: int = 0
    deadline: int | None = None
    notes: list[str] = field(default_factory=list)
    from_table: bool = False
    annual: bool = False  # a target for one year of the plan (今年, 2026年主要预期目标)
    scope: str | None = None  # sub-units the target is about (各县（市、区）, 每个园区), not the city


def _mask(text: str) -> str:
    """Quoted names and parentheses blanked (same length), so their digits are not figures."""
    return _QUOTED.sub(lambda m: m.group()[0] + "\u3000" * (len(m.group()) - 2) + m.group()[-1]
                       if "全覆盖" not in m.group() and "翻番" not in m.group() else m.group(), text)


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


#: A rise by some years (再提高1岁, 延长2年): a change of the level, not the level.
_RAISE = re.compile(r"(?:再)?(提高|增加|延长|提升)\s*$")


def _figure_op(clause: str, m: re.Match, mode: tuple[str, str] | None) -> tuple[str, str]:
    """(wording, op) for the figure ``m`` in ``clause``."""
    before, after = clause[: m.start()], clause[m.end():]
    raise_ = _RAISE.search(before)
    if m.group(4) in w.NEED_COMPARATIVE and raise_:
        return raise_.group(1), OP.increase_by  # 人均预期寿命再提高1岁
    if m.group(4) in ("个百分点", "百分点"):  # 提高5个百分点: a change of a % indicator
        change = re.search(r"(提高|提升|增加|增长|上升|降低|下降|减少)\s*$", before)
        if change:
            # decrease_by is a share of the baseline, so a fall in points needs its own operator.
            return change.group(1), (OP.decrease_points if change.group(1) in "降低下降减少"
                                     else OP.increase_by)
    comp_b = w.comparative_before(before)
    comp_a = w.comparative_after(after)
    if comp_b and comp_b[1] == OP.annual_growth and m.group(4) == "%":
        # 增长5%左右, 年均增长7%以上, 增长4.5%-5%: a growth rate, whatever follows it
        return comp_b[0] + (f"{m.group(1)}%—{m.group(2)}%" if m.group(2) else
                            "…" + comp_a[0] if comp_a else ""), OP.annual_growth
    if m.group(2) and mode and mode[1] == OP.decrease_by and m.group(4) == "%":
        # 降低3.6%—3.8%: a fall of at least the lower figure, the upper a stretch (as 增长4.5%-5%)
        return f"{mode[0]}{m.group(1)}%—{m.group(2)}%", OP.decrease_by
    if m.group(2):
        return f"{m.group(1)}—{m.group(2)}", OP.between
    comp = comp_a if comp_a and comp_a[1] in (OP.about, OP.at_most) else comp_b or comp_a
    if mode:
        word, op = mode
        if op == OP.decrease_by and comp and comp[1] == OP.at_most:
            return comp
        if op in (OP.increase_by, OP.per_year, OP.cumulative, OP.decrease_by):
            # 新增1000个左右: the mode's operator, with 左右 kept in the wording
            return (f"{word}…{comp[0]}" if comp and comp[1] == OP.about else
                    comp[0] if comp else word), op
        if op == OP.annual_growth and m.group(4) in ("%",):
            return word, op
    if comp:
        if comp[1] == OP.annual_growth and m.group(4) != "%":
            return comp[0], OP.at_least
        return comp
    return "", OP.at_least


def figures(sentence: str, line: int, col: int, deadline: int | None) -> list[Found]:
    """Every figure-bearing target in a sentence (the caller has ruled out past facts)."""
    masked = _mask(w.fold(sentence))
    out: list[Found] = []
    goal = False  # the clause before set a goal (建成A1家，B1家，C1家: B and C are goals too)
    listed = False  # after 主要指标: / 目标是: every figure is a goal
    for a, b in clauses(masked):
        if len(out) > MAX_PER_SENTENCE:
            break  # not a sentence of a plan (the caller notes the cut)
        found_here = _clause(masked[a:b], sentence[a:b], listed or goal and bool(_BARE.match(masked[a:b])))
        listed = listed or masked[b:b + 1] == ":" and bool(_LISTS.search(masked[a:b]))
        goal = bool(found_here) and (goal and bool(_BARE.match(masked[a:b]))
                                     or bool(w.GOAL_VERBS.search(masked[a:b])))
        for f in found_here:
            f.line, f.deadline = line, deadline
            f.col = col + a + max(0, sentence[a:b].find(f.quote))
            if not f.name:  # 达到3000家，力争3500家: a stretch level of the figure before
                prev = out[-1] if out else None
                if prev and prev.value is not None and f.value is not None and prev.unit == f.unit:
                    prev.stretch = f.value
                    prev.notes.append(f"stretch level (力争) from: {f.quote}")
                elif prev and f.unit and prev.unit != f.unit and f.op in _LEVELS and "力争" not in f.quote:
                    # 地区生产总值年均增长5.5%，到2030年突破5000亿元: the same indicator's level
                    f.name = prev.name
                    out.append(f)
                continue
            out.append(f)
    return out


_VERB_ONLY = re.compile(rf"新?(?:{w.LEAD_VERBS})")
#: Comparatives of a level (突破5000亿元): a clause with one and no name of its own states the
#: level of the indicator named just before it.
_LEVELS = (OP.at_least, OP.more_than, OP.at_most, OP.about)
#: A lead naming what follows as targets: 明确核心指标:, 主要目标是:, 预期目标为:.
_LISTS = re.compile(r"(?:指标|目标|目标任务)(?:是|为|有)?\s*$")
#: A clause that is only a name and a count (市级重点实验室1家): an item of the list before it.
_BARE = re.compile(r"^\s*[^\d,;，；、]{2,24}?\d+(?:\.\d+)?\s*[万千]?\s*(?:家|个|项|名|所|件|座|条)\s*$")


def _clause(clause: str, original: str, goal: bool = False) -> list[Found]:
    if w.FISCAL.search(clause):
        return []  # a fiscal arrangement, not a plan indicator
    figs = [m for m in w.FIGURE.finditer(clause)
            if clause[max(0, m.start() - 1): m.start()] not in ("前", "第") and not _is_qualifier(clause, m)
            and not (m.group(4) in w.NEED_COMPARATIVE and not w.comparative_before(clause[: m.start()])
                     and not _RAISE.search(clause[: m.start()]))
            and not (m.group(4) == "人" and clause[m.end(): m.end() + 1] in ("年", "次"))  # 人年, 人次
            and not re.search(r"提出\s*$", clause[: m.start()])]  # 提出3项指标: a plan's contents
    if not figs:
        return []
    quote = original.strip(" \u3000")
    if "分别" in clause and len(figs) > 1:
        return _respectively(clause, original, quote, figs, w.mode_in(clause[: figs[0].start()]))
    out: list[Found] = []
    pos = 0
    for i, m in enumerate(figs):
        nxt = figs[i + 1].start() if i + 1 < len(figs) else len(clause)
        f = _one(clause, original, m, pos, nxt, _mode(clause, m.start()), goal)
        if f is None:
            continue
        f.quote = quote
        if not f.name and out and out[-1].value is not None and out[-1].unit == f.unit:
            out[-1].stretch = f.value
        else:
            out.append(f)
        after = w.comparative_after(clause[m.end(): nxt])
        pos = m.end() + (len(after[0]) if after else 0)
    # 每千人口拥有执业医师数3.7人、注册护士数5.1人: the rate holds for the list's items
    rate = next((f.unit for f in out[:1] if f.unit and "/" in f.unit and re.match(r"每[万千]", f.name)), "")
    for f in out[1:] if rate else []:
        if f.unit == rate.split("/")[0]:
            f.unit = rate
    # 各 gives each name the same figure; so do 分别 before a single figure (A、B、C分别增长5%)
    # and 均 (森林覆盖率、建成区绿地率均达到40%)
    each = _EACH.search(clause)
    if each and len(out) == 1 and not places.place_list(original):
        names = list_names(re.sub(r"每年|年均", "", original[: each.start()]), 1)
        if len(names) > 1:
            base = out[0]
            out = [Found(**{**base.__dict__, "name": n, "notes": list(base.notes)}) for n in names]
    return out


#: Words giving each name of a list the same figure.
_EACH = re.compile(r"分别|各|(?<![年人平])均"
                   r"(?=\s*(?:达到|达|超过|不低于|不少于|提高|保持|控制|增长|在|为|突破))")


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


def _mode(clause: str, at: int) -> tuple[str, str] | None:
    """The mode word (新增, 每年…) for a figure: from its own 、-item, else carried over from an
    earlier item of the clause when the figure has no comparative of its own."""
    item_start = max(clause.rfind(c, 0, at) for c in "、和及与")
    own = w.mode_in(clause[item_start + 1: at])
    if own or item_start < 0:
        return own
    if w.comparative_before(clause[:at]):
        return None
    return w.mode_in(clause[:at])


def _is_qualifier(clause: str, m: re.Match) -> bool:
    """超10亿元科技型企业10家: a figure inside a name (followed by a noun then another figure)."""
    rest = clause[m.end():]
    if w.comparative_after(rest):
        return False
    nxt = w.FIGURE.search(rest)
    if not nxt:
        return False
    between = rest[: nxt.start()]
    return bool(between) and not _SPLIT.search(between) and len(between) <= 12


def _one(clause: str, original: str, m: re.Match, pos: int, nxt: int, mode,
         goal: bool = False) -> Found | None:
    """The target of figure ``m``; offsets are the same in ``clause`` (masked) and ``original``."""
    before = clause[pos: m.start()]
    after = clause[m.end(): nxt]
    value, unit, note = w.unit_and_value(w.number(m.group(1)), m.group(3), m.group(4))
    wording, op = _figure_op(clause, m, mode)
    # 推进55个试点项目、30个片区建设: a count of things to build is a commitment
    building = re.search(r"推进[^,;，；]{0,16}$", clause[:m.start()]) and "建设" in clause[m.end():]
    if (op == OP.at_least and not wording and not w.GOAL_VERBS.search(clause[: m.start()]) and not building
            and not goal):
        return None  # a bare figure without a goal verb (加快13个开发区…) is not a target
    comp_a = w.comparative_after(after)
    skip = (len(after) - len(after.lstrip()) + len(comp_a[0])) if comp_a else 0
    tail = original[m.end() + skip: nxt]
    # 40家A、B、C等研发平台: an enumeration with its category is one name; else the first item.
    name_after = name_of(tail if "等" in tail else re.split(r"[、和及与]", tail)[0]) if tail.strip() else ""
    cut_end = m.start()
    comp_b = w.comparative_before(before)
    if comp_b:
        cut_end = pos + before.rstrip().rfind(comp_b[0])
    name = name_after or name_of(original[pos:cut_end])
    if _VERB_ONLY.fullmatch(name):
        name = ""  # 新培育 2518个: a verb with its object cut off is no name
    if not name and "力争" not in before and not (comp_b and comp_b[1] in _LEVELS):
        return None
    if mode and mode[1] == op and mode[0] in name:  # 城镇新增就业1200万人: 新增 names it
        wording, op = _figure_op(clause, m, None)
    f = Found(name=name, op=op, wording=wording, unit=per_capita_unit(name, unit))
    if note:
        f.notes.append(note)
    if "左右" in after[:4] and op != OP.about:
        f.notes.append(f"左右: about {m.group(1)}{m.group(3)}{m.group(4)}; the operator cannot say so")
    if op in (OP.annual_growth, OP.decrease_by) and m.group(2):  # 增长4.5%-5%: lower end, upper a stretch
        f.value, f.stretch = w.clean(value), w.clean(w.number(m.group(2)))
    elif op == OP.between:
        hi, _, _ = w.unit_and_value(w.number(m.group(2)), m.group(3), m.group(4))
        f.low, f.high = w.clean(value), w.clean(hi)
    else:
        f.value = w.clean(value)
    base = w.FROM_TO.search(clause[: m.start() + 1])
    if base and clause[base.end():m.start()].strip() == "":
        bval, _, _ = w.unit_and_value(w.number(base.group(2)), base.group(3), base.group(4) or m.group(4))
        f.baseline = {"value": w.clean(bval), "year": int(base.group(1)) if base.group(1) else None}
        f.name = name_of(original[: base.start()]) or f.name
        f.wording = f.wording or "增至"
    return f


def _respectively(clause: str, original: str, quote: str, figs: list[re.Match], mode) -> list[Found]:
    head = original[: clause.find("分别")]
    names = list_names(re.sub(r"每年|年均", "", head), len(figs))
    out = []
    for i, m in enumerate(figs):
        name = names[i] if len(names) == len(figs) else (names[-1] if names else "")
        if not name:
            continue
        value, unit, note = w.unit_and_value(w.number(m.group(1)), m.group(3), m.group(4))
        # 分别达到3.2%、2000家: the comparative before the first figure holds for every figure.
        wording, op = _figure_op(clause, m, mode)
        first = _figure_op(clause, figs[0], mode)
        if not wording and first[1] != OP.between:
            wording, op = first
        elif first[1] == OP.annual_growth and op == OP.per_year and m.group(4) == "%":
            wording, op = first  # 年均分别增长6%、7%: 年均 before 分别 is the growth's, not 每年
        elif first[1] == OP.annual_growth and op in (OP.about, OP.at_least, OP.at_most) and m.group(4) == "%":
            # 分别增长7%、8%左右: the growth holds for every figure, 左右 is kept in the wording
            wording, op = f"{first[0]}…{wording}", OP.annual_growth
        f = Found(name=name, op=op, wording=wording, unit=per_capita_unit(name, unit), quote=quote)
        if op == OP.between:
            f.low, f.high = w.clean(value), w.clean(w.number(m.group(2)))
        else:
            f.value = w.clean(value)
        if note:
            f.notes.append(note)
        if len(names) != len(figs):
            f.notes.append(f"分别 with {len(names)} names and {len(figs)} figures: check the pairing")
        out.append(f)
    return out


def words(sentence: str, line: int, col: int, deadline: int | None) -> list[Found]:
    """Targets without a figure: 翻番/倍增, 全覆盖, 接近全省平均水平, 前N名."""
    text = _mask(w.fold(sentence))
    out: list[Found] = []
    for a, b in clauses(text):
        clause, original = text[a:b], sentence[a:b]
        quote = original.strip(" \u3000")
        for f in _word_targets(clause, original, quote):
            f.line, f.deadline = line, deadline
            f.col = col + a + max(0, original.find(f.quote))
            out.append(f)
    return out


_ALL = re.compile(r"全部(入列|纳入|达标|建成|通过|完成|接入|上线|开通)")
_COVER_VERB = re.compile(r"(实现|做到|达到|率先实现|基本实现|全面实现)")
_PLAN_WORD = re.compile(r"^[”\"]?(?:行动)?(?:计划|方案|工程|行动)")


def _word_targets(clause: str, original: str, quote: str) -> list[Found]:
    out = []
    m = w.MULTIPLE.search(clause)
    doubling = m and (m.group(1) != "倍增" or clause[: m.start()].endswith("实现"))
    if m and doubling and not re.search(r"行动|计划|工程", clause[m.end():m.end() + 6]):
        head = re.sub(r"[“\"]?[一二三四五六七八九十两]个指标$", "",
                      original[: m.start()].rstrip("“\" ").removesuffix("实现"))
        vs = w.VERSUS.search(head)
        if vs:
            head = head[: vs.start()]
        names = [name_of(x) for x in split_list(head) if name_of(x)]
        for n in names:
            f = Found(name=n, op=OP.multiple_of, wording=m.group(1), unit=None, value=w.FACTORS[m.group(1)],
                      quote=quote)
            f.baseline = {"year": int(vs.group(1))} if vs else None
            out.append(f)
    for cov in w.COVERAGE.finditer(clause):
        head, tail = original[: cov.start()], clause[cov.end():]
        verb = _COVER_VERB.search(clause[: cov.start()])
        if not verb and not _PLAN_WORD.match(tail) or re.search(r"逐步|逐渐|推进|推动", head[-30:]):
            continue  # 逐步实现/推进…全覆盖: work under way, no committed end state
        body = head[verb.end():] if verb else head
        if verb and not name_of(body):  # 研发活动实现全覆盖: the name stands before the verb
            body = head[: verb.start()]
        body = re.sub(r"[“\"]?[一二三四五六七八九十两]个$", "", body.rstrip("“\" "))
        body = re.sub(r"^.*?(?:实施|开展)", "", body) if not verb else body
        names = [name_of(x) for x in split_list(body) if name_of(x)]
        for n in names:
            out.append(Found(name=n, op=OP.coverage, wording="全覆盖", unit="%", value=100, quote=quote))
    every = _ALL.search(clause)
    if every and not _PLAN_WORD.match(clause[every.end():]):
        name = name_of(original[: every.start()])  # X全部入列: every X does it = coverage of X
        if name:
            out.append(Found(name=name + every.group(1), op=OP.coverage, wording="全部", unit="%",
                             value=100, quote=quote))
    ref = w.REFERENCE.search(clause)
    if ref:
        name = name_of(original[: ref.start()])
        if name:
            op = {"接近": OP.near_reference, "超过": OP.above_reference,
                  "高于": OP.above_reference}.get(ref.group(1), OP.at_least_reference)
            out.append(Found(name=name, op=op,
                             wording=ref.group(1), unit=None, reference=ref.group(2), quote=quote))
    for r in w.RANK.finditer(clause):
        name = name_of(re.sub(r"(?:进入|跻身|保持|位居|位列|居)?[全国省市内]*$", "", original[: r.start()]))
        if name:
            out.append(Found(name=name, op=OP.rank_at_most, wording=r.group(0),
                             unit="位", value=int(r.group(1)), quote=quote))
    return out
