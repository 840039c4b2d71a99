"""The answer a city page leads with: its targets counted and grouped by verdict, and what
the verdicts rest on (final figures, provisional counts, projections waiting for the
deadline year's figures, no figure at all). Pure: results in, plain values out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from planck.render.context import STATUS_LABEL, STATUS_SYMBOL
from planck.result import Result

#: The evaluators' categories (docs/methodology.md, "Categories and lights"), in the order a
#: page lists them: what needs attention first, then what is fine; then the statuses of the
#: targets with no category (no figure, not assessable, a bound that leaves it open).
ORDER = ("not_achieved", "lagging", "basically_achieved", "as_expected", "ahead", "achieved",
         "achieved_early", "missed", "regressing", "off_track", "behind", "on_track", "met",
         "not_assessable", "no_data")
CATEGORY_SYMBOL = {"achieved_early": "★", "achieved": "✓", "basically_achieved": "≈",
                   "not_achieved": "✗", "ahead": "⇗", "as_expected": "↗", "lagging": "↘"}
CATEGORY_LABEL = {
    "en": {"achieved_early": "achieved early", "achieved": "achieved",
           "basically_achieved": "basically achieved", "not_achieved": "not achieved",
           "ahead": "ahead of schedule", "as_expected": "as expected", "lagging": "lagging"},
    "zh": {"achieved_early": "提前实现", "achieved": "已实现", "basically_achieved": "基本实现",
           "not_achieved": "未实现", "ahead": "快于预期", "as_expected": "基本符合预期",
           "lagging": "滞后"},
}
#: Groups without a verdict, folded into one closed section.
UNJUDGED = frozenset({"no_data", "not_assessable"})
#: Colour class of a status shown where no category is (CSS ``.tone-*``).
TONE = {"met": "green", "on_track": "green", "behind": "yellow", "off_track": "red",
        "regressing": "red", "missed": "red", "not_assessable": "grey", "no_data": "grey"}
_WORSE = {"grey": 0, "green": 1, "yellow": 2, "red": 3}


def key(r: Result) -> str:
    """The verdict a result is grouped under: its category, else its status."""
    # category, light and catch_up come with the evaluators' terms (issue 22); a result
    # without them (an older planck.report JSON) is grouped by its status
    return getattr(r, "category", None) or r.status


def label(k: str, lang: str) -> str:
    if k in CATEGORY_LABEL[lang]:
        return f"{CATEGORY_SYMBOL[k]} {CATEGORY_LABEL[lang][k]}"
    return f"{STATUS_SYMBOL[k]} {STATUS_LABEL[lang][k]}"


def tone(r: Result) -> str:
    """The traffic light of a result (its ``light``), else its status's colour."""
    return getattr(r, "light", None) or TONE.get(r.status, "grey")


def catch_up_text(r: Result, lang: str) -> str:
    """剩余N年需年均增长X% — the pace still needed, by the verdict's own method ("" when
    none is: met, final, or no year left)."""
    from planck.readable import num

    c = getattr(r, "catch_up", None)
    if c is None:
        return ""
    if c.method == "geometric":
        return (f"剩余{c.years}年需年均增长{num(round(c.value, 2))}%" if lang == "zh"
                else f"needs {num(round(c.value, 2))}% growth a year for {c.years} year(s)")
    if c.unit in ("%", "％"):
        return (f"剩余{c.years}年需年均提高{num(c.value)}个百分点" if lang == "zh"
                else f"needs +{num(c.value)} points a year for {c.years} year(s)")
    unit = c.unit if lang == "zh" else f" {c.unit}"
    return (f"剩余{c.years}年需年均增加{num(c.value)}{c.unit}" if lang == "zh"
            else f"needs +{num(c.value)}{unit} a year for {c.years} year(s)")


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
    final = sum(r.final for r in results)
    provisional = sum(r.provisional and not r.final for r in results)
    unjudged = sum(r.status in UNJUDGED for r in results)
    projected = len(results) - final - provisional - unjudged
    waiting = sorted({r.deadline for r in results
                      if not r.final and r.deadline < as_of.year})
    return {"final": final, "provisional": provisional, "projected": projected,
            "unjudged": unjudged, "waiting": waiting}
