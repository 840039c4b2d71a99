"""Pure renderers of the figures harvest found: JSON (planck.harvest/1) and a table."""

from __future__ import annotations

import json
from typing import Any

from planck.harvest.find import Figure
from planck.harvest.run import SCHEMA, figure_json


def to_json(figures: list[Figure], extra: dict[str, Any] | None = None) -> str:
    out: dict[str, Any] = {"schema": SCHEMA, "figures": [figure_json(f) for f in figures]}
    out.update(extra or {})
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def value_text(f: Figure) -> str:
    """The value as the table shows it: ≥ for a lower bound, ≤ for an upper one, (est.)."""
    bound = {"lower": "≥ ", "upper": "≤ "}.get(f.bound or "", "")
    value = f"{f.value:g}" if isinstance(f.value, float) else str(f.value)
    return bound + value + (" (est.)" if f.estimate else "")


def figures_table(figures: list[Figure]) -> str:
    rows: list[tuple[str, ...]] = [("line", "period", "value", "unit", "kind", "name", "quote")]
    rows += [(str(f.line), f.period, value_text(f), f.unit, f.kind, f.name, f.quote) for f in figures]
    return table(rows)


def table(given: list[tuple[str, ...]]) -> str:
    """Columns padded to their widest cell (CJK counted double); the last one not padded."""
    from rich.cells import cell_len

    from planck.escape import log

    rows = [tuple(log(c) for c in r) for r in given]
    widths = [max(cell_len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    out = []
    for r in rows:
        cells = [c + " " * (w - cell_len(c)) for c, w in zip(r, widths, strict=False)]
        out.append("  ".join(cells + [r[-1]]).rstrip())
    return "\n".join(out) + "\n"
