"""Results: what evaluation produces, as plain frozen dataclasses (cheap to build, easy to dump).

The JSON form of a ``Report`` is described by ``docs/report.schema.json``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from planck import operators
from planck.findings import Finding

SCHEMA = "planck.report/1"
#: additions within SCHEMA (docs/report.schema.json says what each added)
SCHEMA_VERSION = "1.1"
STATUSES = ("met", "missed", "on_track", "behind", "off_track", "regressing", "no_data",
            "not_assessable")
#: Pace ratio thresholds (Eurostat / Open SDG convention): on_track, behind, off_track.
THRESHOLDS = {"on_track": 0.95, "behind": 0.60, "off_track": 0.0}
#: R is compared with the thresholds to within this, so 7.6 / 8 computed as 0.9499999999999998
#: still counts as 0.95.
RATIO_TOLERANCE = 1e-9
#: A non-final result whose latest figure is more than this many years before the as-of
#: year is stale (``--max-age``).
MAX_AGE = 2
#: The evaluators' categories, best first (planck.judge.terms reads them off a verdict)
CATEGORIES = ("achieved_early", "achieved", "basically_achieved", "not_achieved", "ahead",
              "as_expected", "lagging")
LIGHTS = ("green", "yellow", "red")
#: 基本实现: a final miss with 完成率 at least this share (planck's convention, --basically)
BASICALLY = 0.9


def in_gate(r: Result, gate: frozenset[str]) -> bool:
    """The result fails a gate of statuses and categories (``--fail-on``). An original
    target whose revision is in force does not: the revised target decides."""
    return r.superseded_by is None and (r.status in gate or r.category in gate)


#: Types ``plain`` returns as they are.
_LEAVES = frozenset({str, int, float, bool, type(None), date})


def plain(value: Any) -> Any:
    """Dataclasses to dicts for JSON, without ``asdict``'s deep copies (10× faster here);
    dict keys become strings, as JSON needs."""
    if type(value) in _LEAVES:  # most values: no attribute look-up for them
        return value
    if hasattr(value, "__dataclass_fields__"):
        return {k: plain(v) for k, v in value.__dict__.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, kw_only=True)
class ObsRef:
    """An observation as shown in a result: ``value`` in ``unit``, the indicator's unit (the
    one it was judged in); ``given_value``/``given_unit`` are the figure as the source gave it."""

    period: int | str
    value: float
    unit: str
    partial: bool
    source: str
    source_title: str
    source_date: date
    url: str | None
    quote: str
    file: str
    line: int
    given_value: float | None = None
    given_unit: str | None = None
    #: "lower" / "upper" when the source gives the figure only as a bound (3000余家, 近1300家)
    bound: str | None = None
    #: an estimate (预计): decides as its figure would, never final
    estimate: bool = False


@dataclass(frozen=True, kw_only=True)
class TargetRef:
    """What was promised, in the indicator's unit (``goal`` is the least value that meets it)."""

    op: str
    wording: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    goal: float | None
    tolerance: float | None
    reference: str | None
    source: str
    source_title: str
    doc_number: str | None
    quote: str


@dataclass(frozen=True, kw_only=True)
class Pace:
    """Observed against required progress between a base point and the latest observation."""

    method: str
    base_year: int
    base_value: float
    latest_year: int
    observed: float
    required: float
    ratio: float | None


@dataclass(frozen=True, kw_only=True)
class BasePoint:
    """The figure progress is measured from, and why that one (docs/methodology.md)."""

    year: int
    value: float
    why: str


@dataclass(frozen=True, kw_only=True)
class CatchUp:
    """剩余N年需年均增长X%: the pace needed from the deciding figure to the goal by the
    deadline, by the verdict's own method. ``value`` is in %/yr for ``geometric`` (compound),
    in the indicator's ``unit`` a year for ``linear``."""

    value: float
    unit: str
    years: int
    method: str


@dataclass(frozen=True, kw_only=True)
class BaselineActual:
    """A plan's baseline that was an estimate (预计) and the actual figure recorded since."""

    year: int
    estimate: float
    actual: float
    difference: float


@dataclass(frozen=True, kw_only=True)
class Result:
    """The evaluation of one target at an as-of date."""

    id: str
    plan: str
    indicator: str
    name: str
    name_en: str
    unit: str
    direction: str
    deadline: int
    baseline_year: int | None
    baseline: float | None
    target: TargetRef
    latest: ObsRef | None
    latest_partial: ObsRef | None
    status: str
    final: bool
    percent_to_goal: float | None
    expected_progress: float | None
    pace: Pace | None
    above_range: bool
    reason: str
    file: str
    line: int
    reference_value: float | None = None
    years: dict[int, float] = field(default_factory=dict)
    #: 约束性 binding / 预期性 expected, and the 力争 level (indicator's unit), from the file
    attribute: str | None = None
    stretch: float | None = None
    #: the latest figure is older than the as-of year minus the allowed age (not for finals)
    stale: bool = False
    #: the deadline passed more than a year ago with no deadline-year figure
    overdue: bool = False
    #: ``met`` from an in-year count of a stock; final when the year-end figure arrives
    provisional: bool = False
    #: 完成率: latest as % of the target (target/latest for lower-is-better)
    attainment: float | None = None
    #: why ``percent_to_goal`` is null
    percent_reason: str | None = None
    #: the base point progress is measured from, and why
    base_point: BasePoint | None = None
    #: why the pace ratio R is null (or there is no pace)
    ratio_reason: str | None = None
    #: the method the pace uses (or would use): the chart's trajectory follows it
    pace_method: str | None = None
    #: the first year in the plan whose figure satisfied the target (提前实现 when before
    #: the deadline year)
    first_met: int | None = None
    #: the evaluators' words (docs/methodology.md, "Categories and lights"): None for
    #: no_data / not_assessable, or where a bound leaves it open
    category: str | None = None
    light: str | None = None
    catch_up: CatchUp | None = None
    #: which shown numbers are bounds, not exact: latest, percent_to_goal, attainment,
    #: catch_up → "lower" / "upper"
    bounds: dict[str, str] = field(default_factory=dict)
    #: the deciding figure is an estimate: the verdict is not final
    estimate: bool = False
    #: the plan's baseline was an estimate; the actual figure now paces the target
    baseline_actual: BaselineActual | None = None
    #: a revised target names the target it revises; the original names its revision
    supersedes: str | None = None
    superseded_by: str | None = None
    #: other sources' figures for the deciding period that differ beyond rounding
    conflicts: tuple[ObsRef, ...] = ()

    @property
    def deciding(self) -> ObsRef | None:
        """The figure the status rests on: a stock's in-year count when the verdict is
        provisional, else the latest annual figure. Every "latest" a reader sees is this one."""
        return self.latest_partial if self.provisional else self.latest


@dataclass(frozen=True, kw_only=True)
class PlanRef:
    id: str
    title_zh: str
    title_en: str
    start: int
    end: int


@dataclass(frozen=True, kw_only=True)
class Report:
    """All results for one city at one as-of date."""

    city: str
    name_zh: str
    name_en: str
    as_of: date
    plans: tuple[PlanRef, ...]
    results: tuple[Result, ...]
    file: str
    measured: tuple[str, ...] = ()
    #: every target id of the city when ``results`` is a filtered selection (else empty):
    #: a short form of an id must be unambiguous among all of them, not only those shown
    all_ids: tuple[str, ...] = ()
    max_age: int = MAX_AGE
    basically: float = BASICALLY
    #: findings that did not stop the evaluation (conflicting figures), for stderr and JSON
    warnings: tuple[Finding, ...] = ()

    @property
    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for r in self.results:
            counts[r.status] += 1
        return counts

    @property
    def categories(self) -> dict[str, int]:
        """Results per category (the evaluators' words), every category present."""
        counts = dict.fromkeys(CATEGORIES, 0)
        for r in self.results:
            if r.category is not None:
                counts[r.category] += 1
        return counts

    def as_dict(self) -> dict[str, Any]:
        """The versioned JSON document (see docs/report.schema.json)."""
        results = [plain(r) for r in self.results]
        return {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "city": {"id": self.city, "name_zh": self.name_zh, "name_en": self.name_en},
            "as_of": self.as_of.isoformat(),
            "file": self.file,
            "measured": list(self.measured),
            "method": {"thresholds": THRESHOLDS, **operators.tolerances(),
                       "ratio_tolerance": RATIO_TOLERANCE, "max_age": self.max_age,
                       "basically": self.basically},
            "plans": [asdict(p) for p in self.plans],
            "results": results,
            "summary": self.summary,
            "categories": self.categories,
            "warnings": [w.as_dict() for w in self.warnings],
        }
