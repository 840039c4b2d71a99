"""One published figure as harvest reads it, and what a document gives (figures and notes)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Figure:
    """One published figure (``body``: 'other' when the text says it is another body's)."""

    name: str
    period: str
    value: float
    unit: str
    kind: str
    bound: str | None
    estimate: bool
    quote: str
    line: int
    col: int
    body: str = ""


@dataclass
class Harvest:
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    targets: int = 0  # figures left out as targets (力争, 目标…)
    undated: int = 0  # figures whose period the text does not let us read
