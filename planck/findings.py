"""Findings: problems in the input, as values with a 1-based file:line:col."""

from __future__ import annotations

import re

from planck.frozen import frozen

#: Longest message kept in a finding; longer ones (huge keys or values) are cut.
MAX_MESSAGE = 400

# Characters that end a line for a terminal or for str.splitlines(), and other controls.
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(message: str) -> str:
    """A message safe to print as one line: breaks and controls escaped, length capped."""
    text = _BREAKS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), message)
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in a text."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@frozen(order=True)
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
