"""record --dry-run prints exactly the change record then writes: the diff, applied to the old
file (with ``patch`` and by a reading of the hunks here), gives the written file byte for byte."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import TARGETS

NEW_SOURCE = ("--title", "2025年洛阳市统计公报", "--issuer", "洛阳市统计局", "--date", "2026-03-30",
              "--url", "https://example.org/ly-2025")
ARGS = ("luoyang", "rd-intensity", "2025", "3.6", "--quote", "研发投入强度达3.6%: 见表1", *NEW_SOURCE)


def _apply(old: str, diff: str) -> str:
    """The unified diff's hunks applied to ``old`` (lines ended by \\n only, as patch counts)."""
    lines = re.findall(r"[^\n]*\n|[^\n]+\Z", old)
    out: list[str] = []
    at = 0
    body = re.findall(r"[^\n]*\n", diff)
    n = 2  # the --- and +++ headers
    while n < len(body):
        head = re.match(r"@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@", body[n])
        assert head, body[n]
        start = int(head.group(1)) - (0 if head.group(2) == "0" else 1)
        out += lines[at:start]
        at = start
        n += 1
        while n < len(body) and not body[n].startswith("@@"):
            tag, text = body[n][0], body[n][1:]
            if n + 1 < len(body) and body[n + 1] == "\\ No newline at end of file\n":
                text = text[:-1]
                n += 1
            if tag in " -":
                assert lines[at] == text, (lines[at], text)
                at += 1
            if tag in " +":
                out.append(text)
            n += 1
    return "".join(out + lines[at:])


def _cases(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "targets"
    shutil.copytree(TARGETS, folder)
    return {"as is": folder}


@pytest.mark.parametrize("shape", ["as is", "no measured file", "crlf", "no final newline", "bom"])
def test_dry_run_diff_gives_the_written_file(tmp_path, invoke, shape):
    folder = tmp_path / "targets"
    shutil.copytree(TARGETS, folder)
    m = folder / "luoyang.measured.yaml"
    if shape == "no measured file":
        m.unlink()
    elif shape == "crlf":
        m.write_bytes(m.read_bytes().replace(b"\n", b"\r\n"))
    elif shape == "bom":
        m.write_bytes(b"\xef\xbb\xbfplanck: 1\ncity: luoyang\n")  # the hunk starts at line 1
    elif shape == "no final newline":
        m.write_bytes(m.read_bytes().rstrip(b"\n"))
    old = m.read_bytes().decode("utf-8") if m.exists() else ""
    res = invoke("record", *ARGS, "--dry-run", "--targets-dir", str(folder))
    assert res.exit_code == 0, res.stderr
    diff = res.stdout_bytes.decode("utf-8")  # .stdout turns \r\n into \n
    assert "\u200b" not in diff
    if shape == "no measured file":
        assert "+sources:\n" in diff and "+observations:\n" in diff
    assert invoke("record", *ARGS, "--targets-dir", str(folder)).exit_code == 0
    written = m.read_bytes().decode("utf-8")
    assert written != old and _apply(old, diff) == written
    if shutil.which("patch"):
        copy = tmp_path / "copy.yaml"
        copy.write_bytes(old.encode("utf-8"))
        run = subprocess.run(["patch", "--binary", "-s", "-F0", str(copy)], input=diff.encode("utf-8"),
                             capture_output=True, check=False)
        assert run.returncode == 0, run.stdout + run.stderr
        assert copy.read_bytes() == written.encode("utf-8")


def test_dry_run_still_breaks_a_ci_command_and_shows_controls(tmp_path, invoke):
    folder = tmp_path / "targets"
    shutil.copytree(TARGETS, folder)
    res = invoke("record", "luoyang", "rd-intensity", "2025", "3.6", "--quote",
                 "达3.6% ##[error]pwned", *NEW_SOURCE, "--dry-run", "--targets-dir", str(folder))
    assert res.exit_code == 0, res.stderr
    assert "##[" not in res.stdout and "pwned" in res.stdout


def test_exact_keeps_text_and_line_ends_but_shows_controls():
    from planck.escape import exact

    assert exact("+sources:\n+  - a: 'x::y'\r\n\tz") == "+sources:\n+  - a: 'x::y'\r\n\tz"
    assert exact("a\rb\x1b[2Jc\u202e") == "a\\x0db\\x1b[2Jc\\u202e"


@pytest.mark.parametrize("tail", ["observations: []", "observations: []  # none yet",
                                  "observations:\n  - indicator: rd-intensity\n    period: 2024\n"
                                  "    value: 2\n    unit: '%'\n    source: s1\n    quote: q 2"])
def test_appending_to_a_file_without_a_final_newline(tail):
    from datetime import date

    from planck.read.dataset import read_targets
    from planck.read.loader import parse
    from planck.write.entries import NewObservation
    from planck.write.record import plan_edit
    from planck.write.yamledit import Number

    tf, _ = read_targets(TARGETS / "luoyang.yaml")
    text = "planck: 1\ncity: luoyang\nsources:\n  - id: s1\n    title: t\n    issuer: i\n" \
        "    date: 2026-01-01\n    url: https://e.org\n" + tail
    obs = NewObservation("rd-intensity", 2025, Number("3"), "%", "s1", "q 3", False)
    edit = plan_edit(text, "x", tf, [obs], [], today=date(2026, 11, 30))
    assert edit.text.startswith(text.rsplit("\n", 1)[0] + "\n") and edit.text.endswith("    quote: q 3\n")
    assert parse(edit.text, "x").data["observations"][-1]["value"] == 3
