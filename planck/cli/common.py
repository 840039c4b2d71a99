"""Shared pieces of the command line: the typer app, option types, parsing of option values,
and the helpers that write to stdout/stderr. The cli package is the only code that prints or exits.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Optional, cast

import typer

from planck.choices import FORMATS, LANGS, listed_langs, not_one_of
from planck.cli.usage import PlanckGroup
from planck.findings import Finding

OK, GATE_FAILED, INVALID = 0, 1, 2

# Plain help (rich_markup_mode=None): no ``<bool>`` after each flag, and help needs no rich.
# PlanckGroup: click's usage errors as one line ``planck CMD: …`` (planck/cli/usage.py).
app = typer.Typer(name="planck", cls=PlanckGroup, no_args_is_help=True, add_completion=True,
                  pretty_exceptions_enable=False, rich_markup_mode=None,
                  help="Check Chinese five-year-plan targets against measured values.")


def _version(value: bool) -> None:
    if value:
        from planck import __version__

        sys.stdout.write(f"planck {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True,
        help="Show planck's version and exit.")] = False) -> None:
    """Check Chinese five-year-plan targets against measured values."""


TargetsDir = Annotated[Optional[Path], typer.Option(
    "--targets-dir", help="Folder of target files (else $PLANCK_TARGETS, ./targets, bundled).")]
AsOf = Annotated[Optional[str], typer.Option(
    "--as-of", help="Evaluate as of this date, YYYY-MM-DD (default: latest source date).")]
Lang = Annotated[str, typer.Option("--lang", help=f"Labels in {listed_langs()}.")]
Basically = Annotated[Optional[float], typer.Option(
    "--basically", help="基本实现: a final miss whose 完成率 reaches this share of the target "
    "(default 0.9, planck's convention).")]
MaxAge = Annotated[Optional[int], typer.Option(
    "--max-age", min=0, max=100,
    help="Flag a result stale when its figure is more than this many years before the as-of "
         "year (default 2).")]


def _err(message: str) -> None:
    from planck.escape import log

    # Messages quote data (file names, ids): each line is neutralised for a CI log.
    text = "\n".join(log(line) for line in message.rstrip("\n").split("\n")) + "\n"
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (OSError, ValueError):
        # nowhere left to say anything (2>/dev/full, a closed stream): the exit code must
        # stay the command's own, never a crash's 1 that a CI gate reads as "a gate failed"
        _mute_stderr()


def _mute_stderr() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
    except OSError:
        pass
    sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives to the exit


def _out(text: str, commands: bool = False) -> None:
    """Write to stdout. Renderers escape data themselves; as a last net, a line that a CI
    runner would execute is neutralised unless the format is made of commands (github)."""
    from planck.escape import is_command, log

    if not commands and any(is_command(line) for line in text.split("\n")):
        text = "\n".join(log(line) if is_command(line) else line for line in text.split("\n"))
    sys.stdout.write(text)
    sys.stdout.flush()


Strict = Annotated[bool, typer.Option(
    "--strict", help="Warnings (conflicting figures) fail too: exit 1.")]


def _warn(findings: list[Finding]) -> None:
    """Warnings on stderr, one line each; they change no exit code by themselves."""
    for f in sorted(findings):
        _err(str(f))


def _fail(findings: list[Finding]) -> typer.Exit:
    for f in sorted(findings):
        _err(str(f))
    return typer.Exit(INVALID)


#: A table of bad rows is reported by its first findings and a count (a 1 MiB CSV of bad rows
#: printed 285,975 lines).
SHOWN_FINDINGS = 50


def _fail_first(findings: list[Finding], shown: int = SHOWN_FINDINGS) -> typer.Exit:
    """Like ``_fail``, but only the first ``shown`` findings and how many more there are."""
    ordered = sorted(findings)
    for f in ordered[:shown]:
        _err(str(f))
    if len(ordered) > shown:
        files = sorted({f.file for f in ordered[shown:]})
        _err(f"planck: … and {len(ordered) - shown:,} more finding(s) in {', '.join(files)} "
             f"({len(ordered):,} in all; the first {shown} are shown)")
    return typer.Exit(INVALID)


def _usage(message: str) -> typer.Exit:
    _err(f"planck: {message}")
    return typer.Exit(INVALID)


Force = Annotated[bool, typer.Option(
    "--force", help="Replace an existing output file that planck did not write (never an "
                    "input file).")]


FollowSymlinks = Annotated[bool, typer.Option(
    "--follow-symlinks", help="Write through symbolic links inside the repository (refused "
                              "by default: a committed link could lead the write elsewhere).")]


def _refused(command: str, why: Exception) -> typer.Exit:
    """Exit 2 with the one line saying why ``planck.write.guarded`` refused a path."""
    from planck.write.guarded import Refused

    assert isinstance(why, Refused)
    if why.code == "foreign":
        _err(f"planck {command}: {why.path} {why.reason}")
    else:
        _err(f"planck: {why.path}: {why.reason}")
    return typer.Exit(INVALID)


def _city_or_all(city: str | None, all_cities: bool) -> None:
    """Exactly one of CITY and --all; the message names the mistake made."""
    if all_cities and city is not None:
        raise _usage("give a CITY or --all, not both")
    if not all_cities and city is None:
        raise _usage("give a CITY (a city id such as luoyang, or a target file) or --all")


def _safe_streams() -> None:
    # A console that cannot encode CJK switches to UTF-8 (issue 9: ascii gave "???" and exit
    # 0); what still cannot be encoded degrades instead of crashing with UnicodeEncodeError.
    from planck.cli.stdout import utf8_if_needed

    for stream in (sys.stdout, sys.stderr):
        utf8_if_needed(getattr(stream, "_stream", stream))
        try:
            cast(Any, stream).reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass


def parse_date(text: str | None, option: str = "--as-of") -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _usage(f"{option}: {text!r} is not a date YYYY-MM-DD") from None


def gate_words() -> dict[str, str]:
    """Every name ``--fail-on`` takes → its key: the status, category and light ids
    (``missed``, ``lagging``, ``red``) and their words in every language from the catalogue
    (未达成, 滞后, 红灯, ``off track``)."""
    from planck.result import CATEGORIES, LIGHTS, STATUSES
    from planck.words import section

    names: dict[str, str] = {}
    for name, keys in (("status", STATUSES), ("category", CATEGORIES), ("light", LIGHTS)):
        for key in keys:
            names[key] = key
            for words in section(name).values():
                names.setdefault(words[key], key)
    return names


def parse_statuses(text: str) -> frozenset[str]:
    """--fail-on: statuses, the evaluators' categories (lagging, not_achieved …) or lights
    (red, yellow), by id or by their words in any language (滞后, 红灯)."""
    from planck.result import CATEGORIES, LIGHTS, STATUSES

    given = [s.strip() for s in text.split(",") if s.strip()]
    if not given:  # an empty value would silently disable the gate (issue 9)
        raise _usage("--fail-on: no status given (e.g. --fail-on missed; 'none' never fails)")
    if given == ["none"]:
        return frozenset()
    names = gate_words()
    unknown = sorted(s for s in set(given) if s not in names)
    if unknown:
        raise _usage(f"--fail-on: unknown status {', '.join(unknown)} "
                     f"(choose from {', '.join(STATUSES)}; or a category: "
                     f"{', '.join(CATEGORIES)}; or a light: {', '.join(LIGHTS)}; "
                     "or their words, e.g. 滞后, 红灯)")
    return frozenset(names[s] for s in given)


def _lang(text: str) -> str:
    """``--lang``, one of ``choices.LANGS`` (else a usage error)."""
    wrong = not_one_of("--lang", text, LANGS)
    if wrong:
        raise _usage(wrong)
    return text


def _choose_format(command: str, name: str) -> str:
    """``--format`` of ``command``, one of its ``choices.FORMATS`` (else a usage error)."""
    wrong = not_one_of("--format", name, FORMATS[command])
    if wrong:
        raise _usage(wrong)
    return name


def _format(name: str) -> str:
    """``check --format``, with 'auto' resolved."""
    _choose_format("check", name)
    if name == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "table"
    return name


def _width() -> int:
    """Columns for the table: $COLUMNS, else the terminal's, else 80. A terminal that reports
    0 columns (some CI consoles, a serial line) gets 80 rather than nothing."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0 and sys.stdout.isatty():
        try:
            columns = os.get_terminal_size().columns
        except OSError:
            columns = 0
    return max(40, columns) if columns > 0 else 80


def _context(fmt: str, lang: str, fail_on: frozenset[str], wide: bool = False,
             annotate_all: bool = False):
    from planck.render.context import Context

    color = fmt == "table" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    return Context(lang=lang, fail_on=fail_on, width=_width(), color=color, wide=wide,
                   annotate_all=annotate_all)


def _reports(cities: list[str], directory: Path, measured: list[Path], as_of: date | None):
    from planck.cli.progress_bar import progress
    from planck.judge.batch import evaluate_cities

    with progress(len(cities), "cities") as tick:
        reports, findings = evaluate_cities(cities, directory, measured, as_of, done=tick)
    if findings:
        raise _fail(findings)
    return reports


def _all_cities(directory: Path) -> list[str]:
    from planck.read.dataset import city_files, name_finding

    files = city_files(directory)
    if not files:
        raise _usage(f"no target files in {directory}")
    bad = [f for f in map(name_finding, files) if f is not None]
    if bad:
        raise _fail(bad)
    return [str(p) for p in files]
