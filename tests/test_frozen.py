"""planck/frozen.py: ``@frozen`` classes compare, hash, order and print as dataclasses' own.

Each method is checked against the one ``dataclasses`` makes for the same fields (a twin made
with ``make_dataclass``, its methods called on planck's objects): on every object of every
``@frozen`` class in a real report and a real validation, and on small classes made here.
"""

from __future__ import annotations

import dataclasses
import math
import sys
from dataclasses import field, fields, make_dataclass, replace
from typing import Any

import pytest
from conftest import TARGETS

from planck.frozen import frozen

_ORDER = ("__lt__", "__le__", "__gt__", "__ge__")


def twin(cls: type) -> type:
    """A dataclass with ``cls``'s fields and flags, made by ``dataclasses`` itself."""
    spec = [(f.name, Any, field(repr=f.repr, compare=f.compare, hash=f.hash))
            for f in fields(cls)]
    return make_dataclass(cls.__name__, spec, frozen=True,
                          order=hasattr(cls, "__lt__") and cls.__lt__ is not object.__lt__)


def outcome(call, *args):
    try:
        return ("value", call(*args))
    except Exception as err:  # noqa: BLE001 - the error is what is compared
        return ("error", type(err).__name__)


def same_behaviour(obj: Any, others: list[Any]) -> None:
    cls, ref = type(obj), twin(type(obj))
    assert repr(obj) == ref.__repr__(obj)
    assert outcome(hash, obj) == outcome(ref.__hash__, obj)
    for other in [obj, replace(obj), *others, object(), None]:
        assert (obj == other) == (ref.__eq__(obj, other) is True)
        assert cls.__eq__(obj, other) == ref.__eq__(obj, other)
        if cls.__dict__.get("__lt__") is not None:
            for op in _ORDER:
                assert outcome(getattr(cls, op), obj, other) == outcome(getattr(ref, op),
                                                                         obj, other)


def frozen_objects(root: Any) -> dict[type, list[Any]]:
    """Every object of a ``@frozen`` class reachable from ``root``."""
    found: dict[type, list[Any]] = {}
    seen: set[int] = set()
    stack = [root]
    while stack:
        obj = stack.pop()
        if id(obj) in seen or obj is None or isinstance(obj, (str, int, float, bytes)):
            continue
        seen.add(id(obj))
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            if type(obj).__eq__.__module__ == "planck.frozen":
                found.setdefault(type(obj), []).append(obj)
            stack += [getattr(obj, f.name) for f in fields(obj)]
        elif isinstance(obj, dict):
            stack += list(obj.keys()) + list(obj.values())
        elif isinstance(obj, (list, tuple, set, frozenset)):
            stack += list(obj)
    return found


def test_every_frozen_object_of_a_report_and_a_validation_behaves_as_a_dataclass():
    from planck.judge.evaluate import default_as_of, evaluate
    from planck.read.checkfiles import validate_paths
    from planck.read.dataset import load_city
    from planck.render.context import Context
    from planck.render.table import CORE

    data = load_city("luoyang", TARGETS)
    report = evaluate(data, default_as_of(data))
    _, findings = validate_paths([TARGETS], None, None)
    found = frozen_objects([data, report, findings, CORE, Context(lang="en")])
    from planck.findings import Finding

    found.setdefault(Finding, []).extend([Finding("b.yaml", 2, 1, "x", "late"),
                                          Finding("a.yaml", 9, 9, "y", "early", "warning")])
    assert len(found) >= 15, sorted(c.__name__ for c in found)  # the walk reached them
    for objs in found.values():
        for obj in objs[:40]:
            same_behaviour(obj, objs[:5])


def test_every_frozen_class_of_planck_is_reached_or_listed():
    # the classes made with @frozen in the modules check and validate import
    import planck.judge.select  # noqa: F401 - imported for its classes
    import planck.render.table  # noqa: F401

    made = {c for m in list(sys.modules.values()) if m and m.__name__.startswith("planck")
            for c in vars(m).values()
            if isinstance(c, type) and c.__module__ == m.__name__
            and dataclasses.is_dataclass(c) and c.__eq__.__module__ == "planck.frozen"}
    assert len(made) >= 20, made


@frozen
class _Nothing:
    pass


@frozen
class _One:
    x: float


@frozen(kw_only=True, order=True)
class _Mixed:
    a: float
    hidden: list[int] = field(default_factory=list, repr=False)
    loose: str = field(default="", compare=False)
    unhashed: int = field(default=0, hash=False)
    inner: Any = None


@pytest.mark.parametrize("obj, others", [
    (_Nothing(), [_Nothing()]),
    (_One(math.nan), [_One(math.nan), _One(1.0)]),
    (_One(2.0), [_One(2.0), _One(3.0)]),
    (_Mixed(a=1.0, loose="x"), [_Mixed(a=1.0, loose="y"), _Mixed(a=0.5), _Mixed(a=1.0,
                                                                                  unhashed=2)]),
    (_Mixed(a=1.0, hidden=[1]), [_Mixed(a=1.0, hidden=[2])]),
], ids=["no-field", "nan", "one-field", "flags", "unhashable"])
def test_small_classes_behave_as_dataclasses(obj, others):
    same_behaviour(obj, others)


def test_an_object_inside_itself_prints_as_dataclasses_print_it():
    outer = _Mixed(a=1.0, inner=[])
    outer.inner.append(outer)
    theirs = twin(_Mixed)(a=1.0, hidden=[], loose="", unhashed=0, inner=[])
    theirs.inner.append(theirs)
    assert repr(outer) == repr(theirs) == "_Mixed(a=1.0, loose='', unhashed=0, inner=[...])"


def test_a_frozen_class_stays_frozen_and_keeps_dataclass_tools():
    one = _One(1.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.x = 2.0  # type: ignore[misc]
    assert replace(one, x=3.0) == _One(3.0)
    assert dataclasses.asdict(_Mixed(a=2.0))["a"] == 2.0
    assert _One.__eq__.__qualname__ == f"{_One.__qualname__}.__eq__"


def test_a_class_with_a_method_of_its_own_is_left_to_dataclasses():
    @frozen
    class Own:
        x: int

        def __repr__(self) -> str:
            return "mine"

    assert repr(Own(1)) == "mine"
    assert Own.__eq__.__module__ != "planck.frozen"
    assert Own(1) == Own(1) and hash(Own(1)) == hash(Own(1))
