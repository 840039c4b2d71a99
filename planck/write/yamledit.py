"""Line-level edits of a YAML file that keep everything else byte-identical.

ruamel's round-trip dumper preserves comments, but it re-flows long lines, normalises
indentation and re-quotes some scalars, so a dumped file differs from the original in places
nobody touched. Here the parsed tree only says *where* things are; new items are written as
text lines in the style of the items already in the list (indentation, quoting, blank lines
between items) and spliced in at that position. Nothing here reads or writes files.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

_SPECIAL_START = set("-?:,[]{}#&*!|>'\"%@`")
_BRACKETS = re.compile(r"\[\s*\]")


@dataclass(frozen=True)
class Splice:
    """Replace original lines ``[start, end)`` with ``lines`` (an insertion when equal)."""

    start: int
    end: int
    lines: tuple[str, ...]
    order: int = 0


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _blank(line: str) -> bool:
    return not line.strip()


def _comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def dash_line(lines: list[str], seq: Any, i: int) -> int:
    """0-based line of the ``-`` that starts item ``i`` of a block sequence."""
    line, col = seq.lc.item(i)
    while line >= 0:
        if lines[line][:col].rstrip().endswith("-") or (line != seq.lc.item(i)[0]
                                                        and lines[line].strip() == "-"):
            return line
        line -= 1
    return seq.lc.item(i)[0]


def item_end(lines: list[str], seq: Any, i: int) -> int:
    """0-based line after the last line of item ``i`` (trailing blank lines not included).

    Lines indented deeper than the item's keys (continuations, block scalars) belong to it,
    and so do comments at the keys' indentation; anything less indented ends it.
    """
    item = seq[i]
    start, key_col = seq.lc.item(i)
    last = start
    if isinstance(item, dict) and item:
        last = max(cast(Any, item).lc.key(k)[0] for k in item)  # a ruamel CommentedMap
    end = last + 1
    while end < len(lines):
        text = lines[end]
        if _blank(text) or _indent(text) > key_col or (_comment(text) and _indent(text) >= key_col):
            end += 1
            continue
        break
    while end > last + 1 and _blank(lines[end - 1]):
        end -= 1
    return end


def value_style(lines: list[str], node: Any, key: str) -> str:
    """'"', "'" or '' (plain): how the value of ``key`` in a mapping node is written."""
    try:
        line, col = node.lc.value(key)
    except (KeyError, AttributeError):
        return ""
    char = lines[line][col:col + 1] if line < len(lines) else ""
    return char if char in ("'", '"') else ""


def plain_ok(text: str) -> bool:
    """True when ``text`` can be written unquoted and reads back as the same string under
    YAML 1.2 (ruamel) and the fast path, with no chance of being a number, date or bool."""
    if not text or text != text.strip() or text[0] in _SPECIAL_START:
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text:
        return False
    if any(c in text for c in "\n\r\x85\u2028\u2029"):
        return False
    if re.fullmatch(r"[0-9a-zA-Z._:+\- ]+", text) and not re.search(r"[g-wyzG-WYZ]", text):
        return False  # could read as a number, date, time or hex in some YAML reading
    if text.lower() in {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}:
        return False
    if text == "<<":  # a plain << is YAML's merge key, which planck refuses
        return False
    return True


def quote(text: str, style: str) -> str:
    """``text`` as a YAML scalar in ``style`` ('"', "'" or '' plain when possible)."""
    if style == "" and plain_ok(text):
        return text
    if style == "'" and not any(c in text for c in "\n\r\x85\u2028\u2029") and text.isprintable():
        return "'" + text.replace("'", "''") + "'"
    # JSON's escapes are a subset of YAML's double-quoted ones.
    return json.dumps(text, ensure_ascii=False)


def scalar(value: Any, style: str, fallback: str) -> str:
    """A YAML scalar for a str, bool, int/float (as text already), or date."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Number):
        return value.text
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        if style == "" and not plain_ok(value):
            style = fallback
        return quote(value, style)
    raise TypeError(f"cannot write {type(value).__name__} as a YAML scalar")


@dataclass(frozen=True)
class Number:
    """A number kept as the text it was given in (so 3.50 is not written back as 3.5)."""

    text: str


def item_lines(fields: list[tuple[str, Any]], dash: int, key: int, styles: dict[str, str],
               fallback: str, nl: str) -> list[str]:
    """One block-sequence item (a mapping) as lines ending in ``nl``."""
    out = []
    for n, (k, v) in enumerate(fields):
        prefix = " " * dash + "-" + " " * (key - dash - 1) if n == 0 else " " * key
        style = styles.get(k, "")
        if k == "period" and isinstance(v, str) and style == "":
            style = fallback  # "2024-06" stays a string in every YAML reading
        out.append(f"{prefix}{k}: {scalar(v, style, fallback)}{nl}")
    return out


def dominant_quote(text: str) -> str:
    """The quote character the file uses most for values (its authors' habit)."""
    return "'" if text.count(": '") > text.count(': "') else '"'


@dataclass(frozen=True)
class Layout:
    """How a block sequence of mappings is laid out, learnt from its items."""

    dash: int
    key: int
    spaced: bool
    styles: dict[str, str]


def layout(lines: list[str], seq: Any, default_dash: int) -> Layout:
    """Indentation, blank-line spacing and per-key quoting of a sequence's items."""
    if not seq:
        return Layout(default_dash, default_dash + 2, False, {})
    styles: dict[str, str] = {}
    for item in seq:
        if isinstance(item, dict) and hasattr(item, "lc"):
            for k, v in item.items():
                # only a choice is a habit: '%' must be quoted whatever the author prefers
                if isinstance(v, str) and plain_ok(v):
                    styles[k] = value_style(lines, item, k)
    last = len(seq) - 1
    d = dash_line(lines, seq, last)
    dash = lines[d].index("-")
    key = seq.lc.item(last)[1]
    return Layout(dash, key if key > dash else dash + 2, _spaced(lines, seq), styles)


def _spaced(lines: list[str], seq: Any) -> bool:
    """Whether the items are set apart by a blank line, as most of them are: looked for above
    each item after the first, over comment lines (a section heading such as ``# --- 2024``
    sits between the blank line and the item it heads)."""
    votes = []
    for i in range(1, len(seq)):
        above = dash_line(lines, seq, i) - 1
        while above >= 0 and _comment(lines[above]):
            above -= 1
        votes.append(above >= 0 and _blank(lines[above]))
    return bool(votes) and 2 * sum(votes) >= len(votes)


def empty_flow(lines: list[str], doc: Any, key: str) -> Splice | None:
    """``key: []`` rewritten as ``key:`` (its comment kept), or None if not written so."""
    line = doc.lc.key(key)[0]
    text = lines[line]
    colon = text.index(":", doc.lc.key(key)[1])
    match = _BRACKETS.search(text, colon)
    if match is None:
        return None
    before, after = text[:match.start()].rstrip(), text[match.end():]
    return Splice(line, line + 1, (before + after if after.strip() else before + _ending(text),))


def _ending(line: str) -> str:
    return line[len(line.rstrip("\r\n")):]


def apply(lines: list[str], splices: list[Splice]) -> str:
    """The text with every splice applied (bottom-up, so earlier positions stay valid)."""
    out = list(lines)
    for s in sorted(splices, key=lambda s: (s.start, s.end, s.order), reverse=True):
        out[s.start:s.end] = list(s.lines)
    return "".join(out)


def is_flow(lines: list[str], doc: Any, key: str) -> bool:
    """True when the value of ``key`` is a flow collection (``[...]`` or ``{...}``)."""
    line, col = doc.lc.value(key)
    return lines[line][col:col + 1] in ("[", "{")
