"""The one guarded way planck writes a file or a folder it was told to write.

Every writing command (site, report and its charts, export, extract -o, record, import, new,
and the private copies of diff --from-rev) goes through here, in this order:

1. ``resolve`` the final path component by component, *before* anything is made: a ``..``
   after a folder that does not exist is refused (``nothere/../targets`` would be checked as
   one path and written as another); a symbolic link inside the repository (the git work tree
   of the current folder or of the data folder) is refused, as a parent or as the target,
   unless ``follow_symlinks``: a link committed in a pull request must not steer a write out
   of the repository. A link outside the repository (``/tmp`` on macOS) is followed.
2. ``check`` what is at the resolved path: only a new path or a regular file, never one of
   the command's inputs, and an existing file only when planck wrote it (``owner.py``; it
   reads a bounded head of the file) unless ``force``.
3. ``write_file`` / ``replace_folder``: the new content goes to a temporary file or folder
   with an unpredictable name (``mkstemp``/``mkdtemp``) beside the target, then one rename
   puts it in place; on any failure (or an interrupt) the temporary one is removed and the
   old content is left as it was.

Typical use (a command writing one output file)::

    from planck.write import guarded
    try:
        path = guarded.write_file(out, data, force=force, follow_symlinks=follow,
                                  inputs=data_files(directory), roots=[directory])
    except guarded.Refused as why:
        ...  # one line: f"{why.path}: {why.reason}", exit 2; nothing was written

A command writing several files calls ``check`` on each first (so a refusal leaves all of
them untouched), then ``write_file`` with ``checked=True`` on the paths ``check`` returned.
Nothing here prints.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path


class Refused(Exception):
    """planck must not write ``path``: ``reason`` says why in words (without the path).
    ``code`` is 'foreign' for a file planck did not write (``--force`` lifts it), else a
    short name of the rule ('dotdot', 'symlink', 'kind', 'input', 'path')."""

    def __init__(self, path: Path | str, reason: str, code: str = "path") -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason, self.code = str(path), reason, code


def repository(folder: Path | str | None = None) -> Path:
    """The git work tree holding ``folder`` (default: the current folder), found by its
    ``.git`` entry; the folder itself when it is in none."""
    start = Path(os.path.realpath(folder if folder is not None else os.getcwd()))
    for place in (start, *start.parents):
        if os.path.lexists(place / ".git"):
            return place
    return start


def _inside(path: Path, roots: list[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def _roots(extra: Iterable[Path | str]) -> list[Path]:
    # a data folder's repository: its git work tree, else the folder holding the data folder;
    # found from the path as given, not from where a link in it leads
    found = [repository()]
    for folder in extra:
        given = Path(os.path.abspath(folder))
        place = next((p for p in (given, *given.parents) if os.path.lexists(p / ".git")),
                     given.parent)
        found.append(Path(os.path.realpath(place)))
    return found


def resolve(path: Path | str, *, follow_symlinks: bool = False,
            roots: Iterable[Path | str] = ()) -> Path:
    """The absolute, symlink-free path a write to ``path`` would land on; raise ``Refused``
    for a ``..`` after a missing folder, a symbolic link inside the repository (the current
    folder's, and that of each folder in ``roots``) unless ``follow_symlinks``, a symbolic
    link as the target itself unless ``follow_symlinks``, a parent that is not a folder, and
    a path the system cannot use (a name too long, a symlink loop)."""
    given = Path(path)
    inside = _roots(roots)
    current = Path(os.path.realpath(given.anchor or os.getcwd()))
    parts = given.parts[1:] if given.anchor else given.parts
    missing: list[str] = []
    for i, name in enumerate(parts):
        last = i == len(parts) - 1
        if name == "..":
            if missing:
                raise Refused(path, f"'..' after the folder {missing[0]!r} that does not exist: "
                              "give the path without '..'", "dotdot")
            current = current.parent
            continue
        if missing:
            missing.append(name)
            continue
        candidate = current / name
        try:
            mode = os.lstat(candidate).st_mode
        except FileNotFoundError:
            missing.append(name)
            continue
        except OSError as err:
            raise Refused(path, f"cannot use this path: {err.strerror or err}") from None
        if stat.S_ISLNK(mode):
            if not follow_symlinks and (last or _inside(candidate, inside)):
                where = "is a symbolic link" if last else f"goes through the symbolic link {name!r}"
                raise Refused(path, f"{where} (to {_link(candidate)}): planck does not write "
                              "through links inside the repository (--follow-symlinks to "
                              "allow it)", "symlink")
            try:
                candidate = Path(os.path.realpath(candidate, strict=True))
                mode = os.stat(candidate).st_mode
            except OSError as err:
                if last and isinstance(err, FileNotFoundError):  # a dangling link: its target
                    candidate = Path(os.path.realpath(candidate))
                    current = candidate.parent
                    missing.append(candidate.name)
                    continue
                raise Refused(path, f"cannot follow the symbolic link {name!r}: "
                              f"{err.strerror or err}", "symlink") from None
        if not last and not stat.S_ISDIR(mode):
            raise Refused(path, f"{name!r} is not a folder")
        current = candidate
    return current.joinpath(*missing)


def _link(path: Path) -> str:
    try:
        return repr(os.readlink(path))
    except OSError:
        return "?"


class InputIds(frozenset[tuple[int, int]]):
    """The (device, inode) of each of planck's input files, read once: a command checking
    many outputs against the same inputs looks each one up instead of comparing it with
    every input (3,000 places: 183,000 outputs against 6,000 inputs)."""


def identities(paths: Iterable[Path | str]) -> InputIds:
    """The identities of ``paths`` (as ``os.path.samefile`` compares them); a path that
    cannot be read is left out, as it cannot be written over either."""
    found = set()
    for item in paths:
        try:
            st = os.stat(item)
        except OSError:
            continue
        found.add((st.st_dev, st.st_ino))
    return InputIds(found)


def check(path: Path | str, *, force: bool = False, follow_symlinks: bool = False,
          roots: Iterable[Path | str] = (), inputs: Iterable[Path | str] | InputIds = (),
          owned: Callable[[Path], bool] | None = None) -> Path:
    """The resolved path (see ``resolve``) when planck may write a file there; else raise
    ``Refused``. An existing path must be a regular file, none of ``inputs``, and ``owned``
    by planck (default: ``owner.written_by_planck``, which reads a bounded head) unless
    ``force``. Nothing is created."""
    from planck.write.owner import written_by_planck
    from planck.write.target import kind

    text = str(path)
    if text.endswith(("/", os.sep)) or Path(text).name in ("", ".", ".."):
        raise Refused(path, "is a folder: give a file name (or '-' for stdout)", "kind")
    final = resolve(path, follow_symlinks=follow_symlinks, roots=roots)
    found = kind(final)
    if found is None:
        return final
    if found != "regular file":
        raise Refused(path, f"is a {found}: planck writes only to a regular file or a new "
                      "path (or '-' for stdout)", "kind")
    ids = inputs if isinstance(inputs, InputIds) else identities(inputs)
    if ids:
        try:
            st = os.stat(final)
        except OSError:
            st = None
        if st is not None and (st.st_dev, st.st_ino) in ids:
            raise Refused(path, "is one of planck's input files: planck never writes "
                          "over its inputs", "input")
    if not force and not (owned or written_by_planck)(final):
        raise Refused(path, "exists and was not written by planck (use --force to replace it)",
                      "foreign")
    return final


def write_file(path: Path | str, data: str | bytes, *, force: bool = False,
               follow_symlinks: bool = False, roots: Iterable[Path | str] = (),
               inputs: Iterable[Path | str] | InputIds = (), owned: Callable[[Path], bool] | None = None,
               checked: bool = False, make_parents: bool = True,
               encoding: str = "utf-8") -> Path:
    """Write ``data`` (text is encoded with ``encoding``, line ends as given) to ``path``
    after ``check`` (skipped when ``checked``: ``path`` is what ``check`` returned), making
    missing parent folders; return the path written. Raises ``Refused`` or ``OSError``;
    either way the old file is intact and no temporary file is left."""
    from planck.write.atomic import write_atomic

    final = Path(path) if checked else check(path, force=force, follow_symlinks=follow_symlinks,
                                             roots=roots, inputs=inputs, owned=owned)
    if make_parents:
        final.parent.mkdir(parents=True, exist_ok=True)
    _writable_folder(final.parent)
    write_atomic(final, data, encoding)
    return final


def _writable_folder(folder: Path) -> None:
    """Raise PermissionError for a folder without any write bit (``chmod a-w``): root could
    still write in it, but it means "leave it", as it does for everyone else."""
    try:
        mode = os.stat(folder).st_mode
    except OSError:
        return  # the write itself says what is wrong
    if not mode & 0o222:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder))


def check_folder(out: Path | str, owned: Callable[[Path], bool], *,
                 follow_symlinks: bool = False, roots: Iterable[Path | str] = ()) -> Path:
    """The resolved folder ``out`` when planck may replace it as a whole: missing, empty,
    or ``owned`` (e.g. holding planck's marker file); else raise ``Refused``."""
    final = resolve(out, follow_symlinks=follow_symlinks, roots=roots)
    try:
        mode = os.lstat(final).st_mode
    except FileNotFoundError:
        return final
    except OSError as err:
        raise Refused(out, f"cannot use this path: {err.strerror or err}") from None
    if not stat.S_ISDIR(mode):
        raise Refused(out, "is not a folder: planck replaces only a folder it made", "kind")
    try:
        with os.scandir(final) as entries:
            empty = next(entries, None) is None
    except OSError as err:
        raise Refused(out, f"cannot read the folder: {err.strerror or err}") from None
    if not empty and not owned(final):
        raise Refused(out, "exists and was not written by planck", "foreign")
    return final


@contextmanager
def replace_folder(final: Path) -> Iterator[Path]:
    """Yield a new private folder beside ``final`` (a path ``check_folder`` returned) to fill;
    when the block ends without an error it replaces ``final`` whole in one rename, else it
    is removed and ``final`` is left as it was. A reader never sees half a folder."""
    parent = final.parent
    parent.mkdir(parents=True, exist_ok=True)
    _writable_folder(parent)
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".tmp", dir=parent))
    trash = None
    try:
        os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes it 0o700; a site is for reading
        yield tmp
        if os.path.lexists(final):
            if os.path.islink(final) or not os.path.isdir(final):  # changed since the check
                raise OSError(errno.EEXIST, f"{final} is no longer a folder planck made")
            trash = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".old", dir=parent))
            os.replace(final, trash / "old")
        os.replace(tmp, final)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if trash is not None:
            shutil.rmtree(trash, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
