"""How a source that copies another publisher's page names its original (``copy_of``).

One wording for every output that lists sources (the markdown report, ``explain``, the site):
"copy of “title”, issuer, date" / "转载自《title》，issuer，date"; the original's URL is left to
the caller, which links it where its format can (markdown, HTML) and prints it elsewhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planck.words import section

if TYPE_CHECKING:
    from planck.read.model import CopyOf

_LEAD = {lang: words["copy_lead"] for lang, words in section("punct").items()}
_SEP = {lang: words["copy_sep"] for lang, words in section("punct").items()}


def copy_text(original: CopyOf, lang: str = "en") -> str:
    """The original's title, issuer and date after "copy of" (unescaped: escape where it lands)."""
    title = None
    if original.title:
        title = section("punct")[lang]["book_title"].format(title=original.title)
    parts = [p for p in (title, original.issuer,
                         original.date.isoformat() if original.date else None) if p]
    if not parts:  # only a url is known: the caller shows it after the lead
        return _LEAD[lang].strip()
    return _LEAD[lang] + _SEP[lang].join(parts)
