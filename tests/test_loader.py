"""Loader: positions, refusal of aliases/tags/duplicates, encodings."""

import pytest

from planck.read.loader import load, locate, parse


def test_positions_are_one_based_and_point_at_values():
    loaded = parse("a: 1\nlist:\n  - x: 2\n    y: 三\n", "f.yaml")
    assert loaded.ok
    assert locate(loaded.data, ("list", 0, "y")) == (4, 8)
    assert locate(loaded.data, ("a",)) == (1, 4)
    # a missing key resolves to its parent item
    assert locate(loaded.data, ("list", 0, "zzz")) == (3, 5)


def test_duplicate_key_is_a_finding_with_position():
    loaded = parse("a: 1\nb: 2\na: 3\n", "f.yaml")
    [f] = loaded.findings
    assert (f.code, f.line) == ("duplicate-key", 3)


def test_alias_refused():
    loaded = parse("a: &x 1\nb: *x\n", "f.yaml")
    assert loaded.findings[0].code == "alias"
    assert loaded.findings[0].line in (1, 2)


def test_python_tag_refused():
    loaded = parse("x: !!python/object/apply:os.system ['true']\n", "f.yaml")
    [f] = loaded.findings
    assert f.code == "tag" and (f.line, f.col) == (1, 4)


def test_unknown_tag_refused():
    assert parse("x: !money 120\n", "f.yaml").findings[0].code == "tag"


@pytest.mark.parametrize("text, line, col", [
    ("a: [1, 2\nb: 3\n", 2, 2),           # the ':' that cannot sit inside the open list
    ("x: 1\ny: {a: 1\nz: 2\n", 3, 2),     # likewise inside an open mapping
    ("a: 1\n  b: 2\n", 2, 4),             # the ':' of a key indented under a scalar
    ("k: \"open\nm: 1\n", 3, 1),          # an unclosed quote runs to the end of the file
])
def test_syntax_error_points_at_the_offending_token(text, line, col):
    [f] = parse(text, "f.yaml").findings
    assert (f.code, f.line, f.col) == ("yaml-syntax", line, col)


def test_empty_and_comment_only_files(tmp_path):
    for text in ("", "# only a comment\n"):
        p = tmp_path / "e.yaml"
        p.write_text(text)
        assert load(p).findings[0].code == "empty"


def test_top_level_must_be_mapping():
    assert parse("- 1\n- 2\n", "f").findings[0].code == "not-a-mapping"
    assert parse("just a scalar\n", "f").findings[0].code == "not-a-mapping"


def test_bom_and_crlf_load(tmp_path):
    p = tmp_path / "b.yaml"
    p.write_bytes("\ufeffa: 1\r\nb: 二\r\n".encode())
    loaded = load(p)
    assert loaded.ok and loaded.data["b"] == "二"


def test_gbk_file_is_named_and_conversion_suggested(tmp_path):
    p = tmp_path / "g.yaml"
    p.write_bytes("名称: 洛阳\n".encode("gbk"))
    [f] = load(p).findings
    assert f.code == "encoding" and "GB18030" in f.message and "iconv" in f.message


def test_nul_byte(tmp_path):
    p = tmp_path / "n.yaml"
    p.write_bytes(b"a: 1\nb: \x00\n")
    [f] = load(p).findings
    assert (f.code, f.line) == ("binary", 2)
