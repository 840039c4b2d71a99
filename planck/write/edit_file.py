"""Editing a data file in place, safely: lock it, read it, and write the new text atomically
only if nobody changed it in between. A refused edit leaves the file byte-identical."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from planck.findings import Finding, PlanckError
from planck.read.loader import MAX_BYTES, decode
from planck.write.atomic import write_atomic

_BOM = "\ufeff"


@dataclass
class Opened:
    """A locked file's bytes and text (the BOM, if any, kept apart so it can be put back)."""

    path: Path
    raw: bytes
    text: str
    bom: bool
    existed: bool = True


def _refuse(path: Path, code: str, message: str) -> PlanckError:
    return PlanckError([Finding(str(path), 0, 0, code, message)])


def _writable(path: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    # the mode bits too: root may write anything, but a file marked read-only means "leave it"
    if path.exists() and (not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222):
        raise _refuse(path, "read-only", "file is read-only: nothing was written "
                      "(make it writable, e.g. chmod u+w, and run again)")
    # the folder's mode bits too: root's rename would succeed where anyone else's fails
    if not os.access(folder, os.W_OK | os.X_OK) or not _mode(folder) & 0o222:
        raise _refuse(path, "read-only", f"folder {folder} is not writable: nothing was written")
    if path.is_symlink():
        # the atomic rename would replace the link itself with a regular file
        raise _refuse(path, "symlink", f"is a symbolic link (to {os.readlink(path)}): planck "
                      "edits only a regular file; give the folder of the file it points to")
    if path.exists() and not path.is_file():
        raise _refuse(path, "not-a-file", "not a regular file: nothing was written")


def _mode(path: Path) -> int:
    try:
        return os.stat(path).st_mode
    except OSError:
        return 0


@contextmanager
def _lock(path: Path) -> Iterator[None]:
    """An exclusive advisory lock, so two planck runs never interleave edits of one file."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: the changed-meanwhile check still holds
        yield
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise _refuse(path, "locked", "file is locked by another process (another planck "
                          "record or import?): nothing was written; try again when it is done") from None
        yield
    finally:
        os.close(fd)


@contextmanager
def editing(path: Path, create: str | None = None, *, follow_symlinks: bool = False,
            roots: Iterable[Path | str] = ()) -> Iterator[Opened]:
    """Lock ``path`` and yield its contents; ``create`` is the text of a file that does not
    exist yet (it is then created empty first, so it can be locked). The path is resolved
    first (``guarded.resolve``: no '..' after a missing folder, no symbolic link inside the
    repository unless ``follow_symlinks``); the edit goes to the file it resolves to."""
    from planck.write import guarded

    try:
        real = guarded.resolve(path, follow_symlinks=follow_symlinks, roots=roots)
    except guarded.Refused as why:
        raise _refuse(path, why.code, why.reason) from None
    if follow_symlinks:
        path = real
    _writable(path)
    if not path.exists():
        if create is None:
            raise _refuse(path, "not-found", "no such file")
        yield Opened(path, b"", create, False, existed=False)
        return
    with _lock(path):
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise _refuse(path, "too-large", f"file is over {MAX_BYTES} bytes")
        text, findings = decode(raw, str(path))
        if text is None:
            raise PlanckError(findings)
        yield Opened(path, raw, text, raw.startswith(b"\xef\xbb\xbf"))


def commit(opened: Opened, text: str) -> None:
    """Write ``text`` in place of the opened file, atomically, unless it changed meanwhile.

    The check runs under the lock, after the new file is complete and immediately before the
    rename (``write_atomic``'s ``before_replace``), on the content itself: an editor's save
    that lands while planck writes (one that keeps the size and the time stamp, too) is
    never overwritten; planck says so and writes nothing."""
    path = opened.path

    def unchanged() -> None:
        if opened.existed:
            try:
                with open(path, "rb") as fh:
                    now = fh.read(MAX_BYTES + 1)
            except OSError:
                now = None
            if now != opened.raw:
                raise _refuse(path, "changed", "file changed while planck was working "
                              "(an editor saving it?): nothing was written; run again")
        elif os.path.lexists(path):
            raise _refuse(path, "exists", "file appeared while planck was working: "
                          "nothing was written")

    unchanged()  # fail fast; the check that counts is the one just before the rename
    try:
        write_atomic(path, (_BOM if opened.bom else "") + text, before_replace=unchanged)
    except OSError as err:
        raise _refuse(path, "write-failed", f"cannot write: {err.strerror or err}; "
                      "the file is unchanged") from None
