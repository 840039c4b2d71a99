"""Loader: the only module that reads input files.

A file becomes a round-trip YAML tree (``CommentedMap``: every node knows its line and column)
or a list of findings. Nothing here raises on bad input and nothing prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .findings import Finding

#: Files larger than this are refused before parsing (documented in docs/format.md).
MAX_BYTES = 5 * 1024 * 1024
#: Deeper nesting than this is refused; planck's own files need 4 levels.
MAX_DEPTH = 40


@dataclass
class Loaded:
    """A parsed YAML file: ``data`` is a CommentedMap, or None with findings saying why."""

    path: str
    data: Any = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.data is not None and not self.findings


def _pos(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def decode(raw: bytes, name: str) -> tuple[str | None, list[Finding]]:
    """UTF-8 (with or without BOM) to text; anything else is a finding that says what to do."""
    if b"\x00" in raw:
        line, col = _pos(raw.decode("latin-1"), raw.index(b"\x00"))
        return None, [Finding(name, line, col, "binary",
                              "file contains a NUL byte: this is not a text YAML file")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line, col = _pos(raw[: err.start].decode("utf-8", "replace"), err.start)
        hint = "file is not UTF-8"
        try:
            raw.decode("gb18030")
            hint += (" (it decodes as GBK/GB18030); convert it with "
                     f"`iconv -f GB18030 -t UTF-8 {name} > {name}.utf8` and check the result")
        except UnicodeDecodeError:
            hint += f" (invalid byte 0x{raw[err.start]:02x}); save it as UTF-8"
        return None, [Finding(name, line, col, "encoding", hint)]
    return text, []


def _mark(err: Exception) -> tuple[int, int]:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    if mark is None:
        return 0, 0
    return mark.line + 1, mark.column + 1


def _preflight(text: str, name: str) -> list[Finding]:
    """Refuse aliases, tags and deep nesting from the event stream, before any tree is built.

    Aliases are refused because expanding them downstream is exponential (billion laughs);
    tags because round-trip mode keeps ``!!python/...`` nodes as inert data that would pass
    validation unnoticed.
    """
    # Aliases need '*', anchors '&', tags '!', deep nesting '[' or '{' or indentation; a file
    # with none of the first three and modest size skips the second parse entirely.
    if not any(c in text for c in "&*!") and text.count("[") + text.count("{") < MAX_DEPTH:
        return []
    from ruamel.yaml import YAML
    from ruamel.yaml.events import (
        AliasEvent,
        CollectionEndEvent,
        CollectionStartEvent,
        NodeEvent,
        ScalarEvent,
    )

    found: list[Finding] = []
    depth = 0
    for event in YAML(typ="safe", pure=True).parse(text):
        mark = event.start_mark
        where = (name, mark.line + 1, mark.column + 1)
        if isinstance(event, AliasEvent):
            return [Finding(*where, "alias", f"YAML aliases (*{event.anchor}) are not allowed")]
        if isinstance(event, NodeEvent) and getattr(event, "anchor", None):
            return [Finding(*where, "alias", f"YAML anchors (&{event.anchor}) are not allowed")]
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return [Finding(*where, "too-deep", f"nesting deeper than {MAX_DEPTH} levels")]
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
        tag = getattr(event, "tag", None)
        if tag is not None and isinstance(event, (ScalarEvent, CollectionStartEvent)):
            if isinstance(event, ScalarEvent) and event.implicit and event.implicit[0]:
                continue
            found.append(Finding(*where, "tag", f"YAML tags ({tag}) are not allowed"))
    return found


def parse(text: str, name: str) -> Loaded:
    """Parse YAML text into a round-trip tree, or findings with positions."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        findings = _preflight(text, name)
        if findings:
            return Loaded(name, None, findings)
        yaml = YAML(typ="rt")
        data = yaml.load(text)
    except MarkedYAMLError as err:
        line, col = _mark(err)
        code = "duplicate-key" if type(err).__name__ == "DuplicateKeyError" else "yaml-syntax"
        problem = (err.problem or str(err)).strip().splitlines()[0]
        if code == "duplicate-key":
            problem = problem.replace("found ", "", 1)
        return Loaded(name, None, [Finding(name, line, col, code, problem)])
    except (YAMLError, RecursionError, ValueError, TypeError) as err:
        return Loaded(name, None, [Finding(name, 0, 0, "yaml-syntax",
                                           f"cannot parse YAML: {type(err).__name__}: {err}")])
    if data is None:
        return Loaded(name, None, [Finding(name, 1, 1, "empty",
                                           "file holds no YAML document (empty or comments only)")])
    if not hasattr(data, "lc") or not isinstance(data, dict):
        kind = type(data).__name__.replace("Commented", "").lower()
        return Loaded(name, None, [Finding(name, 1, 1, "not-a-mapping",
                                           f"top level must be a mapping of keys, not a {kind}")])
    return Loaded(name, data, [])


def load(path: Path | str, display: str | None = None) -> Loaded:
    """Read and parse one YAML file; ``display`` is the name used in findings."""
    name = display or str(path)
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            return Loaded(name, None, [Finding(name, 0, 0, "too-large",
                                               f"file is {size} bytes; the limit is {MAX_BYTES}")])
        raw = p.read_bytes()
    except OSError as err:
        return Loaded(name, None, [Finding(name, 0, 0, "unreadable",
                                           f"cannot read file: {err.strerror or err}")])
    text, findings = decode(raw, name)
    if text is None:
        return Loaded(name, None, findings)
    return parse(text, name)


def locate(doc: Any, loc: tuple[Any, ...]) -> tuple[int, int]:
    """Map a pydantic error ``loc`` to a 1-based (line, col) in the round-trip tree.

    Scalars point at their value, containers at their key; a missing key points at its parent.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    node = doc
    pos = (doc.lc.line, doc.lc.col) if hasattr(doc, "lc") else (0, -1)
    for part in loc:
        if isinstance(node, CommentedMap) and part in node:
            child = node[part]
            container = isinstance(child, (CommentedMap, CommentedSeq))
            pos = node.lc.key(part) if container else node.lc.value(part)
            node = child
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            pos = node.lc.item(part)
            node = node[part]
    return pos[0] + 1, pos[1] + 1


def key_position(node: Any, key: str) -> tuple[int, int]:
    """1-based position of ``key``'s value in a mapping node (of the node itself if absent)."""
    try:
        if key in node:
            line, col = node.lc.value(key)
            return line + 1, col + 1
        return node.lc.line + 1, node.lc.col + 1
    except (AttributeError, KeyError, TypeError):
        return 0, 0
