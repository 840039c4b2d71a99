"""Plain-text pieces shared by the table, markdown and report formats."""

from __future__ import annotations

import math

from planck import operators
from planck.render.context import LABELS
from planck.result import ObsRef, Result


def num(v: float | None) -> str:
    """A number for people: grouped thousands, at most 4 decimals, no trailing zeros."""
    if v is None or not math.isfinite(v):  # non-finite only from extreme ratios: unknown
        return "—"
    text = format(round(v, 4), ",.4f").rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def target_text(r: Result, lang: str = "en") -> str:
    """The promise in compact form, with the source's own wording: ``≥ 1,600 (不少于)``."""
    t, words = r.target, LABELS[lang]
    wording = f" ({t.wording})" if t.wording else ""
    return operators.get(t.op).show(t, num, words, wording, "").strip()


def latest_shown(r: Result) -> tuple[ObsRef | None, str]:
    """The figure every format shows as "latest", and how to read it: ``provisional`` (a
    stock's in-year count the verdict rests on), ``annual``, ``partial`` (shown, never
    judged) or ``""`` (none)."""
    if r.deciding is not None:
        return r.deciding, "provisional" if r.provisional else "annual"
    if r.latest_partial is not None:
        return r.latest_partial, "partial"
    return None, ""


def latest_text(r: Result, lang: str = "en") -> str:
    """Latest annual value with its period, or the partial figure marked as such."""
    o, kind = latest_shown(r)
    if o is None:
        return "—"
    if kind == "annual":
        return f"{num(o.value)} ({o.period})"
    text = f"{num(o.value)} ({o.period}, {LABELS[lang][kind]})"
    return text if kind == "provisional" else f"[{text}]"


def baseline_text(r: Result) -> str:
    """Baseline value and year; ``? (2020)`` when the year is known but not the value."""
    if r.baseline is None:
        return "—" if r.baseline_year is None else f"? ({r.baseline_year})"
    return f"{num(r.baseline)} ({r.baseline_year})"


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
    out += [words[k] for k in ("provisional", "stale", "overdue") if getattr(r, k)]
    return " · ".join(out)
