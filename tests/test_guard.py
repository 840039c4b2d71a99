"""A bug inside planck must still reach the user as one line and exit 2, not a traceback."""

import sys

import pytest


def test_internal_error_is_one_line(monkeypatch, capsys):
    import planck.evaluate
    from planck import cli

    def boom(*args, **kwargs):
        raise RuntimeError("simulated bug 崩溃")

    monkeypatch.setattr(planck.evaluate, "evaluate", boom)
    monkeypatch.delenv("PLANCK_DEBUG", raising=False)
    monkeypatch.setattr(sys, "argv", ["planck", "check", "luoyang"])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert "Traceback" not in err
    assert err.strip().count("\n") == 0 and "internal error: RuntimeError: simulated bug" in err
