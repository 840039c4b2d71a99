"""The evaluation document (``planck report CITY --format docx``): what a bureau pastes into
its 总结评估. A summary by verdict (binding targets counted apart), then a table per plan
(指标, 目标值, 基期值, 实际值, 完成率, 评价; binding targets first), what the unmet targets
still need, and the source of every figure. Chinese by default, English with ``--lang en``.

Returns the file's bytes: the same data gives the same bytes (the core properties carry
planck as author and editor, and the report's as-of date as created and modified; every zip
member carries one fixed time). python-docx is imported only here.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from planck.readable import amount, num, period_suffix, promise
from planck.render.text import latest_shown
from planck.result import Report, Result
from planck.words import section
from planck.write.owner import DOCX_CREATOR as CREATOR  # owner.py checks author and editor

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip member can carry

WORDS: dict[str, dict[str, Any]] = section("docx")
PUNCT: dict[str, dict[str, Any]] = section("punct")


def _names(zh: str, en: str, lang: str) -> str:
    return zh if lang == "zh" or not en or en == zh else f"{zh} {en}"


def baseline_cell(r: Result) -> str:
    """The baseline, else the base point progress is measured from; the unit once."""
    if r.evidence.baseline is not None:
        return f"{amount(r.evidence.baseline, r.unit)} ({r.evidence.baseline_year})"
    if r.progress.base_point is not None:
        return f"{amount(r.progress.base_point.value, r.unit)} ({r.progress.base_point.year})"
    return "—"


def latest_cell(r: Result, lang: str) -> str:
    o, kind = latest_shown(r)
    if o is None:
        return "—"
    mark = f", {WORDS[lang]['part']}" if kind in ("partial", "provisional") else ""
    return f"{amount(o.value, o.unit)} ({o.period}{mark})"


def attainment_cell(r: Result) -> str:
    return "—" if r.progress.attainment is None else f"{r.progress.attainment:.1f}%"


def row(r: Result, lang: str) -> tuple[str, ...]:
    """The six cells of a target's row, as the document writes them."""
    from planck.render import verdicts

    w, p = WORDS[lang], PUNCT[lang]
    name = _names(r.name, r.name_en, lang)
    if r.attribute in ("binding", "expected"):
        name += p["in_brackets"].format(text=w["attr_" + r.attribute])
    target = f"{promise(r, lang)}{p['comma']}{w['by'].format(year=r.deadline)}"
    return (name, target, baseline_cell(r), latest_cell(r, lang), attainment_cell(r),
            verdicts.label(verdicts.key(r), lang))


def _table(doc, head: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(head))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text


def _fonts(doc) -> None:
    """Song for Chinese and Times for Latin text, in every style the document uses."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    for name in ("Normal", "Title", "Heading 1", "Heading 2"):
        style = doc.styles[name]
        style.font.name = "Times New Roman"
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), "SimSun")
    doc.styles["Normal"].font.size = Pt(10.5)


def document(report: Report, lang: str = "zh") -> bytes:
    """The evaluation document of one city's report, as the bytes of a .docx file."""
    import docx

    from planck.render import verdicts

    w = WORDS[lang]
    results = verdicts.binding_first(report.results)
    doc = docx.Document()
    _fonts(doc)
    city = _names(report.name_zh, report.name_en, lang)
    doc.add_heading(w["title"].format(city=city), level=0)
    doc.add_paragraph(w["as_of"].format(date=report.as_of.isoformat(), n=len(results)))
    doc.add_heading(w["summary"], level=1)
    counts = [(g.label, len(g.results), sum(r.attribute == "binding" for r in g.results))
              for g in verdicts.groups(results, lang)]
    _table(doc, (w["verdict"], w["count"], w["binding"]),
           [(label, str(n), str(b)) for label, n, b in counts]
           + [(w["all"], str(len(results)),
               str(sum(r.attribute == "binding" for r in results)))])
    basis = verdicts.basis(results, report.as_of)
    doc.add_paragraph(w["basis"].format(**basis))
    doc.add_heading(w["plans"], level=1)
    for p in report.plans:
        rows = [row(r, lang) for r in results if r.plan == p.id]
        if not rows:
            continue
        title = _names(p.title_zh, p.title_en, lang)
        doc.add_heading(title + period_suffix(title, p.start, p.end), level=2)
        _table(doc, w["head"], rows)
    doc.add_heading(w["unmet"], level=1)
    unmet = [r for r in results if r.verdict.status not in ("met", "no_data", "not_assessable")]
    for r in unmet:
        doc.add_paragraph(f"{_names(r.name, r.name_en, lang)}{PUNCT[lang]['label_sep']}"
                          f"{_need(r, lang)}", style="List Bullet")
    if not unmet:
        doc.add_paragraph(w["none_unmet"])
    doc.add_heading(w["sources"], level=1)
    _table(doc, w["src_head"], _sources(results, lang))
    doc.add_paragraph(w["generated"])
    _properties(doc, report, city, w["title"].format(city=city), lang)
    out = io.BytesIO()
    doc.save(out)
    return _fixed_zip(out.getvalue())


def _need(r: Result, lang: str) -> str:
    """What an unmet target still needs: the catch-up pace where the judge gives one, and
    the gap between the latest figure and the least value that meets the target."""
    from planck.render import verdicts

    w = WORDS[lang]
    need = verdicts.catch_up_text(r, lang)
    parts = [need] if need else []
    o, _kind = latest_shown(r)
    goal = r.target.goal
    if o is not None and goal is not None:
        gap = goal - o.value if r.direction == "higher" else o.value - goal
        if gap > 0:
            parts.append(w["gap"].format(gap=_gap(gap, r.unit, lang)))
    parts.append(verdicts.label(verdicts.key(r), lang))
    return w["part_sep"].join(parts)


def _gap(gap: float, unit: str, lang: str) -> str:
    """A difference of two shares is in points, not percent."""
    if unit == "%":
        return WORDS[lang]["gap_points"].format(gap=num(gap))
    return amount(gap, unit)


def _sources(results: Sequence[Result], lang: str) -> list[tuple[str, ...]]:
    """One row per figure a verdict shows: the latest figure and the target's own source."""
    w = WORDS[lang]
    rows: list[tuple[str, ...]] = []
    for r in results:
        name = _names(r.name, r.name_en, lang)
        o, _kind = latest_shown(r)
        if o is not None:
            rows.append((name, f"{amount(o.value, o.unit)} ({o.period})",
                         o.source_title + (f" {o.url}" if o.url else ""),
                         o.source_date.isoformat(), o.quote))
        t = r.target
        rows.append((name, f"{w['target_src']}{PUNCT[lang]['label_sep']}{promise(r, lang)}",
                     t.source_title + (f"（{t.doc_number}）" if t.doc_number else ""), "",
                     t.quote))
    return rows


def city_document(city: str, directory, as_of, lang: str) -> bytes:
    """Load and judge one city, and write its evaluation document (``PlanckError`` when its
    files are invalid)."""
    from planck.judge.evaluate import default_as_of, evaluate
    from planck.read.dataset import load_city

    data = load_city(city, directory)
    return document(evaluate(data, as_of or default_as_of(data)), lang)


def _properties(doc, report: Report, city: str, title: str, lang: str) -> None:
    """Fixed core properties: planck as author and editor, the as-of date as the time."""
    when = datetime(report.as_of.year, report.as_of.month, report.as_of.day,
                    tzinfo=UTC)
    props = doc.core_properties
    props.author = props.last_modified_by = CREATOR
    props.title, props.subject = title, city
    props.created = props.modified = when
    props.revision = 1
    props.comments, props.keywords, props.category = "", "", ""
    props.language = "zh-CN" if lang == "zh" else "en"


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every member at one fixed time, in the same order (python-docx
    stamps members with the clock)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, _ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
