"""``planck site``: load every city, gather its views, render every page (pure text), then
write the folder atomically or compare it (``--check``).

The two long steps take a ``done`` callback (the command line's progress bar): ``read_cities``
calls it after each city, ``render_site`` after each page (``page_count`` of them).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from planck.site.pages import MARKER, page_count, render_site, site_files


def build_site(cities: list[str], directory: Path, as_of: date | None, lang: str
               ) -> dict[str, str]:
    """{relative path: text} of the whole site; ``PlanckError`` with every invalid city's
    findings (nothing is written unless all cities are valid)."""
    return render_site(read_cities(cities, directory, as_of, lang), lang)


def read_cities(cities: list[str], directory: Path, as_of: date | None, lang: str,
                done: Callable[[], None] | None = None) -> list:
    """Every city's ``CityView``; ``PlanckError`` with every invalid city's findings."""
    from planck.findings import Finding, PlanckError
    from planck.site.collect import collect

    views: list = []
    findings: list[Finding] = []
    seen: dict[str, str] = {}
    for city in cities:
        try:
            view = collect(city, directory, as_of, lang)
        except PlanckError as err:
            findings += err.findings
            continue
        finally:
            if done is not None:
                done()
        if view.id in seen:
            # two files, one city id: their pages would overwrite each other
            findings.append(Finding(view.data.path, 1, 1, "duplicate-city",
                                    f"city id {view.id!r} is also used by {seen[view.id]}"))
            continue
        seen[view.id] = view.data.path
        views.append(view)
    if findings:
        raise PlanckError(findings)
    return views


__all__ = ["MARKER", "build_site", "page_count", "read_cities", "render_site", "site_files"]
