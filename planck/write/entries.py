"""New observations and sources as given on the command line or in a table, and the checks
that need the city's files (known indicators, units, source ids). Values and periods arrive as
text, so each parser says exactly what is wrong with it and how to write it instead."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from planck.findings import Finding
from planck.read import units
from planck.read.loader import one_line
from planck.read.model import MeasuredFile, TargetFile
from planck.read.quotes import missing_numbers
from planck.write.yamledit import Number

_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
_YEAR = re.compile(r"([0-9]{4})年?")
_MONTH = re.compile(r"([0-9]{4})(?:-|年)([0-9]{1,2})月?")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_LARGEST = 1e15  # larger than any statistic planck's files hold (GDP in 元 is ~1e13)


@dataclass(frozen=True)
class NewObservation:
    indicator: str
    period: int | str
    value: Number
    unit: str
    source: str
    quote: str
    partial: bool
    note: str | None = None
    #: "lower" or "upper" when the figure is a bound (3000余家, 近1300家), else None
    bound: str | None = None
    #: an estimate (预计), never final
    estimate: bool = False


@dataclass(frozen=True)
class NewSource:
    id: str
    title: str
    issuer: str
    date: date | None
    url: str | None
    note: str | None = None


def parse_number(text: Any) -> tuple[Number | None, str | None]:
    """(the number, None) or (None, why not): ASCII digits only, no separators."""
    if isinstance(text, bool):
        return None, f"{text!r} is not a number"
    if isinstance(text, int):
        return Number(str(text)), None
    if isinstance(text, float):
        if text != text or abs(text) > _LARGEST:
            return None, f"{text!r} is not a usable number"
        return Number(str(int(text)) if text.is_integer() else repr(text)), None
    raw = str(text).strip()
    if not raw:
        return None, "empty value"
    folded = unicodedata.normalize("NFKC", raw).replace("\u2212", "-")
    if folded.startswith("+") and folded[1:2].isdigit():
        folded, raw = folded[1:], raw[1:]
    if folded != raw and _DECIMAL.fullmatch(folded.replace(",", "")):
        return None, f"{raw!r} has full-width characters: write it with ASCII digits, as {folded}"
    if re.fullmatch(r"-?[0-9]{1,3}(?:[,，][0-9]{3})+(?:\.[0-9]+)?", folded):
        plain = re.sub("[,，]", "", folded)
        return None, f"{raw!r} has thousands separators: write {plain}"
    if not _DECIMAL.fullmatch(folded):
        return None, f"{raw!r} is not a number (digits and one '.', the unit goes in the unit)"
    if abs(float(folded)) > _LARGEST:
        return None, f"{raw!r} is larger than any statistic ({_LARGEST:g})"
    return Number(folded), None


def parse_period(text: Any) -> tuple[int | str | None, str | None]:
    """A year (2023, 2023年) or a month ("2024-06", 2024年6月) up to December."""
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    given = str(text).strip()
    raw = unicodedata.normalize("NFKC", given)
    if re.search(r"[０-９－]", given):
        return None, f"period {given!r} has full-width characters: write it with ASCII digits, as {raw}"
    year = _YEAR.fullmatch(raw)
    month = _MONTH.fullmatch(raw)
    if year:
        y, m = int(year.group(1)), None
    elif month:
        y, m = int(month.group(1)), int(month.group(2))
    else:
        return None, f"period {str(text)!r} is not a year (2023) or a month (2024-06)"
    if not 1949 <= y <= 2100 or (m is not None and not 1 <= m <= 12):
        return None, f"period {str(text)!r} is outside 1949–2100 or has no month {m}"
    return (y if m is None else f"{y}-{m:02d}"), None


def parse_day(text: Any) -> tuple[date | None, str | None]:
    if isinstance(text, date):
        return text, None
    raw = unicodedata.normalize("NFKC", str(text)).strip()
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", raw):
            return date.fromisoformat(raw), None
    except ValueError:
        pass
    return None, f"date {str(text)!r} is not a date YYYY-MM-DD"


def one_line_text(text: str, what: str) -> str | None:
    """Why a text field cannot be written (None when fine)."""
    if not text or not text.strip():
        return f"missing {what}"
    if not text.isprintable():
        return f"{what} holds a line break or control character: give it on one line"
    if len(text) > 2000:
        return f"{what} is longer than 2000 characters"
    return None


def did_you_mean(word: str, known: list[str]) -> str:
    """`` (did you mean 'x'?)``: the one nearest id, quoted (planck.suggest)."""
    return _near(word, tuple(known))


@functools.lru_cache(maxsize=1024)
def _near(word: str, known: tuple[str, ...]) -> str:
    # a table repeats its mistakes: 58,000 rows of one bad id took 70 s of fuzzy matching
    from planck.suggest import did_you_mean as near

    return near(word, list(known), n=1, quoted=True)


def _source_fields(s: NewSource, today: date | None, bad: Callable[[str, str], None]) -> None:
    """A new source's title, issuer, url and date, each on one line and plausible."""
    for value, what in ((s.title, "source title"), (s.issuer, "source issuer")):
        problem = one_line_text(value, what)
        if problem:
            bad("missing", f"source {s.id!r}: {problem}")
    if not s.url:
        bad("missing", f"source {s.id!r} needs a url (where the figure was published)")
    elif one_line_text(s.url, "url") or not re.match(r"https?://\S+$", s.url):
        bad("bad-url", f"source {s.id!r}: url {s.url!r} is not an http(s) address")
    if s.date is not None and today is not None and s.date > today:
        bad("future-date", f"source {s.id!r}: date {s.date.isoformat()} is in the future "
            f"(today is {today.isoformat()})")


def check_entries(mf: MeasuredFile, targets: TargetFile | None,
                  observations: list[NewObservation], sources: list[NewSource], name: str,
                  today: date | None) -> tuple[list[NewSource], list[Finding]]:
    """(sources that need adding, findings). Findings have no line: they are about the
    arguments or rows, whose positions the caller adds."""
    found: list[Finding] = []

    def bad(code: str, message: str) -> None:
        found.append(Finding(name, 0, 0, code, one_line(message)))

    existing = {s.id: s for s in mf.sources}
    adding: dict[str, NewSource] = {}
    for s in sources:
        if not _ID.match(s.id) or len(s.id) > 80:
            bad("bad-id", f"source id {s.id!r}: lower-case ascii letters, digits and '-'")
            continue
        old = existing.get(s.id)
        if old is not None:
            if (old.title, old.issuer, old.date, old.url) != (s.title, s.issuer, s.date, s.url):
                bad("source-conflict", f"source {s.id!r} already exists with another title, "
                    "issuer, date or url: use --source to cite it, or choose another id")
            continue
        _source_fields(s, today, bad)
        if s.id in adding and adding[s.id] != s:
            bad("source-conflict", f"source {s.id!r} is given twice with different fields")
        adding[s.id] = s
    unit_of = {i.id: i.unit for i in targets.indicators} if targets else {}
    known_sources = sorted(set(existing) | set(adding))
    seen: dict[tuple[str, str, str], NewObservation] = {}
    for o in observations:
        if targets is not None and o.indicator not in unit_of:
            bad("unknown-indicator", f"unknown indicator {o.indicator!r} for "
                f"{targets.city.id}{did_you_mean(o.indicator, sorted(unit_of))}")
        problem = units.check(o.unit) if o.unit or o.indicator in unit_of else None
        if problem:
            bad("unknown-unit", problem)
        elif o.indicator in unit_of:
            try:
                units.factor(o.unit, unit_of[o.indicator])
            except units.UnitError:
                bad("unit-mismatch", f"unit {o.unit!r} measures another kind of quantity than "
                    f"the unit of {o.indicator!r}, {unit_of[o.indicator]!r}")
        if o.source not in existing and o.source not in adding:
            bad("unknown-source", f"unknown source id {o.source!r}"
                f"{did_you_mean(o.source, known_sources)}: give --source with an existing id, "
                "or --title --issuer --date --url to add one")
        for value, what in ((o.quote, "quote (the verbatim sentence the figure is in)"),
                            (o.note or "-", "note")):
            problem = one_line_text(value, what)
            if problem:
                bad("missing" if problem.startswith("missing") else "bad-text", problem)
        if o.quote.strip() and missing_numbers(o.quote, [float(o.value.text)]):
            bad("quote-number", f"the quote does not contain the value {o.value.text}: quote "
                f"the words that state it ({o.quote!r})")
        year = o.period if isinstance(o.period, int) else int(o.period[:4])
        if today is not None and year > today.year:
            bad("bad-period", f"period {o.period} is in the future")
        key = (o.indicator, str(o.period), o.source)
        if key in seen and seen[key] != o:
            bad("duplicate", f"{o.indicator} {o.period} from {o.source!r} is given twice "
                "with different values")
        seen[key] = o
    return list(adding.values()), found
