"""Hostile inputs (issue 6): every bad file is refused with one line `file:line:col`, exit 2,
no traceback, within a bounded amount of work; valid oddities (BOM, CRLF, full-width units) load; planck never
modifies what it reads, and its own writes are atomic.

The examples live in tests/examples/{valid,invalid}/; the table below is the expected finding
for each invalid one (line 0 = the problem has no line).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, TARGETS

from planck.read import loader
from planck.write.atomic import TMP_SUFFIX, write_atomic

EXAMPLES = Path(__file__).resolve().parent / "examples"
VALID, INVALID = EXAMPLES / "valid", EXAMPLES / "invalid"
#: Python function calls allowed for refusing one bad file, imports included. Work, not
#: seconds: a wall-clock limit flakes on a busy shared machine, a call count does not. The most
#: any catalogue case needed was about 185,000 in a fresh process (measured), so this is ~5×
#: headroom, far below what an alias expansion or a quadratic scan of a large file would take.
MAX_CALLS = 1_000_000
FINDING = re.compile(
    r"^(?P<file>.+?):(?:(?P<line>\d+):(?P<col>\d+):)? error: (?P<msg>.+) \[(?P<code>[a-z-]+)\]$")

# file: (code, line, col, text the message must contain)
CATALOGUE = {
    "syntax-error.yaml": ("yaml-syntax", 49, 12, "expected ',' or '}'"),
    "tab-indent.yaml": ("yaml-syntax", 6, 1, "tab character"),
    "duplicate-key.yaml": ("duplicate-key", 57, 5, 'duplicate key "value"'),
    "alias.yaml": ("alias", 14, 11, "(&issued) are not allowed"),
    "billion-laughs.yaml": ("alias", 1, 5, "are not allowed"),
    "merge-key.yaml": ("alias", 52, 5, "merge keys (<<)"),
    "python-tag.yaml": ("tag", 49, 14, "python/object/apply:os.system"),
    "unknown-tag.yaml": ("tag", 65, 12, "(!money)"),
    "empty.yaml": ("empty", 1, 1, "no YAML document"),
    "comment-only.yaml": ("empty", 1, 1, "comments only"),
    "top-level-list.yaml": ("not-a-mapping", 1, 1, "not a list"),
    "top-level-scalar.yaml": ("not-a-mapping", 1, 1, "not a single value"),
    "binary-junk.yaml": ("binary", 1, 1, "looks binary"),
    "nul-byte.yaml": ("binary", 6, 15, "NUL byte"),
    "control-char.yaml": ("control-char", 6, 15, "U+001B"),
    "escaped-control.yaml": ("control-char", 6, 12, "U+001B (ESC) in a string"),
    "escaped-nul.yaml": ("control-char", 51, 12, "U+0000 (NUL) in free text"),
    "bidi-override.yaml": ("control-char", 26, 14, "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    "gbk.yaml": ("encoding", 5, 12, "GBK/GB18030; convert it with `iconv -f GB18030 -t UTF-8"),
    "utf-16.yaml": ("encoding", 1, 1, "UTF-16, not UTF-8; convert it with `iconv -f UTF-16"),
    "deep-nesting.yaml": ("too-deep", 2, 7, "deeper than 40"),
    "deep-block-nesting.yaml": ("too-deep", 42, 41, "deeper than 40"),
    "deep-dash-nesting.yaml": ("too-deep", 3, 81, "deeper than 40"),
    "nan.yaml": ("schema", 56, 12, "nan is not a finite number"),
    "infinity.yaml": ("schema", 65, 12, "inf is not a finite number"),
    "negative-count.yaml": ("negative-count", 46, 12, "cannot be negative"),
    "full-width-number.yaml": ("schema", 65, 12, "'１２０' is not a number: write it with ASCII digits"),
    "unknown-unit.yaml": ("unknown-unit", 66, 11, "unknown unit '吨煤'"),
    "unit-arithmetic.yaml": ("unknown-unit", 66, 11, "no numbers or arithmetic"),
    "unit-power-tower.yaml": ("unknown-unit", 66, 11, "no numbers or arithmetic"),
    "year-3000.yaml": ("schema", 47, 15, "less than or equal to 2100, not 3000"),
    "month-13.yaml": ("bad-date", 14, 11, "'2022-13-19' is not a valid date"),
    "deadline-before-baseline.yaml": ("schema", 47, 15, "deadline 2019 is not after the baseline"),
    "undefined-indicator.yaml": ("unknown-ref", 54, 16, "indicator 'rd-intensty' is not defined"),
    "undefined-source.yaml": ("unknown-ref", 69, 13, "source 'sample-plann' is not defined"),
    "unit-dimension.measured.yaml": ("unit-mismatch", 13, 11, "cannot compare '件' ([piece]) with '家'"),
}
# `planck check` on a target file whose measured sibling is the bad one reports the sibling.
REPORTED_IN = {"unit-dimension.yaml": "unit-dimension.measured.yaml"}


@pytest.fixture(scope="module")
def too_large(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "too-large.yaml"
    line = b"# " + b"x" * 1021 + b"\n"
    path.write_bytes((VALID / "sample.yaml").read_bytes() + line * (loader.MAX_BYTES // len(line) + 1))
    return path


def _cases(command: str) -> list[str]:
    names = [n for n in CATALOGUE if not (command == "check" and n.endswith(".measured.yaml"))]
    return names + (list(REPORTED_IN) if command == "check" else [])


def counted(fn, *args):
    """``fn(*args)`` and the number of Python function calls it made."""
    calls = 0

    def profile(frame, event, arg):
        nonlocal calls
        if event == "call":
            calls += 1

    sys.setprofile(profile)
    try:
        result = fn(*args)
    finally:
        sys.setprofile(None)
    return result, calls


def assert_refused(out: str, err: str, exit_code: int, path: Path, reported: str, calls: int) -> None:
    """Exit 2, every stderr line one finding, the first one as in the catalogue, bounded work,
    no traceback."""
    code, line, col, text = CATALOGUE[reported]
    assert "Traceback" not in out + err
    assert exit_code == 2, err
    assert 0 < calls < MAX_CALLS, f"{calls} calls"
    lines = err.strip("\n").split("\n")
    matches = [FINDING.match(x) for x in lines]
    assert all(matches), f"not one finding per line: {err!r}"
    first = matches[0]
    assert first["file"] == str(path.with_name(reported))
    assert (first["code"], int(first["line"] or 0), int(first["col"] or 0)) == (code, line, col), err
    assert text in first["msg"]


@pytest.mark.parametrize("command, name", [(c, n) for c in ("validate", "check") for n in _cases(c)])
def test_catalogue_through_cli(invoke, command, name):
    path = INVALID / name
    res, calls = counted(invoke, command, str(path))
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert_refused(res.stdout, res.stderr, res.exit_code, path, REPORTED_IN.get(name, name), calls)


def test_file_over_the_size_cap(invoke, too_large):
    for command in ("validate", "check"):
        res, calls = counted(invoke, command, str(too_large))
        assert res.exit_code == 2 and calls < MAX_CALLS and "Traceback" not in res.stderr
        assert res.stderr == f"{too_large}: error: file is over 5 MiB ({loader.MAX_BYTES} bytes), " \
                             "the limit for a planck file: split it [too-large]\n"


# `python -m planck ARGS` that also counts its Python calls into $PLANCK_TEST_CALLS at exit.
COUNTING_MAIN = """
import atexit, os, runpy, sys
calls = 0
def profile(frame, event, arg):
    global calls
    calls += event == "call"
def report():
    with open(os.environ["PLANCK_TEST_CALLS"], "w") as f:
        f.write(str(calls))
atexit.register(report)
sys.setprofile(profile)
runpy.run_module("planck", run_name="__main__", alter_sys=True)
"""


def run_module(*args: str, cwd: Path) -> tuple[subprocess.CompletedProcess, int]:
    """A real planck process; its result and the Python calls it made (the timeout only
    guards against a hang, it is not a speed limit)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PLANCK_TARGETS", "GITHUB_ACTIONS")}
    env["PLANCK_TEST_CALLS"] = str(cwd / ".calls")
    res = subprocess.run([sys.executable, "-c", COUNTING_MAIN, *args], cwd=cwd, env=env,
                         capture_output=True, text=True, timeout=120)
    calls = int((cwd / ".calls").read_text())
    (cwd / ".calls").unlink()
    return res, calls


@pytest.mark.parametrize("command, name", [
    ("validate", "billion-laughs.yaml"), ("check", "python-tag.yaml"), ("check", "deep-nesting.yaml"),
    ("validate", "deep-block-nesting.yaml"), ("check", "gbk.yaml"), ("validate", "binary-junk.yaml"),
    ("check", "full-width-number.yaml"), ("validate", "month-13.yaml"), ("check", "unit-dimension.yaml"),
])
def test_real_process_never_shows_a_traceback(tmp_path, command, name):
    path = INVALID / name
    res, calls = run_module(command, str(path), cwd=tmp_path)
    assert_refused(res.stdout, res.stderr, res.returncode, path, REPORTED_IN.get(name, name), calls)


def test_real_process_refuses_the_oversized_file(tmp_path, too_large):
    res, calls = run_module("validate", str(too_large), cwd=tmp_path)
    assert res.returncode == 2 and "[too-large]" in res.stderr and "Traceback" not in res.stderr
    assert 0 < calls < MAX_CALLS


def test_file_names_with_braces_and_spaces_are_quoted_verbatim(invoke, tmp_path):
    path = tmp_path / "洛阳 {2025} [v2].yaml"
    path.write_bytes((INVALID / "gbk.yaml").read_bytes())
    res = invoke("validate", str(path))
    assert res.exit_code == 2 and res.stderr.count("\n") == 1
    assert f"`iconv -f GB18030 -t UTF-8 {path} > {path}.utf8`" in res.stderr


def test_python_tags_are_never_executed(invoke, tmp_path):
    marker = tmp_path / "pwned"
    text = (VALID / "sample.yaml").read_text(encoding="utf-8").replace(
        "    wording: 不少于\n", f"    wording: !!python/object/apply:os.system ['touch {marker}']\n")
    path = tmp_path / "evil.yaml"
    path.write_text(text, encoding="utf-8")
    assert invoke("validate", str(path)).exit_code == 2
    assert run_module("check", str(path), cwd=tmp_path)[0].returncode == 2
    assert not marker.exists()


# --- valid oddities --------------------------------------------------------------------------

def statuses(invoke, path: Path) -> list[tuple[str, str]]:
    res = invoke("check", str(path), "-f", "json")
    assert res.exit_code == 0, res.stderr
    return [(r["id"], r["status"]) for r in json.loads(res.stdout)["results"]]


def test_valid_examples_validate(invoke):
    res = invoke("validate", str(VALID))
    assert res.exit_code == 0, res.stderr


def test_bom_and_crlf_load_and_check_like_the_plain_file(invoke):
    raw = (VALID / "bom-crlf.yaml").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == raw.count(b"\n")
    assert statuses(invoke, VALID / "bom-crlf.yaml") == statuses(invoke, VALID / "sample.yaml")


def test_full_width_units_fold_and_check(invoke):
    found = dict(statuses(invoke, VALID / "full-width-units.yaml"))
    assert found["sample-patents-2025"] != "no_data" and len(found) == 4


# --- nothing lost ----------------------------------------------------------------------------

def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_validate_and_check_never_modify_what_they_read(invoke, tmp_path):
    import shutil

    shutil.copytree(EXAMPLES, tmp_path / "examples")
    shutil.copytree(TARGETS, tmp_path / "targets")  # a copy: others may edit targets/ meanwhile
    before = digest(tmp_path)
    assert invoke("validate", str(tmp_path)).exit_code == 2  # the invalid examples are in it
    assert invoke("check", "--all", "--targets-dir", str(tmp_path / "targets")).exit_code in (0, 1)
    for path in sorted((tmp_path / "examples").rglob("*.yaml")):
        invalid = path.parent.name == "invalid"
        # a measured file is not a target file, so `check` refuses it; `validate` of a target
        # file also validates its measured sibling, so unit-dimension.yaml (whose sibling is
        # the bad one) fails too
        want_check = 2 if invalid or path.name.endswith(".measured.yaml") else 0
        want_validate = 2 if invalid and (path.name in CATALOGUE or path.name in REPORTED_IN) else 0
        assert invoke("check", str(path)).exit_code == want_check, path
        assert invoke("validate", str(path)).exit_code == want_validate, path
    assert digest(tmp_path) == before


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(TMP_SUFFIX)]


def test_write_atomic_writes_and_keeps_the_mode(tmp_path):
    path = tmp_path / "report.md"
    write_atomic(path, "一\r\n")
    assert path.read_bytes() == "一\r\n".encode()
    path.chmod(0o640)
    write_atomic(path, "二\n")
    assert path.read_text(encoding="utf-8") == "二\n" and path.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("fail_at", ["os.replace", "os.fsync"])
@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_interrupted_write_leaves_the_original_intact(tmp_path, monkeypatch, fail_at, error):
    path = tmp_path / "report.md"
    path.write_bytes(b"original \xe5\x8e\x9f\n")

    def boom(*args, **kwargs):
        raise error

    monkeypatch.setattr(fail_at, boom)
    with pytest.raises(type(error)):
        write_atomic(path, "new text " * 10_000)
    assert path.read_bytes() == b"original \xe5\x8e\x9f\n" and leftovers(tmp_path) == []


CHILD = """
import os, signal, sys, time
from planck.write import atomic
# Started under nohup, Python inherits SIGINT ignored and never raises KeyboardInterrupt;
# restore Python's own handler so the test means the same wherever pytest runs.
signal.signal(signal.SIGINT, signal.default_int_handler)
real = os.replace
def stalled(src, dst):
    print("written", flush=True)  # the temp file is complete and fsync'ed; the rename waits
    time.sleep(60)
    real(src, dst)
os.replace = stalled
atomic.write_atomic(sys.argv[1], "new " * 100_000)
"""


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_process_killed_between_write_and_rename(tmp_path, sig):
    path = tmp_path / "report.md"
    path.write_text("original\n", encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "written", child.stderr.read()
        assert leftovers(tmp_path), "the temp file should exist while the rename waits"
        child.send_signal(sig)
        child.communicate(timeout=30)
    finally:  # never leave the 60 s sleeper behind, whatever failed above
        child.kill()
        child.wait()
    assert child.returncode != 0, "the child finished instead of being interrupted"
    assert path.read_text(encoding="utf-8") == "original\n"
    if sig == signal.SIGINT:  # Python runs the cleanup; SIGKILL can leave a hidden .tmp file
        assert leftovers(tmp_path) == []
