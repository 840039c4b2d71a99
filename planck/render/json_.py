"""The JSON format: the versioned document of docs/report.schema.json."""

from __future__ import annotations

from collections.abc import Sequence

from planck.escape import strict_json
from planck.render.context import Context
from planck.result import Report


def document(reports: Sequence[Report]) -> dict:
    """One city: its report object; several: ``{"schema": …, "reports": […]}``."""
    if len(reports) == 1:
        return reports[0].as_dict()
    return {"schema": "planck.reports/1", "reports": [r.as_dict() for r in reports]}


#: The several-city document is this envelope around compact per-city objects, so it can be
#: written city by city (``planck check --all --format json`` streams it) or all at once.
MANY_OPEN, MANY_SEP, MANY_CLOSE = '{"schema":"planck.reports/1","reports":[', ",", "]}\n"


def compact(report: Report) -> str:
    """One city's object in the several-city document."""
    return strict_json(report.as_dict(), ensure_ascii=False, separators=(",", ":"))


def render(reports: Sequence[Report], ctx: Context) -> str:
    """One city is indented for people; several cities (``--all``) are compact, because the
    indenting encoder is pure Python and ten times slower on a national data set."""
    if len(reports) == 1:
        return strict_json(document(reports), ensure_ascii=False, indent=2) + "\n"
    return MANY_OPEN + MANY_SEP.join(compact(r) for r in reports) + MANY_CLOSE
