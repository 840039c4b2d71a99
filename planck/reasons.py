"""The judge's reasons in both languages: sentences in English and Chinese, from the one
catalogue of words (``planck.words.REASON``).

The judge builds a reason with ``say(key, **args)``. The value is the English sentence (a
``str``, so JSON, tests and every English format read it as before) that also remembers its
key and arguments, so ``said(reason, "zh")`` can say it again in Chinese. Arguments are text
already formatted (numbers as the judge prints them, so both languages show the same figure)
or reasons themselves (a note inside a reason is said in the same language).
"""

from __future__ import annotations

from collections.abc import Mapping

from planck.choices import LANGS
from planck.words import REASON

#: key -> (English, Chinese). Placeholders are the same in both (a test checks).
REASONS: dict[str, tuple[str, str]] = REASON

_LANG = {lang: i for i, lang in enumerate(LANGS)}


class Reason(str):
    """An English sentence that can be said in Chinese too (``said``)."""

    key: str
    args: Mapping[str, object]

    def __new__(cls, key: str, args: Mapping[str, object]) -> Reason:
        self = super().__new__(cls, _fill(key, args, 0))
        self.key, self.args = key, dict(args)
        return self

    def __reduce__(self):  # pickled to worker processes and back: keep the key
        return Reason, (self.key, self.args)


def _fill(key: str, args: Mapping[str, object], lang: int) -> str:
    return REASONS[key][lang].format(**{k: said(v, LANGS[lang])
                                        for k, v in args.items()})


def say(key: str, **args: object) -> Reason:
    """The reason ``key`` with its arguments (text, or other reasons)."""
    return Reason(key, args)


def said(text: object, lang: str) -> str:
    """``text`` in ``lang``: a reason in that language; any other text as it is."""
    if lang != "en" and isinstance(text, Reason):
        return _fill(text.key, text.args, _LANG[lang])
    return "" if text is None else str(text)
