"""A progress bar on stderr for long work (``check --all``, ``report --all``; ``site`` and
``import`` may use it too).

Shown only when stderr is a terminal, not under CI (``CI`` set) or with ``PLANCK_NO_PROGRESS``,
and only once the work has taken longer than ``delay`` seconds: a quick run prints nothing,
and piped or logged output never holds a bar. The bar is erased when the work ends.

    with progress(len(cities), "cities") as tick:
        for city in cities:
            ...
            tick()
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO


def wanted(stream: TextIO) -> bool:
    """A bar helps a person at a terminal, never a log."""
    if os.environ.get("CI") or os.environ.get("PLANCK_NO_PROGRESS"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Bar:
    """Counts work done and redraws at most ten times a second once ``delay`` has passed."""

    def __init__(self, total: int, label: str, stream: TextIO, delay: float = 0.5,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total, self.label, self.stream, self.delay = max(total, 1), label, stream, delay
        self.clock, self.start, self.done, self.last, self.drawn = clock, clock(), 0, 0.0, False

    def tick(self, n: int = 1) -> None:
        self.done += n
        now = self.clock()
        if now - self.start < self.delay or (now - self.last < 0.1 and self.done < self.total):
            return
        self.last, self.drawn = now, True
        cells = 30
        filled = cells * min(self.done, self.total) // self.total
        self.stream.write(f"\r{'█' * filled}{'░' * (cells - filled)} "
                          f"{self.done}/{self.total} {self.label}")
        self.stream.flush()

    def close(self) -> None:
        if self.drawn:  # erase the bar: what follows starts on a clean line
            self.stream.write("\r\x1b[K")
            self.stream.flush()


@contextmanager
def progress(total: int, label: str, stream: TextIO | None = None,
             delay: float = 0.5) -> Iterator[Callable[[], None]]:
    """A ``tick`` to call after each unit of work; a no-op when no bar is wanted."""
    out = stream if stream is not None else sys.stderr
    if total < 2 or not wanted(out):
        yield lambda: None
        return
    bar = Bar(total, label, out, delay)
    try:
        yield bar.tick
    finally:
        bar.close()
