"""Export: `check --format csv` and `export -o FILE.xlsx` read back with csv and openpyxl,
Chinese intact, the same verdicts as the JSON report."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from conftest import TARGETS
from openpyxl import load_workbook

from planck.render.csv_ import cell, columns
from planck.write.xlsx import FILL, STATUS_COLUMN


def _json(invoke, *args):
    res = invoke("check", *args, "-f", "json", "--targets-dir", str(TARGETS))
    assert res.exit_code in (0, 1), res.stderr
    return json.loads(res.stdout)


def test_csv_has_bom_one_row_per_target_and_the_json_values(invoke):
    res = invoke("check", "luoyang", "-f", "csv", "--targets-dir", str(TARGETS))
    assert res.exit_code in (0, 1), res.stderr
    raw = res.stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    doc = _json(invoke, "luoyang")
    assert len(rows) == len(doc["results"])
    for row, r in zip(rows, doc["results"], strict=True):
        assert row["city"] == "luoyang" and row["city_name_zh"] == "洛阳市"
        assert (row["id"], row["status"], row["name"]) == (r["id"], r["status"], r["name"])
        assert row["target.op"] == r["target"]["op"] and row["target.quote"] == r["target"]["quote"]
        latest = r["latest"]
        assert row["latest.value"] == ("" if latest is None else repr(latest["value"]))
        assert row["latest.source_title"] == ("" if latest is None else latest["source_title"])
        assert json.loads(row["years"]) == r["years"]
    assert any("高新技术企业" in row["name"] for row in rows)


def test_csv_columns_follow_the_result_fields():
    cols = columns()
    assert {"target.op", "latest.value", "latest_partial.period", "pace.ratio", "status"} <= set(cols)
    assert "latest" not in cols and "years" in cols


def test_csv_cells_defuse_formulas_and_keep_types():
    assert cell("=HYPERLINK(\"http://x\")").startswith("'=")
    assert cell("-1+2") == "'-1+2" and cell(-1.5) == "-1.5"
    assert cell(None) == "" and cell(True) == "true" and cell("洛阳") == "洛阳"


def test_csv_for_several_cities(invoke):
    res = invoke("check", "--all", "-f", "csv", "--targets-dir", str(TARGETS))
    rows = list(csv.DictReader(io.StringIO(res.stdout_bytes.decode("utf-8-sig"), newline="")))
    doc = _json(invoke, "--all")
    assert len(rows) == sum(len(r["results"]) for r in doc["reports"])
    assert {row["city"] for row in rows} == {r["city"]["id"] for r in doc["reports"]}


def test_xlsx_sheet_per_plan_coloured_status_and_sources(invoke, tmp_path):
    out = tmp_path / "ly.xlsx"
    res = invoke("export", "luoyang", "-o", str(out), "--lang", "zh", "--targets-dir", str(TARGETS))
    assert res.exit_code == 0, res.stderr
    doc = _json(invoke, "luoyang")
    book = load_workbook(out)
    assert book.sheetnames == [p["id"] for p in doc["plans"]] + ["sources"]
    by_id = {r["id"]: r for r in doc["results"]}
    seen = 0
    for plan in doc["plans"]:
        sheet = book[plan["id"]]
        assert sheet.cell(1, STATUS_COLUMN).value == "状态"
        for row in sheet.iter_rows(min_row=2):
            r = by_id[row[0].value]
            assert r["plan"] == plan["id"] and row[1].value == r["name"]
            assert row[STATUS_COLUMN - 1].fill.fgColor.rgb.endswith(FILL[r["status"]])
            seen += 1
    assert seen == len(doc["results"])
    sources = [[c.value for c in row] for row in book["sources"].iter_rows(min_row=2)]
    assert any(s[2] == "洛阳市“十四五”科技创新和一流创新生态建设规划" for s in sources)
    assert {s[8] for s in sources} == {"plan", "measured"}


def test_xlsx_all_cities_and_stdout(invoke, tmp_path):
    out = tmp_path / "all.xlsx"
    res = invoke("export", "--all", "-o", str(out), "--targets-dir", str(TARGETS))
    assert res.exit_code == 0, res.stderr
    cities = sorted(p.name.removesuffix(".yaml") for p in TARGETS.glob("*.yaml")
                    if not p.name.endswith(".measured.yaml"))
    assert "luoyang" in cities and load_workbook(out).sheetnames == [*cities, "sources"]
    res = invoke("export", "hebi", "-o", "-", "--targets-dir", str(TARGETS))
    assert res.exit_code == 0 and res.stdout_bytes.startswith(b"PK\x03\x04")
    assert load_workbook(io.BytesIO(res.stdout_bytes)).sheetnames[-1] == "sources"


def test_xlsx_text_that_looks_like_a_formula_stays_text(invoke, tmp_path):
    folder = tmp_path / "targets"
    shutil.copytree(TARGETS, folder)
    m = folder / "hebi.measured.yaml"
    text = m.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.strip().startswith("title:"))
    m.write_text(text.replace(title, title.split(":")[0] + ": '=HYPERLINK(\"http://evil\",\"x\")'", 1),
                 encoding="utf-8")
    out = tmp_path / "h.xlsx"
    assert invoke("export", "hebi", "-o", str(out), "--targets-dir", str(folder)).exit_code == 0
    cells = [c for row in load_workbook(out)["sources"].iter_rows() for c in row
             if str(c.value).startswith("=HYPERLINK")]
    assert cells and all(c.data_type == "s" for c in cells)


@pytest.mark.parametrize(("target", "message"), [
    ("report.md", "does not end in .xlsx"),
    ("folder.xlsx", "is a folder: planck writes only to a regular file"),
    ("link.xlsx", "is a symbolic link"),
    ("nofolder/x.xlsx", "does not exist"),
    ("targets/x.xlsx", "inside the data folder"),
])
def test_xlsx_output_refusals(invoke, tmp_path, target, message):
    folder = tmp_path / "targets"
    shutil.copytree(TARGETS, folder)
    (tmp_path / "folder.xlsx").mkdir()
    (tmp_path / "link.xlsx").symlink_to(folder / "hebi.yaml")
    before = sorted(p.name for p in folder.iterdir())
    res = invoke("export", "hebi", "-o", str(tmp_path / target), "--targets-dir", str(folder))
    assert res.exit_code == 2 and message in res.stderr and res.stdout == ""
    assert sorted(p.name for p in folder.iterdir()) == before
    assert not (tmp_path / "report.md").exists()


def test_export_needs_an_output(invoke):
    res = invoke("export", "hebi", "--targets-dir", str(TARGETS))
    assert res.exit_code == 2 and "--output" in res.stderr
