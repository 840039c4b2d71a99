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


LINE_BREAKS = ["\n", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("char", [c for c in BAD if c not in LINE_BREAKS])
def test_escaped_control_characters_are_refused_in_quotes(char):
    doc = json.loads(_doc())
    doc["targets"][0]["quote"] = f"不少于{char}1600家"
    loaded = parse(json.dumps(doc), "t.yaml")
    assert [f.code for f in loaded.findings] == ["control-char"]


def test_line_breaks_and_tab_stay_allowed_in_free_text():
    doc = json.loads(_doc())
    doc["targets"][0]["quote"] = "第一行\n第二行\t续\u2028第三\u2029段\x85完"
    doc["targets"][0]["note"] = "a\tb\nc"
    assert parse(json.dumps(doc), "t.yaml").ok


def test_block_scalar_quote_loads_on_both_paths():
    text = "planck: 1\nquote: |\n  第一行\n  第二行\nname: \"a\\tb\"\n"
    loaded = parse(text, "t.yaml")
    assert not loaded.ok and loaded.findings[0].line == 5  # the tab in a name, not the quote


# --- class 3: -o onto special files and inputs ------------------------------------------------

@pytest.fixture
def data(tmp_path, monkeypatch):
    import shutil

    from conftest import TARGETS

    shutil.copytree(TARGETS, tmp_path / "targets")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _special(data, kind: str):
    import os

    path = data / f"out-{kind}.md"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "symlink":
        (data / "real.md").write_text("keep\n")
        path.symlink_to(data / "real.md")
    elif kind == "dangling":
        path.symlink_to(data / "nowhere.md")
    elif kind == "folder":
        path.mkdir()
    return path


@pytest.mark.parametrize("kind, says", [("fifo", "is a FIFO"), ("symlink", "is a symbolic link"),
                                         ("dangling", "is a symbolic link"), ("folder", "is a folder")])
def test_report_refuses_special_outputs(invoke, data, kind, says):
    import os

    path = _special(data, kind)
    before = os.lstat(path)
    res = invoke("report", "luoyang", "-o", str(path), "--targets-dir", "targets")
    assert res.exit_code == 2 and says in res.stderr and "internal error" not in res.stderr
    after = os.lstat(path)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino), "node untouched"
    if kind == "symlink":
        assert (data / "real.md").read_text() == "keep\n"


@pytest.mark.parametrize("out", [".", "/", "x", "sub/"])
def test_report_refuses_folders_and_names_without_md(invoke, data, out):
    import os

    before = os.lstat(out) if os.path.lexists(out) else None
    res = invoke("report", "luoyang", "-o", out, "--targets-dir", "targets")
    shown = out if out == "/" else out.rstrip("/")
    assert res.exit_code == 2 and res.stderr.startswith(f"planck: {shown}: "), res.stderr
    if before is not None:
        assert os.lstat(out).st_mode == before.st_mode
    assert not os.path.lexists("x") and not os.path.lexists("sub")


def test_devices_are_refused_without_writing_to_them():
    # Only looked at, never written: a regression must not be able to replace /dev/null.
    from planck.write.target import kind, refusal

    assert kind("/dev/null") == "character device"
    assert "character device" in refusal("/dev/null")
    assert refusal("/nonexistent-planck/x.md") is None


@pytest.mark.parametrize("name", ["luoyang.yaml", "luoyang.measured.yaml", "hebi.yaml"])
def test_report_never_writes_over_an_input(invoke, data, name):
    path = data / "targets" / name
    before = path.read_bytes()
    for out in (str(path), f"targets/./{name}"):
        res = invoke("report", "luoyang", "-o", out, "--targets-dir", "targets")
        assert res.exit_code == 2 and "never writes over its inputs" in res.stderr
    assert path.read_bytes() == before


def test_report_refuses_a_hard_link_to_an_input(invoke, data):
    import os

    os.link(data / "targets" / "luoyang.yaml", data / "linked.md")
    res = invoke("report", "luoyang", "-o", "linked.md", "--targets-dir", "targets")
    assert res.exit_code == 2 and "input files" in res.stderr


def test_report_all_refuses_a_symlinked_report(invoke, data):
    (data / "reports").mkdir()
    (data / "reports" / "luoyang.md").symlink_to(data / "targets" / "luoyang.yaml")
    before = (data / "targets" / "luoyang.yaml").read_bytes()
    res = invoke("report", "--all", "--targets-dir", "targets")
    assert res.exit_code == 2 and "symbolic link" in res.stderr
    assert (data / "targets" / "luoyang.yaml").read_bytes() == before


def test_write_atomic_itself_refuses_special_files(tmp_path):
    import os

    from planck.write.atomic import write_atomic

    os.mkfifo(tmp_path / "f")
    (tmp_path / "l").symlink_to(tmp_path / "target")
    for name in ("f", "l"):
        with pytest.raises(OSError, match="not a regular file"):
            write_atomic(tmp_path / name, "x")
    assert not (tmp_path / "target").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f", "l"]


# --- class 9: an interrupt right after the temp file is created -------------------------------

def test_interrupt_just_after_creating_the_temp_file_leaves_nothing(tmp_path, monkeypatch):
    import os

    from planck.write import atomic

    real_open = os.open

    def open_then_interrupt(*args, **kwargs):
        real_open(*args, **kwargs)  # the file now exists; the signal lands before the return
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "open", open_then_interrupt)
    (tmp_path / "r.md").write_text("old\n")
    with pytest.raises(KeyboardInterrupt):
        atomic.write_atomic(tmp_path / "r.md", "new\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md"]
    assert (tmp_path / "r.md").read_text() == "old\n"
