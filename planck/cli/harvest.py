"""Command harvest: the published figures in bulletins, reports and press texts
(docs/harvest.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from planck.cli.common import _err, _out, _safe_streams, _usage, app
from planck.findings import Finding

FORMATS = ("table", "json")


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
            doc = read_path(path)
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
    year: Annotated[Optional[int], typer.Option("--year", help="The year the document reports (read for 全年/今年/去年/上年).")] = None,
    day: Annotated[Optional[str], typer.Option("--date", help="The document's publication date YYYY-MM-DD (its source's date; reads 今年).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json (planck.harvest/1).")] = "table",
) -> None:
    """Find the published figures in documents: name, period, value, unit, kind, bound,
    estimate, and the quote and line they are read from."""
    from planck.cli.common import parse_date

    _safe_streams()
    if fmt not in FORMATS:
        raise _usage(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    if year is not None and not 1949 <= year <= 2100:
        raise _usage(f"--year {year}: not a year between 1949 and 2100")
    published = parse_date(day, "--date")
    read = _read(files, year, published)
    figures = [f for _, _, hv in read for f in hv.figures]
    from planck.harvest.render import figures_table, to_json

    _out(to_json(figures) if fmt == "json" else figures_table(figures))
    _err(f"planck: {len(figures)} figure(s) in {len(read)} file(s)")
