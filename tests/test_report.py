"""``planck report``: files written atomically, deterministic text, --check on stale reports,
and the report's sections (tables, SVG charts beside the report, sources with quotes, method
note)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, TARGETS

from planck.write.guarded import write_file
from planck.write.reportfiles import is_current


def write_atomic(path, text):
    write_file(path, text, force=True)


GOLDEN = ROOT / "tests" / "golden"
REPORTS = ROOT / "reports"


@pytest.fixture
def repo(tmp_path) -> Path:
    """A copy of the bundled targets and reports, laid out as in the repository."""
    shutil.copytree(TARGETS, tmp_path / "targets")
    if REPORTS.is_dir():
        shutil.copytree(REPORTS, tmp_path / "reports")
    return tmp_path


def _run(invoke, repo: Path, *args: str):
    return invoke("report", *args, "--targets-dir", str(repo / "targets"),
                  "--reports-dir", str(repo / "reports"))


def test_committed_reports_are_current(invoke, monkeypatch):
    # What CI runs on a clean clone: `planck report --all --check` from the repository root.
    monkeypatch.chdir(ROOT)
    res = invoke("report", "--all", "--check")
    assert res.exit_code == 0, res.stderr + "\nregenerate with: make reports"


def test_check_fails_after_a_target_file_changes(invoke, repo):
    assert _run(invoke, repo, "--all").exit_code == 0
    before = {p.name: p.read_bytes() for p in (repo / "reports").glob("*.md")}
    assert {f"{p.stem}.md" for p in (repo / "targets").glob("*.yaml")
            if not p.name.endswith(".measured.yaml")} <= set(before)
    assert _run(invoke, repo, "--all", "--check").exit_code == 0
    target = repo / "targets" / "luoyang.yaml"
    text = target.read_text(encoding="utf-8")
    assert "  name_en: Luoyang\n" in text
    target.write_text(text.replace("  name_en: Luoyang\n", "  name_en: Loyang\n", 1),
                      encoding="utf-8")
    res = _run(invoke, repo, "--all", "--check")
    assert res.exit_code == 1
    assert "luoyang.md" in res.stderr and "hebi.md" not in res.stderr
    # --check writes nothing.
    assert {p.name: p.read_bytes() for p in (repo / "reports").glob("*.md")} == before


def test_check_reports_a_missing_report(invoke, repo):
    shutil.rmtree(repo / "reports", ignore_errors=True)
    res = _run(invoke, repo, "--all", "--check")
    assert res.exit_code == 1 and "missing" in res.stderr
    assert not (repo / "reports").exists()


def test_reports_are_byte_identical_between_runs(invoke, repo, tmp_path):
    assert _run(invoke, repo, "--all").exit_code == 0
    first = {p.name: p.read_bytes() for p in (repo / "reports").glob("*.md")}
    shutil.rmtree(repo / "reports")
    assert _run(invoke, repo, "--all").exit_code == 0
    assert {p.name: p.read_bytes() for p in (repo / "reports").glob("*.md")} == first
    assert not list((repo / "reports").glob(".*.tmp")), "no temp files left behind"


def test_single_city_output_file_and_stdout(invoke, repo):
    out = repo / "elsewhere" / "ly.md"
    res = invoke("report", "luoyang", "-o", str(out), "--targets-dir", str(repo / "targets"))
    assert res.exit_code == 0, res.stderr
    text = out.read_text(encoding="utf-8")
    assert "](../targets/luoyang.yaml#L" in text  # links are relative to the report file
    assert str(repo) not in text
    res = invoke("report", "luoyang", "-o", "-", "--targets-dir", str(repo / "targets"))
    assert res.exit_code == 0 and res.stdout.startswith("# 洛阳市 Luoyang")


@pytest.mark.parametrize("args", [[], ["luoyang", "--all"], ["--all", "-o", "x.md"],
                                  ["luoyang", "--as-of", "2024-13-01"],
                                  ["luoyang", "--lang", "fr"], ["nosuchcity"]])
def test_usage_errors_exit_2_without_traceback(invoke, repo, args):
    res = _run(invoke, repo, *args)
    assert res.exit_code == 2
    assert "Traceback" not in res.stdout + res.stderr


def test_invalid_target_file_gives_file_line_col(invoke, repo):
    bad = repo / "targets" / "hebi.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("planck: 1", "planck: 1\nplanck: 1",
                                                           1), encoding="utf-8")
    res = _run(invoke, repo, "--all")
    assert res.exit_code == 2
    assert re.search(r"hebi\.yaml:\d+:\d+: error:", res.stderr), res.stderr


def test_unwritable_reports_dir_is_one_line(invoke, repo):
    blocker = repo / "blocked"
    blocker.write_text("a file, not a folder")
    res = invoke("report", "luoyang", "-o", str(blocker / "x.md"),
                 "--targets-dir", str(repo / "targets"))
    assert res.exit_code == 2 and len(res.stderr.strip().splitlines()) == 1


def test_write_atomic_replaces_and_cleans_up(tmp_path):
    path = tmp_path / "sub" / "r.md"
    write_atomic(path, "一\n")
    write_atomic(path, "二\n")
    assert path.read_bytes() == "二\n".encode()
    assert [p.name for p in path.parent.iterdir()] == ["r.md"]
    assert is_current(path, "二\n") and not is_current(path, "一\n")
    path.write_bytes(b"line\r\n")
    assert is_current(path, "line\n")  # a CRLF checkout is not "out of date"
    assert not is_current(tmp_path / "missing.md", "")


def test_report_sections_on_the_fixture_city(invoke, monkeypatch, tmp_path):
    text = (GOLDEN / "goldcity.report.md").read_text(encoding="utf-8")
    assert text.startswith("# 金城市 Goldcity") and text.endswith("\n")
    for heading in ("## Charts", "## Sources", "## Method"):
        assert heading in text
    assert "](../../docs/methodology.md)" in text  # from tests/golden, where it was run
    assert "![" not in text  # on stdout: no chart file written, so no image link
    # Every target's and every baseline's quote is cited.
    fixture = (GOLDEN / "goldcity.yaml").read_text(encoding="utf-8")
    for quote in re.findall(r"quote: (\S+?)[}\n]", fixture):
        assert quote in text, quote
    # Figures published after --as-of (the 2024 bulletin) are absent.
    assert "1700" not in text and "2024年金城市国民经济" not in text
    # Written to a file, each chart links its SVG file (written beside it) and tabulates its
    # numbers with one cell per column; on stdout the tables are the same.
    monkeypatch.chdir(GOLDEN)
    res = invoke("report", "goldcity", "--targets-dir", ".", "--as-of", "2024-06-30",
                 "-o", str(tmp_path / "charts.md"))
    assert res.exit_code == 0, res.stderr
    written = (tmp_path / "charts.md").read_text(encoding="utf-8")
    links = re.findall(r"^!\[[^\]]*\]\(charts/([a-z0-9-]+)\.svg\)$", written, re.M)
    assert links and "```mermaid" not in written
    blocks = re.findall(r"\.svg\)\n\n((?:\|.*\|\n)+)", written)
    assert len(blocks) == len(links)
    for block in blocks:
        rows = block.strip("\n").split("\n")
        assert len({row.count(" | ") for row in rows if not row.startswith("|---")}) == 1
        assert block in text
    assert sorted(links) == sorted(p.stem for p in (GOLDEN / "charts").glob("*.svg"))
    assert sorted(links) == sorted(p.stem for p in (tmp_path / "charts").glob("*.svg"))


def test_report_check_covers_the_svg_charts(invoke, repo):
    assert _run(invoke, repo, "--all").exit_code == 0
    chart = repo / "reports" / "luoyang" / "high-tech-enterprises.svg"
    assert "<svg" in chart.read_text(encoding="utf-8")
    assert "luoyang/high-tech-enterprises.svg" in (repo / "reports" / "luoyang.md").read_text(
        encoding="utf-8")
    chart.write_text(chart.read_text(encoding="utf-8").replace("#0072B2", "#000000"),
                     encoding="utf-8")
    res = _run(invoke, repo, "--all", "--check")
    assert res.exit_code == 1 and "high-tech-enterprises.svg: out of date" in res.stderr
    chart.unlink()
    res = _run(invoke, repo, "--all", "--check")
    assert res.exit_code == 1 and "high-tech-enterprises.svg: missing" in res.stderr
    assert _run(invoke, repo, "--all").exit_code == 0
    assert _run(invoke, repo, "--all", "--check").exit_code == 0


def test_report_is_pure_and_needs_no_files():
    from test_render import sample_report

    from planck.render.context import Context
    from planck.render.report import render_report

    report = sample_report()
    text = render_report(report, Context())
    assert text == render_report(report, Context())
    assert "高新技术企业不少于1600家" in text and "](charts/firms.svg)" in text
    zh = render_report(report, Context(lang="zh"))
    assert "## 来源" in zh and "## 图表" in zh


def test_pre_commit_hook_and_workflow_example():
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    [hook] = yaml.load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "planck-validate" and hook["entry"] == "planck validate"
    pattern = re.compile(hook["files"])
    assert pattern.search("targets/luoyang.yaml") and pattern.search("targets/x.measured.yml")
    assert not pattern.search("docs/format.md") and not pattern.search("targets/notes.txt")
    flow = (ROOT / "docs" / "ci-github-actions.yml").read_text(encoding="utf-8")
    steps = " ".join(s.get("run", "") for s in yaml.load(flow)["jobs"]["check"]["steps"])
    for command in ("planck validate", "planck check --all --format github",
                    'planck check --all --format markdown >> "$GITHUB_STEP_SUMMARY"'):
        assert command in steps


def test_auto_format_is_github_under_actions(invoke):
    args = ("check", "goldcity", "--targets-dir", str(GOLDEN), "--as-of", "2024-06-30",
            "-f", "auto")
    assert invoke(*args, env={"GITHUB_ACTIONS": "true"}).stdout.startswith("::")
    assert invoke(*args).stdout.startswith("金城市 Goldcity · as of 2024-06-30\n")
