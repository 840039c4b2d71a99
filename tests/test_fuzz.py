"""Fuzzing (issue 6): random and mutated YAML documents and unit strings go through loader →
model/validate → units, and only planck's own types come out: findings, never an exception
(units.parse: only units.UnitError).

The examples per test are the hypothesis profile's (tests/conftest.py): a bounded sample in
`make test` and CI, FUZZ_EXAMPLES (20,000 unless set) in `make fuzz`. The total run is printed
at the end of the module ("fuzz: N examples ...").
"""

from __future__ import annotations

import io
import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planck.findings import Finding
from planck.read import loader, units
from planck.read.dataset import read_measured, read_targets
from planck.read.model import MeasuredFile, TargetFile
from planck.read.validate import check_measured, check_targets, to_model

# the profile's examples and deadline; random trees are slow and large to draw, not a fault
FUZZ = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

VALID = Path(__file__).resolve().parent / "examples" / "valid"
TARGET_TEXTS = [(VALID / n).read_text(encoding="utf-8") for n in ("sample.yaml", "full-width-units.yaml")]
MEASURED_TEXT = (VALID / "sample.measured.yaml").read_text(encoding="utf-8")
TARGETS = read_targets(VALID / "sample.yaml")[0]
# The valid target files as plain trees (JSON text, copied per example by json.loads).
SEED_TREES = [json.dumps(loader.parse(t, "seed").data, default=str) for t in TARGET_TEXTS]
RUNS: Counter[str] = Counter()

# Fragments that exercise YAML's and planck's sharp edges when dropped into a file.
SPECIAL = ["&a ", "*a", "!!python/object/apply:os.system ['true'] ", "!money ", "[", "]", "{", "}",
           ": ", "- ", "? ", "'", '"', "\t", "\n---\n", "<<: ", "# ", "|\n", ">-\n", "%YAML 1.1\n",
           ".nan", "-.inf", "-1", "１２０", "％", "／", "2*亿元", "9**9**9 亿元", "2022-13-01", "3000",
           "2022-04-19T25:00:00", "\ufeff", "\x00", "\x1b", "\u2028", "\r", "\x85", "~", "null",
           "1e999", "0x10", "0o17", "1_000", "[" * 50, "- " * 50, "吨标准煤", "百分点", "万元/人"]
UNIT_ALPHABET = "亿元万家件个项名人位%％/／百分点公顷亩平方公里 \t\u3000*+-^()0123456789.。e"

INDEX = st.integers(min_value=0, max_value=10**6)
MUTATION = st.one_of(
    st.tuples(st.just("delete"), INDEX),
    st.tuples(st.just("duplicate"), INDEX),
    st.tuples(st.just("swap"), INDEX, INDEX),
    st.tuples(st.just("flip"), INDEX, st.characters()),
    st.tuples(st.just("insert"), INDEX, st.text(max_size=8) | st.sampled_from(SPECIAL)),
    st.tuples(st.just("indent"), INDEX, st.integers(min_value=-4, max_value=4)),
)
MUTATIONS = st.lists(MUTATION, min_size=1, max_size=6)
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12),
    st.dates(min_value=date(1, 1, 1)), st.sampled_from(SPECIAL),
    st.sampled_from(["at_least", "between", "annual_growth", "near_reference", "家", "%", "higher"]))
TREES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.text(max_size=10) | st.sampled_from(
                         ["id", "value", "unit", "op", "baseline", "year", "deadline", "source"]),
                         inner, max_size=4), max_leaves=20)


def mutate(text: str, ops: list[tuple]) -> str:
    """Apply line and character mutations; indices wrap around, so every op applies."""
    lines = text.split("\n")
    for op, *args in ops:
        i = args[0] % len(lines)
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = args[1] % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif op in ("flip", "insert"):
            flat = "\n".join(lines)
            at = args[0] % (len(flat) + 1)
            tail = flat[at + 1:] if op == "flip" else flat[at:]
            lines = (flat[:at] + args[1] + tail).split("\n")
        elif op == "indent":
            lines[i] = " " * max(0, args[1]) + lines[i][max(0, -args[1]):]
    return "\n".join(lines)


def dump(data: object) -> str:
    from ruamel.yaml import YAML

    out = io.StringIO()
    YAML(typ="safe", pure=True).dump(data, out)
    return out.getvalue()


def assert_findings(findings: object) -> None:
    """Only planck's own Finding objects, each printable as exactly one line."""
    assert isinstance(findings, list)
    for f in findings:
        assert isinstance(f, Finding), f
        assert isinstance(f.line, int) and isinstance(f.col, int) and f.message
        assert len(str(f).splitlines()) == 1, str(f)


def through_model(text: str) -> None:
    """loader.parse → to_model → check_* for both kinds of file; nothing may raise."""
    loaded = loader.parse(text, "fuzz.yaml")
    assert_findings(loaded.findings)
    if not loaded.ok:
        return
    tf, found = to_model(loaded.data, TargetFile, "fuzz.yaml")
    assert_findings(found)
    if tf is not None:
        assert_findings(check_targets(loaded.data, tf, "fuzz.yaml"))
    mf, found = to_model(loaded.data, MeasuredFile, "fuzz.yaml")
    assert_findings(found)
    if mf is not None:
        assert_findings(check_measured(loaded.data, mf, "fuzz.yaml", TARGETS))


@pytest.fixture(scope="module", autouse=True)
def report_count(request):
    """After the module: how many examples ran, on the terminal even with -q."""
    yield
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is None or capture is None or not RUNS:
        return
    detail = ", ".join(f"{k} {v}" for k, v in sorted(RUNS.items()))
    with capture.global_and_fixture_disabled():
        reporter.write_line(f"\nfuzz: {sum(RUNS.values())} examples without an unexpected exception "
                            f"({settings.default.max_examples} per test; {detail})")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """One folder for every example's files (function-scoped tmp_path does not mix with @given)."""
    return tmp_path_factory.mktemp("fuzz")


@FUZZ
@given(seed=st.sampled_from(TARGET_TEXTS + [MEASURED_TEXT]), ops=MUTATIONS)
def test_mutated_documents_give_findings_only(seed, ops):
    RUNS["mutated-text"] += 1
    through_model(mutate(seed, ops))


@FUZZ
@given(seed=st.sampled_from(TARGET_TEXTS), ops=MUTATIONS,
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
       junk=st.binary(max_size=6), at=INDEX)
def test_mutated_target_files_through_dataset(folder, seed, ops, encoding, junk, at):
    RUNS["target-files"] += 1
    raw = mutate(seed, ops).encode(encoding, "replace")
    at %= len(raw) + 1
    path = folder / "city.yaml"
    path.write_bytes(raw[:at] + junk + raw[at:])
    tf, findings = read_targets(path)
    assert tf is None or isinstance(tf, TargetFile)
    assert_findings(findings)


@FUZZ
@given(ops=MUTATIONS, crlf=st.booleans())
def test_mutated_measured_files_through_dataset(folder, ops, crlf):
    RUNS["measured-files"] += 1
    text = mutate(MEASURED_TEXT, ops)
    path = folder / "city.measured.yaml"
    path.write_bytes((text.replace("\n", "\r\n") if crlf else text).encode("utf-8", "replace"))
    observations, findings, _ = read_measured(path, TARGETS)
    assert isinstance(observations, list)
    assert_findings(findings)


def slots(node: dict | list):
    """Every (container, key) of a plain tree, depth first."""
    for key, value in list(node.items() if isinstance(node, dict) else enumerate(node)):
        yield node, key
        if isinstance(value, (dict, list)):
            yield from slots(value)


@FUZZ
@given(seed=st.sampled_from(SEED_TREES), pick=INDEX, value=TREES,
       new_key=st.none() | st.sampled_from(["value", "low", "tolerance", "reference", "extra", "1"]),
       as_yaml=st.booleans())
def test_valid_file_with_a_random_subtree(seed, pick, value, new_key, as_yaml):
    """Replace (or add) one node of a valid file with a random tree: reaches deep into the model."""
    RUNS["random-subtree"] += 1
    doc = json.loads(seed)
    every = list(slots(doc))
    container, key = every[pick % len(every)]
    if new_key is not None and isinstance(container, dict):
        key = new_key
    container[key] = value
    # JSON is YAML and 70 times faster to write; the YAML dump adds dates and .nan/.inf.
    through_model(dump(doc) if as_yaml else json.dumps(doc, ensure_ascii=False, indent=1, default=str))


@FUZZ
@given(doc=TREES)
def test_random_documents(doc):
    RUNS["random-documents"] += 1
    through_model(dump(doc))


def refusable(text: str) -> tuple[bool, bool]:
    """(the YAML events hold an alias, anchor, explicit tag, merge key or nesting deeper than
    loader.MAX_DEPTH; the whole stream parsed), straight from ruamel, independent of planck."""
    from ruamel.yaml import YAML
    from ruamel.yaml import events as ev

    depth, seen = 0, False
    try:
        for event in YAML(typ="safe", pure=True).parse(text):
            depth += isinstance(event, ev.CollectionStartEvent) - isinstance(event, ev.CollectionEndEvent)
            explicit = isinstance(event, ev.NodeEvent) and getattr(event, "tag", None) and not (
                isinstance(event, ev.ScalarEvent) and event.implicit[0])
            merge = isinstance(event, ev.ScalarEvent) and event.value == "<<" and event.style is None
            seen = seen or isinstance(event, ev.AliasEvent) or bool(getattr(event, "anchor", None)) \
                or bool(explicit) or merge or depth > loader.MAX_DEPTH
    except Exception:  # any parse failure: only what was seen before it counts
        return seen, False
    return seen, True


@FUZZ
@given(seed=st.sampled_from(TARGET_TEXTS + [MEASURED_TEXT]), ops=MUTATIONS)
def test_loader_skips_no_alias_tag_or_deep_nesting(seed, ops):
    """The loader's shortcut (no event scan for plain files) is sound: whatever ruamel's event
    stream shows as an alias, anchor, tag, merge key or deep nesting is refused."""
    RUNS["soundness"] += 1
    text = mutate(seed, ops)
    seen, complete = refusable(text)
    loaded = loader.parse(text, "fuzz.yaml")
    if seen:
        assert not loaded.ok
        if complete:
            assert loaded.findings[0].code in ("alias", "tag", "too-deep"), loaded.findings


@FUZZ
@given(text=st.text(alphabet=UNIT_ALPHABET, max_size=10) | st.text(max_size=10),
       other=st.sampled_from(sorted(units.NAMES) + ["件/万人", "万元／人", "％"]))
def test_unit_strings_raise_only_unit_error(text, other):
    RUNS["units"] += 1
    try:
        unit = units.parse(text)
    except units.UnitError as err:
        assert len(str(err).splitlines()) == 1
        assert units.check(text) == str(err)
        return
    assert units.check(text) is None
    assert isinstance(units.is_count(text), bool) and unit is not None
    try:
        assert units.factor(text, other) > 0
    except units.UnitError:
        assert unit.dimensionality != units.parse(other).dimensionality
