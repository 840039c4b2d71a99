"""Conflicting figures: two sources that print different values for one indicator and period
(docs/methodology.md, "Conflicting figures").

Two observations conflict when they come from different sources, their values differ by more
than the rounding of either (half a unit in the last decimal place the source writes), and
neither is marked as deliberate: ``pin: true``, ``revision: true`` (a revised figure), or an
estimate (an actual replaces it). A bound conflicts only with a figure it excludes. The newer
publication decides, as for any vintage; the finding is a warning.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from planck.findings import Finding
from planck.read.loader import one_line

__all__ = ["conflicting_pairs", "conflicts_with", "findings"]


def _decimals(x: float) -> int:
    text = repr(float(x))
    if "e" in text:
        return 6
    return len(text.split(".")[1].rstrip("0")) if "." in text else 0


def _slack(o: Any) -> float:
    """Half a unit in the last decimal the source writes, in the indicator's unit."""
    raw = o.given_value
    factor = o.value / raw if raw else 1.0
    return 0.5 * 10 ** -_decimals(raw) * abs(factor)


def _deliberate(o: Any) -> bool:
    return bool(o.pin or getattr(o, "revision", False) or o.estimate)


def differ(a: Any, b: Any) -> bool:
    """The two figures cannot both be right (bounds: the exact figure lies outside)."""
    slack = max(_slack(a), _slack(b))
    if a.bound and b.bound:
        return False
    if a.bound or b.bound:
        bound, exact = (a, b) if a.bound else (b, a)
        if bound.bound == "lower":
            return exact.value < bound.value - slack
        return exact.value > bound.value + slack
    return abs(a.value - b.value) > slack


def conflicting_pairs(observations: Iterable[Any]) -> list[tuple[Any, Any]]:
    """(newer, older) pairs of conflicting observations, in file order of the newer."""
    groups: dict[tuple[str, str, bool], list[Any]] = {}
    for o in observations:
        if not _deliberate(o):
            groups.setdefault((o.indicator, str(o.period), o.partial), []).append(o)
    pairs = []
    for group in groups.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.source != b.source and differ(a, b):
                    newer, older = sorted((a, b), key=lambda o: (o.source_date, o.order))[::-1]
                    pairs.append((newer, older))
    return sorted(pairs, key=lambda p: (p[0].file, p[0].line, p[1].line))


def conflicts_with(o: Any, observations: Sequence[Any]) -> list[Any]:
    """The other observations that conflict with ``o`` (the figure a verdict rests on)."""
    return [p for p in observations if p is not o and p.indicator == o.indicator
            and str(p.period) == str(o.period) and p.partial == o.partial
            and p.source != o.source and not _deliberate(p) and not _deliberate(o)
            and differ(o, p)]


def _said(o: Any) -> str:
    mark = {"lower": "≥ ", "upper": "≤ "}.get(o.bound or "", "")
    return (f"{mark}{o.given_value:g} {o.given_unit} from {o.source!r} "
            f"({o.source_date.isoformat()}, "
            f"{o.file}:{o.line}: {o.quote!r})")


def findings(pairs: Iterable[tuple[Any, Any]]) -> list[Finding]:
    """One warning per pair, placed at the newer observation."""
    out = []
    for newer, older in pairs:
        out.append(Finding(newer.file, newer.line, newer.col, "conflicting-figures", one_line(
            f"{newer.indicator} {newer.period}: {_said(newer)} differs from {_said(older)}; "
            "the newer publication decides — mark a deliberate one 'revision: true' or "
            "'pin: true'"), "warning"))
    return out
