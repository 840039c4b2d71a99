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
