"""Figures to proposals for one city: which indicator each is about, and whether it is new,
already recorded (same) or recorded with another value for its period (differs). Already
recorded: the same value (and bound) for the same year or a part of it (2022-06 for 2022), or
the same quote for the indicator.

A figure is matched by the shared matcher (planck.extract.match: the indicator's name and
``aliases:``, a unit of the same quantity). Never matched: a figure the text says is another
body's (全省, a county, a zone, a company), a change (growth: 增长8%, 提高0.3个百分点), a span
(2021-2025: no observation holds one), or a bound (3000余家) while observations cannot say so.
Every figure not matched is kept, with the reason, so nothing is dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from planck.harvest.figure import Figure

_GENERIC = re.compile(r"^(?:各类|各级|全部|所有|各种)")


@dataclass
class Proposal:
    figure: Figure
    status: str  # new | same | differs | unmatched
    indicator: str | None = None
    reason: str = ""
    #: (value, unit, source id, quote) of what is already recorded for that period
    recorded: list[tuple[float, str, str, str]] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)


def _why_not(f: Figure) -> str | None:
    if f.body == "other":
        return "about another body (the province, a county, a zone, a company)"
    if f.kind == "growth":
        return "a change (growth), not a level of an indicator"
    if len(f.period) == 9:
        return f"a span ({f.period}): an observation is for a year or a month"
    return None


def propose(figures: list[Figure], targets: Any, measured: Any) -> list[Proposal]:
    """A proposal per figure (``targets``/``measured``: the city's loaded models)."""
    from planck.extract.match import match

    recorded: dict[str, list[Any]] = {}
    for o in (measured.observations if measured is not None else []):
        recorded.setdefault(o.indicator, []).append(o)
    out = []
    for f in figures:
        why = _why_not(f)
        ind = None if why else (match(f.name, f.unit, targets.indicators)
                                or match(_GENERIC.sub("", f.name), f.unit, targets.indicators))
        if ind is None:
            out.append(Proposal(f, "unmatched", reason=why or "no indicator of this city has "
                                "that name or alias in a fitting unit"))
            continue
        of_it = recorded.get(ind.id, [])
        there = [o for o in of_it if str(o.period) == f.period]
        rows = [(o.value, o.unit, o.source, o.quote) for o in there]
        same = any(_squeeze(o.quote) == _squeeze(f.quote) or
                   (_same_year(str(o.period), f.period) and o.bound == f.bound and
                    _equal(o.value, o.unit, f.value, f.unit)) for o in of_it)
        status = "same" if same else "differs" if there else "new"
        out.append(Proposal(f, status, ind.id, recorded=rows))
    return out


def _squeeze(quote: str | None) -> str:
    return re.sub(r"[\s\u3000\"“”]", "", quote or "")


def _same_year(recorded: str, period: str) -> bool:
    """The same year, or a part of it (a figure recorded for 2022-06 is the one a text of 2022
    gives again for 2022); never a span."""
    return len(recorded) != 9 and len(period) != 9 and recorded[:4] == period[:4]


def _equal(a: float, unit_a: str, b: float, unit_b: str) -> bool:
    from planck.read import units

    try:
        return abs(a - b * units.factor(unit_b, unit_a)) <= 1e-9 * max(1.0, abs(a))
    except units.UnitError:
        return False
