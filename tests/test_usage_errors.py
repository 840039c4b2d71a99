"""One error style: click/typer usage errors (unknown option, missing argument or value, bad
value, unknown command, extra argument) print one line ``planck CMD: message`` on stderr and
exit 2, like planck's own errors, through typer's runner and through a real process."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import typer.main
from conftest import ROOT

from planck.cli import app

COMMANDS = typer.main.get_command(app).commands  # type: ignore[attr-defined]


def _arguments(name: str) -> list:
    return [p for p in COMMANDS[name].params if p.param_type_name == "argument"]


def _value_option(name: str) -> str:
    """The first option of the command that takes a value."""
    return next(p.opts[0] for p in COMMANDS[name].params
                if p.param_type_name == "option" and not p.is_flag)


def _required_options(name: str) -> list[str]:
    """Each required option with a value, so that the error under test is the first found."""
    return [v for p in COMMANDS[name].params if p.param_type_name == "option" and p.required
            for v in (p.opts[0], "x")]


def _cases() -> list[tuple[str, list[str], str]]:
    """(command, argv, what the one line must say) for every command and several errors."""
    cases = []
    for name in COMMANDS:
        required = _required_options(name)
        cases.append((name, [name, "--fromat", "x"], "no such option '--fromat'"))
        option = _value_option(name)
        cases.append((name, [name, option], f"option '{option}' requires an argument"))
        args = _arguments(name)
        if all(a.nargs == 1 for a in args):  # a variadic argument takes any extra
            extra = ["x"] * (len(args) + 1)
            cases.append((name, [name, *extra, *required], "unexpected extra argument"))
        if args and args[0].required:
            cases.append((name, [name, *required], f"missing argument '{args[0].name}'"))
        if required:
            cases.append((name, [name, *["x"] * len(args)], f"missing option '{required[0]}'"))
    cases += [
        ("check", ["check", "--max-age", "x"], "invalid value for '--max-age'"),
        ("check", ["check", "--max-age", "101"], "invalid value for '--max-age'"),
        ("explain", ["explain", "--as-of"], "option '--as-of' requires an argument"),
        ("extract", ["extract", "plan.txt", "--start", "twenty"], "invalid value for '--start'"),
        ("", ["chekc"], "no such command 'chekc' (did you mean 'check'?)"),
        ("", ["frobnicate"], "no such command 'frobnicate' (see 'planck --help')"),
        ("", ["--fromat"], "no such option '--fromat'"),
    ]
    return cases


CASES = _cases()


def _assert_one_line(command: str, says: str, code: int, stdout: str, stderr: str) -> None:
    where = f"planck {command}" if command else "planck"
    assert code == 2, stderr
    assert stdout == ""
    assert len(stderr.splitlines()) == 1 and stderr.endswith("\n"), stderr
    line = stderr.rstrip("\n")
    assert line.startswith(f"{where}: "), line
    assert says in line, line
    assert not re.search(r"Usage:|Error:|Try '|Traceback|internal error", line), line


@pytest.mark.parametrize(("command", "argv", "says"), CASES,
                         ids=[" ".join(c[1]) or "none" for c in CASES])
def test_usage_error_is_one_planck_line(invoke, command, argv, says):
    res = invoke(*argv)
    _assert_one_line(command, says, res.exit_code, res.stdout, res.stderr)


def test_every_command_is_covered():
    assert len(COMMANDS) >= 13
    covered = {c[0] for c in CASES}
    assert covered >= set(COMMANDS)


def test_the_suggestion_is_kept(invoke):
    res = invoke("check", "luoyang", "--fromat", "json")
    assert res.stderr == "planck check: no such option '--fromat' (did you mean '--format'?)\n"
    res = invoke("report", "--output-dir", "x")
    assert "(did you mean '--output'" in res.stderr


def test_what_the_user_typed_stays_on_one_line(invoke):
    res = invoke("check", "--x\n::error::owned\x1b[31m")
    assert res.exit_code == 2 and len(res.stderr.splitlines()) == 1
    assert "::error::" not in res.stderr and "\x1b" not in res.stderr


def test_help_version_and_no_command(invoke):
    assert invoke("--help").exit_code == 0
    assert invoke("check", "--help").stdout.startswith("Usage:")
    assert invoke("--version").stdout.startswith("planck ")
    bare = invoke()  # the help, on stderr, exit 2 (README: a command is missing)
    assert bare.exit_code == 2 and bare.stdout == "" and "Commands:" in bare.stderr


SUBPROCESS = [
    ("check", ["check", "--fromat", "x"], "no such option '--fromat' (did you mean '--format'?)"),
    ("explain", ["explain"], "missing argument 'city'"),
    ("check", ["check", "--max-age", "x"], "invalid value for '--max-age'"),
    ("check", ["check", "-f"], "option '-f' requires an argument"),
    ("report", ["report", "a", "b"], "unexpected extra argument"),
    ("", ["chekc"], "no such command 'chekc' (did you mean 'check'?)"),
]


def _run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "planck", *argv], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=60)


@pytest.mark.parametrize(("command", "argv", "says"), SUBPROCESS,
                         ids=[" ".join(c[1]) for c in SUBPROCESS])
def test_usage_error_in_a_real_process(command, argv, says):
    res = _run(*argv)
    _assert_one_line(command, says, res.returncode, res.stdout, res.stderr)


def test_no_command_in_a_real_process_shows_the_help():
    res = _run()
    assert res.returncode == 2 and res.stdout == "" and "Commands:" in res.stderr
    assert "Traceback" not in res.stderr
