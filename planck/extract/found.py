"""A target as read from a plan's text, and the pieces every reader of sentences shares: the
clauses of a sentence and the sentence with its quoted names blanked."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: A clause ends at a comma, except one grouping a number's thousands (1,200).
CLAUSE = re.compile(r"(?:[^,;:，；：]|(?<=\d),(?=\d{3}(?!\d)))+")
#: A clause is a few dozen characters; a longer run without punctuation (a pasted table, hostile
#: input) is read in pieces of this size, so the work per figure stays bounded (no n² blow-up).
MAX_CLAUSE = 600
#: More figures than this in one sentence is not plan text: the rest of the sentence is skipped.
MAX_PER_SENTENCE = 200


def clauses(text: str):
    """(start, end) of every clause, long ones cut into MAX_CLAUSE pieces."""
    for m in CLAUSE.finditer(text):
        for a in range(m.start(), m.end(), MAX_CLAUSE):
            yield a, min(a + MAX_CLAUSE, m.end())


_QUOTED = re.compile(r"“[^”]{0,40}”|\"[^\"]{0,40}\"|《[^》]{0,200}》|（[^）]{0,40}）|\([^)]{0,40}\)")


@dataclass
class Found:
    """One target as read from the text (before ids and YAML)."""

    name: str
    op: str
    wording: str
    unit: str | None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    reference: str | None = None
    baseline: dict | None = None
    stretch: float | None = None
    attribute: str | None = None
    quote: str = ""
    line: int = 0
    col: int = 0
    deadline: int | None = None
    notes: list[str] = field(default_factory=list)
    from_table: bool = False
    annual: bool = False  # a target for one year of the plan (今年, 2026年主要预期目标)
    scope: str | None = None  # sub-units the target is about (各县（市、区）, 每个园区), not the city


def mask(text: str) -> str:
    """Quoted names and parentheses blanked (same length), so their digits are not figures."""
    return _QUOTED.sub(lambda m: m.group()[0] + "\u3000" * (len(m.group()) - 2) + m.group()[-1]
                       if "全覆盖" not in m.group() and "翻番" not in m.group() else m.group(), text)
