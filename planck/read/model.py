"""Model: frozen pydantic models of a target file and a measured file (docs/format.md).

Only the shape of each file is checked here; references between objects and units are
checked in ``validate``, which knows where every node sits in the YAML source.

No ``from __future__ import annotations``: pydantic reads every field's annotation when a model
is defined, and postponed ones are source text it compiles then, one by one (start-up).
"""

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from planck import operators

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Year = Annotated[int, Field(strict=True, ge=1949, le=2100)]
#: Largest magnitude of a figure (docs/format.md): 10^15 is above any city's figure in any
#: unit planck knows (GDP in 元 is ~10^13), and far enough from the float limit (~1.8e308)
#: that no product or power in the method overflows (issue 9).
MAX_MAGNITUDE = 1e15


def _bounded(value: float) -> float:
    if abs(value) > MAX_MAGNITUDE:
        raise ValueError(f"{value:g} is beyond ±1e15, the largest magnitude of a figure "
                         "planck accepts (docs/format.md)")
    return value


Number = Annotated[float, Field(strict=True, allow_inf_nan=False), AfterValidator(_bounded)]


_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def rule(field: str, message: str) -> PydanticCustomError:
    """A cross-field error placed at ``field`` (validate appends it to the error's location)."""
    return PydanticCustomError("rule", message, {"field": field})


def _day(value: object) -> date:
    """A date is ``YYYY-MM-DD`` (a YAML date or that string); never a number, never a time."""
    if isinstance(value, datetime):
        raise ValueError(f"expected a date YYYY-MM-DD, not a date and time ({value.isoformat()})")
    if isinstance(value, str):
        if not _DAY.match(value):
            raise ValueError(f"expected a date YYYY-MM-DD, not {value!r}")
        try:
            value = date.fromisoformat(value)
        except ValueError as err:
            raise ValueError(f"{value!r} is not a valid date: {err}") from None
    if not isinstance(value, date):
        raise ValueError(f"expected a date YYYY-MM-DD, not {value!r}")
    if not date(1949, 1, 1) <= value <= date(2100, 12, 31):
        raise ValueError(f"date {value.isoformat()} is outside 1949-01-01 … 2100-12-31")
    return value


def _version(value: object) -> int:
    # Strict on purpose: `planck: true` or `planck: 1.0` would otherwise pass as 1.
    if not isinstance(value, int) or isinstance(value, bool) or value != 1:
        raise ValueError(f"unsupported format version {value!r}: this planck reads 'planck: 1'")
    return value


Day = Annotated[date, PlainValidator(_day)]
Version = Annotated[Literal[1], PlainValidator(_version)]


def _period(value: object) -> int | str:
    """A period is a year (``2023``) or a month ``"2024-06"`` (a figure through that month)."""
    if isinstance(value, int) and not isinstance(value, bool) and 1949 <= value <= 2100:
        return value
    if isinstance(value, str) and _MONTH.match(value) and 1949 <= int(value[:4]) <= 2100:
        return value
    raise ValueError(f"period must be a year 1949–2100 or 'YYYY-MM', not {value!r}")


Period = Annotated[int | str, PlainValidator(_period)]


def _op(value: object) -> str:
    """An operator name from the table in ``planck.operators``."""
    if not isinstance(value, str) or value not in operators.OPERATORS:
        known = ", ".join(repr(n) for n in operators.NAMES)
        raise ValueError(f"Input should be {known}")
    return value


Op = Annotated[str, PlainValidator(_op)]


class Frozen(BaseModel):
    """Base: immutable, and unknown fields are errors (a misspelt key is never ignored).

    Built on first use (``defer_build``): a model nested in a file model gets no validator of
    its own when only the file is validated; the two file models are built below."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class City(Frozen):
    id: Id
    name_zh: Text
    name_en: Text
    province_zh: Text | None = None
    province_en: Text | None = None


class CopyOf(Frozen):
    """The original a source's page copies (a repost or a mirror): what is known of it."""

    title: Text | None = None
    issuer: Text | None = None
    date: Day | None = None
    url: Text | None = None

    @model_validator(mode="after")
    def _named(self) -> "CopyOf":
        if self.title is None and self.issuer is None and self.url is None:
            raise rule("title", "copy_of names its original by a title, an issuer or a url")
        return self


class Source(Frozen):
    """A document that targets or observations come from."""

    id: Id
    title: Text
    issuer: Text
    doc_number: Text | None = None
    date: Day | None = None
    url: Text | None = None
    file: Text | None = None
    #: set when the cited page is a copy of another publisher's text
    copy_of: CopyOf | None = None
    note: Text | None = None


class Plan(Frozen):
    id: Id
    title_zh: Text
    title_en: Text
    start: Year
    end: Year
    source: Id

    @model_validator(mode="after")
    def _period(self) -> "Plan":
        if self.end < self.start:
            raise rule("end", f"plan ends ({self.end}) before it starts ({self.start})")
        return self


class Indicator(Frozen):
    id: Id
    name_zh: Text
    name_en: Text
    unit: Text
    direction: Literal["higher", "lower"]
    #: stock: a count at a date; flow: an amount over a period; rate: a ratio, share or intensity
    kind: Literal["stock", "flow", "rate"] | None = None
    #: other names a text may give it (研发投入强度 for 全社会研发经费投入强度): the matcher of
    #: extract and harvest (planck/extract/match.py) reads a name as this indicator's
    aliases: tuple[Text, ...] | None = None
    note: Text | None = None


class Baseline(Frozen):
    year: Year
    value: Number | None = None
    unit: Text | None = None
    quote: Text | None = None
    source: Id | None = None
    #: the plan's figure for its base year is an estimate (预计, a plan written before that
    #: year's statistics): an actual figure for the year, once recorded, paces the target
    estimate: Annotated[bool, Field(strict=True)] = False


class Target(Frozen):
    id: Id
    plan: Id
    indicator: Id
    op: Op
    value: Number | None = None
    low: Number | None = None
    high: Number | None = None
    unit: Text | None = None
    tolerance: Annotated[float, Field(strict=True, gt=0, lt=1)] | None = None
    reference: Id | None = None
    deadline: Year
    baseline: Baseline | None = None
    wording: str = ""
    source: Id
    quote: Text
    late_ok: bool = False
    pace: Literal["auto", "geometric", "linear"] = "auto"
    #: 约束性 (binding) or 预期性 (expected), as the plan's table of indicators says
    attribute: Literal["binding", "expected"] | None = None
    #: the 力争 level beside the commitment, in the target's unit
    stretch: Number | None = None
    #: the id of the target this one revises (a mid-term adjustment, with its own source)
    supersedes: Id | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _fields_for_op(self) -> "Target":
        op = self.op
        spec = operators.get(op)
        if spec.shape == "range":
            if self.low is None or self.high is None:
                raise rule("op", f"op {op!r} needs 'low' and 'high'")
            if self.value is not None:
                raise rule("value", f"op {op!r} takes 'low' and 'high', not 'value'")
            if self.low > self.high:
                raise rule("low", f"'low' ({self.low}) is above 'high' ({self.high})")
        elif self.low is not None or self.high is not None:
            ranged = " or ".join(repr(o.name) for o in operators.OPERATORS.values()
                                 if o.shape == "range")
            raise rule("low" if self.low is not None else "high",
                       f"'low'/'high' are only for op {ranged}, not {op!r}")
        elif self.value is None and spec.needs_value:
            raise rule("op", f"op {op!r} needs a 'value'")
        if spec.needs_baseline and self.baseline is None:
            raise rule("op", f"op {op!r} needs a baseline year: baseline: {{year: …}}")
        problem = None if self.value is None else spec.refuse(self.value)
        if problem:
            raise rule("value", f"op {op!r}: {problem}")
        if self.stretch is not None and spec.shape != "value":
            raise rule("stretch", f"'stretch' (力争) needs a target with a 'value', not op {op!r}")
        if spec.shape == "reference" and self.value is not None:
            raise rule("value", f"op {op!r} takes 'reference' (and 'tolerance'), not 'value'")
        if spec.takes_reference != (self.reference is not None):
            raise rule("reference" if self.reference is not None else "op",
                       f"'reference' is required for op {_with_reference()} and only there")
        if self.tolerance is not None and spec.tolerance is None:
            raise rule("tolerance",
                       f"'tolerance' applies to {_named_tolerance()}, not {op!r}")
        if self.baseline is not None and self.baseline.year >= self.deadline:
            raise rule("deadline", f"deadline {self.deadline} is not after the baseline year "
                       f"{self.baseline.year}")
        return self


def _with_reference() -> str:
    return " or ".join(repr(o.name) for o in operators.OPERATORS.values() if o.takes_reference)


def _named_tolerance() -> str:
    return " and ".join(repr(o.name) for o in operators.OPERATORS.values()
                        if o.tolerance is not None)


class TargetFile(Frozen):
    """``targets/<city>.yaml``."""

    planck: Version
    city: City
    # Empty lists are valid, so that `planck new` can write a file that validates before the
    # first plan is encoded (no placeholder data); a target still needs its plan, indicator, source.
    sources: list[Source]
    plans: list[Plan]
    indicators: list[Indicator]
    targets: list[Target]


class MeasuredSource(Source):
    """A published source of observations: its date decides which vintage wins.

    A source whose page shows no date leaves ``date`` out; its observations then count as
    published at the end of their period (docs/format.md).
    """


class Observation(Frozen):
    indicator: Id
    period: Period
    value: Number
    unit: Text
    partial: bool = False
    source: Id
    quote: Text
    pin: bool = False
    #: the figure is a bound, not exact: "3000余家" is a lower bound, "近1300家" an upper one
    bound: Literal["lower", "upper"] | None = None
    #: the figure is an estimate (预计): it decides as its figure would, but is never final
    estimate: Annotated[bool, Field(strict=True)] = False
    #: a revised figure (修订数) that deliberately replaces another source's: no conflict
    revision: Annotated[bool, Field(strict=True)] = False
    note: Text | None = None

    @property
    def year(self) -> int:
        return self.period if isinstance(self.period, int) else int(self.period[:4])

    @property
    def month(self) -> int:
        return 12 if isinstance(self.period, int) else int(self.period[5:])

    @model_validator(mode="after")
    def _partial(self) -> "Observation":
        if self.month < 12 and not self.partial:
            raise rule("period", f"period {self.period!r} ends before December: "
                       "set 'partial: true' (partial-year figures are never compared "
                       "with annual targets)")
        return self


def _empty() -> list[Any]:
    # Not ``default_factory=list``: pydantic inspects the factory's signature, and for a
    # builtin that means tokenizing its text signature (a large regex compiled on every run).
    return []


class MeasuredFile(Frozen):
    """``targets/<city>.measured.yaml``."""

    planck: Version
    city: Id
    sources: list[MeasuredSource] = Field(default_factory=_empty)
    observations: list[Observation] = Field(default_factory=_empty)


def _build_file_models() -> None:
    """Build the two file models' validators now, as pydantic builds a model at its
    definition, but without its plugins: their look-up scans the entry points of every
    installed package, a few milliseconds of every run (start-up, issue 27), and a plugin has
    nothing to observe in planck's parsing of its own file formats. typer builds its
    command-line adapters the same way. A ``PYDANTIC_DISABLE_PLUGINS`` the user set is left as
    it is, and the variable is restored at once: other models in the process are untouched.

    Even with plugins off, pydantic imports its plugin loader to ask, and that module imports
    ``importlib.metadata`` (a tenth of ``check``'s start-up beyond the import floor). Unless
    the loader is already imported, a stand-in that finds no plugin (what the loader answers
    when they are off) takes its place for this moment only."""
    import os
    import sys
    from types import ModuleType

    variable, loader = "PYDANTIC_DISABLE_PLUGINS", "pydantic.plugin._loader"
    ours = variable not in os.environ
    stand_in = None
    if ours:
        os.environ[variable] = "1"
        if loader not in sys.modules:
            stand_in = sys.modules[loader] = ModuleType(loader)
            stand_in.get_plugins = tuple  # type: ignore[attr-defined]
    try:
        for model in (TargetFile, MeasuredFile):
            model.model_rebuild()
    finally:
        if ours:
            os.environ.pop(variable, None)
        if stand_in is not None and sys.modules.get(loader) is stand_in:
            del sys.modules[loader]


_build_file_models()
