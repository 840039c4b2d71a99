"""The careful (ruamel) path parses a well-formed file once, and words every bad one as before.

Issue 27: a file only ruamel reads (a flow list over two lines, say) was parsed twice, an event
scan for anchors, aliases, merge keys, tags and deep nesting and then the load: about 5 s for
a large one. The load now watches its own events; what it sees, and any error, goes the two
passes as before. Here the one-pass result is compared with the two passes on every example
file and on texts made of the constructs the scan refuses.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from planck.read import careful, loader


def two_passes(text: str, name: str):
    """The careful path as it was: the scan, then the load."""
    try:
        data = careful._two_passes(text, name, *_scans(text))
    except careful._Refused as refused:
        return ("refused", [str(f) for f in refused.findings])
    except Exception as err:  # noqa: BLE001 - compared by type and message below
        return ("error", type(err).__name__, str(err))
    return ("data", loader.locate(data, ()) if hasattr(data, "lc") else None, _plain(data))


def _scans(text: str):
    return loader._deep_brackets(text), loader._fast_blocked(text)


def one_pass(text: str, name: str):
    try:
        data = careful._once(text, name, *_scans(text))
    except careful._Refused as refused:
        return ("refused", [str(f) for f in refused.findings])
    except Exception as err:  # noqa: BLE001
        return ("error", type(err).__name__, str(err))
    return ("data", loader.locate(data, ()) if hasattr(data, "lc") else None, _plain(data))


def _plain(x):
    if isinstance(x, dict):
        return [(k, _plain(v), x.lc.key(k) if hasattr(x, "lc") else None) for k, v in x.items()]
    if isinstance(x, list):
        return [(_plain(v), x.lc.item(i) if hasattr(x, "lc") else None) for i, v in enumerate(x)]
    return repr(x)


EXAMPLES = sorted((ROOT / "tests" / "examples").rglob("*.yaml")) + sorted((ROOT / "targets").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_reads_the_same_in_one_pass(path: Path, monkeypatch):
    monkeypatch.setattr(loader, "_fast_blocked", lambda text: True)  # the careful way, watched
    text = path.read_text(encoding="utf-8", errors="replace")
    if loader._prescan(text, "f.yaml") is not None:
        return
    assert one_pass(text, "f.yaml") == two_passes(text, "f.yaml")


PIECES = st.sampled_from([
    "a: 1\n", "b: [1,\n  2]\n", "c: &x 1\n", "d: *x\n", "e: !!str 1\n", "f: !tag x\n",
    "<<: {a: 1}\n", "g: {h: [i, {j: k}]}\n", "- 1\n", "---\n", "k: 'unclosed\n", "l:\n  m: n\n",
    "a: 2\n", "o: " + "[" * 42 + "]" * 42 + "\n", "p: " + "[\n" * 21 + "]" * 21 + "\n",
    "q: 2022-13-01\n", "r: ]\n", "s: {t: 1,\n  u: 2}\n", "# c\n", "v: 'x'\n", "\tw: 1\n",
    "x: |\n  text\n", "? y\n: z\n", "...\n", "%YAML 1.2\n---\n",
])


@settings(deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=8).map("".join))
def test_one_pass_decides_as_the_two_passes(text):
    assert one_pass(text, "f.yaml") == two_passes(text, "f.yaml")


def test_a_well_formed_careful_file_is_parsed_once(monkeypatch):
    calls = []
    real = careful.preflight

    def counted(text, name, deep, blocked):
        calls.append(name)
        return real(text, name, deep, blocked)

    monkeypatch.setattr(careful, "preflight", counted)
    text = "planck: 1\ncity:\n  id: x\nlist: [1,\n  2]\n"
    assert loader._fast_blocked(text), "the example must go the careful way"
    loaded = loader.parse(text, "f.yaml")
    assert loaded.data is not None and loaded.data["list"] == [1, 2]
    assert calls == [], "the scan ran a second parse"
    refused = loader.parse(text + "alias: &a 1\n", "f.yaml")
    assert [f.code for f in refused.findings] == ["alias"] and calls == ["f.yaml"]
