"""Change single values inside a flow mapping (``- {indicator: …, pin: true, note: …}  # c``).

Rewriting such an item as a block would drop what its author wrote in it: keys planck does
not set (``pin``, ``note``), the comment after it, the style. Here each value that changes is
replaced where it stands, a key the item lacks goes in before its closing brace, and a key
whose new value is None is taken out with its comma; every other character stays. Nothing
here reads or writes files.
"""

from __future__ import annotations

from typing import Any

from planck.write import yamledit as ye
from planck.write.fields import _equal, _quoted_end

_FLOW_STOP = ",[]{}"


def _value_end(line: str, col: int, after: str = "") -> int | None:
    """Index just past the scalar starting at ``line[col]`` inside a flow mapping, or None
    when it does not end on this line or is no plain or quoted scalar. ``after`` is the
    next non-blank line: one opening with ``}`` or ``,`` ends a value left at a line's end."""
    char = line[col:col + 1]
    body = line.rstrip("\r\n")
    if char in ("'", '"'):
        end = _quoted_end(body, col)
        return end if end <= len(body) and body[end - 1:end] == char and end > col + 1 else None
    if char == "" or char in "{[|>&*!#":
        return None
    i = col
    while i < len(body) and body[i] not in _FLOW_STOP and not (
            body[i] == "#" and body[i - 1] in " \t") and not (
            body[i] == ":" and body[i + 1:i + 2] in (" ", "")):
        i += 1
    if i == len(body) and not after.lstrip().startswith(("}", ",")):
        return None  # a plain scalar going on to the next line
    return len(body[:i].rstrip(" \t"))


def _text(value: Any, old_style: str, fallback: str) -> str:
    if isinstance(value, str):
        plain = ye.plain_ok(value) and not any(c in value for c in _FLOW_STOP)
        return ye.quote(value, old_style or ("" if plain else fallback))
    return ye.scalar(value, "", fallback)


def flow_splices(lines: list[str], node: Any, fields: list[tuple[str, Any]], fallback: str,
                 defaults: dict[str, Any]) -> list[ye.Splice] | None:
    """Splices that give the flow mapping ``node`` the values in ``fields`` in place (see the
    module's docstring), or None when it is not written so that this is possible (a value
    that spans lines, a nested collection)."""
    ends = {}
    for k in node:
        line, col = node.lc.value(k)
        after = next((text for text in lines[line + 1:] if text.strip()), "")
        end = _value_end(lines[line], col, after) if line < len(lines) else None
        if end is None:
            return None
        ends[k] = (line, col, end)
    if not ends:
        return None
    edits: dict[int, list[tuple[int, int, str]]] = {}
    last_line, _, last_end = max(ends.values(), key=lambda e: (e[0], e[2]))
    first = next(iter(node))
    added = []
    for k, v in fields:
        if k in node:
            if _equal(node[k], v):
                continue
            line, col, end = ends[k]
            if v is None:  # the key goes, with the comma before it
                key_line, key_col = node.lc.key(k)
                comma = lines[line].rfind(",", 0, key_col)
                if k == first or key_line != line or comma < 0 or lines[line][comma + 1:key_col].strip():
                    return None
                edits.setdefault(line, []).append((comma, end, ""))
                continue
            style = ye.value_style(lines, node, k)
            edits.setdefault(line, []).append((col, end, _text(v, style, fallback)))
        elif v is not None and (k not in defaults or defaults[k] != v):
            added.append(f", {k}: {_text(v, '', fallback)}")
    if added:
        edits.setdefault(last_line, []).append((last_end, last_end, "".join(added)))
    splices = []
    for line, changes in edits.items():
        text = lines[line]
        for start, end, new in sorted(changes, reverse=True):
            text = text[:start] + new + text[end:]
        splices.append(ye.Splice(line, line + 1, (text,)))
    return splices
