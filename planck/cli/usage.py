"""Usage errors in planck's own style: one line ``planck CMD: message`` on stderr, exit 2.

typer (through click) reports an unknown option, a missing argument, a bad value, an unknown
command or an extra argument with a multi-line ``Usage: … Try '… --help' … Error: …`` box.
``PlanckGroup`` (the app's group class) turns every such error into one line shaped like
planck's own (``planck check: no such option '--fromat' (did you mean '--format'?)``), keeping
click's suggestion, before typer shows it; typer's standalone handling then exits with 2.
``planck`` alone still prints the help (on stderr, exit 2: a command is missing).
"""

from __future__ import annotations

import errno
import sys
from difflib import get_close_matches
from typing import Any

from typer.core import TyperGroup

try:  # typer >= 0.22 parses with its own copy of click; older ones use click itself
    from typer._click import exceptions as _click_errors
except ImportError:  # pragma: no cover - depends on the installed typer
    from click import exceptions as _click_errors  # type: ignore[no-redef]

ClickException = _click_errors.ClickException
UsageError = _click_errors.UsageError
NoArgsIsHelpError = _click_errors.NoArgsIsHelpError
NoSuchOption = _click_errors.NoSuchOption


#: Errors that say a path given to planck cannot be used at all (not a bug in planck).
_PATH_ERRNOS = frozenset({errno.ENAMETOOLONG, errno.ELOOP})


def _running(ctx: Any) -> str:
    """``planck CMD``: the command that was running."""
    sub = ctx.invoked_subcommand
    return f"{_command_path(ctx)} {sub}" if sub else _command_path(ctx)


class OneLineUsageError(UsageError):
    """A usage error already worded as planck's one line; ``show`` writes just that line."""

    exit_code = 2

    def __init__(self, line: str) -> None:
        super().__init__(line)

    def show(self, file: Any = None) -> None:
        from planck.escape import log

        # The message quotes what the user typed: one line, control characters made visible.
        (file or sys.stderr).write(log(self.message) + "\n")


def _suggest(choices: list[str]) -> str:
    return " (did you mean " + " or ".join(repr(c) for c in choices) + "?)" if choices else ""


def _command_path(ctx: Any) -> str:
    """``planck`` then the subcommand names: the same prefix whether run as ``planck``,
    ``python -m planck`` or through a test runner (click's own path starts with argv[0])."""
    names = []
    while ctx is not None and ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(["planck", *reversed([n for n in names if n])])


def one_line(err: Any, where: str | None = None) -> str:
    """``err`` (a click/typer exception) as ``planck CMD: message``, without click's box;
    ``where`` names the command when the error carries no context."""
    if getattr(err, "ctx", None) is not None or where is None:
        where = _command_path(getattr(err, "ctx", None))
    if isinstance(err, NoSuchOption):
        found = [str(p) for p in (err.possibilities or [])]
        return f"{where}: no such option {err.option_name!r}{_suggest(found)}"
    text = " ".join(err.format_message().split())  # one line, whatever click wrapped
    if text[:1].isupper() and text[1:2].islower():
        text = text[0].lower() + text[1:]  # 'Missing argument' -> 'missing argument'; 'CITY' stays
    return f"{where}: {text.rstrip('.')}"


class PlanckGroup(TyperGroup):
    """The app's group: every usage error raised while parsing (the group's own options, the
    command name, then the command's options and arguments) becomes a ``OneLineUsageError``."""

    def get_params(self, ctx: Any) -> list[Any]:
        from planck.cli.params import quicken

        return quicken(super().get_params(ctx))

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except UsageError as err:
            name = args[0] if args else ""
            if not name or name in self.commands or isinstance(err, NoSuchOption):
                raise  # not an unknown command: make_context/invoke word it
            near = get_close_matches(name, list(self.commands))
            hint = _suggest(near) or f" (see '{_command_path(ctx)} --help')"
            raise OneLineUsageError(f"{_command_path(ctx)}: no such command {name!r}{hint}") from None

    def make_context(self, info_name: Any, args: list[str], parent: Any = None, **extra: Any) -> Any:
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except (NoArgsIsHelpError, OneLineUsageError):
            raise  # 'planck' alone: the help, as click prints it
        except ClickException as err:
            raise OneLineUsageError(one_line(err)) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (NoArgsIsHelpError, OneLineUsageError):
            raise
        except OSError as err:
            # a path the system cannot use, wherever a command first touches it (a name over
            # 255 bytes, a symlink loop): the user's input, so one line and exit 2
            if err.errno not in _PATH_ERRNOS:
                raise
            name = err.filename if err.filename is not None else "a path"
            raise OneLineUsageError(f"{_running(ctx)}: {name}: {err.strerror or err}") from None
        except RuntimeError as err:
            if "Symlink loop" not in str(err):  # pathlib's word for ELOOP before Python 3.13
                raise
            raise OneLineUsageError(f"{_running(ctx)}: {err}") from None
        except ClickException as err:
            # Some parser errors ('--format' without its value) carry no context: the
            # command being parsed is the one the group chose.
            sub = ctx.invoked_subcommand
            where = f"{_command_path(ctx)} {sub}" if sub else None
            raise OneLineUsageError(one_line(err, where)) from None
