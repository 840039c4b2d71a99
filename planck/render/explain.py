"""``planck explain``: every number behind one verdict, as text (English or Chinese) or JSON.

The account's rows and their order are written once, here; the words of each language come
from ``explain_words`` (labels and sentences) and ``planck.reasons`` (the judge's reasons).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from planck import operators
from planck.escape import log, strict_json
from planck.readable import amount, num, target, unit_suffix
from planck.reasons import said, say
from planck.render.context import STATUS_LABEL
from planck.render.copyof import copy_text
from planck.render.explain_words import ROWS, SAY, thresholds
from planck.render.fit import cell_len
from planck.render.terms_text import bounded, catch_up_text, category_text
from planck.result import THRESHOLDS, Report, Result

if TYPE_CHECKING:
    from planck.read.model import CopyOf

#: Terminal cells of the label column (after the two-space indent).
LABEL_CELLS = 17


def _rate(method: str, value: float, w: dict[str, str]) -> str:
    return w["rate"].format(rate=f"{value:.2%}" if method == "geometric" else num(value))


def _goal_line(r: Result, unit: str, w: dict[str, str]) -> str:
    """The least value that meets the target; for a reference operator the goal is a share
    of the reference (or a growth difference), never a level in the indicator's unit."""
    t, op = r.target, operators.get(r.target.op)
    goal = t.goal if t.goal is not None else 0.0
    if not op.takes_reference:
        return w["goal"].format(goal=amount(goal, unit))
    ref = log(t.reference or "")
    if not op.reference_level:
        return w["goal_growth"].format(points=f"{goal * 100:+g}", reference=ref)
    level = ("" if r.evidence.reference_value is None else w["goal_share_level"].format(
        value=amount(goal * r.evidence.reference_value, unit),
        reference_value=amount(r.evidence.reference_value, unit)))
    return w["goal_share"].format(share=f"{goal:.0%}", reference=ref, level=level)


def explain_text(report: Report, r: Result, lang: str = "en",
                 copies: Mapping[str, CopyOf] | None = None) -> str:
    """A plain account an auditor can recompute by hand, in ``lang`` ("en" or "zh"); every
    data string is escaped for a terminal (``planck.escape.log``). ``copies`` maps a source id
    to the original its page copies, said beside that source."""
    w, t, unit = SAY[lang], r.target, log(r.unit)
    v, e, pg = r.verdict, r.evidence, r.progress
    op = operators.get(t.op)

    def why(text: object) -> str:  # a reason of the judge, in this language
        return log(said(text, lang))

    def paren(text: str) -> str:
        return w["in_brackets"].format(text=text)

    def copy(source: str) -> str:
        original = (copies or {}).get(source)
        if original is None:
            return ""
        return paren(log(copy_text(original, lang)) + (f" {log(original.url)}" if original.url
                                                       else ""))

    rows: list[tuple[str, str]] = [
        ("as_of", report.as_of.isoformat()),
        ("source", log(t.source_title) + (paren(log(t.doc_number)) if t.doc_number else "")
         + copy(t.source)),
        ("quote", log(t.quote)),
        # in Chinese the rule alone: an operator's name (at_least) is an English word
        ("operator", ((f"{t.op}" + paren(op.rule)) if lang == "en" else op.rule_zh)
         + (w["wording"].format(wording=log(t.wording)) if t.wording else "")),
        ("target", w["due"].format(target=log(target(r, lang)), deadline=r.deadline)),
        ("attribute", w.get(f"attr_{r.attribute}", w["not_stated"])),
    ]
    if r.stretch is not None:
        rows.append(("stretch", amount(r.stretch, unit) + (w["reached"] if _beyond(r) else "")))
    if t.goal is not None:
        rows.append(("goal", _goal_line(r, unit, w)))
    if t.tolerance is not None:
        default = op.tolerance
        note = (w["default"] if default is not None and abs(t.tolerance - default) < 1e-12
                else w["in_file"])
        rows.append(("tolerance", f"{t.tolerance * 100:g}%" + paren(note)))
    if t.low is not None:
        rows.append(("range", f"{num(t.low)} – {amount(t.high, unit)}"))
    base = ("—" if e.baseline_year is None else
            f"{'?' + unit_suffix(unit) if e.baseline is None else amount(e.baseline, unit)} "
            f"({e.baseline_year})")
    rows.append(("baseline", base))
    if e.latest is not None:
        o = e.latest
        given = (w["given_as"].format(value=amount(o.given_value, log(o.given_unit)))
                 if o.given_unit not in (None, o.unit) else "")
        rows += [("latest", w["latest"].format(value=bounded(amount(o.value, unit), o.bound),
                                                period=o.period) + given),
                 ("sub_from", w["source_date"].format(title=log(o.source_title),
                                                      date=o.source_date)
                  + (f" {log(o.url)}" if o.url else "") + copy(o.source)),
                 ("sub_quote", log(o.quote))]
    else:
        rows.append(("latest", w["no_latest"]))
    if e.latest_partial is not None:
        part = e.latest_partial
        use = w["partial_judged"] if v.provisional else w["partial_shown"]
        rows.append(("partial", w["partial"].format(value=amount(part.value, unit),
                                                    period=part.period, use=use)))
    if e.reference_value is not None:
        rows.append(("reference", f"{log(t.reference)} = {amount(e.reference_value, unit)}"))
    if e.years:
        rows.append(("series", w["list_sep"].join(f"{y}: {num(x)}" for y, x in e.years.items())))
    if pg.base_point is not None:
        b = pg.base_point
        rows.append(("base_point", w["base_point"].format(value=num(b.value), year=b.year,
                                                          why=why(b.why))))
    else:
        rows.append(("base_point", w["no_base_point"]))
    if r.pacing.pace is not None:
        p = r.pacing.pace
        rows += [("pace_method", w["pace_method"].format(
                      method=said(say(p.method), lang), base_year=p.base_year,
                      base_value=num(p.base_value), latest_year=p.latest_year)),
                 ("observed_rate", _rate(p.method, p.observed, w)),
                 ("reference_rate", w["reference_rate"].format(
                     rate=_rate(p.method, p.required, w), reference=log(t.reference)))
                 if op.decide == operators.Rule.GROWTH_VS else
                 ("required_rate", w["required_rate"].format(
                     rate=_rate(p.method, p.required, w), deadline=r.deadline)),
                 ("ratio", "—" if p.ratio is None else f"{p.ratio:.3f}")]
    if r.pacing.ratio_reason is not None:
        rows.append(("no_ratio", why(r.pacing.ratio_reason)))
    exp = "—" if pg.expected_progress is None else f"{pg.expected_progress:.1f}%"
    rows += [("progress", _progress(r, w, why)),
             ("attainment", "—" if pg.attainment is None else bounded(w["attainment"].format(
                 percent=pg.attainment, lower=w["attainment_lower"] if _lower(r) else ""),
                 r.flags.bounds.get("attainment"))),
             ("expected", w["expected"].format(expected=exp)),
             ("thresholds", thresholds(lang, THRESHOLDS)),
             ("status", (v.status if lang == "en" else STATUS_LABEL[lang][v.status])
              + (w["final"] if v.final else w["provisional"] if v.provisional
                 else w["projection"] if v.status not in ("met", "no_data") else "")),
             ("because", why(v.reason))]
    rows += _terms_rows(r, w, lang, unit)
    if r.flags.above_range:
        rows.append(("note", w["above_range"]))
    if v.provisional:
        rows.append(("provisional", w["provisional_note"]))
    if r.flags.stale:
        rows.append(("stale", w["stale"].format(max_age=report.max_age)))
    if r.flags.overdue:
        rows.append(("overdue", w["overdue"].format(deadline=r.deadline)))
    head = w["header"].format(id=r.id, name=log(r.name), name_en=log(r.name_en),
                              city=log(report.name_zh), city_en=log(report.name_en))
    return "\n".join([head] + [_row(ROWS[lang][k], text, k.startswith("sub_"))
                               for k, text in rows]) + "\n"


def _terms_rows(r: Result, w: dict[str, str], lang: str, unit: str) -> list[tuple[str, str]]:
    """Category and light, catch-up, estimate, a baseline estimate's actual, revisions and
    other sources' figures for the same period."""
    rows = [("category", category_text(r, lang))]
    if r.pacing.catch_up is not None:
        rows.append(("catch_up", catch_up_text(r, lang)))
    if r.flags.estimate:
        rows.append(("estimate", w["estimate_note"]))
    if r.evidence.baseline_actual is not None:
        b = r.evidence.baseline_actual
        sign = "+" if b.difference >= 0 else "−"
        rows.append(("baseline_actual", w["baseline_actual"].format(
            estimate=amount(b.estimate, unit), actual=amount(b.actual, unit),
            difference=sign + amount(abs(b.difference), unit))))
    if r.supersedes is not None:
        rows.append(("revision", w["supersedes"].format(id=log(r.supersedes))))
    if r.superseded_by is not None:
        rows.append(("revision", w["superseded_by"].format(id=log(r.superseded_by))))
    for o in r.evidence.conflicts:
        rows += [("conflict", w["conflict"].format(
                     value=bounded(amount(o.value, unit), o.bound), title=log(o.source_title),
                     date=o.source_date)),
                 ("sub_conflict_quote", log(o.quote))]
    return rows


def _row(label: str, value: str, sub: bool) -> str:
    """``  label            value``: the label column padded to its width in terminal
    cells (a Chinese character takes two)."""
    indent = "    " if sub else "  "
    pad = LABEL_CELLS + 2 - len(indent) - cell_len(label)
    return f"{indent}{label}{' ' * max(pad, 1)}{value}"


def _lower(r: Result) -> bool:
    return operators.get(r.target.op).lower(r.direction)


def _beyond(r: Result) -> bool:
    """The latest value reaches the 力争 level too."""
    if r.evidence.latest is None or r.stretch is None:
        return False
    v = r.evidence.latest.value
    return v <= r.stretch if _lower(r) else v >= r.stretch


def _progress(r: Result, w: dict[str, str], why) -> str:
    """进度: the share of the gap from the base point to the target closed."""
    pg = r.progress
    if pg.percent_to_goal is None:
        return w["progress_none"].format(reason=why(pg.percent_reason or ""))
    b = pg.base_point
    start = (w["from_base"].format(value=num(b.value), year=b.year)
             if b is not None and pg.percent_to_goal != pg.attainment else w["from_zero"])
    return bounded(w["progress"].format(percent=pg.percent_to_goal, start=start),
                   r.flags.bounds.get("percent_to_goal"))


def explain_json(report: Report, r: Result) -> str:
    d = r.as_dict()
    d["as_of"] = report.as_of.isoformat()
    d["thresholds"] = THRESHOLDS
    return strict_json(d, ensure_ascii=False, indent=2) + "\n"
