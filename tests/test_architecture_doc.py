"""docs/architecture.md names every module of the package under its own folder, and names no
module that is not there: a new module needs its line, a renamed or removed one loses it."""

from __future__ import annotations

import re

from conftest import ROOT

PACKAGE = ROOT / "planck"
DOC = ROOT / "docs" / "architecture.md"


def _documented() -> dict[str, set[str]]:
    """Folder ('' for the top level) → the module names its table rows list in their second
    cell (a row with an empty first cell continues the folder above it)."""
    out: dict[str, set[str]] = {}
    folder = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else []
        if len(cells) < 2 or cells[0] == "folder" or cells[0].startswith("---"):
            continue  # not a row, the header, or the line under it
        head = re.fullmatch(r"`planck/([\w/]*?)/?`", cells[0])
        if head:
            folder = head.group(1)
        elif cells[0]:
            continue
        if folder is None:
            continue
        names = re.findall(r"`(\w+)`", cells[1])
        out.setdefault(folder, set()).update(names)
    return out


def _modules() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if "_bundled" in rel.parts or "templates" in rel.parts:
            continue
        folder = "/".join(rel.parts[:-1])
        if path.stem == "__init__" and len(path.read_text(encoding="utf-8").splitlines()) < 5:
            continue  # an empty package marker holds nothing to describe
        out.setdefault(folder, set()).add(path.stem)
    return out


def test_every_module_is_named_under_its_folder():
    documented, modules = _documented(), _modules()
    missing = sorted(f"planck/{folder}/{name}.py".replace("//", "/")
                     for folder, names in modules.items()
                     for name in names - documented.get(folder, set()))
    assert not missing, "docs/architecture.md does not name: " + ", ".join(missing)


def test_every_module_named_exists():
    documented, modules = _documented(), _modules()
    stale = sorted(f"planck/{folder}/{name}".replace("//", "/")
                   for folder, names in documented.items()
                   for name in names - modules.get(folder, set()))
    assert not stale, "docs/architecture.md names modules that are not there: " + ", ".join(stale)


def test_the_reader_sees_each_folder():
    assert set(_documented()) == set(_modules())
