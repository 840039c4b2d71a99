"""A bug inside planck must still reach the user as one line and exit 2, not a traceback."""

import sys

import pytest


def test_internal_error_is_one_line(monkeypatch, capsys):
    import planck.judge.evaluate
    from planck import cli

    def boom(*args, **kwargs):
        raise RuntimeError("simulated bug 崩溃")

    monkeypatch.setattr(planck.judge.evaluate, "evaluate", boom)
    monkeypatch.delenv("PLANCK_DEBUG", raising=False)
    monkeypatch.setattr(sys, "argv", ["planck", "check", "luoyang"])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert "Traceback" not in err
    assert err.strip().count("\n") == 0 and "internal error: RuntimeError: simulated bug" in err


def test_finding_with_a_line_break_in_the_file_name_prints_on_one_line():
    from planck.findings import Finding

    text = str(Finding("a\nb.yaml", 3, 4, "schema", "bad"))
    assert "\n" not in text and text.startswith("a\\nb.yaml:3:4:")


def test_list_survives_a_malformed_observations_list(invoke, tmp_path):
    import shutil

    from conftest import TARGETS

    shutil.copy(TARGETS / "jiaozuo.yaml", tmp_path / "jiaozuo.yaml")
    (tmp_path / "jiaozuo.measured.yaml").write_text("planck: 1\ncity: jiaozuo\nobservations: 5\n")
    res = invoke("list", "--targets-dir", str(tmp_path))
    assert res.exit_code == 0 and "jiaozuo" in res.stdout and "internal error" not in res.stderr


def test_inputs_read_once_refuse_a_hard_link_and_cost_no_stat_per_input(tmp_path, monkeypatch):
    import os

    from planck.write import guarded

    data = tmp_path / "c.yaml"
    data.write_text("planck: 1\n", encoding="utf-8")
    linked = tmp_path / "out.md"
    os.link(data, linked)
    others = [tmp_path / f"o{i}.yaml" for i in range(50)]
    for o in others:
        o.write_text("x\n", encoding="utf-8")
    ids = guarded.identities([*others, data, tmp_path / "missing.yaml"])
    assert len(ids) == 51
    calls = []
    real = os.stat
    monkeypatch.setattr(os, "stat", lambda *a, **k: calls.append(a) or real(*a, **k))
    with pytest.raises(guarded.Refused) as why:
        guarded.check(linked, force=True, inputs=ids)
    assert why.value.code == "input"
    # one look-up of the output, not one comparison per input (was quadratic in report --all)
    assert len(calls) <= 3, calls
