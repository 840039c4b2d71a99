"""Loader: the only module that reads input files.

A file becomes a round-trip YAML tree (``CommentedMap``: every node knows its line and column)
or a list of findings. Nothing here raises on bad input and nothing prints. What is refused,
and why, is listed in docs/format.md ("What planck refuses").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from planck.findings import Finding

#: Files larger than this are refused before parsing (documented in docs/format.md).
MAX_BYTES = 5 * 1024 * 1024
#: The careful path (ruamel, ~5 s a MiB and far more in memory) reads files up to this size;
#: a larger one it would have to read is refused at once (the quick path has no such bound).
CAREFUL_MAX_BYTES = 512 * 1024
#: Deeper nesting than this is refused; planck's own files need 4 levels.
MAX_DEPTH = 40
#: Longest message kept in a finding; longer ones (huge keys or values) are cut.
MAX_MESSAGE = 400

# Characters that end a line for a terminal or for str.splitlines(), and other controls.
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Block-context prefix of a line: indentation plus '-', '?' and ':' indicators. Every block
# collection starts at the end of such a prefix, which bounds the nesting depth cheaply.
_PREFIX = re.compile(r"^[ \t?:-]*", re.MULTILINE)
# A run of opening brackets deeper than MAX_DEPTH: refused without asking the YAML scanner,
# whose look-ahead for simple keys makes long runs slow.
_BRACKETS = re.compile(r"[\[{](?:[\s,]*[\[{]){" + str(MAX_DEPTH) + "}")
# '&', '*' or '!' where a node can start (line start, blank, flow indicator, ':'): a possible
# anchor, alias or tag. 'R&D' or 'S&T' inside a scalar does not match, so they cost no re-parse.
_MAGIC = (b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\xd0\xcf\x11\xe0", b"GIF8", b"\xff\xd8")


@dataclass
class Loaded:
    """A parsed YAML file: ``data`` is a CommentedMap, or None with findings saying why."""

    path: str
    data: Any = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.data is not None and not self.findings


def one_line(message: str) -> str:
    """A message safe to print as one line: breaks and controls escaped, length capped."""
    text = _BREAKS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), message)
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def _finding(name: str, line: int, col: int, code: str, message: str) -> Loaded:
    return Loaded(name, None, [Finding(name, line, col, code, one_line(message))])


def _pos(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


#: C0 control bytes other than tab, LF and CR: many of them in a file's head mean "binary".
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in (9, 10, 13))


def _sniff(raw: bytes) -> str | None:
    """'utf-16' or 'binary' when the first bytes say so, else None."""
    head = raw[:4096]
    half = len(head) // 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    # Notepad's "Unicode": a BOM, or a NUL next to every ASCII character and none elsewhere.
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (
            half and max(even, odd) > 0.4 * half and min(even, odd) < 0.05 * half):
        return "utf-16"
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return "binary" if head.startswith(_MAGIC) or controls > len(head) // 100 else None


def decode(raw: bytes, name: str) -> tuple[str | None, list[Finding]]:
    """UTF-8 (with or without BOM) to text; anything else is a finding that says what to do."""
    def refuse(offset: int, code: str, message: str) -> tuple[None, list[Finding]]:
        prefix = raw[:offset].decode("utf-8", "replace")  # columns count characters, not bytes
        return None, [Finding(name, *_pos(prefix, len(prefix)), code, one_line(message))]

    def convert(encoding: str) -> str:
        return f"convert it with `iconv -f {encoding} -t UTF-8 {name} > {name}.utf8` and check the result"

    kind = _sniff(raw)
    if kind == "utf-16":
        return refuse(0, "encoding", "file is UTF-16, not UTF-8; " + convert("UTF-16"))
    if b"\x00" in raw:
        return refuse(raw.index(b"\x00"), "binary", "file contains a NUL byte: not a YAML text file")
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        bad = err.start
    if kind == "binary":
        return refuse(0, "binary", "file looks binary (an image, archive or office document?), "
                      "not a UTF-8 YAML text file")
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return refuse(bad, "encoding", f"file is not UTF-8 (invalid byte 0x{raw[bad]:02x}); save it as UTF-8")
    return refuse(bad, "encoding", "file is not UTF-8: it looks like GBK/GB18030; "
                  + convert("GB18030"))


def _yaml_message(err: Any) -> tuple[str, str]:
    """(code, message) for a ruamel MarkedYAMLError, worded for someone editing the file."""
    lines = (err.problem or str(err)).strip().splitlines()
    problem = lines[0] if lines else ""
    if type(err).__name__ == "DuplicateKeyError":
        return "duplicate-key", problem.replace("found ", "", 1)
    if "'\\t'" in problem:
        return "yaml-syntax", "tab character: YAML indentation must use spaces, not tabs"
    if "is not a valid date" in problem:
        return "bad-date", problem
    if "another document" in problem:
        return "yaml-syntax", "a second YAML document ('---'): a planck file holds one document"
    return "yaml-syntax", problem or "invalid YAML"


# An anchor, alias or tag is '&', '*' or '!' at a node's start *followed by its name*;
# "R & D" in a sentence is neither and must not cost a file the fast path.
_PROPERTY_WITH_NAME = re.compile(r"(?:^|[\s,\[\]{}:\ufeff])[&*!][^\s,\[\]{}]", re.MULTILINE)


def _fast_blocked(text: str) -> bool:
    """True when the file might hold an anchor, alias, tag, merge key or deep nesting. False
    lets both the fast path and the careful path's event scan skip those checks; the fast
    path still declines aliases, explicit tags and duplicate keys on its own."""
    if _PROPERTY_WITH_NAME.search(text) or "<<" in text:
        return True
    # When every line's brackets balance on that line, brackets nest at most as deep as the
    # most openers on one line (one-line flow maps such as {year: 2020, value: 755} are common);
    # a collection spanning lines gets no bound here and goes the careful way.
    openers = 0
    for line in text.splitlines():
        count = line.count("[") + line.count("{")
        if count != line.count("]") + line.count("}"):
            return True
        openers = max(openers, count)
    prefix = max(map(len, _PREFIX.findall(text)), default=0)
    return 2 * prefix + 2 + openers > MAX_DEPTH


def _preflight(text: str, name: str) -> list[Finding]:
    """Refuse aliases, merge keys, tags and deep nesting from the event stream, before any
    tree is built.

    Aliases are refused because expanding them downstream is exponential (billion laughs);
    merge keys because they would silently override keys; tags because round-trip mode keeps
    ``!!python/...`` nodes as inert data that would pass validation unnoticed; deep nesting
    because the composer and the validators recurse.
    """
    match = _BRACKETS.search(text)
    if match:
        return [Finding(name, *_pos(text, match.start()), "too-deep",
                        f"nesting deeper than {MAX_DEPTH} levels")]
    if not _fast_blocked(text):
        return []
    from ruamel.yaml import YAML
    from ruamel.yaml import events as ev

    found: list[Finding] = []
    depth = 0
    for event in YAML(typ="safe", pure=True).parse(text):
        mark = event.start_mark
        refuse = (name, mark.line + 1, mark.column + 1)
        scalar = isinstance(event, ev.ScalarEvent)
        if isinstance(event, ev.AliasEvent):
            return [Finding(*refuse, "alias", one_line(f"YAML aliases (*{event.anchor}) are not allowed"))]
        if isinstance(event, ev.NodeEvent) and event.anchor:
            return [Finding(*refuse, "alias", one_line(f"YAML anchors (&{event.anchor}) are not allowed"))]
        if scalar and event.value == "<<" and event.style is None:
            return [Finding(*refuse, "alias", "YAML merge keys (<<) are not allowed: write the keys out")]
        depth += isinstance(event, ev.CollectionStartEvent) - isinstance(event, ev.CollectionEndEvent)
        if depth > MAX_DEPTH:
            return [Finding(*refuse, "too-deep", f"nesting deeper than {MAX_DEPTH} levels")]
        # Plain scalars carry an implicit tag (str, int, date …); only explicit ones are refused.
        implicit = scalar and event.implicit and event.implicit[0]
        tag = getattr(event, "tag", None) if isinstance(event, ev.NodeEvent) else None
        if tag and not implicit:
            found.append(Finding(*refuse, "tag", one_line(f"YAML tags ({tag}) are not allowed")))
    return found


@cache
def _constructor() -> type:
    """Round-trip constructor whose impossible dates (2022-13-01) are positioned YAML errors
    instead of a bare ValueError from ``datetime``."""
    from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor

    class Strict(RoundTripConstructor):
        def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
            try:
                return super().construct_yaml_timestamp(node, values)
            except (ValueError, OverflowError) as err:
                raise ConstructorError(None, None, f"{node.value!r} is not a valid date: {err}",
                                       node.start_mark) from None

    Strict.add_default_constructor("timestamp")
    return Strict


# Raw Unicode line breaks: libyaml and ruamel count them as line ends where an editor does
# not, so positions would drift (issue 9); written as an escape in a quoted string they are
# free text like any other.
_RAW_BREAK = re.compile("[\x85\u2028\u2029]")
# A run of digits longer than any figure: Python refuses to read over 4,300 digits with its
# own hint, which would reach the user without a position.
_LONG_DIGITS = re.compile(r"(?:^|[:\-\[,{?])[ \t]*[-+]?(\d{40,})", re.MULTILINE)


def _prescan(text: str, name: str) -> Loaded | None:
    """Refusals that need the raw text: raw line separators, absurdly long numbers."""
    match = _RAW_BREAK.search(text)
    if match:
        return _finding(name, *_pos(text, match.start()), "control-char",
                        f"raw character U+{ord(match.group()):04X} (a Unicode line break): "
                        "editors and YAML parsers disagree on the line it ends; remove it, "
                        f"or write it as \\u{ord(match.group()):04x} inside double quotes")
    match = _LONG_DIGITS.search(text)
    if match:
        return _finding(name, *_pos(text, match.start(1)), "schema",
                        f"a number with {len(match.group(1)):,} digits: no figure needs more "
                        "than 39; check the value")
    return None


def _over_budget(text: str, name: str) -> Loaded | None:
    """A file the careful path would take tens of seconds over (5 MiB: 49 s, 570 MB) is
    refused before it starts; a real data file is under 100 KiB. Kept apart from the scans
    above, and cheap: one length."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size <= CAREFUL_MAX_BYTES:
        return None
    return _finding(name, 0, 0, "too-large", (
        f"{size:,} bytes written in a way only YAML's full parser reads (flow collections "
        "over several lines or many on one line, anchors, tags, unusual numbers or a syntax "
        f"error): planck reads such files up to {CAREFUL_MAX_BYTES // 1024} KiB; split it, "
        "or write it in block style, one key a line"))


def parse(text: str, name: str) -> Loaded:
    """Parse YAML text into a round-trip tree, or findings with positions."""
    refused = _prescan(text, name)
    if refused is not None:
        return refused
    if not _BRACKETS.search(text) and not _fast_blocked(text):
        from planck.read.fastyaml import parse as fast_parse

        data = fast_parse(text)
        if data is not None:  # well-formed: no findings to word, positions already known
            return _checked(Loaded(name, data, []))
    over = _over_budget(text, name)
    if over is not None:
        return over
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    try:
        findings = _preflight(text, name)
        if findings:
            return Loaded(name, None, findings)
        yaml = YAML(typ="rt")
        yaml.Constructor = _constructor()
        data = yaml.load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        return _finding(name, line, col, *_yaml_message(err))
    except ReaderError as err:
        # Control characters (ESC, DEL, C1 codes): usually pasted from a terminal or a PDF.
        char = err.character if isinstance(err.character, int) else 0
        return _finding(name, *_pos(text, err.position), "control-char",
                        f"character U+{char:04X} is not allowed in a YAML file: remove it")
    except (YAMLError, RecursionError, ValueError, TypeError, OverflowError) as err:
        return _finding(name, 0, 0, "yaml-syntax", f"cannot parse YAML: {type(err).__name__}: {err}")
    if data is None:
        return _finding(name, 1, 1, "empty", "file holds no YAML document (empty or comments only)")
    if not hasattr(data, "lc") or not isinstance(data, dict):
        kind = {"CommentedSeq": "list"}.get(type(data).__name__, "single value")
        return _finding(name, 1, 1, "not-a-mapping",
                        f"top level must be a mapping of keys (planck: 1, city: …), not a {kind}")
    return _checked(Loaded(name, data, []))


def _checked(loaded: Loaded) -> Loaded:
    """The parsed tree, or the findings for control characters in its decoded strings."""
    from planck.read.strings import check_strings

    findings = check_strings(loaded.data, loaded.path)
    return Loaded(loaded.path, None, findings) if findings else loaded


class NotRegular(OSError):
    """The path is a FIFO, device, socket or folder: reading it could block or never end."""


def read_regular(path: Path | str, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file. Opened without blocking and checked with
    fstat before reading, so a FIFO named ``*.yaml`` cannot hang planck (issue 9) and a
    device such as /dev/zero is never read. Raises NotRegular or OSError."""
    import os
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            what = "a folder" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode) else \
                "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file"
            raise NotRegular(f"not a regular file ({what})" if what != "not a regular file" else what)
        # Read one byte past the cap rather than trusting st_size (a growing file).
        return fh.read(limit)


def load(path: Path | str, display: str | None = None) -> Loaded:
    """Read and parse one YAML file; ``display`` is the name used in findings."""
    return load_text(path, display)[1]


def load_text(path: Path | str, display: str | None = None) -> tuple[str | None, Loaded]:
    """``load``, and the decoded text it parsed (None when it could not be read)."""
    name = display or str(path)
    try:
        raw = read_regular(path, MAX_BYTES + 1)
    except NotRegular as err:
        return None, _finding(name, 0, 0, "not-a-file",
                              f"{err}: planck reads only regular files")
    except OSError as err:
        return None, _finding(name, 0, 0, "unreadable",
                              f"cannot read file: {err.strerror or err}")
    if len(raw) > MAX_BYTES:
        return None, _finding(name, 0, 0, "too-large", f"file is over {MAX_BYTES // 2**20} MiB "
                              f"({MAX_BYTES} bytes), the limit for a planck file: split it")
    text, findings = decode(raw, name)
    if text is None:
        return None, Loaded(name, None, findings)
    return text, parse(text, name)


def locate(doc: Any, loc: tuple[Any, ...]) -> tuple[int, int]:
    """Map a pydantic error ``loc`` to a 1-based (line, col) in the round-trip tree.

    Scalars point at their value, containers at their key; a missing key points at its parent.
    """
    # Works on either tree: ruamel's CommentedMap/Seq or fastyaml's PosMap/PosSeq (both .lc).
    node = doc
    pos = (doc.lc.line, doc.lc.col) if hasattr(doc, "lc") else (0, -1)
    for part in loc:
        if isinstance(node, dict) and hasattr(node, "lc") and part in node:
            child = node[part]
            # An empty value (None) has no position of its own: ruamel reports the next token.
            keyed = child is None or isinstance(child, (dict, list))
            pos = node.lc.key(part) if keyed else node.lc.value(part)
            node = child
        elif (isinstance(node, list) and hasattr(node, "lc") and isinstance(part, int)
              and 0 <= part < len(node)):
            pos = node.lc.item(part)
            node = node[part]
    return pos[0] + 1, pos[1] + 1


def key_position(node: Any, key: str) -> tuple[int, int]:
    """1-based position of ``key``'s value in a mapping node (of the node itself if absent)."""
    try:
        if key in node:
            line, col = node.lc.key(key) if node[key] is None else node.lc.value(key)
            return line + 1, col + 1
        return node.lc.line + 1, node.lc.col + 1
    except (AttributeError, KeyError, TypeError):
        return 0, 0
