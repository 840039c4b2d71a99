"""Issue 9, classes 2–10: hostile values, special files, paths, numbers, positions, hangs.

Class 1 and 5 (escaping of every output) are in tests/test_injection.py; the refused example
files are in tests/examples/invalid and run through the CLI by tests/test_hostile.py.
"""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, base_targets, target

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


def test_a_device_is_named_without_writing_to_it():
    # Only looked at, never written: a regression must not be able to replace /dev/null.
    from planck.write.target import kind

    assert kind("/dev/null") == "character device"
    assert kind("/nonexistent-planck/x.md") is None


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


# --- class 4: validate --sources reads only inside its folder ---------------------------------

@pytest.fixture
def sources_case(tmp_path):
    """A valid file whose source names a document; a secret beside the sources folder."""
    (tmp_path / "src").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "secret.txt").write_text("高新技术企业不少于1600家 研发投入强度达到3.75%左右 "
                                         "技术合同成交额突破120亿元", encoding="utf-8")
    text = (ROOT / "tests" / "examples" / "valid" / "sample.yaml").read_text(encoding="utf-8")

    def write(file_value: str):
        path = tmp_path / "data" / "sample.yaml"
        path.write_text(text.replace("    date: 2022-04-19\n",
                                     f"    date: 2022-04-19\n    file: {file_value}\n", 1),
                        encoding="utf-8")
        return path

    return tmp_path, write


@pytest.mark.parametrize("how", ["dotdot", "absolute", "symlink", "symlinked-folder"])
def test_sources_outside_the_folder_are_refused(invoke, sources_case, how):
    root, write = sources_case
    name = {"dotdot": "../secret.txt", "absolute": str(root / "secret.txt"),
            "symlink": "link.txt", "symlinked-folder": "up/secret.txt"}[how]
    (root / "src" / "link.txt").symlink_to(root / "secret.txt")
    (root / "src" / "up").symlink_to(root)
    path = write(name)
    res = invoke("validate", str(path), "--sources", str(root / "src"))
    assert res.exit_code == 2 and "[source-outside]" in res.stderr, res.stderr
    assert "quote-not-found" not in res.stderr and "verified" not in res.stderr
    [line] = res.stderr.splitlines()
    assert line.startswith(f"{path}:15:11: error: source file")


def test_a_source_inside_the_folder_is_still_read(invoke, sources_case):
    root, write = sources_case
    (root / "src" / "plan.txt").write_text((root / "secret.txt").read_text(encoding="utf-8"),
                                           encoding="utf-8")
    (root / "src" / "sub").mkdir()
    (root / "src" / "sub" / "plan.txt").write_text("nothing", encoding="utf-8")
    assert invoke("validate", str(write("plan.txt")), "--sources", str(root / "src")).exit_code == 0
    res = invoke("validate", str(write("sub/../sub/plan.txt")), "--sources", str(root / "src"))
    assert res.exit_code == 2 and "[quote-not-found]" in res.stderr  # read, inside the folder


def test_source_reading_is_capped(invoke, sources_case, monkeypatch):
    from planck.read import sources

    root, write = sources_case
    (root / "src" / "big.txt").write_bytes(b"x" * 2000)
    monkeypatch.setattr(sources, "MAX_SOURCE_BYTES", 1000)
    res = invoke("validate", str(write("big.txt")), "--sources", str(root / "src"))
    assert res.exit_code == 2 and "[source-too-large]" in res.stderr


def test_a_fifo_source_document_does_not_hang(invoke, sources_case):
    import os

    root, write = sources_case
    os.mkfifo(root / "src" / "fifo.txt")
    res = invoke("validate", str(write("fifo.txt")), "--sources", str(root / "src"))
    assert res.exit_code == 2 and "[source-missing]" in res.stderr


# --- class 8: special files in the data folder ------------------------------------------------

@pytest.fixture
def folder(tmp_path):
    import shutil

    from conftest import TARGETS

    shutil.copytree(TARGETS, tmp_path / "t")
    return tmp_path / "t"


def test_a_fifo_in_the_data_folder_never_blocks(folder):
    import os
    import subprocess
    import sys

    os.mkfifo(folder / "zz.yaml")
    for args in (["list"], ["check", "--all"], ["validate", str(folder)]):
        argv = [sys.executable, "-m", "planck", *args]
        if args[0] != "validate":
            argv += ["--targets-dir", str(folder)]
        res = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        if args[0] == "list":
            assert res.returncode == 0 and "zz" in res.stdout and "invalid" in res.stdout
        else:
            assert res.returncode == 2
            assert f"{folder / 'zz.yaml'}: error: not a regular file (a FIFO)" in res.stderr


def test_validate_and_check_agree_on_special_files(invoke, folder):
    (folder / "dangling.yaml").symlink_to(folder / "nowhere.yaml")
    v = invoke("validate", str(folder))
    c = invoke("check", "--all", "--targets-dir", str(folder))
    assert v.exit_code == c.exit_code == 2
    assert "dangling.yaml" in v.stderr and "dangling.yaml" in c.stderr


def test_a_dangling_measured_symlink_is_a_finding_not_no_data(invoke, folder):
    (folder / "luoyang.measured.yaml").unlink()
    (folder / "luoyang.measured.yaml").symlink_to(folder / "gone.yaml")
    for args in (["check", "luoyang", "--targets-dir", str(folder)], ["validate", str(folder)]):
        res = invoke(*args)
        assert res.exit_code == 2 and "luoyang.measured.yaml" in res.stderr, args


# --- class 6: numbers at the edges ----------------------------------------------------------

@pytest.mark.parametrize("where, value, says", [
    ("value", 1e300, "beyond ±1e15"), ("value", -1.7e308, "beyond ±1e15"),
    ("baseline", 1.7e308, "beyond ±1e15"), ("observation", 1e16, "beyond ±1e15"),
])
def test_huge_figures_are_refused_at_validation(invoke, make_city, where, value, says):
    from conftest import obs

    t = target("m-2025", "money", "at_least", value=value if where == "value" else 100,
               unit="亿元", baseline={"year": 2020, "value": value if where == "baseline" else 1})
    path = make_city([t], [obs("money", 2023, value if where == "observation" else 5, "亿元")])
    for command in ("validate", "check"):
        res = invoke(command, str(path.parent if command == "validate" else path))
        assert res.exit_code == 2 and says in res.stderr and "internal error" not in res.stderr


@pytest.mark.parametrize("op, value, says", [("annual_growth", 1e300, "beyond ±1e15"),
                                             ("annual_growth", 1001, "annual growth"),
                                             ("annual_growth", -100, "annual growth"),
                                             ("coverage", 120, "coverage 120%")])
def test_rates_outside_their_range_are_refused(invoke, make_city, op, value, says):
    unit = "%"
    t = target("r-2025", "rd", op, value=value, unit=unit, baseline={"year": 2020, "value": 2})
    res = invoke("check", str(make_city([t])))
    assert res.exit_code == 2 and says in res.stderr and "internal error" not in res.stderr


EDGES = [1e15, -1e15, 1e-300, -1e-300, 5e-324, 0.0]


@pytest.mark.parametrize("op", ["at_least", "about", "increase_by", "multiple_of", "between"])
@pytest.mark.parametrize("edge", EDGES)
def test_accepted_extremes_never_crash_and_json_stays_strict(invoke, make_city, op, edge):
    from conftest import obs

    extra = {"low": -abs(edge), "high": abs(edge)} if op == "between" else \
        {"value": abs(edge) or 1.0 if op == "multiple_of" else abs(edge) if op == "increase_by"
         else edge}
    unit = {} if op == "multiple_of" else {"unit": "亿元"}
    t = target("m-2025", "money", op, baseline={"year": 2020, "value": edge}, **unit, **extra)
    path = make_city([t], [obs("money", 2021, -edge, "亿元"), obs("money", 2023, edge or 1e15, "亿元")])
    for fmt in ("table", "json", "markdown", "junit", "github", "csv"):
        res = invoke("check", str(path), "-f", fmt)
        assert res.exit_code in (0, 1), (fmt, res.stderr)
        if fmt == "json":
            json.loads(res.stdout, parse_constant=lambda c: pytest.fail(f"not JSON: {c}"))
    res = invoke("explain", str(path), "m-2025", "--json")
    assert res.exit_code == 0, res.stderr
    json.loads(res.stdout, parse_constant=lambda c: pytest.fail(f"not JSON: {c}"))


# --- class 8: stdout that closes, fills up or cannot encode ----------------------------------

def _planck(*args: str, env: dict | None = None, **kw):
    import os
    import subprocess
    import sys

    full_env = {k: v for k, v in os.environ.items() if k not in ("PLANCK_TARGETS", "GITHUB_ACTIONS")}
    full_env.update(env or {})
    return subprocess.Popen([sys.executable, "-m", "planck", *args], cwd=ROOT, env=full_env,
                            stderr=subprocess.PIPE, **kw)


def test_broken_pipe_is_quiet_and_not_the_gate_code():
    import subprocess

    child = _planck("check", "--all", "-f", "json", "--fail-on", "missed,on_track,behind",
                    stdout=subprocess.PIPE)
    assert child.stdout.read(10) == b'{"schema":'
    child.stdout.close()  # the reader leaves, as `| head -c 10` does
    _, err = child.communicate(timeout=60)
    assert child.returncode == 141 and err == b""


@pytest.mark.parametrize("args", [["check", "luoyang", "-f", "json"], ["list"],
                                  ["explain", "luoyang", "ly-rd-intensity-2025"]])
def test_a_full_disk_on_stdout_is_one_clear_line(args):
    with open("/dev/full", "w") as full:
        child = _planck(*args, stdout=full)
        _, err = child.communicate(timeout=60)
    assert child.returncode == 2, err
    assert err.decode() == "planck: cannot write to stdout: No space left on device\n"


def test_an_ascii_console_gets_utf8_not_question_marks():
    import subprocess

    child = _planck("check", "luoyang", env={"PYTHONIOENCODING": "ascii"}, stdout=subprocess.PIPE)
    out, _ = child.communicate(timeout=60)
    assert child.returncode in (0, 1)
    text = out.decode("utf-8")
    assert "洛阳" in text and "?" * 2 not in text


# --- class 7: raw Unicode line breaks; class 10: odd numbers and an empty --fail-on ----------

SAMPLE = ROOT / "tests" / "examples" / "valid" / "sample.yaml"


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
@pytest.mark.parametrize("fast", [True, False])
def test_raw_unicode_line_breaks_get_one_answer_and_the_editor_line(char, fast, monkeypatch):
    from planck.read import loader

    if not fast:  # force the careful (ruamel) path
        monkeypatch.setattr(loader, "_fast_blocked", lambda text: True)
    for old in ("    quote: 高新技术企业不少于1600家\n", "  name_en: Sample\n"):
        text = SAMPLE.read_text(encoding="utf-8").replace(old, old[:-1] + char + "x\n", 1)
        line = text[: text.index(char)].count("\n") + 1
        loaded = loader.parse(text, "s.yaml")
        assert [(f.code, f.line) for f in loaded.findings] == [("control-char", line)]
    escaped = f'    quote: "高新技术企业\\u{ord(char):04x}不少于1600家"\n'
    text = SAMPLE.read_text(encoding="utf-8").replace("    quote: 高新技术企业不少于1600家\n", escaped, 1)
    assert loader.parse(text, "s.yaml").ok, "written as an escape in a quote it is free text"


@pytest.mark.parametrize("spelling, says", [("0x640", "0x640 is hexadecimal"),
                                            ("0o3100", "0o3100 is octal"),
                                            ("0b11001000000", "is binary"),
                                            ("1_600", "'_' between digits"),
                                            ("9" * 5000, "a number with 5,000 digits")])
def test_numbers_not_in_decimal_digits_are_refused_with_a_position(invoke, tmp_path, spelling, says):
    path = tmp_path / "s.yaml"
    path.write_text(SAMPLE.read_text(encoding="utf-8").replace("value: 1600", f"value: {spelling}", 1),
                    encoding="utf-8")
    res = invoke("validate", str(path))
    assert res.exit_code == 2 and says in res.stderr and "set_int_max_str_digits" not in res.stderr
    assert res.stderr.startswith(f"{path}:46:12: error:"), res.stderr


def test_an_empty_fail_on_is_refused_and_none_is_explicit(invoke):
    res = invoke("check", "luoyang", "--fail-on", "")
    assert res.exit_code == 2 and "--fail-on: no status given" in res.stderr
    res = invoke("check", "luoyang", "--fail-on", "none", "-f", "json")
    assert res.exit_code == 0


@pytest.mark.parametrize("digits", ["١٢٠", "۱۲۰", "१२०"])
def test_other_scripts_digits_get_the_ascii_advice(invoke, tmp_path, digits):
    path = tmp_path / "s.yaml"
    path.write_text(SAMPLE.read_text(encoding="utf-8").replace("value: 1600", f"value: {digits}", 1),
                    encoding="utf-8")
    res = invoke("validate", str(path))
    assert res.exit_code == 2 and "write it with ASCII digits, as 120" in res.stderr, res.stderr
    assert "without quotes" not in res.stderr


@pytest.mark.parametrize("unit", ["%/%", "家/家", "亿元 / 亿元"])
def test_a_unit_divided_by_itself_is_refused(invoke, make_city, unit):
    from conftest import obs

    t = target("r-2025", "rd", "at_least", value=2.5, unit="%")
    res = invoke("check", str(make_city([t], [obs("rd", 2023, 1.2, unit)])))
    assert res.exit_code == 2 and "divides a unit by itself" in res.stderr, res.stderr


def test_a_source_dated_before_its_period_is_a_finding_not_a_vanishing_figure(make_city, invoke):
    """A 2024 figure from a source dated 2023 would stay hidden until an as-of in 2024."""
    from conftest import measured, obs, target

    early = measured([obs("firms", 2024, 1200, "家")])
    early["sources"][0]["date"] = "2023-05-01"
    path = make_city([target("t", "firms", "at_least", value=1600)], measured_doc=early)
    res = invoke("validate", str(path.parent / "testcity.measured.yaml"))
    assert res.exit_code == 2 and "[source-before-period]" in res.stderr
    line = next(ln for ln in res.stderr.splitlines() if "source-before-period" in ln)
    assert line.split(":")[1].isdigit() and line.split(":")[2].isdigit()
