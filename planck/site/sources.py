"""The sources page's content for one city: each document, and every number the data takes
from it with its verbatim quote (targets, baselines, measured figures)."""

from __future__ import annotations

from planck.readable import amount, target, unit_suffix
from planck.render.copyof import copy_text
from planck.site.collect import CityView


def documents(c: CityView, lang: str, baseline: str, names) -> list[dict]:
    """Every document of a city with the numbers taken from it (and their quotes)."""
    data = c.data
    docs: dict[str, dict] = {}

    def doc(title, issuer=None, number=None, when=None, url=None, copy_of=None) -> dict:
        meta = " · ".join(m for m in (issuer, number, when.isoformat() if when else None)
                          if m)
        original = None if copy_of is None else {"text": copy_text(copy_of, lang),
                                              "url": copy_of.url}
        return docs.setdefault(title, {"title": title, "url": url, "meta": meta,
                                       "original": original, "cited": []})

    def cite(d: dict, number: str, indicator: str, used: str, quote: str) -> None:
        item = {"number": number, "indicator": indicator, "used_for": used, "quote": quote}
        if quote and item not in d["cited"]:
            d["cited"].append(item)

    sources = {s.id: s for s in data.targets.sources}
    for s in data.targets.sources:
        doc(s.title, s.issuer, s.doc_number, s.date, s.url, s.copy_of)
    for r, t in zip(c.report.results, data.targets.targets, strict=True):
        s = sources[t.source]
        cite(doc(s.title), target(r, lang), r.indicator, r.id,
             t.quote)
        if t.baseline is not None and t.baseline.quote:
            b = sources[t.baseline.source or t.source]
            unit = t.baseline.unit or r.unit
            value = "?" + unit_suffix(unit) if t.baseline.value is None else amount(
                t.baseline.value, unit)
            cite(doc(b.title), f"{value} ({t.baseline.year})",
                 r.indicator, f"{r.id} · {baseline}", t.baseline.quote)
    for ind, v in c.indicators.items():
        for o in sorted(v.figures, key=lambda o: (o.source_date, o.source_title)):
            cite(doc(o.source_title, when=o.source_date, url=o.url, copy_of=o.copy_of),
                 f"{amount(o.given_value, o.given_unit)} ({o.period})", ind,
                 names(v.name, v.name_en, lang), o.quote)
    return list(docs.values())
