"""JUnit XML: one testcase per target; statuses in --fail-on fail, no_data is skipped."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from ..result import Report
from .context import Context
from .text import latest_text, target_text


def render(reports: Sequence[Report], ctx: Context) -> str:
    suites = ET.Element("testsuites", name="planck")
    for report in reports:
        failures = sum(r.status in ctx.fail_on for r in report.results)
        skipped = sum(r.status == "no_data" for r in report.results)
        suite = ET.SubElement(suites, "testsuite", name=f"planck.{report.city}",
                              tests=str(len(report.results)), failures=str(failures),
                              skipped=str(skipped), errors="0",
                              timestamp=report.as_of.isoformat())
        for r in report.results:
            case = ET.SubElement(suite, "testcase", classname=f"{report.city}.{r.plan}",
                                 name=f"{r.id} {r.name}", file=r.file, line=str(r.line))
            detail = (f"{r.name} ({r.indicator}): latest {latest_text(r)}, target "
                      f"{target_text(r)} {r.unit}, due {r.deadline}; {r.reason}")
            if r.status in ctx.fail_on:
                node = ET.SubElement(case, "failure", message=f"{r.status}: {r.reason}",
                                     type=r.status)
                node.text = detail
            elif r.status == "no_data":
                ET.SubElement(case, "skipped", message=r.reason)
            else:
                ET.SubElement(case, "system-out").text = f"{r.status}: {detail}"
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"
