"""--replace changes only the lines of the values that change: the item's comments, its note
and keys planck does not set stay byte for byte (record and import, through the CLI)."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from conftest import TARGETS

SOURCE = "example-org-2026-03-30"
FIRST = ("luoyang", "rd-intensity", "2025", "3.6", "--quote", "研发投入强度达3.6%",
         "--title", "2025年洛阳市统计公报", "--issuer", "洛阳市统计局", "--date", "2026-03-30",
         "--url", "https://example.org/ly-2025")


def _annotated(tmp_path: Path, invoke) -> tuple[Path, Path]:
    """A copy of the targets with one recorded figure whose item the user then annotated: a
    comment after the value, a comment line, a note and a pin."""
    folder = tmp_path / "targets"
    shutil.copytree(TARGETS, folder)
    assert invoke("record", *FIRST, "--targets-dir", str(folder)).exit_code == 0
    m = folder / "luoyang.measured.yaml"
    text = m.read_text(encoding="utf-8")
    head, item = text.rsplit("  - indicator: rd-intensity\n", 1)
    assert "value: 3.6\n" in item and f"source: {SOURCE}" in item
    item = item.replace("value: 3.6\n", "value: 3.6  # checked by 王\n")
    item = item.rstrip("\n") + "\n    # 待年报核实\n    note: '初步数据'\n"
    m.write_text(head + "  - indicator: rd-intensity\n" + item, encoding="utf-8")
    return folder, m


def _changed(old: str, new: str) -> list[tuple[list[str], list[str]]]:
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    return [(a[i1:i2], b[j1:j2]) for op, i1, i2, j1, j2
            in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op != "equal"]


def test_record_replace_keeps_comments_and_note(tmp_path, invoke):
    folder, m = _annotated(tmp_path, invoke)
    before = m.read_text(encoding="utf-8")
    res = invoke("record", "luoyang", "rd-intensity", "2025", "3.7", "--quote", "研发投入强度达3.7%",
                 "--source", SOURCE, "--replace", "--targets-dir", str(folder))
    assert res.exit_code == 0, res.stderr
    assert "1 replaced" in res.stderr
    after = m.read_text(encoding="utf-8")
    assert _changed(before, after) == [
        (["    value: 3.6  # checked by 王\n"], ["    value: 3.7  # checked by 王\n"]),
        (["    quote: 研发投入强度达3.6%\n"], ["    quote: 研发投入强度达3.7%\n"])]
    assert after.endswith("    # 待年报核实\n    note: '初步数据'\n")


def test_replace_with_a_note_says_which_note_it_replaced(tmp_path, invoke):
    folder, m = _annotated(tmp_path, invoke)
    before = m.read_text(encoding="utf-8")
    res = invoke("record", "luoyang", "rd-intensity", "2025", "3.6", "--quote", "研发投入强度达3.6%",
                 "--source", SOURCE, "--note", "年报数据", "--replace", "--targets-dir", str(folder))
    assert res.exit_code == 0, res.stderr
    assert "the old one was: 初步数据" in res.stderr
    assert _changed(before, m.read_text(encoding="utf-8")) == [
        (["    note: '初步数据'\n"], ["    note: '年报数据'\n"])]


def test_import_replace_keeps_comments_and_note(tmp_path, invoke):
    folder, m = _annotated(tmp_path, invoke)
    before = m.read_text(encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text(f"indicator,period,value,source,quote\nrd-intensity,2025,3.8,{SOURCE},达3.8%\n",
                     encoding="utf-8")
    res = invoke("import", str(table), "--city", "luoyang", "--replace", "--targets-dir", str(folder))
    assert res.exit_code == 0, res.stderr
    assert _changed(before, m.read_text(encoding="utf-8")) == [
        (["    value: 3.6  # checked by 王\n"], ["    value: 3.8  # checked by 王\n"]),
        (["    quote: 研发投入强度达3.6%\n"], ["    quote: 达3.8%\n"])]


SPANS = [
    ("k: 2.5  # c\n", (0, 1, "  # c\n")),
    ("k: 2.5\n", (0, 1, "\n")),
    ("k: 'it''s' # c\n", (0, 1, " # c\n")),
    ('k: "a \\" #b"  # c\n', (0, 1, "  # c\n")),
    ("k: 'two\n  lines'   # c\n", (0, 2, "   # c\n")),
    ("k: plain\n  more # c\n", (0, 2, " # c\n")),
    ("k: plain\n  # a comment line, not the value\n", (0, 1, "\n")),
    ("k: a#b\n", (0, 1, "\n")),
]


@pytest.mark.parametrize(("text", "want"), SPANS)
def test_value_span_ends_where_the_scalar_does(text, want):
    from planck.read.loader import parse
    from planck.write.fields import value_span

    doc = parse("planck: 1\n" + text, "x").data
    lines = ("planck: 1\n" + text).splitlines(keepends=True)
    start, end, col, tail = value_span(lines, doc, "k")
    assert (start - 1, end - 1, tail) == want and col == 3


@pytest.mark.parametrize("item", [
    "  - indicator: rd-intensity\n    period: 2025\n    value: 2\n    unit: '%'\n    source: s1\n"
    "    quote: q 2",  # the file's last line, without a line end, changes and gets a note after it
    "  - {indicator: rd-intensity, period: 2025, value: 2, unit: '%', source: s1, quote: q 2}\n",
])
def test_replace_in_the_last_line_or_a_flow_item(item):
    from datetime import date

    from planck.read.dataset import read_targets
    from planck.read.loader import parse
    from planck.write.entries import NewObservation
    from planck.write.record import plan_edit
    from planck.write.yamledit import Number

    tf, _ = read_targets(TARGETS / "luoyang.yaml")
    base = "planck: 1\ncity: luoyang\nsources:\n  - id: s1\n    title: t\n    issuer: i\n" \
        "    date: 2026-01-01\n    url: https://e.org\nobservations:\n"
    obs = NewObservation("rd-intensity", 2025, Number("3"), "%", "s1", "q 3", False, note="年报")
    edit = plan_edit(base + item, "x", tf, [obs], [], replace=True, today=date(2026, 11, 30))
    assert edit.text.startswith(base)
    (got,) = parse(edit.text, "x").data["observations"]
    assert (got["value"], got["quote"], got["note"]) == (3, "q 3", "年报")
