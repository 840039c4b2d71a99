"""The compact terminal table: one line per target at 80 columns, words never broken, more
columns as the terminal widens, verdicts first within each plan."""

from __future__ import annotations

import json
import re

import pytest
from conftest import TARGETS
from rich.cells import cell_len  # an independent measure of terminal cells

from planck.render.context import STATUS_LABEL, STATUS_SYMBOL, Context

ELLIPSIS = "…"
VERDICTS_FIRST = ["missed", "off_track", "regressing", "behind", "on_track", "met",
                  "not_assessable", "no_data"]


def _slice(line: str, start: int, width: int) -> str:
    """The characters of ``line`` that occupy terminal cells [start, start + width)."""
    out, pos = [], 0
    for ch in line:
        w = cell_len(ch)
        if start <= pos and pos + w <= start + width:
            out.append(ch)
        pos += w
    return "".join(out).strip()


def _whole_words(cell: str, full: str) -> bool:
    """``cell`` is ``full``, or a prefix of it cut at a word boundary followed by ``…``."""
    if cell == full:
        return True
    if not cell.endswith(ELLIPSIS):
        return False
    head = cell[:-1]
    if not full.startswith(head):
        return False
    if not head:
        return True
    nxt, last = full[len(head)], head[-1]
    return (not nxt.isalnum() or not last.isalnum() or cell_len(nxt) == 2 or cell_len(last) == 2)


def _run(invoke, width: int, *extra: str, lang: str = "en"):
    res = invoke("check", "luoyang", "--targets-dir", str(TARGETS), "--lang", lang, *extra,
                 env={"COLUMNS": str(width)})
    assert res.exit_code in (0, 1), res.stderr
    doc = json.loads(invoke("check", "luoyang", "--targets-dir", str(TARGETS), "-f",
                            "json").stdout)
    return res.stdout, doc


def _layout(doc_width: int, lang: str = "en", wide: bool = False):
    """Column widths the renderer chose, to cut each printed line into its cells."""
    from planck.judge.batch import evaluate_cities
    from planck.render.cells import id_prefix
    from planck.render.table import gap, layout

    [report], findings = evaluate_cities(["luoyang"], TARGETS, [], None)
    assert not findings
    ctx = Context(lang=lang, width=doc_width, wide=wide)
    prefix = id_prefix([r.id for r in report.results])
    return layout(report.results, ctx, prefix), len(gap(ctx)), report


def _rows(out: str, doc: dict, width: int, lang: str = "en"):
    """The printed target rows, each cut into {column: cell text}, matched to its result."""
    cols, gap, _ = _layout(width, lang)
    lines = out.splitlines()
    by_line = []
    for line in lines:
        cells, pos = {}, 0
        for col, w in cols:
            cells[col.key] = _slice(line, pos, w if col.key != "status" else 99)
            pos += w + gap
        by_line.append((line, cells))
    statuses = {f"{STATUS_SYMBOL[s]} {STATUS_LABEL[lang][s]}": s for s in STATUS_LABEL[lang]}
    rows = [(ln, c) for ln, c in by_line if c["status"].rstrip(" !") in statuses]
    return lines, rows, statuses


@pytest.mark.parametrize("width", [80, 120, 200])
def test_one_line_per_target_and_no_word_broken(invoke, width):
    out, doc = _run(invoke, width)
    results = doc["results"]
    lines, rows, statuses = _rows(out, doc, width)
    assert len(rows) == len(results)
    assert len(lines) - len(rows) <= 13, "at most 13 lines of header, groups, summary, categories"
    assert all(cell_len(ln) <= width for ln in lines), "nothing wider than the terminal"
    names = {r["name_en"] for r in results}
    ids = {r["id"].removeprefix("ly-") for r in results}
    for line, cells in rows:
        assert _names_one_id(cells["id"], ids, line), (line, cells["id"])
        assert _whole_cell(cells["indicator"], names), (line, cells["indicator"])
        for key, text in cells.items():
            assert not re.search(r"\w…\w", text)
            if text.endswith(ELLIPSIS):
                assert text == ELLIPSIS or not text[-2].isspace(), (key, text)
    # Verdicts come first: the statuses, read down each plan's group, follow the order.
    plans = tuple(f"{p['id']} ·" for p in doc["plans"])
    status_of = {ln: statuses[c["status"].rstrip(" !")] for ln, c in rows}
    groups: list[list[int]] = []
    for ln in lines:
        if ln.startswith(plans):
            groups.append([])
        elif ln in status_of:
            groups[-1].append(VERDICTS_FIRST.index(status_of[ln]))
    assert len(groups) == len(doc["plans"]) and sum(map(len, groups)) == len(rows)
    assert all(order == sorted(order) for order in groups)
    printed = sorted(statuses[c["status"].rstrip(" !")] for _, c in rows)
    assert printed == sorted(r["status"] for r in results)


@pytest.mark.parametrize("width", [50, 55, 60, 65, 70, 75, 79])
def test_a_narrow_terminal_gives_up_columns_not_lines(invoke, width):
    """Below 80 columns the bar, then the indicator, then the status words go (in that order);
    every line still fits and every target keeps one line with its percent and status mark."""
    out, doc = _run(invoke, width)
    lines = out.splitlines()
    assert all(cell_len(ln) <= width for ln in lines), [ln for ln in lines if cell_len(ln) > width]
    marks = {STATUS_SYMBOL[s] for s in STATUS_LABEL["en"]}
    rows = [ln for ln in lines if ln.rstrip(" !").split(" ")[-1] in marks
            or any(ln.rstrip(" !").endswith(f"{STATUS_SYMBOL[s]} {STATUS_LABEL['en'][s]}")
                   for s in STATUS_LABEL["en"])]
    assert len(rows) == len(doc["results"])
    percents = {f"{r['percent_to_goal']:.0f}%" for r in doc["results"]
                if r["percent_to_goal"] is not None}
    assert all(any(p in ln for p in percents) or "—" in ln for ln in rows)
    heads = lines[1].split()
    cols, _, _ = _layout(width)
    keys = [c.key for c, _ in cols]
    # what is given up goes in the documented order: never the indicator before the bar
    assert not ("indicator" in keys and "bar" not in keys and "percent" not in keys)
    if "indicator" not in keys:
        assert "bar" not in keys and "percent" in keys
    if "mark" in keys:
        assert "indicator" not in keys and "status" not in heads


def _whole_cell(cell: str, candidates: set[str]) -> bool:
    return any(_whole_words(cell, full) for full in candidates)


def _names_one_id(cell: str, ids: set[str], line: str) -> bool:
    """An id is a handle, not prose: whole, or a beginning of exactly one id plus an ellipsis
    (so `planck explain` can take it as printed), or a whole-word cut when the column is too
    narrow even for that."""
    if cell in ids:
        return True
    stem = cell.removesuffix(ELLIPSIS)
    begun = [i for i in ids if i.startswith(stem)]
    return bool(begun) and cell.endswith(ELLIPSIS) and (len(begun) == 1 or _whole_cell(cell, ids))


def test_a_cut_id_names_one_target_for_explain(invoke):
    """At 80 columns a cut id still names one target, and explain takes it as printed."""
    out, doc = _run(invoke, 80)
    _, rows, _ = _rows(out, doc, 80)
    cut_ids = [c["id"] for _, c in rows if c["id"].endswith(ELLIPSIS)]
    ids = {r["id"].removeprefix("ly-") for r in doc["results"]}
    unique = [c for c in cut_ids if len([i for i in ids if i.startswith(c[:-1])]) == 1]
    assert unique and any(not _whole_cell(c, ids) for c in unique)
    for cell in unique[:5]:
        res = invoke("explain", "luoyang", cell, "--targets-dir", str(TARGETS))
        assert res.exit_code == 0, res.stderr
        full = next(i for i in ids if i.startswith(cell[:-1]))
        assert res.stdout.startswith(f"ly-{full}:")


def test_wider_terminals_show_more_columns(invoke):
    heads, cuts = {}, {}
    for width in (80, 120, 200):
        out, _ = _run(invoke, width)
        cuts[width] = out.count(ELLIPSIS)
        # a narrow table heads its percent column '%', a wider one 'to goal': one column
        words = out.splitlines()[1].split()
        heads[width] = [w for x in words for w in (("to", "goal") if x == "%" else (x,))]
    assert {"id", "indicator", "latest", "target", "status"} <= set(heads[80])
    assert "baseline" not in heads[80] and "plan" not in heads[80]
    # more room shows more columns, or the same columns cut less (Luoyang's long ids and
    # targets take 120 columns whole before a further column fits)
    assert set(heads[80]) <= set(heads[120]) < set(heads[200])
    assert set(heads[80]) < set(heads[120]) or cuts[80] > cuts[120]
    assert {"baseline", "expected", "due", "attribute", "plan"} <= set(heads[200])


def test_wide_forces_every_column_uncut(invoke):
    out, doc = _run(invoke, 80, "--wide")
    head = out.splitlines()[1].split()
    assert {"baseline", "expected", "due", "attribute", "plan"} <= set(head)
    body = "\n".join(out.splitlines()[3:])
    for r in doc["results"]:
        assert r["name_en"] in body and r["id"].removeprefix("ly-") in body


def test_chinese_table_has_no_english_line(invoke):
    out, doc = _run(invoke, 80, lang="zh")
    lines, rows, _ = _rows(out, doc, 80, "zh")
    assert len(rows) == len(doc["results"]) and len(lines) - len(rows) <= 13
    assert "Luoyang" not in out and "Fiscal" not in out
    assert "高新技术企" in out  # cut at a character with an ellipsis at 80 columns


def test_summary_separator_is_not_a_status_glyph(invoke):
    for width in (80, 200):  # symbols only, or symbols and words
        out, _ = _run(invoke, width)
        summary = [ln for ln in out.splitlines() if "targets:" in ln]
        assert summary and "· ·" not in out and ", · " in summary[-1]


def test_plans_are_groups_with_a_summary_each(invoke, monkeypatch):
    from conftest import ROOT

    golden = ROOT / "tests" / "golden"
    res = invoke("check", "goldcity", "--targets-dir", str(golden), "--as-of", "2024-06-30",
                 env={"COLUMNS": "80"})
    lines = res.stdout.splitlines()
    groups = [i for i, ln in enumerate(lines) if ln.startswith(("gc-14th ·", "gc-2023 ·"))]
    assert len(groups) == 2
    # Each group ends with its own count line, and the whole city gets a total.
    assert lines[groups[1] - 1].strip().startswith("11 targets:")
    assert any(ln.startswith("all plans, 12 targets:") for ln in lines)


def test_data_strings_cannot_drive_the_terminal():
    from dataclasses import replace

    from test_render import REPORT

    from planck.render import get

    bad = replace(REPORT, name_en="Evil\x1b]0;pwned\x07 city",
                  results=tuple(replace(r, name_en="a\x1b[2Jb\u202ec", id="t-\x1b[31mx")
                                for r in REPORT.results))
    out = get("table")([bad], Context(width=120))
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out


def test_zero_column_terminal_still_gets_a_table(monkeypatch):
    import os
    import sys

    from planck.cli import common

    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(os, "get_terminal_size", lambda *a: os.terminal_size((0, 0)))
    assert common._width() == 80
    monkeypatch.setenv("COLUMNS", "0")
    assert common._width() == 80


def test_cut_never_breaks_a_word():
    from planck.render.fit import cut

    assert cut("High-tech industry share", 15) == "High-tech…"
    assert cut("Technology contract turnover", 10) == ELLIPSIS
    assert cut("全社会研发经费投入强度", 9) == "全社会研…"
    assert cut("short", 10) == "short"


def test_readme_example_is_what_planck_prints(invoke):
    """The README shows `planck check luoyang --assessed` at 80 columns; if the data changes,
    paste the new output: COLUMNS=80 planck check luoyang --assessed."""
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```\n(洛阳市 Luoyang · as of .*?)```", readme, re.S)
    assert block
    res = invoke("check", "luoyang", "--targets-dir", str(TARGETS), "--assessed",
                 env={"COLUMNS": "80"})
    assert res.stdout == block.group(1)


@pytest.mark.parametrize("width", [80, 100, 120])
def test_short_ids_are_cut_at_a_word_not_to_a_letter(invoke, width):
    """A city whose ids differ in their first letter still shows whole words of them
    (``high-tech…``, not ``h…``) while optional columns are added."""
    res = invoke("check", "pingdingshan", "--targets-dir", str(TARGETS),
                 env={"COLUMNS": str(width)})
    doc = json.loads(invoke("check", "pingdingshan", "--targets-dir", str(TARGETS), "-f",
                            "json").stdout)
    ids = [r["id"].removeprefix("pds-") for r in doc["results"]]
    rows = [ln.split()[0] for ln in res.stdout.splitlines()
            if ln.split() and ln.split()[0].removesuffix(ELLIPSIS) and
            any(i.startswith(ln.split()[0].removesuffix(ELLIPSIS)) for i in ids)]
    assert len(rows) == len(ids)
    for cell in rows:
        stem = cell.removesuffix(ELLIPSIS)
        whole = next(i for i in ids if i.startswith(stem))
        assert cell == whole or whole[len(stem)] == "-", (cell, whole)


def test_explain_names_every_target_an_ambiguous_cut_id_begins(invoke):
    res = invoke("explain", "luoyang", "cluster…", "--targets-dir", str(TARGETS))
    assert res.exit_code == 2 and res.stdout == ""
    line, = res.stderr.splitlines()
    doc = json.loads(invoke("check", "luoyang", "--targets-dir", str(TARGETS), "-f",
                            "json").stdout)
    begun = [r["id"] for r in doc["results"] if r["id"].startswith("ly-cluster")]
    assert len(begun) > 1 and all(i in line for i in begun)
