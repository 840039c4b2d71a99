"""Command harvest: the published figures in bulletins, reports and press texts; with --city,
proposals to record them (docs/harvest.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from planck.choices import FORMATS, listed
from planck.cli.common import TargetsDir, _choose_format, _err, _out, _safe_streams, _usage, app
from planck.findings import Finding


def _read(paths: list[Path], year: int | None, day: date | None) -> list[tuple[Path, Any, Any]]:
    from planck.extract.reading import ReadError, read_path
    from planck.harvest.run import run

    out = []
    for path in paths:
        if not path.is_file():  # a FIFO or device could block or never end
            exists = path.exists()
            _err(str(Finding(str(path), 0, 0, "not-a-file" if exists else "not-found",
                             "not a regular file" if exists else "no such file")))
            raise typer.Exit(2)
        try:
            doc = read_path(path, "harvest figures from")
        except ReadError as err:
            _err(str(Finding(str(path), err.line, err.col, "harvest", str(err))))
            raise typer.Exit(2) from None
        fr, hv = run(doc, year, day)
        for note in hv.notes:
            _err(f"{path}: note: {note}")
        if hv.undated:
            _err(f"{path}: note: {hv.undated} figure(s) left out: the text gives no period for "
                 "them" + ("" if year else " (give --year: the year the document reports)"))
        out.append((path, fr, hv))
    return out


@app.command()
def harvest(
    files: Annotated[list[Path], typer.Argument(help="Bulletins, reports, press texts: UTF-8/GB18030 text, HTML or PDF.")],
    city: Annotated[Optional[str], typer.Option("--city", help="Match the figures to this city's indicators and propose records.")] = None,
    year: Annotated[Optional[int], typer.Option("--year", help="The year the document reports (read for 全年/今年/去年/上年).")] = None,
    day: Annotated[Optional[str], typer.Option("--date", help="The document's publication date YYYY-MM-DD (its source's date; reads 今年).")] = None,
    fmt: Annotated[str, typer.Option("--format", help=f"{listed(FORMATS['harvest'])} (csv: proposals in planck import's columns; needs --city).")] = "table",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="With --city: show the proposals and the diff --write would apply; write nothing.")] = False,
    write: Annotated[bool, typer.Option("--write", help="With --city: record the new and differing figures.")] = False,
    url: Annotated[Optional[str], typer.Option("--url", help="Where the document was published (the source's url).")] = None,
    issuer: Annotated[Optional[str], typer.Option("--issuer", help="Who published it (for a new source).")] = None,
    targets_dir: TargetsDir = None,
) -> None:
    """Find the published figures in documents; with --city, propose them as observations
    (new, same, differs) and --write them through record's checks."""
    from planck.cli.common import parse_date

    _safe_streams()
    _choose_format("harvest", fmt)
    if dry_run and write:
        raise _usage("give --dry-run or --write, not both")
    if (write or dry_run or fmt == "csv") and city is None:
        raise _usage(f"{'--write' if write else '--dry-run' if dry_run else '--format csv'} "
                     "needs --city (the city whose indicators the figures are matched to)")
    if write and fmt != "table":
        raise _usage("--write prints what it wrote; give --format only without --write")
    if write and len(files) != 1:
        raise _usage("--write records one document at a time (each is its own source)")
    if year is not None and not 1949 <= year <= 2100:
        raise _usage(f"--year {year}: not a year between 1949 and 2100")
    published = parse_date(day, "--date")
    read = _read(files, year, published)
    if city is None:
        figures = [f for _, _, hv in read for f in hv.figures]
        from planck.harvest.render import figures_table, to_json

        _out(to_json(figures) if fmt == "json" else figures_table(figures))
        _err(f"planck: {len(figures)} figure(s) in {len(read)} file(s)")
        return
    from planck.cli.harvest_city import for_city

    for_city(read, city, fmt, "write" if write else "dry-run" if dry_run else "show", url, issuer,
             published, targets_dir)
