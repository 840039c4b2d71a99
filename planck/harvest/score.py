"""Scoring harvested figures against a labelled text: recall, precision and wrong periods.

A labelled text (tests/harvest_texts/) is a passage of a real published document, verbatim,
beside a YAML file naming its source and the figures an analyst would record from it, each as
``[value, unit, period, kind, bound]``. A figure is compared as (value, unit, period), one to
one (a figure found twice counts once). A *wrong period* is a found figure whose value and unit
match an expected figure that was not matched, under another period.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Score:
    matched: int
    found: int
    expected: int
    wrong_periods: int = 0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(self.matched + other.matched, self.found + other.found,
                     self.expected + other.expected, self.wrong_periods + other.wrong_periods)

    def line(self, label: str) -> str:
        return (f"{label}: recall {self.recall:.0%} ({self.matched}/{self.expected}), "
                f"precision {self.precision:.0%} ({self.matched}/{self.found}), "
                f"{self.wrong_periods} wrong period(s)")


def key(value: Any, unit: str, period: Any) -> tuple[float, str, str]:
    return float(f"{float(value):.6g}"), str(unit), str(period)


def score(found: list[tuple[Any, str, Any]], expected: list[tuple[Any, str, Any]]) -> Score:
    """``found`` and ``expected``: (value, unit, period) of each figure."""
    got = Counter(key(*f) for f in found)
    want = Counter(key(*e) for e in expected)
    both = got & want
    missing = Counter({(v, u): n for (v, u, _), n in (want - both).items()})
    extra = Counter((v, u) for (v, u, _) in (got - both).elements())
    return Score(sum(both.values()), sum(got.values()), sum(want.values()),
                 sum((missing & extra).values()))
