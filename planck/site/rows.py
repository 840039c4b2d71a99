"""One target as a row a reader can check: baseline (or the base point progress is measured
from), latest, target, 进度 and 完成率 side by side, the ± of a tolerance written as the
range it allows, the flags beside the verdict. Plain values; the templates escape them."""

from __future__ import annotations

from planck.readable import num, promise
from planck.render import verdicts
from planck.render.text import latest_text
from planck.result import Result


def flags(r: Result, words: dict[str, str]) -> list[str]:
    """Marks beside a verdict: the target's attribute (约束性/预期性), the result's flags
    (stale, overdue, provisional) and the stretch level (力争)."""
    out = [words[r.attribute]] if r.attribute in ("binding", "expected") else []
    shown = {"stale": r.flags.stale, "overdue": r.flags.overdue,
             "provisional": r.verdict.provisional}
    out += [words[f] for f, on in shown.items() if on]
    if r.stretch is not None:
        out.append(f"{words['stretch']} {num(r.stretch)}")
    return out


def percent(v: float | None) -> str:
    return "—" if v is None else f"{v:.0f}%"


def baseline(r: Result, words: dict[str, str]) -> tuple[str, str]:
    """(text, note): the plan's baseline, else the base point progress is measured from
    (note names it as such, so 进度 can be recomputed from the row)."""
    if r.evidence.baseline is not None:
        return f"{num(r.evidence.baseline)} ({r.evidence.baseline_year})", ""
    b = r.progress.base_point
    if b is not None:
        return f"{num(b.value)} ({b.year})", words["base_point"]
    return ("—" if r.evidence.baseline_year is None else f"? ({r.evidence.baseline_year})"), ""


def row(r: Result, lang: str, words: dict[str, str], names) -> dict:
    """Everything a table row of one target shows."""
    base, note = baseline(r, words)
    return {"id": r.id, "indicator": r.indicator, "unit": r.unit, "name": names(r),
            "baseline": base, "base_note": note, "latest": latest_text(r, lang),
            "target": promise(r, lang, unit=False), "deadline": r.deadline,
            "to_goal": percent(r.progress.percent_to_goal),
            "attainment": percent(r.progress.attainment),
            "status": r.verdict.status, "flags": flags(r, words), "wording": r.target.wording,
            "verdict": verdicts.row_label(r, lang), "tone": verdicts.tone(r),
            "catch_up": verdicts.catch_up_text(r, lang)}
