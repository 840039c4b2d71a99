"""Output formats of ``check``: pure ``render(reports, ctx) -> str`` functions, found through
the one registry of choices (``planck.choices.RENDERERS``); adding a format touches that entry
and its module."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module

from planck.choices import FORMATS as _CHOICES
from planck.choices import RENDERERS as _REGISTRY
from planck.render.context import Context

FORMATS: tuple[str, ...] = _CHOICES["check"]

Renderer = Callable[[Sequence, Context], str]


def get(name: str) -> Renderer:
    """The render function for a format name (not 'auto', which the CLI resolves)."""
    module, func = _REGISTRY[name].split(":")
    return getattr(import_module(module), func)


def names() -> tuple[str, ...]:
    """Concrete format names, without 'auto'."""
    return tuple(_REGISTRY)
