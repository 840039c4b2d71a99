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
    return json.dumps(document(reports), ensure_ascii=False, indent=2, default=str) + "\n"
