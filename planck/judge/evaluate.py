"""Evaluate: a pure function from a city's targets and observations at an as-of date to results.

No I/O, no clock, no printing. The method is written up in docs/methodology.md. One target
is judged in a short sequence: its case gathered (``case``), its operator's rule decides
(``rules``), progress is measured from the base point (``measure``), and the result flagged
(provisional, stale, overdue).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from planck.judge import measure, rules
from planck.judge.case import Case, pick
from planck.judge.decision import Decision, after_deadline
from planck.judge.stale import with_stale
from planck.read.dataset import CityData, Obs
from planck.read.model import Indicator, Target
from planck.reasons import say
from planck.result import MAX_AGE, Evidence, Flags, PlanRef, Report, Result, Verdict

__all__ = ["Decision", "after_deadline", "evaluate", "evaluate_target", "default_as_of", "pick"]


def _above(case: Case, d: Decision) -> Decision:
    """The decision flagged when its figure lies beyond the stated range on the good side
    (only for a rule that judges the indicator's own levels)."""
    if d.series is not None or d.year is None or case.goal is None:
        return d
    return replace(d, above=case.satisfied(case.annual[d.year].value)[1])


def _provisional(case: Case, d: Decision) -> Obs | None:
    """A stock's in-year count that already satisfies the target (docs/methodology.md): the
    figure a provisional ``met`` rests on, else None."""
    o, t = case.partial, case.t
    if case.ind.kind != "stock" or o is None or d.final or d.status == "met":
        return None
    if case.goal is None or not case.start < o.year <= t.deadline:
        return None
    if (d.year is None or o.year > d.year) and case.satisfied(o.value)[0]:
        return o
    return None


def _conflicts(data: CityData, case: Case, year: int | None, as_of: date) -> tuple[Obs, ...]:
    """Other sources' figures for the deciding year that differ from it (explain shows them)."""
    o = case.annual.get(year) if year is not None else None
    if o is None or not data.warnings:  # no conflict anywhere in the city's files
        return ()
    from planck.read.conflicts import conflicts_with

    seen = [p for p in data.observations if p.indicator == o.indicator and p.year == o.year
            and p.source_date <= as_of]
    return tuple(conflicts_with(o, seen))


def evaluate_target(data: CityData, t: Target, ind: Indicator, as_of: date,
                    max_age: int = MAX_AGE) -> Result:
    """The status of one target at ``as_of``: pick figures, decide, measure progress, flag.
    The figures the verdict rests on go into the result as read (``Obs``), not copied."""
    from planck.judge import bounds, terms

    case, d, bounded = bounds.decide(Case.build(data, t, ind, as_of), rules.decide)
    d = terms.not_final_on_estimate(case, _above(case, d))
    series = d.series if d.series is not None else case.series()
    provisional = _provisional(case, d)
    if provisional is not None:
        d = replace(d, status="met",
                    reason=say("provisional", value=f"{provisional.value:g}",
                               period=provisional.period))
    progress, pacing = measure.progress(case, d, series, provisional)
    latest = case.annual.get(d.year) if d.year else None
    verdict = Verdict(status=d.status, final=d.final, reason=d.reason,
                      provisional=provisional is not None,
                      first_met=terms.first_met(case, d, series, provisional))
    evidence = Evidence(baseline_year=case.base_year, baseline=case.base,
                        baseline_actual=terms.baseline_actual(case), latest=latest,
                        latest_partial=case.partial, years=series,
                        reference_value=d.reference_value,
                        conflicts=_conflicts(data, case, d.year, as_of))
    flags = Flags(above_range=d.above, overdue=not d.final and as_of.year > t.deadline + 1,
                  estimate=latest is not None and latest.estimate,
                  bounds=bounds.shown_bounds(ind.direction, bounded.get(d.year or 0), d))
    result = Result(id=t.id, plan=t.plan, indicator=t.indicator, name=ind.name_zh,
                    name_en=ind.name_en, unit=ind.unit, direction=ind.direction,
                    deadline=t.deadline, attribute=t.attribute, stretch=case.stretch,
                    file=data.path, line=data.lines.get(t.id, 0),
                    target=measure.target_ref(data, case), supersedes=t.supersedes,
                    verdict=verdict, evidence=evidence, progress=progress, pacing=pacing,
                    flags=flags)
    return terms.with_terms(with_stale(result, as_of.year, max_age))


def evaluate(data: CityData, as_of: date, max_age: int = MAX_AGE) -> Report:
    """Evaluate every target of a city at ``as_of``; ``max_age`` years make a figure stale."""
    indicators = {i.id: i for i in data.targets.indicators}
    from planck.judge.revised import link_revisions

    results = link_revisions(data, as_of, tuple(
        evaluate_target(data, t, indicators[t.indicator], as_of, max_age)
        for t in data.targets.targets))
    tf = data.targets
    plans = tuple(PlanRef(id=p.id, title_zh=p.title_zh, title_en=p.title_en, start=p.start,
                          end=p.end) for p in tf.plans)
    return Report(city=tf.city.id, name_zh=tf.city.name_zh, name_en=tf.city.name_en,
                  as_of=as_of, plans=plans, results=results, file=data.path,
                  measured=data.measured_paths, max_age=max_age, warnings=data.warnings)


def default_as_of(data: CityData) -> date:
    """The as-of date from the data alone, never the clock: the latest observation's source
    date, else the latest target document's date, else 1 January of the first plan year."""
    dates = [o.source_date for o in data.observations]
    if dates:
        return max(dates)
    dated = [s.date for s in data.targets.sources if s.date is not None]
    if dated:
        return max(dated)
    # a new city without plans has nothing to evaluate; its first day of 2021 is as good as any
    return date(min((p.start for p in data.targets.plans), default=2021), 1, 1)
