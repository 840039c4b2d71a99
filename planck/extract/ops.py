"""Operator names for the extractor, taken from the one operator table (planck.operators).

``OP.at_least`` instead of a string, so the table stays the only place that spells an operator.
PENDING are operators the table may lack (降低, 累计, 达到/超过全省平均水平; a fall of N
percentage points has none yet): while the table lacks one, drafts write such targets commented
out for review.
"""

from __future__ import annotations

from types import SimpleNamespace

from planck import operators

PENDING = tuple("decrease_by cumulative at_least_reference above_reference decrease_points".split())
OP = SimpleNamespace(**{n: n for n in (*operators.NAMES, *PENDING)})
