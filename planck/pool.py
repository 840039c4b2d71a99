"""Run independent jobs (one per city) on every core when there are enough to pay for it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

#: Below this many jobs a pool costs more to start than it saves.
PARALLEL_FROM = 8


def pool_map(job: Callable[[Any], Any], jobs: list[Any], workers: int | None = None,
             start_method: str | None = None, parallel_from: int | None = None,
             chunksize: int | None = None) -> Iterator[Any]:
    """``job`` over ``jobs`` in input order: in this process for fewer than
    ``parallel_from`` (default ``PARALLEL_FROM``), else in a pool of worker processes
    (``job`` and each item must be picklable), ``chunksize`` jobs at a time (default: about
    16 rounds per worker; 1 when each result is large, so few are held at once)."""
    workers = workers or min(os.cpu_count() or 1, 8)
    if len(jobs) < (PARALLEL_FROM if parallel_from is None else parallel_from) or workers < 2:
        yield from map(job, jobs)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # The platform's default start method unless one is asked for: fork is unsafe in a
    # process with threads, missing on Windows and no longer the default from Python 3.14;
    # every job is picklable, so spawn and forkserver work as well.
    context = multiprocessing.get_context(start_method)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(job, jobs,
                            chunksize=chunksize or max(1, len(jobs) // (workers * 16)))
