"""What the Chinese units and wordings on an English page mean: each page lists the ones it
shows (a glossary line), and a term's meaning is also its ``title`` text where it stands."""

from __future__ import annotations

from collections.abc import Iterable

#: Units: what one of them counts.
UNITS = {
    "亿元": "100 million yuan", "万元": "10,000 yuan", "元": "yuan",
    "家": "enterprises or institutions (a count)", "个": "a count of things",
    "件": "items such as patents (a count)", "件/万人": "items per 10,000 residents",
    "项": "projects or items (a count)", "名": "people (a count)",
    "位": "place in a ranking", "人": "people (a count)", "万人": "10,000 people",
}
#: The plans' own words for a promise and the attributes of a target.
WORDINGS = {
    "不少于": "no fewer than", "以上": "or more", "达到": "reach", "达": "reach",
    "突破": "exceed (break through)", "超过": "more than", "左右": "roughly (within a tolerance)",
    "翻番": "double", "全覆盖": "full coverage", "全部": "all", "接近": "close to",
    "提高到": "raise to", "年均增长": "average annual growth", "新增": "newly added",
    "每年": "every year", "争创": "strive to become", "力争": "strive for (a stretch level)",
    "约束性": "binding: a mandatory target", "预期性": "expected: an indicative target",
    "进度": "share of the gap from the base point to the target closed",
    "完成率": "attainment: the latest value as a share of the target",
    "前30名": "among the top 30",
}
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
