"""Command site: the static website."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planck.choices import listed_langs
from planck.cli.common import (
    GATE_FAILED,
    AsOf,
    FollowSymlinks,
    TargetsDir,
    _all_cities,
    _err,
    _fail,
    _lang,
    _refused,
    _safe_streams,
    _usage,
    app,
    parse_date,
)
from planck.findings import PlanckError


@app.command()
def site(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder of the site (replaced as a whole; refused unless planck made it or it is empty).")] = Path("site"),
    lang: Annotated[str, typer.Option("--lang", help=f"Language the site's front page opens in: {listed_langs()} (every one is built).")] = "en",
    as_of: AsOf = None,
    check_only: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if the site in -o is out of date.")] = False,
    targets_dir: TargetsDir = None,
    follow_symlinks: FollowSymlinks = False,
) -> None:
    """Build a static website of every city (index, city, indicator, compare, sources, method)."""
    from planck.cli.progress_bar import progress
    from planck.read.dataset import targets_dir as resolve_dir
    from planck.site import manifest
    from planck.site.pages import MARKER
    from planck.site.stream import run
    from planck.write.guarded import Refused
    from planck.write.sitetree import CheckSink, NotASite, extra_files, new_tree

    _safe_streams()
    lang_, when = _lang(lang), parse_date(as_of)
    directory = resolve_dir(targets_dir)
    cities = _all_cities(directory)
    shown = repr(str(output))[1:-1]
    if check_only:
        import shlex

        # the command that rebuilds this very site: the same folder, language, date and data
        again = ["planck", "site", "-o", str(output)]
        again += ["--lang", lang_] if lang_ != "en" else []
        again += ["--as-of", str(as_of)] if as_of else []
        again += ["--targets-dir", str(targets_dir)] if targets_dir is not None else []
        rebuild = repr(shlex.join(again))[1:-1]
        try:
            outcome = run(CheckSink(output), cities, directory, when, lang_, progress=progress)
        except PlanckError as err:
            raise _fail(err.findings) from None
        problems = [p for _, p in sorted(outcome.problems)]
        problems += extra_files(output, outcome.names | {manifest.NAME})
        for line in problems[:20]:
            _err(repr(line)[1:-1] + f" (rebuild with `{rebuild}`)")
        if len(problems) > 20:
            _err(f"… and {len(problems) - 20} more")
        if problems:
            raise typer.Exit(GATE_FAILED)
        _err(f"planck: site in {shown} up to date ({len(outcome.names)} files)")
        return
    try:
        # city by city: each page is written (or linked, unchanged, from the old site) and
        # dropped; a city whose files did not change is not rendered again (site.manifest)
        with new_tree(output, MARKER, follow_symlinks=follow_symlinks,
                      roots=[directory]) as (final, sink):
            previous = manifest.read(final) if sink.old is not None else None
            outcome = run(sink, cities, directory, when, lang_, previous, progress)
    except PlanckError as err:
        raise _fail(err.findings) from None
    except Refused as why:
        raise _refused("site", why) from None
    except NotASite:
        raise _usage(f"{shown}: exists and was not written by planck site (no {MARKER} "
                     "file): give another -o, or an empty folder") from None
    except OSError as err:
        raise _usage(f"{shown}: cannot write: {err.strerror or err}") from None
    _err(f"planck: wrote {shown} ({outcome.pages} pages)")
