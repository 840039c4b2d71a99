"""Everything the site shows, gathered once per city: the report, the figures of every
indicator (picked as the verdict picks them, with their sources and quotes) and its chart.

Pure apart from reading the city files; nothing here knows about HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from planck.read.dataset import CityData, Obs
from planck.render.chartdata import ChartSpec
from planck.result import Report, Result


@dataclass(frozen=True)
class IndicatorView:
    """One indicator of one city: its targets' results, figures and chart."""

    id: str
    name: str
    name_en: str
    unit: str
    results: tuple[Result, ...]
    figures: tuple[Obs, ...]
    paces: dict[str, str]
    starts: dict[str, int] = field(default_factory=dict)

    def spec(self, lang: str) -> ChartSpec | None:
        """The chart of this indicator with its words in ``lang``."""
        from planck.render.chartdata import build, obs_point

        points = [obs_point(o.period, o.value, o.source_title, o.partial, o.estimate)
                  for o in self.figures]
        title = self.name if lang == "zh" or not self.name_en or self.name_en == self.name \
            else f"{self.name} {self.name_en}"
        return build(self.results, points, lang, self.paces, title, self.starts)


@dataclass(frozen=True)
class CityView:
    id: str
    data: CityData
    report: Report
    indicators: dict[str, IndicatorView]


def collect(city: str, directory: Path, as_of: date | None, lang: str) -> CityView:
    """Load, evaluate and gather one city (``PlanckError`` when its files are invalid)."""
    from planck.judge.evaluate import default_as_of, evaluate, pick
    from planck.read.dataset import load_city
    from planck.write.reportfiles import relocate

    data = load_city(city, directory)
    # Paths relative to the targets folder: the site never shows where a checkout lives.
    report = relocate(evaluate(data, as_of or default_as_of(data)), Path(directory))
    paces: dict[str, str] = {t.id: t.pace for t in data.targets.targets}
    by: dict[str, list[Result]] = {}
    for r in report.results:
        by.setdefault(r.indicator, []).append(r)
    names = {i.id: i for i in data.targets.indicators}
    starts = {p.id: p.start for p in report.plans}
    views = {}
    for ind, results in by.items():
        annual, partial = pick(data.observations, ind, report.as_of)
        figures = (*annual.values(), *([partial] if partial else []))
        info = names[ind]
        views[ind] = IndicatorView(ind, info.name_zh, info.name_en, info.unit, tuple(results),
                                   figures, paces, starts)
    return CityView(data.id, data, report, views)

