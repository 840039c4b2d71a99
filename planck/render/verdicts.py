"""The answer a city page leads with: its targets counted and grouped by verdict, and what
the verdicts rest on (final figures, provisional counts, projections waiting for the
deadline year's figures, no figure at all). Pure: results in, plain values out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from planck.render.context import STATUS_LABEL, STATUS_SYMBOL
from planck.render.terms_text import CATEGORY_LABEL
from planck.result import Result

#: The evaluators' categories (docs/methodology.md, "Categories and lights"), in the order a
#: page lists them: what needs attention first, then what is fine; then the statuses of the
#: targets with no category (no figure, not assessable, a bound that leaves it open).
ORDER = ("not_achieved", "lagging", "basically_achieved", "as_expected", "ahead", "achieved",
         "achieved_early", "missed", "regressing", "off_track", "behind", "on_track", "met",
         "not_assessable", "no_data")
CATEGORY_SYMBOL = {"achieved_early": "★", "achieved": "✓", "basically_achieved": "≈",
                   "not_achieved": "✗", "ahead": "⇗", "as_expected": "↗", "lagging": "↘"}
#: Groups without a verdict, folded into one closed section.
UNJUDGED = frozenset({"no_data", "not_assessable"})
#: Colour class of a status shown where no category is (CSS ``.tone-*``).
TONE = {"met": "green", "on_track": "green", "behind": "yellow", "off_track": "red",
        "regressing": "red", "missed": "red", "not_assessable": "grey", "no_data": "grey"}
_WORSE = {"grey": 0, "green": 1, "yellow": 2, "red": 3}


def key(r: Result) -> str:
    """The verdict a result is grouped under: its category, else its status."""
    return r.verdict.category or r.verdict.status


def label(k: str, lang: str) -> str:
    if k in CATEGORY_LABEL[lang]:
        return f"{CATEGORY_SYMBOL[k]} {CATEGORY_LABEL[lang][k]}"
    return f"{STATUS_SYMBOL[k]} {STATUS_LABEL[lang][k]}"


def row_label(r: Result, lang: str) -> str:
    """A result's verdict as its row says it: the category with its light in words
    (``✗ not achieved · red``), so the colour is never the only sign; else its status."""
    from planck.render.terms_text import category_text

    if r.verdict.category is None:
        return label(r.verdict.status, lang)
    return f"{CATEGORY_SYMBOL[r.verdict.category]} {category_text(r, lang)}"


def tone(r: Result) -> str:
    """The traffic light of a result (its ``light``), else its status's colour."""
    return r.verdict.light or TONE.get(r.verdict.status, "grey")


def catch_up_text(r: Result, lang: str) -> str:
    """剩余N年需年均增长X% — the pace still needed (``render.terms_text``; "" when none is:
    met, final, or no year left)."""
    from planck.render.terms_text import catch_up_text as text

    return text(r, lang)


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
    return [Group(k, label(k, lang), max((tone(r) for r in by[k]), key=_WORSE.__getitem__),
                  tuple(binding_first(by[k])), k in UNJUDGED)
            for k in ORDER if k in by]


def counts(results: Sequence[Result], lang: str) -> list[tuple[str, str, str, int]]:
    """(key, label, tone, count) per verdict present, in ``ORDER``."""
    return [(g.key, g.label, g.tone, len(g.results)) for g in groups(results, lang)]


def basis(results: Sequence[Result], as_of: date) -> dict[str, object]:
    """What the verdicts rest on: counts of final verdicts, provisional ones (an in-year
    count), projections from the pace, and targets with no verdict; ``waiting`` the deadline
    years already past whose figures are not yet in (the projections wait for them)."""
    final = sum(r.verdict.final for r in results)
    provisional = sum(r.verdict.provisional and not r.verdict.final for r in results)
    unjudged = sum(r.verdict.status in UNJUDGED for r in results)
    projected = len(results) - final - provisional - unjudged
    waiting = sorted({r.deadline for r in results
                      if not r.verdict.final and r.deadline < as_of.year})
    return {"final": final, "provisional": provisional, "projected": projected,
            "unjudged": unjudged, "waiting": waiting}
