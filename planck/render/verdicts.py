"""The answer a city page leads with: its targets counted and grouped by verdict, and what
the verdicts rest on (final figures, provisional counts, projections waiting for the
deadline year's figures, no figure at all). Pure: results in, plain values out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from planck.render.context import STATUS_LABEL, STATUS_SYMBOL
from planck.result import Result

#: Verdict groups in the order a page lists them: what needs attention first, then what is
#: fine, then what cannot be judged (folded away on the page).
ORDER = ("missed", "regressing", "off_track", "behind", "on_track", "met", "not_assessable",
         "no_data")
#: Groups without a verdict, folded into one closed section.
UNJUDGED = frozenset({"no_data", "not_assessable"})
#: Colour class of each group (CSS ``.tone-*``; the traffic light of the verdict).
TONE = {"met": "green", "on_track": "green", "behind": "yellow", "off_track": "red",
        "regressing": "red", "missed": "red", "not_assessable": "grey", "no_data": "grey"}


def key(r: Result) -> str:
    """The verdict a result is grouped under."""
    return r.status


def label(k: str, lang: str) -> str:
    return f"{STATUS_SYMBOL[k]} {STATUS_LABEL[lang][k]}"


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    tone: str
    results: tuple[Result, ...]
    folded: bool


def binding_first(results: Sequence[Result]) -> list[Result]:
    """约束性 (binding) targets before the others, otherwise in file order."""
    return sorted(results, key=lambda r: r.attribute != "binding")


def groups(results: Sequence[Result], lang: str) -> list[Group]:
    """The results grouped by verdict in ``ORDER``; empty groups left out."""
    by: dict[str, list[Result]] = {}
    for r in results:
        by.setdefault(key(r), []).append(r)
    return [Group(k, label(k, lang), TONE[k], tuple(binding_first(by[k])), k in UNJUDGED)
            for k in ORDER if k in by]


def counts(results: Sequence[Result], lang: str) -> list[tuple[str, str, str, int]]:
    """(key, label, tone, count) per verdict present, in ``ORDER``."""
    return [(g.key, g.label, g.tone, len(g.results)) for g in groups(results, lang)]


def basis(results: Sequence[Result], as_of: date) -> dict[str, object]:
    """What the verdicts rest on: counts of final verdicts, provisional ones (an in-year
    count), projections from the pace, and targets with no verdict; ``waiting`` the deadline
    years already past whose figures are not yet in (the projections wait for them)."""
    final = sum(r.final for r in results)
    provisional = sum(r.provisional and not r.final for r in results)
    unjudged = sum(r.status in UNJUDGED for r in results)
    projected = len(results) - final - provisional - unjudged
    waiting = sorted({r.deadline for r in results
                      if not r.final and r.deadline < as_of.year})
    return {"final": final, "provisional": provisional, "projected": projected,
            "unjudged": unjudged, "waiting": waiting}
