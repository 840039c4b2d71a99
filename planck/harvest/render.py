"""Pure renderers of what harvest found: JSON (planck.harvest/1), tables, and CSV rows in
``planck import``'s columns with a ``take`` column (docs/format.md, 'Tables')."""

from __future__ import annotations

import json
from typing import Any

from planck.harvest.figure import Figure
from planck.harvest.numbers import clean
from planck.harvest.propose import Proposal
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


CSV_COLUMNS = ("take", "indicator", "period", "value", "unit", "partial", "bound", "estimate",
               "source", "source_title", "source_issuer", "source_date", "source_url", "quote",
               "note")
_ORDER = {"new": 0, "differs": 1, "same": 2, "unmatched": 3}


def proposal_json(p: Proposal, file: str) -> dict[str, Any]:
    f = p.figure
    return {"status": p.status, "indicator": p.indicator, "name": f.name, "period": f.period,
            "value": f.value, "unit": f.unit, "bound": f.bound, "estimate": f.estimate,
            "quote": f.quote, "line": f.line, "file": file, "reason": p.reason or None,
            "recorded": [{"value": clean(v), "unit": u, "source": s, "quote": q}
                         for v, u, s, q in p.recorded],
            "changes": list(p.changes)}


def proposals_table(proposals: list[tuple[Proposal, str]]) -> str:
    rows: list[tuple[str, ...]] = [("status", "indicator", "period", "value", "unit", "line",
                                    "quote / why not")]
    for p, _ in sorted(proposals, key=lambda x: _ORDER[x[0].status]):
        f = p.figure
        note = f.quote if p.status != "unmatched" else f"{f.name or '?'}: {p.reason}"
        if p.status == "differs":
            note += " (recorded: " + "; ".join(f"{clean(v):g} {u} from {s}" for v, u, s, _ in
                                             p.recorded) + ")"
        rows.append((p.status, p.indicator or "-", f.period, value_text(f), f.unit, str(f.line),
                     note))
        rows += [("", "", "", "", "", "", f"→ {c}") for c in p.changes]
    return table(rows)


def csv_rows(proposals: list[tuple[Proposal, str]], source: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per figure in ``planck import``'s columns: new and differing figures taken
    (take = yes), the rest not (take = no; what was matched and why not, in the note), so a
    reviewer strikes or adds rows by one cell. ``source``: the source columns of every row."""
    out = []
    for p, _ in sorted(proposals, key=lambda x: _ORDER[x[0].status]):
        f = p.figure
        take = p.status in ("new", "differs")
        partial = len(f.period) == 7 and not f.period.endswith("-12")
        note = {"new": "", "differs": "another value is recorded: " + "; ".join(
            f"{clean(v):g} {u} ({s})" for v, u, s, _ in p.recorded), "same": "already recorded",
            "unmatched": p.reason}[p.status]
        out.append({"take": "yes" if take else "no", "indicator": p.indicator or "",
                    "period": f.period, "value": f.value, "unit": f.unit,
                    "partial": "true" if partial else "false", "bound": f.bound or "",
                    "estimate": "true" if f.estimate else "false", **source, "quote": f.quote,
                    "note": (f"{f.name}: " if p.status == "unmatched" else "") + note})
    return out


def to_csv(rows: list[dict[str, Any]]) -> str:
    """UTF-8 with a byte-order mark (Excel and WPS read it as UTF-8); text cells as check's CSV
    writes them (one line, a leading = + - @ defused)."""
    import csv
    import io

    from planck.render.csv_ import cell

    buf = io.StringIO()
    writer = csv.DictWriter(buf, CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") if k == "value" else cell(row.get(k) or "")
                         for k in CSV_COLUMNS})
    return "\ufeff" + buf.getvalue()
