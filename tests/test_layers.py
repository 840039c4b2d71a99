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
    "harvest": {"extract", "render", "read"},
    "site": {"write", "render", "judge", "read"},
    "cli": {"site", "harvest", "extract", "write", "render", "judge", "read"},
}
#: Top-level modules every layer may use; they import no layer themselves.
SHARED = {"findings", "result", "result_parts", "escape", "operators", "readable", "reasons",
          "suggest", "pool", "choices", "words", "frozen"}


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


def _module_name(path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def _graph() -> dict[str, set[str]]:
    """planck's own modules and the planck modules each imports, at the top or inside a
    function alike (an import hidden in a function still makes a circle)."""
    names = {_module_name(p): p for p in PACKAGE.rglob("*.py") if "_bundled" not in p.parts}
    graph: dict[str, set[str]] = {}
    for name, path in names.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                # ``from planck.judge import rules`` imports the module planck.judge.rules
                found |= {m for m in (f"{node.module}.{a.name}" for a in node.names) if m in names}
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
        graph[name] = {m for m in found if m in names and m != name and not m == "planck"}
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_circle_finder_finds_a_circle():
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _circles({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_itself_through_others():
    """No import circle among planck's modules, lazy imports included: a circle hidden by an
    import inside a function is still two modules that cannot be understood apart."""
    graph = _graph()
    assert "planck.judge.rules" in graph and graph["planck.judge.evaluate"], "graph is empty"
    assert not _circles(graph), "\n".join(" → ".join(c) for c in _circles(graph))
