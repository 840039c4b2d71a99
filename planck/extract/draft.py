"""The draft target file: YAML text in the documented format, for a person to review.

Every string is written double-quoted with escapes (so a stranger's text cannot break the YAML
or carry control characters). A field the plan does not state is left for review: either a
placeholder that ``planck validate`` refuses (``REVIEW``) or, where the format needs a value to
validate, a marked assumption — each with a ``# review: …`` comment on its line. Operators and
fields the installed model does not know yet are written commented out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import cast

from planck.extract.items import Found
from planck.extract.match import Known, closest
from planck.extract.ops import OP
from planck.extract.run import Extraction

HIGHER = {OP.at_least, OP.more_than, OP.increase_by, OP.multiple_of, OP.annual_growth, OP.coverage,
          OP.per_year, OP.near_reference, OP.cumulative, OP.at_least_reference, OP.above_reference}
LOWER = {OP.at_most, OP.rank_at_most, OP.decrease_by, OP.decrease_points}
NEEDS_BASE = {OP.increase_by, OP.multiple_of, OP.annual_growth, OP.decrease_by, OP.decrease_points}
REFERENCE_OPS = {OP.near_reference, OP.at_least_reference, OP.above_reference}


# What planck.read.strings refuses in any value (line breaks and tab stay: a quote may hold them).
_REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")


def q(text: object) -> str:
    """A YAML double-quoted scalar; anything not printable is a \\u escape, except control
    characters planck refuses in a value (ESC, NUL, bidi overrides …), which become U+FFFD."""
    out = []
    for ch in _REFUSED.sub("\ufffd", str(text)):
        if ch in '"\\':
            out.append("\\" + ch)
        elif unicodedata.category(ch)[0] in "CZ" and ch != " ":
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(float(v))


@dataclass
class Options:
    city: str | None = None
    plan_id: str | None = None
    start: int | None = None
    end: int | None = None
    file_name: str = ""


def _model_knows() -> set[str]:
    """The operators this planck's format accepts (the method work adds some)."""
    from planck import operators

    return set(operators.OPERATORS)


@cache
def _target_fields() -> set[str]:
    """Fields a target may have (imports the model: only asked when a draft needs it)."""
    from planck.read.model import Target

    return set(Target.model_fields)


def slug(name: str, taken: set[str]) -> str:
    """An ascii id for a name outside the vocabulary: x- and a short digest (a person renames it)."""
    import hashlib

    base = "x-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    out, n = base, 2
    while out in taken:
        out, n = f"{base}-{n}", n + 1
    return out


#: Operators whose figure is a change in % of a level: the level keeps its own unit.
RATE_OPS = {OP.annual_growth, OP.decrease_by, OP.multiple_of}


#: What a name measures -> its unit, for a level whose growth or fall is the target.
_MEASURES = ((re.compile(r"能耗|能源消耗"), "吨标准煤/万元"), (re.compile(r"二氧化碳排放|碳排放"), "吨/万元"),
             (re.compile(r"专利"), "件"), (re.compile(r"企业$"), "家"),
             (re.compile(r"总值|GDP|增加值|收入|投资|总额|投入|经费|支出|营收|产值|成交额|销售额|规模$"),
              "亿元"))


def measured_unit(name: str) -> str | None:
    """The unit of the level a name measures (研发经费 -> 亿元, 单位GDP能耗 -> 吨标准煤/万元)."""
    return next((unit for rx, unit in _MEASURES if rx.search(name)), None)


def level_unit(f: Found) -> str | None:
    """The unit of what the figure measures, for matching: a growth rate's % says nothing of it."""
    return None if f.op in RATE_OPS and f.unit in ("%", None) else f.unit


class _Indicators:
    """Indicator ids: the shared vocabulary where the name and unit fit, else a slug."""

    def __init__(self) -> None:
        self.rows: dict[str, dict] = {}
        self.by_name: dict[tuple[str, str | None], str] = {}

    def get(self, f: Found) -> str:
        k = (f.name, f.unit)
        if k in self.by_name:
            return self.by_name[k]
        known: Known | None
        known, exact = closest(f.name, level_unit(f))
        if known and known.id not in self.rows:
            iid = known.id
            self.rows[iid] = {"name": f.name, "unit": known.unit, "direction": known.direction,
                              "known": True, "name_en": known.name_en,
                              "loose": None if exact else known.name_zh}
        elif known:
            iid = known.id
        else:
            iid = slug(f.name, set(self.rows))
            direction = "higher" if f.op in HIGHER else "lower" if f.op in LOWER else None
            unit = f.unit if f.op not in {OP.multiple_of} | REFERENCE_OPS else None
            if f.op in RATE_OPS:  # 研发经费投入增长10%: the spending's unit, not %
                unit = measured_unit(f.name)
            self.rows[iid] = {"name": f.name, "unit": unit, "direction": direction, "known": False,
                              "name_en": None}
        self.by_name[k] = iid
        return iid


def render(ex: Extraction, opts: Options) -> str:
    """The draft target file as YAML text."""
    ops = _model_knows()
    inds = _Indicators()
    start = opts.start or ex.start
    end = opts.end or ex.end
    plan_id = opts.plan_id or "plan"
    src = "plan-text"
    out = [f"# Draft target file made by `planck extract` from {_comment(opts.file_name)}: "
           "for a person to review.",
           "# Every line marked `# review:` needs a person; each target's comment gives the line:column",
           "# of its quote in the input. Nothing here was checked against the plan's meaning."]
    out += [f"# note: {_comment(n)}" for n in ex.notes]
    if not ex.targets and ex.undated and not start:
        out.append(f"# No target drafted: no plan period found, so {ex.undated} figure(s) worded as goals "
                   "have no deadline (give --start and --end).")
    elif not ex.targets:
        out.append("# No target found in the text (no figure with a goal wording in a target sentence).")
    out += ["planck: 1", "city:"]
    out.append(f"  id: {q(opts.city or 'review')}" + ("" if opts.city else "  # review: city id (--city)"))
    cname = re.match(r"^(\S{1,8}?[省市县州区])", ex.title or "")
    out.append(f"  name_zh: {q(cname.group(1) if cname else 'REVIEW')}  # review: city name")
    out.append(f"  name_en: {q('REVIEW')}  # review: English name, not in the text")
    out += ["sources:", f"  - id: {q(src)}"]
    out.append(f"    title: {q(ex.title or 'REVIEW')}" + ("" if ex.title else "  # review: document title"))
    out.append(f"    issuer: {q('REVIEW')}  # review: who issued the document")
    if ex.date:
        out.append(f"    date: {ex.date}  # review: date of issue read from the text")
    if opts.file_name:
        # a line break or tab in a file name is refused by planck in a short value
        file_name = re.sub(r"[^\S ]", "\ufffd", opts.file_name)
        out.append(f"    file: {q(file_name)}")
    out += ["plans:", f"  - id: {q(plan_id)}" + ("" if opts.plan_id else "  # review: plan id (--plan-id)"),
            f"    title_zh: {q(ex.title or 'REVIEW')}",
            f"    title_en: {q('REVIEW')}  # review: English title"]
    if start and end:
        out += [f"    start: {start}", f"    end: {end}"]
    else:
        out += ["    start: REVIEW  # review: plan period not in the title (--start/--end)",
                "    end: REVIEW  # review: plan period"]
    out.append(f"    source: {q(src)}")
    body: list[str] = []
    taken: set[str] = set()
    extra: dict[str, tuple[str, str, int, int]] = {}
    for f in ex.targets:
        pid = plan_id
        base = opts.city or plan_id
        if f.scope:  # about each county/park: a plan of its own, never the city's figures
            pid = f"{base}-sub-units"
            extra.setdefault(pid, ("下辖地区和园区目标", "Targets for counties, named cities and zones",
                                   cast(int, start or f.deadline), cast(int, end or f.deadline)))
        elif f.annual and f.deadline:  # a year's target has a plan of its own, never the period's end
            pid = f"{base}-{f.deadline}-annual"
            extra.setdefault(pid, (f"{f.deadline}年主要预期目标", f"{f.deadline} annual targets",
                                   f.deadline, f.deadline))
        elif end and f.deadline and f.deadline > end and start:  # 到2035年: a vision beyond the plan
            pid = f"{base}-{f.deadline}-vision"
            extra.setdefault(pid, (f"到{f.deadline}年远景目标", f"Vision to {f.deadline}", start, f.deadline))
        body += _target(f, inds, taken, pid, src, start, ops)
    for pid, (zh, en, first, last) in extra.items():
        out += [f"  - id: {q(pid)}", f"    title_zh: {q(zh)}  # review: title",
                f"    title_en: {q(en)}", f"    start: {first}", f"    end: {last}", f"    source: {q(src)}"]
    out.append("indicators:" if inds.rows else "indicators: []  # review: no indicator found")
    for iid, row in inds.rows.items():
        mark = ("  # review: an id of your choosing" if not row["known"] else
                f"  # review: the shared id of {_comment(row['loose'])}? (a loose match)"
                if row.get("loose") else "")
        out += [f"  - id: {q(iid)}" + mark,
                f"    name_zh: {q(row['name'])}"]
        out.append(f"    name_en: {q(row['name_en'] or 'REVIEW')}"
                   + ("" if row["name_en"] else "  # review: English name"))
        out.append(f"    unit: {q(row['unit'])}" if row["unit"]
                   else "    unit: REVIEW  # review: the text gives no unit")
        out.append(f"    direction: {row['direction']}" if row["direction"] else
                   "    direction: REVIEW  # review: higher or lower is better? the wording does not say")
    out.append("targets:" if body else "targets: []")
    return "\n".join(out + body) + "\n"


def _comment(text: str) -> str:
    return q(text)[1:-1]


def _target(f: Found, inds: _Indicators, taken: set[str], plan_id: str, src: str, start: int | None,
            ops: set[str]) -> list[str]:
    iid = inds.get(f)
    tid = f"{iid}-{f.deadline}"
    n = 2
    while tid in taken:
        tid, n = f"{iid}-{f.deadline}-{n}", n + 1
    taken.add(tid)
    lines = [f"  - id: {q(tid)}  # line {f.line}:{f.col}", f"    plan: {q(plan_id)}",
             f"    indicator: {q(iid)}", f"    op: {f.op}"]
    if f.op == OP.between:
        lines += [f"    low: {num(cast(float, f.low))}", f"    high: {num(cast(float, f.high))}"]
    elif f.value is not None:
        lines.append(f"    value: {num(f.value)}")
    if f.unit and f.op not in (OP.multiple_of,):
        lines.append(f"    unit: {q(f.unit)}")
    if f.reference:
        # no indicator holds the average yet: a placeholder validate counts with the other
        # fields to review (a made-up id would be an unknown reference, outside that count)
        ref = ("province" if f.reference == "全省" else "national" if f.reference == "全国" else "city")
        lines.append(f"    reference: REVIEW  # review: the {f.reference} average, an indicator with "
                     f"observations (e.g. {ref}-{iid})")
    lines.append(f"    deadline: {f.deadline}")
    base = dict(f.baseline or {})
    if f.op in NEEDS_BASE or base:
        year = base.get("year")
        # a year's target grows from the year before it; a plan's from the year before the plan
        assumed = cast(int, f.deadline if f.annual else start or f.deadline) - 1
        parts = [f"year: {year}" if year else f"year: {assumed}"]
        if base.get("value") is not None:
            parts.append(f"value: {num(base['value'])}")
        if base.get("quote"):
            parts.append(f"quote: {q(base['quote'])}")
        before = "the target's" if f.annual else "the plan period"
        review = "" if year else f"  # review: baseline year assumed the year before {before}"
        lines.append("    baseline: {" + ", ".join(parts) + "}" + review)
    lines += [f"    wording: {q(f.wording)}", f"    source: {q(src)}", f"    quote: {q(f.quote)}"]
    extra = []
    if f.stretch is not None:
        extra.append(("stretch", num(f.stretch), f"力争 {num(f.stretch)}"))
    if f.attribute:
        extra.append(("attribute", f.attribute, "约束性" if f.attribute == "binding" else "预期性"))
    for name, value, why in extra:
        if name in _target_fields():
            lines.append(f"    {name}: {value}  # review: {why}")
        else:
            lines.append(f"    # review: {name}: {value} ({why}; this planck's format has no '{name}' yet)")
    notes = ([f"scope: {f.scope} (a sub-unit, not the place's own total)"] if f.scope else []) + f.notes
    if notes:
        lines.append(f"    note: {q('; '.join(notes))}  # review")
    if f.op not in ops:
        word = {OP.decrease_points: "降低N个百分点"}.get(f.op, f.op)
        head = f"  # review: op '{f.op}' ({word}) is not in this planck's format yet; uncomment once it is"
        return [head] + ["  # " + ln[2:] for ln in lines]
    return lines
