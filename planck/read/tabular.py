"""Tables of observations (CSV or XLSX) as rows of cells with their positions.

Only the reading happens here: which file it is, its encoding, its header row. What the cells
mean is decided in ``planck.write.table_import``. Nothing raises for bad input; problems are
findings ``FILE:row:col`` (1-based, as a spreadsheet shows them).
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planck.findings import Finding
from planck.read.loader import MAX_BYTES, one_line

#: Bounds on a workbook: what its zip may expand to, and the sheet's extent (each row is read
#: out to the last column, so a single cell at XFD1048576 would mean 17 billion cells).
XLSX_MAX_EXPANDED = 16 * 2**20
XLSX_MAX_ROWS, XLSX_MAX_COLUMNS, XLSX_MAX_CELLS = 100_000, 64, 1_000_000

#: Column names (folded: NFKC, lower case, no blanks or '_') → field. Documented in docs/format.md.
COLUMNS: dict[str, str] = {}
for _field, _names in {
    "indicator": ("indicator", "指标", "指标id", "指标名称", "指标编号"),
    "period": ("period", "year", "年份", "期间", "年份/期间", "时期", "年度"),
    "value": ("value", "数值", "数据", "值"),
    "unit": ("unit", "单位", "计量单位"),
    "source": ("source", "sourceid", "来源", "来源id", "来源编号"),
    "source_title": ("sourcetitle", "title", "来源标题", "标题", "文件名称"),
    "source_issuer": ("sourceissuer", "issuer", "发布单位", "发布机关", "发布机构"),
    "source_date": ("sourcedate", "date", "发布日期", "日期"),
    "source_url": ("sourceurl", "url", "网址", "链接"),
    "quote": ("quote", "原文", "引文"),
    "note": ("note", "备注", "说明"),
    "partial": ("partial", "部分年度", "非全年", "部分"),
    "bound": ("bound", "界限", "上下限", "边界"),
    "estimate": ("estimate", "预计", "估计", "预计数"),
    "take": ("take", "采用", "取用", "保留"),
}.items():
    for _name in _names:
        COLUMNS[_name] = _field


def fold_header(name: Any) -> str:
    text = unicodedata.normalize("NFKC", str(name if name is not None else "")).strip().lower()
    return "".join(text.replace("_", "").split())


@dataclass
class Cell:
    value: Any
    row: int
    col: int
    header: str


@dataclass
class Table:
    """Data rows as {field: Cell}; ``findings`` when the file or its header cannot be used."""

    name: str
    rows: list[dict[str, Cell]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _bad(name: str, row: int, col: int, code: str, message: str) -> Finding:
    return Finding(name, row, col, code, one_line(message))


def _decode(raw: bytes, name: str) -> tuple[str | None, Finding | None]:
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        row = raw[:err.start].count(b"\n") + 1
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return None, _bad(name, row, 1, "encoding", "file is not UTF-8: save it as CSV UTF-8")
    return None, _bad(name, row, 1, "encoding",
                      "file is GBK/GB18030, not UTF-8: in Excel or WPS save as 'CSV UTF-8', or "
                      f"convert it with `iconv -f GB18030 -t UTF-8 {name} > utf8.csv`")


def _csv_rows(raw: bytes, name: str) -> tuple[list[list[Any]], list[Finding]]:
    text, problem = _decode(raw, name)
    if text is None:
        return [], [problem] if problem else []
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)), []
    except csv.Error as err:
        return [], [_bad(name, 0, 0, "csv", f"cannot read CSV: {err}")]


def _xlsx_rows(raw: bytes, name: str) -> tuple[list[list[Any]], list[Finding]]:
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        return [], [_bad(name, 0, 0, "not-a-workbook", "this is an old .xls workbook: save it "
                         "as .xlsx (Excel/WPS: Save As → Excel Workbook)")]
    if not raw.startswith(b"PK\x03\x04"):
        return [], [_bad(name, 0, 0, "not-a-workbook", "not an XLSX workbook (an .xlsx file is "
                         "a zip archive); give a .xlsx or a UTF-8 .csv")]
    import zipfile

    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            expanded = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as err:
        return [], [_bad(name, 0, 0, "not-a-workbook", f"not a readable XLSX workbook: {err}")]
    if expanded > XLSX_MAX_EXPANDED:
        # the 5 MiB cap applies to the zip; its sheets could still expand to gigabytes
        return [], [_bad(name, 0, 0, "too-large", f"the workbook expands to {expanded:,} bytes "
                         f"(over {XLSX_MAX_EXPANDED // 2**20} MiB): split the table, or save "
                         "it as CSV UTF-8")]
    try:
        book = load_workbook(io.BytesIO(raw), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as err:
        return [], [_bad(name, 0, 0, "not-a-workbook", f"not a readable XLSX workbook: {err}")]
    except Exception as err:  # noqa: BLE001 - openpyxl raises many kinds for broken archives
        return [], [_bad(name, 0, 0, "not-a-workbook",
                         f"not a readable XLSX workbook: {type(err).__name__}: {err}")]
    sheet = book.worksheets[0]
    rows, cols = sheet.max_row, sheet.max_column
    if rows > XLSX_MAX_ROWS or cols > XLSX_MAX_COLUMNS or rows * cols > XLSX_MAX_CELLS:
        from openpyxl.utils import get_column_letter

        # every row is read out to the last column: one far cell would make billions of cells
        return [], [_bad(name, rows, cols, "too-large", f"the sheet reaches cell "
                         f"{get_column_letter(cols)}{rows}: planck reads a table of at most "
                         f"{XLSX_MAX_ROWS:,} rows, {XLSX_MAX_COLUMNS} columns and "
                         f"{XLSX_MAX_CELLS:,} cells (delete what is beyond the table)")]
    found = []
    for merged in sheet.merged_cells.ranges:
        where = "header" if merged.min_row == 1 else "data"
        found.append(_bad(name, merged.min_row, merged.min_col, "merged-cells",
                          f"merged {where} cells {merged.coord}: unmerge them, so every "
                          "column has its own name and every row its own values"))
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    return rows, found


def read_table(path: Path | str) -> Table:
    """The rows of a .csv/.tsv/.txt or .xlsx file, keyed by field name."""
    name = str(path)
    table = Table(name)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as err:
        table.findings.append(_bad(name, 0, 0, "unreadable", f"cannot read file: {err.strerror or err}"))
        return table
    if len(raw) > MAX_BYTES:
        table.findings.append(_bad(name, 0, 0, "too-large", f"file is over {MAX_BYTES} bytes"))
        return table
    xlsx = Path(name).suffix.lower() in (".xlsx", ".xlsm") or raw.startswith(b"PK\x03\x04")
    rows, table.findings = (_xlsx_rows if xlsx else _csv_rows)(raw, name)
    if table.findings:
        return table
    top = 0
    while top < len(rows) and all(_empty(v) for v in rows[top]):
        top += 1  # blank lines above the header
    rows = rows[top:]
    if not rows:
        table.findings.append(_bad(name, 1, 0, "empty", "no header row: the first row names the columns"))
        return table
    header: dict[int, tuple[str, str]] = {}
    for col, title in enumerate(rows[0], 1):
        if _empty(title):
            continue
        key = COLUMNS.get(fold_header(title))
        if key is None:
            from planck.suggest import did_you_mean

            near = did_you_mean(fold_header(title), sorted(COLUMNS), n=1, quoted=True)
            table.findings.append(_bad(name, top + 1, col, "unknown-column", f"unknown column {str(title)!r}"
                                       f"{near}"
                                       " (see docs/format.md, 'Tables')"))
        elif key in {k for k, _ in header.values()}:
            table.findings.append(_bad(name, top + 1, col, "duplicate-column", f"column {str(title)!r} "
                                       f"repeats the {key} column"))
        else:
            header[col] = (key, str(title).strip())
    for n, values in enumerate(rows[1:], top + 2):
        if all(_empty(v) for v in values):
            continue
        row = {key: Cell(values[col - 1] if col - 1 < len(values) else None, n, col, title)
               for col, (key, title) in header.items()}
        table.rows.append(row)
    return table


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
