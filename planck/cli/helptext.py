"""Help laid out in terminal columns, not characters.

A Chinese character takes two columns (its east-asian width), so an option whose help says
约束性 or 预期性 would run past the edge when lines are measured in characters; here every
line is measured in columns, so help fits the width click gives it (80 columns at most). Text is
broken at a space, or between two wide characters (Chinese needs no space), never inside a
word. ``summary`` gives a command's line in ``planck --help``: its first clause, whole, so no
description is cut off with '...'.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any


def columns(text: str) -> int:
    """Terminal columns ``text`` takes: wide and full-width characters two, combining none."""
    return sum(0 if unicodedata.combining(ch) else
               2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


#: Closing punctuation: never the first thing on a line.
_CLOSING = set("，。、；：）》」”！？,.;:)")


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _pieces(text: str) -> list[str]:
    """Pieces a line may break after: a word (non-blank narrow characters) or one wide
    character, each with the closing punctuation and blanks that follow it."""
    out: list[str] = []
    for ch in text:
        joins = out and not out[-1][-1].isspace() and (
            ch.isspace() or ch in _CLOSING or not _wide(ch) and not _wide(out[-1][-1]))
        if joins:
            out[-1] += ch
        elif out and ch.isspace():
            out[-1] += ch
        else:
            out.append(ch)
    return out


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """``text`` (one paragraph) as lines of at most ``width`` columns, where possible."""
    lines, line = [], first
    room = width
    for piece in _pieces(" ".join(text.split())):
        if columns(line + piece.rstrip()) > room and line.strip():
            lines.append(line.rstrip())
            line = rest + piece.lstrip()
        else:
            line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _paragraphs(text: str) -> Iterable[tuple[bool, str]]:
    """(kept as written, text) for each paragraph; click's '\\b' marks one not to rewrap."""
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        if block.lstrip().startswith("\b"):
            yield True, block.lstrip()[1:].strip("\n")
        else:
            yield False, block


class Columns:
    """Mixed into the help formatter typer uses: lines measured in columns (see the module's
    docstring). Uses only the formatter's ``width``, ``current_indent`` and ``write``."""

    width: int
    current_indent: int
    write: Callable[[str], None]

    def _lines(self, text: str, width: int, indent: str) -> list[str]:
        out: list[str] = []
        for n, (kept, para) in enumerate(_paragraphs(text)):
            if n:
                out.append("")
            out += [indent + ln for ln in para.splitlines()] if kept else wrap(para, width, indent, indent)
        return out

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        for line in self._lines(text, self.width, indent):
            self.write(line + "\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30,
                 col_spacing: int = 2) -> None:
        rows = list(rows)
        names = [columns(name) for name, _ in rows]
        first_col = min(max(names, default=0), col_max) + col_spacing
        indent = " " * self.current_indent
        room = max(self.width - self.current_indent - first_col, 10)
        for (name, text), size in zip(rows, names, strict=True):
            self.write(indent + name)
            if not text:
                self.write("\n")
                continue
            lines = self._lines(text, room, "")
            if size > first_col - col_spacing:  # a long option: its help starts below it
                self.write("\n" + " " * (first_col + self.current_indent))
            else:
                self.write(" " * (first_col - size))
            pad = " " * (first_col + self.current_indent)
            self.write((lines[0] if lines else "") + "\n")
            for line in lines[1:]:
                self.write((pad + line if line else "") + "\n")


def summary(doc: str | None) -> str | None:
    """A command's first clause (up to '; ', '. ' or ': ' outside brackets), for the list
    of commands."""
    if not doc:
        return None
    text = " ".join(doc.strip().split("\n\n")[0].split())
    depth = 0
    for i, ch in enumerate(text):
        depth += ch in "([（" and 1 or 0
        depth -= ch in ")]）" and 1 or 0
        if depth == 0 and ch in ";.:" and (i + 1 == len(text) or text[i + 1] == " "):
            return text[:i]
    return text.rstrip(".")


def install(app: Any) -> None:
    """Columns-aware help for every command, and each command's first clause as its summary."""
    from typer.models import Context

    # typer's commands make the context of the click typer runs on (its own copy, or click)
    click_context: Any = Context.__bases__[0]
    base = click_context.formatter_class
    if not issubclass(base, Columns):
        click_context.formatter_class = type("Formatter", (Columns, base), {})
    for command in app.registered_commands:
        if command.short_help is None and command.callback is not None:
            command.short_help = summary(command.help or command.callback.__doc__)
