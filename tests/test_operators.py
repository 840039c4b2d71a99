"""The operator table is the one place that knows an operator (issue 13, item 1)."""

import json
import re

import pytest
from conftest import ROOT, base_targets, target

from planck import operators
from planck.read.model import TargetFile


def test_no_module_outside_the_table_names_an_operator():
    names = "|".join(map(re.escape, operators.NAMES))
    quoted = re.compile(rf"""["']({names})["']""")
    found = []
    for path in sorted((ROOT / "planck").rglob("*.py")):
        if path.name == "operators.py" and path.parent.name == "planck":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if quoted.search(line):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert found == []


def test_schema_lists_exactly_the_table():
    schema = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
    text = json.dumps(schema)
    enums = [e for e in re.findall(r'"enum": \[([^\]]*)\]', text) if "at_least" in e]
    assert enums, "the schema has no operator enum"
    for enum in enums:
        assert sorted(json.loads(f"[{enum}]")) == sorted(operators.NAMES)


def test_every_operator_has_a_worked_example():
    from test_methodology import CASES, WORDINGS

    covered = {c[1]["op"] for c in CASES + WORDINGS}
    assert set(operators.NAMES) <= covered


def test_every_operator_has_a_rule_and_wordings():
    for op in operators.OPERATORS.values():
        assert op.rule and op.rule_zh and op.wordings, op.name
        assert isinstance(op.sense, operators.Sense)
        assert op.shape in ("value", "range", "reference", "value_of_reference", "optional")
        assert op.value_kind in ("level", "change", "factor", "rate", "percent")


def test_every_rule_of_the_table_has_its_decision_function():
    """The table names a rule as a ``Rule``; the judge has a function for each one, and
    chooses it by the operator's rule alone (no branch on an operator's name)."""
    from planck.judge.rules import RULES

    assert set(RULES) == set(operators.Rule)
    assert {op.decide for op in operators.OPERATORS.values()} <= set(RULES)
    assert all(isinstance(op.decide, operators.Rule) and isinstance(op.percent, operators.Percent)
               for op in operators.OPERATORS.values())


def test_unknown_operator_is_refused_with_the_known_ones():
    doc = base_targets(targets=[target("t", "firms", "at_leest", value=3)])
    with pytest.raises(ValueError) as err:
        TargetFile.model_validate(doc)
    assert "at_least" in str(err.value) and "near_reference" in str(err.value)


@pytest.mark.parametrize("name", operators.NAMES)
def test_sense_agrees_with_lower(name):
    op = operators.get(name)
    if op.sense == "lower":
        assert op.lower("higher") and op.lower("lower")
    elif op.sense == "higher":
        assert not op.lower("higher") and not op.lower("lower")
    else:  # a band follows its indicator's direction
        assert not op.lower("higher") and op.lower("lower")
