"""From a read plan to the list of targets it states (tables first, then sentences)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from planck.extract import items, places, scope, tables
from planck.extract.match import fold as key
from planck.extract.match import shared as lookup
from planck.extract.ops import OP
from planck.extract.reading import Doc
from planck.extract.wording import simplify

#: A plan's pace or sum over its years, not one year's change.
_PACE = re.compile(r"年均|累计|年平均|五年|期间|时期")
#: A 40-page plan states about 100 targets; past this many, the input is not a plan and the
#: draft stops (with a note) instead of growing without bound.
MAX_TARGETS = 2000
#: A 40-page plan has about 1,500 sentences. Reading stops after this many, so the time spent
#: on any input (up to the 8 MiB size limit) stays bounded.
MAX_SENTENCES = 30000


@dataclass
class Extraction:
    """What a plan states: its frame (period, title, date) and its targets."""

    targets: list[items.Found]
    start: int | None
    end: int | None
    title: str | None
    title_line: int
    date: str | None
    notes: list[str] = field(default_factory=list)
    past_facts: int = 0
    undated: int = 0


def extract(doc: Doc, start: int | None = None, end: int | None = None) -> Extraction:
    """Every target the text states, with quote, line and deadline."""
    verbatim = dict(doc.lines)
    # read in simplified characters (a traditional page states the same plan); the quotes and
    # the title are put back as written
    simple = [(n, simplify(t)) for n, t in doc.lines]
    ex = _extract(replace(doc, lines=simple), start, end)
    if simple != doc.lines:
        ex.title = verbatim.get(ex.title_line, "").strip() if ex.title else None
        for f in ex.targets:
            f.quote = _as_written(f.quote, f.line, f.col, verbatim)
            if f.baseline and f.baseline.get("quote"):
                f.baseline["quote"] = _as_written(f.baseline["quote"], f.line, f.col, verbatim)
    return ex


def _as_written(quote: str, line: int, col: int, verbatim: dict[int, str]) -> str:
    """The span of the line as written that ``quote`` (read in simplified form) covers: at its
    column, else where the line first says it."""
    written = verbatim.get(line, "")
    simple = simplify(written)
    at = col - 1 if simple[col - 1: col - 1 + len(quote)] == quote else simple.find(quote)
    return written[at: at + len(quote)] if at >= 0 else quote


def _extract(doc: Doc, start: int | None, end: int | None) -> Extraction:
    period = scope.plan_period(doc.lines)
    title, title_line = (period[2], period[3]) if period else (None, 0)
    notes = list(doc.notes)
    if start is None and period:
        start, end = period[0], end or period[1]
    named = None
    if start is None and not period:
        named = scope.period_in_text(doc.lines)
        if named:  # no title names the plan; the text does (十五五时期…, 第十五个五年规划)
            start, end = named[0], named[1]
            notes.append(f"plan period {start}–{end} read from the text (line {named[2]}); no title "
                         "line names the plan")
    when = scope.document_date(doc.lines)
    doc_year = int(when[0][:4]) if when else scope.opening_year(doc.lines, start, end)
    if named and start and end and doc_year and doc_year > end and (start, end) == named[:2]:
        # a report of 2026 reviewing “十四五” and naming no later plan: it is written in the
        # plan that follows, and the one it names is over
        start = scope.PLAN_EPOCH + 5 * ((doc_year - scope.PLAN_EPOCH) // 5)
        end = start + 4
        notes.append(f"plan period {start}–{end}: the document's year, {doc_year}, is after the plan "
                     f"the text names ({named[0]}–{named[1]}), which it reviews")
    named_year = None if doc_year else scope.this_year_named(doc.lines)
    if named_year:  # 对于今年…，会议提出，2020年…增长6%: the year this report calls 今年
        doc_year = named_year[0]
        notes.append(f"今年 taken as {doc_year}: line {named_year[1]} names it beside 今年 (the text "
                     "gives no date)")
    if doc_year is None and start is not None and not period and any(
            scope.THIS_YEAR.search(t) for _, t in doc.lines):
        # a report naming the new plan as the latest, undated: it sets the plan's first year
        doc_year = start
        notes.append(f"今年 taken as {start}, the first year of the plan the text names: the text "
                     "gives no date (check the year of the annual targets)")
    frame = scope.Frame(start, end, doc_year, places.own_place(doc.lines, title))
    report_year = doc_year if not period and start and end and doc_year and start <= doc_year <= end else None
    found, table_lines = tables.table_targets(doc.lines, start)
    prose = [(n, t) for n, t in doc.lines if n not in table_lines]
    ex = Extraction([], start, end, title, title_line, when[0] if when else None, notes)
    for n, s in enumerate(scope.sentences(prose, frame)):
        if n >= MAX_SENTENCES:
            ex.notes.append(f"stopped at line {s.line}: more than {MAX_SENTENCES} sentences, far more "
                            "than a plan has; the rest was not read")
            break
        if s.past:
            if re.search(r"\d", s.text):
                ex.past_facts += 1
            continue
        here = items.figures(s.text, s.line, s.col, s.deadline) + items.words(s.text, s.line, s.col,
                                                                             s.deadline)
        here = [f for f in here if not scope.clause_past(f.quote, frame)]  # 2025年…增长5.5%，今年…
        for f in here:
            own = scope.clause_year(f.quote, frame)
            if own and f.deadline and own != f.deadline:
                f.deadline = own  # the clause names its own year (希望在2035年…)
            at = f.quote.find(f.name)
            # about a county, a named city or a zone: its own plan, never the place's indicators
            f.scope = places.named(f.quote[: at + len(f.name)] if at >= 0 else f.quote,
                                   frame.own) or s.subunits
            if frame.own and not f.scope:  # 福建省GDP in Fujian's text: the place's own GDP
                stem = re.sub(r"[省市县州区]$", "", frame.own)
                bare = re.sub(rf"^(?:{re.escape(frame.own)}|{re.escape(stem)})(?=.{{2}})", "", f.name)
                f.name = items.name_of(bare) or bare if bare != f.name else f.name  # 福建今年力争X: X
            if f.op == OP.coverage and f.scope and places.SUBUNIT.match(f.scope):
                f.scope = None  # 实现各县区X全覆盖: the share of all of them, the place's own target
            if f.scope and f.name.startswith(f.scope):  # 湖北今年力争X: 湖北X
                f.name = f.scope + (items.name_of(f.name[len(f.scope):]) or f.name[len(f.scope):])
            if f.scope and f.scope not in f.name:  # never the city's own indicator
                stem = re.sub(r"^(?:各|每一?个|每)", "", f.scope)
                f.name = f.scope + (f.name[len(stem):] if f.name.startswith(stem) else f.name)
            f.annual = s.annual and f.deadline is not None and (end is None or f.deadline <= end)
            change = f.op in (OP.annual_growth, OP.decrease_by)
            if report_year and not s.scoped and change and not _PACE.search(f.quote):
                # a report (no plan in its title) of a plan year: 增长5%, 降低3% with nothing dating
                # them and no 年均/累计 is that year's change (a plan's pace says 年均)
                f.deadline, f.annual = report_year, True
            if f.deadline is None:
                ex.undated += 1
                continue
            found.append(f)
        if len(found) > MAX_TARGETS:
            ex.notes.append(f"stopped at line {s.line}: more than {MAX_TARGETS} targets found, "
                            "which no plan has; is this a plan's text?")
            break
    ex.targets = _merge(found)
    return ex


def _same(a: items.Found, b: items.Found) -> bool:
    if (a.value, a.low, a.high, a.deadline) != (b.value, b.low, b.high, b.deadline):
        return False
    if a.unit and b.unit and a.unit != b.unit:
        return False
    ka, kb = key(a.name), key(b.name)
    ia, ib = lookup(a.name), lookup(b.name)
    if ia and ib:
        return ia.id == ib.id
    if a.op == b.op and ("等" in ka) != ("等" in kb) and _suffix(ka, kb) >= 4:
        return True  # 省级研发平台40家 restated as 40家A、B等研发平台 (a column or box)
    if a.op == b.op == OP.coverage and min(len(ka), len(kb)) >= 4:
        return ka.endswith(kb) or kb.endswith(ka)  # 实现“三个一”和研发活动全覆盖, said twice
    return ka == kb


def _suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _merge(found: list[items.Found]) -> list[items.Found]:
    """One target per (indicator, figure, deadline): a table row and a sentence stating the same
    figure become one target, worded as in the sentence, with the table's baseline/attribute."""
    out: list[items.Found] = []
    # Candidates share their figure and deadline: an index keeps the merge linear.
    index: dict[tuple, list[items.Found]] = {}
    for f in found:
        bucket = index.setdefault((f.value, f.low, f.high, f.deadline), [])
        twin = next((g for g in bucket if _same(g, f) and (g.op == f.op or g.from_table or f.from_table)),
                    None)
        if twin is None:
            out.append(f)
            bucket.append(f)
            continue
        if twin.from_table and not f.from_table:
            f.baseline = f.baseline or twin.baseline
            f.attribute = f.attribute or twin.attribute
            out[out.index(twin)] = f
            bucket[bucket.index(twin)] = f
        else:
            twin.attribute = twin.attribute or f.attribute
            twin.baseline = twin.baseline or f.baseline
    return out
