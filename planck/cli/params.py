"""Option values converted without a pydantic adapter per parameter (start-up, issue 27).

typer converts each parameter's value through a pydantic ``TypeAdapter`` that it builds on the
first use, for every parameter of the command, given or not: for ``check`` that is some twenty
adapters, pydantic's ``TypeAdapter`` module and its plugin loader (``importlib.metadata``) on
every run. Most values need nothing of that: an option left out is ``None``, a flag is already
a bool, a text option is the text as typed, a path option is a ``Path``. ``Quick`` gives those
values at once and hands every other case (a number, a choice, a parser, a value it was not
sure of, any error) to typer's own conversion, built then; so what a command receives and
every message it prints are typer's. tests/test_quick_params.py compares the two.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args, get_origin

from typer.core import TyperCommand

#: The shapes converted here; any other annotation goes to typer at once.
_TEXT, _PATH, _PATHS = "text", "path", "paths"


def _shape(descriptor: Any) -> str | None:
    info = descriptor.parameter_info
    if descriptor.file_annotation is not None or info.parser is not None or info.path_type:
        return None
    annotation = descriptor.annotation
    if annotation is str:
        return _TEXT
    if annotation is Path:
        return _PATH
    if get_origin(annotation) is list and get_args(annotation) == (Path,):
        return _PATHS
    return None


class Quick:
    """A typer parameter's runtime conversion (``coerce(value, param, ctx)``): quick for the
    common values, typer's own ``RuntimeParam`` for the rest."""

    __slots__ = ("_descriptor", "_shape", "_typer")

    def __init__(self, descriptor: Any) -> None:
        self._descriptor = descriptor
        self._shape = _shape(descriptor)
        self._typer: Any = None

    def _slow(self) -> Any:
        if self._typer is None:
            from typer._coercion import build_runtime_param

            self._typer = build_runtime_param(self._descriptor)
        return self._typer

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        if value is None:  # left out: typer's conversion gives () or None without an adapter
            return () if param.multiple or param.nargs == -1 else None
        shape = self._shape
        if shape == _TEXT and type(value) is str and not (param.multiple or param.nargs == -1):
            return value
        if shape is not None:
            try:
                if shape == _PATH and type(value) is str and param.nargs == 1 \
                        and not param.multiple:
                    return self._path(value, param, ctx)
                if shape == _PATHS and type(value) in (tuple, list) \
                        and all(type(v) is str for v in value):
                    return [self._path(v, param, ctx) for v in value]
            except Exception:  # noqa: BLE001, S110 - typer says it its own way, below
                pass
        return self._slow().coerce(value, param=param, ctx=ctx)

    def _path(self, value: str, param: Any, ctx: Any) -> Any:
        # typer's path conversion, given the Path its adapter would make of the text; the
        # checks it runs on it (a stat, read access) raise before anything differs
        from typer._param_types import coerce_cli_path

        return coerce_cli_path(Path(value), self._descriptor.parameter_info, path_type=Path,
                               param=param, ctx=ctx)


def quicken(params: list[Any]) -> list[Any]:
    """``params``, each typer parameter given a ``Quick`` conversion unless it has one
    (typer makes its own on first use); parameters typer does not convert are left alone."""
    for param in params:
        if getattr(param, "_runtime_param", False) is None and hasattr(param, "type_descriptor"):
            param._runtime_param = Quick(param.type_descriptor)
    return params


class QuickCommand(TyperCommand):
    """typer's command, its parameters converted by ``Quick`` (``--help`` included: click
    makes that option when the command first lists its parameters)."""

    def get_params(self, ctx: Any) -> list[Any]:
        return quicken(super().get_params(ctx))


def install(app: Any) -> None:
    """Every command of ``app`` made by typer's own class becomes a ``QuickCommand``."""
    for command in app.registered_commands:
        if command.cls is None or command.cls is TyperCommand:
            command.cls = QuickCommand
