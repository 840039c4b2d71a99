"""Fast path for well-formed files: libyaml composes, a small walker builds positioned data.

ruamel's round-trip parser is pure Python (~0.2 ms a line); libyaml, through PyYAML's C
loader, composes the same nodes with their line and column several times faster. This path
only ever *accepts* a file: at the first thing it is not sure about (a syntax error, a
duplicate key, a scalar whose YAML 1.1 and 1.2 readings could differ, no libyaml) it returns
None and the careful ruamel path in ``loader`` decides and words the findings. Scalars are read
by the YAML 1.2 core rules so both paths give the same data.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: The plain scalars read as null or a boolean, and what they read as.
_WORDS: dict[str, Any] = {**dict.fromkeys(_NULL), **_BOOL}
# The first characters of plain scalars that some YAML reading could take for a number, date
# or special value.
_NUMERIC_FIRST = frozenset("-+.0123456789")
# …and those made only of characters such readings use (hex digits, signs, 0x/0o/0b, dates,
# times): anything else, a CJK character say, makes the scalar a string in every reading.
_AMBIGUOUS = re.compile(r"[0-9a-fA-F._:+\-xXoObBtTzZ ]+|[-+]?\.(?:inf|nan)", re.IGNORECASE)


# bound from PyYAML by parse()
MappingNode: Any = None
ScalarNode: Any = None
SequenceNode: Any = None


class _Unsure(Exception):
    """Raised inside the walker: leave this file to the careful path."""


class Positions:
    """The ``.lc`` of a container, shaped like ruamel's: 0-based (line, col) pairs."""

    __slots__ = ("line", "col", "_keys", "_values", "_items")

    def __init__(self, line: int, col: int):
        self.line, self.col = line, col
        self._keys: dict[Any, tuple[int, int]] = {}
        self._values: dict[Any, tuple[int, int]] = {}
        self._items: list[tuple[int, int]] = []

    def key(self, k: Any) -> tuple[int, int]:
        return self._keys[k]

    def value(self, k: Any) -> tuple[int, int]:
        return self._values[k]

    def item(self, i: int) -> tuple[int, int]:
        return self._items[i]


class PosMap(dict):
    """A mapping that knows where its keys and values are (``.lc``)."""

    __slots__ = ("lc",)
    lc: Positions


class PosSeq(list):
    """A sequence that knows where its items are (``.lc``)."""

    __slots__ = ("lc",)
    lc: Positions


_DEFAULT_TAGS = frozenset({"tag:yaml.org,2002:str", "tag:yaml.org,2002:seq",
                           "tag:yaml.org,2002:map"})


def _scalar(node: Any) -> Any:
    if node.tag not in _DEFAULT_TAGS:
        raise _Unsure  # an explicit tag, even the bare '!': the careful path decides
    value = node.value
    if node.style:  # quoted or block scalars are strings in every reading
        return value
    if value in _WORDS:
        return _WORDS[value]
    if value[0] in _NUMERIC_FIRST:  # not empty: "" is a null word
        if _INT.fullmatch(value):
            return int(value)
        if _FLOAT.fullmatch(value):
            return float(value)
        if _DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                raise _Unsure from None  # the careful path words the bad date
        if _AMBIGUOUS.fullmatch(value) and _typed_in_yaml12(value):
            raise _Unsure  # 010, 1_000, 0x1F, .5, +3, .inf, a date-time …: ruamel reads it
    return value


# The implicit types ruamel's YAML 1.2 resolver gives a plain scalar that starts with one of
# "-+.0123456789" (ruamel/yaml/resolver.py, ``implicit_resolvers`` for version (1, 2): float,
# int, timestamp; the others start with letters, '~', '<' or '='). Copied so that reading a
# file name such as 003_a2f0b9b1.txt does not import ruamel; tests/test_fastpath.py
# checks that both give the same answer.
_YAML12_FLOAT = re.compile(r"""^(?:
     [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""", re.X)
_YAML12_INT = re.compile(r"""^(?:[-+]?0b[0-1_]+
    |[-+]?0o?[0-7_]+
    |[-+]?[0-9_]+
    |[-+]?0x[0-9a-fA-F_]+)$""", re.X)
_YAML12_TIMESTAMP = re.compile(r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
    |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
    (?:[Tt]|[ \t]+)[0-9][0-9]?
    :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
    (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", re.X)


def _typed_in_yaml12(value: str) -> bool:
    """True when ruamel (YAML 1.2) would read this plain scalar as a number or a timestamp,
    not a string. Only for values that start with one of ``-+.0123456789``."""
    first = value[:1]
    # as in ruamel, each type is tried only for the first characters it lists
    return bool((first and first in "-+0123456789." and _YAML12_FLOAT.match(value))
                or (first and first in "-+0123456789" and _YAML12_INT.match(value))
                or (first and first in "0123456789" and _YAML12_TIMESTAMP.match(value)))


#: Keys whose value is free text (a quote or note may span lines and hold a tab): the walk
#: below keeps their strings apart, for ``strings.check_strings``' two rules.
FREE_TEXT = frozenset({"quote", "note"})


class Strings:
    """Every string of a built tree, as ``strings.check_strings`` reads them: keys and short
    values in ``short``, values under a ``FREE_TEXT`` key (and items of a list there) in
    ``free``. Collected during the one walk, so the check need not walk the tree again."""

    __slots__ = ("short", "free")

    def __init__(self) -> None:
        self.short: list[str] = []
        self.free: list[str] = []


class _Builder:
    """The walk from composed nodes to positioned data: raises _Unsure at an alias (the same
    node reached twice), an explicit tag, a complex or duplicate key, or a merge key.

    An object, not a closure: a nested function that calls itself is a reference cycle, and
    each file's walk (with its strings) would wait for the cyclic collector. Scalars under a
    mapping or a sequence, most of the nodes, are read in the loop rather than by a call
    (unless the text has an anchor: then every node goes through the alias check)."""

    __slots__ = ("seen", "short", "free")

    def __init__(self, strings: Strings, anchored: bool):
        # only a text with an anchor ('&') can reach a node twice (an alias names an anchor)
        self.seen: set[int] | None = set() if anchored else None
        self.short, self.free = strings.short, strings.free

    def build(self, node: Any, free: bool) -> Any:
        # yaml is imported by parse() before any node exists; the node classes are bound then.
        seen = self.seen
        if seen is not None:
            if id(node) in seen:
                raise _Unsure
            seen.add(id(node))
        if isinstance(node, ScalarNode):
            value = _scalar(node)
            if type(value) is str:
                (self.free if free else self.short).append(value)
            return value
        if node.tag not in _DEFAULT_TAGS:
            raise _Unsure
        if isinstance(node, SequenceNode):
            return self._sequence(node, free)
        if isinstance(node, MappingNode):
            return self._mapping(node)
        raise _Unsure

    def _sequence(self, node: Any, free: bool) -> PosSeq:
        mark = node.start_mark
        seq = PosSeq()
        seq.lc = lc = Positions(mark.line, mark.column)
        items, strings, inline = lc._items, self.free if free else self.short, self.seen is None
        for item in node.value:
            mark = item.start_mark
            items.append((mark.line, mark.column))
            if inline and isinstance(item, ScalarNode):
                value = _scalar(item)
                if type(value) is str:
                    strings.append(value)
                seq.append(value)
            else:
                seq.append(self.build(item, free))
        return seq

    def _mapping(self, node: Any) -> PosMap:
        mark = node.start_mark
        out = PosMap()
        out.lc = lc = Positions(mark.line, mark.column)
        keys, values, short, inline = lc._keys, lc._values, self.short, self.seen is None
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Unsure
            key = _scalar(key_node)
            if key in out or key == "<<":
                raise _Unsure  # duplicate or merge key: the careful path reports it
            if type(key) is str:
                short.append(key)
            mark = key_node.start_mark
            keys[key] = at = (mark.line, mark.column)
            scalar = isinstance(value_node, ScalarNode)
            # an empty value has no position of its own; point at its key, as the careful
            # path does
            if not scalar or value_node.style or value_node.value != "":
                mark = value_node.start_mark
                at = (mark.line, mark.column)
            values[key] = at
            if inline and scalar:
                value = _scalar(value_node)
                if type(value) is str:
                    (self.free if key in FREE_TEXT else short).append(value)
                out[key] = value
            else:
                out[key] = self.build(value_node, key in FREE_TEXT)
        return out


@cache
def _loader() -> Any:
    """PyYAML's C loader without its Python-side resolver calls (about an eighth of compose).

    ``CBaseLoader`` resolves with ``BaseResolver``, which has no implicit or path resolvers,
    so every node gets its kind's default tag; this loader gives the same tags directly. If
    someone registered resolvers on ``BaseResolver``, the stock loader is used as it is.
    """
    import yaml

    base = yaml.CBaseLoader
    if base.yaml_implicit_resolvers or base.yaml_path_resolvers:
        return base
    tags = {yaml.ScalarNode: base.DEFAULT_SCALAR_TAG, yaml.SequenceNode: base.DEFAULT_SEQUENCE_TAG,
            yaml.MappingNode: base.DEFAULT_MAPPING_TAG}

    class Loader(base):  # type: ignore[valid-type, misc]
        def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
            return tags[kind]

        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None

    return Loader


def parse(text: str) -> PosMap | None:
    """Positioned data for a well-formed file whose top level is a mapping, else None."""
    built = parse_with_strings(text)
    return None if built is None else built[0]


def parse_with_strings(text: str) -> tuple[PosMap, Strings] | None:
    """``parse``, and the tree's strings (see ``Strings``)."""
    global MappingNode, ScalarNode, SequenceNode
    try:
        import yaml
        from yaml import MappingNode, ScalarNode, SequenceNode

        loader = _loader()  # no implicit resolution: _scalar reads plain scalars itself
    except (ImportError, AttributeError):
        return None
    strings = Strings()
    try:
        node = yaml.compose(text, Loader=loader)
        if node is None:
            return None
        data = _Builder(strings, "&" in text).build(node, False)
    except (_Unsure, yaml.YAMLError, RecursionError, ValueError, TypeError, OverflowError):
        return None
    return (data, strings) if isinstance(data, PosMap) else None
