"""One city's share of the site, made on its own (in a worker process when there are many):
its own pages, put into the new tree as they are rendered, and the small parts of it that
the index, compare and sources pages show, handed back to be gathered.

An indicator page links to the compare page when another city has the same indicator, which
is known only once every city is read: it is rendered with the link, and ``Part.alone``
says how each page reads without it (``pages.without_compare``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from planck.findings import Finding

#: a page put: (relative path, indicator or None for the city page, sha256, size, what
#: the folder held there (``Sink.put``), sha256 and size of the page without its compare link)
Page = tuple[str, "str | None", str, int, Any, str, int]


@dataclass(frozen=True)
class Job:
    """Read ``city`` (its target file) and, when ``own``, render its pages into ``sink``."""

    city: str
    directory: Path
    as_of: date | None
    own: bool
    sink: Any  # sitetree.Sink or CheckSink


@dataclass
class Part:
    """What one city gives: findings (then nothing else), or its id, indicators, the pages
    it put, and per language its front-page entry, sources entry and compare parts."""

    city: str
    findings: list[Finding] = field(default_factory=list)
    id: str = ""
    path: str = ""
    indicators: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    pages: list[Page] = field(default_factory=list)
    index: dict[str, dict] = field(default_factory=dict)
    sources: dict[str, dict] = field(default_factory=dict)
    compare: dict[tuple[str, str], tuple[list[dict], Any]] = field(default_factory=dict)


def make(job: Job) -> Part:
    """Load, evaluate and render one city (``Part.findings`` when its files are invalid)."""
    from planck.findings import PlanckError
    from planck.render.context import LANGS
    from planck.site.collect import collect
    from planck.site.pages import Site, without_compare

    try:
        view = collect(job.city, job.directory, job.as_of, "en")
    except PlanckError as err:
        return Part(job.city, list(err.findings))
    part = Part(job.city, id=view.id, path=view.data.path)
    part.indicators = {key: {} for key in view.indicators}
    for lang in LANGS:
        site = Site((), lang, "", shared={})
        name = site.index_entry(view)["name"]
        for key in view.indicators:
            part.indicators[key][lang] = (site._ind_name(view, key), view.indicators[key].unit)
        if job.own:
            pages = site.own_pages(view, compare=True)
            for ind, (rel, text) in zip([None, *view.indicators], pages, strict=True):
                sha, size, found = job.sink.put(rel, text)
                if ind is None:  # the city page: no compare link
                    part.pages.append((rel, ind, sha, size, found, sha, size))
                    continue
                data = without_compare(text, lang, name, ind).encode("utf-8")
                part.pages.append((rel, ind, sha, size, found, _sha(data), len(data)))
        part.index[lang] = site.index_entry(view)
        part.sources[lang] = site.sources_entry(view)
        for ind in view.indicators:
            part.compare[lang, ind] = site.compare_part(view, ind)
    return part


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()
