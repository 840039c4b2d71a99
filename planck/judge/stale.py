"""Staleness: a result resting on an old figure (``--max-age``, docs/methodology.md).

Pure functions; ``evaluate`` flags every result with the default age, and a command given
``--max-age`` re-flags the report with ``with_max_age``.
"""

from __future__ import annotations

from dataclasses import replace

from planck.result import Report, Result


def newest_year(r: Result) -> int | None:
    """The year of the figure the status rests on (a stock's in-year count if provisional)."""
    o = r.deciding
    return None if o is None else int(str(o.period)[:4])


def is_stale(r: Result, as_of_year: int, max_age: int) -> bool:
    """Not final, and its figure is more than ``max_age`` years before the as-of year."""
    year = newest_year(r)
    return not r.verdict.final and year is not None and as_of_year - year > max_age


def with_stale(r: Result, as_of_year: int, max_age: int) -> Result:
    """``r`` flagged stale or not for ``max_age`` years at ``as_of_year``."""
    return replace(r, flags=replace(r.flags, stale=is_stale(r, as_of_year, max_age)))


def with_max_age(report: Report, max_age: int) -> Report:
    """The report with every result's ``stale`` flag for another allowed age."""
    results = tuple(with_stale(r, report.as_of.year, max_age) for r in report.results)
    return replace(report, results=results, max_age=max_age)
