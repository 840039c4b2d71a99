"""Where planck may write: a regular file or a new path, never a special file or an input.

``-o`` takes a path from the user; writing through a FIFO blocks, through a symlink or onto a
device replaces the node (an atomic rename swaps the link or ``/dev/full`` itself for a regular
file), and ``report -o targets/luoyang.yaml`` would overwrite the data it reads. The writing
commands ask ``guarded.check`` (which applies the same rules to the resolved path);
``atomic.write_atomic`` checks the kind again as a last guard.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = ((stat.S_ISLNK, "symbolic link"), (stat.S_ISDIR, "folder"), (stat.S_ISFIFO, "FIFO"),
          (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
          (stat.S_ISSOCK, "socket"), (stat.S_ISREG, "regular file"))


def kind(path: Path | str) -> str | None:
    """What is at ``path`` without following a symlink: 'regular file', 'folder', 'FIFO',
    'symbolic link', … or None when nothing is there."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError:
        return "unreadable path"
    return next((name for test, name in _KINDS if test(mode)), "special file")


def data_files(directory: Path | str) -> list[Path]:
    """Every YAML file in a targets folder (target and measured files): planck's inputs."""
    folder = Path(directory)
    try:
        return [p for p in folder.iterdir() if p.suffix in (".yaml", ".yml")]
    except OSError:
        return []
