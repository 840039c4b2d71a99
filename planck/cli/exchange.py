"""Commands export (verdicts to an XLSX workbook) and new (the files of a new city)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from planck.choices import listed_langs
from planck.cli.common import (
    FollowSymlinks,
    Force,
    TargetsDir,
    _city_or_all,
    _err,
    _fail,
    _refused,
    _safe_streams,
    _usage,
    app,
)
from planck.findings import Finding, PlanckError


def _xlsx_output(output: Path, directory: Path, force: bool, follow_symlinks: bool) -> Path | None:
    """The resolved .xlsx file to write (None for stdout); exit 2 for an -o that is not a new
    or planck's own regular .xlsx file outside the data folder (``planck.write.guarded``)."""
    if str(output) == "-":
        import sys

        if sys.stdout.isatty():
            raise _usage("-o -: a workbook is binary; redirect stdout to a file, or give -o FILE.xlsx")
        return None
    from planck.write import guarded
    from planck.write.target import data_files

    try:  # the kind of path first; whose file it is once it is known to be a workbook's name
        final = guarded.check(output, force=True, follow_symlinks=follow_symlinks,
                              roots=[directory], inputs=data_files(directory))
    except guarded.Refused as why:
        raise _usage(f"-o: {output} {why.reason}") from None
    if output.suffix.lower() != ".xlsx":
        raise _usage(f"-o: {output} does not end in .xlsx (or give '-' for stdout)")
    if not final.parent.is_dir():
        raise _usage(f"-o: folder {output.parent} does not exist")
    if final.parent == directory.resolve():
        raise _usage(f"-o: {output} is inside the data folder {directory}: write it elsewhere")
    try:
        guarded.check(final, force=force)
    except guarded.Refused as why:
        raise _refused("export", guarded.Refused(output, why.reason, why.code)) from None
    return final


@app.command()
def export(
    city: Annotated[Optional[str], typer.Argument(help="City id (luoyang).")] = None,
    # `...` is typer's "required"; it is no Path, hence the one ignore
    output: Annotated[Path, typer.Option("--output", "-o", help="The .xlsx file to write ('-' for stdout).")] = ...,  # type: ignore[assignment]
    all_cities: Annotated[bool, typer.Option("--all", help="Every city, one sheet each.")] = False,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Evaluate as of YYYY-MM-DD.")] = None,
    lang: Annotated[str, typer.Option("--lang", help=f"Column names and statuses in {listed_langs()}.")] = "en",
    targets_dir: TargetsDir = None,
    force: Force = False,
    follow_symlinks: FollowSymlinks = False,
) -> None:
    """Export verdicts to an XLSX workbook: a sheet per plan (--all: per city), status cells
    coloured, and a 'sources' sheet."""
    import sys

    from planck.cli.common import _all_cities, _lang, parse_date
    from planck.read.dataset import targets_dir as resolve_dir
    from planck.write import guarded
    from planck.write.xlsx import workbook

    _safe_streams()
    lang_, when = _lang(lang), parse_date(as_of)
    directory = resolve_dir(targets_dir)
    _city_or_all(city, all_cities)
    final = _xlsx_output(output, directory, force, follow_symlinks)
    sheets = _sheets(_all_cities(directory) if all_cities or city is None else [city],
                     directory, when)
    reports = [report for report, _ in sheets]
    data = workbook(reports, [row for _, rows in sheets for row in rows], lang_,
                    by_city=all_cities)
    if final is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        guarded.write_file(final, data, checked=True, make_parents=False)
    except OSError as err:
        raise _usage(f"-o: cannot write {output}: {err.strerror or err}") from None
    _err(f"planck: wrote {output} ({sum(len(r.results) for r in reports)} targets)")


def _sheets(cities: list[str], directory: Path, when) -> list[tuple]:
    """(report, source rows) per city, each city read once, on every core for many."""
    from functools import partial

    from planck.cli.progress_bar import progress
    from planck.judge.batch import map_loaded
    from planck.write.xlsx import city_sheet

    sheets, findings = [], []
    with progress(len(cities), "cities") as tick:
        for outcome in map_loaded(cities, directory, [], partial(city_sheet, as_of=when)):
            tick()
            if isinstance(outcome, list):
                findings += outcome
            else:
                sheets.append(outcome)
    if findings:
        raise _fail(findings)
    return sheets


@app.command()
def new(
    city: Annotated[str, typer.Argument(help="Id of the new city: lower-case ascii, e.g. xinxiang.")],
    name_zh: Annotated[str, typer.Option("--name-zh", help="Chinese name, e.g. 新乡市.")],
    name_en: Annotated[str, typer.Option("--name-en", help="English name, e.g. Xinxiang.")],
    province: Annotated[Optional[str], typer.Option("--province", help="Province in Chinese, e.g. 河南省.")] = None,
    province_en: Annotated[Optional[str], typer.Option("--province-en", help="Province in English.")] = None,
    targets_dir: TargetsDir = None,
    follow_symlinks: FollowSymlinks = False,
) -> None:
    """Write targets/<city>.yaml and targets/<city>.measured.yaml: minimal, valid, commented;
    never overwrites."""
    from planck.read.dataset import chosen_dir
    from planck.write import guarded
    from planck.write.new import city_files

    _safe_streams()
    chosen = chosen_dir(targets_dir)
    directory = chosen if chosen is not None else Path("targets")  # made below, if all is well
    shown = directory  # as the user gave it; the messages name it so
    if "_bundled" in directory.resolve().parts:
        raise _usage("the targets folder is planck's installed copy: give --targets-dir")
    try:
        texts = city_files(city, name_zh, name_en, province, province_en)
    except PlanckError as err:
        raise _fail(err.findings) from None
    try:  # where the files land, before anything is made (a linked ./targets is refused)
        directory = guarded.resolve(directory, follow_symlinks=follow_symlinks)
    except guarded.Refused as why:
        raise _refused("new", why) from None
    paths = [directory / f"{city}.yaml", directory / f"{city}.measured.yaml"]
    existing = [p for p in paths if p.exists() or p.is_symlink()]
    if existing:
        raise _fail([Finding(str(shown / p.name), 0, 0, "exists", "already exists: planck new never "
                             "overwrites (edit it, or remove it first)") for p in existing])
    if chosen is None:
        try:
            directory.mkdir()
        except OSError as err:
            raise _usage(f"cannot create {shown}: {err.strerror or err}") from None
    elif not directory.is_dir():
        raise _usage(f"no folder {shown}: create it first")
    written = []
    try:
        for path, text in zip(paths, texts, strict=True):
            guarded.write_file(path, text, checked=True, make_parents=False)
            written.append(path)
    except OSError as err:
        for path in written:  # both files or neither
            path.unlink(missing_ok=True)
        if chosen is None:  # the ./targets made above holds nothing
            directory.rmdir()
        raise _usage(f"cannot write {shown}: {err.strerror or err}") from None
    for path in paths:
        _err(f"planck: wrote {shown / path.name}")
