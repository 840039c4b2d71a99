"""Atomic file writes: a file planck writes is either the old one or the complete new one.

The text goes to a temporary file in the same folder (so the final rename never crosses a
file system), is flushed and fsync'ed, then ``os.replace`` swaps it in. If anything fails on
the way, the temporary file is removed and the original is left byte-for-byte as it was.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Callable
from pathlib import Path

#: Temporary files are named ``.<name>.<random>.tmp`` next to the file being written.
TMP_SUFFIX = ".tmp"


def _create_temp(target: Path, made: list[Path]) -> int:
    """Open a new, uniquely named file next to ``target``. Mode 0o666 lets the OS apply the
    user's umask, as for any new file (mkstemp would force 0o600).

    The name goes into ``made`` *before* the file is created, so an interrupt that arrives
    just after ``os.open`` returns still finds it to clean up (issue 9: a 0-byte temp file was
    left when the interrupt fell between creating the file and entering the cleanup)."""
    for _ in range(100):
        made.append(target.with_name(f".{target.name}.{secrets.token_hex(6)}{TMP_SUFFIX}"))
        try:
            return os.open(made[-1], os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            made.pop()  # someone else's file: never ours to remove
    raise FileExistsError(f"cannot create a temporary file next to {target}")


def write_atomic(path: Path | str, text: str | bytes, encoding: str = "utf-8",
                 before_replace: Callable[[], None] | None = None) -> None:
    """Replace ``path`` with ``text`` atomically; raise OSError (original intact) on failure.

    An existing file keeps its permission bits. Line ends are written as given (no newline
    translation), so the same text gives the same bytes on every platform. ``before_replace``
    runs when the new file is complete, just before the rename: whatever it raises stops the
    write (the temporary file is removed, the original left as it is).
    """
    from planck.write.target import kind

    target = Path(path)
    found = kind(target)
    if found not in (None, "regular file"):
        # os.replace would swap a symlink, FIFO or device node itself for a regular file
        raise OSError(errno.EINVAL, f"it is a {found}, not a regular file; planck writes only "
                                    "to a regular file or a new path")
    # before creating anything: an encoding error leaves no trace; bytes (a workbook) as given
    data = text if isinstance(text, bytes) else text.encode(encoding)
    made: list[Path] = []
    try:
        fd = _create_temp(target, made)
        tmp = made[-1]
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        except FileNotFoundError:
            pass
        if before_replace is not None:
            before_replace()
        os.replace(tmp, target)
    except BaseException:
        # BaseException on purpose: a KeyboardInterrupt mid-write must not leave the temp file.
        for name in made:
            name.unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable; not possible (nor needed) on every platform."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
