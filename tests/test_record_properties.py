"""Properties of the pieces record and import are built from: any one-line text written as a
YAML scalar reads back as itself (on both parse paths), and the number parser accepts exactly
plain decimals."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from planck.read.loader import parse
from planck.write.entries import parse_number, parse_period
from planck.write.yamledit import quote

# printable one-line text: letters, CJK, punctuation, YAML indicators, quotes, '#', ':' …
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1,
               max_size=40).filter(str.isprintable)


@settings(deadline=None)
@given(TEXT, st.sampled_from(["", "'", '"']))
def test_any_text_written_as_a_scalar_reads_back_as_itself(text, style):
    line = f"planck: 1\nquote: {quote(text, style)}\n"
    loaded = parse(line, "t.yaml")
    assert loaded.ok, (line, loaded.findings)
    assert loaded.data["quote"] == text


@settings(deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False, places=3,
                   min_value=-10**12, max_value=10**12))
def test_plain_decimals_parse_to_the_same_number(d):
    text = format(d, "f")
    number, why = parse_number(text)
    assert why is None and float(number.text) == float(text)


@given(st.text(max_size=12))
def test_the_number_parser_accepts_only_plain_decimals(text):
    number, why = parse_number(text)
    plain = re.fullmatch(r"\s*[+-]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?\s*", text) is not None
    assert (number is not None) == plain
    assert (number is None) == (why is not None)
    if number is not None:
        assert float(number.text) == float(text.strip())


@given(st.integers(1949, 2100), st.integers(1, 12))
def test_periods(year, month):
    assert parse_period(str(year)) == (year, None)
    assert parse_period(f"{year}年") == (year, None)
    assert parse_period(f"{year}-{month:02d}") == (f"{year}-{month:02d}", None)
    assert parse_period(f"{year}年{month}月") == (f"{year}-{month:02d}", None)


def test_a_merge_key_lookalike_is_quoted():
    """Found by the property above: a plain `<<` reads as YAML's merge key."""
    loaded = parse(f"planck: 1\nquote: {quote('<<', '')}\n", "t.yaml")
    assert loaded.ok and loaded.data["quote"] == "<<"
