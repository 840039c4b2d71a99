"""Evaluate many cities: each city is independent, so large runs use every core.

Loading and validating dominate (YAML parsing and pydantic), so cities are spread over worker
processes; results come back as plain dataclasses and keep the order of the input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from planck.findings import Finding, PlanckError
from planck.result import Report

#: Below this many cities a pool costs more to start than it saves.
PARALLEL_FROM = 8


def evaluate_city(city: str, directory: Path, measured: list[Path], as_of: date | None
                  ) -> Report | list[Finding]:
    """One city's report, or the findings that stop it; never raises for bad input."""
    from planck.judge.evaluate import default_as_of, evaluate
    from planck.read.dataset import load_city

    try:
        data = load_city(city, directory, measured)
    except PlanckError as err:
        return err.findings
    return evaluate(data, as_of or default_as_of(data))


def _job(args: tuple[Any, ...]) -> Any:
    *city_args, then = args
    outcome = evaluate_city(*city_args)
    return outcome if then is None or not isinstance(outcome, Report) else then(outcome)


def _loaded_job(args: tuple[Any, ...]) -> Any:
    city, directory, measured, use = args
    from planck.read.dataset import load_city

    try:
        data = load_city(city, directory, measured)
    except PlanckError as err:
        return err.findings
    return use(data)


def _pool_map(job: Callable[[tuple[Any, ...]], Any], jobs: list[tuple[Any, ...]],
              workers: int | None, start_method: str | None) -> Iterator[Any]:
    from planck.pool import pool_map

    # a city's load, evaluation and the callers' ``then``/``use`` leave no cycles (tested)
    return pool_map(job, jobs, workers, start_method, PARALLEL_FROM, acyclic=True)


def map_cities(cities: list[str], directory: Path, measured: list[Path], as_of: date | None,
               then: Callable[[Report], Any] | None = None, workers: int | None = None,
               start_method: str | None = None) -> Iterator[Any]:
    """Per city, in input order: ``then(report)`` (the report itself by default), or the list
    of findings that stop the city. ``then`` runs in the worker, so a caller that only needs,
    say, each city's JSON never holds every report at once (it must be picklable: a
    module-level function or a ``functools.partial`` of one)."""
    jobs = [(c, directory, list(measured), as_of, then) for c in cities]
    return _pool_map(_job, jobs, workers, start_method)


def map_loaded(cities: list[str], directory: Path, measured: list[Path],
               use: Callable[[Any], Any], workers: int | None = None,
               start_method: str | None = None) -> Iterator[Any]:
    """Per city, in input order: ``use(data)`` of its loaded ``CityData`` (read once, however
    many reports ``use`` makes of it), or the list of findings that stop the city. ``use``
    runs in the worker and must be picklable; it must not return a list."""
    jobs = [(c, directory, list(measured), use) for c in cities]
    return _pool_map(_loaded_job, jobs, workers, start_method)


def evaluate_cities(cities: list[str], directory: Path, measured: list[Path],
                    as_of: date | None, workers: int | None = None,
                    start_method: str | None = None,
                    done: Callable[[], None] | None = None) -> tuple[list[Report], list[Finding]]:
    """Reports in input order, and every finding of every city that could not be used
    (``done`` is called after each city: the command line's progress bar)."""
    outcomes = []
    for outcome in map_cities(cities, directory, measured, as_of, workers=workers,
                              start_method=start_method):
        outcomes.append(outcome)
        if done is not None:
            done()
    reports = [o for o in outcomes if isinstance(o, Report)]
    findings = [f for o in outcomes if not isinstance(o, Report) for f in o]
    return reports, findings
