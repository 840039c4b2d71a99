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
    from planck.site.build import MARKER, page_count, read_cities, site_files
    from planck.write.guarded import Refused
    from planck.write.sitetree import NotASite, tree_problems, write_tree

    _safe_streams()
    lang_, when = _lang(lang), parse_date(as_of)
    directory = resolve_dir(targets_dir)
    cities = _all_cities(directory)
    try:
        with progress(len(cities), "cities read") as tick:
            views = read_cities(cities, directory, when, lang_, done=tick)
    except PlanckError as err:
        raise _fail(err.findings) from None
    shown = repr(str(output))[1:-1]
    if check_only:
        import shlex

        # the command that rebuilds this very site: the same folder, language, date and data
        again = ["planck", "site", "-o", str(output)]
        again += ["--lang", lang_] if lang_ != "en" else []
        again += ["--as-of", str(as_of)] if as_of else []
        again += ["--targets-dir", str(targets_dir)] if targets_dir is not None else []
        rebuild = repr(shlex.join(again))[1:-1]
        with progress(page_count(views), "pages") as tick:
            names: set[str] = set()
            problems = tree_problems(output, _named(site_files(views, lang_, done=tick), names))
        for line in problems[:20]:
            _err(repr(line)[1:-1] + f" (rebuild with `{rebuild}`)")
        if len(problems) > 20:
            _err(f"… and {len(problems) - 20} more")
        if problems:
            raise typer.Exit(GATE_FAILED)
        _err(f"planck: site in {shown} up to date ({len(names)} files)")
        return
    names = set()
    try:
        # page by page: each is written (or linked, unchanged, from the old site) and dropped
        with progress(page_count(views), "pages") as tick:
            write_tree(output, _named(site_files(views, lang_, done=tick), names), MARKER,
                       follow_symlinks=follow_symlinks, roots=[directory])
    except Refused as why:
        raise _refused("site", why) from None
    except NotASite:
        raise _usage(f"{shown}: exists and was not written by planck site (no {MARKER} "
                     "file): give another -o, or an empty folder") from None
    except OSError as err:
        raise _usage(f"{shown}: cannot write: {err.strerror or err}") from None
    pages = sum(name.endswith(".html") for name in names)
    _err(f"planck: wrote {shown} ({pages} pages)")


def _named(files, names: set[str]):
    """The (path, text) pairs of ``files``, noting each path in ``names`` on the way."""
    for rel, text in files:
        names.add(rel)
        yield rel, text
