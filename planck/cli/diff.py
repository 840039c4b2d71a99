"""Command diff: what changed for a city (or every city) between two as-of dates."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from planck.cli.common import (
    Lang,
    TargetsDir,
    _all_cities,
    _context,
    _lang,
    _out,
    _reports,
    _safe_streams,
    _usage,
    app,
    parse_date,
)


@app.command()
def diff(
    city: Annotated[Optional[str], typer.Argument(help="City id (luoyang) or a target file.")] = None,
    start: Annotated[Optional[str], typer.Option("--from", help="The earlier as-of date, YYYY-MM-DD (required).")] = None,
    end: Annotated[Optional[str], typer.Option("--to", help="The later as-of date, YYYY-MM-DD (default: the latest source date).")] = None,
    all_cities: Annotated[bool, typer.Option("--all", help="Every city in the targets folder.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or markdown.")] = "table",
    lang: Lang = "en",
    targets_dir: TargetsDir = None,
) -> None:
    """Targets whose status, latest figure or percent to goal changed between two dates."""
    from planck.cli.lookup import find_city
    from planck.judge.diff import diff as compare
    from planck.read.dataset import targets_dir as resolve_dir
    from planck.render.diff import FORMATS, render

    _safe_streams()
    if fmt not in FORMATS:
        raise _usage(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    if start is None:
        raise _usage("diff needs --from DATE (and optionally --to DATE)")
    if all_cities == (city is not None):
        raise _usage("give a CITY or --all (not both)")
    lang_ = _lang(lang)
    when_from, when_to = parse_date(start, "--from"), parse_date(end, "--to")
    if when_from is not None and when_to is not None and when_from > when_to:
        raise _usage(f"--from {start} is after --to {end}")
    directory = resolve_dir(targets_dir)
    cities = _all_cities(directory) if all_cities else [find_city(str(city), directory)]
    old = _reports(cities, directory, [], when_from)
    new = _reports(cities, directory, [], when_to)
    diffs = [compare(a, b) for a, b in zip(old, new, strict=True)]
    _out(render(fmt, diffs, _context("table" if fmt == "table" else fmt, lang_, frozenset())))
