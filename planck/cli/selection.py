"""The filter options of ``check`` (and ``diff``): parsed into a ``Selection``, checked against
the reports (an unknown plan id is a usage error with a suggestion), and the lines that tell
the user what a filter hid."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from planck.cli.common import _usage

if TYPE_CHECKING:  # pragma: no cover
    from planck.judge.select import Selection

ATTRIBUTES = ("binding", "expected")

StatusOpt = Annotated[Optional[str], typer.Option(
    "--status", help="Show only these statuses, comma-separated (e.g. off_track,behind).")]
HideOpt = Annotated[Optional[str], typer.Option(
    "--hide", help="Hide these statuses, comma-separated (e.g. no_data).")]
AssessedOpt = Annotated[bool, typer.Option(
    "--assessed", help="Hide targets without a verdict (no_data and not_assessable).")]
PlanOpt = Annotated[Optional[str], typer.Option(
    "--plan", help="Show only these plans, comma-separated plan ids.")]
AttributeOpt = Annotated[Optional[str], typer.Option(
    "--attribute", help="Show only binding (约束性) or expected (预期性) targets.")]
GateAttributeOpt = Annotated[Optional[str], typer.Option(
    "--fail-on-attribute",
    help="The gate judges only targets of these attributes, comma-separated: binding (约束性), "
         "expected (预期性), unstated (e.g. binding: fail only on binding targets).")]


def _split(text: str | None) -> frozenset[str]:
    return frozenset(s.strip() for s in (text or "").split(",") if s.strip())


def _statuses(option: str, text: str | None) -> frozenset[str]:
    from planck.cli.lookup import did_you_mean
    from planck.result import STATUSES

    chosen = _split(text)
    for s in sorted(chosen - set(STATUSES)):
        raise _usage(f"{option}: unknown status {s!r}{did_you_mean(s, STATUSES)} "
                     f"(choose from {', '.join(STATUSES)})")
    return chosen


def make_selection(status: str | None, hide: str | None, assessed: bool, plan: str | None,
                   attribute: str | None, gated: str | None = None) -> Selection:
    """The filter the options ask for (usage errors for unknown statuses or attributes)."""
    from planck.judge.select import Selection

    hidden = _statuses("--hide", hide) | (frozenset({"no_data", "not_assessable"})
                                         if assessed else frozenset())
    attributes = _split(attribute)
    for a in sorted(attributes - set(ATTRIBUTES)):
        raise _usage(f"--attribute: {a!r} is not one of {', '.join(ATTRIBUTES)}")
    scope = _split(gated)
    if gated is not None and not scope:
        raise _usage("--fail-on-attribute: give binding, expected or unstated")
    for a in sorted(scope - {*ATTRIBUTES, "unstated"}):
        raise _usage(f"--fail-on-attribute: {a!r} is not one of "
                     f"{', '.join((*ATTRIBUTES, 'unstated'))}")
    return Selection(statuses=_statuses("--status", status), hide=hidden, plans=_split(plan),
                     attributes=attributes, gated=scope)


def check_plans(selection: Selection, plan_ids: Iterable[str]) -> None:
    """A usage error for a --plan id that no report has (with the nearest ids)."""
    from planck.cli.lookup import did_you_mean

    known = sorted(set(plan_ids))
    for p in sorted(selection.plans - set(known)):
        raise _usage(f"--plan: no plan {p!r}{did_you_mean(p, known)} "
                     f"(plans: {', '.join(known) or 'none'})")


def report_lines(counts: dict[str, int], selection: Selection, gate: frozenset[str],
                 lang: str = "en") -> list[str]:
    """What to tell the user on stderr after the output: how much a filter hid, and the gate
    (in ``lang``; statuses and attributes in Chinese as the table names them)."""
    from planck.render.context import LABELS
    from planck.words import section

    words, lines = LABELS[lang], []
    # the gate's statuses, categories and lights, each in the words the table uses
    named = {k: v for name in ("light", "category", "status") for k, v in section(name)[lang].items()}
    statuses = sorted(gate) if lang == "en" else [named.get(s, s) for s in sorted(gate)]
    attributes = sorted(selection.gated)
    if lang != "en":
        named = {"binding": words["binding"], "expected": words["expected_attr"]}
        attributes = [named.get(a, a) for a in attributes]
    sep = section("punct")[lang]["list_sep"]
    if selection.active:
        lines.append(words["shown_of"].format(shown=counts["shown"], total=counts["total"],
                                              how=selection.describe()))
    if selection.gated and not counts.get("gated", 1):
        lines.append(words["gate_nothing"].format(attributes=sep.join(attributes)))
    if counts["failed"]:
        line = words["gate_failed"].format(failed=counts["failed"], statuses=sep.join(statuses))
        if selection.gated:
            line += words["gate_among"].format(attributes=sep.join(attributes))
        if counts["hidden_failed"]:
            line += words["gate_hidden"].format(hidden=counts["hidden_failed"])
        lines.append(line)
    return lines
