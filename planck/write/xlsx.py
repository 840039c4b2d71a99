"""XLSX export: a sheet per plan (or per city with ``by_city``), status cells coloured, and a
sheet of every source behind the figures. Returns the workbook's bytes; the CLI writes them.

Text from the data files is stored as text cells, never formulas: a title starting with '='
stays that title in Excel and WPS.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

from planck.readable import target
from planck.reasons import said
from planck.render.context import STATUS_LABEL
from planck.render.terms_text import CATEGORY_LABEL, LIGHT_LABEL, catch_up_text
from planck.result import Report, Result
from planck.words import section

#: Fill colours (RGB) of the status cells, the same families as the terminal table's.
FILL = {"met": "C6EFCE", "on_track": "C6EFCE", "behind": "FFEB9C", "off_track": "FFC7CE",
        "missed": "FFC7CE", "regressing": "FFC7CE", "no_data": "EDEDED",
        "not_assessable": "EDEDED"}
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # XML 1.0 cannot hold these at all

_WORDS = section("xlsx")
_HEAD = {lang: words["head"] for lang, words in _WORDS.items()}
STATUS_COLUMN = 11  # 1-based, in both languages' headers
SOURCE_HEAD = ("city", "id", "title", "issuer", "doc_number", "date", "url", "file", "kind")


def _row(r: Result, lang: str) -> list[Any]:
    t, v, e = r.target, r.verdict, r.evidence
    latest = e.latest
    # the promise as every format reads it, without the unit: the Unit column holds it
    return [r.id, r.name if lang == "zh" else r.name_en, r.unit, e.baseline_year, e.baseline,
            target(r, lang, unit=False), t.goal, r.deadline, latest and str(latest.period),
            latest and latest.value, STATUS_LABEL[lang][v.status], r.progress.percent_to_goal,
            r.progress.expected_progress, said(v.reason, lang), t.quote, latest and latest.quote,
            latest and latest.source_title,
            v.category and CATEGORY_LABEL[lang][v.category],
            v.light and LIGHT_LABEL[lang][v.light], catch_up_text(r, lang) or None,
            _kind(latest, lang)]


def _kind(o: Any, lang: str) -> str | None:
    """What the latest figure is when not an exact actual: a bound, an estimate."""
    if o is None:
        return None
    words = _WORDS[lang]
    parts = ([words[o.bound]] if o.bound else []) + ([words["est"]] if o.estimate else [])
    return ", ".join(parts) or None


def _text(value: Any) -> Any:
    if isinstance(value, str):
        return _ILLEGAL.sub(lambda m: f"\\x{ord(m.group()):02x}", value)
    return value


def _sheet_name(name: str, taken: set[str]) -> str:
    base = _SHEET_BAD.sub("_", name).strip("'")[:31] or "sheet"
    candidate, n = base, 2
    while candidate.lower() in {t.lower() for t in taken}:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(candidate)
    return candidate


def _fill(sheet: Any, rows: list[list[Any]], head: Sequence[str], statuses: list[str],
          status_col: int | None = None) -> None:
    """Header, rows as text or number cells, the status cells coloured (1-based column)."""
    from openpyxl.styles import Font, PatternFill

    sheet.append(list(head))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for n, (values, status) in enumerate(zip(rows, statuses, strict=True), 2):
        for col, value in enumerate(values, 1):
            cell = sheet.cell(row=n, column=col)
            cell.value = _text(value)
            if isinstance(value, str):
                cell.data_type = "s"  # text, even when it starts with '='
        if status_col and status in FILL:
            sheet.cell(row=n, column=status_col).fill = PatternFill("solid", fgColor=FILL[status])
    sheet.freeze_panes = "B2"
    for col, title in enumerate(head, 1):
        width = max([len(str(title))] + [len(str(r[col - 1] or "")) for r in rows[:200]])
        sheet.column_dimensions[sheet.cell(row=1, column=col).column_letter].width = min(60, width + 2)


def workbook(reports: Sequence[Report], sources: list[list[Any]], lang: str = "en",
             by_city: bool = False) -> bytes:
    """The workbook: per plan (one city) or per city (``by_city``), then 'sources'."""
    from openpyxl import Workbook

    from planck.write.owner import XLSX_CREATOR

    book = Workbook()
    # planck's name in the document properties: a later export may replace this file
    book.properties.creator = book.properties.lastModifiedBy = XLSX_CREATOR
    book.remove(book.active)
    taken: set[str] = {"sources"}
    head = _HEAD[lang]
    for rep in reports:
        groups = [(rep.city, list(rep.results))] if by_city else [
            (p.id, [r for r in rep.results if r.plan == p.id]) for p in rep.plans]
        for name, results in groups:
            sheet = book.create_sheet(_sheet_name(name, taken))
            _fill(sheet, [_row(r, lang) for r in results], head,
                  [r.verdict.status for r in results], STATUS_COLUMN)
    _fill(book.create_sheet("sources"), sources, SOURCE_HEAD, ["" for _ in sources])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def source_rows(data: Any) -> list[list[Any]]:
    """Every source of a city's (``CityData``) target and measured files, as rows of the
    'sources' sheet."""
    return ([_source(data.id, s, "plan") for s in data.targets.sources]
            + [_source(data.id, s, "measured") for s in data.measured_sources])


def city_sheet(data: Any, as_of: Any) -> tuple[Report, list[list[Any]]]:
    """Runs in a worker: one loaded city's report and its source rows (read once for both)."""
    from planck.judge.evaluate import default_as_of, evaluate

    return evaluate(data, as_of or default_as_of(data)), source_rows(data)


def _source(city: str, s: Any, kind: str) -> list[Any]:
    return [city, s.id, s.title, s.issuer, s.doc_number, s.date and s.date.isoformat(), s.url,
            s.file, kind]
