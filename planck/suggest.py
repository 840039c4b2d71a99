""""Did you mean …": the near misses of a name the user typed, for every layer's messages
(a mistyped city, target, status, column, indicator or source id)."""

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
                 aliases: Mapping[str, Sequence[str]] | None = None, *, n: int = 3,
                 quoted: bool = False) -> str:
    """`` (did you mean rd-intensity-2025?)`` or ''; ``quoted``: each choice as ``'x'``."""
    near = suggest(name, choices, n=n, aliases=aliases)
    shown = [repr(c) if quoted else c for c in near]
    return f" (did you mean {' or '.join(shown)}?)" if near else ""
