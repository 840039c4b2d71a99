"""Rows of a table (planck.read.tabular) → new observations and sources, every bad cell a
finding ``FILE:row:col``. All rows are checked; the caller writes nothing if any is bad."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from planck.findings import Finding
from planck.read import units
from planck.read.loader import one_line
from planck.read.model import Indicator, MeasuredFile, TargetFile
from planck.read.quotes import missing_numbers
from planck.read.tabular import Cell, Table
from planck.write.entries import (
    NewObservation,
    NewSource,
    did_you_mean,
    one_line_text,
    parse_day,
    parse_number,
    parse_period,
)

REQUIRED = ("indicator", "period", "value", "quote")
_FLAGS = {"true": True, "false": False, "yes": True, "no": False, "1": True, "0": False,
          "是": True, "否": False, "y": True, "n": False}
#: a bound column's words: empty for an exact figure
_BOUNDS = {"": None, "lower": "lower", "upper": "upper", "下限": "lower", "上限": "upper",
           "余": "lower", "近": "upper", "≥": "lower", "≤": "upper", ">=": "lower", "<=": "upper"}
_SOURCE_FIELDS = ("source_title", "source_issuer", "source_date", "source_url")


def _text(cell: Cell | None) -> str:
    if cell is None or cell.value is None:
        return ""
    if isinstance(cell.value, float) and cell.value.is_integer():
        return str(int(cell.value))
    return str(cell.value).strip()


def entries(table: Table, targets: TargetFile, measured: MeasuredFile | None, today: date,
            new_id: Any, replace: bool = False, done: Callable[[], None] | None = None
            ) -> tuple[list[NewObservation], list[NewSource], list[Finding]]:
    """``new_id(url, day, taken)`` names a source that a row adds without an id. A row for an
    indicator, period and source already recorded with another value is a finding at its
    value cell unless ``replace``. ``done`` is called after each row (the command line's
    progress bar)."""
    found: list[Finding] = []

    def bad(cell: Cell | None, row: int, message: str, code: str = "bad-cell") -> None:
        col = cell.col if cell is not None else 0
        label = f"{cell.header}: " if cell is not None else ""
        found.append(Finding(table.name, row, col, code, one_line(label + message)))

    columns = set(table.rows[0]) if table.rows else set()
    missing = [f for f in REQUIRED if f not in columns]
    if "source" not in columns and not {"source_title", "source_url"} <= columns:
        missing.append("source (or source_title, source_issuer, source_date, source_url)")
    if missing:
        return [], [], [Finding(table.name, 1, 0, "missing-column",
                                f"missing column(s): {', '.join(missing)} (see docs/format.md, 'Tables')")]
    ind = {i.id: i for i in targets.indicators}
    by_name = {**{i.name_zh: i.id for i in targets.indicators},
               **{i.name_en: i.id for i in targets.indicators}}
    existing = {s.id: s for s in measured.sources} if measured else {}
    recorded = {(o.indicator, str(o.period), o.source): o
                for o in (measured.observations if measured else [])}
    by_url = {s.url: s.id for s in existing.values() if s.url}
    sources: dict[str, NewSource] = {}
    observations: list[NewObservation] = []
    for row in table.rows:
        n = next(iter(row.values())).row
        before = len(found)
        take = _text(row.get("take")).lower()
        if take and take not in _FLAGS:
            bad(row["take"], n, f"{take!r} is not yes/no (是/否): is the row to be imported?")
            continue
        if take and not _FLAGS[take]:  # struck by the person reviewing (harvest --format csv)
            if done is not None:
                done()
            continue
        for key in REQUIRED:
            if not _text(row.get(key)):
                bad(row.get(key), n, "empty required cell", "empty-cell")
        raw_ind = _text(row.get("indicator"))
        indicator = raw_ind if raw_ind in ind else by_name.get(raw_ind)
        if raw_ind and indicator is None:
            bad(row["indicator"], n, f"unknown indicator {raw_ind!r}"
                f"{did_you_mean(raw_ind, sorted(ind) + sorted(by_name))}", "unknown-indicator")
        period, why = parse_period(row["period"].value) if _text(row.get("period")) else (None, None)
        if why:
            bad(row["period"], n, why)
        value, why = parse_number(row["value"].value) if _text(row.get("value")) else (None, None)
        if why:
            bad(row["value"], n, why)
        unit = _text(row.get("unit")) or (ind[indicator].unit if indicator else "")
        if unit:
            _check_unit(row, n, unit, indicator, ind, bad)
        for key in ("quote", "note"):
            text = _text(row.get(key))
            problem = one_line_text(text, key) if text else None
            if problem:
                bad(row[key], n, problem)
        partial, bound, estimate = _flags(row, n, period, bad)
        source = _source(row, n, existing, by_url, sources, today, new_id, bad)
        if len(found) == before:
            _check_row(row, n, value, period, today, bad)
        # a missing indicator, period or value was recorded in ``found`` above
        if (len(found) == before and source is not None and indicator is not None
                and period is not None and value is not None):
            new = NewObservation(indicator, period, value, unit, source, _text(row["quote"]),
                                 partial, _text(row.get("note")) or None, bound, estimate)
            old = recorded.get((indicator, str(period), source))
            if old is not None and not replace and (
                    old.value, old.unit, old.quote, old.bound, old.estimate) != (
                    float(value.text), unit, new.quote, new.bound, new.estimate):
                bad(row["value"], n, f"{indicator} {period} from source {source!r} is already "
                    f"recorded as {old.value:g} {old.unit}: use --replace to change it", "duplicate")
            else:
                observations.append(new)
        if done is not None:
            done()
    return observations, list(sources.values()), found


def _check_row(row: dict[str, Cell], n: int, value: Any, period: Any, today: date,
               bad: Callable[..., None]) -> None:
    """A row otherwise right, checked as check_entries will check every entry, but here, at
    its cell: the measured file may not exist yet, and its lines are not the user's."""
    quote = _text(row.get("quote"))
    if quote and value is not None and missing_numbers(quote, [float(value.text)]):
        bad(row["quote"], n, f"the quote does not contain the value {value.text}: quote the "
            f"words that state it ({quote!r})", "quote-number")
    if period is not None and int(str(period)[:4]) > today.year:
        bad(row["period"], n, f"period {period} is in the future", "bad-period")


def _check_unit(row: dict[str, Cell], n: int, unit: str, indicator: str | None,
                ind: dict[str, Indicator], bad: Callable[..., None]) -> None:
    """A row's unit is known, and of the dimension of its indicator's unit."""
    problem = units.check(unit)
    if problem:
        bad(row.get("unit"), n, problem, "unknown-unit")
    elif indicator:
        try:
            units.factor(unit, ind[indicator].unit)
        except units.UnitError:
            bad(row.get("unit"), n, f"unit {unit!r} measures another kind of quantity "
                f"than the unit of {indicator!r}, {ind[indicator].unit!r}", "unit-mismatch")


def _flags(row: dict[str, Cell], n: int, period: int | str | None,
           bad: Callable[..., None]) -> tuple[bool, str | None, bool]:
    """A row's partial, bound and estimate cells: (partial, bound or None, estimate); a cell
    that says none of its words is a finding (and counts as left empty)."""
    partial = isinstance(period, str) and not period.endswith("-12")
    flag = _text(row.get("partial")).lower()
    if flag:
        if flag not in _FLAGS:
            bad(row["partial"], n, f"{flag!r} is not true/false (是/否)")
        partial = _FLAGS.get(flag, partial)
    bound = _BOUNDS.get(_text(row.get("bound")).lower(), "?")
    if bound == "?":
        bad(row["bound"], n, f"{_text(row['bound'])!r} is not lower/upper "
            "(下限/上限, 余/近) or empty for an exact figure")
    flag = _text(row.get("estimate")).lower()
    estimate = _FLAGS.get(flag, False) if flag else False
    if flag and flag not in _FLAGS:
        bad(row["estimate"], n, f"{flag!r} is not true/false (是/否)")
    return partial, bound if bound != "?" else None, estimate


def _source(row: dict[str, Cell], n: int, existing: dict, by_url: dict, adding: dict,
            today: date, new_id: Any, bad: Any) -> str | None:
    """The row's source id: an existing one, or one this table adds."""
    sid = _text(row.get("source"))
    given = {k: _text(row.get(k)) for k in _SOURCE_FIELDS}
    if not any(given.values()):
        if not sid:
            bad(row.get("source"), n, "empty required cell (a source id, or the source's "
                "title, issuer, date and url)", "empty-cell")
            return None
        if sid not in existing and sid not in adding:  # a row above may add it
            bad(row["source"], n, f"unknown source id {sid!r}"
                f"{did_you_mean(sid, sorted(set(existing) | set(adding)))}", "unknown-source")
            return None
        return sid
    for key in ("source_title", "source_issuer", "source_url"):
        if not given[key]:
            bad(row.get(key), n, f"a new source needs its {key.removeprefix('source_')}", "empty-cell")
    cell = row.get("source_date")
    day = None
    if cell is not None and isinstance(cell.value, datetime):
        day = cell.value.date()
    elif given["source_date"]:
        day, why = parse_day(given["source_date"])
        if why:
            bad(cell, n, why)
    if day is not None and day > today:
        bad(cell, n, f"date {day.isoformat()} is in the future (today is {today.isoformat()})",
            "future-date")
    url = given["source_url"]
    if url and not url.startswith(("http://", "https://")):
        bad(row.get("source_url"), n, f"{url!r} is not an http(s) address")
    if not all(given[k] for k in ("source_title", "source_issuer", "source_url")):
        return None
    sid = sid or by_url.get(url) or next((s.id for s in adding.values() if s.url == url), None) \
        or new_id(url, day, set(existing) | set(adding))
    new = NewSource(sid, given["source_title"], given["source_issuer"], day, url)
    if sid in adding and adding[sid] != new:
        bad(row.get("source_title"), n, f"source {sid!r} is given with other details in an "
            "earlier row", "source-conflict")
        return None
    adding[sid] = new  # an existing id is checked against the file's source (same details)
    return sid
