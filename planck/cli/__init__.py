"""Command line: parse, build, run, write, exit. The only code that prints or exits.

Exit codes: 0 ok, 1 a gate failed (a status in --fail-on, or a stale report), 2 invalid input
or usage. Heavy modules are imported inside the commands that need them.
"""

from __future__ import annotations

import os
import sys

from planck.cli import commands, data, diff, exchange, extract, reports, site  # noqa: F401 - registers the commands on the app
from planck.cli.common import INVALID, _err, app, parse_date, parse_statuses

__all__ = ["app", "main", "parse_date", "parse_statuses"]


def main() -> None:
    """Console-script entry point: a last-resort guard so no traceback reaches the user."""
    from planck.cli.stdout import BROKEN_PIPE, StdoutClosed, StdoutFailed, guard, silence

    guard()
    try:
        app(standalone_mode=True)
    except SystemExit:
        raise
    except StdoutClosed:
        silence()  # the reader has what it wanted: no message, the conventional code
        sys.exit(BROKEN_PIPE)
    except StdoutFailed as err:
        _err(f"planck: cannot write to stdout: {err}")
        silence()
        sys.exit(INVALID)
    except KeyboardInterrupt:
        _err("planck: interrupted")
        sys.exit(130)
    except Exception as err:  # noqa: BLE001 - a bug must still end in one line, not a traceback
        if os.environ.get("PLANCK_DEBUG"):
            raise
        _err(f"planck: internal error: {type(err).__name__}: {err} "
             "(a bug in planck: please report it; PLANCK_DEBUG=1 shows the traceback)")
        sys.exit(INVALID)
