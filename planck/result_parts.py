"""The parts a ``Result`` is made of (docs/architecture.md, "One value from file to result"):
what was promised (``TargetRef``), the verdict, the evidence it rests on (figures as read,
``Figure``), progress, pacing and flags; each a small frozen dataclass the judge builds once.
``planck.result`` names them all; import them from there.
"""

from __future__ import annotations

from dataclasses import field
from datetime import date
from typing import Any, ClassVar, Protocol

from planck.frozen import frozen


class Figure(Protocol):
    """A figure as read, carried unchanged from the measured file to the result: the
    judge's ``planck.read.dataset.Obs`` (docs/architecture.md, "One value from file to
    result"). ``value`` is in ``unit``, the indicator's unit (the one it was judged in);
    ``given_value``/``given_unit`` are the figure as the source gave it; ``bound`` is
    "lower"/"upper" when the source gives only a bound (3000余家, 近1300家); an ``estimate``
    (预计) decides as its figure would, never finally. It is a frozen dataclass (a copy
    with one field changed is ``dataclasses.replace``)."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def period(self) -> int | str: ...
    @property
    def value(self) -> float: ...
    @property
    def unit(self) -> str: ...
    @property
    def partial(self) -> bool: ...
    @property
    def source(self) -> str: ...
    @property
    def source_title(self) -> str: ...
    @property
    def source_date(self) -> date: ...
    @property
    def url(self) -> str | None: ...
    @property
    def quote(self) -> str: ...
    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def given_value(self) -> float: ...
    @property
    def given_unit(self) -> str: ...
    @property
    def bound(self) -> str | None: ...
    @property
    def estimate(self) -> bool: ...


#: A figure's keys in the JSON, in order (docs/report.schema.json, "observation")
FIGURE_KEYS = ("period", "value", "unit", "partial", "source", "source_title", "source_date",
               "url", "quote", "file", "line", "given_value", "given_unit", "bound", "estimate")


def figure_dict(o: Figure | None) -> dict[str, Any] | None:
    """A figure as the JSON shows it."""
    return None if o is None else {k: getattr(o, k) for k in FIGURE_KEYS}


@frozen(kw_only=True)
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


@frozen(kw_only=True)
class Pace:
    """Observed against required progress between a base point and the latest observation."""

    method: str
    base_year: int
    base_value: float
    latest_year: int
    observed: float
    required: float
    ratio: float | None


@frozen(kw_only=True)
class BasePoint:
    """The figure progress is measured from, and why that one (docs/methodology.md)."""

    year: int
    value: float
    why: str


@frozen(kw_only=True)
class CatchUp:
    """剩余N年需年均增长X%: the pace needed from the deciding figure to the goal by the
    deadline, by the verdict's own method. ``value`` is in %/yr for ``geometric`` (compound),
    in the indicator's ``unit`` a year for ``linear``."""

    value: float
    unit: str
    years: int
    method: str


@frozen(kw_only=True)
class BaselineActual:
    """A plan's baseline that was an estimate (预计) and the actual figure recorded since."""

    year: int
    estimate: float
    actual: float
    difference: float


@frozen(kw_only=True)
class Verdict:
    """What the judge decided: the gate's status, and the evaluators' words read off it."""

    status: str
    final: bool
    reason: str
    #: ``met`` from an in-year count of a stock; final when the year-end figure arrives
    provisional: bool = False
    #: the first year in the plan whose figure satisfied the target (提前实现 when before
    #: the deadline year)
    first_met: int | None = None
    #: the evaluators' words (docs/methodology.md, "Categories and lights"): None for
    #: no_data / not_assessable, or where a bound leaves it open
    category: str | None = None
    light: str | None = None


@frozen(kw_only=True)
class Evidence:
    """The figures the verdict rests on, each the figure as read (source, quote, line)."""

    #: the plan's baseline (its value in the file, else the figure for its year)
    baseline_year: int | None = None
    baseline: float | None = None
    #: the plan's baseline was an estimate; the actual figure now paces the target
    baseline_actual: BaselineActual | None = None
    #: the latest annual figure the verdict rests on, and the latest in-year one
    latest: Figure | None = None
    latest_partial: Figure | None = None
    #: the annual figures judged, by year (indicator's unit)
    years: dict[int, float] = field(default_factory=dict)
    #: the reference indicator's figure a share of it is measured against
    reference_value: float | None = None
    #: other sources' figures for the deciding period that differ beyond rounding
    conflicts: tuple[Figure, ...] = ()


@frozen(kw_only=True)
class Progress:
    """How far the target has come from its base point, and why a number is missing."""

    percent_to_goal: float | None = None
    #: why ``percent_to_goal`` is null
    percent_reason: str | None = None
    #: 完成率: latest as % of the target (target/latest for lower-is-better)
    attainment: float | None = None
    #: the share of the period from the base point to the deadline elapsed
    expected_progress: float | None = None
    #: the base point progress is measured from, and why
    base_point: BasePoint | None = None


@frozen(kw_only=True)
class Pacing:
    """The pace: observed against required, the method, and what is still needed."""

    pace: Pace | None = None
    #: the method the pace uses (or would use): the chart's trajectory follows it
    method: str | None = None
    #: why the pace ratio R is null (or there is no pace)
    ratio_reason: str | None = None
    catch_up: CatchUp | None = None


@frozen(kw_only=True)
class Flags:
    """What a reader is warned of beside the verdict."""

    #: the deciding figure lies beyond the stated range on the good side
    above_range: bool = False
    #: the latest figure is older than the as-of year minus the allowed age (not for finals)
    stale: bool = False
    #: the deadline passed more than a year ago with no deadline-year figure
    overdue: bool = False
    #: the deciding figure is an estimate: the verdict is not final
    estimate: bool = False
    #: which shown numbers are bounds, not exact: latest, percent_to_goal, attainment,
    #: catch_up → "lower" / "upper"
    bounds: dict[str, str] = field(default_factory=dict)
