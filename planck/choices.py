"""The choices planck's commands offer: each command's output formats and the languages.

One registry: every ``--format`` and ``--lang`` option takes its help text, its check and its
usage error from here, and ``planck.render`` maps ``check``'s formats to their renderers
(``RENDERERS``). Imports nothing, so ``validate`` and ``--help`` read it for free.
"""

from __future__ import annotations

from collections.abc import Sequence

#: The languages of every output (labels, verdicts, reasons): planck.words holds each word in
#: all of them.
LANGS: tuple[str, ...] = ("en", "zh")

#: ``check``'s formats: name -> "module:function", imported only when the format is used.
RENDERERS: dict[str, str] = {
    "table": "planck.render.table:render",
    "json": "planck.render.json_:render",
    "markdown": "planck.render.markdown:render",
    "junit": "planck.render.junit:render",
    "github": "planck.render.github:render",
    "csv": "planck.render.csv_:render",
}

#: Each command's ``--format`` choices, the default first ('auto': github under GitHub
#: Actions, else table).
FORMATS: dict[str, tuple[str, ...]] = {
    "check": (*RENDERERS, "auto"),
    "compare": ("table", "markdown", "json"),
    "diff": ("table", "json", "markdown"),
    "harvest": ("table", "json", "csv"),
    "report": ("markdown", "docx"),
}


def listed(names: Sequence[str], quote: str = "") -> str:
    """``table, json or csv`` (``quote="'"``: ``'en' or 'zh'``), for help text."""
    items = [f"{quote}{n}{quote}" for n in names]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


def listed_langs() -> str:
    """``'en' or 'zh'``, for the help of every ``--lang``."""
    return listed(LANGS, quote="'")


def not_one_of(option: str, given: str, names: Sequence[str]) -> str | None:
    """The usage error for a value outside ``names`` (None when it is one of them)."""
    return None if given in names else f"{option}: {given!r} is not one of {', '.join(names)}"
