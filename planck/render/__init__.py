"""Output formats: one registry of pure ``render(reports, ctx) -> str`` functions.

The CLI's ``--format`` choices are this registry's keys; adding a format touches one place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module

from planck.render.context import Context

# name -> "module:function"; modules are imported only when their format is used.
_REGISTRY: dict[str, str] = {
    "table": "planck.render.table:render",
    "json": "planck.render.json_:render",
    "markdown": "planck.render.markdown:render",
    "junit": "planck.render.junit:render",
    "github": "planck.render.github:render",
    "csv": "planck.render.csv_:render",
}

FORMATS: tuple[str, ...] = (*_REGISTRY, "auto")

Renderer = Callable[[Sequence, Context], str]


def get(name: str) -> Renderer:
    """The render function for a format name (not 'auto', which the CLI resolves)."""
    module, func = _REGISTRY[name].split(":")
    return getattr(import_module(module), func)


def names() -> tuple[str, ...]:
    """Concrete format names, without 'auto'."""
    return tuple(_REGISTRY)
