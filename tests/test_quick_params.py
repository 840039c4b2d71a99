"""planck/cli/params.py: ``Quick`` converts option values as typer's own conversion does.

Every parameter of every command (and the app's own options) is given the same values through
``Quick`` and through typer's ``RuntimeParam``: the same value comes out, or the same error.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer._coercion import build_runtime_param
from typer.main import get_command

from planck.cli import full_app
from planck.cli.params import Quick, QuickCommand


def _params():
    group = get_command(full_app())
    out = [(group, p) for p in group.params]
    for command in group.commands.values():
        out += [(command, p) for p in command.params]
    # one parameter of each kind: typer converts two parameters of the same kind alike
    kinds = {}
    for c, p in out:
        if hasattr(p, "type_descriptor"):
            info = p.type_descriptor.parameter_info
            kind = (repr(p.type_descriptor.annotation), type(p).__name__, p.multiple, p.nargs,
                    p.is_flag if hasattr(p, "is_flag") else None,
                    *(repr(getattr(info, a, None)) for a in (
                        "parser", "min", "max", "clamp", "exists", "file_okay", "dir_okay",
                        "readable", "writable", "resolve_path", "allow_dash", "path_type")))
            kinds.setdefault(kind, (c, p))
    return list(kinds.values())


PARAMS = _params()


def _outcome(runtime, value, param, command):
    ctx = command.context_class(command, info_name=command.name)
    try:
        got = runtime.coerce(value, param=param, ctx=ctx)
    except Exception as err:  # noqa: BLE001 - the error itself is what is compared
        return ("error", type(err).__name__, str(err))
    return ("value", type(got).__name__, repr(got))  # repr: nan is not equal to itself


texts = st.one_of(st.text(max_size=12), st.sampled_from(
    ["", "-", ".", "/", "targets", "targets/", "./targets//", "luoyang", "0", "1.5", "-3",
     "true", "nan", "滞后", "\udcff", "a\x00b", "/dev/null", "/proc/1/root", "x" * 300]))
values = st.one_of(st.none(), st.booleans(), texts, st.lists(texts, max_size=3).map(tuple),
                   st.lists(texts, max_size=3), st.integers(), st.floats(allow_nan=False))


@pytest.mark.parametrize(("command", "param"), PARAMS,
                         ids=[f"{c.name}-{p.name}" for c, p in PARAMS])
@given(value=values)
def test_quick_converts_as_typer_does(command, param, value):
    quick = Quick(param.type_descriptor)
    typer_own = build_runtime_param(param.type_descriptor)
    assert _outcome(quick, value, param, command) == _outcome(typer_own, value, param, command)


def test_a_path_typer_refuses_is_refused_in_its_words(tmp_path, monkeypatch):
    # typer checks a path option is readable and names it as typed ('x//', not 'x')
    (tmp_path / "x").write_text("x")
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    command, param = next((c, p) for c, p in PARAMS if p.name == "paths")
    value = (str(tmp_path / "x") + "//",)
    quick, typer_own = Quick(param.type_descriptor), build_runtime_param(param.type_descriptor)
    got = _outcome(quick, value, param, command)
    assert got == _outcome(typer_own, value, param, command)
    assert got[0] == "error" and "x//' is not readable" in got[2]


def test_every_command_of_the_app_is_a_quick_command():
    group = get_command(full_app())
    assert {type(c) for c in group.commands.values()} == {QuickCommand}


def test_the_values_a_run_gives_need_no_typer_conversion(monkeypatch):
    # check's and validate's usual values (none, flags, text, paths) are Quick's own: typer's
    # RuntimeParam (a pydantic adapter) is never built for them
    import planck.cli.params as params

    built = []
    monkeypatch.setattr(Quick, "_slow", lambda self: built.append(self) or None)
    group = get_command(full_app())
    for name, args in (("check", ["luoyang", "-f", "json", "--measured", "m.yaml", "--lang",
                                  "zh", "--targets-dir", "targets", "--wide"]),
                       ("validate", ["targets", str(Path("targets") / "x.yaml"),
                                     "--sources", "."])):
        command = group.commands[name]
        ctx = command.make_context(name, list(args), parent=group.make_context("planck", [name]))
        assert ctx.params, name
    assert built == [], params
