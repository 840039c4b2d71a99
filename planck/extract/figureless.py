"""Targets without a figure: 翻番/倍增, 全覆盖, X全部达标, 接近/达到/高于全省平均水平, 前N名."""

from __future__ import annotations

import re

from planck.extract import wording as w
from planck.extract.found import Found, clauses, mask
from planck.extract.names import name_of, split_list
from planck.extract.ops import OP


def words(sentence: str, line: int, col: int, deadline: int | None) -> list[Found]:
    """Targets without a figure: 翻番/倍增, 全覆盖, 接近全省平均水平, 前N名."""
    text = mask(w.fold(sentence))
    out: list[Found] = []
    before = ""  # the clause before: the subject of a clause that has none (…位次实现“进等升位”，跃居…)
    for a, b in clauses(text):
        clause, original = text[a:b], sentence[a:b]
        quote = original.strip(" \u3000")
        subject = name_of(re.split(r"实现|达到|保持|提升|进入|位居", before)[0])
        before = original
        for f in _word_targets(clause, original, quote, subject):
            f.line, f.deadline = line, deadline
            f.col = col + a + max(0, original.find(f.quote))
            out.append(f)
    return out


_ALL = re.compile(r"全部(入列|纳入|达标|建成|通过|完成|接入|上线|开通)")
_COVER_VERB = re.compile(r"(实现|做到|达到|率先实现|基本实现|全面实现)")
_PLAN_WORD = re.compile(r"^[”\"]?(?:行动)?(?:计划|方案|工程|行动)")


def _word_targets(clause: str, original: str, quote: str, subject: str = "") -> list[Found]:
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
        pair = [name_of(x) for x in split_list(head, "和及与")]
        if len(names) == 1 and len(pair) > 1 and all(len(n) >= 4 for n in pair):
            names = pair  # 国内生产总值和城乡居民人均收入比2010年翻一番: both double
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
        lead = re.sub(r"(?:跃居|跃升至|跃升|稳居|升至|进入|跻身|保持|位居|位列|居)?[全国省市内]*$", "",
                      original[: r.start()])
        name = name_of(lead) or (subject if not lead.strip(" ,，、") else "")
        if name:
            out.append(Found(name=name, op=OP.rank_at_most, wording=r.group(0),
                             unit="位", value=int(r.group(1)), quote=quote))
    return out
