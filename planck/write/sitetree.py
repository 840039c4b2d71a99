"""Writing a whole folder at once (the site): build beside it, then swap it into place.

A reader never sees half a site: the new tree is written to a private temporary sibling
folder (``guarded.replace_folder``: an unpredictable name) and renamed over the old one. Only
a folder that planck made (it holds the marker file) or an empty one is ever replaced;
anything else is refused, so ``-o`` cannot wipe a user's folder.

A file is given as text or as its text in pieces (a page too large to hold whole is written
as it is rendered). ``Sink`` puts files into the new tree and is picklable, so worker
processes can write the pages they render; ``CheckSink`` compares them with a folder instead.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

Text = str | Iterable[str]
_BLOCK = 1 << 20


class NotASite(Exception):
    """The output folder exists, is not empty and was not written by planck."""


def _inside(rel: str) -> None:
    if Path(rel).is_absolute() or ".." in Path(rel).parts:  # a page name from data
        raise ValueError(f"not a path inside the site: {rel!r}")


def _pieces(text: Text) -> Iterator[bytes]:
    if isinstance(text, str):
        yield text.encode("utf-8")
    else:
        for piece in text:
            yield piece.encode("utf-8")


def digest(path: Path | str, crlf: bool = False) -> tuple[str, int]:
    """(sha256, size) of a file's bytes, read in blocks; ``crlf``: as if each CRLF were LF."""
    h, size, carry = hashlib.sha256(), 0, b""
    with open(path, "rb") as fh:
        while block := fh.read(_BLOCK):
            if crlf:
                block = (carry + block)
                carry = b"\r" if block.endswith(b"\r") else b""
                block = block[:len(block) - len(carry)].replace(b"\r\n", b"\n")
            h.update(block)
            size += len(block)
    h.update(carry)
    return h.hexdigest(), size + len(carry)


class Sink:
    """Puts files into the new tree ``tmp``; a file whose bytes are already in the old site
    ``old`` is linked from it instead of written, so an unchanged file keeps its inode and
    modification time (a web server or rsync sees it untouched)."""

    def __init__(self, tmp: Path, old: Path | None, mode: int) -> None:
        self.tmp, self.old, self.mode = tmp, old, mode

    def put(self, rel: str, text: Text) -> tuple[str, int, tuple[str, int] | None]:
        """Write ``rel``: (sha256, size, the same pair: what the tree now holds there)."""
        _inside(rel)
        path = self.tmp / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if os.path.lexists(path):  # written before (or linked): never write through a link
            path.unlink()
        if isinstance(text, str):
            data = text.encode("utf-8")
            sha = hashlib.sha256(data).hexdigest()
            if self.old is None or not _kept(self.old / rel, path, data, self.mode):
                path.write_bytes(data)
            return sha, len(data), (sha, len(data))
        h, size = hashlib.sha256(), 0
        with open(path, "xb") as fh:
            for piece in _pieces(text):
                h.update(piece)
                size += len(piece)
                fh.write(piece)
        sha = h.hexdigest()
        if self.old is not None and _same(self.old / rel, sha, size, self.mode):
            path.unlink()
            if not _link(self.old / rel, path, sha, size):
                # changed under us since we compared: write it again
                with open(path, "wb") as fh:
                    for piece in _pieces(text):
                        fh.write(piece)
        return sha, size, (sha, size)

    def link(self, rel: str) -> tuple[str, int] | None:
        """Link ``rel`` from the old site unread: (sha256, size) of the very file linked, for
        the caller to check against what it expects; None (nothing put) when there is none."""
        _inside(rel)
        if self.old is None or not _same(self.old / rel, None, -1, self.mode):
            return None
        path = self.tmp / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if os.path.lexists(path):
            path.unlink()
        try:
            os.link(self.old / rel, path, follow_symlinks=False)
            return digest(path)
        except OSError:
            return None

    def drop(self, rel: str) -> None:
        """Take ``rel`` out of the new tree again."""
        _inside(rel)
        if os.path.lexists(self.tmp / rel):
            (self.tmp / rel).unlink()

    def rewrite(self, rel: str, change: Callable[[str], str]) -> tuple[str, int, Any]:
        """Put ``rel`` again as ``change`` makes its text."""
        return self.put(rel, change((self.tmp / rel).read_text(encoding="utf-8")))


class CheckSink:
    """Compares files with the folder ``out`` instead of writing them (``site --check``)."""

    def __init__(self, out: Path) -> None:
        self.out = Path(out)

    def put(self, rel: str, text: Text) -> tuple[str, int, tuple[str, int] | None]:
        """(sha256, size, what the folder holds there: (sha256, size), None when missing)."""
        h, size = hashlib.sha256(), 0
        for piece in _pieces(text):
            h.update(piece)
            size += len(piece)
        try:
            return h.hexdigest(), size, digest(self.out / rel, crlf=True)
        except OSError:
            return h.hexdigest(), size, None

    def problem(self, rel: str, want: tuple[str, int], found: tuple[str, int] | None) -> str:
        """'' when the folder holds ``want`` at ``rel``, else what is wrong."""
        if found is None:
            return f"{self.out / rel}: missing"
        return "" if found == want else f"{self.out / rel}: out of date"


def _same(before: Path, sha: str | None, size: int, mode: int) -> bool:
    """``before`` is a plain file of the old site with ``size`` bytes (any size: -1; and
    ``sha``, when given) and the permissions a new file gets, linked nowhere else."""
    try:
        st = os.lstat(before)
        if not stat.S_ISREG(st.st_mode) or size not in (-1, st.st_size) or \
                stat.S_IMODE(st.st_mode) != mode or st.st_nlink != 1:
            return False
        return sha is None or digest(before) == (sha, size)
    except OSError:
        return False


def _link(before: Path, path: Path, sha: str, size: int) -> bool:
    """Link ``path`` to ``before``, then check the linked file's bytes; unlinked if wrong."""
    try:
        os.link(before, path, follow_symlinks=False)
    except OSError:  # gone, or links not supported here
        return False
    try:
        if stat.S_ISREG(os.lstat(path).st_mode) and digest(path) == (sha, size):
            return True
    except OSError:
        pass
    path.unlink()
    return False


def _kept(before: Path, path: Path, data: bytes, mode: int) -> bool:
    """Link ``path`` to ``before`` when that is a plain file of the old site holding exactly
    ``data`` with the permissions a new file gets; False (write it) otherwise."""
    try:
        st = os.lstat(before)
        if not stat.S_ISREG(st.st_mode) or st.st_size != len(data) or \
                stat.S_IMODE(st.st_mode) != mode or st.st_nlink != 1:
            return False
        with open(before, "rb") as fh:
            if fh.read(len(data) + 1) != data:
                return False
        os.link(before, path, follow_symlinks=False)
    except OSError:  # gone, unreadable, or links not supported here: write it
        return False
    return True


@contextmanager
def new_tree(out: Path, marker: str, *, follow_symlinks: bool = False,
             roots: Iterable[Path | str] = ()) -> Iterator[tuple[Path, Sink]]:
    """(resolved folder, ``Sink`` into its replacement): the folder ``out`` is replaced by
    exactly what is put when the block ends without an error, else left as it was. The path
    is resolved and checked first (``guarded.check_folder``: raises ``guarded.Refused``;
    ``NotASite`` when it holds files planck did not write)."""
    from planck.write import guarded

    try:
        final = guarded.check_folder(out, lambda p: (p / marker).is_file(),
                                     follow_symlinks=follow_symlinks, roots=roots)
    except guarded.Refused as why:
        if why.code == "foreign":
            raise NotASite(str(out)) from None
        raise
    old = final if final.is_dir() and not final.is_symlink() else None
    with guarded.replace_folder(final) as tmp:
        yield final, Sink(tmp, old, 0o666 & ~_umask())


def write_tree(out: Path, files: Mapping[str, str] | Iterable[tuple[str, Text]], marker: str, *,
               follow_symlinks: bool = False, roots: Iterable[Path | str] = ()) -> Path:
    """Replace the folder ``out`` by exactly ``files`` ({relative posix path: text}, or its
    (path, text) pairs one at a time, a later one replacing an earlier) and return the
    resolved folder written (``new_tree``). A file whose bytes are already in the old site is
    linked from it, not written again: a rebuild of unchanged data leaves every file as it
    was (same inode, same modification time).
    """
    pairs = files.items() if isinstance(files, Mapping) else files
    with new_tree(out, marker, follow_symlinks=follow_symlinks, roots=roots) as (final, sink):
        for rel, text in pairs:
            sink.put(rel, text)
    return final


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def extra_files(out: Path, names: set[str]) -> list[str]:
    """Files in the folder ``out`` that are not among ``names`` (relative posix paths)."""
    out = Path(out)
    if not out.is_dir():
        return []
    return [f"{path}: not part of the site" for path in sorted(out.rglob("*"))
            if path.is_file() and path.relative_to(out).as_posix() not in names]


def tree_problems(out: Path, files: Mapping[str, str] | Iterable[tuple[str, Text]]) -> list[str]:
    """How the folder ``out`` differs from ``files`` (a mapping, or its pairs one at a time):
    missing, out of date or extra files, in the order of the files' paths."""
    sink = CheckSink(Path(out))
    pairs = files.items() if isinstance(files, Mapping) else files
    found = {}
    for rel, text in pairs:
        sha, size, there = sink.put(rel, text)
        found[rel] = sink.problem(rel, (sha, size), there)
    return [found[rel] for rel in sorted(found) if found[rel]] + extra_files(out, set(found))
