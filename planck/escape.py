"""Escaping of data strings for where they land: terminal and CI log, markdown, URLs,
XML and JSON.

Data files come from strangers, and planck's text goes to terminals and to CI logs, where the
GitHub runner executes a line that starts (after spaces) with ``::`` and any ``##[`` sequence
(workflow commands). Every string taken from a data file passes through one of these functions
before it reaches an output; planck's own wording does not. Pure functions of the standard
library, so every layer (findings, read, judge, render, cli) can use them.
"""

from __future__ import annotations

import math
import re
from urllib.parse import quote, urlsplit

#: Inserted to break a command sequence. Invisible, zero width, not whitespace (the runner's
#: TrimStart does not remove it), so ``:\u200b:`` is no longer ``::``.
BREAK = "\u200b"

# Characters a terminal or log treats as control: C0 (tab aside), DEL, C1, the Unicode line
# and paragraph separators, and bidirectional overrides that reorder what a reader sees.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Line ends: shown as one space in free text (a name or quote spread over lines in YAML).
_LINE_END = re.compile("\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
# Workflow-command sequences: '::', '##[' and the older '##vso[' inside a field, and a ':',
# '#' or '[' at the start or a ':' or '#' at the end, which the text next to the field could
# complete into one.
_COMMAND = re.compile(r"(?<=:)(?=:)|(?<=#)(?=#\[|#vso\[)|^(?=[:#\[])|(?<=[:#])$")


def _visible(match: re.Match) -> str:
    char = match.group()
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def controls(text: object, keep: str = "\n\r") -> str:
    """``text`` with control characters (but those in ``keep``) shown as ``\\xNN``/``\\uNNNN``,
    for formats that escape line ends their own way (GitHub annotations use ``%0A``)."""
    return _CONTROL.sub(lambda m: m.group() if m.group() in keep else _visible(m), str(text))


def log(text: object) -> str:
    """One data string for a terminal line or a CI log: on one line (line ends become a
    space), other control characters shown as ``\\xNN``, and no workflow command left."""
    s = _LINE_END.sub(" ", str(text))
    s = _CONTROL.sub(_visible, s)
    return _COMMAND.sub(BREAK, s)


def exact(text: object) -> str:
    """Text that must reach the reader as written (a diff to apply with ``patch``): unchanged
    but for control characters, shown as ``\\xNN``; tabs and line ends (``\\n``, ``\\r\\n``)
    stay. Unlike ``log`` nothing is inserted next to a ``:`` or ``#``: the caller breaks a
    line that really is a workflow command (cli ``_out`` does)."""
    s = str(text)

    def show(m: re.Match) -> str:
        char = m.group()
        if char == "\n" or (char == "\r" and s[m.end():m.end() + 1] == "\n"):
            return char
        return _visible(m)

    return _CONTROL.sub(show, s)


def is_command(line: str) -> bool:
    """True when the GitHub runner would treat ``line`` as a workflow command: ``::`` after
    leading whitespace, or ``##[`` / ``##vso[`` anywhere (actions/runner ActionCommand)."""
    return line.lstrip().startswith("::") or "##[" in line or "##vso[" in line


# What markdown could read as markup: escapes, code, emphasis, links and images, raw HTML,
# headings, strikethrough, an entity (&amp; &#60;) and the second ':' of '::'. '|' is left to
# ``cell`` (a table cell), so it is escaped exactly once.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#~]|&(?=#?\w+;)|(?<=:):)")


def markdown(text: object) -> str:
    """Data text for markdown inline context (a table cell, a heading, a list item): on one
    line, every markdown-significant ASCII punctuation backslash-escaped (CommonMark renders
    ``\\x`` as ``x`` for any ASCII punctuation), so no tag, link, emphasis or entity comes
    from data, and no ``::`` or ``##[`` survives for a CI log."""
    s = " ".join(_LINE_END.sub(" ", str(text)).split())
    s = _CONTROL.sub(_visible, s)
    return _MD_SPECIAL.sub(r"\\\1", s)


def url(text: object) -> str | None:
    """An http(s) URL made safe as a link target (markdown ``<…>``/``(…)``, HTML ``href``):
    spaces, quotes, brackets, angle brackets, controls and non-ASCII percent-encoded. None for
    any other scheme (``javascript:``, ``data:``, ``file:``) or a URL without a host."""
    s = str(text).strip()
    try:
        parts = urlsplit(s)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    # Keep the URL's own structure characters; encode the rest (and '%' only when it is not
    # already an escape, so a correct URL is unchanged).
    safe = "/:?#&=+;,@!$*~.-_%"
    out = quote(s, safe=safe)
    out = re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", out)
    return out.replace("*", "%2A").replace("!", "%21").replace("$", "%24")


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\u2028\u2029]")


def xml(text: object) -> str:
    """Data text for XML/HTML text or a quoted attribute: ``& < > " '`` as entities,
    characters XML 1.0 forbids replaced by U+FFFD, and ``##[``/``::`` broken by a character
    reference so a log that shows the file runs no command."""
    s = _XML_BAD.sub("\ufffd", str(text))
    s = (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
         .replace('"', "&quot;").replace("'", "&#39;"))
    return s.replace("::", ":&#58;").replace("##", "#&#35;")


def xml_chars(text: object) -> str:
    """Text for an XML serializer that escapes on its own (ElementTree): the characters XML
    forbids become U+FFFD, and a carriage return a line feed (an XML parser reads it so
    anyway, and a bare CR would end the line in a CI log)."""
    return _XML_BAD.sub("\ufffd", re.sub("\r\n?", "\n", str(text)))


def json_text(document: str) -> str:
    """A JSON text with ``:`` and ``#`` inside strings written as ``\\u003a`` / ``\\u0023``
    where they would form ``::`` or ``##[``: the parsed value is unchanged, and a CI log
    showing the JSON runs no command. (Outside strings JSON has neither character pair.)"""
    return (document.replace("::", ":\\u003a").replace("##[", "#\\u0023[")
            .replace("##vso[", "#\\u0023vso["))


def finite(obj: object) -> object:
    """``obj`` with every NaN or infinite float (in dicts, lists, tuples) replaced by None:
    JSON has no such numbers, and planck's figures are finite when they mean anything."""
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: finite(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [finite(v) for v in obj]
    return obj


def strict_json(obj: object, **kwargs) -> str:
    """``json.dumps`` that always gives strict JSON (NaN and infinities become null, see
    ``finite``) with command sequences escaped (``json_text``); ``default=str`` for dates."""
    import json  # only the machine formats need it (a table at start-up never does)

    kwargs.setdefault("default", str)
    try:  # most documents hold no such number: encode them as they are, without a copy
        return json_text(json.dumps(obj, allow_nan=False, **kwargs))
    except ValueError:
        return json_text(json.dumps(finite(obj), allow_nan=False, **kwargs))
