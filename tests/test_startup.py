"""Start-up stays lean (issue 14): a command imports only what it uses.

Not a timing test: each case runs planck in a fresh interpreter and pins the set of heavy
modules it imported, so a change that brings one back to `check` or `validate` fails here.
The figures themselves are measured by bench/bench.py.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

#: Third-party packages that cost start-up time and that these commands do not need.
HEAVY = {"rich", "pint", "openpyxl", "jinja2", "ruamel", "markdown_it"}

_PROBE = """
import sys
out = sys.argv[1]
sys.argv = ["planck", *sys.argv[2:]]
from planck.cli import main
try:
    main()
except SystemExit:
    pass
with open(out, "w") as fh:  # one name a line: the probe itself imports nothing
    fh.write("\\n".join(sorted(sys.modules)))
"""


def imported(tmp_path, *args: str) -> set[str]:
    """Modules a fresh ``planck ARGS`` run has imported when it ends."""
    out = tmp_path / "modules.txt"
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "80", "PYTHONIOENCODING": "utf-8"}
    subprocess.run([sys.executable, "-c", _PROBE, str(out), *args], cwd=ROOT, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, timeout=120)
    return set(out.read_text().splitlines())


def tops(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


@pytest.mark.parametrize("args", [("check", "luoyang"), ("check", "luoyang", "-f", "json"),
                                  ("validate", "targets")], ids=" ".join)
def test_check_and_validate_import_no_heavy_package(tmp_path, args):
    modules = imported(tmp_path, *args)
    assert "planck.cli.commands" in modules, "the probe did not run the command"
    assert sorted(tops(modules) & HEAVY) == []
    # only the command's own module of planck.cli (typer builds every registered command)
    others = {f"planck.cli.{m}" for m in ("data", "diff", "exchange", "extract", "reports", "site")}
    assert sorted(modules & others) == []


def test_validate_does_not_import_evaluation_or_rendering(tmp_path):
    modules = imported(tmp_path, "validate", "targets")
    assert "planck.read.checkfiles" in modules, "the probe did not run validate"
    assert sorted(m for m in modules if m.startswith(("planck.judge", "planck.render",
                                                      "planck.result"))) == []


def test_a_check_table_does_not_import_json(tmp_path):
    # issue 27: json only for the machine formats
    modules = imported(tmp_path, "check", "luoyang")
    assert "planck.render.table" in modules, "the probe did not run check"
    assert "json" not in modules


def test_a_plain_check_table_does_not_import_pint_or_rich_even_with_every_city(tmp_path):
    modules = imported(tmp_path, "check", "--all")
    assert "planck.render.overview" in modules, "the probe did not run check --all"
    assert sorted(tops(modules) & HEAVY) == []


def test_the_command_table_matches_the_commands_each_module_registers():
    from typer.main import get_command_name

    from planck.cli import COMMANDS, full_app

    app = full_app()
    registered = {(c.name or get_command_name(c.callback.__name__)):
                  c.callback.__module__.rsplit(".", 1)[1] for c in app.registered_commands}
    assert registered == COMMANDS


@pytest.mark.parametrize("args", [["check", "--help"], ["validate", "--help"],
                                  ["check", "--no-such-option"], ["explain", "luoyang"],
                                  ["report", "--help"], ["check", "luoyang", "--format", "nope"]],
                         ids=" ".join)
def test_a_command_alone_behaves_as_in_the_whole_app(runner, args):
    from planck.cli import app_for, full_app

    alone, whole = runner.invoke(app_for(args), args), runner.invoke(full_app(), args)
    assert (alone.exit_code, alone.stdout, alone.stderr) == (whole.exit_code, whole.stdout,
                                                             whole.stderr)
    assert len(app_for(args).registered_commands) == 1


@pytest.mark.parametrize("args", [[], ["--help"], ["--version"], ["chek"], ["--show-completion"]],
                         ids=lambda a: " ".join(a) or "(none)")
def test_anything_but_a_command_name_gets_the_whole_app(args):
    from planck.cli import COMMANDS, app_for

    assert len(app_for(args).registered_commands) == len(COMMANDS)


def test_shell_completion_gets_the_whole_app(monkeypatch):
    from planck.cli import COMMANDS, app_for

    monkeypatch.setenv("_PLANCK_COMPLETE", "complete_bash")
    assert len(app_for(["check"]).registered_commands) == len(COMMANDS)


def test_a_city_whose_figures_need_a_known_scale_does_not_import_pint(tmp_path):
    # bench/gen_scale.py's cities give a third of their money figures in 万元 for 亿元
    # indicators: a known scale of the same unit, converted without pint.
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import gen_scale
    finally:
        sys.path.pop(0)
    data = tmp_path / "data"
    gen_scale.generate(data, 1, 6)
    assert "万元" in (data / "city-0001.measured.yaml").read_text(encoding="utf-8")
    modules = imported(tmp_path, "check", "city-0001", "--targets-dir", str(data))
    assert "planck.judge.evaluate" in modules, "the probe did not evaluate the city"
    assert sorted(tops(modules) & HEAVY) == []
