"""Finding what the user named: a target id with or without its city prefix, and a
"did you mean" for a near miss instead of a dump of every id."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def suggest(name: str, choices: Sequence[str], n: int = 3,
            aliases: Mapping[str, Sequence[str]] | None = None) -> list[str]:
    """Up to ``n`` choices close to ``name`` (difflib's ratio, case-insensitive, cut-off 0.6),
    best first; a choice also matches through its ``aliases`` (a city's Chinese name)."""
    from difflib import SequenceMatcher

    def score(choice: str) -> float:
        forms = [choice, *(aliases or {}).get(choice, ())]
        return max(SequenceMatcher(None, name.lower(), f.lower()).ratio() for f in forms)

    scored = sorted(((score(c), c) for c in dict.fromkeys(choices)), key=lambda sc: -sc[0])
    return [c for s, c in scored if s >= 0.6][:n]


def did_you_mean(name: str, choices: Sequence[str],
                 aliases: Mapping[str, Sequence[str]] | None = None) -> str:
    """`` (did you mean rd-intensity-2025?)`` or ''."""
    near = suggest(name, choices, aliases=aliases)
    return f" (did you mean {' or '.join(near)}?)" if near else ""


def pick_target(ids: Sequence[str], wanted: str) -> str | None:
    """The id ``wanted`` names: itself, or the one id it is the city-less form of (the table
    prints ids without the city prefix), matched case-insensitively."""
    low = wanted.lower()
    exact = [i for i in ids if i.lower() == low]
    if exact:
        return exact[0]
    short = [i for i in ids if "-" in i and i.split("-", 1)[1].lower() == low]
    return short[0] if len(short) == 1 else None
