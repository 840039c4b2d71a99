"""The target folder as it was at a git revision: ``planck diff --from-rev REV``.

Reads the ``*.yaml`` files of a target folder from git (``git ls-tree`` and ``git cat-file``,
no shell, no checkout) into a private temporary folder that the caller removes; nothing in
the user's working tree is touched. Findings in those copies name the file as git would,
``REV:targets/luoyang.yaml``, so a bad old file points where the user can look.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from planck.findings import Finding, PlanckError

#: A file larger than this at the revision is refused like a large file in the tree.
MAX_BYTES = 20 * 2**20
#: All the files copied from one revision together (only the compared cities' are copied).
MAX_TOTAL = 64 * 2**20


@dataclass(frozen=True)
class Snapshot:
    """The target files of ``folder`` at ``rev`` copied to ``root`` (``prefix`` is how
    findings name a copy: ``REV:path/in/repo/``)."""

    rev: str
    commit: str
    root: Path
    prefix: str

    def rename(self, findings: list[Finding]) -> list[Finding]:
        """The same findings, naming ``REV:targets/x.yaml`` instead of the private copy."""
        root = str(self.root)

        def named(f: Finding) -> Finding:
            if f.file.startswith(root):
                return replace(f, file=self.prefix + f.file[len(root):].lstrip("/\\"))
            return f
        return [named(f) for f in findings]


def _fail(message: str) -> PlanckError:
    return PlanckError([Finding("--from-rev", 0, 0, "bad-revision", message)])


def _git(folder: Path, *args: str, text: bool = True) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True,
                              text=text, check=False, timeout=60)
    except FileNotFoundError:
        raise _fail("git is not installed: --from-rev reads the revision with git") from None
    except subprocess.TimeoutExpired:
        raise _fail("git did not answer within 60 s") from None


def snapshot(folder: Path, rev: str, dest: Path, cities: Iterable[str] | None = None) -> Snapshot:
    """Copy the target files of ``folder`` as committed at ``rev`` into ``dest`` (an empty
    private folder): only those of ``cities`` (file stems) when given, at most ``MAX_TOTAL``
    bytes in all. Raises PlanckError when ``folder`` is not in a git work tree, ``rev``
    names no commit, the files are too large, or the folder held no target file then."""
    wanted = None if cities is None else {
        name for stem in cities for name in (f"{stem}.yaml", f"{stem}.measured.yaml")}
    if not rev or rev.startswith("-") or any(c.isspace() or not c.isprintable() for c in rev):
        # a leading '-' would be read by git as an option
        raise _fail(f"{rev!r} is not a revision name")
    if not folder.is_dir():
        raise _fail(f"{folder} is not a folder")
    inside = _git(folder, "rev-parse", "--show-prefix")
    if inside.returncode != 0:
        raise _fail(f"{folder} is not inside a git repository")
    prefix = inside.stdout.strip()
    found = _git(folder, "rev-parse", "--verify", "--quiet", "--end-of-options",
                 f"{rev}^{{commit}}")
    if found.returncode != 0:
        raise _fail(f"{rev!r} names no commit in the repository of {folder}")
    commit = found.stdout.strip()
    listing = _git(folder, "ls-tree", "-z", "--full-tree", "-l", commit, "--", prefix or ".",
                   text=False)
    if listing.returncode != 0:
        raise _fail(f"cannot list {prefix or '.'} at {rev}: "
                    f"{listing.stderr.decode('utf-8', 'replace').strip()}")
    names, total = [], 0
    for entry in listing.stdout.split(b"\0"):
        if not entry:
            continue
        meta, raw_path = entry.split(b"\t", 1)
        mode, kind, blob, size = meta.decode("ascii").split()
        # a name git holds as bytes that are not UTF-8 keeps them (as the work tree's names do)
        name = raw_path.decode("utf-8", "surrogateescape")[len(prefix):]
        # only regular files directly in the folder, like city_files() in the work tree
        if kind != "blob" or mode not in ("100644", "100755") or "/" in name \
                or not name.endswith(".yaml") or (wanted is not None and name not in wanted):
            continue
        if int(size) > MAX_BYTES:
            raise _fail(f"{prefix}{name} at {rev} is over {MAX_BYTES // 2**20} MiB")
        total += int(size)
        if total > MAX_TOTAL:
            raise _fail(f"the target files of {prefix or './'} at {rev} are over "
                        f"{MAX_TOTAL // 2**20} MiB in all: compare one city at a time")
        data = _git(folder, "cat-file", "blob", blob, text=False)
        if data.returncode != 0:
            raise _fail(f"cannot read {prefix}{name} at {rev}")
        with open(dest / name, "xb") as fh:  # a new file in the private folder, never a link
            fh.write(data.stdout)
        names.append(name)
    # a city asked for by name that did not exist then is the caller's to say
    if wanted is None and not [n for n in names if not n.endswith(".measured.yaml")]:
        raise _fail(f"no target file in {prefix or './'} at {rev}")
    return Snapshot(rev, commit, dest, f"{rev}:{prefix}")
