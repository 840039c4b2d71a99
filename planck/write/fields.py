"""Change single values inside an existing block-sequence item, line by line.

Replacing a whole item would drop what its author wrote around the values: a comment at the
end of a line (``value: 2.5  # checked``), comment lines between keys, keys planck does not
set (``note:``, ``pin:``). Here only the lines of a value that changes are rewritten, from the
value's first column to the end of the scalar; the key, the indentation and any comment after
the value are kept byte for byte. Nothing here reads or writes files.
"""

from __future__ import annotations

import re
from typing import Any

from planck.write import yamledit as ye

#: A block scalar's header: ``|`` or ``>``, then a chomping and/or an indentation indicator.
_BLOCK_HEADER = re.compile(r"[|>](?:[1-9][+-]?|[+-][1-9]?)?(?=[ \t]|\r|\n|$)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _ending(line: str) -> str:
    return line[len(line.rstrip("\r\n")):]


def _quoted_end(text: str, start: int) -> int:
    """Index just past the closing quote of the quoted scalar opening at ``text[start]``."""
    q, i = text[start], start + 1
    while i < len(text):
        c = text[i]
        if q == '"' and c == "\\":
            i += 2
            continue
        if c == q:
            if q == "'" and text[i + 1:i + 2] == "'":
                i += 2
                continue
            return i + 1
        i += 1
    return len(text)


def _plain_end(line: str, start: int) -> int:
    """Index where a plain scalar on ``line`` ends: before `` #`` or trailing space."""
    body = line.rstrip("\r\n")
    cut = len(body)
    for i in range(start, len(body)):
        if body[i] == "#" and i > start and body[i - 1] in " \t":
            cut = i
            break
    return len(body[:cut].rstrip(" \t"))


def value_span(lines: list[str], node: Any, key: str) -> tuple[int, int, int, str] | None:
    """(first line, line after the last, column where the value starts, the text after the
    value on its last line, comment and line ending included) for ``key`` of a mapping
    written in block style; for a block scalar (``|-``) its header's line through its last
    content line, the text after the header (its comment) as the tail. None when that is not
    how it is written (a flow mapping, a value on the next line)."""
    line, col = node.lc.value(key)
    key_line, key_col = node.lc.key(key)
    if line != key_line or line >= len(lines):
        return None
    first = lines[line]
    char = first[col:col + 1]
    # the lines the value may continue on: deeper than the key, up to the next key or less
    last = line + 1
    while last < len(lines) and (not lines[last].strip() or _indent(lines[last]) > key_col):
        last += 1
    if char in ("|", ">"):
        header = _BLOCK_HEADER.match(first, col)
        if header is None:
            return None
        while last > line + 1 and not lines[last - 1].strip():
            last -= 1  # blank lines after the block: kept where they are
        return line, last, col, first[header.end():]
    if char in ("{", "[", "&", "*", "!", "") or col >= len(first.rstrip("\r\n")):
        return None
    if char in ("'", '"'):
        text = "".join(lines[line:last])
        end = _quoted_end(text, col)
        end_line, offset = line, 0
        while end_line < last - 1 and offset + len(lines[end_line]) < end:
            offset += len(lines[end_line])
            end_line += 1
        at = end - offset
        return line, end_line + 1, col, lines[end_line][at:]
    end_line, at = line, _plain_end(first, col)
    if at == len(first.rstrip("\r\n").rstrip(" \t")):  # no comment: it may go on
        n = line + 1
        while n < last:
            text = lines[n]
            if text.lstrip().startswith("#"):
                break
            if text.strip():
                end_line, at = n, _plain_end(text, _indent(text))
                if at < len(text.rstrip("\r\n").rstrip(" \t")):
                    break  # a comment ends the scalar
            n += 1
    return line, end_line + 1, col, lines[end_line][at:]


def _equal(old: Any, new: Any) -> bool:
    if isinstance(new, ye.Number):
        try:
            return not isinstance(old, bool) and float(old) == float(new.text)
        except (TypeError, ValueError):
            return False
    return type(old) is type(new) and old == new


def field_splices(lines: list[str], node: Any, fields: list[tuple[str, Any]], key_col: int,
                  styles: dict[str, str], fallback: str, nl: str,
                  defaults: dict[str, Any]) -> list[ye.Splice] | None:
    """Splices that give ``node`` the values in ``fields``, touching only lines whose value
    changes; a key the item lacks is added after its last value (unless the new value is the
    key's default in ``defaults``), and a key whose new value is None is removed. None when
    the item is not written so that this is possible (a flow mapping: ``flowedit``)."""
    splices: list[ye.Splice] = []
    spans = {}
    for k in node:
        span = value_span(lines, node, k)
        if span is None:
            return None
        spans[k] = span
    if not spans or len({s[0] for s in spans.values()}) < len(spans):
        return None  # no keys, or two on one line: a flow mapping
    after = max(s[1] for s in spans.values())
    added: list[str] = []
    first = next(iter(node))
    for k, v in fields:
        if k in node:
            if _equal(node[k], v):
                continue
            start, end, col, tail = spans[k]
            if v is None:  # the key goes: its lines are dropped (unless it opens the item)
                if k == first:
                    return None
                splices.append(ye.Splice(start, end, ()))
                continue
            if not tail.strip():
                tail = tail.lstrip(" \t") or ("" if end == len(lines) else nl)
            block = _as_block(lines, start, end, col, v, tail, nl)
            if block is not None:
                splices.append(ye.Splice(start, end, block))
                continue
            style = ye.value_style(lines, node, k)
            text = ye.scalar(v, style if style else "", fallback)
            splices.append(ye.Splice(start, end, (lines[start][:col] + text + tail,)))
        elif k not in defaults or defaults[k] != v:
            style = styles.get(k, "")
            added.append(f"{' ' * key_col}{k}: {ye.scalar(v, style, fallback)}{nl}")
    if added:
        if not lines[after - 1].endswith(("\n", "\r")):  # the file's last line
            same = [s for s in splices if s.start == after - 1]
            if same:  # its value changed too: one splice for the line
                splices.remove(same[0])
            text = same[0].lines[0] if same else lines[after - 1]
            splices.append(ye.Splice(after - 1, after, (text + nl,)))
        splices.append(ye.Splice(after, after, tuple(added), 1))
    return splices


def _as_block(lines: list[str], start: int, end: int, col: int, value: Any, tail: str,
              nl: str) -> tuple[str, ...] | None:
    """A new one-line string in the old value's ``|-`` or ``>-`` block style (its header,
    comment and content indentation kept), or None when the old value is no such block or
    the new one cannot be written so (not a string, blanks at its ends, a line break)."""
    header = _BLOCK_HEADER.match(lines[start], col)
    if header is None or header.group() not in ("|-", ">-") or not isinstance(value, str):
        return None
    if not value or value != value.strip() or not value.isprintable():
        return None
    body = [line for line in lines[start + 1:end] if line.strip()]
    indent = _indent(body[0]) if body else _indent(lines[start]) + 2
    head = lines[start][:header.end()] + (tail if tail.strip() else nl)
    ending = nl if lines[end - 1].endswith(("\n", "\r")) else ""  # a last line stays unended
    return head, " " * indent + value + ending
