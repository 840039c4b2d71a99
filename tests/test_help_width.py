"""Help fits the terminal in columns (a Chinese character takes two), breaks only between
words or wide characters, and `planck --help` gives each command's first clause whole."""

from __future__ import annotations

import re

import pytest

from planck.cli import COMMANDS
from planck.cli.helptext import columns, summary, wrap


@pytest.mark.parametrize("command", ["", *COMMANDS])
@pytest.mark.parametrize("width", ["80"])
def test_every_help_text_fits_the_terminal_in_columns(invoke, command, width):
    args = [command, "--help"] if command else ["--help"]
    text = invoke(*args, env={"COLUMNS": width}).stdout
    assert text.startswith("Usage:")
    too_wide = [ln for ln in text.splitlines() if columns(ln) > int(width)
                and not ln.lstrip().startswith("Usage:")]  # the usage line is click's
    assert not too_wide, too_wide


def test_the_command_list_gives_each_first_clause_whole(invoke):
    import typer.main

    from planck.cli import app

    text = invoke("--help", env={"COLUMNS": "80"}).stdout
    listing = text[text.index("Commands:"):]
    assert "..." not in listing
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        first = summary(command.callback.__doc__ if command.callback else None)
        assert first and " ".join(first.split()[:3]) in " ".join(listing.split()), name
        assert not first.endswith((";", ":", ","))


def test_wrapping_breaks_between_words_or_wide_characters_only():
    text = ("The gate judges only targets of these attributes, comma-separated: binding (约束性), "
            "expected (预期性), unstated; --fail-on-attribute binding fails only on binding targets.")
    for width in range(20, 90, 7):
        lines = wrap(text, width)
        assert all(columns(ln) <= width for ln in lines), (width, lines)
        words = [w for w in re.split(r"\s+", text) if w.isascii()]
        assert all(any(w in ln for ln in lines) for w in words), width  # no word cut
        assert "".join("".join(lines).split()) == "".join(text.split())  # nothing lost
        assert not any(ln.lstrip()[:1] in "，。、）)," for ln in lines[1:] if ln.strip())


@pytest.mark.parametrize(("doc", "first"), [
    ("Evaluate a city's targets; exit 1 when …", "Evaluate a city's targets"),
    ("Import observations from a table (columns: docs/format.md). Every bad cell …",
     "Import observations from a table (columns: docs/format.md)"),
    ("One indicator across cities: each city's target(s).", "One indicator across cities"),
    ("Every number behind one target's verdict.", "Every number behind one target's verdict"),
])
def test_summary_is_the_first_clause(doc, first):
    assert summary(doc) == first
