"""`planck report` run outside a data repository: the report lands where the user says, and
every relative link in it (target and measured files, charts, the method) resolves from there."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ROOT, TARGETS
from markdown_it import MarkdownIt


def _links(text: str) -> list[str]:
    """Every link and image target of a markdown text, as markdown-it parses it."""
    found = []

    def walk(tokens) -> None:
        for tok in tokens:
            if tok.type == "link_open":
                found.append(tok.attrGet("href"))
            elif tok.type == "image":
                found.append(tok.attrGet("src"))
            if tok.children:
                walk(tok.children)

    walk(MarkdownIt("commonmark").enable("table").parse(text))
    return [str(h) for h in found]


def _local_links(report: Path) -> list[str]:
    return [h for h in _links(report.read_text(encoding="utf-8"))
            if urlsplit(h).scheme not in ("http", "https")]


def _assert_links_resolve(report: Path) -> list[Path]:
    """Every non-web link of ``report`` is relative and names an existing file from the
    report's own folder; returns the files."""
    files = []
    for href in _local_links(report):
        parts = urlsplit(href)
        assert not parts.scheme and not parts.path.startswith("/"), href
        target = report.parent / unquote(parts.path)
        assert target.is_file(), f"{report.name}: {href} -> {target} does not exist"
        files.append(target.resolve())
    return files


@pytest.fixture
def elsewhere(tmp_path, monkeypatch):
    """A current folder outside the repository, and a third folder for the output."""
    cwd, out = tmp_path / "work" / "cwd", tmp_path / "elsewhere" / "out"
    cwd.mkdir(parents=True)
    monkeypatch.chdir(cwd)
    return cwd, out


def _kinds(files: list[Path], charts: bool = True) -> None:
    names = {f.name for f in files}
    assert {"luoyang.yaml", "luoyang.measured.yaml", "methodology.md"} <= names
    assert any(f.suffix == ".svg" for f in files) == charts


@pytest.mark.parametrize("how", ["absolute", "relative"])
def test_targets_by_path_report_in_a_third_folder(invoke, elsewhere, how):
    cwd, out = elsewhere
    targets = str(TARGETS) if how == "absolute" else os.path.relpath(TARGETS, cwd)
    res = invoke("report", "luoyang", "--targets-dir", targets, "-o", str(out / "ly.md"))
    assert res.exit_code == 0, res.stderr
    assert sorted(p.name for p in cwd.iterdir()) == []  # nothing written where we stand
    _kinds(_assert_links_resolve(out / "ly.md"))
    assert (out / "ly").is_dir()


def test_relative_output_and_target_file_given_by_path(invoke, elsewhere):
    cwd, out = elsewhere
    target = os.path.relpath(TARGETS / "luoyang.yaml", cwd)
    res = invoke("report", target, "-o", os.path.relpath(out / "sub" / "ly.md", cwd))
    assert res.exit_code == 0, res.stderr
    _kinds(_assert_links_resolve(out / "sub" / "ly.md"))


def test_default_is_reports_in_the_current_folder(invoke, elsewhere):
    cwd, _ = elsewhere
    res = invoke("report", "luoyang", "--targets-dir", str(TARGETS))
    assert res.exit_code == 0, res.stderr
    _kinds(_assert_links_resolve(cwd / "reports" / "luoyang.md"))


def test_all_into_a_reports_dir(invoke, elsewhere):
    _, out = elsewhere
    res = invoke("report", "--all", "--targets-dir", str(TARGETS), "--reports-dir", str(out))
    assert res.exit_code == 0, res.stderr
    reports = sorted(out.glob("*.md"))
    assert len(reports) == len(list(TARGETS.glob("*.measured.yaml")))
    for report in reports:
        assert _assert_links_resolve(report)


def test_data_repository_without_docs_links_planck_s_own_method(invoke, elsewhere, tmp_path):
    _, out = elsewhere
    data = tmp_path / "data" / "targets"
    data.mkdir(parents=True)
    for name in ("luoyang.yaml", "luoyang.measured.yaml"):
        shutil.copy(TARGETS / name, data / name)
    res = invoke("report", "luoyang", "--targets-dir", str(data), "-o", str(out / "ly.md"))
    assert res.exit_code == 0, res.stderr
    files = _assert_links_resolve(out / "ly.md")
    assert (data / "luoyang.yaml").resolve() in files
    assert any(f.name == "methodology.md" and ROOT in f.parents for f in files)


def test_stdout_report_links_no_chart_and_resolves_from_the_current_folder(invoke, elsewhere):
    cwd, _ = elsewhere
    res = invoke("report", "luoyang", "--targets-dir", str(TARGETS), "-o", "-")
    assert res.exit_code == 0, res.stderr
    (cwd / "saved.md").write_text(res.stdout, encoding="utf-8")
    _kinds(_assert_links_resolve(cwd / "saved.md"), charts=False)
    assert "## Charts" in res.stdout and "| Year (家) |" in res.stdout  # the numbers stay


def test_no_relative_path_gives_a_file_uri(monkeypatch, tmp_path):
    """Windows: no relative path between drives (os.path.relpath raises ValueError)."""
    from planck.render.markdown import link_path
    from planck.write import reportfiles

    def no_relpath(*_):
        raise ValueError("path is on mount 'D:', start on mount 'C:'")

    monkeypatch.setattr(reportfiles.os.path, "relpath", no_relpath)
    target = tmp_path / "a (b)" / "luoyang.yaml"
    uri = reportfiles.link(target, tmp_path / "out")
    assert uri == target.resolve().as_uri() and "(" not in uri
    assert link_path(uri) == uri


def test_the_repository_reports_still_link_the_repository():
    text = (ROOT / "reports" / "luoyang.md").read_text(encoding="utf-8")
    assert "(../docs/methodology.md)" in text and "(../targets/luoyang.yaml#L" in text
    _kinds(_assert_links_resolve(ROOT / "reports" / "luoyang.md"))
