"""Every published figure in a read document, with its name, period, kind, bound and quote.

A figure is a number with a unit (numbers.FIGURE). Not figures: a target (力争, 目标, 预期,
确保, 计划, a year after the one reported), a rank or ordinal (第3位, 前十), a gap to another
body (高于全国0.2个百分点), a range, a number inside a name in quotes or brackets (“三个一批”,
《…》), and a comparison group (在全国27个省会城市中). A paragraph printed twice gives its
figures once, and one figure said twice (a lead repeated in the body) is listed once.
"""

from __future__ import annotations

import re

from planck.extract.reading import Doc
from planck.harvest import names, numbers, periods
from planck.harvest.figure import Figure, Harvest
from planck.harvest.periods import When

SENTENCE = re.compile(r"[^。;；!！?？]+[。;；!！?？]*")
CLAUSE = re.compile(r"[^,，;；:：]+")
_QUOTED = re.compile(r"“[^”]{0,40}”|\"[^\"]{0,40}\"|《[^》]{0,200}》|（[^）]{0,40}）|\([^)]{0,40}\)|"
                     r"\[[^\]]{0,12}\]|【[^】]{0,40}】")
GOAL = re.compile(r"力争|争取|确保|目标|预期|计划|任务|努力|力求|要求|拟|(?<![主重需必纲只])要(?![素闻点害])|"
                  r"将(?:力争|努力|实现|达到|突破|新增|建成|培育|完成|超过|推动|确保|持续|进一步)")
_GAP = re.compile(r"(?:高于|低于|快于|慢于|高出|低出|领先|比全[国省市]|比[^，,。]{0,6}平均水平)")
_GROUP = re.compile(r"^[^，,。；;]{0,12}中\s*(?:排|居|位|第|名|列)")
_ESTIMATE = re.compile(r"预计|初步核算|初步统计|初步测算|快报")
_OTHER_BODY = re.compile(r"全省|全国|我省|省内|全球|县(?![级域市区])|(?<![城地])区(?![域块级])|集团|公司|"
                         r"高新区|开发区|园区|集聚区|实验室")
_PLAN_NAME = re.compile(r"[“\"]十.五[”\"]")
#: A breadcrumb or menu line: 当前位置：首页 > 新闻, or short items joined by > › ».
_MENU = re.compile(r"^\s*(?:(?:当前位置|您的位置|你的位置|位置)\s*[:：]\s*)?(?:首页|主页|网站首页)\s*[>›»]"
                   r"|^\s*(?:[^>›»。，,；;]{1,12}\s*[>›»]\s*){2,}[^>›»。，,；;]{0,20}$")
#: A bulletin has a few hundred figures; past this many the input is no bulletin and the rest
#: is not read (a note says so), so time stays bounded on any input up to the size limit.
MAX_FIGURES = 20000


def _mask(text: str) -> str:
    """Quoted names and brackets blanked (same length), so their digits are no figures; a
    plan's name in quotes (“十四五”) stays, as it names a period."""
    return _QUOTED.sub(lambda m: m.group() if _PLAN_NAME.fullmatch(m.group()) else
                       m.group()[0] + "\u3000" * (len(m.group()) - 2) + m.group()[-1], text)


def harvest(doc: Doc, when: When) -> Harvest:
    """Every figure the document publishes, in reading order."""
    from planck.harvest.tables import table_figures

    out = Harvest(notes=list(doc.notes))
    seen_lines: set[str] = set()
    seen: dict[tuple, list[str]] = {}
    rows = table_figures(doc.lines, when)
    for index, (no, raw) in enumerate(doc.lines):
        if index in rows:
            out.figures.extend(rows[index])
            continue
        if _MENU.match(raw):
            continue  # a site's menu or breadcrumb (首页 > 新闻 > 正文), not the text
        squeezed = re.sub(r"\s+", "", raw)
        if len(squeezed) >= 20:
            if squeezed in seen_lines:
                continue  # a paragraph printed twice
            seen_lines.add(squeezed)
        scope: str | None = None
        folded = numbers.fold(raw)
        for s in SENTENCE.finditer(folded):
            scope = _sentence(out, seen, raw, _mask(s.group()), s.start(), no, when, scope)
        if len(out.figures) > MAX_FIGURES:
            out.notes.append(f"stopped at line {no}: more than {MAX_FIGURES} figures, far more "
                             "than a bulletin publishes; the rest was not read")
            break
    return out


_TO = re.compile(r"(?:提高|提升|增加|增长|上升|扩大|发展|下降|降低|减少|回升|跃升|攀升)(?:至|到)|[增升降]至")
_FROM = re.compile(r"(?:由|从)[^,，;；]*$")


def _period(sentence: str, at: int, last: int, when: When, scope: str | None
            ) -> tuple[str | None, bool | None]:
    """(the period of the figure at ``at``, whether the sentence itself said it: None when it
    says the figure has no period the text states, so the document's year is not given either);
    ``last`` is
    where the figure before it in the clause ends (its start when it is the first).

    In 由A提高到B, A's period is the one written inside 由… (由“十三五”末的2.82%), else the year
    before a span's start (五年来…由43.3%: 2020); B's is the one written after A (增加到2017年的),
    else the sentence's year, never a span's end: the text does not say that B is that year's."""
    before = sentence[:at]
    own_year = periods.explicit_year(sentence)
    clause_start = max(before.rfind(c) for c in ",，;；") + 1
    start = max(clause_start, last)
    from_part = _FROM.search(before[start:])
    clause_end = min((i for i in (sentence.find(c, at) for c in ",，;；") if i >= 0),
                     default=len(sentence))
    if from_part and _TO.search(sentence[at:clause_end]):  # 由A…提高到B, not 由我局安排的A
        inside = periods.markers(from_part.group())
        found = [p for m in inside if (p := periods.read(m, when, own_year))]
        if found:
            return found[-1], False
        outer, said = _plain(before[: start + from_part.start()], when, own_year, scope)
        if outer and len(outer) == 9:
            return str(int(outer[:4]) - 1), False
        return None, None
    seg = before[last:]
    if last > clause_start and _TO.search(seg) and _FROM.search(before[clause_start:last]):
        found = [p for m in periods.markers(seg) if (p := periods.read(m, when, own_year))]
        if found:
            return found[-1], False
        outer, said = _plain(before[:clause_start], when, own_year, scope)
        return (outer, False) if outer and len(outer) != 9 else (None, None)
    if periods.average(before[clause_start:]):
        years = [int(y) for y in re.findall(r"(\d{4})\s*年", before)]
        if len(years) >= 2 and years[0] < years[-1]:
            return f"{years[0] + 1}-{years[-1]}", True
        for m in reversed(periods.markers(before)):
            p = periods.read(m, when, own_year)
            if p and len(p) == 9:
                return p, True
        return (scope, False) if scope and len(scope) == 9 else (None, None)
    return _plain(before, when, own_year, scope)


def _plain(before: str, when: When, own_year: int | None, scope: str | None
           ) -> tuple[str | None, bool]:
    for m in reversed(periods.markers(before)):
        p = periods.read(m, when, own_year)
        if p:
            return p, True
    return scope, False


def _sentence(out: Harvest, seen: dict, raw: str, s: str, offset: int, no: int, when: When,
              scope: str | None) -> str | None:
    """Figures of one sentence (masked, folded) into ``out``; returns the period scope after it."""
    default = str(when.year) if when.year else None
    prev_name: str | None = None
    plain_s = numbers.fold(raw)[offset: offset + len(s)]  # unmasked: names keep their brackets
    for c in CLAUSE.finditer(s):
        clause = c.group()
        plain = plain_s[c.start(): c.end()]
        figs = [m for m in numbers.FIGURE.finditer(clause)]
        if not figs:
            continue
        respective = "分别" in clause and len(figs) > 1
        listed = names.split_names(names.name_of(plain[: clause.find("分别")])) if respective else []
        last_end = 0
        for i, m in enumerate(figs):
            at = c.start() + m.start()
            before_clause = clause[: m.start()]
            after = clause[m.end():]
            if _skip(s, at, before_clause, after, m):
                last_end = m.end()
                continue
            if GOAL.search(s[:at]):
                out.targets += 1
                last_end = m.end()
                continue
            period, said = _period(s, at, c.start() + last_end, when, scope)
            period = period or (None if said is None else default)
            if period and len(period) == 9 and kind_here(before_clause) == "stock":
                period = None  # a stock in a five-year sentence: the text gives no date
            if period is None or _future(period, when):
                out.undated += period is None
                out.targets += period is not None
                last_end = m.end()
                continue
            unit = numbers.unit_of(m)
            piece = plain[last_end: m.start()]
            kind = numbers.kind_of(before_clause, unit)
            if respective and i < len(listed):
                name = listed[i]
            else:
                name = names.carried(names.name_of(piece), prev_name, "其中" in piece)
            if not name:
                name = prev_name or names.name_of(plain[:last_end]) or ""
            if prev_name and _TO.match(piece.lstrip(" \u3000,，")) and \
                    _FROM.search(plain[:last_end]):
                name = prev_name  # 由A提高到B: B measures what A does, in its own year
            name = names.as_increment(name, piece)
            value = numbers.value_of(m)
            if kind == "growth" and numbers.falls(before_clause) and value > 0:
                value = -value
            if kind == "level" and numbers.is_share_name(name) and unit in ("%", "‰"):
                kind = "share"
            start, end = offset + c.start() + last_end, offset + at + (m.end() - m.start())
            tail = re.match(r"^\s*(?:及以上|以上|以下|以内|左右|多)", after)
            end += tail.end() if tail else 0
            quote = _quote(raw, start, end)
            fig = Figure(name, period, numbers.clean(value), unit, kind,
                         numbers.bound_of(m, before_clause, after), bool(_ESTIMATE.search(s[:at])),
                         quote, no, raw.find(quote) + 1,
                         "other" if _OTHER_BODY.search(s[:at].replace(name, "")) or
                         _OTHER_BODY.match(name) else "")
            prev_name = name if kind != "growth" or not prev_name else prev_name
            last_end = m.end()
            said = seen.setdefault((period, fig.value, unit, kind), [])
            if any(not a or not name or a.endswith(name) or name.endswith(a) for a in said):
                continue  # the same figure said again (a lead repeated, a title)
            said.append(name)
            out.figures.append(fig)
    return _lead(s, when) or scope


def _lead(s: str, when: When) -> str | None:
    """The period a sentence opens with (五年来，…; 上半年，…), carried to the next ones."""
    first = numbers.FIGURE.search(s)
    head = s[: first.start()] if first else s
    head = _FROM.sub("", head)
    for m in periods.markers(head):
        p = periods.read(m, when, periods.explicit_year(s))
        if p:
            return p
    return None


_FLOW = re.compile(r"新增|累计|新建|新认定|新培育|引进|培育|合计|共|完成|实现|投入|签约|转化|登记|"
                   r"认定|获批|获得|建成|新登记|新引进|年均")


def kind_here(before: str) -> str:
    """stock (a count standing at a date) unless the clause says it is a flow over a time."""
    return "flow" if _FLOW.search(before) else "stock"


def _skip(s: str, at: int, before: str, after: str, m: re.Match) -> bool:
    if before.endswith(("第", "前")) or re.match(r"^\s*(?:名次|位次)", after):
        return True  # a rank or an ordinal
    if numbers.RANGE.search(s[max(0, at - 3): at + 1]) or re.match(r"^\s*[—–~\-]{1,2}\s*\d", after):
        return True  # a range, or the end of one
    if _GAP.search(before) and numbers.unit_of(m) in ("%", "百分点", "倍", "千分点"):
        return True  # a gap to another body's figure
    return bool(_GROUP.match(after))


def _future(period: str, when: When) -> bool:
    first = int(period[:4])
    last = int(period[-4:]) if len(period) == 9 else first
    # After the text's own date (a 2019 report of January 2020 may say 目前: 2020-01), else
    # after the year it reports.
    limit = when.day.year if when.day else when.year
    return limit is not None and first > limit and last > limit


def _quote(raw: str, start: int, end: int) -> str:
    """The shortest verbatim span from the name to the figure (and its unit), without the
    punctuation or blanks at its ends."""
    text = raw[start:end]
    trimmed = text.lstrip(" \u3000,，;；:：、。")
    return trimmed.rstrip(" \u3000") or raw[start:end]
