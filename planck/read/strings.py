"""Control characters in decoded string values.

The loader refuses raw control bytes in a file, but YAML escapes (``"\\e"``, ``"\\0"``,
``"\\a"``, ``"\\u202e"``) produce them after decoding. An ESC could redraw a terminal row, a NUL
would reach a report file, a bidirectional override reorders what a reviewer reads. Every
string value (and key) of a parsed tree is checked here; tab and line feed are allowed only in
free text (``quote``, ``note``), where a YAML block scalar puts them, as are the Unicode line
breaks U+0085, U+2028 and U+2029 (text copied from a web page or PDF can hold them; every
output shows them as a space or an escape).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Optional

from planck.findings import Finding
from planck.read.fastyaml import FREE_TEXT, PosMap, PosSeq, Strings

__all__ = ["FREE_TEXT", "check_strings", "clean", "review_placeholders"]

# C0 and C1 controls, DEL, the line and paragraph separators, bidirectional embeddings,
# overrides and isolates. In free text, tab and the line breaks LF, NEL, LS and PS may stay.
_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
_BAD_SHORT = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x09: "TAB", 0x0A: "LF", 0x0D: "CR",
          0x1B: "ESC", 0x7F: "DEL", 0x85: "NEL", 0x2028: "LINE SEPARATOR",
          0x2029: "PARAGRAPH SEPARATOR", 0x202E: "RIGHT-TO-LEFT OVERRIDE"}


def _bad_char(value: str, free: bool) -> str | None:
    match = (_BAD if free else _BAD_SHORT).search(value)
    return match.group() if match else None


def _message(char: str, what: str) -> str:
    code = ord(char)
    label = f"U+{code:04X}" + (f" ({_NAMES[code]})" if code in _NAMES else "")
    where = "free text (quote, note)" if what == "free" else "a string"
    allowed = "" if what == "free" else "; line breaks and tabs belong only in quote or note"
    return f"control character {label} in {where} is not allowed (a YAML escape such as " \
           f"\"\\e\" counts too): remove it{allowed}"


def check_strings(data: Any, name: str) -> list[Finding]:
    """A finding (at the value) for each string holding a control character; first per
    string, in file order."""
    found: list[Finding] = []

    def visit(node: Any, free: bool, loc: Loc) -> None:
        spelled = None if type(node) in _PLAIN else _spelling(node)
        if spelled:
            line, col = _where(loc)
            found.append(Finding(name, line + 1, col + 1, "schema",
                                 f"{spelled}: write the number in plain decimal digits "
                                 f"({node}), without '_' or a 0x/0o/0b prefix"))
        elif isinstance(node, str):
            char = _bad_char(node, free)
            if char is not None:
                line, col = _where(loc)
                found.append(Finding(name, line + 1, col + 1, "control-char",
                                     _message(char, "free" if free else "short")))
        elif isinstance(node, dict):
            for key, value in node.items():
                kloc = (loc, node, "key", key)
                if isinstance(key, str):
                    visit(key, False, kloc)
                vloc = kloc if isinstance(value, (dict, list)) else (loc, node, "value", key)
                visit(value, key in FREE_TEXT, vloc)
        elif isinstance(node, list):
            for i, item in enumerate(node):
                visit(item, free, (loc, node, "item", i))

    visit(data, False, None)
    return found


def clean(strings: Strings) -> bool:
    """True when none of a tree's strings (collected while it was built) holds a character
    ``check_strings`` refuses: then it would find nothing, and need not walk the tree. Two
    searches over the joined strings instead of one per string."""
    return not (_BAD_SHORT.search("".join(strings.short)) or _BAD.search("".join(strings.free)))


def _spelling(value: Any) -> str | None:
    """How a YAML 1.2 integer was spelt when it was not in plain decimal digits: ``0x78``,
    ``0o170``, ``0b11`` and ``1_600`` read as numbers in ruamel, and a plan figure written
    so is a typo or a trick (issue 9)."""
    kind = type(value).__name__
    if kind in ("HexInt", "HexCapsInt"):
        return f"0x{value:x} is hexadecimal"
    if kind == "OctalInt":
        return f"0o{value:o} is octal"
    if kind == "BinaryInt":
        return f"0b{value:b} is binary"
    if getattr(value, "_underscore", None):
        return "a number written with '_' between digits"
    return None


#: Where a node sits, worked out only when a finding needs it (most files have none):
#: ``(outer, container, kind, key)`` means ``container.lc.<kind>(key)``, else ``outer``'s place.
Loc = Optional[tuple[Any, Any, str, Any]]
#: Types a number spelt 0x…/0o…/0b…/1_000 never has (ruamel marks those with its own classes).
_PLAIN = frozenset({str, int, float, bool, type(None), date, dict, list, PosMap, PosSeq})


def _where(loc: Loc) -> tuple[int, int]:
    """0-based (line, col) of a ``Loc``: the first enclosing place the tree knows, else (0, 0)."""
    while loc is not None:
        outer, node, kind, key = loc
        try:
            return tuple(getattr(node.lc, kind)(key))
        except (AttributeError, KeyError, IndexError, TypeError):
            loc = outer
    return 0, 0


#: The value ``planck extract`` leaves in a field the plan's text does not state.
PLACEHOLDER = "REVIEW"


def review_placeholders(data: Any, name: str, strings: Strings | None = None) -> list[Finding]:
    """A finding at every value still holding the draft placeholder, all at once, so a
    reviewer sees the whole list in one run (a draft must not pass as reviewed).
    ``strings``, when the quick path gathered them, spares the walk of a tree none of whose
    strings holds the placeholder."""
    found: list[Finding] = []
    if strings is not None and not any(PLACEHOLDER in "".join(part)
                                       for part in (strings.short, strings.free)):
        return found

    def visit(node: Any, loc: Loc) -> None:
        if isinstance(node, str) and node.strip() == PLACEHOLDER:
            line, col = _where(loc)
            found.append(Finding(name, line + 1, col + 1, "review-placeholder",
                                 f"{PLACEHOLDER} marks a field a person must fill in (a draft of "
                                 "planck extract): write it from the source document"))
        elif isinstance(node, dict):
            for key, value in node.items():
                kloc = (loc, node, "key", key)
                visit(value, kloc if isinstance(value, (dict, list)) else (loc, node, "value", key))
        elif isinstance(node, list):
            for i, item in enumerate(node):
                visit(item, (loc, node, "item", i))

    visit(data, None)
    return found
