"""Run independent jobs (one per city) on every core when there are enough to pay for it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

#: Below this many jobs a pool costs more to start than it saves.
PARALLEL_FROM = 8

#: With ``acyclic`` jobs, a worker's cyclic garbage collector runs when this many more
#: containers are alive than at its last pass (Python's default is 700). A city's work
#: builds some 20,000 to 50,000 (its parsed files, models and report) that all stay alive
#: until the city is done; at 700 the collector walked those live trees again and again and
#: found nothing: about a quarter of ``check --all``'s CPU. Jobs that leave many cycles (the
#: site's, through Jinja: some 8,000 objects a city) keep the default, or a worker would
#: hold up to this many objects of garbage; a file only ruamel reads leaves its parser's
#: (about 125 objects), collected a pass per 800 such files.
WORKER_GC_THRESHOLD = 100_000


def pool_map(job: Callable[[Any], Any], jobs: list[Any], workers: int | None = None,
             start_method: str | None = None, parallel_from: int | None = None,
             chunksize: int | None = None, acyclic: bool = False) -> Iterator[Any]:
    """``job`` over ``jobs`` in input order: in this process for fewer than
    ``parallel_from`` (default ``PARALLEL_FROM``), else the first job here and the others in
    a pool of worker processes (``job`` and each item must be picklable), ``chunksize`` jobs
    at a time (default: about 16 rounds per worker; 1 when each result is large, so few are
    held at once). ``acyclic``: the job leaves little or no garbage in reference cycles (a
    test says so), so the workers may collect rarely (``WORKER_GC_THRESHOLD``)."""
    workers = workers or min(os.cpu_count() or 1, 8)
    if len(jobs) < (PARALLEL_FROM if parallel_from is None else parallel_from) or workers < 2:
        yield from map(job, jobs)
        return
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # The first job runs here, before the workers start: what it imports or builds on first
    # use (modules, compiled patterns, models) forked workers inherit instead of each doing
    # it again, and gc.freeze() keeps all of it out of their collector's passes.
    first = job(jobs[0])
    # The platform's default start method unless one is asked for: fork is unsafe in a
    # process with threads, missing on Windows and no longer the default from Python 3.14;
    # every job is picklable, so spawn and forkserver work as well.
    context = multiprocessing.get_context(start_method)
    gc.freeze()
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=_worker_start, initargs=(acyclic,)) as pool:
        rest = jobs[1:]
        results = pool.map(job, rest,
                           chunksize=chunksize or max(1, len(rest) // (workers * 16)))
        gc.unfreeze()  # the workers have started (map submits every job at once)
        yield first
        yield from results


def _worker_start(acyclic: bool) -> None:
    """In each worker, before its first job: what it started with (inherited or imported)
    lives as long as the worker, so the collector need not walk it; see also
    ``WORKER_GC_THRESHOLD``."""
    import gc

    gc.freeze()
    if acyclic:
        gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])
