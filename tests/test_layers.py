"""The package's arrows point down the flow (docs/architecture.md): a module imports only from
its own folder, the folders below it, and the top-level modules every layer shares. A new
import that points up (the judge reaching into render, read into write) fails here."""

from __future__ import annotations

import ast

from conftest import ROOT

PACKAGE = ROOT / "planck"
#: What each folder may import from besides itself and the shared top-level modules.
BELOW = {
    "read": set(),
    "judge": {"read"},
    "render": {"judge", "read"},
    "write": {"render", "judge", "read"},
    "extract": {"read"},
    "site": {"write", "render", "judge", "read"},
    "cli": {"site", "extract", "write", "render", "judge", "read"},
}
#: Top-level modules every layer may use; they import no layer themselves.
SHARED = {"findings", "result", "escape", "operators", "readable", "reasons", "suggest"}


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "planck" and len(parts) > 1 else None


def test_every_folder_is_known():
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders - {"_bundled"} == set(BELOW), "a new folder needs its place in BELOW"


def test_imports_point_down_the_flow():
    upward = []
    for folder, allowed in BELOW.items():
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            for module, line in _imports(path):
                target = _layer(module)
                if target is None or target == folder or target in SHARED or target in allowed:
                    continue
                upward.append(f"{path.relative_to(ROOT)}:{line}: imports {module}")
    assert not upward, "\n".join(upward)


def test_shared_modules_import_no_layer():
    for name in SHARED:
        path = PACKAGE / f"{name}.py"
        assert path.is_file(), name
        layers = {_layer(m) for m, _ in _imports(path)} - SHARED - {None}
        assert not layers, f"{name}.py imports {layers}"
