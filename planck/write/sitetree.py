"""Writing a whole folder at once (the site): build beside it, then swap it into place.

A reader never sees half a site: the new tree is written to a private temporary sibling
folder (``guarded.replace_folder``: an unpredictable name) and renamed over the old one. Only
a folder that planck made (it holds the marker file) or an empty one is ever replaced;
anything else is refused, so ``-o`` cannot wipe a user's folder.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


class NotASite(Exception):
    """The output folder exists, is not empty and was not written by planck."""


def write_tree(out: Path, files: dict[str, str], marker: str, *,
               follow_symlinks: bool = False, roots: Iterable[Path | str] = ()) -> Path:
    """Replace the folder ``out`` by exactly ``files`` ({relative posix path: text}) and
    return the resolved folder written. The path is resolved and checked first
    (``guarded.check_folder``: raises ``guarded.Refused``; ``NotASite`` when it holds files
    planck did not write), the tree is built in a private folder beside it, then swapped in.
    """
    from planck.write import guarded

    try:
        final = guarded.check_folder(out, lambda p: (p / marker).is_file(),
                                     follow_symlinks=follow_symlinks, roots=roots)
    except guarded.Refused as why:
        if why.code == "foreign":
            raise NotASite(str(out)) from None
        raise
    with guarded.replace_folder(final) as tmp:
        for rel, text in files.items():
            if Path(rel).is_absolute() or ".." in Path(rel).parts:  # a page name from data
                raise ValueError(f"not a path inside the site: {rel!r}")
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
    return final


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
