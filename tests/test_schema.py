"""docs/report.schema.json describes what ``planck check --format json`` really produces."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest
from conftest import ROOT, TARGETS

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
CITIES = sorted(p.stem for p in TARGETS.glob("*.yaml") if not p.name.endswith(".measured.yaml"))


def _validate(doc) -> None:
    jsonschema.Draft202012Validator(SCHEMA, format_checker=None).validate(doc)


def test_schema_is_a_valid_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("city", CITIES)
def test_every_bundled_city_validates(invoke, city):
    res = invoke("check", city, "--targets-dir", str(TARGETS), "-f", "json")
    assert res.exit_code in (0, 1), res.stderr
    _validate(json.loads(res.stdout))


def test_all_cities_document_validates(invoke):
    res = invoke("check", "--all", "--targets-dir", str(TARGETS), "-f", "json")
    doc = json.loads(res.stdout)
    assert doc["schema"] == "planck.reports/1"
    _validate(doc)


def test_golden_and_hand_built_reports_validate():
    from test_render import sample_report

    _validate(json.loads((ROOT / "tests" / "golden" / "goldcity.json").read_text("utf-8")))
    from planck.render import get
    from planck.render.context import Context

    _validate(json.loads(get("json")([sample_report()], Context())))


def test_schema_matches_the_json_keys():
    """The schema names exactly the keys a result's JSON object has (``RESULT_KEYS``, the
    parts flattened), a figure's (``FIGURE_KEYS``), a target's and a pace's."""
    from planck.result import FIGURE_KEYS, RESULT_KEYS, STATUSES, Pace, TargetRef

    defs = SCHEMA["$defs"]
    for keys, name in ((RESULT_KEYS, "result"), (FIGURE_KEYS, "observation"),
                       (tuple(f.name for f in fields(TargetRef)), "target"),
                       (tuple(f.name for f in fields(Pace)), "pace")):
        assert set(defs[name]["properties"]) == set(keys), name
        assert set(defs[name]["required"]) <= set(keys), name
    assert defs["status"]["enum"] == list(STATUSES)
    assert defs["report"]["properties"]["summary"]["required"] == list(STATUSES)


def test_schema_rejects_a_broken_document():
    from test_render import sample_report

    doc = json.loads(json.dumps(sample_report().as_dict(), default=str))
    doc["results"][0]["status"] = "great"
    with pytest.raises(jsonschema.ValidationError):
        _validate(doc)
    doc = json.loads(json.dumps(sample_report().as_dict(), default=str))
    del doc["results"][0]["target"]
    with pytest.raises(jsonschema.ValidationError):
        _validate(doc)
