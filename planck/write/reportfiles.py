"""Report files: build a city's report text from its files and compare it with a written one.

``planck report`` uses these; the rendering itself is the pure ``render.report``. Nothing here
prints; the CLI reports what happened and writes through ``planck.write.guarded``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from planck.escape import markdown as escape
from planck.read.dataset import CityData
from planck.readable import amount, unit_suffix
from planck.render.chartdata import obs_point
from planck.render.context import LABELS
from planck.render.report import Cited, Document, Evidence, target_cited
from planck.result import Figure, Report, Result


def is_current(path: Path, text: str) -> bool:
    """True when ``path`` holds exactly ``text`` (CRLF checkouts count as the same text)."""
    try:
        old = Path(path).read_bytes()
    except OSError:
        return False
    return old.replace(b"\r\n", b"\n") == text.encode("utf-8")


def link(path: Path | str, base: Path) -> str:
    """``path`` as a link from a file in the folder ``base``: relative (``/``-separated), so it
    resolves wherever the report and the data live; where no relative path exists (another
    drive on Windows) the absolute ``file:`` URI, which still names the file exactly."""
    target = Path(path).resolve()
    try:
        return Path(os.path.relpath(target, Path(base).resolve())).as_posix()
    except ValueError:
        return target.as_uri()


def _rel(path: str, base: Path) -> str:
    return link(path, base) if path else path


def methodology_file(directory: Path) -> Path | None:
    """The docs/methodology.md a report links: the data repository's own (``docs/`` beside
    its targets folder, as in planck's checkout), else the copy installed with planck."""
    package = Path(__file__).resolve().parent.parent  # planck/
    for path in (Path(directory).resolve().parent / "docs" / "methodology.md",
                 package / "_bundled" / "docs" / "methodology.md",
                 package.parent / "docs" / "methodology.md"):
        if path.is_file():
            return path
    return None


def relocate(report: Report, base: Path) -> Report:
    """The report with every file path relative to ``base`` (the report's folder), so links
    work from the report and the text does not depend on where the checkout lives."""

    done: dict[str, str] = {}

    def rel(path: str) -> str:
        # a city's results name the same two or three files: each is resolved once
        if path not in done:
            done[path] = _rel(path, base)
        return done[path]

    def obs(o: Figure | None) -> Figure | None:
        return None if o is None else replace(o, file=rel(o.file))

    def moved(r: Result) -> Result:
        e = r.evidence
        return replace(r, file=rel(r.file), evidence=replace(
            e, latest=obs(e.latest), latest_partial=obs(e.latest_partial)))

    results = tuple(moved(r) for r in report.results)
    return replace(report, file=rel(report.file), results=results,
                   measured=tuple(rel(m) for m in report.measured))


def evidence(data: CityData, report: Report, lang: str = "en") -> Evidence:
    """Every document and quote behind the report's numbers, and the annual series shown.

    Observations are picked exactly as ``evaluate`` picks them (same vintages, nothing
    published after the as-of date). Documents are merged by title, because a plan that
    states both targets and baseline figures is listed in both files.
    """
    from planck.judge.evaluate import pick

    docs: dict[str, dict] = {}

    def add(doc: Document, cited: Cited | None = None) -> None:
        entry = docs.setdefault(doc.title, {"doc": doc, "cited": []})
        if cited is not None and cited not in entry["cited"]:
            entry["cited"].append(cited)

    sources = {s.id: s for s in data.targets.sources}
    for s in data.targets.sources:
        add(_doc(s))
    targets = {t.id: t for t in data.targets.targets}
    indicators: list[str] = []
    for r in report.results:
        t = targets[r.id]
        add(_doc(sources[t.source]), target_cited(r, lang))
        if t.baseline is not None and t.baseline.quote:
            unit = t.baseline.unit or r.unit
            value = "?" + unit_suffix(unit) if t.baseline.value is None else amount(
                t.baseline.value, unit)
            add(_doc(sources[t.baseline.source or t.source]),
                Cited(f"{value} ({t.baseline.year})",
                      f"`{r.id}` {LABELS[lang]['baseline_quote']}", t.baseline.quote))
        for ind in (r.indicator, r.target.reference):
            if ind and ind not in indicators:
                indicators.append(ind)
    names = {i.id: i.name_zh for i in data.targets.indicators}
    series: dict[str, dict[int, float]] = {}
    points: dict[str, tuple] = {}
    measured: list[tuple] = []
    for ind in indicators:
        annual, partial = pick(data.observations, ind, report.as_of)
        series[ind] = {y: o.value for y, o in annual.items()}
        points[ind] = tuple(obs_point(o.period, o.value, o.source_title, o.partial,
                                      o.estimate)
                            for o in [*annual.values(), *([partial] if partial else [])])
        for o in [*annual.values(), *([partial] if partial else [])]:
            measured.append((o, Cited(f"{amount(o.given_value, o.given_unit)} ({o.period})",
                                      f"`{ind}` {escape(names.get(ind, ''))}".strip(), o.quote)))
    # Measured documents after the plan's own, oldest first: the order figures appeared in.
    for o, cited in sorted(measured, key=lambda m: (m[0].source_date, m[0].source_title)):
        add(Document(o.source_title, date=o.source_date, url=o.url, copy_of=o.copy_of), cited)
    documents = tuple(replace(e["doc"], cited=tuple(e["cited"])) for e in docs.values())
    paces: dict[str, str] = {t.id: t.pace for t in data.targets.targets}
    return Evidence(documents, {k: v for k, v in series.items() if v}, points, paces)


def _doc(source) -> Document:
    return Document(source.title, source.issuer, source.doc_number, source.date, source.url,
                    copy_of=source.copy_of)


def chart_folder(report_file: Path) -> Path:
    """Where a report's SVG charts go: a folder named after the report, beside it
    (reports/luoyang.md → reports/luoyang/)."""
    return Path(report_file).parent / Path(report_file).stem


def build(city: str, directory: Path, out: Path, as_of: date | None, lang: str,
          charts: bool = True) -> list[tuple[Path, str]]:
    """(file, text) for one city's report ``out`` and its SVG charts. Every link in the text
    (target and measured files, charts, the method) is relative to ``out``'s own folder, so
    it resolves wherever ``out`` is written. ``charts=False``: no chart files and no image
    links (a report sent to stdout has nowhere to put them).

    Raises ``PlanckError`` (with findings) when the city's files are invalid.
    """
    from urllib.parse import quote

    from planck.judge.evaluate import default_as_of, evaluate
    from planck.read.dataset import load_city
    from planck.render.context import Context
    from planck.render.report import chart_files, render_report

    data = load_city(city, directory)
    base = Path(out).parent
    report = relocate(evaluate(data, as_of or default_as_of(data)), base)
    ctx = Context(lang=lang)
    ev = evidence(data, report, lang)
    folder = chart_folder(out)
    method = methodology_file(directory)
    text = render_report(report, ctx, ev, quote(folder.name) if charts else None,
                         methodology=None if method is None else link(method, base))
    if not charts:
        return [(Path(out), text)]
    return [(Path(out), text)] + [(folder / name, svg)
                                  for name, svg in chart_files(report, ctx, ev).items()]


def _build_job(job: tuple) -> tuple[bool, list]:
    """Runs in a worker: (True, files) of one report job, or (False, findings)."""
    from planck.findings import PlanckError

    city, directory, path, as_of, lang = job
    to_stdout = str(path) == "-"
    out = Path("stdout.md") if to_stdout else path
    try:
        files = build(city, directory, out, as_of, lang, charts=not to_stdout)
    except PlanckError as err:
        return False, err.findings
    return True, [(path, files[0][1])] if to_stdout else files


class Spooled:
    """(path, text) pairs kept in a temporary file, not in memory: a national run's reports
    and charts would otherwise all be held until written. Iterable any number of times, in
    the order they were added; only the paths and offsets stay in memory."""

    def __init__(self) -> None:
        import tempfile

        self._file = tempfile.TemporaryFile()
        self._index: list[tuple[Path, int, int]] = []
        self._end = 0

    def add(self, path: Path, text: str) -> None:
        data = text.encode("utf-8")
        self._file.seek(self._end)
        self._file.write(data)
        self._index.append((path, self._end, len(data)))
        self._end += len(data)

    def __len__(self) -> int:
        return len(self._index)

    def paths(self) -> list[Path]:
        """The paths alone, in order (nothing is read back)."""
        return [path for path, _, _ in self._index]

    def __iter__(self):
        for path, start, size in self._index:
            self._file.seek(start)
            yield path, self._file.read(size).decode("utf-8")

    def close(self) -> None:
        self._file.close()


def build_many(jobs: list[tuple[str, Path]], directory: Path, as_of: date | None,
               lang: str, done: Callable[[], None] | None = None) -> Spooled:
    """(file, text) for every (city, report file) job, spooled to a temporary file: each
    report, then its SVG charts; ``PlanckError`` with the findings of every invalid city
    (all cities are read before anything is written). A report to stdout ("-") comes alone,
    without charts, its links relative to the current folder. Many cities are built on
    every core."""
    from planck.findings import PlanckError
    from planck.pool import pool_map

    texts, findings = Spooled(), []
    for ok, found in pool_map(_build_job, [(city, directory, path, as_of, lang)
                                           for city, path in jobs], acyclic=True):
        if done is not None:  # the command line's progress bar
            done()
        if ok:
            for path, text in found:
                texts.add(path, text)
        else:
            findings += found
    if findings:
        texts.close()
        raise PlanckError(findings)
    return texts
