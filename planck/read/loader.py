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

from planck.findings import MAX_MESSAGE, Finding, one_line
from planck.findings import position as _pos
from planck.read.careful import MAX_DEPTH

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_MESSAGE", "Loaded", "NotRegular", "decode", "key_position",
           "load", "load_text", "locate", "one_line", "parse", "read_regular"]

#: Files larger than this are refused before parsing (documented in docs/format.md).
MAX_BYTES = 5 * 1024 * 1024
#: The careful path (ruamel, ~5 s a MiB and far more in memory) reads files up to this size;
#: a larger one it would have to read is refused at once (the quick path has no such bound).
CAREFUL_MAX_BYTES = 512 * 1024
# Block-context prefix of a line: indentation plus '-', '?' and ':' indicators. Every block
# collection starts at the end of such a prefix, which bounds the nesting depth cheaply.
_PREFIX = re.compile(r"^[ \t?:-]*", re.MULTILINE)
_PREFIX_RUN = re.compile(r"[ \t?:-]*")
# A run of opening brackets deeper than MAX_DEPTH: refused without asking the YAML scanner,
# whose look-ahead for simple keys makes long runs slow.
_BRACKETS = re.compile(r"[\[{](?:[\s,]*[\[{]){" + str(MAX_DEPTH) + "}")


def _deep_brackets(text: str) -> re.Match[str] | None:
    """``_BRACKETS``' first match; a file with too few opening brackets has none."""
    return _BRACKETS.search(text) if text.count("[") + text.count("{") > MAX_DEPTH else None


_MAGIC = (b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\xd0\xcf\x11\xe0", b"GIF8", b"\xff\xd8")


@dataclass
class Loaded:
    """A parsed YAML file: ``data`` is a CommentedMap, or None with findings saying why."""

    path: str
    data: Any = None
    findings: list[Finding] = field(default_factory=list)
    #: the tree's strings, gathered while the quick path built it (``fastyaml.Strings``);
    #: None from the careful path
    strings: Any = None

    @property
    def ok(self) -> bool:
        return self.data is not None and not self.findings


def _finding(name: str, line: int, col: int, code: str, message: str) -> Loaded:
    return Loaded(name, None, [Finding(name, line, col, code, one_line(message))])


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


# An anchor, alias or tag is '&', '*' or '!' at a node's start *followed by its name*;
# "R & D" in a sentence is neither and must not cost a file the fast path. The sign comes
# first so that the regex engine skips to the next sign (most files have none, or a few
# 'R&D'); the look-behind asks for the start of the text or a separator before it.
_PROPERTY_WITH_NAME = re.compile(r"[&*!](?<![^\s,\[\]{}:\ufeff].)[^\s,\[\]{}]")
# The next bracket of any kind, and the line breaks other than LF that str.splitlines sees.
_BRACKET = re.compile(r"[\[\]{}]")
_ODD_BREAKS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


@cache
def _prefix_of(width: int) -> re.Pattern[str]:
    """A line whose block prefix (see ``_PREFIX``) is at least ``width`` characters long,
    found from the line break before it: a search that skips from one LF to the next."""
    return re.compile(r"\n[ \t?:-]{" + str(width) + "}")


def _fast_blocked(text: str) -> bool:
    """True when the file might hold an anchor, alias, tag, merge key or deep nesting. False
    lets both the fast path and the careful path's event scan skip those checks; the fast
    path still declines aliases, explicit tags and duplicate keys on its own.

    Every check here is a count, a membership test or a regex that jumps to its first
    character, so a file costs a fraction of its parse; ``_blocked_lines`` is the same rule
    line by line, for the rare file with line breaks other than LF and CRLF."""
    if "<<" in text or (("&" in text or "*" in text or "!" in text)
                        and _PROPERTY_WITH_NAME.search(text)):
        return True
    opens = text.count("[") + text.count("{")
    if opens != text.count("]") + text.count("}"):
        return True  # some line's brackets do not balance
    if any(b in text for b in _ODD_BREAKS) or text.count("\r") != text.count("\r\n"):
        return _blocked_lines(text)
    openers = _most_openers(text) if opens else 0
    if openers is None:
        return True
    # blocked when 2 * prefix + 2 + openers > MAX_DEPTH, i.e. some prefix is this long:
    width = (MAX_DEPTH - 2 - openers) // 2 + 1
    return (width <= 0 or _first_prefix(text) >= width  # the first line
            or _prefix_of(width).search(text) is not None)



def _first_prefix(text: str) -> int:
    match = _PREFIX_RUN.match(text)
    return match.end() if match else 0


def _most_openers(text: str) -> int | None:
    """The most opening brackets on one LF-ended line, or None when some line's brackets do
    not balance on it. Only lines holding a bracket are looked at."""
    most, pos, end_of_text = 0, 0, len(text)
    while (match := _BRACKET.search(text, pos)) is not None:
        at = match.start()
        start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
        end = end_of_text if end < 0 else end
        line = text[start:end]
        count = line.count("[") + line.count("{")
        if count != line.count("]") + line.count("}"):
            return None
        most, pos = max(most, count), end
    return most


def _blocked_lines(text: str) -> bool:
    """``_fast_blocked``'s nesting rule, line by line as str.splitlines cuts them: when every
    line's brackets balance on that line, brackets nest at most as deep as the most openers
    on one line (one-line flow maps such as {year: 2020, value: 755} are common); a
    collection spanning lines gets no bound here and goes the careful way."""
    openers = 0
    for line in text.splitlines():
        count = line.count("[") + line.count("{")
        if count != line.count("]") + line.count("}"):
            return True
        openers = max(openers, count)
    prefix = max(map(len, _PREFIX.findall(text)), default=0)
    return 2 * prefix + 2 + openers > MAX_DEPTH


# Raw Unicode line breaks: libyaml and ruamel count them as line ends where an editor does
# not, so positions would drift (issue 9); written as an escape in a quoted string they are
# free text like any other.
_RAW_BREAKS = ("\x85", "\u2028", "\u2029")
_RAW_BREAK = re.compile("[" + "".join(_RAW_BREAKS) + "]")
# A run of digits longer than any figure: Python refuses to read over 4,300 digits with its
# own hint, which would reach the user without a position.
_LONG_DIGITS = re.compile(r"(?:^|[:\-\[,{?])[ \t]*[-+]?(\d{40,})", re.MULTILINE)
# Any run of that many digits: the regex engine jumps from digit to digit, where the rule
# above tries every position of the text.
_DIGIT_RUN = re.compile(r"\d\d{39}")


def _prescan(text: str, name: str) -> Loaded | None:
    """Refusals that need the raw text: raw line separators, absurdly long numbers."""
    match = _RAW_BREAK.search(text) if any(b in text for b in _RAW_BREAKS) else None
    if match:
        return _finding(name, *_pos(text, match.start()), "control-char",
                        f"raw character U+{ord(match.group()):04X} (a Unicode line break): "
                        "editors and YAML parsers disagree on the line it ends; remove it, "
                        f"or write it as \\u{ord(match.group()):04x} inside double quotes")
    match = _LONG_DIGITS.search(text) if _DIGIT_RUN.search(text) else None
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
    if not _deep_brackets(text) and not _fast_blocked(text):
        from planck.read.fastyaml import parse_with_strings
        from planck.read.strings import clean

        built = parse_with_strings(text)
        if built is not None:  # well-formed: no findings to word, positions already known
            data, strings = built
            loaded = Loaded(name, data, [], strings)
            return loaded if clean(strings) else _checked(loaded)
    over = _over_budget(text, name)
    if over is not None:
        return over
    from planck.read.careful import parse as careful_parse

    data, findings = careful_parse(text, name, deep=_deep_brackets(text), blocked=_fast_blocked(text))
    return Loaded(name, None, findings) if findings else _checked(Loaded(name, data, []))


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
