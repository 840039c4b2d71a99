"""``planck compare``: one indicator across cities, matched by its shared indicator id.

A city's row is each of its targets on the indicator (promise, latest value, status); a city
that defines the indicator without a target still gets a row with its latest value. Pure:
the CLI loads the cities and writes the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from planck.escape import log
from planck.read.dataset import CityData
from planck.readable import target
from planck.result import Report

SCHEMA = "planck.compare/1"


@dataclass(frozen=True)
class Row:
    """One city's standing on the indicator (one row per target, or one without a target)."""

    city: str
    city_zh: str
    city_en: str
    as_of: date
    name: str
    name_en: str
    unit: str
    target: str | None
    promise: str | None
    deadline: int | None
    latest: float | None
    period: int | str | None
    status: str | None
    percent_to_goal: float | None


def rows_for(data: CityData, report: Report, indicator: str, lang: str = "en") -> list[Row]:
    """The rows of one city; empty when its files do not use the indicator id."""
    from planck.judge.evaluate import pick

    ind = next((i for i in data.targets.indicators if i.id == indicator), None)
    if ind is None:
        return []
    head = (report.city, report.name_zh, report.name_en, report.as_of, ind.name_zh,
            ind.name_en, ind.unit)
    rows = []
    for r in report.results:
        if r.indicator != indicator:
            continue
        o = r.deciding
        rows.append(Row(*head, r.id, log(target(r, lang)), r.deadline,
                        None if o is None else o.value, None if o is None else o.period,
                        r.verdict.status, r.progress.percent_to_goal))
    if not rows:
        annual, _ = pick(data.observations, indicator, report.as_of)
        year = max(annual, default=None)
        rows.append(Row(*head, None, None, None, None if year is None else annual[year].value,
                        year, None, None))
    return rows


def compare_cities(cities: Sequence[str], directory: Path, indicator: str, as_of: date | None,
                   lang: str = "en") -> tuple[list[Row], list[CityData]]:
    """Load and evaluate every city (each at ``as_of``, else its data's own as-of date) and
    return the rows for ``indicator`` with the loaded cities; ``PlanckError`` if any is
    invalid."""
    from planck.findings import PlanckError
    from planck.judge.evaluate import default_as_of, evaluate
    from planck.read.dataset import load_city

    datas, findings = [], []
    for city in cities:
        try:
            datas.append(load_city(city, directory))
        except PlanckError as err:
            findings += err.findings
    if findings:
        raise PlanckError(findings)
    rows = [row for d in datas
            for row in rows_for(d, evaluate(d, as_of or default_as_of(d)), indicator, lang)]
    return rows, datas


def shared_ids(datas: Sequence[CityData]) -> list[str]:
    """Indicator ids that at least two of the cities use (what compare is good for)."""
    seen: dict[str, int] = {}
    for d in datas:
        for i in d.targets.indicators:
            seen[i.id] = seen.get(i.id, 0) + 1
    return sorted(k for k, n in seen.items() if n > 1)
