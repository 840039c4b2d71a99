"""Commands that write data: record (one figure) and import (a table of figures).

Each edits ``targets/<city>.measured.yaml`` in place: the new text is planned and validated in
full first (planck.write.record), then written atomically under a lock; any refusal leaves the
file byte-identical and exits 2.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from planck.cli.common import (
    FollowSymlinks,
    TargetsDir,
    _err,
    _fail,
    _fail_first,
    _out,
    _safe_streams,
    _usage,
    app,
)
from planck.findings import Finding, PlanckError


def _data_dir(option: Path | None) -> Path:
    """The folder record/import write into: one the user chose, never planck's own copy."""
    from planck.read.dataset import chosen_dir

    directory = chosen_dir(option)
    if directory is None:
        raise _usage("no ./targets folder here, and planck does not write into its own copy of "
                     "the data: copy the city's files into ./targets, or pass --targets-dir")
    return directory


def _city_files(city: str, directory: Path):
    """(target file, its model, the line of each target, measured file) for a city id, or
    exit 2 with a did-you-mean."""
    from planck.read.dataset import city_files, measured_path, targets_with_lines
    from planck.write.entries import did_you_mean

    path = directory / f"{city}.yaml"
    if "/" in city or "\\" in city or not path.is_file():
        known = [p.stem for p in city_files(directory)]
        raise _fail([Finding(str(directory), 0, 0, "unknown-city",
                             f"no city {city!r} in {directory}{did_you_mean(city, known)} "
                             f"(known: {', '.join(known) or 'none'})")])
    tf, findings, lines = targets_with_lines(path)
    if tf is None or findings:
        raise _fail(findings)
    measured = measured_path(path)
    if "_bundled" in measured.resolve().parts:
        raise _fail([Finding(str(measured), 0, 0, "read-only",
                             "this is planck's installed copy of the data: record into your own "
                             "folder (copy targets/ and pass --targets-dir)")])
    return path, tf, lines, measured


def _statuses(target: Path, tf, lines: dict[str, int], measured: Path, tree) -> dict[str, str]:
    """Each target's status with the measured file as ``tree`` (its parsed tree and model,
    as the edit read or wrote it: the file is not read again)."""
    from planck.judge.evaluate import default_as_of, evaluate
    from planck.read.dataset import city_data

    data = city_data(target, tf, lines, measured, *tree)
    if data is None:
        return {}
    report = evaluate(data, default_as_of(data))
    return {r.id: r.verdict.status for r in report.results}


def _source_id(title_url: str | None, day: date | None, taken: set[str]) -> str:
    """An id for a new source from its url's host and its date: news-lyd-com-cn-2025-10-29."""
    import re
    from urllib.parse import urlparse

    host = urlparse(title_url or "").hostname or "source"
    host = re.sub(r"^(www|m)\.", "", host)
    base = re.sub(r"[^a-z0-9]+", "-", host.lower()).strip("-")[:50] or "source"
    base += f"-{day.isoformat()}" if day else ""
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def apply_edit(target: Path, measured: Path, directory: Path, tf, lines: dict[str, int],
               observations, sources, replace: bool, dry_run: bool,
               follow_symlinks: bool = False, parsed=None, label: str | None = None) -> None:
    """Plan, validate, write and report one edit of a measured file (shared by import).

    ``label``: what a finding about the new entries (no line in the file) is reported
    against instead of the measured file, which may not exist yet ('planck record')."""
    from planck.cli.progress_bar import progress
    from planck.escape import exact, log
    from planck.write.edit_file import commit, editing
    from planck.write.record import plan_edit, unified_diff

    header = f"planck: 1\ncity: {tf.city.id}\n"
    try:
        with editing(measured, create=header, follow_symlinks=follow_symlinks,
                     roots=[directory]) as opened:
            with progress(len(observations), "rows written") as tick:
                edit = plan_edit(opened.text, str(measured), tf, observations, sources, replace,
                                 date.today(), done=tick, parsed=parsed)
            for o, old_note in edit.notes_dropped:
                _err(f"planck: {log(o.indicator)} {o.period}: --replace gives it a new note; "
                     f"the old one was: {log(old_note)}")
            if dry_run:
                old = opened.text if opened.existed else ""  # a new file: all of it is added
                bom = "\ufeff" if opened.bom else ""  # commit puts it back: the diff shows it
                diff = unified_diff(bom + old, bom + edit.text, measured.name) if edit.changed else ""
                # exactly what would be written, so it applies with patch; control characters
                # are shown as \xNN and a line a CI runner would execute is broken (_out)
                _out(exact(diff))
                _err(f"planck: dry run: {_summary(edit)}; nothing written")
                return
            if not edit.changed:
                _err(f"planck: {_summary(edit)}: {measured} is unchanged")
                return
            before = (_statuses(target, tf, lines, measured, edit.before)
                      if opened.existed and edit.before is not None else {})
            commit(opened, edit.text)
    except PlanckError as err:
        if label is not None:
            err.findings[:] = [Finding(label, 0, 0, f.code, f.message, f.severity)
                               if f.line == 0 and f.file == str(measured) else f for f in err.findings]
        raise _fail(err.findings) from None
    _err(f"planck: {_summary(edit)} in {measured}")
    assert edit.after is not None  # a changed edit was verified, tree and all
    after = _statuses(target, tf, lines, measured, edit.after)
    changed = [(k, before.get(k, "no_data"), v) for k, v in after.items()
               if before.get(k, "no_data") != v]
    for tid, old, new in changed:
        _out(log(f"{tid}: {old} → {new}") + "\n")
    if not changed:
        _err("planck: no target changed status")


def _summary(edit) -> str:
    parts = [f"{len(edit.added)} observation(s) added"]
    if edit.replaced:
        parts.append(f"{len(edit.replaced)} replaced")
    if edit.unchanged:
        parts.append(f"{len(edit.unchanged)} already recorded")
    if edit.sources:
        parts.append(f"{len(edit.sources)} source(s) added ({', '.join(s.id for s in edit.sources)})")
    return ", ".join(parts)


@app.command()
def record(
    city: Annotated[str, typer.Argument(help="City id, e.g. luoyang.")],
    indicator: Annotated[str, typer.Argument(help="Indicator id from the city's target file.")],
    period: Annotated[str, typer.Argument(help="Year (2024) or month (2024-06) of the figure.")],
    value: Annotated[str, typer.Argument(help="The figure, ASCII digits (1520, 3.47).")],
    unit: Annotated[Optional[str], typer.Argument(help="Unit (default: the indicator's).")] = None,
    quote: Annotated[Optional[str], typer.Option("--quote", help="Verbatim sentence holding the figure (required).")] = None,
    source: Annotated[Optional[str], typer.Option("--source", help="Id of an existing source, or the id for a new one.")] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="New source: its title.")] = None,
    issuer: Annotated[Optional[str], typer.Option("--issuer", help="New source: who published it.")] = None,
    day: Annotated[Optional[str], typer.Option("--date", help="New source: publication date YYYY-MM-DD.")] = None,
    url: Annotated[Optional[str], typer.Option("--url", help="New source: where it was published.")] = None,
    note: Annotated[Optional[str], typer.Option("--note", help="Free text kept with the figure.")] = None,
    partial: Annotated[Optional[bool], typer.Option("--partial/--annual", help="A partial-year figure (default: only for a month before December).")] = None,
    bound: Annotated[Optional[str], typer.Option("--bound", help="The figure is a bound: lower (3000余家, 突破5000家) or upper (近1300家).")] = None,
    estimate: Annotated[bool, typer.Option("--estimate", help="The figure is an estimate (预计): never final; an actual figure replaces it.")] = False,
    replace: Annotated[bool, typer.Option("--replace", help="Replace the figure for this indicator, period and source.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the unified diff; write nothing.")] = False,
    targets_dir: TargetsDir = None,
    follow_symlinks: FollowSymlinks = False,
) -> None:
    """Record one figure into targets/<city>.measured.yaml, keeping the file's layout."""
    from planck.write.entries import NewObservation, NewSource, parse_day, parse_number, parse_period

    _safe_streams()
    directory = _data_dir(targets_dir)
    target, tf, lines, measured = _city_files(city, directory)
    where = "planck record"  # the arguments are wrong, not a line of the measured file
    problems = []
    number, why = parse_number(value)
    problems += [("value", why)] if why else []
    when, why = parse_period(period)
    problems += [("period", why)] if why else []
    if bound is not None and bound not in ("lower", "upper"):
        problems.append(("bound", f"{bound!r} is not 'lower' or 'upper'"))
    if not quote or not quote.strip():
        problems.append(("quote", "missing --quote: the verbatim sentence the figure is in"))
    new_source = any(x is not None for x in (title, issuer, day, url))
    published = None
    if new_source:
        published, why = parse_day(day) if day is not None else (None, None)
        problems += [("date", why)] if why else []
        if day is None:
            problems.append(("date", "a new source needs --date (its publication date)"))
    elif source is None:
        problems.append(("source", "give --source ID, or --title --issuer --date --url for a new source"))
    if problems:
        raise _fail([Finding(where, 0, 0, "bad-argument", f"{arg}: {msg}") for arg, msg in problems])
    sources = []
    if new_source:
        from planck.read.loader import load

        loaded = load(measured) if measured.is_file() else None
        known = list(loaded.data.get("sources") or []) if loaded and loaded.ok else []
        same_url = [s.get("id") for s in known if url and s.get("url") == url]
        sid = source or (same_url[0] if same_url else
                         _source_id(url, published, {s.get("id") for s in known}))
        sources.append(NewSource(sid, title or "", issuer or "", published, url))
        source = sid
    # the checks above refused every missing one
    assert when is not None and number is not None and source is not None and quote is not None
    unit_of = {i.id: i.unit for i in tf.indicators}
    obs = NewObservation(indicator, when, number, unit or unit_of.get(indicator, ""), source,
                         quote.strip(), partial if partial is not None else
                         isinstance(when, str) and not when.endswith("-12"), note,
                         bound, estimate)
    apply_edit(target, measured, directory, tf, lines, [obs], sources, replace, dry_run,
               follow_symlinks, label="planck record")


@app.command("import")
def import_table(
    file: Annotated[Path, typer.Argument(help="A .csv (UTF-8) or .xlsx table, one observation a row.")],
    city: Annotated[str, typer.Option("--city", help="City id whose measured file gets the rows.")],
    replace: Annotated[bool, typer.Option("--replace", help="Rows replace figures already recorded from the same source.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the unified diff; write nothing.")] = False,
    targets_dir: TargetsDir = None,
    follow_symlinks: FollowSymlinks = False,
) -> None:
    """Import observations from a CSV or XLSX table (columns: docs/format.md, 'Tables').
    Every bad cell is reported as FILE:row:col; nothing is written if any row is bad."""
    from planck.cli.progress_bar import progress
    from planck.read.loader import load_text
    from planck.read.model import MeasuredFile
    from planck.read.tabular import read_table
    from planck.read.validate import to_model
    from planck.write.table_import import entries

    _safe_streams()
    directory = _data_dir(targets_dir)
    target, tf, lines, measured = _city_files(city, directory)
    if not file.is_file():
        raise _fail([Finding(str(file), 0, 0, "not-found", "no such file")])
    table = read_table(file)
    if table.findings:
        raise _fail_first(table.findings)
    if not table.rows:
        raise _fail([Finding(str(file), 0, 0, "empty", "the table has a header but no rows")])
    mf, parsed = None, None
    if measured.is_file():
        text, loaded = load_text(measured)
        mf = to_model(loaded.data, MeasuredFile, loaded.path)[0] if loaded.ok else None
        # parsed once: the edit plans on this tree and judges the city before from it
        parsed = None if mf is None or text is None else (text, loaded.data, mf)
    with progress(len(table.rows), "rows checked") as tick:
        observations, sources, findings = entries(table, tf, mf, date.today(), _source_id,
                                                  replace, done=tick)
    if findings:
        raise _fail_first(findings)
    apply_edit(target, measured, directory, tf, lines, observations, sources, replace, dry_run,
               follow_symlinks, parsed)

