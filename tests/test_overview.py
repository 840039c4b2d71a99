"""`check --all`: one line per city with its counts and as-of date, then the totals;
`--detail` for the full tables."""

from __future__ import annotations

import json

from conftest import TARGETS
from rich.cells import cell_len

from planck.render.context import STATUS_SYMBOL

ORDER = ["missed", "off_track", "regressing", "behind", "on_track", "met", "not_assessable",
         "no_data"]


def test_one_line_per_city_with_counts_and_totals(invoke):
    doc = json.loads(invoke("check", "--all", "--targets-dir", str(TARGETS), "-f",
                            "json").stdout)
    res = invoke("check", "--all", "--targets-dir", str(TARGETS), env={"COLUMNS": "80"})
    lines = res.stdout.splitlines()
    assert all(cell_len(ln) <= 80 for ln in lines)
    assert lines[0].split()[-8:] == [STATUS_SYMBOL[s] for s in ORDER]
    reports = doc["reports"]
    for rep, line in zip(reports, lines[1:], strict=False):
        assert line.startswith(rep["city"]["name_zh"]) and rep["as_of"] in line
        cells = line.split()[-9:]
        want = [str(len(rep["results"]))] + [str(rep["summary"][s] or "-") for s in ORDER]
        assert cells == want, (line, want)
    total = lines[1 + len(reports)]
    assert total.startswith(f"all {len(reports)} cities")
    sums = [sum(rep["summary"][s] for rep in reports) for s in ORDER]
    assert total.split()[-9:] == [str(sum(sums))] + [str(n or "-") for n in sums]
    block = lines[:lines.index("")]
    assert len(block) <= len(reports) + 4  # head, cities, total, a legend of one or two lines


def test_the_overview_counts_categories_and_lights_per_city(invoke):
    from planck.result import CATEGORIES, LIGHTS

    doc = json.loads(invoke("check", "--all", "--targets-dir", str(TARGETS), "-f",
                            "json").stdout)
    lines = invoke("check", "--all", "--targets-dir", str(TARGETS),
                   env={"COLUMNS": "80"}).stdout.splitlines()
    start = lines.index("") + 1
    assert lines[start].split()[0] == "categories"
    reports = doc["reports"]
    for rep, line in zip(reports, lines[start + 1:], strict=False):
        lights = [sum(r["light"] == k for r in rep["results"]) for k in LIGHTS]
        want = [str(rep["categories"][c] or "-") for c in CATEGORIES]
        assert line.split()[-10:] == want + [str(n or "-") for n in lights], line
    total = lines[start + 1 + len(reports)].split()[-10:]
    assert total[:7] == [str(sum(r["categories"][c] for r in reports) or "-")
                         for c in CATEGORIES]
    assert sum(sum(r["categories"].values()) for r in reports) > 0  # the bundled data has some
    assert all(cell_len(ln) <= 80 for ln in lines)


def test_detail_gives_every_table(invoke):
    res = invoke("check", "--all", "--detail", "--targets-dir", str(TARGETS),
                 env={"COLUMNS": "80"})
    cities = len(json.loads(invoke("check", "--all", "--targets-dir", str(TARGETS), "-f",
                                   "json").stdout)["reports"])
    assert res.stdout.count(" · as of ") == cities > 1
    one = invoke("check", "luoyang", "--targets-dir", str(TARGETS), env={"COLUMNS": "80"})
    assert one.stdout in res.stdout


def test_overview_counts_follow_the_filter(invoke):
    res = invoke("check", "--all", "--assessed", "--targets-dir", str(TARGETS),
                 env={"COLUMNS": "80"})
    rows = [ln for ln in res.stdout.splitlines()[1:] if " 20" in ln]
    assert rows and all(ln.split()[-1] == "-" for ln in rows)
    assert "showing" in res.stderr
