"""Operator names for the extractor, taken from the one operator table (planck.operators).

``OP.at_least`` instead of a string, so the table stays the only place that spells an operator.
``EXTRACT_ONLY`` are the forms the extractor recognises that the table lacks (a fall of N
percentage points, 降低N个百分点): drafts write such targets commented out for review.
"""

from __future__ import annotations

from types import SimpleNamespace

from planck import operators

EXTRACT_ONLY = ("decrease_points",)
OP = SimpleNamespace(**{n: n for n in (*operators.NAMES, *EXTRACT_ONLY)})
