"""The progress bar: only on a terminal, never under CI or in a pipe, only after a moment."""

from __future__ import annotations

import io
from contextlib import contextmanager

from planck.cli.progress_bar import Bar, progress, wanted


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


class _Recorder:
    """Stands in for ``progress``: records each bar's label, total and ticks."""

    def __init__(self):
        self.bars: list[list] = []

    @contextmanager
    def __call__(self, total, label, stream=None, delay=0.5):
        bar = [label, total, 0]
        self.bars.append(bar)

        def tick():
            bar[2] += 1

        yield tick


def test_site_ticks_once_a_city_read_and_once_a_page(tmp_path, invoke, monkeypatch):
    """``planck site``: a bar over the cities as they are read and their pages rendered, then
    one over the pages they share, each ticked exactly to its total; the pages' total is
    every page outside the cities' folders but the root redirect."""
    from conftest import TARGETS

    import planck.cli.progress_bar as prog

    rec = _Recorder()
    monkeypatch.setattr(prog, "progress", rec)
    out = tmp_path / "site"
    res = invoke("site", "-o", str(out), "--targets-dir", str(TARGETS))
    assert res.exit_code == 0, res.stderr
    cities = len(list(TARGETS.glob("*.measured.yaml")))
    ids = {p.name.split(".")[0] for p in TARGETS.glob("*.measured.yaml")}
    pages = sum(1 for p in out.rglob("*.html") if p.relative_to(out).parts[1:2] != ()
                and p.relative_to(out).parts[1] not in ids or len(p.relative_to(out).parts) == 1)
    pages -= 1  # the root index.html only redirects
    assert rec.bars == [["cities", cities, cities], ["pages", pages, pages]]
    assert "█" not in res.stderr and "\r" not in res.stderr


def test_site_core_calls_done_without_printing(capsys):
    from conftest import TARGETS

    from planck.site.build import page_count, read_cities, render_site

    cities = sorted(p.name.split(".")[0] for p in TARGETS.glob("*.measured.yaml"))
    ticks = []
    views = read_cities(cities, TARGETS, None, "en", done=lambda: ticks.append("city"))
    files = render_site(views, "en", done=lambda: ticks.append("page"))
    assert ticks.count("city") == len(cities)
    assert ticks.count("page") == page_count(views) == sum(p.endswith(".html") for p in files) - 1
    assert capsys.readouterr() == ("", "")


def test_import_ticks_once_a_row_checked_and_once_a_row_written(tmp_path, invoke, monkeypatch):
    """``planck import``: a bar over the rows as they are checked, then one over the rows as
    their place in the file is written; a row repeated in the table still counts."""
    from test_import import _split, _write_csv

    import planck.cli.progress_bar as prog

    folder, rows = _split(tmp_path)
    table = tmp_path / "t.csv"
    _write_csv(table, [*rows, rows[0]])
    rec = _Recorder()
    monkeypatch.setattr(prog, "progress", rec)
    res = invoke("import", str(table), "--city", "luoyang", "--targets-dir", str(folder))
    assert res.exit_code == 0, res.stderr
    n = len(rows) + 1
    assert rec.bars == [["rows checked", n, n], ["rows written", n, n]]
    assert "█" not in res.stderr and "\r" not in res.stderr
    again = _Recorder()
    monkeypatch.setattr(prog, "progress", again)
    res = invoke("import", str(table), "--city", "luoyang", "--targets-dir", str(folder))
    assert res.exit_code == 0 and "unchanged" in res.stderr, res.stderr
    assert again.bars == [["rows checked", n, n], ["rows written", n, n]]
