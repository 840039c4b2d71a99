"""Command line: parse, build, run, write, exit. The only code that prints or exits.

Exit codes: 0 ok, 1 a gate failed (a status in --fail-on, or a stale report), 2 invalid input
or usage. Heavy modules are imported inside the commands that need them.

Each command is defined in one module of this package, which registers it on the typer app
when imported. ``planck COMMAND …`` imports only that module and builds only that command:
typer builds the parameters of every registered command on each run, and start-up time is
what a user feels most (issue 14). Help, completion, an unknown command and the tests get the
whole app (``planck.cli.app``).
"""

from __future__ import annotations

import os
import sys
from importlib import import_module
from typing import TYPE_CHECKING, Any

from planck.cli.common import INVALID, _err, parse_date, parse_statuses

if TYPE_CHECKING:  # pragma: no cover
    import typer

__all__ = ["COMMANDS", "app", "app_for", "full_app", "main", "parse_date", "parse_statuses"]

#: The module of this package that defines each command (a test checks it against the app).
COMMANDS = {
    "check": "commands", "validate": "commands", "list": "commands", "explain": "commands",
    "record": "data", "import": "data", "diff": "diff_command", "export": "exchange", "new": "exchange",
    "extract": "extract", "harvest": "harvest", "report": "reports", "compare": "reports", "site": "site",
}


def full_app() -> typer.Typer:
    """The app with every command registered."""
    for module in sorted(set(COMMANDS.values())):
        import_module(f"planck.cli.{module}")
    from planck.cli.common import app
    from planck.cli.helptext import install
    from planck.cli.params import install as quick

    install(app)
    quick(app)
    return app


def __getattr__(name: str) -> Any:
    # ``from planck.cli import app`` (tests, the typer runner) gets every command.
    if name == "app":
        return full_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _completing() -> bool:
    # click's completion protocol: the shell sets _PLANCK_COMPLETE (named after the program).
    return any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ)


def app_for(args: list[str]) -> typer.Typer:
    """The app to run for these arguments: when the first one names a command, an app with
    that command alone (same callback, options and settings); otherwise the whole app."""
    import copy

    from typer.main import get_command_name

    name = args[0] if args else ""
    module = COMMANDS.get(name)
    if module is None or _completing():
        return full_app()
    import_module(f"planck.cli.{module}")
    from planck.cli.common import app
    from planck.cli.helptext import install
    from planck.cli.params import install as quick

    install(app)
    quick(app)
    narrow = copy.copy(app)  # shallow: the registered commands list is replaced, not changed
    narrow.registered_commands = [
        c for c in app.registered_commands
        if (c.name or get_command_name(c.callback.__name__ if c.callback else "")) == name]
    return narrow


def _terminate_cleanly() -> None:
    """SIGTERM (a CI job cancelled, ``timeout``) ends planck as SIGINT does: by an exception,
    so every ``finally`` runs and no temporary file or ``planck-rev-*`` copy is left."""
    import signal

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    try:
        signal.signal(signal.SIGTERM, stop)
    except (ValueError, OSError, AttributeError):  # not the main thread, or no SIGTERM
        pass


def main() -> None:
    """Console-script entry point: a last-resort guard so no traceback reaches the user."""
    from planck.cli.stdout import BROKEN_PIPE, StdoutClosed, StdoutFailed, guard, silence

    guard()
    _terminate_cleanly()
    try:
        app_for(sys.argv[1:])(standalone_mode=True)
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
