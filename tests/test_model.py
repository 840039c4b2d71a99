"""Model and validation: every bad input becomes a finding at the right line."""

import json

from conftest import base_targets, measured, obs, target

from planck.read.dataset import read_measured, read_targets


def write(tmp_path, doc, name="testcity.yaml"):
    p = tmp_path / name
    p.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return p


def codes(findings):
    return sorted(f.code for f in findings)


def test_valid_file(tmp_path):
    doc = base_targets(targets=[target("t", "firms", "at_least", value=10)])
    tf, findings = read_targets(write(tmp_path, doc))
    assert tf is not None and findings == []


def test_wrong_type_points_at_value(tmp_path):
    p = tmp_path / "t.yaml"
    text = json.dumps(base_targets(targets=[target("t", "firms", "at_least", value=10)]),
                      ensure_ascii=False, indent=1).replace('"value": 10', '"value": "十"')
    p.write_text(text, encoding="utf-8")
    _, findings = read_targets(p)
    [f] = findings
    line = next(i for i, s in enumerate(text.splitlines(), 1) if '"value"' in s)
    assert f.code == "schema" and f.line == line and "number" in f.message


def test_unknown_field_and_missing_field(tmp_path):
    t = target("t", "firms", "at_least", value=10, colour="red")
    del t["quote"]
    _, findings = read_targets(write(tmp_path, base_targets(targets=[t])))
    messages = " ".join(f.message for f in findings)
    assert "unknown field 'colour'" in messages and "missing field 'quote'" in messages


def test_unknown_unit_and_mismatch(tmp_path):
    doc = base_targets(targets=[target("t", "money", "at_least", value=10, unit="家")])
    doc["indicators"][0]["unit"] = "吨煤"
    _, findings = read_targets(write(tmp_path, doc))
    assert codes(findings) == ["unit-mismatch", "unknown-unit"]


def test_undefined_references(tmp_path):
    doc = base_targets(targets=[target("t", "nosuch", "at_least", value=1, source="x")])
    _, findings = read_targets(write(tmp_path, doc))
    assert codes(findings) == ["unknown-ref", "unknown-ref"]


def test_op_specific_fields(tmp_path):
    bad = [target("a", "firms", "between", value=3),
           target("b", "firms", "increase_by", value=3),
           target("c", "firms", "at_least"),
           target("d", "rd", "near_reference", value=1),
           target("e", "firms", "at_least", value=5, baseline={"year": 2025})]
    _, findings = read_targets(write(tmp_path, base_targets(targets=bad)))
    assert len(findings) == 5 and all(f.code == "schema" for f in findings)


def test_negative_count(tmp_path):
    doc = base_targets(targets=[target("t", "firms", "at_least", value=-3)])
    _, findings = read_targets(write(tmp_path, doc))
    assert codes(findings) == ["negative-count"]


def test_measured_unit_dimension_must_match_indicator(tmp_path):
    tf, _ = read_targets(write(tmp_path, base_targets(targets=[])))
    p = write(tmp_path, measured([obs("money", 2023, 5, "家")]), "testcity.measured.yaml")
    _, findings, _ = read_measured(p, tf)
    assert codes(findings) == ["unit-mismatch"]


def test_partial_period_must_be_flagged(tmp_path):
    tf, _ = read_targets(write(tmp_path, base_targets(targets=[])))
    p = write(tmp_path, measured([obs("firms", "2024-06", 5, "家")]), "testcity.measured.yaml")
    _, findings, _ = read_measured(p, tf)
    assert "partial" in findings[0].message


def test_measured_values_are_converted_to_indicator_unit(tmp_path):
    tf, _ = read_targets(write(tmp_path, base_targets(targets=[])))
    p = write(tmp_path, measured([obs("money", 2023, 9244.2, "万元")]), "testcity.measured.yaml")
    [o], findings, _ = read_measured(p, tf)
    assert findings == [] and abs(o.value - 0.92442) < 1e-12 and o.given_value == 9244.2


def test_operator_must_agree_with_indicator_direction(tmp_path):
    doc = base_targets(targets=[target("t", "firms", "rank_at_most", value=30)])
    _, findings = read_targets(write(tmp_path, doc))
    assert codes(findings) == ["direction-mismatch"] and "lower" in findings[0].message
