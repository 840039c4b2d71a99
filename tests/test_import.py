"""planck import: 20 bundled Luoyang observations as CSV and XLSX give the bundled verdicts;
every bad cell is FILE:row:col and nothing is written when any row is bad."""

from __future__ import annotations

import csv
import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from conftest import TARGETS, new_city_without_figures
from ruamel.yaml import YAML

HEAD_ZH = ["指标", "年份/期间", "数值", "单位", "来源", "来源标题", "发布单位", "发布日期", "网址", "原文", "备注", "部分年度"]
HEAD_EN = ["indicator", "period", "value", "unit", "source", "source_title", "source_issuer",
           "source_date", "source_url", "quote", "note", "partial"]
MOVED_SOURCE = "lyd-2025-10-16-sti-14th"  # its observations and the source itself go to the table
ROWS = 20


def _split(tmp_path: Path) -> tuple[Path, list[list]]:
    """A copy of the targets where 20 Luoyang observations (all of one source, which is
    removed too, and others) are taken out of the measured file and returned as table rows."""
    folder = tmp_path / "targets"
    shutil.copytree(TARGETS, folder)
    path = folder / "luoyang.measured.yaml"
    yaml = YAML(typ="rt")
    doc = yaml.load(path.read_text(encoding="utf-8"))
    src = {s["id"]: s for s in doc["sources"]}
    moved = [o for o in doc["observations"] if o["source"] == MOVED_SOURCE]
    # then the newest figures of indicators that have targets, so the verdicts depend on them
    targeted = {t["indicator"] for t in YAML(typ="safe").load(
        (folder / "luoyang.yaml").read_text(encoding="utf-8"))["targets"]}
    rest = [o for o in doc["observations"] if o["source"] != MOVED_SOURCE and o["indicator"] in targeted]
    moved += sorted(rest, key=lambda o: str(o["period"]), reverse=True)[: ROWS - len(moved)]
    assert len(moved) == ROWS and len(moved) > 5
    rows = []
    for o in moved:
        s = src[o["source"]]
        new = o["source"] == MOVED_SOURCE
        rows.append([o["indicator"], str(o["period"]), o["value"], o["unit"], o["source"],
                     s["title"] if new else "", s["issuer"] if new else "",
                     s["date"] if new else "", s["url"] if new else "", o["quote"],
                     o.get("note") or "", "是" if o["partial"] else "否"])
    keep = [o for o in doc["observations"] if all(o is not m for m in moved)]
    doc["observations"].clear()
    doc["observations"].extend(keep)
    doc["sources"] = [s for s in doc["sources"] if s["id"] != MOVED_SOURCE]
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(doc, fh)
    return folder, rows


def _write_csv(path: Path, rows: list[list]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEAD_ZH)
        w.writerows([[r[0], r[1], str(r[2]), *(str(x) for x in r[3:])] for r in rows])


def _write_xlsx(path: Path, rows: list[list], head=HEAD_EN) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(head)
    for r in rows:
        day = datetime.combine(r[7], datetime.min.time()) if r[7] else None
        period = int(r[1]) if r[1].isdigit() else r[1]
        sheet.append([r[0], period, r[2], *r[3:7], day, *r[8:11], len(r) > 11 and r[11] == "是"])
    book.save(path)


def _verdicts(invoke, folder: Path) -> list[tuple]:
    res = invoke("check", "luoyang", "-f", "json", "--targets-dir", str(folder))
    assert res.exit_code in (0, 1), res.stderr
    doc = json.loads(res.stdout)
    return [(r["id"], r["status"], r["percent_to_goal"],
             r["latest"] and (r["latest"]["period"], r["latest"]["value"])) for r in doc["results"]]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_import_reproduces_the_bundled_verdicts(tmp_path, invoke, kind):
    folder, rows = _split(tmp_path)
    bundled = _verdicts(invoke, TARGETS)
    assert _verdicts(invoke, folder) != bundled  # the 20 rows matter
    table = tmp_path / f"rows.{kind}"
    (_write_csv if kind == "csv" else _write_xlsx)(table, rows)
    res = invoke("import", str(table), "--city", "luoyang", "--targets-dir", str(folder))
    assert res.exit_code == 0, res.stderr
    assert f"{ROWS} observation(s) added" in res.stderr and MOVED_SOURCE in res.stderr
    assert _verdicts(invoke, folder) == bundled
    written = (folder / "luoyang.measured.yaml").read_bytes()
    again = invoke("import", str(table), "--city", "luoyang", "--targets-dir", str(folder))
    assert again.exit_code == 0 and f"{ROWS} already recorded" in again.stderr
    assert (folder / "luoyang.measured.yaml").read_bytes() == written


def _snapshot(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def _bad_import(invoke, tmp_path, table: Path):
    folder = tmp_path / "targets"
    if not folder.exists():
        shutil.copytree(TARGETS, folder)
    before = _snapshot(folder)
    res = invoke("import", str(table), "--city", "luoyang", "--targets-dir", str(folder))
    assert res.exit_code == 2, res.stderr
    assert "Traceback" not in res.stderr
    assert _snapshot(folder) == before
    return res.stderr


CELLS = [
    (["rd-intensity", "2025", "１２", "%", "ly-sti-plan", "q"], ":2:3: error: 数值: '１２' has full-width characters"),
    (["rd-intensity", "２０２５", "12", "%", "ly-sti-plan", "q"], ":2:2: error: 年份: period '２０２５' has full-width"),
    (["tech-contract-turnover", "2025", "1,520", "亿元", "ly-sti-plan", "q"], ":2:3: error: 数值: '1,520' has thousands separators: write 1520"),
    (["rd-intensity", "2025", "", "%", "ly-sti-plan", "q"], ":2:3: error: 数值: empty required cell"),
    (["rd-intensity", "2025", "3", "%", "ly-sti-plan", ""], ":2:6: error: 原文: empty required cell"),
    (["rd-intensty", "2025", "3", "%", "ly-sti-plan", "q"], ":2:1: error: 指标: unknown indicator 'rd-intensty' (did you mean 'rd-intensity'?)"),
    (["rd-intensity", "2025", "3", "吨煤", "ly-sti-plan", "q"], ":2:4: error: 单位: unknown unit '吨煤'"),
    (["rd-intensity", "2025", "3", "件", "ly-sti-plan", "q"], ":2:4: error: 单位: unit '件' measures another kind"),
    (["rd-intensity", "2025", "3", "%", "ly-sti-pln", "q"], ":2:5: error: 来源: unknown source id 'ly-sti-pln' (did you mean 'ly-sti-plan'?)"),
    (["rd-intensity", "2025-13", "3", "%", "ly-sti-plan", "q"], ":2:2: error: 年份: period '2025-13'"),
]


@pytest.mark.parametrize(("row", "message"), CELLS, ids=[c[1][7:40] for c in CELLS])
def test_every_bad_cell_is_reported_and_nothing_written(tmp_path, invoke, row, message):
    table = tmp_path / "bad.csv"
    good = ["high-tech-enterprises", "2025", "1", "家", "ly-sti-plan", "企业1家"]
    table.write_text("指标,年份,数值,单位,来源,原文\n" + ",".join(f'"{c}"' for c in row) + "\n"
                     + ",".join(good) + "\n", encoding="utf-8")
    err = _bad_import(invoke, tmp_path, table)
    assert f"{table}{message}" in err
    assert len(err.strip().splitlines()) == 1  # the good row has nothing to report


def test_gbk_csv_says_how_to_convert(tmp_path, invoke):
    table = tmp_path / "gbk.csv"
    table.write_bytes("指标,年份,数值,来源,原文\nrd-intensity,2025,3,ly-sti-plan,研发\n".encode("gbk"))
    err = _bad_import(invoke, tmp_path, table)
    assert "file is GBK/GB18030, not UTF-8" in err and "iconv -f GB18030 -t UTF-8" in err
    assert "CSV UTF-8" in err


def test_not_a_workbook(tmp_path, invoke):
    table = tmp_path / "fake.xlsx"
    table.write_text("indicator,period\n", encoding="utf-8")
    assert "not an XLSX workbook" in _bad_import(invoke, tmp_path, table)
    old = tmp_path / "old.xlsx"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    assert "old .xls workbook" in _bad_import(invoke, tmp_path, old)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    assert "not a readable XLSX workbook" in _bad_import(invoke, tmp_path, broken)


def test_merged_header_cells(tmp_path, invoke):
    from openpyxl import Workbook

    table = tmp_path / "merged.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["来源", None, "指标", "年份", "数值", "原文"])
    sheet.append(["ly-sti-plan", None, "rd-intensity", 2025, 3, "q"])
    sheet.merge_cells("A1:B1")
    book.save(table)
    err = _bad_import(invoke, tmp_path, table)
    assert f"{table}:1:1: error: merged header cells A1:B1" in err


def test_unknown_and_missing_columns(tmp_path, invoke):
    table = tmp_path / "cols.csv"
    table.write_text("指标,年份,数值,原文,来源,valeu\nrd-intensity,2025,3,q,ly-sti-plan,1\n", encoding="utf-8")
    assert f"{table}:1:6: error: unknown column 'valeu' (did you mean 'value'?)" in _bad_import(invoke, tmp_path, table)
    table.write_text("指标,年份,来源\nrd-intensity,2025,ly-sti-plan\n", encoding="utf-8")
    assert "missing column(s): value, quote" in _bad_import(invoke, tmp_path, table)


def test_future_source_date_in_a_row(tmp_path, invoke):
    table = tmp_path / "future.xlsx"
    rows = [["rd-intensity", "2025", 3, "%", "", "公报", "统计局", datetime(2099, 1, 1).date(),
             "https://example.org/f", "q", ""]]
    _write_xlsx(table, rows)
    assert f"{table}:2:8: error: source_date: date 2099-01-01 is in the future" in \
        _bad_import(invoke, tmp_path, table)


def test_same_row_with_another_value_needs_replace(tmp_path, invoke):
    folder = tmp_path / "targets"
    shutil.copytree(TARGETS, folder)
    table = tmp_path / "t.csv"
    table.write_text("indicator,period,value,source,quote\nrd-intensity,2025,3.6,ft48-2026-02-09-sti-meeting,3.6%\n",
                     encoding="utf-8")
    assert invoke("import", str(table), "--city", "luoyang", "--targets-dir", str(folder)).exit_code == 0
    table.write_text("indicator,period,value,source,quote\nrd-intensity,2025,3.7,ft48-2026-02-09-sti-meeting,3.7%\n",
                     encoding="utf-8")
    assert f"{table}:2:3: error: value: rd-intensity 2025 from source 'ft48-2026-02-09-sti-meeting' is already " \
        "recorded as 3.6 %: use --replace" in _bad_import(invoke, tmp_path, table)
    res = invoke("import", str(table), "--city", "luoyang", "--targets-dir", str(folder), "--replace")
    assert res.exit_code == 0 and "1 replaced" in res.stderr


def test_read_only_measured_file_is_refused(tmp_path, invoke):
    folder = tmp_path / "targets"
    shutil.copytree(TARGETS, folder)
    table = tmp_path / "t.csv"
    table.write_text("indicator,period,value,source,quote\nrd-intensity,2025,3.6,ly-sti-plan,3.6%\n",
                     encoding="utf-8")
    m = folder / "luoyang.measured.yaml"
    m.chmod(0o444)
    try:
        err = _bad_import(invoke, tmp_path, table)
    finally:
        m.chmod(0o644)
    assert f"{m}: error: file is read-only: nothing was written" in err


def test_a_row_whose_quote_lacks_its_value_is_found_at_its_cell_even_for_a_new_file(tmp_path, invoke):
    """Before, a quote without its number (and a future period) was reported against the
    measured file, which the import was about to create: the row and cell are the place."""
    folder = tmp_path / "targets"
    folder.mkdir()
    new_city_without_figures(invoke, folder)
    table = tmp_path / "rows.csv"
    table.write_text("indicator,period,value,unit,quote,source,source_title,source_issuer,"
                     "source_date,source_url\n"
                     "firms,2025,12,家,企业十二家,b1,公报,统计局,2026-03-01,https://e.org/1\n"
                     "firms,2025,13,家,企业十二家,b2,公报,统计局,2026-03-01,https://e.org/2\n"
                     "firms,2099,14,家,企业14家,b3,公报,统计局,2026-03-01,https://e.org/3\n",
                     encoding="utf-8")
    res = invoke("import", str(table), "--city", "jc", "--targets-dir", str(folder))
    assert res.exit_code == 2
    lines = res.stderr.strip().splitlines()
    assert lines == [f"{table}:3:5: error: quote: the quote does not contain the value 13: quote "
                     "the words that state it ('企业十二家') [quote-number]",
                     f"{table}:4:2: error: period: period 2099 is in the future [bad-period]"]
    assert not (folder / "jc.measured.yaml").exists()
