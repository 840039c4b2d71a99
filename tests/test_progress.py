"""The progress bar: only on a terminal, never under CI or in a pipe, only after a moment."""

from __future__ import annotations

import io

from planck.cli.progress import Bar, progress, wanted


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_never_in_a_pipe_or_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("PLANCK_NO_PROGRESS", raising=False)
    assert not wanted(io.StringIO()) and wanted(Tty())
    monkeypatch.setenv("CI", "true")
    assert not wanted(Tty())
    out = Tty()
    with progress(300, "cities", stream=out, delay=0) as tick:
        for _ in range(300):
            tick()
    assert out.getvalue() == ""


def test_a_quick_run_draws_nothing_a_slow_one_draws_and_erases(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    now = [0.0]
    quick = Tty()
    bar = Bar(10, "cities", quick, delay=0.5, clock=lambda: now[0])
    for _ in range(10):
        bar.tick()
    bar.close()
    assert quick.getvalue() == ""
    slow = Tty()
    bar = Bar(10, "cities", slow, delay=0.5, clock=lambda: now[0])
    for i in range(10):
        now[0] = i * 0.2
        bar.tick()
    bar.close()
    text = slow.getvalue()
    assert "10/10 cities" in text and text.endswith("\r\x1b[K")
    assert "\n" not in text


def test_check_all_in_a_pipe_has_a_clean_stderr(invoke):
    from conftest import TARGETS

    res = invoke("check", "--all", "--targets-dir", str(TARGETS), "-f", "json")
    assert "█" not in res.stderr and "\r" not in res.stderr
