"""Hardening round 3 (issue 20): nothing is unbounded, and no traceback or wrong exit code.

Small inputs that used to expand without limit (an XLSX with one far cell or a sheet that
inflates to hundreds of MiB, a CSV of bad rows, every file of a revision, a large file only
YAML's full parser reads), names the system or the encoding cannot take, stderr that cannot
be written, SIGTERM. Each test failed before the fix it names.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from conftest import TARGETS

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    shutil.copytree(TARGETS, tmp_path / "targets")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "targets"


def _bounded(code: str, seconds: int = 60, memory: int = 1 << 30) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter with a memory ceiling and a time limit."""
    prelude = ("import resource; resource.setrlimit(resource.RLIMIT_AS, "
               f"({memory}, {memory}))\n")
    return subprocess.run([sys.executable, "-c", prelude + code], capture_output=True,
                          text=True, timeout=seconds, check=False)


# --- XLSX ------------------------------------------------------------------------------------

def _workbook(path: Path, far: str | None = None, padding: int = 0) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "period", "value", "source", "quote"])
    if far:
        sheet[far] = 1
    book.save(path)
    if padding:  # a comment in the sheet's XML: compresses to almost nothing
        with zipfile.ZipFile(path) as z:
            members = {n: z.read(n) for n in z.namelist()}
        name = "xl/worksheets/sheet1.xml"
        head, tail = members[name].split(b"<sheetData", 1)
        blank = b" " * 2**20
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for n, body in members.items():
                if n != name:
                    z.writestr(n, body)
                    continue
                with z.open(n, "w", force_zip64=True) as sheet:
                    sheet._compressor = _FlushedDeflate(blank)  # zipfile keeps the CRC and sizes
                    sheet.write(head + b"<!--")
                    for _ in range(padding // len(blank)):
                        sheet.write(blank)
                    sheet.write(b" " * (padding % len(blank)) + b"--><sheetData" + tail)


class _FlushedDeflate:
    """Deflate with a full flush after each write, so every MiB of blanks compresses to the
    same bytes: those are computed once, not 300 times (the sheet still inflates to every
    byte of its padding, as zipfile's CRC check on reading it back shows)."""

    def __init__(self, blank: bytes):
        self.z, self.blank, self.once = zlib.compressobj(6, zlib.DEFLATED, -15), blank, b""

    def compress(self, data: bytes) -> bytes:
        if data is self.blank and self.once:
            return self.once
        out = self.z.compress(data) + self.z.flush(zlib.Z_FULL_FLUSH)
        if data is self.blank:
            self.once = out
        return out

    def flush(self) -> bytes:
        return self.z.flush()


@pytest.mark.parametrize(("far", "padding", "says"), [
    ("XFD1048576", 0, "the sheet reaches cell XFD1048576"),
    ("CV200000", 0, "the sheet reaches cell CV200000"),
    (None, 300 * 2**20, "the workbook expands to"),
])
def test_a_small_workbook_cannot_expand_without_bound(tmp_path, far, padding, says):
    book = tmp_path / "t.xlsx"
    _workbook(book, far, padding)
    assert book.stat().st_size < 400_000
    started = time.monotonic()
    res = _bounded(f"from planck.read.tabular import read_table\n"
                   f"t = read_table({str(book)!r})\n"
                   "print([f.code for f in t.findings]); print(t.findings[0].message)")
    assert res.returncode == 0, res.stderr[-500:]
    assert "['too-large']" in res.stdout and says in res.stdout
    assert time.monotonic() - started < 30


# --- CSV findings ---------------------------------------------------------------------------

def test_a_csv_of_bad_rows_prints_the_first_50_and_a_count(invoke, data, tmp_path):
    table = tmp_path / "bad.csv"
    table.write_text("indicator,period,value,source,quote\n"
                     + "nope,20x4,1e9x,s,q\n" * 3000, encoding="utf-8")
    started = time.monotonic()
    res = invoke("import", str(table), "--city", "hebi", "--targets-dir", str(data))
    assert res.exit_code == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 51, len(lines)
    assert "more finding(s)" in lines[-1] and "the first 50 are shown" in lines[-1]
    assert time.monotonic() - started < 20


# --- diff --from-rev copies -----------------------------------------------------------------

@pytest.fixture
def repo(data) -> Path:
    root = data.parent
    git = ["git", "-c", "user.email=t@e.org", "-c", "user.name=t", "-C", str(root)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "data"], check=True)
    return root


def test_revision_copies_only_the_compared_city(repo, tmp_path):
    from planck.read.revision import snapshot

    dest = tmp_path / "copy"
    dest.mkdir()
    snapshot(repo / "targets", "HEAD", dest, ["hebi"])
    assert sorted(p.name for p in dest.iterdir()) == ["hebi.measured.yaml", "hebi.yaml"]


def test_revision_copies_have_a_total_cap(repo, tmp_path, invoke, monkeypatch):
    from planck.read import revision

    monkeypatch.setattr(revision, "MAX_TOTAL", 50_000)
    res = invoke("diff", "--all", "--from-rev", "HEAD", "--targets-dir", str(repo / "targets"))
    assert res.exit_code == 2 and "in all: compare one city at a time" in res.stderr
    res = invoke("diff", "hebi", "--from-rev", "HEAD", "--targets-dir", str(repo / "targets"))
    assert res.exit_code == 0, res.stderr


def test_sigterm_during_diff_from_rev_leaves_no_copy(repo, tmp_path):
    """The copy sits in a private temporary folder; SIGTERM must remove it as SIGINT does."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch), "PYTHONPATH": str(ROOT)}
    # slow git down so the signal lands while the revision is being copied
    shim = tmp_path / "bin"
    shim.mkdir()
    real = shutil.which("git")
    (shim / "git").write_text(f"#!/bin/sh\nsleep 0.3\nexec {real} \"$@\"\n")
    (shim / "git").chmod(0o755)
    env["PATH"] = f"{shim}{os.pathsep}{env['PATH']}"
    proc = subprocess.Popen([sys.executable, "-m", "planck", "diff", "--all", "--from-rev",
                             "HEAD", "--targets-dir", str(repo / "targets")], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while not list(scratch.glob("planck-rev-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(scratch.glob("planck-rev-*")), "the copy never started"
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=30)
    assert proc.returncode == 128 + signal.SIGTERM
    assert list(scratch.iterdir()) == []


# --- YAML budget ----------------------------------------------------------------------------

def test_a_large_file_only_the_full_parser_reads_fails_fast(data, monkeypatch):
    from planck.read import careful
    from planck.read.loader import CAREFUL_MAX_BYTES, load

    m = data / "hebi.measured.yaml"
    text = m.read_text(encoding="utf-8")
    head, items = text.split("observations:\n", 1)
    body = head.replace("planck: 1", "planck: 1\nextra: 010", 1) + "observations:\n"
    while len(body.encode()) <= CAREFUL_MAX_BYTES:
        body += items
    m.write_text(body, encoding="utf-8")

    def full_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the full parser ran on a file over its budget")

    # Fast means the full parser never starts (it takes seconds on such a file): counted as
    # work, not timed, so a loaded machine cannot fail it.
    monkeypatch.setattr(careful, "parse", full_parse)
    loaded = load(m)
    assert [f.code for f in loaded.findings] == ["too-large"]
    assert "split it" in loaded.findings[0].message


# --- names and paths ------------------------------------------------------------------------

def test_a_non_utf8_file_name_is_one_finding(data, invoke):
    odd = os.fsencode(data) + b"/he\xffbi.yaml"
    shutil.copy(data / "hebi.yaml", odd)
    for args in (("check", "--all", "-f", "json"), ("report", "--all", "--reports-dir", "r"),
                 ("site", "-o", "s"), ("validate", str(data))):
        res = invoke(*args, "--targets-dir", str(data)) if args[0] != "validate" else \
            invoke(*args)
        assert res.exit_code == 2, (args, res.stderr, res.exception)
        assert "he\\xffbi.yaml" in res.stderr and "[file-name]" in res.stderr, res.stderr
    res = invoke("list", "--targets-dir", str(data))
    assert res.exit_code == 0 and "he\\xffbi.yaml" in res.stdout


@pytest.mark.parametrize("args", [
    ("check", "{long}"), ("check", "{long}.yaml"), ("list", "--targets-dir", "{long}"),
    ("validate", "{long}"), ("report", "{long}"), ("diff", "{long}", "--from", "2024-01-01"),
    ("extract", "{long}"), ("import", "{long}", "--city", "hebi"),
    ("record", "{long}", "x", "2024", "1", "--quote", "1", "--source", "s"),
    ("report", "hebi", "-o", "{long}.md"), ("export", "hebi", "-o", "{long}.xlsx"),
])
def test_an_over_long_name_is_one_line(data, invoke, args):
    long = "x" * 300
    res = invoke(*(a.format(long=long) for a in args))
    assert res.exit_code == 2, (res.stderr, res.exception)
    assert res.exception is None or isinstance(res.exception, SystemExit)
    assert len(res.stderr.strip().splitlines()) == 1 and "too long" in res.stderr


def test_symlink_loops_are_one_line(data, invoke, tmp_path):
    (data / "a.yaml").symlink_to("b.yaml")
    (data / "b.yaml").symlink_to("a.yaml")
    res = invoke("validate", str(data))
    assert res.exit_code == 2 and "internal error" not in res.stderr, res.stderr
    (tmp_path / "loop").symlink_to("loop")
    res = invoke("list", "--targets-dir", str(tmp_path / "loop"))
    assert res.exit_code == 2 and len(res.stderr.strip().splitlines()) == 1, res.stderr


@pytest.mark.parametrize("city", ["--all", "a", "a.yaml"])
def test_check_names_a_symlink_loop_as_validate_does(data, invoke, city):
    # issue 27: check --all said "no such file" where validate named the loop
    (data / "a.yaml").symlink_to("b.yaml")
    (data / "b.yaml").symlink_to("a.yaml")
    seen = invoke("validate", str(data)).stderr
    target = str(data / "a.yaml") if city == "a.yaml" else city
    res = invoke("check", target, "--targets-dir", str(data), "-f", "json")
    assert res.exit_code == 2 and "internal error" not in res.stderr, res.stderr
    line = next(x for x in res.stderr.splitlines() if "a.yaml" in x)
    assert "Too many levels of symbolic links" in line and "no such file" not in line
    assert line in seen.splitlines()


def test_validate_a_folder_without_data_files_exits_2(invoke, tmp_path):
    (tmp_path / "empty").mkdir()
    res = invoke("validate", str(tmp_path / "empty"))
    assert res.exit_code == 2 and "no data files" in res.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(("args", "code"), [
    (["validate"], 0), (["validate", "no-such-file.yaml"], 2), (["check", "--fromat"], 2),
    (["check", "--all", "--fail-on", "none"], 0)])
def test_a_full_stderr_never_exits_with_the_gates_code(data, args, code):
    with open("/dev/full", "w") as full:
        res = subprocess.run([sys.executable, "-m", "planck", *args, "--targets-dir",
                              str(data)] if args[0] == "check" and "--all" in args else
                             [sys.executable, "-m", "planck", *args], stdout=subprocess.DEVNULL,
                             stderr=full, cwd=data.parent, timeout=60, check=False,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert res.returncode == code


def test_diff_from_rev_reads_a_revision_with_a_non_utf8_name(repo, invoke):
    root = repo
    odd = os.fsencode(root / "targets") + b"/old\xff.yaml"
    shutil.copy(root / "targets" / "hebi.yaml", odd)
    git = ["git", "-c", "user.email=t@e.org", "-c", "user.name=t", "-C", str(root)]
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "odd name"], check=True)
    os.remove(odd)
    res = invoke("diff", "hebi", "--from-rev", "HEAD", "--targets-dir", str(root / "targets"))
    assert res.exit_code == 0, (res.stderr, res.exception)
