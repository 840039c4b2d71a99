"""The fast YAML path must read every file exactly as the careful (ruamel) path does."""

from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from planck.read import fastyaml, loader

FILES = sorted((ROOT / "targets").glob("*.yaml")) + sorted((ROOT / "tests" / "golden").glob("*.yaml"))


def plain(x):
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, list):
        return [plain(v) for v in x]
    return x


def careful(text: str):
    # the careful path alone: what loader.parse did before the fast path existed
    from ruamel.yaml import YAML

    return YAML(typ="rt").load(text)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_bundled_files_take_the_fast_path_with_identical_data_and_positions(path: Path):
    text = path.read_text(encoding="utf-8-sig")
    fast, slow = fastyaml.parse(text), careful(text)
    assert fast is not None, "a well-formed bundled file fell back to the slow path"
    assert plain(fast) == plain(slow)
    for section in ("targets", "observations", "indicators", "sources"):
        for i, item in enumerate(slow.get(section) or []):
            assert fast[section].lc.item(i) == tuple(slow[section].lc.item(i))
            for key, value in item.items():
                assert fast[section][i].lc.key(key) == tuple(item.lc.key(key))
                if value is not None and not isinstance(value, (dict, list)):
                    assert fast[section][i].lc.value(key) == tuple(item.lc.value(key))


SCALARS = st.sampled_from(["010", "1_000", "0x1F", ".5", "+3", "12:30", ".inf", "-.inf", ".nan",
                           "1e3", "2022-04-19", "2022-13-01", "2022-04-19T10:00", "true", "True",
                           "yes", "no", "on", "~", "null", "", "3.75", "-2", "0", "1600",
                           "003_a.txt", "2023年达到3.44%", "R & D", "名称", "0o17", "1.0e+3"])


@settings(deadline=None)
@given(st.lists(SCALARS, min_size=1, max_size=6))
def test_scalars_read_the_same_on_both_paths(values):
    text = "".join(f"k{i}: {v}\n" for i, v in enumerate(values))
    fast = fastyaml.parse(text)
    try:
        slow = careful(text)
    except Exception:  # noqa: BLE001 - ruamel refuses it: the fast path must refuse it too
        assert fast is None
        return
    if fast is not None:
        assert plain(fast) == plain(slow)
    loaded = loader.parse(text, "f.yaml")
    # 0x/0o/0b and 1_000 read as numbers but are refused with a position (issue 9)
    assert loaded.ok or all(f.code == "schema" and "plain decimal digits" in f.message
                            for f in loaded.findings), loaded.findings


def _ruamel_says_typed(value: str) -> bool:
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.resolver import VersionedResolver

    return str(VersionedResolver().resolve(ScalarNode, value, (True, False))) != "tag:yaml.org,2002:str"


# What fastyaml may ask about: plain scalars that start like a number and use only the
# characters of numbers, dates and times in some YAML reading.
AMBIGUOUS_TEXT = st.text(alphabet="0123456789abcdefABCDEF._:+-xXoObBtTzZ eEinfINFaN", min_size=1,
                         max_size=12).filter(lambda s: s[0] in "-+.0123456789")


@settings(deadline=None)
@given(AMBIGUOUS_TEXT)
def test_the_copied_yaml12_resolver_agrees_with_ruamels(value):
    # fastyaml keeps its own copy of ruamel's number/timestamp patterns so that reading a file
    # does not import ruamel; the two must never disagree.
    assert fastyaml._typed_in_yaml12(value) == _ruamel_says_typed(value)


@pytest.mark.parametrize("value", ["003_a2f0b9b1f0debbd3.txt", "010", "1_000", "0x1F", ".5", "+3",
                                   "12:30", ".inf", "-.Inf", ".NaN", "1e3", "1.", "0b101", "0o17",
                                   "2022-04-19 10:00:00", "2022-4-9T1:00:00Z", "1.5e-3", "-", ".",
                                   "1e", "2022-04-19t", "3.75.1", "0x", "+.5e+3", "1__2"])
def test_the_copied_yaml12_resolver_on_known_shapes(value):
    assert fastyaml._typed_in_yaml12(value) == _ruamel_says_typed(value)


def _tree(root):
    """A composed node tree as a flat list in document order: kind, tag, position and value
    (or child count) of each node. A node reached again (an alias) is named by the order it was
    first met, never expanded again (billion-laughs.yaml would need gigabytes); the walk keeps
    its own stack, so deep-nesting.yaml does not exhaust Python's."""
    out, seen, stack = [], {}, [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            out.append(("again", seen[id(node)]))
            continue
        seen[id(node)] = len(seen)
        mark = (node.start_mark.line, node.start_mark.column)
        if isinstance(node.value, list):
            kids = [n for kv in node.value for n in (kv if isinstance(kv, tuple) else (kv,))]
            out.append((type(node).__name__, node.tag, mark, len(kids)))
            stack.extend(reversed(kids))
        else:
            out.append((type(node).__name__, node.tag, mark, node.value, node.style))
    return out


@pytest.mark.parametrize("path", FILES + sorted((ROOT / "tests" / "examples").rglob("*.yaml")),
                         ids=lambda p: p.name)
def test_the_lean_loader_composes_what_pyyamls_base_loader_composes(path: Path):
    # fastyaml's loader skips PyYAML's Python-side resolver calls; the nodes must not change.
    import yaml

    text = path.read_text(encoding="utf-8", errors="replace")

    def outcome(loader):
        try:
            node = yaml.compose(text, Loader=loader)
        except (yaml.YAMLError, RecursionError) as err:
            return type(err).__name__
        return None if node is None else _tree(node)

    assert fastyaml._loader() is not yaml.CBaseLoader
    assert outcome(fastyaml._loader()) == outcome(yaml.CBaseLoader)


@pytest.mark.parametrize("text", ["a: &x 1\nb: *x\n", "a: &x [1, 2]\nb: *x\n",
                                  "a: &x {k: v}\nb: [*x]\n", "a:\n  - &x s\n  - *x\n"])
def test_an_alias_is_left_to_the_careful_path(text):
    assert fastyaml.parse(text) is None


def test_a_text_with_an_ampersand_but_no_anchor_reads_as_without_it():
    fast = fastyaml.parse("a: R & D\nb: [x, y]\nc: {k: 1}\n")
    assert plain(fast) == {"a": "R & D", "b": ["x", "y"], "c": {"k": 1}}


def test_the_walk_leaves_no_reference_cycle():
    # a check --all worker runs its collector rarely (planck.pool.WORKER_GC_THRESHOLD): a
    # cycle left per file would hold that file's walk until then
    import gc

    text = (ROOT / "targets" / "luoyang.measured.yaml").read_text(encoding="utf-8")
    for anchored in (text, text + "# & an ampersand\n"):
        gc.collect()
        gc.disable()
        try:
            built = fastyaml.parse_with_strings(anchored)
            assert built is not None
            del built
            assert gc.collect() == 0
        finally:
            gc.enable()
