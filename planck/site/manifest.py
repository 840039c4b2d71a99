"""What a built site was made from, kept in the site's folder so that the next build renders
only what changed.

Every key covers all that a page depends on. The build's key: the manifest's format,
planck's version and the bytes of every file of the installed package (code, templates,
labels) and of the methodology documents, the versions of Python, Jinja2, MarkupSafe and
markdown-it, the front page's language and the ``--as-of`` date. A city's key: the build's
key, its file name and the bytes of its target and measured files. A city's pages are kept
only when its key is the same and the pages in the folder still hold the bytes written (their
digest, read again), and the compare links on them still hold (the indicators it alone has);
anything else, or a manifest that cannot be read, is built again.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

NAME = ".planck-site-manifest.json"
FORMAT = 1
#: city and indicator ids as the data model allows them (read.model.Id): page names from a
#: manifest are never trusted further
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")


@dataclass(frozen=True)
class City:
    """One city as the manifest holds it."""

    file: str
    key: str
    id: str
    indicators: tuple[str, ...]
    alone: frozenset[str]
    digest: str

    def rels(self, langs: tuple[str, ...]) -> list[str]:
        """Its pages' paths (the city page, then each indicator's), language by language."""
        return [rel for lang in langs for rel in
                [f"{lang}/{self.id}/index.html",
                 *(f"{lang}/{self.id}/{ind}.html" for ind in self.indicators)]]


@dataclass(frozen=True)
class Manifest:
    key: str
    cities: tuple[City, ...]
    others: tuple[tuple[str, str, int], ...]  # (path, sha256, size) of every other file


def _feed(h, *items: str | bytes) -> None:
    for item in items:
        data = item.encode("utf-8") if isinstance(item, str) else item
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)


def build_key(lang: str, as_of: date | None, package: Path | None = None) -> str:
    """The key of a build with these options by this very installation of planck (its
    ``package`` folder: planck's own unless given)."""
    import sys
    from importlib.metadata import version

    import planck

    h = hashlib.sha256()
    _feed(h, str(FORMAT), planck.__version__, sys.version, lang,
          as_of.isoformat() if as_of else "")
    for dist in ("jinja2", "markupsafe", "markdown-it-py"):
        try:
            _feed(h, dist, version(dist))
        except Exception:  # not installed as a distribution: its absence is the key
            _feed(h, dist, "")
    package = package or Path(planck.__file__).resolve().parent
    files = [p for p in package.rglob("*") if "__pycache__" not in p.parts
             and p.suffix not in (".pyc", ".pyo") and p.is_file()]
    files += [package.parent / "docs" / n for n in ("methodology.md", "methodology.zh.md")]
    for path in sorted(files):
        name = path.relative_to(package.parent).as_posix()  # where it is installed: no matter
        try:
            _feed(h, name, path.read_bytes())
        except OSError:
            _feed(h, name, "")
    return h.hexdigest()


def city_key(key: str, target: Path) -> str | None:
    """The key of one city's files (None when they cannot be read: it is read afresh)."""
    from planck.read.dataset import measured_path

    h = hashlib.sha256()
    _feed(h, key, target.name)
    try:
        _feed(h, target.read_bytes())
        measured = measured_path(target)
        _feed(h, measured.read_bytes() if measured.exists() else b"\0none")
    except OSError:
        return None
    return h.hexdigest()


def pages_digest(pages: dict[str, tuple[str, int]]) -> str:
    """One digest of a city's pages: {path: (sha256, size)}."""
    h = hashlib.sha256()
    for rel in sorted(pages):
        _feed(h, rel, pages[rel][0], str(pages[rel][1]))
    return h.hexdigest()


def dump(m: Manifest) -> str:
    return json.dumps({"planck-site-manifest": FORMAT, "key": m.key,
                       "cities": [[c.file, c.key, c.id, list(c.indicators), sorted(c.alone),
                                   c.digest] for c in m.cities],
                       "others": [list(o) for o in m.others]},
                      ensure_ascii=False, separators=(",", ":")) + "\n"


def read(folder: Path) -> Manifest | None:
    """The manifest in ``folder``; None when there is none or it is not exactly one."""
    try:
        doc = json.loads((folder / NAME).read_text(encoding="utf-8"))
        if doc["planck-site-manifest"] != FORMAT or not isinstance(doc["key"], str):
            return None
        cities = []
        for file, key, cid, inds, alone, dig in doc["cities"]:
            if not all(isinstance(x, str) for x in (file, key, cid, dig, *inds, *alone)) or \
                    not all(_ID.fullmatch(x) for x in (cid, *inds)):
                return None
            cities.append(City(file, key, cid, tuple(inds), frozenset(alone), dig))
        others = []
        for rel, sha, size in doc["others"]:
            if not (isinstance(rel, str) and isinstance(sha, str) and type(size) is int):
                return None
            others.append((rel, sha, size))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    return Manifest(doc["key"], tuple(cities), tuple(others))
