"""Issue 9, classes 2–10: hostile values, special files, paths, numbers, positions, hangs.

Class 1 and 5 (escaping of every output) are in tests/test_injection.py; the refused example
files are in tests/examples/invalid and run through the CLI by tests/test_hostile.py.
"""

from __future__ import annotations

import json

import pytest
from conftest import base_targets, target

from planck.read.loader import parse

# --- class 2: control characters in decoded strings ------------------------------------------

BAD = ["\x00", "\x07", "\x08", "\x1b", "\r", "\x7f", "\x85", "\x9b", "\u2028", "\u2029",
       "\u202e", "\u2066"]


def _doc(**city) -> str:
    doc = base_targets()
    doc["city"].update(city)
    doc["targets"] = [target("firms-2025", "firms", "at_least", value=1600, unit="家")]
    return json.dumps(doc, ensure_ascii=True)  # JSON is YAML: "\\u001b" is a YAML escape too


@pytest.mark.parametrize("char", BAD + ["\n", "\t"])
def test_escaped_control_characters_are_refused_in_names(char):
    loaded = parse(_doc(name_en=f"Test{char}city"), "t.yaml")
    assert not loaded.ok
    [f] = loaded.findings
    assert f.code == "control-char" and f"U+{ord(char):04X}" in f.message
    assert (f.line, f.col) == (1, _doc(name_en=f"Test{char}city").index('"Test') + 1)


@pytest.mark.parametrize("char", BAD)
def test_escaped_control_characters_are_refused_in_quotes(char):
    doc = json.loads(_doc())
    doc["targets"][0]["quote"] = f"不少于{char}1600家"
    loaded = parse(json.dumps(doc), "t.yaml")
    assert [f.code for f in loaded.findings] == ["control-char"]


def test_line_feed_and_tab_stay_allowed_in_free_text():
    doc = json.loads(_doc())
    doc["targets"][0]["quote"] = "第一行\n第二行\t续"
    doc["targets"][0]["note"] = "a\tb\nc"
    assert parse(json.dumps(doc), "t.yaml").ok


def test_block_scalar_quote_loads_on_both_paths():
    text = "planck: 1\nquote: |\n  第一行\n  第二行\nname: \"a\\tb\"\n"
    loaded = parse(text, "t.yaml")
    assert not loaded.ok and loaded.findings[0].line == 5  # the tab in a name, not the quote
