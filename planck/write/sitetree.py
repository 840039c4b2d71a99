"""Writing a whole folder at once (the site): build beside it, then swap it into place.

A reader never sees half a site: the new tree is written to a private temporary sibling
folder (``guarded.replace_folder``: an unpredictable name) and renamed over the old one. Only
a folder that planck made (it holds the marker file) or an empty one is ever replaced;
anything else is refused, so ``-o`` cannot wipe a user's folder.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path


class NotASite(Exception):
    """The output folder exists, is not empty and was not written by planck."""


def write_tree(out: Path, files: Mapping[str, str] | Iterable[tuple[str, str]], marker: str, *,
               follow_symlinks: bool = False, roots: Iterable[Path | str] = ()) -> Path:
    """Replace the folder ``out`` by exactly ``files`` ({relative posix path: text}, or its
    (path, text) pairs one at a time, a later one replacing an earlier) and return the
    resolved folder written. The path is resolved and checked first (``guarded.check_folder``:
    raises ``guarded.Refused``; ``NotASite`` when it holds files planck did not write), the
    tree is built in a private folder beside it, then swapped in. A file whose bytes are
    already in the old site is linked from it, not written again: a rebuild of unchanged data
    leaves every file as it was (same inode, same modification time).
    """
    from planck.write import guarded

    try:
        final = guarded.check_folder(out, lambda p: (p / marker).is_file(),
                                     follow_symlinks=follow_symlinks, roots=roots)
    except guarded.Refused as why:
        if why.code == "foreign":
            raise NotASite(str(out)) from None
        raise
    pairs = files.items() if isinstance(files, Mapping) else files
    old = final if final.is_dir() and not final.is_symlink() else None
    mode = 0o666 & ~_umask()
    with guarded.replace_folder(final) as tmp:
        for rel, text in pairs:
            if Path(rel).is_absolute() or ".." in Path(rel).parts:  # a page name from data
                raise ValueError(f"not a path inside the site: {rel!r}")
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8")
            if os.path.lexists(path):  # written before (or linked): never write through a link
                path.unlink()
            if old is None or not _kept(old / rel, path, data, mode):
                path.write_bytes(data)
    return final


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


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def tree_problems(out: Path, files: Mapping[str, str] | Iterable[tuple[str, str]]) -> list[str]:
    """How the folder ``out`` differs from ``files`` (a mapping, or its pairs one at a time):
    missing, out of date or extra files, in the order of the files' paths."""
    out = Path(out)
    pairs = files.items() if isinstance(files, Mapping) else files
    found: dict[str, str] = {}
    for rel, text in pairs:
        path = out / rel
        try:
            same = path.read_bytes().replace(b"\r\n", b"\n") == text.encode("utf-8")
        except OSError:
            found[rel] = f"{path}: missing"
            continue
        found[rel] = "" if same else f"{path}: out of date"
    problems = [found[rel] for rel in sorted(found) if found[rel]]
    if out.is_dir():
        for path in sorted(out.rglob("*")):
            rel = path.relative_to(out).as_posix()
            if path.is_file() and rel not in found:
                problems.append(f"{path}: not part of the site")
    return problems
