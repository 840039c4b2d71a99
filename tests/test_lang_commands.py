"""``--lang zh`` on the commands that print words besides the reports: ``list``, ``validate``'s
summary and ``check``'s filter and gate lines on stderr."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, TARGETS

GOLDEN = ROOT / "tests" / "golden"
GOLD = ("--targets-dir", str(GOLDEN), "--as-of", "2024-06-30")


def _words(text: str, keep: tuple[str, ...] = ()) -> list[str]:
    """ASCII words left once paths, ids (lower-case with digits or hyphens), option names and
    ``keep`` are taken out."""
    text = re.sub(r"(?:/|\.{0,2}/)?[\w.-]*/[\w./-]*", " ", text)  # paths
    text = re.sub(r"--[a-z-]+", " ", text)
    text = re.sub(r"(?<![A-Za-z0-9_-])[a-z0-9]+(?:-[a-z0-9]+)+(?![A-Za-z0-9_-])", " ", text)
    for k in keep:
        text = re.sub(rf"(?<![A-Za-z0-9_-]){re.escape(k)}(?![A-Za-z0-9_-])", " ", text)
    return re.findall(r"[A-Za-z]+", text)


@pytest.mark.parametrize("command", ["check", "explain", "list", "validate", "diff", "report",
                                     "compare", "export", "site"])
def test_every_command_that_prints_words_takes_lang(invoke, command):
    res = invoke(command, "--help")
    assert res.exit_code == 0 and "--lang" in res.stdout, command


def test_list_in_chinese(invoke):
    zh = invoke("list", "--targets-dir", str(TARGETS), "--lang", "zh")
    assert zh.exit_code == 0
    assert "洛阳市：" in zh.stdout and "项目标" in zh.stdout and "条观测数据" in zh.stdout
    ids = tuple(re.findall(r"^ {2}(\S+)", zh.stdout, re.M))
    assert "luoyang" in ids
    assert _words(zh.stdout, ids) == []
    en = invoke("list", "--targets-dir", str(TARGETS)).stdout
    assert re.search(r"洛阳市 Luoyang: \d+ targets, \d+ observations", en)
    assert invoke("list", "--lang", "fr").exit_code == 2


def test_validate_summary_in_chinese(invoke, seeds):
    zh = invoke("validate", str(TARGETS), "--sources", str(seeds), "--lang", "zh")
    assert zh.exit_code == 0, zh.output
    summary = "".join(x for x in zh.stderr.splitlines(keepends=True) if ": warning: " not in x)
    assert re.fullmatch(r"planck：\d+ 个文件有效；\d+ 条原文在来源文件中逐字核对无误，\d+ 条未核对"
                        r"（其来源在此处没有 'file:'）\n", summary)
    assert invoke("validate", str(TARGETS), "--lang", "fr").exit_code == 2
    en = invoke("validate", str(TARGETS), "--sources", str(seeds))
    assert re.fullmatch(r"planck: \d+ file\(s\) valid; \d+ quote\(s\) verified verbatim in the "
                        r"source documents, \d+ not checked \(their source has no 'file:' "
                        r"there\)\n",
                        "".join(x for x in en.stderr.splitlines(keepends=True)
                                if ": warning: " not in x))


def test_check_stderr_lines_in_chinese(invoke):
    zh = invoke("check", "goldcity", *GOLD, "--lang", "zh", "--hide", "missed,no_data")
    assert zh.exit_code == 1
    lines = zh.stderr.splitlines()
    assert lines[0] == "planck：显示 12 项目标中的 9 项（--hide missed,no_data）"
    assert lines[1] == ("planck：1 项目标的状态属于 --fail-on（未达成），其中 1 项被筛选隐藏"
                        "（筛选不会让失败逃过门禁）")
    en = invoke("check", "goldcity", *GOLD, "--hide", "missed,no_data")
    assert en.stderr.splitlines() == [
        "planck: showing 9 of 12 target(s) (--hide missed,no_data)",
        "planck: 1 target(s) with status in --fail-on (missed), 1 of them hidden by the filter "
        "(a filter never hides a failure from the gate)"]


def test_export_in_chinese_gives_the_reasons_in_chinese(invoke, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "gc.xlsx"
    res = invoke("export", "goldcity", *GOLD, "-o", str(out), "--lang", "zh")
    assert res.exit_code == 0, res.stderr
    sheets = [s for s in load_workbook(out).worksheets if s.title != "sources"]
    head = [c.value for c in sheets[0][1]]
    assert "进度 %" in head and "完成度 %" not in head  # 进度, never 完成度 (docs/methodology.md)
    reasons = [row[head.index("说明")].value for s in sheets for row in s.iter_rows(min_row=2)]
    assert reasons and "最终结论" in reasons
    assert not any(re.search(r"[A-Za-z]{3,}", r) for r in reasons), reasons


def test_the_flags_have_one_chinese_name_everywhere():
    # the table's legend, the reports, explain and the site say the same 数据陈旧 / 逾期未公布 …
    from planck.render.context import LABELS
    from planck.render.explain_words import ROWS
    from planck.render.table import HEAD
    from planck.site.labels import LABELS as SITE

    zh = LABELS["zh"]
    assert HEAD["zh"]["stale"] == zh["stale"]
    for key in ("stale", "overdue", "provisional"):
        assert SITE["zh"][key] == ROWS["zh"][key] == zh[key], key
    assert (SITE["zh"]["binding"], SITE["zh"]["expected"]) == (zh["binding"], zh["expected_attr"])
