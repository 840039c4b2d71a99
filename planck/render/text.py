"""Plain-text pieces shared by the table, markdown and report formats."""

from __future__ import annotations

import math

from planck.readable import amount, num
from planck.render.context import LABELS
from planck.result import Figure, Result

__all__ = ["bar", "baseline_text", "flags_text", "latest_shown", "latest_text", "num"]


def latest_shown(r: Result) -> tuple[Figure | None, str]:
    """The figure every format shows as "latest", and how to read it: ``provisional`` (a
    stock's in-year count the verdict rests on), ``annual``, ``partial`` (shown, never
    judged) or ``""`` (none)."""
    if r.deciding is not None:
        return r.deciding, "provisional" if r.verdict.provisional else "annual"
    if r.evidence.latest_partial is not None:
        return r.evidence.latest_partial, "partial"
    return None, ""


def latest_text(r: Result, lang: str = "en", unit: bool = False) -> str:
    """Latest annual value with its period, or the partial figure marked as such; ``unit``
    writes the unit after the value (``3.03% (2024)``) where no Unit column says it."""
    o, kind = latest_shown(r)
    if o is None:
        return "—"
    value = amount(o.value, o.unit) if unit else num(o.value)
    value = {"lower": "≥ ", "upper": "≤ "}.get(o.bound or "", "") + value
    period = f"{o.period}, {LABELS[lang]['estimate']}" if o.estimate else str(o.period)
    if kind == "annual":
        return f"{value} ({period})"
    text = f"{value} ({period}, {LABELS[lang][kind]})"
    return text if kind == "provisional" else f"[{text}]"


def baseline_text(r: Result) -> str:
    """Baseline value and year; ``? (2020)`` when the year is known but not the value."""
    if r.evidence.baseline is None:
        return "—" if r.evidence.baseline_year is None else f"? ({r.evidence.baseline_year})"
    return f"{num(r.evidence.baseline)} ({r.evidence.baseline_year})"


def bar(percent: float | None, width: int = 10) -> str:
    """A text bar that reads in CI logs: ``███████░░░  70%``; clipped at 0 and 100 %."""
    if percent is None or not math.isfinite(percent):
        return "—"
    filled = round(min(max(percent, 0.0), 100.0) / 100 * width)
    return "█" * filled + "░" * (width - filled) + f" {percent:4.0f}%"


def flags_text(r: Result, lang: str = "en") -> str:
    """What a status alone does not say: attribute, 力争 level, provisional, stale, overdue."""
    words = LABELS[lang]
    out = []
    if r.attribute is not None:
        out.append(words["binding" if r.attribute == "binding" else "expected_attr"])
    if r.stretch is not None:
        out.append(f"{words['stretch']} {num(r.stretch)}")
    shown = {"provisional": r.verdict.provisional, "stale": r.flags.stale,
             "overdue": r.flags.overdue}
    out += [words[k] for k, on in shown.items() if on]
    return " · ".join(out)
