"""Issue 22's data fields: ``bound`` and ``estimate`` on observations (file, record, import)
and ``supersedes`` on targets, each accepted where valid and refused with a position where not."""

from __future__ import annotations

import json

import pytest
from conftest import base_targets, measured, obs, target

from planck.read.loader import parse


def _validate(invoke, path):
    return invoke("validate", str(path))


def test_bound_and_estimate_are_read(make_city):
    path = make_city([target("t", "firms", "at_least", value=5000)],
                     [obs("firms", 2024, 3000, "家", bound="lower", quote="3000余家"),
                      obs("firms", 2025, 4200, "家", estimate=True, quote="预计4200家")])
    from planck.read.model import MeasuredFile
    from planck.read.validate import to_model

    m = path.with_name("testcity.measured.yaml")
    mf, findings = to_model(parse(m.read_text("utf-8"), "m").data, MeasuredFile, "m")
    assert mf is not None and not findings
    assert [(o.bound, o.estimate) for o in mf.observations] == [("lower", False), (None, True)]


@pytest.mark.parametrize("field, value, message", [
    ("bound", "about", "bound"),
    ("bound", True, "bound"),
    ("estimate", "yes", "estimate"),
])
def test_bad_bound_or_estimate_is_a_positioned_finding(make_city, invoke, field, value, message):
    path = make_city([target("t", "firms", "at_least", value=5000)],
                     [obs("firms", 2024, 3000, "家", **{field: value})])
    res = _validate(invoke, path.parent)
    assert res.exit_code == 2
    line = next(x for x in res.stderr.splitlines() if message in x)
    assert "testcity.measured.yaml:" in line and f"observations.0.{field}" in line


def test_supersedes_names_a_target_of_the_file(make_city, invoke):
    path = make_city([target("t", "firms", "at_least", value=5000),
                      target("t2", "firms", "at_least", value=4000, supersedes="t")], [])
    assert _validate(invoke, path.parent).exit_code == 0
    path = make_city([target("t", "firms", "at_least", value=5000),
                      target("t2", "firms", "at_least", value=4000, supersedes="nope")], [])
    res = _validate(invoke, path.parent)
    assert res.exit_code == 2 and "unknown-ref" in res.stderr and "'nope'" in res.stderr
    assert "testcity.yaml:" in res.stderr


def test_supersedes_itself_or_in_a_circle_is_refused(make_city, invoke):
    path = make_city([target("t", "firms", "at_least", value=5000, supersedes="t")], [])
    res = _validate(invoke, path.parent)
    assert res.exit_code == 2 and "supersedes-self" in res.stderr
    path = make_city([target("a", "firms", "at_least", value=5000, supersedes="b"),
                      target("b", "firms", "at_least", value=4000, supersedes="a"),
                      target("c", "firms", "at_least", value=4500, supersedes="a")], [])
    res = _validate(invoke, path.parent)
    cycles = [x for x in res.stderr.splitlines() if "supersedes-cycle" in x]
    assert res.exit_code == 2 and len(cycles) == 2  # a and b, not c (it revises the circle)


def _block(doc: dict) -> str:
    """A measured file written in block style, as record edits it."""
    out = [f"planck: {doc['planck']}", f"city: {doc['city']}", "sources:"]
    for src in doc["sources"]:
        out += [("  - " if i == 0 else "    ") + f"{k}: {json.dumps(v, ensure_ascii=False)}"
                for i, (k, v) in enumerate(src.items())]
    out.append("observations:" if doc["observations"] else "observations: []")
    for o in doc["observations"]:
        out += [("  - " if i == 0 else "    ") + f"{k}: {json.dumps(v, ensure_ascii=False)}"
                for i, (k, v) in enumerate(o.items())]
    return "\n".join(out) + "\n"


def _city(tmp_path, observations):
    doc = base_targets(targets=[target("t", "firms", "at_least", value=5000)])
    (tmp_path / "testcity.yaml").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    (tmp_path / "testcity.measured.yaml").write_text(_block(measured(observations)), "utf-8")
    return tmp_path / "testcity.measured.yaml"


def test_record_writes_bound_and_estimate(tmp_path, invoke):
    m = _city(tmp_path, [])
    res = invoke("record", "testcity", "firms", "2024", "3000", "--quote", "3000余家",
                 "--source", "bulletin", "--bound", "lower", "--targets-dir", str(tmp_path))
    assert res.exit_code == 0, res.stderr
    res = invoke("record", "testcity", "firms", "2025", "4200", "--quote", "预计4200家",
                 "--source", "bulletin", "--estimate", "--targets-dir", str(tmp_path))
    assert res.exit_code == 0, res.stderr
    items = parse(m.read_text("utf-8"), "m").data["observations"]
    assert items[0]["bound"] == "lower" and "estimate" not in items[0]
    assert items[1]["estimate"] is True and "bound" not in items[1]


def test_record_refuses_an_unknown_bound(tmp_path, invoke):
    m = _city(tmp_path, [])
    before = m.read_bytes()
    res = invoke("record", "testcity", "firms", "2024", "3000", "--quote", "3000余家",
                 "--source", "bulletin", "--bound", "about", "--targets-dir", str(tmp_path))
    assert res.exit_code == 2 and "bound" in res.stderr and "'about'" in res.stderr
    assert m.read_bytes() == before


def test_replacing_a_bound_with_an_exact_figure_drops_the_bound(tmp_path, invoke):
    m = _city(tmp_path, [obs("firms", 2024, 3000, "家", bound="lower", estimate=True,
                             quote="3000余家", note="kept")])
    res = invoke("record", "testcity", "firms", "2024", "3120", "--quote", "3120家",
                 "--source", "bulletin", "--replace", "--targets-dir", str(tmp_path))
    assert res.exit_code == 0, res.stderr
    item = parse(m.read_text("utf-8"), "m").data["observations"][0]
    assert item["value"] == 3120 and "bound" not in item and item["estimate"] is False
    assert item["note"] == "kept"


def test_the_same_figure_as_a_bound_is_a_change_not_already_recorded(tmp_path, invoke):
    _city(tmp_path, [obs("firms", 2024, 3000, "家", quote="3000余家")])
    res = invoke("record", "testcity", "firms", "2024", "3000", "--quote", "3000余家",
                 "--source", "bulletin", "--bound", "lower", "--targets-dir", str(tmp_path))
    assert res.exit_code == 2 and "--replace" in res.stderr


def test_import_reads_bound_and_estimate_columns(tmp_path, invoke):
    m = _city(tmp_path, [])
    table = tmp_path / "rows.csv"
    table.write_text("indicator,period,value,quote,source,上下限,预计\n"
                     "firms,2023,3000,3000余家,bulletin,余,\n"
                     "firms,2024,1300,近1300家,bulletin,upper,否\n"
                     "firms,2025,4200,预计4200家,bulletin,,是\n", "utf-8")
    res = invoke("import", str(table), "--city", "testcity", "--targets-dir", str(tmp_path))
    assert res.exit_code == 0, res.stderr
    items = parse(m.read_text("utf-8"), "m").data["observations"]
    assert [(o.get("bound"), o.get("estimate", False)) for o in items] == [
        ("lower", False), ("upper", False), (None, True)]


def test_import_refuses_a_bad_bound_cell_at_its_position(tmp_path, invoke):
    m = _city(tmp_path, [])
    before = m.read_bytes()
    table = tmp_path / "rows.csv"
    table.write_text("indicator,period,value,quote,source,bound,estimate\n"
                     "firms,2023,3000,3000余家,bulletin,about,\n"
                     "firms,2024,3000,3000家,bulletin,,maybe\n", "utf-8")
    res = invoke("import", str(table), "--city", "testcity", "--targets-dir", str(tmp_path))
    assert res.exit_code == 2
    assert "rows.csv:2:6:" in res.stderr and "rows.csv:3:7:" in res.stderr
    assert m.read_bytes() == before
