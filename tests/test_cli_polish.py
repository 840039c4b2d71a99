"""The command line that helps: ids as the table shows them, "did you mean", one error style."""

from __future__ import annotations

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
