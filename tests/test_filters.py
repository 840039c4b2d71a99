"""Filters of `check`: the same targets in every format, and never a hidden gate failure."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace
from xml.etree import ElementTree as ET

import pytest
from conftest import ROOT, TARGETS

from planck.judge.select import Selection

GOLDEN = ROOT / "tests" / "golden"
GOLD = ("goldcity", "--targets-dir", str(GOLDEN), "--as-of", "2024-06-30")


def _all(invoke) -> list[dict]:
    return json.loads(invoke("check", "luoyang", "--targets-dir", str(TARGETS), "-f",
                             "json").stdout)["results"]


@pytest.mark.parametrize("args,keep", [
    (["--assessed"], lambda r: r["status"] not in ("no_data", "not_assessable")),
    (["--hide", "no_data"], lambda r: r["status"] != "no_data"),
    (["--status", "off_track,on_track"], lambda r: r["status"] in ("off_track", "on_track")),
    (["--plan", "ly-14th-sti", "--status", "met"],
     lambda r: r["plan"] == "ly-14th-sti" and r["status"] == "met"),
])
def test_every_format_shows_the_same_targets(invoke, args, keep):
    every = _all(invoke)
    want = [r["id"] for r in every if keep(r)]
    assert 0 < len(want) < len(every)

    def run(fmt, *more):
        res = invoke("check", "luoyang", "--targets-dir", str(TARGETS), "-f", fmt, *args,
                     *more, env={"COLUMNS": "300"})  # wide enough for every id whole
        assert res.exit_code == 0, res.stderr
        assert f"showing {len(want)} of {len(every)} target(s)" in res.stderr
        return res.stdout

    assert [r["id"] for r in json.loads(run("json"))["results"]] == want
    junit = ET.fromstring(run("junit").encode())
    assert sorted(c.get("name").split()[0] for c in junit.iter("testcase")) == sorted(want)
    assert len(run("github", "--annotate", "all").splitlines()) == len(want)
    table = run("table")
    shown = [tid for tid in want if re.search(rf"^{re.escape(tid[3:])}\s", table, re.M)]
    assert shown == want
    rows = [ln for ln in table.splitlines() if re.match(r"^[a-z0-9-]+-(20\d\d|per-year)\s", ln)]
    assert len(rows) == len(want)
    markdown = [ln for ln in run("markdown").splitlines() if ln.startswith("| ")]
    assert len(markdown) - 1 == len(want)  # a header row, then one row per target


def test_a_filter_never_hides_a_gate_failure(invoke):
    # goldcity has one missed target (the 2023 work-points plan); the default gate is missed.
    res = invoke("check", *GOLD, "--status", "on_track")
    assert res.exit_code == 1
    assert "1 target(s) with status in --fail-on (missed), 1 of them hidden" in res.stderr
    res = invoke("check", *GOLD, "--plan", "gc-14th", "-f", "json")
    assert res.exit_code == 1 and "hidden by the filter" in res.stderr
    assert all(r["plan"] == "gc-14th" for r in json.loads(res.stdout)["results"])
    res = invoke("check", *GOLD, "--status", "missed")
    assert res.exit_code == 1 and "hidden" not in res.stderr


def test_unknown_filter_values_are_usage_errors_with_a_suggestion(invoke):
    res = invoke("check", *GOLD, "--plan", "gc-14")
    assert res.exit_code == 2 and "did you mean gc-14th" in res.stderr and not res.stdout
    res = invoke("check", *GOLD, "--status", "of_track")
    assert res.exit_code == 2 and "did you mean off_track" in res.stderr
    res = invoke("check", *GOLD, "--attribute", "mandatory")
    assert res.exit_code == 2 and "binding" in res.stderr


def test_streamed_all_json_is_filtered_too(invoke, tmp_path):
    import shutil

    for i in range(2):
        shutil.copy(GOLDEN / "goldcity.yaml", tmp_path / f"c{i}.yaml")
        shutil.copy(GOLDEN / "goldcity.measured.yaml", tmp_path / f"c{i}.measured.yaml")
    res = invoke("check", "--all", "-f", "json", "--targets-dir", str(tmp_path),
                 "--as-of", "2024-06-30", "--assessed")
    doc = json.loads(res.stdout)
    statuses = {r["status"] for rep in doc["reports"] for r in rep["results"]}
    assert statuses and not statuses & {"no_data", "not_assessable"}
    assert res.exit_code == 1 and "showing 18 of 24" in res.stderr
    res = invoke("check", "--all", "-f", "json", "--targets-dir", str(tmp_path), "--plan", "x")
    assert res.exit_code == 2 and res.stdout == ""


def test_selection_rules():
    r = SimpleNamespace(verdict=SimpleNamespace(status="behind"), plan="p1", attribute="binding")
    assert Selection().keeps(r) and not Selection().active
    assert Selection(attributes=frozenset({"binding"})).keeps(r)
    assert not Selection(attributes=frozenset({"expected"})).keeps(r)
    assert not Selection(plans=frozenset({"p2"})).keeps(r)
    assert not Selection(hide=frozenset({"behind"})).keeps(r)
    assert not Selection(statuses=frozenset({"met"})).keeps(r)
    assert not Selection(attributes=frozenset({"binding"})).keeps(
        SimpleNamespace(verdict=SimpleNamespace(status="met"), plan="p1"))  # no attribute: not binding
