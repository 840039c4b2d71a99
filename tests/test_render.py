"""Renderers: every registry entry on one hand-built report, the table's layout, JUnit, GitHub,
and golden files for the fixture city in tests/golden (UPDATE_GOLDEN=1 rewrites them)."""

from __future__ import annotations

import os
import re
import shutil
from datetime import date
from xml.etree import ElementTree as ET

import pytest
from conftest import ROOT, TARGETS, figure, result_of

from planck.render import get, names
from planck.render.context import STATUS_LABEL, STATUS_SYMBOL, Context
from planck.result import STATUSES, Pace, PlanRef, Report, Result, TargetRef

GOLDEN = ROOT / "tests" / "golden"
AS_OF = "2024-06-30"
ANSI = re.compile(r"\x1b\[")


def _target(op="at_least", goal=1600.0, **kw) -> TargetRef:
    fields = dict(op=op, wording="不少于", value=goal, low=None, high=None, unit="家", goal=goal,
                  tolerance=None, reference=None, source="plan", source_title="测试|规划",
                  doc_number="测政〔2021〕1号", quote="高新技术企业不少于1600家")
    fields.update(kw)
    return TargetRef(**fields)


def _obs(period, value, partial=False):
    return figure(period, value, "家", partial=partial, source="bulletin",
                  source_title="2023年统计公报", source_date=date(2024, 3, 1),
                  url="https://example.org/b?a=1&b=2", quote=f"高新技术企业{value:g}家",
                  file="t.measured.yaml", line=9)


def _result(i: int, status: str, **kw) -> Result:
    fields = dict(id=f"t-{status.replace('_', '-')}", plan="p14", indicator="firms",
                  name="高新技术企业数", name_en="High-tech firms [count] | *all*", unit="家",
                  direction="higher", deadline=2025, baseline_year=2020, baseline=755.0,
                  target=_target(), latest=_obs(2023, 1390.0), latest_partial=None,
                  status=status, final=status in ("met", "missed"), percent_to_goal=75.15,
                  expected_progress=60.0,
                  pace=Pace(method="geometric", base_year=2020, base_value=755.0, latest_year=2023,
                            observed=0.22, required=0.16, ratio=1.37),
                  above_range=False, reason="pace ratio R = 1.37 <geometric> & more",
                  file="targets/t.yaml", line=10 + 10 * i,
                  years={2020: 755.0, 2021: 900.0, 2023: 1390.0})
    fields.update(kw)
    return result_of(**fields)


def sample_report() -> Report:
    """One report with every status and the awkward cases: no data, a partial figure only,
    a between target, markdown and XML specials in names and reasons, equal zh/en names."""
    results = [_result(i, s) for i, s in enumerate(STATUSES)]
    results[6] = _result(6, "no_data", latest=None, years={}, percent_to_goal=None,
                         expected_progress=None, pace=None, reason="no annual observation yet",
                         latest_partial=_obs("2024-06", 71.0, partial=True))
    results.append(_result(8, "not_assessable", id="t-between", baseline=None,
                           baseline_year=None, name="中试基地", name_en="中试基地",
                           target=_target("between", 5.0, low=5.0, high=10.0, value=None,
                                          wording="5—10家")))
    plans = (PlanRef(id="p14", title_zh="测试市“十四五”规划", title_en="Testcity 14th FYP",
                     start=2021, end=2025),)
    return Report(city="testcity", name_zh="测试市", name_en="Testcity", as_of=date(2024, 6, 30),
                  plans=plans, results=tuple(results), file="targets/t.yaml",
                  measured=("targets/t.measured.yaml",))


REPORT = sample_report()


@pytest.mark.parametrize("fmt", names())
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_renderer_on_one_report(fmt, lang):
    ctx = Context(lang=lang, width=120)
    out = get(fmt)([REPORT], ctx)
    assert isinstance(out, str) and out.endswith("\n")
    assert out == get(fmt)([REPORT], ctx), "renderers are deterministic"
    assert not ANSI.search(out), "no escape codes without colour"
    # The table names the indicator in the chosen language only; other formats give both.
    assert ("High-tech firms" if (fmt, lang) == ("table", "en") else "高新技术企业数") in out
    if fmt in ("table", "markdown"):
        for s in STATUSES:
            assert f"{STATUS_SYMBOL[s]} {STATUS_LABEL[lang][s]}" in out
    assert get(fmt)([], ctx) in ("", "\n") or fmt in ("json", "junit")


KNOWN_FORMATS = ("table", "json", "markdown", "junit", "github", "csv")  # written out: the documented ones


def test_registry_feeds_the_format_choices(invoke, monkeypatch):
    """Every registered format is a --format choice that renders the city, the documented ones
    among them; an unknown name is a usage error that lists them; auto picks by environment."""
    monkeypatch.chdir(GOLDEN)
    args = ("check", "goldcity", "--targets-dir", ".", "--as-of", AS_OF)
    assert set(KNOWN_FORMATS) <= set(names())
    outputs = {}
    for fmt in names():
        res = invoke(*args, "-f", fmt, env={"COLUMNS": "100"})
        assert res.exit_code == 1 and "Traceback" not in res.stderr, (fmt, res.stderr)
        assert "gc-" in res.stdout or "高新技术企业数" in res.stdout, fmt
        outputs[fmt] = res.stdout
    assert len(set(outputs.values())) == len(outputs)  # no two names share a renderer's output
    for fmt in KNOWN_FORMATS:
        assert outputs[fmt] == (GOLDEN / GOLDEN_NAME[fmt]).read_text(encoding="utf-8"), fmt
    bad = invoke(*args, "-f", "yaml")
    assert bad.exit_code == 2 and bad.stdout == ""
    assert all(fmt in bad.stderr for fmt in KNOWN_FORMATS), bad.stderr
    for env, fmt in (({"GITHUB_ACTIONS": "true"}, "github"), ({"GITHUB_ACTIONS": ""}, "table")):
        res = invoke(*args, "-f", "auto", env={"COLUMNS": "100", **env})
        assert res.stdout == outputs[fmt], env


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_table_fits_and_aligns_cjk(width, lang):
    from rich.cells import cell_len

    ctx = Context(lang=lang, width=width)
    out = get("table")([REPORT], ctx)
    assert all(cell_len(ln) <= width for ln in out.splitlines())
    # Every status starts at the same terminal cell on every row: CJK names are aligned.
    labels = [f"{STATUS_SYMBOL[s]} {STATUS_LABEL[lang][s]}" for s in STATUSES]
    starts = set()
    for line in out.splitlines():
        hit = [lab for lab in labels if line.endswith(lab)]
        if hit:
            starts.add(cell_len(line[: len(line) - len(hit[0])]))
    assert len(starts) == 1
    assert sum(ln.endswith(tuple(labels)) for ln in out.splitlines()) == len(REPORT.results)


def test_table_colour_only_when_asked(monkeypatch):
    out = get("table")([REPORT], Context(width=100, color=True))
    assert ANSI.search(out)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert not ANSI.search(get("table")([REPORT], Context(width=100, color=False)))


def test_cli_colour_rules(monkeypatch):
    import sys

    from planck.cli import common as cli

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(cli, "_width", lambda: 100)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli._context("table", "en", frozenset()).color
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli._context("table", "en", frozenset()).color
    assert not cli._context("markdown", "en", frozenset()).color


def test_piped_table_has_no_escape_codes(invoke):
    res = invoke("check", "goldcity", "--targets-dir", str(GOLDEN), "--as-of", AS_OF)
    assert res.exit_code == 1 and not ANSI.search(res.stdout) and "status" in res.stdout


def test_junit_one_testcase_per_target():
    ctx = Context(fail_on=frozenset({"missed", "regressing"}))
    root = ET.fromstring(get("junit")([REPORT], ctx).encode())
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == len(REPORT.results)
    assert len(root.findall(".//failure")) == 2
    assert len(root.findall(".//skipped")) == sum(r.verdict.status == "no_data" for r in REPORT.results)
    suite = root.find("testsuite")
    assert suite.get("tests") == str(len(cases)) and suite.get("failures") == "2"


def test_junit_and_github_on_luoyang(invoke):
    res = invoke("check", "luoyang", "--targets-dir", str(TARGETS), "-f", "junit")
    assert res.exit_code in (0, 1), res.stderr
    root = ET.fromstring(res.stdout.encode())
    ids = [c.get("name").split()[0] for c in root.iter("testcase")]
    res = invoke("check", "luoyang", "--targets-dir", str(TARGETS), "-f", "github",
                 "--annotate", "all")
    lines = (TARGETS / "luoyang.yaml").read_text(encoding="utf-8").splitlines()
    annotations = res.stdout.splitlines()
    assert len(annotations) == len(ids) and len(set(ids)) == len(ids)
    for ann, tid in zip(annotations, ids, strict=True):
        m = re.match(r"::(error|warning|notice) file=([^,]+),line=(\d+),title=([^:]+)::", ann)
        assert m, ann
        assert m.group(2).endswith("luoyang.yaml")
        assert lines[int(m.group(3)) - 1].strip() == f"- id: {tid}", (tid, m.group(3))


def test_github_levels_follow_fail_on():
    from planck.render.github import level

    ctx = Context(fail_on=frozenset({"behind"}))
    assert level("behind", ctx) == "error"
    assert level("missed", ctx) == "warning" and level("met", ctx) == "notice"
    out = get("github")([REPORT], Context())
    assert "%0A" not in out.split("::", 2)[1]  # properties stay on the command line


# --- golden files -----------------------------------------------------------------------

GOLDEN_CASES = {
    "goldcity.json": ["check", "-f", "json"],
    "goldcity.md": ["check", "-f", "markdown"],
    "goldcity.junit.xml": ["check", "-f", "junit"],
    "goldcity.github.txt": ["check", "-f", "github"],
    "goldcity.csv": ["check", "-f", "csv"],
    "goldcity.table.txt": ["check", "-f", "table"],
    "goldcity.table.wide.zh.txt": ["check", "--wide", "--lang", "zh"],
    "goldcity.report.md": ["report", "-o", "-"],
    "goldcity.report.zh.md": ["report", "-o", "-", "--lang", "zh"],
}


GOLDEN_NAME = {"table": "goldcity.table.txt", "json": "goldcity.json", "markdown": "goldcity.md",
               "junit": "goldcity.junit.xml", "github": "goldcity.github.txt", "csv": "goldcity.csv"}


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden(name, invoke, monkeypatch):
    # Run inside the fixture folder so every path in the output is relative to it.
    monkeypatch.chdir(GOLDEN)
    args = GOLDEN_CASES[name]
    res = invoke(args[0], "goldcity", "--targets-dir", ".", "--as-of", AS_OF, *args[1:],
                 env={"COLUMNS": "100"})
    assert res.exit_code in (0, 1), res.stderr
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_bytes(res.stdout.encode("utf-8"))
    assert path.is_file(), f"missing {name}: run UPDATE_GOLDEN=1 python -m pytest {__file__}"
    assert res.stdout == path.read_text(encoding="utf-8"), \
        f"{name} changed; if intended: UPDATE_GOLDEN=1 python -m pytest tests/test_render.py"


def test_golden_charts(invoke, monkeypatch, tmp_path):
    # The SVG files of the golden report, as written beside a report file charts.md (the
    # golden report itself goes to stdout, which gets no chart files and so no image links).
    monkeypatch.chdir(GOLDEN)
    res = invoke("report", "goldcity", "--targets-dir", ".", "--as-of", AS_OF,
                 "-o", str(tmp_path / "charts.md"))
    assert res.exit_code == 0, res.stderr
    made = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "charts").glob("*.svg")}
    folder = GOLDEN / "charts"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        for name, text in made.items():
            (folder / name).write_bytes(text.encode("utf-8"))
    kept = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.svg")}
    assert made and sorted(made) == sorted(kept)
    for name in made:
        assert made[name] == kept[name], \
            f"charts/{name} changed; if intended: UPDATE_GOLDEN=1 python -m pytest {__file__}"


def test_golden_files_hold_no_absolute_paths():
    for path in GOLDEN.iterdir():
        if path.suffix in (".json", ".md", ".xml", ".txt", ".csv"):
            text = path.read_text(encoding="utf-8")
            assert str(ROOT) not in text and "/home/" not in text and "/tmp" not in text, path
