"""``frozen``: a frozen dataclass whose comparison, hash and repr are made without generated code.

``@dataclass(frozen=True)`` writes each method it adds as Python source and compiles it: six
compilations a class (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``,
``__delattr__``; four more with ``order``), about 5 M instructions a class. ``check`` creates
some twenty-five of them at every start (issue 27). Here ``dataclasses`` still writes
``__init__`` and the frozen ``__setattr__``/``__delattr__``; ``__repr__``, ``__eq__``,
``__hash__`` and the order methods are closures over the fields' names, made without compiling
anything, and behave as dataclasses' own (tests/test_frozen.py compares them on every class
that uses this). ``dataclasses.fields``, ``replace`` and ``asdict`` work as on any dataclass.

A class that defines one of those methods itself gets ``dataclasses``' own treatment.
``__dataclass_params__`` says ``eq=False, repr=False``: the methods are there, but not
dataclasses' doing.
"""

from __future__ import annotations

from _thread import get_ident
from collections.abc import Callable
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")

_OWN = ("__repr__", "__eq__", "__hash__", "__lt__", "__le__", "__gt__", "__ge__")


def _values(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """An object's values of ``names``, always as a tuple (as dataclasses compare them: a
    tuple holding the same NaN twice is equal to itself, NaN alone is not)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _repr(names: tuple[str, ...]) -> Callable[[Any], str]:
    running: set[tuple[int, int]] = set()

    def __repr__(self: Any) -> str:
        key = (id(self), get_ident())
        if key in running:  # the object inside itself
            return "..."
        running.add(key)
        try:
            inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in names)
        finally:
            running.discard(key)
        return f"{self.__class__.__qualname__}({inner})"

    return __repr__


def _compare(values: Callable[[Any], tuple[Any, ...]],
             op: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    def method(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return op(values(self), values(other))
        return NotImplemented

    return method


def _add_methods(cls: type[T], order: bool) -> type[T]:
    import operator

    every = fields(cls)  # type: ignore[arg-type]
    compared = tuple(f.name for f in every if f.compare)
    hashed = tuple(f.name for f in every if (f.compare if f.hash is None else f.hash))
    by_compared, by_hashed = _values(compared), _values(hashed)
    methods: dict[str, Callable[..., Any]] = {
        "__repr__": _repr(tuple(f.name for f in every if f.repr)),
        "__eq__": _compare(by_compared, operator.eq),
        "__hash__": lambda self: hash(by_hashed(self)),
    }
    if order:
        methods.update({f"__{op}__": _compare(by_compared, getattr(operator, op))
                        for op in ("lt", "le", "gt", "ge")})
    for name, method in methods.items():
        method.__name__ = name
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)
    return cls


@overload
def frozen(cls: type[T], /) -> type[T]: ...


@overload
def frozen(*, kw_only: bool = False, order: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True)
def frozen(cls: type[T] | None = None, /, *, kw_only: bool = False,
           order: bool = False) -> type[T] | Callable[[type[T]], type[T]]:
    """``@dataclass(frozen=True, kw_only=…, order=…)``, its other methods made as closures."""

    def wrap(cls: type[T]) -> type[T]:
        if any(name in cls.__dict__ for name in _OWN):
            return dataclass(frozen=True, kw_only=kw_only, order=order)(cls)
        built = dataclass(frozen=True, kw_only=kw_only, eq=False, repr=False)(cls)
        return _add_methods(built, order)

    return wrap if cls is None else wrap(cls)
