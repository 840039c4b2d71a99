"""Commands report and compare."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from planck.choices import FORMATS, listed, listed_langs
from planck.cli.common import (
    GATE_FAILED,
    AsOf,
    FollowSymlinks,
    Force,
    Lang,
    TargetsDir,
    _all_cities,
    _choose_format,
    _city_or_all,
    _context,
    _err,
    _fail,
    _lang,
    _out,
    _refused,
    _safe_streams,
    _usage,
    app,
    parse_date,
)
from planck.findings import PlanckError

ReportsDir = Annotated[Path, typer.Option(
    "--reports-dir", help="Folder of the reports (--all, and CITY without -o).")]


def _report_jobs(city, all_cities, output, reports_dir, directory, suffix: str = ".md"
                 ) -> list[tuple[str, Path]]:
    """(city, report file) pairs; a report is named after its target file's stem."""
    _city_or_all(city, all_cities)
    if output is not None and all_cities:
        raise _usage("-o/--output names one report: use it with a CITY, or --reports-dir with --all")
    if all_cities:
        return [(c, reports_dir / f"{Path(c).stem}{suffix}") for c in _all_cities(directory)]
    from planck.cli.lookup import find_city

    city = find_city(city, directory)
    return [(city, output if output is not None else reports_dir / f"{Path(city).stem}{suffix}")]


def _refuse_outputs(jobs: list[tuple[str, Path]], directory: Path,
                    follow_symlinks: bool) -> None:
    """Every report path must be a new path or a regular file that planck does not read,
    reached without a symbolic link inside the repository (``planck.write.guarded``)."""
    from planck.write import guarded
    from planck.write.target import data_files

    inputs = guarded.identities(data_files(directory) + [Path(c) for c, _ in jobs])
    for _, path in jobs:
        if str(path) == "-":
            continue
        try:  # whose file it is waits until every path is known (the charts too)
            guarded.check(path, force=True, follow_symlinks=follow_symlinks,
                          roots=[directory], inputs=inputs)
        except guarded.Refused as why:
            raise _refused("report", why) from None
        if path.suffix != ".md":
            # the charts go in the folder named after the report's stem: it needs a suffix
            raise _usage(f"{path}: not a report file name: give one ending in .md (its charts "
                         "go in the folder of its stem)")


@app.command()
def report(
    city: Annotated[Optional[str], typer.Argument(help="City id (luoyang) or a target file.")] = None,
    all_cities: Annotated[bool, typer.Option("--all", help="Every city in the targets folder.")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Report file for CITY ('-' for stdout).")] = None,
    reports_dir: ReportsDir = Path("reports"),
    check_only: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if a report is out of date.")] = False,
    as_of: AsOf = None,
    lang: Annotated[Optional[str], typer.Option(
        "--lang", help=f"Labels in {listed_langs()} (default en; zh for --format docx).")] = None,
    targets_dir: TargetsDir = None,
    force: Force = False,
    follow_symlinks: FollowSymlinks = False,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help=f"{listed(FORMATS['report'])}: markdown writes reports/<city>.md "
                               "and its charts, docx the evaluation document (reports/<city>.docx)."
                               )] = "markdown",
) -> None:
    """Write markdown reports (reports/<city>.md) or evaluation documents (--format docx);
    --check exits 1 when one is out of date."""
    _choose_format("report", fmt)
    if fmt == "docx":
        from planck.cli.docx import docx_reports
        from planck.read.dataset import targets_dir as resolve_dir

        directory = resolve_dir(targets_dir)
        jobs = _report_jobs(city, all_cities, output, reports_dir, directory, ".docx")
        return docx_reports(jobs, directory, check_only, as_of, lang or "zh", force,
                            follow_symlinks)
    lang = lang or "en"
    from planck.cli.progress_bar import progress
    from planck.read.dataset import targets_dir as resolve_dir
    from planck.write import guarded
    from planck.write.reportfiles import build_many, is_current
    from planck.write.target import data_files

    _safe_streams()
    lang_, when = _lang(lang), parse_date(as_of)
    directory = resolve_dir(targets_dir)
    jobs = _report_jobs(city, all_cities, output, reports_dir, directory)
    if not check_only:
        _refuse_outputs(jobs, directory, follow_symlinks)
    try:
        with progress(len(jobs), "reports") as tick:
            texts = build_many(jobs, directory, when, lang_, done=tick)
    except PlanckError as err:
        raise _fail(err.findings) from None
    try:
        if check_only:
            stale = [path for path, text in texts if not is_current(path, text)]
            for path in stale:
                why = "out of date" if path.exists() else "missing"
                _err(f"{path}: {why} (regenerate with `planck report --all` or `make reports`)")
            if stale:
                raise typer.Exit(GATE_FAILED)
            charts = sum(path.suffix == ".svg" for path in texts.paths())
            _err(f"planck: {len(texts) - charts} report(s) and {charts} chart(s) up to date")
            return
        # every report and chart first: a refusal leaves all of them as they were
        inputs = guarded.identities(data_files(directory) + [Path(c) for c, _ in jobs])
        final = {}
        for path in texts.paths():
            if str(path) != "-":
                try:
                    final[path] = guarded.check(path, force=force,
                                                follow_symlinks=follow_symlinks,
                                                roots=[directory], inputs=inputs)
                except guarded.Refused as why:
                    raise _refused("report", why) from None
        from collections import Counter

        # files per folder, counted once: a count per report over every file was quadratic
        in_folder = Counter(p.parent for p in texts.paths())
        for path, text in texts:
            if str(path) == "-":
                _out(text)
                continue
            try:
                guarded.write_file(final[path], text, checked=True)
            except OSError as err:
                raise _usage(f"{path}: cannot write: {err.strerror or err}") from None
            if path.suffix != ".svg":
                charts = in_folder[path.parent / path.stem]
                _err(f"planck: wrote {path}" + (
                    f" and {charts} chart(s) in {path.parent / path.stem}" if charts else ""))
    finally:
        texts.close()  # the spooled reports and charts


@app.command()
def compare(
    indicator: Annotated[str, typer.Argument(help="Shared indicator id, e.g. high-tech-enterprises.")],
    cities: Annotated[Optional[str], typer.Option("--cities", help="Comma-separated city ids (default: every city).")] = None,
    as_of: AsOf = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"{listed(FORMATS['compare'])}.")] = "table",
    lang: Lang = "en",
    targets_dir: TargetsDir = None,
) -> None:
    """One indicator across cities: each city's target(s), latest value and status."""
    from planck.judge.compare import compare_cities, shared_ids
    from planck.read.dataset import targets_dir as resolve_dir
    from planck.render.compare import render
    _safe_streams()
    _choose_format("compare", fmt)
    lang_, when = _lang(lang), parse_date(as_of)
    directory = resolve_dir(targets_dir)
    names = [c.strip() for c in cities.split(",") if c.strip()] if cities else _all_cities(directory)
    if not names:
        raise _usage("--cities: no city given")
    try:
        rows, datas = compare_cities(names, directory, indicator, when, lang_)
    except PlanckError as err:
        raise _fail(err.findings) from None
    if not rows:
        shared = ", ".join(shared_ids(datas)) or "none"
        raise _usage(f"no city uses indicator {indicator!r} (ids shared by two or more: {shared})")
    _out(render(fmt, indicator, rows, _context(fmt, lang_, frozenset())))
