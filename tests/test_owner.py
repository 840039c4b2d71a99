"""planck replaces an existing file only when planck wrote it (planck/write/owner.py): a user's
file named by ``-o`` (or a chart path beside it) is refused, byte for byte intact and with
nothing else written, unless ``--force``; an input file is refused even with ``--force``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import TARGETS

from planck.write.owner import DRAFT_MARK, written_by_planck

USER = "# My notes\n\nHand-written: keep me.\n"
CHART = "high-tech-enterprises.svg"  # hebi's one chart


def _refusal(command: str, path: Path) -> str:
    return (f"planck {command}: {path} exists and was not written by planck "
            "(use --force to replace it)\n")


@pytest.fixture
def data(tmp_path) -> Path:
    shutil.copytree(TARGETS, tmp_path / "targets")
    return tmp_path / "targets"


def _report(invoke, data: Path, out: Path, *extra: str):
    return invoke("report", "hebi", "-o", str(out), "--targets-dir", str(data), *extra)


def test_report_refuses_a_users_file_and_writes_no_chart(invoke, data, tmp_path):
    out = tmp_path / "notes.md"
    out.write_text(USER, encoding="utf-8")
    res = _report(invoke, data, out)
    assert res.exit_code == 2
    assert res.stderr == _refusal("report", out)
    assert out.read_bytes() == USER.encode()
    assert not (tmp_path / "notes").exists()


def test_report_refuses_a_users_chart_and_writes_no_report(invoke, data, tmp_path):
    out = tmp_path / "notes.md"
    (tmp_path / "notes").mkdir()
    chart = tmp_path / "notes" / CHART
    chart.write_text("<svg>mine</svg>\n", encoding="utf-8")
    res = _report(invoke, data, out)
    assert res.exit_code == 2
    assert res.stderr == _refusal("report", chart)
    assert chart.read_text(encoding="utf-8") == "<svg>mine</svg>\n"
    assert not out.exists()


def test_report_replaces_what_it_wrote_and_force_replaces_a_users_file(invoke, data, tmp_path):
    out = tmp_path / "notes.md"
    assert _report(invoke, data, out).exit_code == 0
    first = out.read_bytes()
    assert written_by_planck(out) and written_by_planck(tmp_path / "notes" / CHART)
    out.write_bytes(first.replace(b"## ", b"##  "))  # stale, but still planck's
    assert _report(invoke, data, out).exit_code == 0
    assert out.read_bytes() == first
    out.write_text(USER, encoding="utf-8")
    (tmp_path / "notes" / CHART).write_text("mine\n", encoding="utf-8")
    res = _report(invoke, data, out, "--force")
    assert res.exit_code == 0, res.stderr
    assert out.read_bytes() == first
    assert written_by_planck(tmp_path / "notes" / CHART)


def test_report_zh_marker_counts_as_planck(invoke, data, tmp_path):
    out = tmp_path / "zh.md"
    assert _report(invoke, data, out, "--lang", "zh").exit_code == 0
    assert _report(invoke, data, out, "--lang", "zh").exit_code == 0


def test_report_input_file_refused_even_with_force(invoke, data):
    target = data / "hebi.yaml"
    before = target.read_bytes()
    res = _report(invoke, data, target, "--force")
    assert res.exit_code == 2
    assert "input" in res.stderr and res.stderr.count("\n") == 1
    assert target.read_bytes() == before


def test_export_refuses_a_users_workbook(invoke, data, tmp_path):
    from openpyxl import Workbook

    out = tmp_path / "mine.xlsx"
    Workbook().save(out)
    before = out.read_bytes()
    res = invoke("export", "hebi", "-o", str(out), "--targets-dir", str(data))
    assert res.exit_code == 2
    assert res.stderr == _refusal("export", out)
    assert out.read_bytes() == before
    res = invoke("export", "hebi", "-o", str(out), "--targets-dir", str(data), "--force")
    assert res.exit_code == 0, res.stderr
    assert written_by_planck(out)
    res = invoke("export", "hebi", "-o", str(out), "--targets-dir", str(data))
    assert res.exit_code == 0, res.stderr


def test_export_workbook_resaved_by_someone_else_is_theirs(invoke, data, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "verdicts.xlsx"
    assert invoke("export", "hebi", "-o", str(out), "--targets-dir", str(data)).exit_code == 0
    book = load_workbook(out)
    assert book.properties.creator == "planck"
    book.properties.lastModifiedBy = "someone"
    book.save(out)
    res = invoke("export", "hebi", "-o", str(out), "--targets-dir", str(data))
    assert res.exit_code == 2 and res.stderr == _refusal("export", out)


def test_export_input_file_refused_even_with_force(invoke, data, tmp_path):
    res = invoke("export", "hebi", "-o", str(data / "hebi.yaml"), "--targets-dir", str(data),
                 "--force")
    assert res.exit_code == 2 and "input" in res.stderr
    assert (data / "hebi.yaml").read_bytes() == (TARGETS / "hebi.yaml").read_bytes()


@pytest.fixture
def plan(tmp_path) -> Path:
    path = tmp_path / "plan.txt"
    path.write_text("某市“十四五”科技创新规划\n到2025年，高新技术企业达到1600家。\n",
                    encoding="utf-8")
    return path


def test_extract_refuses_a_users_file(invoke, plan, data):
    measured = data / "luoyang.measured.yaml"
    before = measured.read_bytes()
    res = invoke("extract", str(plan), "--city", "luoyang", "--plan-id", "x", "-o", str(measured))
    assert res.exit_code == 2
    assert res.stderr == _refusal("extract", measured)
    assert measured.read_bytes() == before


def test_extract_replaces_its_draft_and_force_replaces_a_users_file(invoke, plan, tmp_path):
    out = tmp_path / "draft.yaml"
    assert invoke("extract", str(plan), "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith(DRAFT_MARK)
    res = invoke("extract", str(plan), "--city", "somecity", "-o", str(out))
    assert res.exit_code == 0, res.stderr
    assert '"somecity"' in out.read_text(encoding="utf-8")
    out.write_text(USER, encoding="utf-8")
    assert invoke("extract", str(plan), "-o", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith(DRAFT_MARK)


def test_extract_input_file_refused_even_with_force(invoke, plan):
    before = plan.read_bytes()
    res = invoke("extract", str(plan), "-o", str(plan), "--force")
    assert res.exit_code == 2 and "input" in res.stderr
    assert plan.read_bytes() == before


def test_a_mark_in_the_middle_of_a_file_is_not_planck(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text("# Format\n\n" + "text\n" * 20
                    + "<!-- Generated by `planck report`; do not edit by hand, regenerate "
                      "with `make reports`. -->\n", encoding="utf-8")
    assert not written_by_planck(path)
    assert not written_by_planck(tmp_path / "missing.md")
