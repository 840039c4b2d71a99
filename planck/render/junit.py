"""JUnit XML: one testcase per target; statuses in --fail-on fail, no_data is skipped."""

from __future__ import annotations

import re
from collections.abc import Sequence
from xml.etree import ElementTree as ET

from planck.render.context import Context
from planck.render.text import latest_text, target_text
from planck.result import Report

# Characters XML 1.0 forbids even escaped; ElementTree would write them and break the file.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str) -> str:
    return _INVALID.sub("\ufffd", text)


def render(reports: Sequence[Report], ctx: Context) -> str:
    suites = ET.Element("testsuites", name="planck")
    for report in reports:
        failures = sum(r.status in ctx.fail_on for r in report.results)
        skipped = sum(r.status == "no_data" and r.status not in ctx.fail_on
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
            detail = _x(f"{r.name} ({r.indicator}): latest {latest_text(r)}, target "
                        f"{target_text(r)} {r.unit}, due {r.deadline}; {r.reason}")
            if r.status in ctx.fail_on:
                node = ET.SubElement(case, "failure", message=_x(f"{r.status}: {r.reason}"),
                                     type=r.status)
                node.text = detail
            elif r.status == "no_data":
                ET.SubElement(case, "skipped", message=_x(r.reason))
            else:
                ET.SubElement(case, "system-out").text = f"{r.status}: {detail}"
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"
