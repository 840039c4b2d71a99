"""Scoring a draft against a reviewed target file: recall and precision.

A target is compared as a tuple (operator, value, unit, deadline), and, for the stricter
figure, with its indicator id too. The unit is the target's own or its indicator's; a
doubling's factor has no unit and 全覆盖 is 100 %, so those compare without one. Matching is
one-to-one (a multiset), so a target stated twice in a draft counts once.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from planck.extract.ops import OP


@dataclass(frozen=True)
class Score:
    matched: int
    drafted: int
    expected: int

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.drafted if self.drafted else 1.0

    def line(self, label: str) -> str:
        return (f"{label}: recall {self.recall:.0%} ({self.matched}/{self.expected}), "
                f"precision {self.precision:.0%} ({self.matched}/{self.drafted})")


def _round(v: Any) -> float | None:
    return None if v is None else float(f"{float(v):.6g}")


def tuples(data: Any, source_file: str | None = None, with_indicator: bool = False) -> list[tuple]:
    """The comparable tuple of every target in a loaded target file (a mapping).

    ``source_file`` keeps only targets whose source names that file (a city file may hold
    targets from several documents)."""
    units = {i.get("id"): i.get("unit") for i in data.get("indicators") or [] if isinstance(i, dict)}
    files = {s.get("id"): s.get("file") for s in data.get("sources") or [] if isinstance(s, dict)}
    out = []
    for t in data.get("targets") or []:
        if not isinstance(t, dict):
            continue
        if source_file is not None and files.get(t.get("source")) != source_file:
            continue
        op = t.get("op")
        unit = t.get("unit") or units.get(t.get("indicator"))
        value: Any = _round(t.get("value"))
        if op == OP.between:
            value = (_round(t.get("low")), _round(t.get("high")))
        if op in (OP.multiple_of, OP.near_reference, OP.at_least_reference, OP.above_reference):
            unit = None
        if op == OP.coverage:
            value, unit = value or 100.0, "%"
        row = (op, value, unit, t.get("deadline"))
        out.append((t.get("indicator"),) + row if with_indicator else row)
    return out


def score(draft: Any, answer: Any, source_file: str | None = None, with_indicator: bool = False) -> Score:
    """Compare a draft's targets with a reviewed file's (both loaded mappings)."""
    got = Counter(tuples(draft, None, with_indicator))
    want = Counter(tuples(answer, source_file, with_indicator))
    matched = sum((got & want).values())
    return Score(matched, sum(got.values()), sum(want.values()))
