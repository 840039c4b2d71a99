"""GitHub Actions workflow commands: annotations on the target's line in the YAML file.

Errors (a status in --fail-on) and warnings (other shortfalls) only; notices for met, on
track and no data only with ``--annotate all`` (``ctx.annotate_all``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from planck.escape import controls
from planck.readable import target
from planck.render.context import Context
from planck.render.text import flags_text, latest_text
from planck.result import Report, in_gate

_WARN = frozenset({"missed", "behind", "off_track", "regressing", "not_assessable"})


def _data(text: str) -> str:
    # Line ends as the runner's own escapes; other controls (ESC, U+2028 …) shown visibly.
    return controls(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def level(status: str, ctx: Context, category: str | None = None) -> str:
    """error for statuses (or categories) that fail the gate, warning for other shortfalls,
    else notice."""
    if status in ctx.fail_on or category in ctx.fail_on:
        return "error"
    return "warning" if status in _WARN else "notice"


def render(reports: Sequence[Report], ctx: Context) -> str:
    lines = []
    for report in reports:
        for r in report.results:
            lvl = "error" if in_gate(r, ctx.fail_on) else level(r.verdict.status, replace(
                ctx, fail_on=frozenset()))
            if lvl == "notice" and not ctx.annotate_all:
                continue  # a CI log shows what needs attention; --annotate all adds the rest
            title = _prop(f"planck {r.verdict.status}: {r.id}")
            msg = _data(f"{r.name} {r.name_en}: latest {latest_text(r, unit=True)}, target "
                        f"{target(r)} by {r.deadline} — {r.verdict.reason}"
                        + (f" [{flags}]" if (flags := flags_text(r)) else ""))
            lines.append(f"::{lvl} file={_prop(r.file)},line={r.line},"
                         f"title={title}::{msg}")
    return "\n".join(lines) + ("\n" if lines else "")
