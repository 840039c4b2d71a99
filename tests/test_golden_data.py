"""The golden files are reviewed data: every latest figure in them agrees with the fixture.

``test_render.py::test_golden`` only says the output has not changed; a wrong figure committed
once would stay "golden". These tests read the fixture (goldcity.yaml, goldcity.measured.yaml)
with plain YAML, convert with a hand-written factor table (not planck's units) and check that
each golden file shows, wherever it shows a latest figure, a value that is in the unit shown.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml

GOLDEN = Path(__file__).parent / "golden"
FIXTURE = yaml.safe_load((GOLDEN / "goldcity.yaml").read_text(encoding="utf-8"))
MEASURED = yaml.safe_load((GOLDEN / "goldcity.measured.yaml").read_text(encoding="utf-8"))
UNIT = {i["id"]: i["unit"] for i in FIXTURE["indicators"]}
NAME = {i["name_zh"]: i["id"] for i in FIXTURE["indicators"]}
#: Written out by hand: how many of the indicator unit one given unit is.
FACTOR = {("万元", "亿元"): 1e-4}
TEXT_GOLDENS = ["goldcity.md", "goldcity.report.md", "goldcity.report.zh.md",
                "goldcity.table.txt", "goldcity.table.wide.zh.txt", "goldcity.github.txt",
                "goldcity.junit.xml"]


def _in_indicator_unit(o: dict) -> float:
    want = UNIT[o["indicator"]]
    return o["value"] if o["unit"] == want else o["value"] * FACTOR[(o["unit"], want)]


#: (indicator, period as text) → the observation, every figure of the fixture.
OBS = {(o["indicator"], str(o["period"])): o for o in MEASURED["observations"]}


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _check(indicator: str, shown: str, period: str, unit: str, where: str) -> None:
    """``shown`` (period) displayed in ``unit`` for ``indicator`` agrees with the fixture."""
    o = OBS[(indicator, period)]
    assert unit == UNIT[indicator], f"{where}: {indicator} shown in {unit}, judged in {UNIT[indicator]}"
    assert _number(shown) == pytest.approx(_in_indicator_unit(o), rel=1e-4), (
        f"{where}: {indicator} {period} shown as {shown} {unit}, "
        f"fixture has {o['value']} {o['unit']}")


_LATEST = re.compile(r"^\[?([-\d,.]+) \((\d{4}(?:-\d\d)?)(?:, [^)]*)?\)\]?$")


def test_fixture_is_what_the_factor_table_covers():
    """Every unit pair the fixture uses is in FACTOR (else the checks below could not run)."""
    for o in MEASURED["observations"]:
        assert _in_indicator_unit(o) is not None
    assert any(o["unit"] != UNIT[o["indicator"]] for o in MEASURED["observations"]), (
        "the fixture must keep at least one observation given in another unit")


def test_json_latest_values_are_in_the_unit_they_carry():
    doc = json.loads((GOLDEN / "goldcity.json").read_text(encoding="utf-8"))
    seen = 0
    for r in doc["results"]:
        for key in ("latest", "latest_partial"):
            o = r[key]
            if o is None:
                continue
            seen += 1
            raw = OBS[(r["indicator"], str(o["period"]))]
            assert o["unit"] == r["unit"] == UNIT[r["indicator"]], r["id"]
            assert o["value"] == pytest.approx(_in_indicator_unit(raw), rel=1e-9), r["id"]
            assert (o["given_value"], o["given_unit"]) == (raw["value"], raw["unit"]), r["id"]
            assert o["quote"] == raw["quote"], r["id"]
    assert seen >= 10


def _markdown_rows(text: str):
    """(header, cells) for every row of every pipe table with Unit and Latest columns."""
    header = None
    for line in text.splitlines():
        if not line.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            header = cells
        elif not set(line) <= set("|-: "):
            yield header, cells


@pytest.mark.parametrize("name", ["goldcity.md", "goldcity.report.md", "goldcity.report.zh.md"])
def test_markdown_latest_column_is_in_the_unit_column(name):
    seen = 0
    for header, cells in _markdown_rows((GOLDEN / name).read_text(encoding="utf-8")):
        cols = dict(zip(header, cells, strict=False))
        unit, latest = cols.get("Unit", cols.get("单位")), cols.get("Latest", cols.get("最新值"))
        if unit is None or latest is None or latest == "—":
            continue
        indicator = NAME[cols.get("Indicator", cols.get("指标")).split("<br>")[0]]
        m = _LATEST.match(latest)
        assert m, f"{name}: unreadable latest cell {latest!r}"
        _check(indicator, m[1], m[2], unit, name)
        seen += 1
    assert seen >= 10, name


def _target_unit(target: str) -> str | None:
    """The unit a table's target cell places after its level (None for a growth rate)."""
    text = re.sub(r" \([^)]*\)$", "", target)  # the source's wording
    if text.startswith(("growth ", "年均增长 ")):  # a rate names no unit
        return None
    text = re.sub(r"/(yr|年)$", "", re.sub(r" ±\d+%$", "", text))
    m = re.search(r"[\d.,]+(%| \S+)$", text)
    assert m, target
    return m[1].strip()


def test_table_latest_column_is_in_the_unit_of_its_target():
    """The wide Chinese table (every column, nothing cut): each latest figure agrees with the
    fixture in the unit the row's target cell names."""
    text = (GOLDEN / "goldcity.table.wide.zh.txt").read_text(encoding="utf-8")
    seen = 0
    for line in text.splitlines():
        cells = re.split(r"\s{2,}", line.strip())
        if len(cells) < 10 or cells[1] not in NAME:
            continue
        latest, target = cells[5], cells[6]
        unit = _target_unit(target)
        if latest == "—" or unit is None:
            continue
        m = _LATEST.match(latest)
        assert m, cells
        _check(NAME[cells[1]], m[1], m[2], unit, "goldcity.table.wide.zh.txt")
        seen += 1
    assert seen >= 10


def test_annotations_show_latest_in_the_unit_they_name():
    """github: ``NAME …: latest X UNIT (year), target … by 2025``; junit: ``… , due 2025``."""
    github = unquote((GOLDEN / "goldcity.github.txt").read_text(encoding="utf-8"))
    junit = html.unescape((GOLDEN / "goldcity.junit.xml").read_text(encoding="utf-8"))
    found = [(m[1].split()[0], m[2], m[3], m[4]) for m in re.finditer(
        r"::(\S+) [^:]*: latest ([-\d,.]+)(%| \S+) \((\d{4})\), target .* by \d{4} — ", github)]
    ids = {v: k for k, v in NAME.items()}
    found += [(ids[m[1]], m[2], m[3], m[4]) for m in re.finditer(
        r"\(([a-z0-9-]+)\): latest ([-\d,.]+)(%| \S+) \((\d{4})\), target .*, due \d{4};", junit)]
    for name, shown, unit, period in found:
        _check(NAME[name], shown, period, unit.strip(), "annotations")
    assert len(found) >= 15  # junit: every target with a figure; github: problems only


@pytest.mark.parametrize("name", ["goldcity.report.md", "goldcity.report.zh.md"])
def test_report_evidence_figures_are_what_their_quotes_say(name):
    """Each measured figure cited in the evidence is the one its quote gives, in its unit
    (or that figure converted to the indicator's unit)."""
    by_quote = {(o["quote"], str(o["period"])): o for o in MEASURED["observations"]}
    quotes = {q for q, _ in by_quote}
    seen = 0
    for _, cells in _markdown_rows((GOLDEN / name).read_text(encoding="utf-8")):
        if len(cells) != 3 or cells[2] not in quotes:
            continue
        m = re.fullmatch(r"([-\d,.]+)(%| \S+) \((\d{4}(?:-\d\d)?)\)", cells[0])
        assert m, cells
        o = by_quote[(cells[2], m[3])]
        shown = (_number(m[1]), m[2].strip())
        assert shown in ((o["value"], o["unit"]),
                         (pytest.approx(_in_indicator_unit(o)), UNIT[o["indicator"]])), cells
        seen += 1
    assert seen == len(by_quote) - 1  # all but the 2024 bulletin, published after the as-of date
