"""``planck explain``: every number behind one verdict, as text or JSON."""

from __future__ import annotations

from dataclasses import asdict

from planck import operators
from planck.escape import log, strict_json
from planck.render.text import num, target_text
from planck.result import THRESHOLDS, Report, Result


def _rate(method: str, value: float) -> str:
    return f"{value:.2%} a year" if method == "geometric" else f"{num(value)} a year"


def explain_text(report: Report, r: Result) -> str:
    """A plain account an auditor can recompute by hand."""
    t, unit = r.target, log(r.unit)
    lines = [
        f"{r.id}: {log(r.name)} / {log(r.name_en)} ({log(report.name_zh)} {log(report.name_en)})",
        f"  as of            {report.as_of.isoformat()}",
        f"  source           {log(t.source_title)}" + (f" ({log(t.doc_number)})" if t.doc_number else ""),
        f"  quote            {log(t.quote)}",
        f"  operator         {t.op}" + (f" — wording {log(t.wording)}" if t.wording else ""),
        f"  target           {log(target_text(r))} {unit}, due {r.deadline}",
    ]
    if t.goal is not None:
        lines.append(f"  goal level       {num(t.goal)} {unit} (least value that meets it)")
    if t.tolerance is not None:
        default = operators.get(t.op).tolerance
        note = ("default" if default is not None and abs(t.tolerance - default) < 1e-12
                else "set in the file")
        lines.append(f"  tolerance        {t.tolerance:.0%} ({note})")
    if t.low is not None:
        lines.append(f"  accepted range   {num(t.low)} – {num(t.high)} {unit}")
    base = "—" if r.baseline_year is None else f"{num(r.baseline)} ({r.baseline_year})"
    lines.append(f"  baseline         {base} {unit}")
    if r.latest is not None:
        o = r.latest
        lines += [f"  latest           {num(o.value)} {unit} for {o.period}"
                  + (f" (given as {num(o.given_value)} {log(o.given_unit)})"
                     if o.given_unit not in (None, o.unit) else ""),
                  f"    from           {log(o.source_title)} ({o.source_date})"
                  + (f" {log(o.url)}" if o.url else ""),
                  f"    quote          {log(o.quote)}"]
    else:
        lines.append("  latest           none (no annual observation)")
    if r.latest_partial is not None:
        part = r.latest_partial
        lines.append(f"  partial figure   {num(part.value)} for {part.period} (shown, never judged)")
    if r.reference_value is not None:
        lines.append(f"  reference        {t.reference} = {num(r.reference_value)} {unit}")
    if r.years:
        lines.append("  series           " + ", ".join(f"{y}: {num(v)}" for y, v in r.years.items()))
    if r.pace is not None:
        p = r.pace
        lines += [f"  pace method      {p.method}, from {p.base_year} ({num(p.base_value)}) "
                  f"to {p.latest_year}",
                  f"  observed rate    {_rate(p.method, p.observed)}",
                  f"  required rate    {_rate(p.method, p.required)} to reach the goal by "
                  f"{r.deadline}",
                  "  pace ratio R     " + ("—" if p.ratio is None else f"{p.ratio:.3f}")]
    pct = "—" if r.percent_to_goal is None else f"{r.percent_to_goal:.1f}%"
    exp = "—" if r.expected_progress is None else f"{r.expected_progress:.1f}%"
    lines += [f"  level            {pct} of the way from baseline to target",
              f"  expected         {exp} of the period elapsed at the latest observation",
              "  thresholds       R ≥ {on_track} on_track, ≥ {behind} behind, ≥ {off_track} "
              "off_track, < 0 regressing".format(**THRESHOLDS),
              f"  status           {r.status}" + (" (final)" if r.final else " (projection)"
                                                 if r.status not in ("met", "no_data") else ""),
              f"  because          {log(r.reason)}"]
    if r.above_range:
        lines.append("  note             the value lies beyond the stated range")
    return "\n".join(lines) + "\n"


def explain_json(report: Report, r: Result) -> str:
    d = asdict(r)
    d["years"] = {str(k): v for k, v in r.years.items()}
    d["as_of"] = report.as_of.isoformat()
    d["thresholds"] = THRESHOLDS
    return strict_json(d, ensure_ascii=False, indent=2) + "\n"
