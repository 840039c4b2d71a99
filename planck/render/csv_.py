"""The CSV format: one row per target, the JSON fields flattened (``target.op``, ``latest.value``).

UTF-8 with a byte-order mark and CRLF line ends, so that Excel and WPS open the Chinese text
correctly by double-click. The columns come from the result's JSON keys
(``planck.result.RESULT_KEYS``), so a key added there appears here without a change, and a row
whose ``latest`` is empty still has the ``latest.*`` columns.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Any

from planck.escape import log, strict_json
from planck.render.context import Context
from planck.result import RESULT_KEYS, Report, nested_keys

BOM = "\ufeff"
#: A cell starting with one of these is a formula to a spreadsheet ("CSV injection"); data
#: from strangers gets a leading apostrophe, which spreadsheets show as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CITY = ("city", "city_name_zh", "city_name_en", "as_of")


@cache
def columns() -> tuple[str, ...]:
    """Dotted column names of a result's JSON object, nested objects spread over columns."""
    nested = nested_keys()
    out: list[str] = []
    for key in RESULT_KEYS:
        out += [f"{key}.{k}" for k in nested[key]] if key in nested else [key]
    return tuple(out)


def _flatten(value: Any, path: str, out: dict[str, Any]) -> None:
    if isinstance(value, dict) and (not path or path in nested_keys()):
        for k, v in value.items():
            _flatten(v, f"{path}.{k}" if path else k, out)
    else:
        out[path] = value


def cell(value: Any) -> str:
    """One value as CSV text: empty for null, JSON for lists and maps, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (dict, list, tuple)):
        return strict_json(value, ensure_ascii=False, sort_keys=True)
    # One line, no control character, no CI-log command (a CSV file may be shown in a log).
    text = log(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def rows(reports: Sequence[Report]) -> tuple[tuple[str, ...], list[list[str]]]:
    """(header, rows): the table both CSV and XLSX export are made of."""
    header = _CITY + columns()
    out = []
    for rep in reports:
        city = tuple(map(cell, (rep.city, rep.name_zh, rep.name_en, rep.as_of)))
        for r in rep.results:
            flat: dict[str, Any] = {}
            _flatten(r.as_dict(), "", flat)
            out.append([*city, *(cell(flat.get(c)) for c in columns())])
    return header, out


def render(reports: Sequence[Report], ctx: Context) -> str:
    if not reports:
        return ""
    header, body = rows(reports)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(body)
    return BOM + buf.getvalue()
