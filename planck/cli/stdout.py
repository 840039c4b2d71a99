"""Standard output that fails the conventional way (issue 9).

* A closed pipe (``planck check --all -f json | head``) ends planck quietly with exit 141
  (128 + SIGPIPE, what a shell reports for a command killed by a broken pipe), never with the
  gate's exit 1 (click's own EPIPE handling) and never with a message.
* Any other write error on stdout (a full disk, ``> /dev/full``) is one line,
  ``planck: cannot write to stdout: No space left on device``, exit 2: not "a bug in planck".
* A stream whose encoding cannot show Chinese (``PYTHONIOENCODING=ascii``) is switched to
  UTF-8, so no figure or name turns into ``???``.

``guard()`` wraps ``sys.stdout`` so these errors reach ``planck.cli.main`` as ``StdoutClosed``
or ``StdoutFailed`` rather than as an ``OSError`` that click would swallow.
"""

from __future__ import annotations

import os
import sys
from typing import Any

#: Exit code after a broken pipe: 128 + SIGPIPE (13).
BROKEN_PIPE = 141
_SAMPLE = "测试✓█·—"


class StdoutClosed(Exception):
    """The reader of stdout went away (EPIPE)."""


class StdoutFailed(Exception):
    """Writing stdout failed for another reason (ENOSPC, EIO …)."""

    def __init__(self, err: OSError):
        super().__init__(err.strerror or str(err))


def _call(func: Any, *args: Any) -> Any:
    try:
        return func(*args)
    except BrokenPipeError:
        raise StdoutClosed() from None
    except OSError as err:
        raise StdoutFailed(err) from None


class _Guarded:
    """A proxy of a text or binary stream whose write and flush raise the exceptions above."""

    def __init__(self, stream: Any):
        self._stream = stream

    def write(self, data: Any) -> Any:
        return _call(self._stream.write, data)

    def flush(self) -> None:
        _call(self._stream.flush)

    @property
    def buffer(self) -> Any:
        return _Guarded(self._stream.buffer)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def utf8_if_needed(stream: Any) -> None:
    """Switch ``stream`` to UTF-8 when its encoding cannot encode CJK text."""
    try:
        _SAMPLE.encode(stream.encoding or "ascii")
    except (LookupError, UnicodeEncodeError):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, ValueError):
            pass
    except AttributeError:
        pass


def guard() -> None:
    """Install the guarded stdout (once) and make both streams able to show Chinese."""
    for stream in (sys.stdout, sys.stderr):
        utf8_if_needed(getattr(stream, "_stream", stream))
    if not isinstance(sys.stdout, _Guarded) and sys.stdout is not None:
        sys.stdout = _Guarded(sys.stdout)


def silence() -> None:
    """After a broken pipe: point fd 1 at /dev/null so the interpreter's final flush cannot
    print "Exception ignored … BrokenPipeError"."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ else 1)
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
