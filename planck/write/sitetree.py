"""Writing a whole folder at once (the site): build beside it, then swap it into place.

A reader never sees half a site: the new tree is written to a temporary sibling folder and
renamed over the old one. Only a folder that planck made (it holds the marker file) or an
empty one is ever replaced; anything else is refused, so ``-o`` cannot wipe a user's folder.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


class NotASite(Exception):
    """The output folder exists, is not empty and was not written by planck."""


def owned(out: Path, marker: str) -> bool:
    """True when ``out`` may be replaced: missing, an empty folder, or one planck wrote."""
    if not out.exists() and not out.is_symlink():
        return True
    if out.is_symlink() or not out.is_dir():
        return False
    return (out / marker).is_file() or not any(out.iterdir())


def write_tree(out: Path, files: dict[str, str], marker: str) -> None:
    """Replace the folder ``out`` by exactly ``files`` ({relative posix path: text})."""
    out = Path(out)
    if not owned(out, marker):
        raise NotASite(str(out))
    parent = out.parent if str(out.parent) else Path(".")
    parent.mkdir(parents=True, exist_ok=True)
    tmp = parent / f".{out.name}.tmp-{os.getpid()}"
    old = parent / f".{out.name}.old-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        for rel, text in files.items():
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
        if out.exists():
            os.replace(out, old)
        os.replace(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)


def tree_problems(out: Path, files: dict[str, str]) -> list[str]:
    """How the folder ``out`` differs from ``files``: missing, out of date or extra files."""
    out = Path(out)
    problems = []
    for rel, text in files.items():
        path = out / rel
        try:
            same = path.read_bytes().replace(b"\r\n", b"\n") == text.encode("utf-8")
        except OSError:
            problems.append(f"{path}: missing")
            continue
        if not same:
            problems.append(f"{path}: out of date")
    if out.is_dir():
        for path in sorted(out.rglob("*")):
            rel = path.relative_to(out).as_posix()
            if path.is_file() and rel not in files:
                problems.append(f"{path}: not part of the site")
    return problems
