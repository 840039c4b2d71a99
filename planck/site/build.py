"""``planck site``: load every city, gather its views, render every page (pure text), then
write the folder atomically or compare it (``--check``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from planck.site.pages import MARKER, render_site


def build_site(cities: list[str], directory: Path, as_of: date | None, lang: str
               ) -> dict[str, str]:
    """{relative path: text} of the whole site; ``PlanckError`` with every invalid city's
    findings (nothing is written unless all cities are valid)."""
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
        if view.id in seen:
            # two files, one city id: their pages would overwrite each other
            findings.append(Finding(view.data.path, 1, 1, "duplicate-city",
                                    f"city id {view.id!r} is also used by {seen[view.id]}"))
            continue
        seen[view.id] = view.data.path
        views.append(view)
    if findings:
        raise PlanckError(findings)
    return render_site(views, lang)


__all__ = ["MARKER", "build_site"]
