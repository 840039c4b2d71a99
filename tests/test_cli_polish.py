"""The command line that helps: ids as the table shows them, "did you mean", one error style."""

from __future__ import annotations

import pytest
from conftest import TARGETS


def test_explain_takes_the_id_the_table_shows(invoke):
    full = invoke("explain", "luoyang", "ly-rd-intensity-2025", "--targets-dir", str(TARGETS))
    short = invoke("explain", "luoyang", "rd-intensity-2025", "--targets-dir", str(TARGETS))
    assert full.exit_code == short.exit_code == 0
    assert short.stdout == full.stdout and full.stdout.startswith("ly-rd-intensity-2025:")


def test_mistyped_target_gets_a_suggestion_not_a_dump(invoke):
    res = invoke("explain", "luoyang", "rd-intensty-2025", "--targets-dir", str(TARGETS))
    assert res.exit_code == 2 and res.stdout == ""
    assert "did you mean rd-intensity-2025" in res.stderr
    assert "tech-smes-2025" not in res.stderr  # not every id
    assert len(res.stderr.splitlines()) == 1


def test_version(invoke):
    from planck import __version__

    res = invoke("--version")
    assert res.exit_code == 0 and res.stdout == f"planck {__version__}\n"


def test_shell_completion_is_offered(invoke):
    res = invoke("--help")
    assert "--install-completion" in res.stdout and "--show-completion" in res.stdout


def test_help_has_no_type_noise_and_every_option_a_help_text(invoke):
    import typer.main

    from planck.cli import app

    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        for param in command.params:
            assert getattr(param, "help", None), (name, param.name)
        text = invoke(name, "--help", env={"COLUMNS": "100"}).stdout
        assert "<bool>" not in text, name
        assert "╭" not in text  # plain help: no rich panels to draw (or import)


@pytest.mark.parametrize("name", ["luoyang", "LuoYang", "LUOYANG", "洛阳", "洛阳市"])
def test_city_by_any_case_or_its_chinese_name(invoke, name):
    import json

    res = invoke("check", name, "--targets-dir", str(TARGETS), "-f", "json")
    assert res.exit_code in (0, 1), res.stderr
    assert json.loads(res.stdout)["city"]["id"] == "luoyang"
    assert invoke("explain", name, "rd-intensity-2025", "--targets-dir",
                  str(TARGETS)).exit_code == 0


def test_mistyped_city_gets_a_suggestion(invoke):
    res = invoke("check", "luoyng", "--targets-dir", str(TARGETS))
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr == f"planck: no city 'luoyng' in {TARGETS} (did you mean luoyang?)\n"
    res = invoke("diff", "pingdinshan", "--from", "2024-01-01", "--targets-dir", str(TARGETS))
    assert res.exit_code == 2 and "did you mean pingdingshan?" in res.stderr


def test_github_annotates_problems_and_notices_only_when_asked(invoke):
    import json

    results = json.loads(invoke("check", "luoyang", "--targets-dir", str(TARGETS), "-f",
                                "json").stdout)["results"]
    problems = [r for r in results
                if r["status"] in ("missed", "behind", "off_track", "regressing", "not_assessable")]
    res = invoke("check", "luoyang", "--targets-dir", str(TARGETS), "-f", "github")
    lines = res.stdout.splitlines()
    assert len(lines) == len(problems) and not any(ln.startswith("::notice") for ln in lines)
    res = invoke("check", "luoyang", "--targets-dir", str(TARGETS), "-f", "github",
                 "--annotate", "all")
    lines = res.stdout.splitlines()
    assert len(lines) == len(results)
    assert sum(ln.startswith("::notice") for ln in lines) == len(results) - len(problems)
    assert invoke("check", "luoyang", "--targets-dir", str(TARGETS), "-f", "github",
                  "--annotate", "some").exit_code == 2


def test_list_counts_read_as_english(invoke):
    import re

    out = invoke("list", "--targets-dir", str(TARGETS)).stdout
    assert not re.search(r"\b1 targets\b|\b1 observations\b", out)
    assert not re.search(r"\((\d{4})–\1\)", out)  # a one-year plan is (2024), not (2024–2024)
    assert re.search(r": 1 target$", out, re.M) or "1 target," in out


def test_compare_shows_each_as_of_and_no_raw_reference_id(invoke):
    import json

    res = invoke("compare", "rd-intensity", "--targets-dir", str(TARGETS), "-f", "markdown")
    assert res.exit_code == 0, res.stderr
    doc = json.loads(invoke("compare", "rd-intensity", "--targets-dir", str(TARGETS), "-f",
                            "json").stdout)
    rows = doc["rows"]
    for row in rows:
        assert row["as_of"] in res.stdout
    assert "of henan-rd-intensity" not in res.stdout and "的 henan-rd-intensity" not in res.stdout
    assert " % (" not in res.stdout  # a percent unit sits on its number
