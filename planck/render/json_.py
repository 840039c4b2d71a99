"""The JSON format: the versioned document of docs/report.schema.json."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..result import Report
from .context import Context


def document(reports: Sequence[Report]) -> dict:
    """One city: its report object; several: ``{"schema": …, "reports": […]}``."""
    if len(reports) == 1:
        return reports[0].as_dict()
    return {"schema": "planck.reports/1", "reports": [r.as_dict() for r in reports]}


def render(reports: Sequence[Report], ctx: Context) -> str:
    """One city is indented for people; several cities (``--all``) are compact, because the
    indenting encoder is pure Python and ten times slower on a national data set."""
    indent = 2 if len(reports) == 1 else None
    return json.dumps(document(reports), ensure_ascii=False, indent=indent, default=str,
                      separators=None if indent else (",", ":")) + "\n"
