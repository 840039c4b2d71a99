"""planck harvest: figures from real published texts scored against hand labels, texts it was
not tuned on, what is not a figure, PDF reading, and the JSON interface checks read."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from pdfmake import pdf

from planck.extract.reading import read_bytes, read_path
from planck.harvest.run import run
from planck.harvest.score import Score, score

EXAMPLES = ROOT / "tests" / "harvest_texts"
LABELLED = sorted((EXAMPLES / "labelled").glob("*.txt"))
UNSEEN = sorted((EXAMPLES / "unseen").glob("*.txt"))


def _label(path: Path) -> dict:
    return yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))


def _score(path: Path) -> tuple[Score, list]:
    lab = _label(path)
    day = date.fromisoformat(str(lab["date"])) if lab.get("date") else None
    _, hv = run(read_path(path), lab.get("year"), day)
    found = [(f.value, f.unit, f.period) for f in hv.figures]
    return score(found, [tuple(x[:3]) for x in lab["figures"]]), hv.figures


def _total(paths: list[Path]) -> Score:
    total = Score(0, 0, 0)
    for p in paths:
        total = total + _score(p)[0]
    return total


@pytest.mark.parametrize("path", LABELLED, ids=lambda p: p.stem)
def test_labelled_text(path):
    s, figures = _score(path)
    assert s.recall >= 0.9 and s.precision >= 0.9, s.line(path.name)
    assert s.wrong_periods == 0, s.line(path.name)
    lines = path.read_text(encoding="utf-8").split("\n")
    for f in figures:  # every quote is verbatim on the line it names
        assert f.quote in lines[f.line - 1], (f.quote, f.line)
        assert isinstance(f.period, str)


def test_labelled_texts_together_and_their_sources():
    assert len(LABELLED) >= 5
    s = _total(LABELLED)
    assert s.recall >= 0.9 and s.precision >= 0.9 and s.wrong_periods == 0, s.line("labelled")
    for path in LABELLED + UNSEEN:
        lab = _label(path)
        assert lab["source"]["url"].startswith("http"), path  # every text names where it is from


def test_unseen_texts_keep_their_measured_score():
    """Texts labelled before harvest was first run on them and never tuned on. The floor is
    the score measured when they were added (docs/harvest.md says it), so a change that loses
    a figure on them fails; raise the floor when a general rule finds more."""
    s = _total(UNSEEN)
    assert s.matched >= 36 and s.found - s.matched <= 5, s.line("unseen")
    assert s.wrong_periods == 0, s.line("unseen")


def _figs(text: str, year: int | None = 2024, day: date | None = None):
    return run(read_bytes(text.encode("utf-8")), year, day)[1].figures


@pytest.mark.parametrize("text", [
    "2026年预期目标：地区生产总值增长5%左右，研发投入强度达到2.5%。",
    "力争全年新增高新技术企业50家以上、科技型中小企业突破800家。",
    "到2030年，高新技术企业达到2000家。",
    "全市入选第一批名单，排名第3位，居全省前10名。",
    "实施十大工程，“三个一批”项目建设活动第13期，建党100周年。",
    "CR929型号，附注[2]，5月24日，2024年。",
    "在全省18个省辖市中排名第1位，增速高于全国0.2个百分点。",
    "力争实现1—2个突破，增长5%—6%。",
])
def test_not_figures(text):
    assert _figs(text) == []


def test_a_paragraph_printed_twice_gives_its_figures_once():
    para = "去年我市研究与试验发展经费投入176.27亿元，比上年增长8.2%。"
    figs = _figs(f"{para}\n开栏语\n{para}\n", None, date(2025, 10, 29))
    assert [(f.value, f.unit, f.period, f.kind) for f in figs] == [
        (176.27, "亿元", "2024", "level"), (8.2, "%", "2024", "growth")]


@pytest.mark.parametrize(("text", "want"), [
    ("全市高新技术企业3000余家。", (3000, "家", "lower", "level")),
    ("科技型中小企业突破1.5万家。", (1.5, "万家", "lower", "level")),
    ("高新技术企业近1300家。", (1300, "家", "upper", "level")),
    ("研发人员不足5000人。", (5000, "人", "upper", "level")),
    ("创新平台100多家。", (100, "家", "lower", "level")),
    ("研发投入强度为2.61％。", (2.61, "%", None, "share")),
    ("规上工业增加值下降3.2%。", (-3.2, "%", None, "growth")),
    ("比重提高0.5个百分点。", (0.5, "百分点", None, "growth")),
])
def test_value_unit_bound_kind(text, want):
    (f,) = _figs(text)
    assert (f.value, f.unit, f.bound, f.kind) == want


@pytest.mark.parametrize(("text", "year", "day", "period"), [
    ("1—10月，技术合同成交额85亿元。", 2025, None, "2025-10"),
    ("前三季度，技术合同成交额85亿元。", 2025, None, "2025-09"),
    ("上半年，技术合同成交额85亿元。", None, date(2025, 8, 1), "2025-06"),
    ("“十四五”期间，累计新增高新技术企业900家。", None, None, "2021-2025"),
    ("五年累计投入研发经费300亿元。", 2025, None, "2021-2025"),
    ("全年技术合同成交额85亿元。", 2025, None, "2025"),
    ("今年技术合同成交额85亿元。", None, date(2025, 12, 30), "2025"),
    ("去年技术合同成交额85亿元。", None, date(2026, 1, 20), "2025"),
    ("目前全市高新技术企业达44家。", None, date(2020, 1, 14), "2020-01"),
    ("2023年技术合同成交额85亿元，比2022年增长10%。", 2025, None, "2023"),
])
def test_periods(text, year, day, period):
    figs = _figs(text, year, day)
    assert figs and figs[0].period == period


def test_no_period_is_guessed():
    # 由A提高到B in a five-year sentence: B's year is not written, so B is left out.
    figs = _figs("五年来，研发投入强度由“十三五”末的2.82%提高至3.47%。", None, date(2025, 10, 16))
    assert [(f.value, f.period) for f in figs] == [(2.82, "2020")]
    assert _figs("技术合同成交额85亿元。", None, None) == []  # no year anywhere


def test_estimate_and_subject_carried():
    (a, b) = _figs("预计全年研发经费投入120亿元，增长9%。", 2025)
    assert a.estimate and b.estimate and b.name == a.name and b.kind == "growth"
    (x, y) = _figs("目前，全市拥有各类创新平台载体782家，其中省级以上336家。", None, date(2024, 5, 24))
    assert y.name == "省级以上创新平台载体" and y.period == "2024-05"


def test_gbk_and_html_are_read(tmp_path):
    text = "2024年全市高新技术企业达到1610家。"
    (f,) = run(read_bytes(text.encode("gb18030")), None, None)[1].figures
    assert (f.value, f.period) == (1610, "2024")
    page = f"<html><head><title>公报</title></head><body><p>{text}</p></body></html>"
    (g,) = run(read_bytes(page.encode("utf-8")), None, None)[1].figures
    assert g.quote == "2024年全市高新技术企业达到1610家"


def test_pdf_with_a_text_layer_gives_the_figures_of_its_text():
    path = EXAMPLES / "labelled" / "district-bulletin-2024.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    from_pdf = run(read_bytes(pdf([lines[:6], lines[6:]])), 2024, None)[1].figures
    from_txt = run(read_path(path), 2024, None)[1].figures
    assert [(f.value, f.unit, f.period, f.quote) for f in from_pdf] == \
        [(f.value, f.unit, f.period, f.quote) for f in from_txt]


def test_a_40_page_bulletin_is_read_in_under_2_seconds():
    path = EXAMPLES / "labelled" / "district-bulletin-2024.txt"
    body = [ln for ln in path.read_text(encoding="utf-8").split("\n") if ln]
    wrapped = [ln[i: i + 40] for ln in body for i in range(0, len(ln), 40)]  # as a page wraps
    page = (wrapped * 2)[:50]  # about 1,500 characters, as a bulletin's page holds
    data = pdf([page] * 40)
    # CPU time of this process, not wall time: other work on the machine does not count
    start = time.process_time()
    doc = read_bytes(data)
    run(doc, 2024, None)
    took = time.process_time() - start
    assert sum(len(t) for _, t in doc.lines) >= 40 * 1500
    assert took < 2.0, f"{took:.2f} s"


def test_bad_inputs_are_one_line_and_exit_2(tmp_path, invoke):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(pdf([[], []]))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n%\xe2\xe3 not a pdf")
    for path, message in ((scan, "without a text layer"), (broken, "cannot be read"),
                          (tmp_path / "none.txt", "no such file")):
        res = invoke("harvest", str(path))
        assert res.exit_code == 2, res.stderr
        assert len(res.stderr.strip().splitlines()) == 1 and message in res.stderr
        assert res.stderr.startswith(str(path)) and "Traceback" not in res.stderr


@pytest.mark.parametrize("args", [
    ["--format", "xml"], ["--year", "20245"], ["--date", "2025-13-01"],
])
def test_usage_errors(tmp_path, invoke, args):
    path = tmp_path / "b.txt"
    path.write_text("2024年全市高新技术企业达到1610家。", encoding="utf-8")
    res = invoke("harvest", str(path), *args)
    assert res.exit_code == 2 and len(res.stderr.strip().splitlines()) == 1, res.stderr


def test_json_interface(tmp_path, invoke):
    path = tmp_path / "b.txt"
    path.write_text("全年全市高新技术企业3000余家，技术合同成交额增长12.5%。", encoding="utf-8")
    res = invoke("harvest", str(path), "--format", "json", "--year", "2025")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["schema"] == "planck.harvest/1" and set(data) == {"schema", "figures"}
    keys = {"name", "period", "value", "unit", "kind", "bound", "estimate", "quote", "line"}
    assert all(set(f) == keys for f in data["figures"])
    assert [(f["period"], f["value"], f["unit"], f["kind"], f["bound"]) for f in data["figures"]] == [
        ("2025", 3000, "家", "level", "lower"), ("2025", 12.5, "%", "growth", None)]


def test_the_source_title_is_the_pages_title_or_the_first_line_of_words():
    from planck.harvest.run import title_of

    page = "<html><head><title>2025年某市统计公报</title></head><body><p>全年增长5%。</p></body></html>"
    assert title_of(read_bytes(page.encode("utf-8"))) == "2025年某市统计公报"
    title = "关于实施创新驱动引领工程,全力创建国家创新型城市的提案"
    text = f"• 发文字号\n  • 2024-09-19\n{title}\n"
    assert title_of(read_bytes(text.encode("utf-8"))) == title


def test_a_bulletins_table_gives_its_figures_with_the_header_units():
    page = ("<html><body><p>表1 2024年全市生产总值</p><table>"
            "<tr><td>指 标</td><td>绝对数(亿元)</td><td>比上年增长(%)</td></tr>"
            "<tr><td>生产总值</td><td>613.52</td><td>4.7</td></tr>"
            "<tr><td>#第一产业</td><td>31.16</td><td>-1.6</td></tr></table>"
            "<table><tr><td>指标</td><td>单位</td><td>2024年</td></tr>"
            "<tr><td>高新技术企业</td><td>家</td><td>1610</td></tr>"
            "<tr><td>研发投入强度</td><td>%</td><td>3.03</td></tr>"
            "<tr><td>备注</td><td></td><td>12</td></tr></table></body></html>")
    figs = run(read_bytes(page.encode("utf-8")), 2024, None)[1].figures
    assert [(f.name, f.value, f.unit, f.kind, f.period) for f in figs] == [
        ("生产总值", 613.52, "亿元", "level", "2024"), ("生产总值", 4.7, "%", "growth", "2024"),
        ("第一产业", 31.16, "亿元", "level", "2024"), ("第一产业", -1.6, "%", "growth", "2024"),
        ("高新技术企业", 1610, "家", "level", "2024"), ("研发投入强度", 3.03, "%", "share", "2024")]
    assert figs[1].quote == "生产总值 | 613.52 | 4.7"
