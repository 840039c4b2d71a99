"""Adding an operator is one entry in the table plus its goal function (issue 21).

The worked example: 政府债务余额不超过地区生产总值的60% — "at most X % of a reference". It is
registered here only, for this test: an ``Operator`` whose goal is the value as a share of the
reference indicator, whose level test is ``≤``, and whose rule is the reference rule that
the other reference operators use. Nothing else in planck names it, and the judge decides it
by its rule alone. The numbers below are worked by hand (linear pace on the share).
"""

from __future__ import annotations

import pytest
from test_judge_matrix import Row, check

from planck import operators
from planck.operators import GoalInput, Levels, Operator, Percent, Rule


def _share_of_reference(g: GoalInput) -> Levels:
    """The goal function: X % of the reference, as a share (60 → 0.60)."""
    share = None if g.raw is None else g.raw / 100
    return Levels(nominal=share, goal=share)


AT_MOST_SHARE = Operator(
    name="at_most_share_of_reference", sense=operators.Sense.LOWER, shape="value_of_reference",
    value_kind="percent", goal=_share_of_reference, level=operators.level_le,
    decide=Rule.REFERENCE, percent=Percent.SHARE, level_series=False, trajectory=False,
    show=lambda t, num, words, u: f"≤ {num(t.value)}% {words['of']} {t.reference}",
    rule="v ≤ value % of the reference, same year, lower is better",
    rule_zh="v ≤ 参照值的 value%，同一年，越低越好", wordings=("不超过…的",))


@pytest.fixture(autouse=True)
def _registered(monkeypatch):
    monkeypatch.setitem(operators.OPERATORS, AT_MOST_SHARE.name, AT_MOST_SHARE)


GDP = {y: 1000.0 for y in range(2018, 2028)}
DEBT = {"value": 60, "unit": "%"}


def _row(figures, expect):
    return Row(AT_MOST_SHARE.name, DEBT, figures, expect, direction="lower", unit="亿元",
               reference=GDP)


@pytest.mark.parametrize("row", [
    # 550 of 1000 in 2025: a share of 0.55 ≤ 0.60, final; attainment 0.60/0.55
    _row({2025: 550}, {"status": "met", "final": True, "ref": 1000.0, "pct": 109.09}),
    _row({2025: 610}, {"status": "missed", "final": True}),
    # 0.70 (2021) → 0.66 (2023) towards 0.60 by 2025: R = (−0.04/2) / (−0.10/4) = 0.8
    _row({2021: 700, 2023: 660}, {"status": "behind", "R": 0.8, "base": 2021, "final": False}),
    # 0.55 (2021) met it, 0.65 (2023) no longer does: regressing, whatever the pace's sign
    _row({2021: 550, 2023: 650}, {"status": "regressing", "final": False}),
    _row({}, {"status": "no_data"}),
], ids=["met", "missed", "behind", "regressing", "no-figure"])
def test_at_most_a_share_of_a_reference(row):
    check(row)


def test_the_new_operator_needs_its_value_and_its_reference():
    from planck.read.model import Target

    base = {"id": "t", "plan": "p", "indicator": "x", "op": AT_MOST_SHARE.name,
            "deadline": 2025, "source": "s", "quote": "q"}
    with pytest.raises(ValueError, match="needs a 'value'"):
        Target.model_validate({**base, "reference": "gdp"})
    with pytest.raises(ValueError, match="'reference' is required"):
        Target.model_validate({**base, "value": 60})
    assert Target.model_validate({**base, "value": 60, "reference": "gdp"}).value == 60
