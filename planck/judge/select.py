"""Which targets a command shows: by status, plan and attribute (the filters of ``check``).

A filter changes what is shown, never what fails: the gate (``--fail-on``) counts every
target, and ``Selection.hidden_failures`` says how many failing targets a filter hid, so the
command line can say so. Which targets the gate judges is its own option
(``--fail-on-attribute binding``: fail only on binding targets).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from planck.frozen import frozen
from planck.result import Report, Result, in_gate


@frozen
class Selection:
    """Statuses to show (empty: all) and to hide, plans and attributes to keep (empty: all)."""

    statuses: frozenset[str] = frozenset()
    hide: frozenset[str] = frozenset()
    plans: frozenset[str] = frozenset()
    attributes: frozenset[str] = frozenset()
    #: attributes whose targets the gate judges (empty: every target); ``--fail-on-attribute``
    gated: frozenset[str] = frozenset()

    @property
    def active(self) -> bool:
        return bool(self.statuses or self.hide or self.plans or self.attributes)

    def keeps(self, r: Result) -> bool:
        if self.statuses and r.verdict.status not in self.statuses:
            return False
        if r.verdict.status in self.hide:
            return False
        if self.plans and r.plan not in self.plans:
            return False
        return not self.attributes or getattr(r, "attribute", None) in self.attributes

    def apply(self, report: Report) -> Report:
        """The report with only the kept results (the same object when nothing is filtered)."""
        if not self.active:
            return report
        return replace(report, results=tuple(r for r in report.results if self.keeps(r)),
                       all_ids=report.all_ids or tuple(r.id for r in report.results))

    def describe(self) -> str:
        """The filter in the command's own words, for messages."""
        parts = []
        if self.statuses:
            parts.append("--status " + ",".join(sorted(self.statuses)))
        if self.hide:
            parts.append("--hide " + ",".join(sorted(self.hide)))
        if self.plans:
            parts.append("--plan " + ",".join(sorted(self.plans)))
        if self.attributes:
            parts.append("--attribute " + ",".join(sorted(self.attributes)))
        return " ".join(parts)

    def gates(self, r: Result) -> bool:
        """The gate judges this target (``--fail-on-attribute``: only targets of those
        attributes, ``unstated`` for a target that states none)."""
        return not self.gated or (getattr(r, "attribute", None) or "unstated") in self.gated


def counts(reports: Iterable[Report], selection: Selection, gate: frozenset[str]) -> dict[str, int]:
    """Targets in all, shown, failing the gate, failing but hidden by the selection, and
    judged by the gate at all (``gated``: of the --fail-on-attribute attributes)."""
    out = {"total": 0, "shown": 0, "failed": 0, "hidden_failed": 0, "gated": 0}
    for report in reports:
        for r in report.results:
            kept, fails = selection.keeps(r), in_gate(r, gate) and selection.gates(r)
            out["gated"] += selection.gates(r)
            out["total"] += 1
            out["shown"] += kept
            out["failed"] += fails
            out["hidden_failed"] += fails and not kept
    return out
