"""CLI through typer's runner: exit codes 0/1/2, JSON shape, lookup of the data folder."""

import json
import os
import subprocess
import sys
from datetime import date

import pytest
from conftest import TARGETS, obs, target


def test_check_luoyang_json_lists_the_table(invoke):
    res = invoke("check", "luoyang", "--format", "json", "--targets-dir", str(TARGETS))
    assert res.exit_code in (0, 1), res.stderr
    doc = json.loads(res.stdout)
    assert doc["schema"] == "planck.report/1" and doc["city"]["id"] == "luoyang"
    ids = {r["indicator"] for r in doc["results"]}
    for indicator in ("rd-intensity", "high-tech-enterprises", "tech-contract-turnover",
                      "fiscal-st-spending", "tech-smes", "pilot-bases"):
        assert indicator in ids
    for r in doc["results"]:
        assert {"indicator", "name", "unit", "baseline", "target", "latest", "status",
                "percent_to_goal"} <= set(r)
        assert "op" in r["target"]
    assert sum(doc["summary"].values()) == len(doc["results"])


def test_exit_codes(invoke, make_city):
    path = make_city([target("t", "firms", "at_least", value=10)],
                     [obs("firms", 2025, 5, "家")])
    assert invoke("check", str(path)).exit_code == 1           # missed → gate fails
    assert invoke("check", str(path), "--fail-on", "behind").exit_code == 0
    assert invoke("check", str(path), "--fail-on", "nonsense").exit_code == 2
    assert invoke("check", str(path), "--as-of", "20xx").exit_code == 2
    assert invoke("check", "nosuchcity").exit_code == 2
    assert invoke("check", str(path), "--format", "pdf").exit_code == 2


def test_met_passes_the_gate(invoke, make_city):
    path = make_city([target("t", "firms", "at_least", value=10)],
                     [obs("firms", 2025, 12, "家")])
    res = invoke("check", str(path), "-f", "json")
    assert res.exit_code == 0 and json.loads(res.stdout)["results"][0]["status"] == "met"


def test_measured_override(invoke, make_city, tmp_path):
    path = make_city([target("t", "firms", "at_least", value=10)],
                     [obs("firms", 2025, 5, "家")])
    extra = tmp_path / "extra.yaml"
    extra.write_text(json.dumps({
        "planck": 1, "city": "testcity",
        "sources": [{"id": "late", "title": "修订公报", "issuer": "统计局", "date": "2026-09-01",
                     "url": "https://example.org/r"}],
        "observations": [obs("firms", 2025, 11, "家", source="late")]}, ensure_ascii=False))
    res = invoke("check", str(path), "--measured", str(extra), "-f", "json")
    assert res.exit_code == 0, res.stdout
    assert json.loads(res.stdout)["results"][0]["latest"]["value"] == 11


def test_validate_reports_file_line_col(invoke, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("planck: 1\ncity: {id: x, name_zh: 甲, name_en: X}\ncity: 2\n")
    res = invoke("validate", str(bad))
    assert res.exit_code == 2
    assert f"{bad}:3:1:" in res.stderr and "duplicate" in res.stderr
    assert "Traceback" not in res.stderr + res.stdout


def test_validate_bundled_and_provenance(invoke, seeds):
    n = len(list(TARGETS.glob("*.yaml")))
    plain = invoke("validate", str(TARGETS))
    assert plain.exit_code == 0 and f"{n} file(s) valid" in plain.stderr, plain.stderr
    assert "verified" not in plain.stderr
    res = invoke("validate", str(TARGETS), "--sources", str(seeds))
    assert res.exit_code == 0 and f"{n} file(s) valid; " in res.stderr, res.stderr
    assert " quote(s) verified verbatim" in res.stderr and " not checked " in res.stderr


def test_list(invoke):
    res = invoke("list", "--targets-dir", str(TARGETS))
    assert res.exit_code == 0 and "luoyang" in res.stdout and "hebi" in res.stdout


def test_unknown_target_for_explain(invoke):
    res = invoke("explain", "luoyang", "nope", "--targets-dir", str(TARGETS))
    assert res.exit_code == 2 and "no target" in res.stderr


@pytest.mark.skipif(not os.access(sys.executable, os.X_OK), reason="needs a python")
def test_runs_from_an_empty_folder_with_bundled_data(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PLANCK_TARGETS"}
    res = subprocess.run([sys.executable, "-m", "planck", "check", "luoyang", "-f", "json"],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert res.returncode in (0, 1), res.stderr
    assert json.loads(res.stdout)["city"]["id"] == "luoyang"
    assert "Traceback" not in res.stderr


@pytest.mark.parametrize("copies", [2, 9])  # 9 ≥ batch.PARALLEL_FROM: the worker-pool path
def test_streamed_all_json_equals_the_whole_document(invoke, tmp_path, copies):
    import shutil

    from conftest import ROOT

    from planck.judge.batch import evaluate_cities
    from planck.render import get
    from planck.render.context import Context

    golden = ROOT / "tests" / "golden"
    for i in range(copies):
        shutil.copy(golden / "goldcity.yaml", tmp_path / f"c{i}.yaml")
        shutil.copy(golden / "goldcity.measured.yaml", tmp_path / f"c{i}.measured.yaml")
    res = invoke("check", "--all", "-f", "json", "--targets-dir", str(tmp_path),
                 "--as-of", "2024-06-30")
    cities = [str(tmp_path / f"c{i}.yaml") for i in sorted(range(copies), key=str)]
    reports, findings = evaluate_cities(cities, tmp_path, [], date(2024, 6, 30))
    assert findings == [] and res.exit_code == 1  # the golden city has missed targets
    assert res.stdout == get("json")(reports, Context())
    assert len(json.loads(res.stdout)["reports"]) == copies
