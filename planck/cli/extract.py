"""Command extract: a draft target file from a plan's text, and --score against a reviewed file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Optional

import typer

from planck.cli.common import (
    FollowSymlinks,
    Force,
    TargetsDir,
    _err,
    _fail,
    _out,
    _refused,
    _safe_streams,
    _usage,
    app,
)
from planck.findings import Finding


def _bad(path: Path, line: int, col: int, code: str, message: str) -> typer.Exit:
    _err(str(Finding(str(path), line, col, code, message)))
    return typer.Exit(2)


@app.command()
def extract(
    plan_file: Annotated[Path, typer.Argument(help="The plan's text: UTF-8 or GB18030 text, or HTML.")],
    city: Annotated[Optional[str], typer.Option("--city", help="City id for the draft (luoyang).")] = None,
    plan_id: Annotated[Optional[str], typer.Option("--plan-id", help="Plan id for the draft.")] = None,
    start: Annotated[Optional[int], typer.Option("--start", help="First year of the plan period.")] = None,
    end: Annotated[Optional[int], typer.Option("--end", help="Last year of the plan period.")] = None,
    output: Annotated[Optional[str], typer.Option("-o", "--output", help="Write the draft here ('-' = stdout).")] = None,
    score: Annotated[Optional[Path], typer.Option("--score", help="Compare the draft with this reviewed target file.")] = None,
    into: Annotated[Optional[str], typer.Option(
        "--into", help="Add the draft to this city's target file (made by 'new', or created): "
        "only new entries are added, each marked for review.")] = None,
    targets_dir: TargetsDir = None,
    force: Force = False,
    follow_symlinks: FollowSymlinks = False,
) -> None:
    """Draft a target file from a plan's text, for a person to review (exit 0; 2 on bad input).

    A plan with no target gives an empty draft and says so on stderr (exit 0). With --into
    CITY the draft's new sources, plans, indicators and targets are inserted into
    CITY's target file; what it already holds is kept as it is, so a second run adds
    nothing."""
    from planck.extract.draft import Options, render
    from planck.extract.reading import ReadError, read_path
    from planck.extract.run import extract as run

    _safe_streams()
    _check_period_and_ids(start, end, city, plan_id)
    if not plan_file.is_file():  # a FIFO or device could block or never end
        exists = plan_file.exists()
        raise _bad(plan_file, 0, 0, "not-a-file" if exists else "not-found",
                   "not a regular file" if exists else "no such file")
    if into is not None:
        city = _into_city(into, city, output, score)
    target = _output_path(output, [plan_file] + ([score] if score else []), force,
                          follow_symlinks)
    try:
        doc = read_path(plan_file)
    except ReadError as err:
        raise _bad(plan_file, err.line, err.col, "extract", str(err)) from None
    ex = run(doc, start, end)
    first, last = ex.start or start, ex.end or end
    # with no period known the draft keeps its REVIEW-marked plan id, never "city-None-None"
    base = into and (plan_id or (f"{into}-{first}-{last}" if first and last else None))
    text = render(ex, Options(city, base or plan_id, start, end, plan_file.name))
    for note in ex.notes:
        _err(f"{plan_file}: note: {note}")
    if not ex.targets and ex.undated and not (ex.start or start):
        _err(f"{plan_file}: no target drafted: no plan period found (no title or sentence names "
             f"the plan, e.g. 十五五), so {ex.undated} figure(s) worded as goals have no deadline; "
             "give the period with --start and --end")
    elif not ex.targets:
        _err(f"{plan_file}: no target found (no figure with a goal wording in a target sentence); "
             "the draft is empty")
    if score is not None:
        _score(text, score, plan_file.name)
        if output is None:
            return
    if into is not None:
        _into(text, into, targets_dir, follow_symlinks, len(ex.targets))
        return
    marked = sum(1 for ln in text.splitlines() if "# review:" in ln and not ln.startswith("# "))
    summary = f"{len(ex.targets)} draft target(s), {marked} line(s) marked '# review:' for a person"
    if target is None:
        _out(text)
        _err(f"planck: {summary}")
    else:
        from planck.write import guarded

        try:
            guarded.write_file(target, text, checked=True, make_parents=False)
        except OSError as err:
            raise _usage(f"-o {output}: cannot write: {err.strerror or err}") from None
        _err(f"planck: wrote {output}: {summary}")


def _check_period_and_ids(start: int | None, end: int | None, city: str | None,
                          plan_id: str | None) -> None:
    """--start and --end together and a plausible period; --city and --plan-id ids."""
    if (start is None) != (end is None):
        raise _usage("give --start and --end together")
    if start is not None and end is not None and not (1949 <= start <= end <= 2100):
        raise _usage(f"--start {start} --end {end}: not a plan period (1949 ≤ start ≤ end ≤ 2100)")
    for name, value in (("--city", city), ("--plan-id", plan_id)):
        if value is not None and not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,79}", value):
            raise _usage(f"{name}: {value!r} is not an id (lower-case ascii a-z, 0-9 and '-')")


def _into_city(into: str, city: str | None, output: str | None, score: Path | None) -> str:
    """The city --into names, once it agrees with the other options."""
    if output is not None or score is not None:
        raise _usage("--into writes the city's file: give neither -o nor --score with it")
    if city is not None and city != into:
        raise _usage(f"--city {city} and --into {into} name different cities")
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,79}", into):
        raise _usage(f"--into: {into!r} is not a city id (lower-case ascii a-z, 0-9 and '-')")
    return into


def _output_path(output: str | None, inputs: list[Path], force: bool,
                 follow_symlinks: bool) -> Path | None:
    """Where -o writes (None for stdout), checked before anything is read or made."""
    if output in (None, "-"):
        return None
    from planck.write import guarded

    try:
        return guarded.check(Path(output), force=force, follow_symlinks=follow_symlinks,
                             inputs=inputs)
    except guarded.Refused as why:
        name = Path(output).name
        if why.code == "foreign" and name.endswith(".yaml") and not name.endswith(".measured.yaml"):
            # a city's file (made by `new`, or reviewed): the draft is added to it, not over it
            raise _usage(f"-o {output}: planck did not write it, so it is not replaced; to add "
                         f"the draft to a city's file use --into {Path(output).stem}") from None
        if why.code == "foreign":
            raise _refused("extract", why) from None
        if why.code == "input":
            raise _usage(f"-o {output}: that is an input file; planck never writes over "
                         "its inputs") from None
        kind = "not a regular file: " if why.code == "kind" else ""
        raise _usage(f"-o {output}: {kind}{why.reason}") from None


def _score(draft_text: str, answer: Path, plan_name: str) -> None:
    from planck.extract.score import score
    from planck.read.loader import load, parse

    loaded = load(answer)
    if not loaded.ok:
        for f in loaded.findings:
            _err(str(f))
        raise typer.Exit(2)
    draft = parse(draft_text, "draft")
    if draft.data is None:
        _err("planck: internal error: the draft is not YAML")
        raise typer.Exit(2)
    files = {s.get("file") for s in loaded.data.get("sources") or [] if hasattr(s, "get")}
    only = plan_name if plan_name in files else None
    loose = score(draft.data, loaded.data, only)
    strict = score(draft.data, loaded.data, only, with_indicator=True)
    _out(loose.line("(op, value, unit, deadline)") + "\n")
    _out(strict.line("(indicator, op, value, unit, deadline)") + "\n")


def _into(draft: str, city: str, targets_dir: Path | None, follow_symlinks: bool, found: int) -> None:
    """Insert the draft's new entries into the city's target file (create it when missing)."""
    from planck.extract.match import match, units_fit
    from planck.findings import PlanckError
    from planck.read.dataset import chosen_dir
    from planck.write import edit_file, into

    chosen = chosen_dir(targets_dir)
    directory = chosen if chosen is not None else Path("targets")
    if "_bundled" in directory.resolve().parts:
        raise _usage("the targets folder is planck's installed copy: give --targets-dir")
    if not directory.is_dir():
        raise _usage(f"no folder {directory}: make the city with 'planck new {city} …' first, "
                     "or give --targets-dir")
    path = directory / f"{city}.yaml"
    try:
        with edit_file.editing(path, create=draft, follow_symlinks=follow_symlinks,
                               roots=[directory]) as opened:
            if not opened.existed:
                edit_file.commit(opened, draft)
                _err(f"planck: wrote {path}: a new city file with {found} draft target(s), each "
                     "marked for review")
                return
            merged = into.merge(opened.text, draft, str(path), match, units_fit)
            if merged.count:
                edit_file.commit(opened, merged.text)
    except PlanckError as err:
        raise _fail(err.findings) from None
    parts = ", ".join(f"{len(v)} {k}" for k, v in merged.added.items()) or "nothing"
    _err(f"planck: {path}: added {parts}; {merged.kept} target(s) already in the file kept as they are"
         + (" (the file is unchanged)" if not merged.count else "; lines marked '# review:' need a person"))
