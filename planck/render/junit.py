"""JUnit XML: one testcase per target; statuses in --fail-on fail, no_data is skipped."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from planck.escape import xml_chars
from planck.readable import target
from planck.render.context import Context
from planck.render.text import flags_text, latest_text
from planck.result import Report, in_gate


def _x(text: str) -> str:
    return xml_chars(text)


def render(reports: Sequence[Report], ctx: Context) -> str:
    suites = ET.Element("testsuites", name="planck")
    for report in reports:
        failures = sum(in_gate(r, ctx.fail_on) for r in report.results)
        skipped = sum(r.verdict.status == "no_data" and r.verdict.status not in ctx.fail_on
                      for r in report.results)
        suite = ET.SubElement(suites, "testsuite", name=f"planck.{report.city}",
                              tests=str(len(report.results)), failures=str(failures),
                              skipped=str(skipped), errors="0", time="0",
                              # JUnit wants a dateTime; the as-of date is the run's "when".
                              timestamp=f"{report.as_of.isoformat()}T00:00:00")
        for r in report.results:
            case = ET.SubElement(suite, "testcase", classname=f"{report.city}.{r.plan}",
                                 name=_x(f"{r.id} {r.name}"), file=_x(r.file),
                                 line=str(r.line), time="0")
            detail = _x(f"{r.name} ({r.indicator}): latest {latest_text(r, unit=True)}, target "
                        f"{target(r)}, due {r.deadline}; {r.verdict.reason}"
                        + (f" [{flags}]" if (flags := flags_text(r)) else ""))
            if in_gate(r, ctx.fail_on):
                node = ET.SubElement(case, "failure",
                                     message=_x(f"{r.verdict.status}: {r.verdict.reason}"),
                                     type=r.verdict.status)
                node.text = detail
            elif r.verdict.status == "no_data":
                ET.SubElement(case, "skipped", message=_x(r.verdict.reason))
            else:
                ET.SubElement(case, "system-out").text = _x(f"{r.verdict.status}: {detail}")
    ET.indent(suites)
    # '::' and '##' from data as character references: same XML, but no CI log command.
    text = ET.tostring(suites, "unicode").replace("::", ":&#58;").replace("##", "#&#35;")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"
