"""``planck compare``: one shared indicator id across cities."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import ROOT, TARGETS

GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture
def cities(tmp_path):
    """goldcity plus a second city that shares some of its indicator ids."""
    for name in ("goldcity.yaml", "goldcity.measured.yaml"):
        shutil.copy(GOLDEN / name, tmp_path / name)
    text = (GOLDEN / "goldcity.yaml").read_text(encoding="utf-8")
    silver = (text.replace("id: goldcity", "id: silvercity").replace("金城市", "银城市")
              .replace("Goldcity", "Silvercity").replace("gc-", "sc-")
              .replace("value: 1600", "value: 900").replace("不少于1600家", "不少于900家"))
    (tmp_path / "silvercity.yaml").write_text(silver, encoding="utf-8")
    return tmp_path


def test_compare_lines_up_cities(invoke, cities):
    res = invoke("compare", "high-tech-enterprises", "--targets-dir", str(cities),
                 "--as-of", "2024-06-30", "-f", "json")
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["schema"] == "planck.compare/1" and doc["indicator"] == "high-tech-enterprises"
    by_city = {}
    for row in doc["rows"]:
        by_city.setdefault(row["city"], []).append(row)
    assert set(by_city) == {"goldcity", "silvercity"}
    gold = {r["target"]: r for r in by_city["goldcity"]}
    assert gold["gc-high-tech-enterprises-2025"]["latest"] == 1390
    assert gold["gc-high-tech-enterprises-2025"]["status"] == "on_track"
    # silvercity has no measured file: its targets are listed without a value.
    assert all(r["latest"] is None and r["status"] == "no_data" for r in by_city["silvercity"])


def test_compare_table_and_markdown(invoke, cities):
    for fmt, marker in (("table", "截至"), ("markdown", "| ")):
        res = invoke("compare", "high-tech-enterprises", "--targets-dir", str(cities),
                      "--cities", "goldcity", "-f", fmt, "--lang", "zh")
        assert res.exit_code == 0, res.stderr
        assert marker in res.stdout and "金城市" in res.stdout and "银城市" not in res.stdout
        assert "\x1b[" not in res.stdout


def test_indicator_without_target_shows_latest_value(invoke, cities):
    res = invoke("compare", "province-rd-intensity", "--targets-dir", str(cities),
                 "--as-of", "2024-06-30", "-f", "json")
    rows = json.loads(res.stdout)["rows"]
    gold = next(r for r in rows if r["city"] == "goldcity")
    assert gold["target"] is None and gold["latest"] == 2.05 and gold["period"] == 2023


def test_unknown_indicator_exits_2(invoke, cities):
    res = invoke("compare", "no-such-indicator", "--targets-dir", str(cities))
    assert res.exit_code == 2 and "no city uses" in res.stderr
    assert "high-tech-enterprises" in res.stderr  # the shared ids are suggested


def test_bad_city_and_format_exit_2(invoke, cities):
    assert invoke("compare", "rd-intensity", "--targets-dir", str(cities),
                  "--cities", "nowhere").exit_code == 2
    assert invoke("compare", "rd-intensity", "--targets-dir", str(cities),
                  "-f", "pdf").exit_code == 2


def test_compare_on_bundled_cities(invoke):
    res = invoke("compare", "high-tech-enterprises", "--targets-dir", str(TARGETS), "-f", "json")
    assert res.exit_code == 0, res.stderr
    cities = {r["city"] for r in json.loads(res.stdout)["rows"]}
    assert {"luoyang", "pingdingshan"} <= cities


@pytest.mark.parametrize("width", [80, 120, 200])
def test_compare_table_is_one_line_per_row_and_fits(invoke, width):
    """Plain text like check's table: a title, a head, one line per row, nothing wider than
    the terminal, every cut cell ending in an ellipsis at a word (never mid-word)."""
    from rich.cells import cell_len

    args = ("compare", "rd-intensity", "--targets-dir", str(TARGETS))
    rows = json.loads(invoke(*args, "-f", "json").stdout)["rows"]
    res = invoke(*args, env={"COLUMNS": str(width)})
    assert res.exit_code == 0, res.stderr
    lines = res.stdout.splitlines()
    assert len(lines) == 2 + len(rows)
    assert all(cell_len(ln) <= width for ln in lines), [ln for ln in lines if cell_len(ln) > width]
    for line, row in zip(lines[2:], rows, strict=True):
        assert row["as_of"] in line and row["city_zh"][:2] in line
        words = line.split()
        full = {row["target"] or "—", row["promise"] or "—"}
        for w in words:
            if w.endswith("…") and len(w) > 1:
                stem = w[:-1]
                assert any(f.startswith(stem) or f" {stem}" in f" {f}" for f in full) or \
                    row["city_zh"].startswith(stem), (w, line)
    if width >= 200:  # room for everything: whole ids and both city names
        assert all((r["target"] or "—") in res.stdout for r in rows)
        assert all(r["city_en"] in res.stdout for r in rows)
