"""What the Chinese units and wordings on an English page mean: each page lists the ones it
shows (a glossary line), and a term's meaning is also its ``title`` text where it stands."""

from __future__ import annotations

from collections.abc import Iterable

from planck.words import GLOSSARY_UNITS, GLOSSARY_WORDINGS

#: Units: what one of them counts.
UNITS = GLOSSARY_UNITS
#: The plans' own words for a promise and the attributes of a target.
WORDINGS = GLOSSARY_WORDINGS
TERMS = {**UNITS, **WORDINGS}


def used(units: list[str], texts: list[str]) -> list[tuple[str, str]]:
    """(term, meaning) for the units shown (exact) and the wordings found in ``texts`` (a
    word inside a longer one found, 达 in 达到, is not listed again), longest first."""
    joined = "\n".join(texts)
    words = [t for t in WORDINGS if t in joined]
    words = [t for t in words if not any(t != o and t in o for o in words)]
    found = {u for u in units if u in UNITS} | set(words)
    return sorted(((t, TERMS[t]) for t in found), key=lambda p: (-len(p[0]), p[0]))


def found(texts: Iterable[str]) -> set[str]:
    """The wordings found in ``texts``: ``used(units, sorted(found(texts)))`` is
    ``used(units, texts)``, so they can be gathered part by part."""
    joined = "\n".join(texts)
    return {t for t in WORDINGS if t in joined}
