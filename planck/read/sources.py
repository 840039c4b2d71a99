"""Source documents for ``validate --sources DIR``: found only inside DIR, read with a cap.

A source's ``file:`` comes from a data file, so from a stranger: ``../outside/secret.txt``, an
absolute path or a symlink leading out of DIR would let "quote found / not found" reveal what
another file holds. The path is resolved (symlinks followed) and must stay inside the resolved
DIR; the document must be a regular file; at most ``MAX_SOURCE_BYTES`` are read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: Largest source document read (documented in docs/format.md); plan texts are well below 1 MiB.
MAX_SOURCE_BYTES = 20 * 1024 * 1024


class SourceProblem(Exception):
    """Why a named source document cannot be used (the message of a finding)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def inside(folder: Path, name: str) -> Path:
    """``folder / name`` resolved, or SourceProblem when it leads outside ``folder``."""
    root = folder.resolve()
    try:
        path = (root / name).resolve()
    except (OSError, RuntimeError, ValueError) as err:  # a symlink loop, a NUL in the name
        raise SourceProblem("source-outside", f"source file {name!r} cannot be resolved: {err}") \
            from None
    if not path.is_relative_to(root):
        raise SourceProblem("source-outside", f"source file {name!r} is outside the sources "
                                              f"folder {folder}: name a file inside it")
    return path


def read_text(path: Path) -> str | None:
    """The document's text (UTF-8, undecodable bytes replaced), None when it is not a regular
    file, SourceProblem when it is over the cap."""
    from planck.read.loader import NotRegular, read_regular

    try:
        raw = read_regular(path, MAX_SOURCE_BYTES + 1)
    except NotRegular:
        return None
    except OSError:
        return None
    if len(raw) > MAX_SOURCE_BYTES:
        raise SourceProblem("source-too-large", f"source document {path.name!r} is over "
                                                f"{MAX_SOURCE_BYTES // 2**20} MiB: not read")
    return raw.decode("utf-8", errors="replace")


def document(sources_dir: Path, src: Any) -> str | None:
    """Text of a source's document in ``sources_dir``: by its ``file`` name, else by its id
    (``<id>.*``). None when there is none; SourceProblem when it may not be read."""
    if src.file:
        return read_text(inside(sources_dir, src.file))
    for candidate in sorted(sources_dir.glob(f"{src.id}.*")):
        try:
            path = inside(sources_dir, candidate.name)
        except SourceProblem:
            continue  # a symlink by the id's name leading out: not this source's document
        text = read_text(path)
        if text is not None:
            return text
    return None
