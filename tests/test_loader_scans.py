"""The loader's pre-parse scans and the string check are cheap, and decide as the plain rules do.

Issue 27: the scans before parsing (anchors, tags, nesting, long numbers) and the control
character check after it cost about a third of a file's parse. They now jump from sign to
sign, look only at lines that hold a bracket, and check the strings collected while the tree
is built. Each rule is written out here in its plain, slow form (the one planck used before),
and the fast form must answer the same on any text.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from planck.read import fastyaml, loader
from planck.read.strings import check_strings, clean

MAX_DEPTH = loader.MAX_DEPTH


def plain_blocked(text: str) -> bool:
    """The rule: a possible anchor, alias, tag or merge key; a line whose brackets do not
    balance; or nesting that the prefixes and brackets per line could take past MAX_DEPTH."""
    prop = re.compile(r"(?:^|[\s,\[\]{}:\ufeff])[&*!][^\s,\[\]{}]", re.MULTILINE)
    if prop.search(text) or "<<" in text:
        return True
    openers = 0
    for line in text.splitlines():
        count = line.count("[") + line.count("{")
        if count != line.count("]") + line.count("}"):
            return True
        openers = max(openers, count)
    prefix = max(map(len, re.findall(r"^[ \t?:-]*", text, re.MULTILINE)), default=0)
    return 2 * prefix + 2 + openers > MAX_DEPTH


def plain_long_digits(text: str) -> int | None:
    """Where the first too-long number starts (its digits), if any."""
    match = re.search(r"(?:^|[:\-\[,{?])[ \t]*[-+]?(\d{40,})", text, re.MULTILINE)
    return match.start(1) if match else None


# Texts made of what the rules look at: separators, indicators, brackets, signs, digits, every
# line break str.splitlines knows, and CJK.
PIECES = st.sampled_from([" ", "  ", "\t", "\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x85",
                          "\u2028", "\u3000", "\ufeff", "-", "- ", "? ", ": ", ":", ",", "[", "]",
                          "{", "}", "&", "*", "!", "&a", "*a", "!t", "<<", "R&D", "a", "名称",
                          "1", "9" * 39, "9" * 40, "-" + "9" * 41, "٣" * 40, "１" * 41,
                          " " * 19, " " * 20, "- " * 10, "[" * 20, "]" * 20])
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@settings(deadline=None)
@given(TEXTS)
@example("a: [1, 2]\r\n" + " " * 19 + "b: 1\r\n")
@example("x:\r" + "- " * 30 + "1\n")
@example("[a\r]\n")
@example(" " * 19 + "\n" + "[" * 2 + "]" * 2)
def test_the_fast_scan_blocks_exactly_what_the_rule_blocks(text):
    assert loader._fast_blocked(text) == plain_blocked(text)


@settings(deadline=None)
@given(TEXTS)
@example("\n-" + "9" * 40)
@example("a: +" + "１" * 40)
def test_long_numbers_and_raw_breaks_are_found_where_the_rule_finds_them(text):
    refused = loader._prescan(text, "f.yaml")
    raw = re.search("[\x85\u2028\u2029]", text)
    digits = plain_long_digits(text)
    if raw:
        assert refused is not None and refused.findings[0].code == "control-char"
    elif digits is not None:
        assert refused is not None and refused.findings[0].code == "schema"
        assert (refused.findings[0].line, refused.findings[0].col) == loader._pos(text, digits)
    else:
        assert refused is None


@settings(deadline=None)
@given(TEXTS)
def test_deep_bracket_runs_are_found_where_the_rule_finds_them(text):
    match = loader._deep_brackets(text)
    expected = loader._BRACKETS.search(text)
    assert (match and match.span()) == (expected and expected.span())


# Strings with and without what check_strings refuses, in keys, short values, free text and
# lists under a free-text key.
STRING = st.sampled_from(["ok", "名称", "a\tb", "a\nb", "\x1b[31m", "\x85", "\u2028", "\u202e",
                          "\x00", "\x7f", "tab\there"])


@settings(deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["name", "quote", "note", "list", "notes", "k\x07"]),
                          STRING, st.booleans()), min_size=1, max_size=5, unique_by=lambda t: t[0]))
def test_strings_gathered_while_building_say_what_the_tree_walk_says(entries):
    lines = []
    for key, value, listed in entries:
        quoted = value.encode("unicode_escape").decode("ascii").replace('"', '\\"')
        spelt = f'"{key.encode("unicode_escape").decode("ascii")}"'
        lines.append(f'{spelt}:\n  - "{quoted}"\n' if listed else f'{spelt}: "{quoted}"\n')
    built = fastyaml.parse_with_strings("".join(lines))
    assert built is not None
    data, strings = built
    assert clean(strings) == (check_strings(data, "f.yaml") == [])
    assert sorted(strings.short + strings.free) == sorted(
        [k for k, _, _ in entries] + [v for _, v, _ in entries])


def test_the_fast_path_reports_a_control_character_at_its_value():
    text = 'planck: 1\ncity:\n  id: x\n  name_zh: "洛\\e阳"\n'
    loaded = loader.parse(text, "f.yaml")
    assert [(f.line, f.col, f.code) for f in loaded.findings] == [(4, 12, "control-char")]


@settings(deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["name", "quote", "note", "unit", "REVIEW"]),
                          st.sampled_from(["REVIEW", " REVIEW ", "REVIEWED", "ok", "RE", "VIEW"]),
                          st.booleans()), min_size=1, max_size=5, unique_by=lambda t: t[0]))
def test_the_gathered_strings_find_every_review_placeholder_the_walk_finds(entries):
    from planck.read.strings import review_placeholders

    text = "".join(f'{k}:\n  - "{v}"\n' if listed else f'{k}: "{v}"\n' for k, v, listed in entries)
    loaded = loader.parse(text, "f.yaml")
    assert loaded.strings is not None, "the quick path gathers the strings"
    walked = review_placeholders(loaded.data, "f.yaml")
    assert review_placeholders(loaded.data, "f.yaml", loaded.strings) == walked
    assert bool(walked) == any(v.strip() == "REVIEW" for _, v, _ in entries)
