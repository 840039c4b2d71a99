"""Command diff: what changed for a city (or every city) between two as-of dates, or between
the data as committed at a git revision and the data now (``--from-rev``)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from planck.choices import FORMATS, listed
from planck.cli.common import (
    Lang,
    TargetsDir,
    _all_cities,
    _choose_format,
    _city_or_all,
    _context,
    _lang,
    _out,
    _safe_streams,
    _usage,
    app,
    parse_date,
)


@app.command()
def diff(
    city: Annotated[Optional[str], typer.Argument(help="City id (luoyang) or a target file.")] = None,
    start: Annotated[Optional[str], typer.Option("--from", help="The earlier as-of date, YYYY-MM-DD (required without --from-rev; with it, the date the earlier data is judged at).")] = None,
    end: Annotated[Optional[str], typer.Option("--to", help="The later as-of date, YYYY-MM-DD (default: the latest source date).")] = None,
    from_rev: Annotated[Optional[str], typer.Option("--from-rev", help="Compare with the data files as committed at this git revision (a commit, tag or branch; both sides evaluated at the same date).")] = None,
    to_rev: Annotated[Optional[str], typer.Option("--to-rev", help="With --from-rev: the later data from this revision instead of the files on disk.")] = None,
    all_cities: Annotated[bool, typer.Option("--all", help="Every city in the targets folder.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"{listed(FORMATS['diff'])}.")] = "table",
    lang: Lang = "en",
    targets_dir: TargetsDir = None,
) -> None:
    """Targets whose status, latest figure or percent to goal changed between two dates, or
    between two versions of the data (--from-rev)."""
    from planck.cli.lookup import find_city
    from planck.read.dataset import targets_dir as resolve_dir
    from planck.render.diff_report import render

    _safe_streams()
    _choose_format("diff", fmt)
    if start is None and from_rev is None:
        raise _usage("diff needs --from DATE (and optionally --to DATE), or --from-rev REV")
    if to_rev is not None and from_rev is None:
        raise _usage("--to-rev needs --from-rev")
    _city_or_all(city, all_cities)
    lang_ = _lang(lang)
    when_from, when_to = parse_date(start, "--from"), parse_date(end, "--to")
    if when_from is not None and when_to is not None and when_from > when_to:
        raise _usage(f"--from {start} is after --to {end}")
    directory = resolve_dir(targets_dir)
    if from_rev is not None:
        diffs = _revision_diffs(city, all_cities, directory, from_rev, to_rev,
                                when_from, when_to)
    else:
        cities = _all_cities(directory) if all_cities else [find_city(str(city), directory)]
        diffs = _date_diffs(cities, directory, when_from, when_to)
    _out(render(fmt, diffs, _context("table" if fmt == "table" else fmt, lang_, frozenset())))


def _date_diffs(cities, directory, when_from, when_to):
    """Each city read once and judged at both dates, on every core for many cities; every
    finding of every unusable city, as for one command."""
    from functools import partial

    from planck.cli.common import _fail
    from planck.cli.progress_bar import progress
    from planck.judge.batch import map_loaded
    from planck.judge.changes import diff_dates

    diffs, findings = [], []
    with progress(len(cities), "cities") as tick:
        for outcome in map_loaded(cities, directory, [], partial(diff_dates, start=when_from,
                                                                 end=when_to)):
            tick()
            if isinstance(outcome, list):
                findings += outcome
            else:
                diffs.append(outcome)
    if findings:
        raise _fail(findings)
    return diffs


def _revision_diffs(city, all_cities, directory, from_rev, to_rev, when_from, when_to):
    """Each city's data at ``from_rev`` against the files on disk (or at ``to_rev``). Both
    sides are evaluated at the same date (``--to``, else the later data's own as-of) unless
    ``--from`` gives the earlier side a date of its own: a data change, not the calendar."""
    import tempfile
    from dataclasses import replace
    from pathlib import Path

    from planck.cli.common import _err, _fail, _usage
    from planck.cli.lookup import find_city
    from planck.findings import PlanckError
    from planck.judge.changes import diff as compare
    from planck.read.revision import snapshot

    named = None if all_cities else find_city(str(city), directory)
    if named is not None and (named.endswith((".yaml", ".yml")) or "/" in named):
        directory, named = Path(named).parent, Path(named).stem
    with tempfile.TemporaryDirectory(prefix="planck-rev-") as scratch:
        room = Path(scratch).resolve()
        try:
            only = None if named is None else [named]  # one city: its two files, no more
            old_snap = snapshot(directory, from_rev, _folder(room / "from"), only)
            new_snap = None if to_rev is None else snapshot(directory, to_rev,
                                                            _folder(room / "to"), only)
        except PlanckError as err:
            raise _fail(err.findings) from None
        new_dir = directory if new_snap is None else new_snap.root
        stems = [Path(c).stem for c in _all_cities(new_dir)] if named is None else [named]
        diffs = []
        for stem in stems:
            if not (old_snap.root / f"{stem}.yaml").is_file():
                _err(f"planck: {stem}.yaml did not exist at {from_rev}: not compared")
                continue
            new = _side(new_snap, stem, new_dir, when_to)
            old = _side(old_snap, stem, old_snap.root, when_from or new.as_of)
            d = compare(old, new)
            diffs.append(replace(d, from_rev=from_rev, to_rev=to_rev))
        if not diffs:
            raise _usage(f"nothing to compare: no city here existed at {from_rev}")
        return diffs


def _side(snap, stem, folder, as_of):
    """One city's report from ``folder``; findings in a snapshot name ``REV:path``."""
    from planck.cli.common import _fail
    from planck.judge.batch import evaluate_city

    outcome = evaluate_city(stem, folder, [], as_of)
    if isinstance(outcome, list):  # the findings that stop it, not a report
        raise _fail(outcome if snap is None else snap.rename(outcome))
    return outcome


def _folder(path):
    path.mkdir()
    return path
