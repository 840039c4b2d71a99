"""Every command's --format and --lang choices come from the one registry (planck.choices): the
choices a command accepts and lists in its usage error, and the ones its help names, are the
registry's, for every command that has the option."""

from __future__ import annotations

import pytest

from planck.choices import FORMATS, LANGS, RENDERERS, listed, listed_langs

#: Arguments that bring each command to its option checks (a city, a file to read, a date).
ARGS = {
    "check": ["luoyang"],
    "compare": ["high-tech-enterprises"],
    "diff": ["luoyang", "--from", "2024-01-01"],
    "harvest": ["README.md"],
    "report": ["luoyang", "-o", "-"],
    "export": ["luoyang", "-o", "-"],
    "explain": ["luoyang", "ly-hte"],
    "list": [],
    "validate": ["targets"],
    "site": ["--output", "site-out"],
}


def _commands() -> dict:
    """Command name → its click command (typer's own click classes)."""
    from typer.main import get_command

    from planck.cli import full_app

    return dict(get_command(full_app()).commands)  # type: ignore[attr-defined]


def _option(command, name: str):
    return next((p for p in command.params
                 if p.param_type_name == "option" and name in p.opts), None)


def test_every_format_option_is_in_the_registry():
    with_format = {name for name, c in _commands().items() if _option(c, "--format")}
    assert with_format == set(FORMATS)


@pytest.mark.parametrize("command", sorted(FORMATS))
def test_format_help_names_the_registry_choices(command):
    option = _option(_commands()[command], "--format")
    assert option is not None and option.help is not None
    assert option.help.startswith(listed(FORMATS[command])), option.help


@pytest.mark.parametrize("command", sorted(FORMATS))
def test_an_unknown_format_lists_the_registry_choices(invoke, command):
    res = invoke(command, *ARGS[command], "--format", "yaml")
    assert res.exit_code == 2 and res.stdout == "", res.stderr
    assert res.stderr.rstrip().endswith(f"--format: 'yaml' is not one of {', '.join(FORMATS[command])}")


def test_check_renders_every_registered_format_but_auto():
    from planck.render import names

    assert FORMATS["check"] == (*names(), "auto") and names() == tuple(RENDERERS)


def _with_lang() -> list[str]:
    return sorted(name for name, c in _commands().items() if _option(c, "--lang"))


def test_lang_options_are_known():
    assert set(_with_lang()) <= set(ARGS), "a new command with --lang needs its ARGS here"


@pytest.mark.parametrize("command", _with_lang())
def test_lang_help_names_the_registry_languages(command):
    option = _option(_commands()[command], "--lang")
    assert option is not None and option.help is not None
    assert listed_langs() in option.help, option.help


@pytest.mark.parametrize("command", _with_lang())
def test_an_unknown_language_lists_the_registry_languages(invoke, command, tmp_path, monkeypatch):
    from conftest import ROOT

    monkeypatch.chdir(tmp_path)
    args = [a if a not in ("README.md", "targets") else str(ROOT / a) for a in ARGS[command]]
    res = invoke(command, *args, "--lang", "fr", "--targets-dir", str(ROOT / "targets"))
    assert res.exit_code == 2 and res.stdout == "", res.stderr
    assert res.stderr.rstrip().endswith(f"--lang: 'fr' is not one of {', '.join(LANGS)}")
    assert not any(tmp_path.iterdir()), "a refused command wrote something"


#: Extra arguments a format needs (harvest's csv proposes records, so it needs a city).
NEEDS = {("harvest", "csv"): ["--city", "luoyang"]}


@pytest.mark.parametrize("command,fmt", [(c, f) for c in sorted(FORMATS) if c != "check"
                                         for f in FORMATS[c]])
def test_every_registered_format_is_accepted(invoke, command, fmt, tmp_path, monkeypatch):
    """No choice listed without its output: each format runs (check's are run against the
    golden files in test_render)."""
    from conftest import ROOT

    monkeypatch.chdir(tmp_path)
    args = [str(ROOT / a) if a in ("README.md", "targets") else a for a in ARGS[command]]
    if (command, fmt) == ("report", "docx"):
        args = ["luoyang", "--reports-dir", str(tmp_path)]
    res = invoke(command, *args, "--format", fmt, *NEEDS.get((command, fmt), []),
                 "--targets-dir", str(ROOT / "targets"))
    assert res.exit_code in (0, 1), res.stderr
    assert "is not one of" not in res.stderr
