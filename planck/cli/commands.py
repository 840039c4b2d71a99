"""Commands check, validate, list and explain.

No ``from __future__ import annotations`` here: typer reads each command's annotations on every
run, and postponed ones are source text it compiles then, one by one (issue 27, start-up).
"""

from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer

from planck.choices import FORMATS, listed, listed_langs
from planck.cli.common import (
    GATE_FAILED,
    AsOf,
    Basically,
    Lang,
    MaxAge,
    Strict,
    TargetsDir,
    _all_cities,
    _city_or_all,
    _context,
    _err,
    _fail,
    _format,
    _lang,
    _out,
    _reports,
    _safe_streams,
    _usage,
    _warn,
    app,
    parse_date,
    parse_statuses,
)
from planck.cli.lookup import find_city
from planck.cli.selection import (
    AssessedOpt,
    AttributeOpt,
    GateAttributeOpt,
    HideOpt,
    PlanOpt,
    StatusOpt,
    check_plans,
    make_selection,
    report_lines,
)
from planck.findings import Finding


@app.command()
def check(
    city: Annotated[Optional[str], typer.Argument(help="City id (luoyang) or a target file.")] = None,
    all_cities: Annotated[bool, typer.Option("--all", help="Every city in the targets folder.")] = False,
    as_of: AsOf = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"{listed(FORMATS['check'])}.")] = "table",
    fail_on: Annotated[str, typer.Option("--fail-on", help="Statuses, categories (lagging, not_achieved …) or lights (red, yellow) that fail the gate, comma-separated; ids or their words (滞后, 红灯).")] = "missed",
    measured: Annotated[Optional[list[Path]], typer.Option("--measured", help="Extra measured file (adds or overrides observations).")] = None,
    targets_dir: TargetsDir = None,
    lang: Lang = "en",
    wide: Annotated[bool, typer.Option("--wide", help="Table: every column, uncut, whatever the terminal width.")] = False,
    status: StatusOpt = None,
    hide: HideOpt = None,
    assessed: AssessedOpt = False,
    plan: PlanOpt = None,
    attribute: AttributeOpt = None,
    detail: Annotated[bool, typer.Option("--detail", help="With --all: every city's full table, not the one-line-per-city overview.")] = False,
    annotate: Annotated[str, typer.Option("--annotate", help="github format: 'problems' (errors and warnings) or 'all' (notices for met, on track and no data too).")] = "problems",
    fail_on_attribute: GateAttributeOpt = None,
    max_age: MaxAge = None,
    basically: Basically = None,
    strict: Strict = False,
) -> None:
    """Evaluate a city's targets; exit 1 when a target has a status in --fail-on.

    Filters (--status, --hide, --assessed, --plan, --attribute) change what every format
    shows, never the gate: a hidden target with a status in --fail-on still fails it, and
    stderr says how many the filter hid."""
    from planck.judge.select import counts
    from planck.read.dataset import targets_dir as resolve_dir
    from planck.render import get

    _safe_streams()
    fmt_name, fmt, lang_, gate = fmt, _format(fmt), _lang(lang), parse_statuses(fail_on)
    selection = make_selection(status, hide, assessed, plan, attribute, fail_on_attribute)
    if annotate not in ("problems", "all"):
        raise _usage(f"--annotate: {annotate!r} is not one of problems, all")
    when = parse_date(as_of)
    _check_basically(basically)
    directory = resolve_dir(targets_dir)
    _city_or_all(city, all_cities)
    _meaningful(fmt_name, all_cities, detail=detail, wide=wide, annotate=annotate)
    for m in measured or []:
        if not m.is_file():
            raise _fail([Finding(str(m), 0, 0, "not-found", "no such measured file")])
    cities = _all_cities(directory) if all_cities or city is None else [find_city(city, directory)]
    if fmt == "json" and len(cities) > 1:
        tally, warned = _stream_json(cities, directory, list(measured or []), when, gate,
                                     selection, max_age, basically)
    else:
        reports = [_aged(rep, max_age, basically)
                   for rep in _reports(cities, directory, list(measured or []), when)]
        check_plans(selection, (p.id for rep in reports for p in rep.plans))
        shown = [selection.apply(rep) for rep in reports]
        render = get(fmt)
        if fmt == "table" and len(cities) > 1 and not detail:
            from planck.render.overview import render
        ctx = _context(fmt, lang_, gate, wide=wide, annotate_all=annotate == "all")
        _out(render(shown, ctx), commands=fmt == "github")
        tally = counts(reports, selection, gate)
        warned = [str(w) for rep in reports for w in rep.warnings]
    for line in warned:
        _err(line)
    for line in report_lines(tally, selection, gate, lang_):
        _err(line)
    if tally["failed"]:
        raise typer.Exit(GATE_FAILED)
    if strict and warned:
        _err(f"planck: {len(warned)} warning(s) and --strict")
        raise typer.Exit(GATE_FAILED)


def _meaningful(fmt: str, all_cities: bool, *, detail: bool, wide: bool, annotate: str) -> None:
    """Refuse options that cannot change what this command prints (a usage error, so a
    mistyped intent is seen rather than silently ignored). ``auto`` may become either format."""
    if detail and not all_cities:
        raise _usage("--detail needs --all (one city's table is always shown in full)")
    if detail and fmt not in ("table", "auto"):
        raise _usage(f"--detail is for the table format (--format {fmt} lists every target)")
    if wide and fmt not in ("table", "auto"):
        raise _usage(f"--wide is for the table format, not --format {fmt}")
    if annotate != "problems" and fmt not in ("github", "auto"):
        raise _usage(f"--annotate is for the github format, not --format {fmt}")


def _aged(report, max_age: int | None, basically: float | None = None):
    """The report with ``stale`` flags for ``--max-age`` and categories for ``--basically``
    (as evaluated when not given)."""
    from planck.judge.stale import with_max_age
    from planck.judge.terms import with_basically

    report = report if max_age is None else with_max_age(report, max_age)
    return report if basically is None else with_basically(report, basically)


def _check_basically(basically: float | None) -> None:
    if basically is not None and not 0 < basically <= 1:
        raise _usage(f"--basically: {basically:g} is not a share above 0 and at most 1 "
                     "(0.9 is 90 %)")


def _json_chunk(report, gate: frozenset[str], selection, max_age: int | None = None,
                basically: float | None = None) -> tuple[str, dict, list[str], list[str]]:
    """Runs in a worker: one city's compact JSON (filtered), its gate counts and plan ids."""
    from planck.judge.select import counts
    from planck.render.json_ import compact

    report = _aged(report, max_age, basically)
    return (compact(selection.apply(report)), counts([report], selection, gate),
            [p.id for p in report.plans], [str(w) for w in report.warnings])


def _stream_json(cities: list[str], directory: Path, measured: list[Path], when,
                 gate: frozenset[str], selection, max_age: int | None = None,
                 basically: float | None = None) -> tuple[dict[str, int], list[str]]:
    """The several-city JSON document, written city by city so no run holds every report (a
    national data set would need gigabytes). It goes through a spooled file so that a bad
    input found late leaves stdout empty, not a truncated document."""
    import shutil
    import sys
    import tempfile
    from functools import partial

    from planck.cli.progress_bar import progress
    from planck.judge.batch import map_cities
    from planck.render.json_ import MANY_CLOSE, MANY_OPEN, MANY_SEP

    tally: dict[str, int] = {}
    warnings: list[str] = []
    plans: list[str] = []
    findings: list[Finding] = []
    first = True
    with tempfile.SpooledTemporaryFile(max_size=16 << 20, mode="w+", encoding="utf-8") as spool, \
            progress(len(cities), "cities") as tick:
        spool.write(MANY_OPEN)
        chunk = partial(_json_chunk, gate=gate, selection=selection, max_age=max_age,
                        basically=basically)
        for outcome in map_cities(cities, directory, measured, when, chunk):
            tick()
            if isinstance(outcome, list):  # the findings that stop this city
                findings += outcome
                continue
            text, n, plan_ids, warned = outcome
            warnings += warned
            tally = {k: tally.get(k, 0) + v for k, v in n.items()}
            plans += plan_ids
            spool.write(text if first else MANY_SEP + text)
            first = False
        if findings:
            raise _fail(findings)
        check_plans(selection, plans)
        spool.write(MANY_CLOSE)
        spool.seek(0)
        sys.stdout.flush()
        shutil.copyfileobj(spool, sys.stdout)
        sys.stdout.flush()
    return tally, warnings


@app.command()
def validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders (default: the targets folder).")] = None,
    sources: Annotated[Optional[Path], typer.Option("--sources", help="Folder of source documents: check every quote is verbatim.")] = None,
    targets_dir: TargetsDir = None,
    lang: Annotated[str, typer.Option("--lang", help=f"The summary line in {listed_langs()} (findings stay in English).")] = "en",
    strict: Strict = False,
) -> None:
    """Check target and measured files; one line per finding, exit 2 if any error. Warnings
    (conflicting figures) are printed and fail only with --strict (exit 1)."""
    from planck.read.checkfiles import review_summary, validate_paths, validate_summary
    from planck.read.dataset import targets_dir as resolve_dir

    _safe_streams()
    _lang(lang)
    if sources is not None and not sources.is_dir():
        raise _usage(f"--sources: {sources} is not a folder")
    tally: Counter[str] = Counter()
    files, findings = validate_paths(list(paths or [resolve_dir(targets_dir)]), sources, tally)
    warnings = [f for f in findings if f.severity == "warning"]
    errors = [f for f in findings if f.severity != "warning"]
    if errors:
        failed = _fail(findings)
        review = review_summary(findings)
        if review:
            _err(review)
        raise failed
    _warn(warnings)
    _err(validate_summary(files, tally if sources else None, lang))
    if strict and warnings:
        _err(f"planck: {len(warnings)} warning(s) and --strict")
        raise typer.Exit(GATE_FAILED)


@app.command("list")
def list_cities(targets_dir: TargetsDir = None, lang: Lang = "en") -> None:
    """Cities in the targets folder (and the bundled ones), with their plans and counts."""
    from planck.read.checkfiles import city_listing
    from planck.read.dataset import bundled_dir
    from planck.read.dataset import targets_dir as resolve_dir

    _safe_streams()
    lang_ = _lang(lang)
    directory = resolve_dir(targets_dir)
    folders = [directory] + ([bundled_dir()] if bundled_dir().resolve() != directory.resolve() else [])
    _out("".join(city_listing(folder, lang_) for folder in folders))


@app.command()
def explain(
    city: Annotated[str, typer.Argument(help="City id or target file.")],
    target: Annotated[str, typer.Argument(help="Target id (see `planck check CITY -f json`).")],
    as_of: AsOf = None,
    measured: Annotated[Optional[list[Path]], typer.Option("--measured", help="Extra measured file (adds or overrides observations).")] = None,
    targets_dir: TargetsDir = None,
    json_out: Annotated[bool, typer.Option("--json", help="The result as JSON.")] = False,
    max_age: MaxAge = None,
    lang: Annotated[str, typer.Option("--lang", help=f"The account in {listed_langs()} (JSON keeps its English keys and reasons).")] = "en",
    basically: Basically = None,
) -> None:
    """Every number behind one target's verdict."""
    from planck.cli.lookup import begun_by, did_you_mean, pick_target
    from planck.read.dataset import targets_dir as resolve_dir
    from planck.render.explain import explain_json, explain_text

    _safe_streams()
    lang_ = _lang(lang)
    _check_basically(basically)
    directory = resolve_dir(targets_dir)
    [report] = _reports([find_city(city, directory)], directory, list(measured or []),
                        parse_date(as_of))
    report = _aged(report, max_age, basically)
    ids = [r.id for r in report.results]
    found = pick_target(ids, target)
    if found is None and len(several := begun_by(ids, target)) > 1:
        # a narrow table cut two ids alike: name them all rather than guess
        raise _usage(f"{target!r} begins {len(several)} targets in {report.city}: "
                     f"{', '.join(several)}; give one of them")
    if found is None:
        short = {i.split("-", 1)[1] if "-" in i else i: [i] for i in ids}  # as the table shows
        raise _usage(f"no target {target!r} in {report.city}"
                     f"{did_you_mean(target, list(short), short)}; "
                     f"`planck check {report.city} --wide` lists the ids")
    match = next(r for r in report.results if r.id == found)
    if json_out:
        _out(explain_json(report, match))
        return
    from planck.read.dataset import load_city

    # the city is read again only to say which of its sources are copies of another's page
    data = load_city(find_city(city, directory), directory, list(measured or []))
    copies = {s.id: s.copy_of for s in data.targets.sources if s.copy_of is not None}
    copies.update({o.source: o.copy_of for o in data.observations if o.copy_of is not None})
    _out(explain_text(report, match, lang_, copies))
