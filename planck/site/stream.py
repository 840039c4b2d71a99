"""``planck site`` city by city, in flat memory and on every core, rendering only what changed.

Each city is read and its own pages rendered and put on their own (``parts.make``, in worker
processes when there are many); what the index, compare and sources pages need of it goes to
a private temporary file, and those pages are rendered from it at the end, in pieces as they
are written. So memory does not grow with the number of cities (only a few small figures per
indicator do). With the manifest of the previous build (``manifest``), a city whose files,
and everything else its pages depend on, are unchanged is not rendered again: its pages are
linked from the old site after their bytes are checked.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import chain
from pathlib import Path
from typing import Any

from planck.findings import Finding, PlanckError
from planck.render.context import LANGS
from planck.site import manifest as mf
from planck.site.parts import Job, Part

#: the command line's progress bar: ``with progress(total, label) as tick``
Bar = Callable[[int, str], AbstractContextManager[Callable[[], None]]]


class _Spooled:
    """Records in the spool, read back one at a time each time it is iterated."""

    def __init__(self, spool, offsets: list[int], pick: Callable[[Any], Any]) -> None:
        self.spool, self.offsets, self.pick = spool, offsets, pick

    def __len__(self) -> int:
        return len(self.offsets)

    def __iter__(self) -> Iterator[Any]:
        for at in self.offsets:
            self.spool.seek(at)
            yield self.pick(pickle.load(self.spool))


@dataclass
class _Indicator:
    """What is gathered of one indicator in one language across cities."""

    name: str
    unit: str
    offsets: list[int] = field(default_factory=list)
    x: list[float] = field(default_factory=list)  # the least and the most x and value seen
    v: list[float] = field(default_factory=list)
    units: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    charts: int = 0


@dataclass
class Outcome:
    pages: int  # .html files
    problems: list[tuple[str, str]]  # --check: (path, how the folder differs there)
    rendered: list[str]  # ids of the cities whose own pages were rendered
    names: set[str] = field(default_factory=set)  # --check: every file of the site


class Gather:
    def __init__(self) -> None:
        self.spool = tempfile.TemporaryFile()
        self.findings: list[Finding] = []
        self.seen: dict[str, str] = {}
        self.entries: dict[str, list[int]] = {lang: [] for lang in LANGS}
        self.inds: dict[tuple[str, str], _Indicator] = {}
        self.uses: dict[str, int] = {}
        self.records: list[int] = []

    def _put(self, obj: Any) -> int:
        self.spool.seek(0, 2)
        at = self.spool.tell()
        pickle.dump(obj, self.spool, protocol=pickle.HIGHEST_PROTOCOL)
        return at

    def add(self, part: Part, key: str | None, kept: mf.City | None) -> None:
        from planck.render.svg import extent
        from planck.site.glossary import found

        if part.findings:
            self.findings += part.findings
            return
        if part.id in self.seen:
            # two files, one city id: their pages would overwrite each other
            self.findings.append(Finding(part.path, 1, 1, "duplicate-city",
                                         f"city id {part.id!r} is also used by {self.seen[part.id]}"))
            return
        self.seen[part.id] = part.path
        if self.findings:
            return  # nothing will be written: gather only the findings
        for lang in LANGS:
            self.entries[lang].append(self._put((part.index[lang], part.sources[lang])))
        for ind, by_lang in part.indicators.items():
            self.uses[ind] = self.uses.get(ind, 0) + 1
            for lang, (name, unit) in by_lang.items():
                g = self.inds.setdefault((lang, ind), _Indicator(name, unit))
                rows, spec = part.compare[lang, ind]
                chart = None if spec is None else (part.id, part.index[lang]["name"], spec)
                g.offsets.append(self._put((rows, chart)))
                if spec is not None:
                    g.charts += 1
                    xs, vs = extent(spec)
                    g.x += [min(xs), max(xs)] if xs else []
                    g.v += [min(vs), max(vs)] if vs else []
                    g.x, g.v = _ends(g.x), _ends(g.v)
                g.units.update(r["unit"] for r in rows)
                g.words |= found(f"{r['wording']} {r['target']} {' '.join(r['flags'])}"
                                 for r in rows)
        names = {lang: part.index[lang]["name"] for lang in LANGS}
        self.records.append(self._put((part.city, key, part.id,
                                       tuple(part.indicators), part.pages, names, kept)))

    def cities(self) -> Iterator[tuple[str, str | None, str, tuple[str, ...], list, dict,
                                       mf.City | None]]:
        yield from _Spooled(self.spool, self.records, lambda r: r)

    def shared(self) -> list[str]:
        return sorted(ind for ind, n in self.uses.items() if n > 1)

    def global_pages(self, lang: str, default_lang: str) -> Iterator[tuple[str, Any]]:
        """The index, compare, sources and method pages of ``lang``, in pieces."""
        from planck.render.svg import scale
        from planck.site.pages import Site, methodology_html

        site = Site((), lang, methodology_html(lang=lang), shared={})
        shared = self.shared()
        entries = self.entries[lang]
        yield site.index_page(_Spooled(self.spool, entries, lambda r: r[0]),
                              [(k, self.uses[k], self.inds[lang, k].name) for k in shared],
                              stream=True)
        for ind in shared:
            g = self.inds[lang, ind]
            rows = chain.from_iterable(_Spooled(self.spool, g.offsets, lambda r: r[0]))
            charts = (c for c in _Spooled(self.spool, g.offsets, lambda r: r[1]) if c)
            yield site.compare_page(ind, g.name, g.unit, rows, charts,
                                    scale(g.x, g.v) if g.charts else None,
                                    (sorted(g.units), sorted(g.words)), stream=True)
        yield site.sources_page(_Spooled(self.spool, entries, lambda r: r[1]), stream=True)
        yield site.method_page()


def _ends(values: list[float]) -> list[float]:
    return [min(values), max(values)] if values else []


def _quiet(total: int, label: str) -> AbstractContextManager[Callable[[], None]]:
    return nullcontext(lambda: None)


def run(sink, cities: list[str], directory: Path, as_of: date | None, lang: str,
        previous: mf.Manifest | None = None, progress: Bar = _quiet,
        workers: int | None = None) -> Outcome:
    """Build the site into ``sink`` (``sitetree.Sink``, or ``CheckSink`` for ``--check``);
    ``PlanckError`` with every invalid city's findings (the caller then drops the tree).
    ``progress(total, label)`` gives a tick for each city read, then for each of the pages
    all cities share (index, compare, sources, method)."""
    with progress(len(cities), "cities") as tick:
        return _run(sink, cities, directory, as_of, lang, previous, progress, tick, workers)


def _run(sink, cities: list[str], directory: Path, as_of: date | None, lang: str,
         previous: mf.Manifest | None, progress: Bar, tick: Callable[[], None],
         workers: int | None) -> Outcome:
    from planck.write.sitetree import CheckSink

    check = isinstance(sink, CheckSink)
    key = mf.build_key(lang, as_of)
    keys = [mf.city_key(key, Path(c)) for c in cities]
    by_file = {} if previous is None or previous.key != key or check else \
        {c.file: c for c in previous.cities}
    kept: dict[int, mf.City] = {}
    for i, (city, k) in enumerate(zip(cities, keys, strict=True)):
        old = by_file.get(Path(city).name)
        if old is not None and k == old.key and old.id != "compare" and _keep(sink, old):
            kept[i] = old
    if previous is not None and len(kept) == len(cities) and \
            [c.file for c in previous.cities] == [Path(c).name for c in cities]:
        # nothing changed: the index, compare and sources pages are the old ones too
        linked = []
        for rel, sha, size in previous.others:
            linked.append(rel)
            if sink.link(rel) != (sha, size):
                for rel_ in linked:  # render them all again: none of these may stay
                    sink.drop(rel_)
                break
        else:
            for _ in cities:
                tick()
            sink.put(mf.NAME, mf.dump(previous))
            return Outcome(sum(len(set(c.rels(LANGS))) for c in previous.cities)
                           + sum(rel.endswith(".html") for rel, _, _ in previous.others), [], [])
    jobs = [Job(city, directory, as_of, i not in kept, sink) for i, city in enumerate(cities)]
    gather = Gather()
    try:
        return _finish(gather, sink, key, keys, kept, jobs, lang, progress, tick, workers)
    finally:
        gather.spool.close()


def _finish(gather: Gather, sink, key: str, keys: list[str | None], kept: dict[int, mf.City],
            jobs: list[Job], lang: str, progress: Bar, tick: Callable[[], None],
            workers: int | None) -> Outcome:
    """Gather every city, fix the compare links, render the shared pages, and the manifest."""
    from planck import pool
    from planck.site import parts
    from planck.site.labels import LABELS
    from planck.site.pages import MARKER, MARKER_TEXT, _env, without_compare
    from planck.write.sitetree import CheckSink

    check = isinstance(sink, CheckSink)
    for i, part in enumerate(pool.pool_map(parts.make, jobs, workers, chunksize=1)):
        gather.add(part, keys[i], kept.get(i))
        tick()
    if gather.findings:
        raise PlanckError(gather.findings)
    shared = set(gather.shared())
    problems: list[tuple[str, str]] = []
    rendered: list[str] = []
    pages = 0
    records = []
    names_: set[str] = set()  # --check: every file of the site
    for city, k, cid, inds, put, names, old in gather.cities():
        alone = frozenset(i for i in inds if i not in shared)
        if old is not None and old.alone != alone:  # its compare links changed: render it
            put = parts.make(replace(jobs[0], city=city, own=True)).pages
            old = None
        if old is not None:
            records.append(old)
            pages += len(set(old.rels(LANGS)))
            continue
        rendered.append(cid)
        final: dict[str, tuple[str, int]] = {}
        for rel, ind, sha, size, there, sha0, size0 in put:
            want = (sha0, size0) if ind in alone else (sha, size)
            if check:
                problems.append((rel, sink.problem(rel, want, there)))
            elif want != (sha, size):
                lang_ = rel.split("/", 1)[0]
                want = sink.rewrite(rel, lambda t, a=lang_, b=ind, n=names: without_compare(
                    t, a, n[a], b))[:2]
            final[rel] = want
        pages += len(final)
        if check:
            names_.update(final)
        records.append(mf.City(Path(city).name, k or "", cid, inds, alone,
                               mf.pages_digest(final)))
    others: list[tuple[str, str, int]] = []
    globals_ = [p for lang_ in LANGS for p in gather.global_pages(lang_, lang)]
    globals_.append(("index.html", _env().get_template("root.html").render(
        lang=lang, L=LABELS[lang])))
    globals_.append((MARKER, MARKER_TEXT))
    with progress(sum(rel.endswith(".html") for rel, _ in globals_) - 1, "pages") as tick_:
        for rel, text in globals_:
            sha, size, there = sink.put(rel, text)
            if check:
                problems.append((rel, sink.problem(rel, (sha, size), there)))
            others.append((rel, sha, size))
            names_.add(rel)
            if rel.endswith(".html") and rel != "index.html":
                tick_()
    pages += sum(rel.endswith(".html") for rel, _, _ in others)
    if not check:
        sink.put(mf.NAME, mf.dump(mf.Manifest(key, tuple(records), tuple(others))))
    return Outcome(pages, [p for p in problems if p[1]], rendered, names_ if check else set())


def _keep(sink, old: mf.City) -> bool:
    """Link every page of ``old`` from the old site; True when they hold what it built."""
    from planck.write.sitetree import Sink

    if not isinstance(sink, Sink):
        return False
    pages = {}
    for rel in old.rels(LANGS):
        try:
            got = sink.link(rel)
        except ValueError:  # not a path inside the site
            return False
        if got is None:
            return False
        pages[rel] = got
    return mf.pages_digest(pages) == old.digest
