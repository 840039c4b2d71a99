"""Cities in parallel: the worker pool gives the same reports, in input order, whatever the
start method (fork is not assumed: it is missing on Windows and not the default from 3.14)."""

from __future__ import annotations

import multiprocessing
import shutil
from datetime import date
from functools import partial

import pytest
from conftest import ROOT

from planck.judge import batch

GOLDEN = ROOT / "tests" / "golden"


def _city_folder(tmp_path, copies: int):
    for i in range(copies):
        shutil.copy(GOLDEN / "goldcity.yaml", tmp_path / f"c{i}.yaml")
        shutil.copy(GOLDEN / "goldcity.measured.yaml", tmp_path / f"c{i}.measured.yaml")
    (tmp_path / "broken.yaml").write_text("planck: 1\ncity: [\n", encoding="utf-8")
    return [str(tmp_path / f"c{i}.yaml") for i in range(copies)] + [str(tmp_path / "broken.yaml")]


def _summary(report) -> tuple:
    return report.file, tuple((r.id, r.verdict.status, r.progress.percent_to_goal) for r in report.results)


@pytest.mark.parametrize("method", multiprocessing.get_all_start_methods())
def test_pool_matches_one_process_for_every_start_method(tmp_path, method):
    cities = _city_folder(tmp_path, batch.PARALLEL_FROM)
    as_of = date(2024, 6, 30)
    one = list(batch.map_cities(cities, tmp_path, [], as_of, workers=1))
    pool = list(batch.map_cities(cities, tmp_path, [], as_of, partial(_summary), workers=2,
                                 start_method=method))
    assert len(pool) == len(one) == batch.PARALLEL_FROM + 1
    assert pool[:-1] == [_summary(r) for r in one[:-1]]  # same reports, in input order
    assert [f.code for f in pool[-1]] == [f.code for f in one[-1]] == ["yaml-syntax"]
    statuses = [s for _, results in pool[:-1] for _, s, _ in results]
    assert statuses.count("missed") == batch.PARALLEL_FROM  # one missed target per copy


def test_batch_names_no_start_method():
    source = (ROOT / "planck" / "judge" / "batch.py").read_text(encoding="utf-8")
    assert '"fork"' not in source and "'fork'" not in source


def _gc_state(_: int) -> tuple[int, int, int]:
    import gc
    import os

    return os.getpid(), gc.get_threshold()[0], gc.get_freeze_count()


@pytest.mark.parametrize("acyclic", [True, False])
def test_the_first_job_runs_here_and_acyclic_workers_collect_rarely(acyclic):
    import gc
    import os

    from planck import pool

    got = list(pool.pool_map(_gc_state, list(range(pool.PARALLEL_FROM + 3)), workers=2,
                             acyclic=acyclic))
    assert got[0] == (os.getpid(), gc.get_threshold()[0], 0)  # and this process unfrozen
    workers = got[1:]
    assert {pid for pid, _, _ in workers}.isdisjoint({os.getpid()})
    assert all(frozen > 0 for _, _, frozen in workers)
    assert {threshold for _, threshold, _ in workers} == {
        pool.WORKER_GC_THRESHOLD if acyclic else gc.get_threshold()[0]}


def _jobs(tmp_path):
    """Every job run with ``acyclic=True``, on the golden city (and check's JSON of it)."""
    from planck.cli.commands import _json_chunk
    from planck.cli.common import parse_statuses
    from planck.cli.selection import make_selection
    from planck.judge.changes import diff_dates
    from planck.read.checkfiles import _validate_group
    from planck.write.reportfiles import _build_job
    from planck.write.xlsx import city_sheet

    selection = make_selection(None, None, False, None, None, None)
    then = partial(_json_chunk, gate=parse_statuses("missed"), selection=selection)
    files = [(0, GOLDEN / "goldcity.yaml"), (1, GOLDEN / "goldcity.measured.yaml")]
    return {
        "check": lambda: batch._job(("goldcity", GOLDEN, [], None, then)),
        "validate": lambda: _validate_group((files, None)),
        "diff": lambda: batch._loaded_job(("goldcity", GOLDEN, [], partial(
            diff_dates, start=date(2024, 1, 1), end=None))),
        "export": lambda: batch._loaded_job(("goldcity", GOLDEN, [], partial(city_sheet,
                                                                             as_of=None))),
        "report": lambda: _build_job(("goldcity", GOLDEN, tmp_path / "goldcity.md", None, "en")),
    }


@pytest.mark.parametrize("name", ["check", "validate", "diff", "export", "report"])
def test_a_city_leaves_no_garbage_in_cycles(tmp_path, name):
    # why their workers may collect rarely (pool.WORKER_GC_THRESHOLD): their jobs leave
    # nothing for the cyclic collector
    import gc

    job = _jobs(tmp_path)[name]
    job()  # imports and first-use caches
    gc.collect()
    gc.disable()
    try:
        job()
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_every_bundled_city_is_read_and_judged_without_cycles():
    import gc

    folder = ROOT / "targets"
    for city in sorted(p.name.removesuffix(".measured.yaml")
                       for p in folder.glob("*.measured.yaml")):
        batch.evaluate_city(city, folder, [], None)
        gc.collect()
        gc.disable()
        try:
            batch.evaluate_city(city, folder, [], None)
            assert gc.collect() == 0, city
        finally:
            gc.enable()
