"""Command line: parse, build, run, write, exit. The only module that prints or exits.

Exit codes: 0 ok, 1 a gate failed (a status in --fail-on, or a stale report), 2 invalid input
or usage. Heavy modules are imported inside the commands that need them.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from .findings import Finding, PlanckError

OK, GATE_FAILED, INVALID = 0, 1, 2

app = typer.Typer(name="planck", no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False,
                  help="Check Chinese five-year-plan targets against measured values.")

TargetsDir = Annotated[Optional[Path], typer.Option(
    "--targets-dir", help="Folder of target files (else $PLANCK_TARGETS, ./targets, bundled).")]
AsOf = Annotated[Optional[str], typer.Option(
    "--as-of", help="Evaluate as of this date, YYYY-MM-DD (default: latest source date).")]
Lang = Annotated[str, typer.Option("--lang", help="Labels in 'en' or 'zh'.")]


def _err(message: str) -> None:
    sys.stderr.write(message.rstrip("\n") + "\n")


def _out(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _fail(findings: list[Finding]) -> typer.Exit:
    for f in sorted(findings):
        _err(str(f))
    return typer.Exit(INVALID)


def _usage(message: str) -> typer.Exit:
    _err(f"planck: {message}")
    return typer.Exit(INVALID)


def _safe_streams() -> None:
    # A console that cannot encode CJK must degrade, not crash with UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass


def parse_date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _usage(f"--as-of: {text!r} is not a date YYYY-MM-DD") from None


def parse_statuses(text: str) -> frozenset[str]:
    from .result import STATUSES

    chosen = frozenset(s.strip() for s in text.split(",") if s.strip())
    unknown = sorted(chosen - set(STATUSES))
    if unknown:
        raise _usage(f"--fail-on: unknown status {', '.join(unknown)} "
                     f"(choose from {', '.join(STATUSES)})")
    return chosen


def _lang(text: str) -> str:
    if text not in ("en", "zh"):
        raise _usage(f"--lang: {text!r} is not 'en' or 'zh'")
    return text


def _format(name: str) -> str:
    from .render import FORMATS

    if name not in FORMATS:
        raise _usage(f"--format: {name!r} is not one of {', '.join(FORMATS)}")
    if name == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "table"
    return name


def _width() -> int:
    if sys.stdout.isatty():
        return os.get_terminal_size().columns
    try:
        return max(40, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return 80


def _context(fmt: str, lang: str, fail_on: frozenset[str]):
    from .render.context import Context

    color = fmt == "table" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    return Context(lang=lang, fail_on=fail_on, width=_width(), color=color)


def _reports(cities: list[str], directory: Path, measured: list[Path], as_of: date | None):
    from .dataset import load_city
    from .evaluate import default_as_of, evaluate

    reports, findings = [], []
    for city in cities:
        try:
            data = load_city(city, directory, measured)
        except PlanckError as err:
            findings += err.findings
            continue
        reports.append(evaluate(data, as_of or default_as_of(data)))
    if findings:
        raise _fail(findings)
    return reports


def _all_cities(directory: Path) -> list[str]:
    from .dataset import city_files

    files = city_files(directory)
    if not files:
        raise _usage(f"no target files in {directory}")
    return [str(p) for p in files]


@app.command()
def check(
    city: Annotated[Optional[str], typer.Argument(help="City id (luoyang) or a target file.")] = None,
    all_cities: Annotated[bool, typer.Option("--all", help="Every city in the targets folder.")] = False,
    as_of: AsOf = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json, markdown, junit, github or auto.")] = "table",
    fail_on: Annotated[str, typer.Option("--fail-on", help="Statuses that fail the gate, comma-separated.")] = "missed",
    measured: Annotated[Optional[list[Path]], typer.Option("--measured", help="Extra measured file (adds or overrides observations).")] = None,
    targets_dir: TargetsDir = None,
    lang: Lang = "en",
) -> None:
    """Evaluate a city's targets; exit 1 when a target has a status in --fail-on."""
    from .dataset import targets_dir as resolve_dir
    from .render import get

    _safe_streams()
    fmt, lang_, gate = _format(fmt), _lang(lang), parse_statuses(fail_on)
    when = parse_date(as_of)
    directory = resolve_dir(targets_dir)
    if all_cities == (city is not None):
        raise _usage("give a CITY or --all (not both)")
    for m in measured or []:
        if not m.is_file():
            raise _fail([Finding(str(m), 0, 0, "not-found", "no such measured file")])
    cities = _all_cities(directory) if all_cities else [city]
    reports = _reports(cities, directory, list(measured or []), when)
    _out(get(fmt)(reports, _context(fmt, lang_, gate)))
    failed = sum(r.status in gate for rep in reports for r in rep.results)
    if failed:
        _err(f"planck: {failed} target(s) with status in --fail-on ({', '.join(sorted(gate))})")
        raise typer.Exit(GATE_FAILED)


@app.command()
def validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders (default: the targets folder).")] = None,
    sources: Annotated[Optional[Path], typer.Option("--sources", help="Folder of source documents: check every quote is verbatim.")] = None,
    targets_dir: TargetsDir = None,
) -> None:
    """Check target and measured files; one line per finding, exit 2 if any."""
    from .checkfiles import validate_paths
    from .dataset import targets_dir as resolve_dir

    _safe_streams()
    if sources is not None and not sources.is_dir():
        raise _usage(f"--sources: {sources} is not a folder")
    files, findings = validate_paths(list(paths or [resolve_dir(targets_dir)]), sources)
    if findings:
        raise _fail(findings)
    _err(f"planck: {files} file(s) valid" + (" (quotes verified)" if sources else ""))


@app.command("list")
def list_cities(targets_dir: TargetsDir = None) -> None:
    """Cities in the targets folder (and the bundled ones), with their plans and counts."""
    from .checkfiles import city_listing
    from .dataset import bundled_dir
    from .dataset import targets_dir as resolve_dir

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
    from .dataset import targets_dir as resolve_dir
    from .explain import explain_json, explain_text

    _safe_streams()
    [report] = _reports([city], resolve_dir(targets_dir), list(measured or []), parse_date(as_of))
    match = [r for r in report.results if r.id == target]
    if not match:
        ids = ", ".join(r.id for r in report.results)
        raise _usage(f"no target {target!r} in {report.city} (targets: {ids})")
    _out(explain_json(report, match[0]) if json_out else explain_text(report, match[0]))


ReportsDir = Annotated[Path, typer.Option(
    "--reports-dir", help="Folder of the reports (--all, and CITY without -o).")]


def _report_jobs(city, all_cities, output, reports_dir, directory) -> list[tuple[str, Path]]:
    """(city, report file) pairs; a report is named after its target file's stem."""
    if all_cities == (city is not None):
        raise _usage("give a CITY or --all (not both)")
    if output is not None and all_cities:
        raise _usage("-o/--output names one report: use it with a CITY, or --reports-dir with --all")
    if all_cities:
        return [(c, reports_dir / f"{Path(c).stem}.md") for c in _all_cities(directory)]
    return [(city, output if output is not None else reports_dir / f"{Path(city).stem}.md")]


@app.command()
def report(
    city: Annotated[Optional[str], typer.Argument(help="City id (luoyang) or a target file.")] = None,
    all_cities: Annotated[bool, typer.Option("--all", help="Every city in the targets folder.")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Report file for CITY ('-' for stdout).")] = None,
    reports_dir: ReportsDir = Path("reports"),
    check_only: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if a report is out of date.")] = False,
    as_of: AsOf = None,
    lang: Lang = "en",
    targets_dir: TargetsDir = None,
) -> None:
    """Write markdown reports (reports/<city>.md); --check exits 1 when one is out of date."""
    from .dataset import targets_dir as resolve_dir
    from .reportfiles import build_many, is_current, write_atomic

    _safe_streams()
    lang_, when = _lang(lang), parse_date(as_of)
    directory = resolve_dir(targets_dir)
    jobs = _report_jobs(city, all_cities, output, reports_dir, directory)
    try:
        texts = build_many(jobs, directory, when, lang_)
    except PlanckError as err:
        raise _fail(err.findings) from None
    if check_only:
        stale = [path for path, text in texts if not is_current(path, text)]
        for path in stale:
            why = "out of date" if path.exists() else "missing"
            _err(f"{path}: {why} (regenerate with `planck report --all` or `make reports`)")
        if stale:
            raise typer.Exit(GATE_FAILED)
        _err(f"planck: {len(texts)} report(s) up to date")
        return
    for path, text in texts:
        if str(path) == "-":
            _out(text)
            continue
        try:
            write_atomic(path, text)
        except OSError as err:
            raise _usage(f"{path}: cannot write: {err.strerror or err}") from None
        _err(f"planck: wrote {path}")


@app.command()
def compare(
    indicator: Annotated[str, typer.Argument(help="Shared indicator id, e.g. high-tech-enterprises.")],
    cities: Annotated[Optional[str], typer.Option("--cities", help="Comma-separated city ids (default: every city).")] = None,
    as_of: AsOf = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, markdown or json.")] = "table",
    lang: Lang = "en",
    targets_dir: TargetsDir = None,
) -> None:
    """One indicator across cities: each city's target(s), latest value and status."""
    from .compare import FORMATS, compare_cities, render, shared_ids
    from .dataset import targets_dir as resolve_dir
    from .render.context import Context

    _safe_streams()
    if fmt not in FORMATS:
        raise _usage(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
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
    ctx = Context(lang=lang_, width=_width(),
                  color=fmt == "table" and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    _out(render(fmt, indicator, rows, ctx))


def main() -> None:
    """Console-script entry point: a last-resort guard so no traceback reaches the user."""
    try:
        app(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        _err("planck: interrupted")
        sys.exit(130)
    except Exception as err:  # noqa: BLE001 - a bug must still end in one line, not a traceback
        if os.environ.get("PLANCK_DEBUG"):
            raise
        _err(f"planck: internal error: {type(err).__name__}: {err} "
             "(a bug in planck: please report it; PLANCK_DEBUG=1 shows the traceback)")
        sys.exit(INVALID)
