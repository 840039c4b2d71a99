"""Findings: problems in the input, as values with a 1-based file:line:col."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one input file. ``line``/``col`` are 1-based, 0 when unknown."""

    file: str
    line: int
    col: int
    code: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        from planck.escape import log

        # a file name may hold a line break; the finding must still print as one line, and
        # neither the name nor the message (which may quote data) can be a CI log command
        name = self.file.encode("unicode_escape").decode("ascii") if not self.file.isprintable() \
            else self.file
        where = f"{log(name)}:{self.line}:{self.col}" if self.line else log(name)
        return f"{where}: {self.severity}: {log(self.message)} [{self.code}]"

    def as_dict(self) -> dict[str, object]:
        """Plain dict for the machine formats."""
        return {
            "file": self.file, "line": self.line, "col": self.col,
            "code": self.code, "severity": self.severity, "message": self.message,
        }


class PlanckError(Exception):
    """Raised by the core when input cannot be used; carries the findings that explain why."""

    def __init__(self, findings: list[Finding]):
        super().__init__("; ".join(str(f) for f in findings))
        self.findings = findings
