"""Targets in one sentence: figures with their comparative, name and baseline.

A sentence is cut into clauses at ， ； ：, a clause into items at 、 和 及 与 where each side
has its own figure. Names are read next to the figure: before a comparative
(高新技术企业不少于1600家) or after a measure word (培育1—2个全国重点实验室). 分别 pairs a list
of names with a list of figures; 各 gives each name the same figure. How a name is trimmed is in
planck/extract/names.py, targets without a figure (翻番, 全覆盖) in planck/extract/figureless.py.
"""

from __future__ import annotations

import re

from planck.extract import places
from planck.extract import wording as w
from planck.extract.figureless import words
from planck.extract.found import MAX_CLAUSE, MAX_PER_SENTENCE, Found, clauses, mask
from planck.extract.names import SPLIT, list_names, name_of, per_capita_unit, split_list
from planck.extract.ops import OP

#: What other modules read here (the reader of a sentence's targets is split over a few).
__all__ = ["MAX_CLAUSE", "MAX_PER_SENTENCE", "Found", "clauses", "figures", "list_names", "name_of",
           "per_capita_unit", "split_list", "words"]

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
    masked = mask(w.fold(sentence))
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
                aim = bool(re.search(r"力争|争取", f.quote))
                growth = f.op == OP.annual_growth and f.unit == "%"
                if (prev and prev.value is not None and f.value is not None and prev.unit == f.unit
                        and (aim or not growth)):
                    prev.stretch = f.value
                    prev.notes.append(f"stretch level (力争) from: {f.quote}")
                elif prev and f.unit and not aim and (growth or prev.unit != f.unit and f.op in _LEVELS):
                    # …年均增长5.5%，到2030年突破5000亿元; …达到8000亿元，年均增长6%: the same
                    # indicator's level or growth
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
    return bool(between) and not SPLIT.search(between) and len(between) <= 12


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
    if re.fullmatch(r"新?(?:台阶|大关|关口|量级)", name_after):
        name_after = ""  # 迈上10万亿元台阶: the figure's step, not what it counts
    if building:  # 推进30个城市更新重点片区建设: the things counted, not their building
        name_after = re.sub(r"(?<=.{2})建设$", "", name_after)
    cut_end = m.start()
    comp_b = w.comparative_before(before)
    if comp_b:
        cut_end = pos + before.rstrip().rfind(comp_b[0])
    name = name_after or name_of(original[pos:cut_end])
    if _VERB_ONLY.fullmatch(name):
        name = ""  # 新培育 2518个: a verb with its object cut off is no name
    if not name and "力争" not in before and not (comp_b and (comp_b[1] in _LEVELS or (
            comp_b[1] == OP.annual_growth and m.group(4) == "%"))):
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
