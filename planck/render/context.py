"""Render options shared by every format, and the labels they share (their words in every
language are planck.words')."""

from __future__ import annotations

from planck.choices import LANGS
from planck.frozen import frozen
from planck.words import section

__all__ = ["LANGS", "COUNT_SEP", "LABELS", "STATUS_LABEL", "STATUS_SYMBOL", "Context", "join_counts"]

STATUS_SYMBOL = {
    "met": "✓", "missed": "✗", "on_track": "↗", "behind": "→", "off_track": "↘",
    "regressing": "↓", "no_data": "·", "not_assessable": "?",
}
STATUS_LABEL = section("status")
#: Between the items of a status count (``✓ met 1, · no data 20``): never `` · ``, which is the
#: no-data glyph. Every format (terminal, markdown, site) takes it from here.
COUNT_SEP = {lang: words["count_sep"] for lang, words in section("punct").items()}


def join_counts(items, lang: str) -> str:
    """Status-count items joined with the language's separator (``COUNT_SEP``)."""
    return COUNT_SEP[lang].join(items)


LABELS = section("label")


@frozen
class Context:
    """What a renderer may know besides the reports."""

    lang: str = "en"
    fail_on: frozenset[str] = frozenset({"missed"})
    width: int = 100
    color: bool = False
    wide: bool = False  # the table shows every column, uncut, whatever the width
    annotate_all: bool = False  # github: notices too, not only errors and warnings

    def status(self, status: str) -> str:
        """Symbol and word, so the status reads without colour."""
        return f"{STATUS_SYMBOL[status]} {STATUS_LABEL[self.lang][status]}"

    def label(self, key: str) -> str:
        return LABELS[self.lang][key]

    def names(self, zh: str, en: str, sep: str = " ") -> str:
        """Both names of a thing as the file has them; one when they are the same."""
        if not en or en == zh:
            return zh
        # Chinese first in both languages: it is the name the source document uses.
        return f"{zh}{sep}{en}"
