"""Commands check, validate, list and explain."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer

from planck.cli.common import (
    GATE_FAILED,
    AsOf,
    Lang,
    TargetsDir,
    _all_cities,
    _context,
    _err,
    _fail,
    _format,
    _lang,
    _out,
    _reports,
    _safe_streams,
    _usage,
    app,
    parse_date,
    parse_statuses,
)
from planck.findings import Finding


@app.command()
def check(
    city: Annotated[Optional[str], typer.Argument(help="City id (luoyang) or a target file.")] = None,
    all_cities: Annotated[bool, typer.Option("--all", help="Every city in the targets folder.")] = False,
    as_of: AsOf = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json, markdown, junit, github, csv or auto.")] = "table",
    fail_on: Annotated[str, typer.Option("--fail-on", help="Statuses that fail the gate, comma-separated.")] = "missed",
    measured: Annotated[Optional[list[Path]], typer.Option("--measured", help="Extra measured file (adds or overrides observations).")] = None,
    targets_dir: TargetsDir = None,
    lang: Lang = "en",
    wide: Annotated[bool, typer.Option("--wide", help="Table: every column, uncut, whatever the terminal width.")] = False,
) -> None:
    """Evaluate a city's targets; exit 1 when a target has a status in --fail-on."""
    from planck.read.dataset import targets_dir as resolve_dir
    from planck.render import get

    _safe_streams()
    fmt, lang_, gate = _format(fmt), _lang(lang), parse_statuses(fail_on)
    when = parse_date(as_of)
    directory = resolve_dir(targets_dir)
    if all_cities == (city is not None):
        raise _usage("give a CITY or --all (not both)")
    for m in measured or []:
        if not m.is_file():
            raise _fail([Finding(str(m), 0, 0, "not-found", "no such measured file")])
    cities = _all_cities(directory) if all_cities or city is None else [city]
    if fmt == "json" and len(cities) > 1:
        failed = _stream_json(cities, directory, list(measured or []), when, gate)
    else:
        reports = _reports(cities, directory, list(measured or []), when)
        _out(get(fmt)(reports, _context(fmt, lang_, gate, wide=wide)), commands=fmt == "github")
        failed = sum(r.status in gate for rep in reports for r in rep.results)
    if failed:
        _err(f"planck: {failed} target(s) with status in --fail-on ({', '.join(sorted(gate))})")
        raise typer.Exit(GATE_FAILED)


def _json_chunk(report, gate: frozenset[str]) -> tuple[str, int]:
    """Runs in a worker: one city's compact JSON and how many of its targets fail the gate."""
    from planck.render.json_ import compact

    return compact(report), sum(r.status in gate for r in report.results)


def _stream_json(cities: list[str], directory: Path, measured: list[Path], when,
                 gate: frozenset[str]) -> int:
    """The several-city JSON document, written city by city so no run holds every report (a
    national data set would need gigabytes). It goes through a spooled file so that a bad
    input found late leaves stdout empty, not a truncated document."""
    import shutil
    import sys
    import tempfile
    from functools import partial

    from planck.judge.batch import map_cities
    from planck.render.json_ import MANY_CLOSE, MANY_OPEN, MANY_SEP

    failed, findings, first = 0, [], True
    with tempfile.SpooledTemporaryFile(max_size=16 << 20, mode="w+", encoding="utf-8") as spool:
        spool.write(MANY_OPEN)
        for outcome in map_cities(cities, directory, measured, when, partial(_json_chunk, gate=gate)):
            if isinstance(outcome, list):  # the findings that stop this city
                findings += outcome
                continue
            text, n = outcome
            failed += n
            spool.write(text if first else MANY_SEP + text)
            first = False
        if findings:
            raise _fail(findings)
        spool.write(MANY_CLOSE)
        spool.seek(0)
        sys.stdout.flush()
        shutil.copyfileobj(spool, sys.stdout)
        sys.stdout.flush()
    return failed


@app.command()
def validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders (default: the targets folder).")] = None,
    sources: Annotated[Optional[Path], typer.Option("--sources", help="Folder of source documents: check every quote is verbatim.")] = None,
    targets_dir: TargetsDir = None,
) -> None:
    """Check target and measured files; one line per finding, exit 2 if any."""
    from planck.read.checkfiles import validate_paths
    from planck.read.dataset import targets_dir as resolve_dir

    _safe_streams()
    if sources is not None and not sources.is_dir():
        raise _usage(f"--sources: {sources} is not a folder")
    tally: Counter[str] = Counter()
    files, findings = validate_paths(list(paths or [resolve_dir(targets_dir)]), sources, tally)
    if findings:
        raise _fail(findings)
    _err(f"planck: {files} file(s) valid" + (_quote_tally(tally) if sources else ""))


def _quote_tally(tally: Counter[str]) -> str:
    """'; 120 quotes verified in the source documents, 40 not checked (…)'."""
    return (f"; {tally['verified']} quote(s) verified verbatim in the source documents, "
            f"{tally['unchecked']} not checked (their source has no 'file:' there)")


@app.command("list")
def list_cities(targets_dir: TargetsDir = None) -> None:
    """Cities in the targets folder (and the bundled ones), with their plans and counts."""
    from planck.read.checkfiles import city_listing
    from planck.read.dataset import bundled_dir
    from planck.read.dataset import targets_dir as resolve_dir

    _safe_streams()
    directory = resolve_dir(targets_dir)
    folders = [directory] + ([bundled_dir()] if bundled_dir().resolve() != directory.resolve() else [])
    _out("".join(city_listing(folder) for folder in folders))


@app.command()
def explain(
    city: Annotated[str, typer.Argument(help="City id or target file.")],
    target: Annotated[str, typer.Argument(help="Target id (see `planck check CITY -f json`).")],
    as_of: AsOf = None,
    measured: Annotated[Optional[list[Path]], typer.Option("--measured")] = None,
    targets_dir: TargetsDir = None,
    json_out: Annotated[bool, typer.Option("--json", help="The result as JSON.")] = False,
) -> None:
    """Every number behind one target's verdict."""
    from planck.cli.lookup import did_you_mean, pick_target
    from planck.judge.explain import explain_json, explain_text
    from planck.read.dataset import targets_dir as resolve_dir

    _safe_streams()
    [report] = _reports([city], resolve_dir(targets_dir), list(measured or []), parse_date(as_of))
    ids = [r.id for r in report.results]
    found = pick_target(ids, target)
    if found is None:
        short = {i.split("-", 1)[1] if "-" in i else i: [i] for i in ids}  # as the table shows
        raise _usage(f"no target {target!r} in {report.city}"
                     f"{did_you_mean(target, list(short), short)}; "
                     f"`planck check {report.city} --wide` lists the ids")
    match = next(r for r in report.results if r.id == found)
    _out(explain_json(report, match) if json_out else explain_text(report, match))
