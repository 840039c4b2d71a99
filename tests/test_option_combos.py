"""Options that cannot change what a command prints are usage errors (exit 2, one line), and
CITY/--all mistakes are named for what was given: neither, or both."""

from __future__ import annotations

import pytest
from conftest import TARGETS

DIR = ("--targets-dir", str(TARGETS))


@pytest.mark.parametrize(("args", "message"), [
    (["check", "luoyang", "--detail"], "--detail needs --all"),
    (["check", "--all", "--detail", "-f", "json"], "--detail is for the table format"),
    (["check", "luoyang", "--wide", "-f", "csv"], "--wide is for the table format"),
    (["check", "luoyang", "-f", "markdown", "--annotate", "all"],
     "--annotate is for the github format"),
    (["check"], "give a CITY (a city id such as luoyang, or a target file) or --all"),
    (["check", "luoyang", "--all"], "give a CITY or --all, not both"),
    (["report"], "give a CITY (a city id"),
    (["report", "luoyang", "--all", "--check"], "not both"),
    (["diff", "--from", "2025-01-01"], "give a CITY (a city id"),
    (["diff", "luoyang", "--all", "--from", "2025-01-01"], "not both"),
    (["export", "-o", "x.xlsx"], "give a CITY (a city id"),
])
def test_meaningless_combination_is_a_one_line_usage_error(invoke, args, message):
    res = invoke(*args, *DIR)
    assert res.exit_code == 2, res.output
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("planck: ") and message in lines[0], lines
    if "not both" not in message:
        assert "not both" not in res.stderr


@pytest.mark.parametrize("args", [
    ["check", "--all", "--detail"], ["check", "--all", "--detail", "-f", "auto"],
    ["check", "luoyang", "--wide"], ["check", "luoyang", "-f", "github", "--annotate", "all"],
    ["check", "luoyang", "-f", "auto", "--annotate", "all"],
])
def test_meaningful_combinations_still_run(invoke, args):
    res = invoke(*args, *DIR)
    assert res.exit_code in (0, 1), res.stderr
    assert res.stdout.strip()
