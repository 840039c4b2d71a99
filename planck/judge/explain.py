"""``planck explain``: every number behind one verdict, as text or JSON."""

from __future__ import annotations

from dataclasses import asdict

from planck import operators
from planck.escape import log, strict_json
from planck.render.cells import target_long
from planck.render.text import num
from planck.result import THRESHOLDS, Report, Result


def _rate(method: str, value: float) -> str:
    return f"{value:.2%} a year" if method == "geometric" else f"{num(value)} a year"


def _goal_line(r: Result, unit: str) -> str:
    """The least value that meets the target; for a reference operator the goal is a share
    of the reference (or a growth difference), never a level in the indicator's unit."""
    t, op = r.target, operators.get(r.target.op)
    goal = t.goal if t.goal is not None else 0.0
    if op.shape != "reference":
        return f"  goal level       {num(goal)} {unit} (least value that meets it)"
    ref = log(t.reference or "")
    if not op.reference_level:
        return (f"  goal level       growth at least {goal * 100:+g} points a year against "
                f"{ref}'s growth")
    level = ("" if r.reference_value is None
             else f" = {num(goal * r.reference_value)} {unit} against {num(r.reference_value)}")
    return f"  goal level       {goal:.0%} of {ref} for the same year{level}"


def explain_text(report: Report, r: Result) -> str:
    """A plain account an auditor can recompute by hand."""
    t, unit = r.target, log(r.unit)
    lines = [
        f"{r.id}: {log(r.name)} / {log(r.name_en)} ({log(report.name_zh)} {log(report.name_en)})",
        f"  as of            {report.as_of.isoformat()}",
        f"  source           {log(t.source_title)}" + (f" ({log(t.doc_number)})" if t.doc_number else ""),
        f"  quote            {log(t.quote)}",
        f"  operator         {t.op} ({operators.get(t.op).rule})"
        + (f" — wording {log(t.wording)}" if t.wording else ""),
        f"  target           {log(target_long(r))}, due {r.deadline}",
        f"  attribute        {_ATTRIBUTE.get(r.attribute or '', 'not stated')}",
    ]
    if r.stretch is not None:
        lines.append(f"  stretch (力争)    {num(r.stretch)} {unit}"
                     + (" — reached" if _beyond(r) else ""))
    if t.goal is not None:
        lines.append(_goal_line(r, unit))
    if t.tolerance is not None:
        default = operators.get(t.op).tolerance
        note = ("default" if default is not None and abs(t.tolerance - default) < 1e-12
                else "set in the file")
        lines.append(f"  tolerance        {t.tolerance * 100:g}% ({note})")
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
        use = ("judged: a stock's in-year count, provisional" if r.provisional
               else "shown, never judged")
        lines.append(f"  partial figure   {num(part.value)} for {part.period} ({use})")
    if r.reference_value is not None:
        lines.append(f"  reference        {t.reference} = {num(r.reference_value)} {unit}")
    if r.years:
        lines.append("  series           " + ", ".join(f"{y}: {num(v)}" for y, v in r.years.items()))
    if r.base_point is not None:
        b = r.base_point
        lines.append(f"  base point       {num(b.value)} ({b.year}): {log(b.why)}")
    else:
        lines.append("  base point       none (no baseline and no figure from before the plan)")
    if r.pace is not None:
        p = r.pace
        lines += [f"  pace method      {p.method}, from {p.base_year} ({num(p.base_value)}) "
                  f"to {p.latest_year}",
                  f"  observed rate    {_rate(p.method, p.observed)}",
                  (f"  reference rate   {_rate(p.method, p.required)} ({t.reference}, the same "
                   "years)" if operators.get(t.op).decide == "growth_vs" else
                   f"  required rate    {_rate(p.method, p.required)} to reach the goal by "
                   f"{r.deadline}"),
                  "  pace ratio R     " + ("—" if p.ratio is None else f"{p.ratio:.3f}")]
    if r.ratio_reason is not None:
        lines.append(f"  R not computed   {log(r.ratio_reason)}")
    exp = "—" if r.expected_progress is None else f"{r.expected_progress:.1f}%"
    lines += [_progress_line(r),
              "  attainment       " + ("—" if r.attainment is None else
                                      f"{r.attainment:.1f}% (完成率: latest as a share of the "
                                      "target" + (", target/latest" if _lower(r) else "") + ")"),
              f"  expected         {exp} of the period elapsed at the latest observation",
              "  thresholds       R ≥ {on_track} on_track, ≥ {behind} behind, ≥ {off_track} "
              "off_track, < 0 regressing".format(**THRESHOLDS),
              f"  status           {r.status}" + (" (final)" if r.final else " (provisional)"
                                                 if r.provisional else " (projection)"
                                                 if r.status not in ("met", "no_data") else ""),
              f"  because          {log(r.reason)}"]
    if r.above_range:
        lines.append("  note             the value lies beyond the stated range")
    if r.provisional:
        lines.append("  provisional      met on an in-year count of a stock; final when the "
                     "year-end figure is published")
    if r.stale:
        lines.append(f"  stale            the latest figure is more than {report.max_age} years "
                     f"older than the as-of year (--max-age)")
    if r.overdue:
        lines.append(f"  overdue          the deadline {r.deadline} passed more than a year ago "
                     "and its figure is not published")
    return "\n".join(lines) + "\n"


_ATTRIBUTE = {"binding": "binding (约束性)", "expected": "expected (预期性)"}


def _lower(r: Result) -> bool:
    return operators.get(r.target.op).lower(r.direction)


def _beyond(r: Result) -> bool:
    """The latest value reaches the 力争 level too."""
    if r.latest is None or r.stretch is None:
        return False
    v = r.latest.value
    return v <= r.stretch if _lower(r) else v >= r.stretch


def _progress_line(r: Result) -> str:
    """进度: the share of the gap from the base point to the target closed."""
    if r.percent_to_goal is None:
        return f"  progress (进度)   — ({log(r.percent_reason or '')})"
    b = r.base_point
    frm = (f"from the base point {num(b.value)} ({b.year})"
           if b is not None and r.percent_to_goal != r.attainment else "as latest/target")
    return f"  progress (进度)   {r.percent_to_goal:.1f}% of the gap to the target closed, {frm}"


def explain_json(report: Report, r: Result) -> str:
    d = asdict(r)
    d["years"] = {str(k): v for k, v in r.years.items()}
    d["as_of"] = report.as_of.isoformat()
    d["thresholds"] = THRESHOLDS
    return strict_json(d, ensure_ascii=False, indent=2) + "\n"
