"""planck record: a figure goes into the measured file as inserted lines only; every refusal
leaves the file byte-identical and exits 2 with one line saying why."""

from __future__ import annotations

import difflib
import fcntl
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import TARGETS, new_city_without_figures

from planck.findings import PlanckError
from planck.read.dataset import read_targets
from planck.read.loader import parse
from planck.write.entries import NewObservation, NewSource
from planck.write.record import plan_edit
from planck.write.yamledit import Number

MEASURED = sorted(TARGETS.glob("*.measured.yaml"))
NEW_SOURCE = NewSource("test-bulletin-2026", "2025年统计公报", "统计局", date(2026, 3, 30),
                       "https://example.org/bulletin")


def _only_insertions(old: str, new: str) -> list[str]:
    """The inserted lines; fails if any original line was changed or removed."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    inserted = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        assert op in ("equal", "insert"), (op, a[i1:i2], b[j1:j2])
        if op == "insert":
            inserted += b[j1:j2]
    return inserted


@pytest.mark.parametrize("path", MEASURED, ids=lambda p: p.name)
def test_record_into_every_bundled_file_only_inserts(path):
    tf, _ = read_targets(path.with_name(path.name.replace(".measured", "")))
    ind = tf.indicators[-1]
    text = path.read_text(encoding="utf-8")
    obs = [NewObservation(ind.id, 2025, Number("12.5"), ind.unit, NEW_SOURCE.id,
                          "某指标达12.5: it's #1", False),
           NewObservation(ind.id, "2026-02", Number("3"), ind.unit, NEW_SOURCE.id,
                          "上半年3", True, note="yes")]
    edit = plan_edit(text, str(path), tf, obs, [NEW_SOURCE], today=date(2026, 11, 30))
    inserted = [line for line in _only_insertions(text, edit.text) if line.strip()]
    # five source lines and 7 + 8 observation lines: nothing else moved
    assert len(inserted) == 5 + 7 + 8
    assert any("test-bulletin-2026" in line and "id:" in line for line in inserted)
    data = parse(edit.text, "x").data
    added = [o for o in data["observations"] if o["source"] == NEW_SOURCE.id]
    assert [(o["period"], o["value"], o["quote"]) for o in added] == [
        (2025, 12.5, "某指标达12.5: it's #1"), ("2026-02", 3, "上半年3")]
    assert added[1]["note"] == "yes" and added[1]["partial"] is True


def test_blank_lines_between_items_are_kept_as_the_files_style():
    path = TARGETS / "pingdingshan.measured.yaml"
    tf, _ = read_targets(TARGETS / "pingdingshan.yaml")
    text = path.read_text(encoding="utf-8")
    obs = NewObservation("innovation-platforms", 2024, Number("800"), "家", "pds-cppcc-342-reply",
                         "800家", False)
    inserted = _only_insertions(text, plan_edit(text, "p", tf, [obs], []).text)
    assert inserted[0] == "\n" and inserted[1].lstrip().startswith("- indicator: innovation-platforms")


@pytest.mark.parametrize("heading", ["", "# --- 2024 figures ---\n",
                                     "# --- 2024 ---\n# (from the CPPCC reply)\n"])
def test_spacing_is_learnt_over_section_comments(heading):
    """A file that sets items apart by blank lines keeps doing so when its last item sits
    under a section comment (the comment is between the blank line and the item)."""
    path = TARGETS / "pingdingshan.measured.yaml"
    tf, _ = read_targets(TARGETS / "pingdingshan.yaml")
    text = path.read_text(encoding="utf-8")
    seq = parse(text, "p").data["observations"]
    assert len(seq) >= 3, "the bundled file needs a few observations for this test"
    lines = text.splitlines(keepends=True)
    from planck.write.yamledit import dash_line

    at = dash_line(lines, seq, len(seq) - 1)
    assert lines[at - 1].strip() == "", "the bundled file sets its observations apart"
    text = "".join(lines[:at] + [" " * (len(lines[at]) - len(lines[at].lstrip())) + h
                                 for h in heading.splitlines(keepends=True)] + lines[at:])
    obs = NewObservation("innovation-platforms", 2024, Number("800"), "家", "pds-cppcc-342-reply",
                         "800家", False)
    inserted = _only_insertions(text, plan_edit(text, "p", tf, [obs], []).text)
    assert inserted[0] == "\n", inserted[:2]
    assert inserted[1].lstrip().startswith("- indicator: innovation-platforms")


def test_crlf_and_bom_are_kept(tmp_path, invoke):
    city = _copy_city(tmp_path)
    m = city / "hebi.measured.yaml"
    original = m.read_bytes().replace(b"\n", b"\r\n")
    m.write_bytes(b"\xef\xbb\xbf" + original)
    res = invoke("record", "hebi", "high-tech-enterprises", "2022", "300", "--source",
                 "hb-china-com-2022-09", "--quote", "300家", "--targets-dir", str(city))
    assert res.exit_code == 0, res.stderr
    new = m.read_bytes()
    assert new.startswith(b"\xef\xbb\xbf" + original) and b"\n" not in new.replace(b"\r\n", b"")


def _copy_city(tmp_path: Path) -> Path:
    folder = tmp_path / "targets"
    shutil.copytree(TARGETS, folder)
    return folder


def _record(invoke, folder, *args):
    return invoke("record", *args, "--targets-dir", str(folder))


GOOD = ("luoyang", "rd-intensity", "2025", "3.6", "--quote", "研发投入强度达3.6%",
        "--title", "2025年洛阳市统计公报", "--issuer", "洛阳市统计局", "--date", "2026-03-30",
        "--url", "https://example.org/ly-2025")


def test_record_cli_writes_reports_status_change_and_is_idempotent(tmp_path, invoke):
    folder = _copy_city(tmp_path)
    m = folder / "luoyang.measured.yaml"
    before = m.read_text(encoding="utf-8")
    res = _record(invoke, folder, *GOOD)
    assert res.exit_code == 0, res.stderr
    after = m.read_text(encoding="utf-8")
    assert len(_only_insertions(before, after)) == 5 + 7
    assert "ly-rd-intensity-2025:" in res.stdout and "→ missed" in res.stdout
    again = _record(invoke, folder, *GOOD)
    assert again.exit_code == 0 and "already recorded" in again.stderr
    assert m.read_text(encoding="utf-8") == after


def test_dry_run_prints_the_diff_and_writes_nothing(tmp_path, invoke):
    folder = _copy_city(tmp_path)
    m = folder / "luoyang.measured.yaml"
    before = m.read_bytes()
    res = _record(invoke, folder, *GOOD, "--dry-run")
    assert res.exit_code == 0, res.stderr
    assert "+  - id: example-org-2026-03-30" in res.stdout and "+    value: 3.6" in res.stdout
    assert res.stdout.startswith("--- a/luoyang.measured.yaml")
    assert m.read_bytes() == before


def test_same_source_needs_replace_and_other_source_is_a_vintage(tmp_path, invoke):
    folder = _copy_city(tmp_path)
    m = folder / "luoyang.measured.yaml"
    assert _record(invoke, folder, *GOOD).exit_code == 0
    written = m.read_bytes()
    args = ("luoyang", "rd-intensity", "2025", "3.7", "--quote", "研发投入强度达3.7%",
            "--source", "example-org-2026-03-30")
    res = _record(invoke, folder, *args)
    assert res.exit_code == 2 and "already recorded" in res.stderr and "--replace" in res.stderr
    assert m.read_bytes() == written
    res = _record(invoke, folder, *args, "--replace")
    assert res.exit_code == 0, res.stderr
    text = m.read_text(encoding="utf-8")
    assert "value: 3.7" in text and "value: 3.6\n" not in text.split("example-org-2026-03-30")[-1]
    assert text.count("example-org-2026-03-30") == 2  # the source and one observation
    vintage = _record(invoke, folder, "luoyang", "rd-intensity", "2025", "3.8", "--quote", "3.8%",
                      "--source", "ft48-2026-02-09-sti-meeting")
    assert vintage.exit_code == 0, vintage.stderr
    assert m.read_text(encoding="utf-8").count("period: 2025\n    value: 3.") == 2


BAD = [
    (("luoyan", "rd-intensity", "2025", "3", "--source", "ly-sti-plan", "--quote", "达到3"),
     "did you mean 'luoyang'"),
    (("luoyang", "rd-intensty", "2025", "3", "--source", "ly-sti-plan", "--quote", "达到3"),
     "unknown indicator 'rd-intensty' for luoyang (did you mean 'rd-intensity'?)"),
    (("luoyang", "rd-intensity", "2025", "3", "--source", "ly-sti-pln", "--quote", "达到3"),
     "unknown source id 'ly-sti-pln' (did you mean 'ly-sti-plan'?)"),
    (("luoyang", "rd-intensity", "2025", "three", "--source", "ly-sti-plan", "--quote", "达到3"),
     "'three' is not a number"),
    (("luoyang", "rd-intensity", "2025", "１２", "--source", "ly-sti-plan", "--quote", "达到3"),
     "full-width characters: write it with ASCII digits, as 12"),
    (("luoyang", "tech-contract-turnover", "2025", "1,520", "--source", "ly-sti-plan", "--quote", "达到3"),
     "thousands separators: write 1520"),
    (("luoyang", "rd-intensity", "2025", "3", "件", "--source", "ly-sti-plan", "--quote", "达到3"),
     "unit '件' measures another kind of quantity than the unit of 'rd-intensity', '%'"),
    (("luoyang", "rd-intensity", "2025", "3", "吨煤", "--source", "ly-sti-plan", "--quote", "达到3"),
     "unknown unit '吨煤'"),
    (("luoyang", "rd-intensity", "2025-13", "3", "--source", "ly-sti-plan", "--quote", "达到3"),
     "period '2025-13' is outside 1949–2100 or has no month 13"),
    (("luoyang", "rd-intensity", "twenty", "3", "--source", "ly-sti-plan", "--quote", "达到3"),
     "period 'twenty' is not a year (2023) or a month (2024-06)"),
    (("luoyang", "rd-intensity", "2025", "3", "--source", "ly-sti-plan"), "missing --quote"),
    (("luoyang", "rd-intensity", "2025", "3", "--source", "ly-sti-plan", "--quote", "达到4"),
     "the quote does not contain the value 3"),
    (("luoyang", "rd-intensity", "2025", "3", "--quote", "达到3"), "give --source ID"),
    (("luoyang", "rd-intensity", "2025", "3", "--quote", "达到3", "--title", "t", "--issuer", "i",
      "--url", "https://example.org/", "--date", "2099-01-01"), "date 2099-01-01 is in the future"),
    (("luoyang", "rd-intensity", "2025", "3", "--quote", "达到3", "--title", "t", "--issuer", "i",
      "--url", "https://example.org/", "--date", "2024-02-30"), "date '2024-02-30' is not a date"),
    (("luoyang", "rd-intensity", "2025", "3", "--quote", "达到3", "--title", "t", "--issuer", "i",
      "--date", "2024-02-03"), "needs a url"),
    (("luoyang", "rd-intensity", "2025", "3", "--quote", "达到\n3", "--source", "ly-sti-plan"),
     "line break or control character"),
]


@pytest.mark.parametrize(("args", "message"), BAD, ids=[b[1][:30] for b in BAD])
def test_bad_input_exits_2_with_one_line_and_files_unchanged(tmp_path, invoke, args, message):
    folder = _copy_city(tmp_path)
    snapshot = {p.name: p.read_bytes() for p in folder.iterdir()}
    res = _record(invoke, folder, *args)
    assert res.exit_code == 2, (res.stdout, res.stderr)
    assert message in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == snapshot


def test_read_only_file_is_refused(tmp_path, invoke):
    folder = _copy_city(tmp_path)
    m = folder / "luoyang.measured.yaml"
    before = m.read_bytes()
    m.chmod(0o444)
    try:
        res = _record(invoke, folder, *GOOD)
    finally:
        m.chmod(0o644)
    assert res.exit_code == 2 and "file is read-only: nothing was written" in res.stderr
    assert m.read_bytes() == before


def test_locked_file_is_refused(tmp_path, invoke):
    folder = _copy_city(tmp_path)
    m = folder / "luoyang.measured.yaml"
    before = m.read_bytes()
    fd = os.open(m, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        res = _record(invoke, folder, *GOOD)
    finally:
        os.close(fd)
    assert res.exit_code == 2 and "locked by another process" in res.stderr
    assert m.read_bytes() == before


def test_an_invalid_measured_file_is_not_edited(tmp_path, invoke):
    folder = _copy_city(tmp_path)
    m = folder / "luoyang.measured.yaml"
    m.write_text(m.read_text(encoding="utf-8").replace("unit: 家", "unit: 件", 1), encoding="utf-8")
    before = m.read_bytes()
    res = _record(invoke, folder, *GOOD)
    assert res.exit_code == 2 and "[unit-mismatch]" in res.stderr
    assert m.read_bytes() == before


def test_empty_flow_lists_and_missing_keys_become_block_lists():
    tf, _ = read_targets(TARGETS / "luoyang.yaml")
    obs = NewObservation("rd-intensity", 2025, Number("3.6"), "%", NEW_SOURCE.id, "3.6%", False)
    for text in ("planck: 1\ncity: luoyang\nsources: []  # none yet\nobservations: []\n",
                 "planck: 1\ncity: luoyang\n", "planck: 1\ncity: luoyang"):
        new = plan_edit(text, "m", tf, [obs], [NEW_SOURCE]).text
        data = parse(new, "m").data
        assert data["observations"][0]["value"] == 3.6
        assert data["sources"][0]["id"] == NEW_SOURCE.id
    kept = plan_edit("planck: 1\ncity: luoyang\nsources: []  # none yet\nobservations: []\n",
                     "m", tf, [obs], [NEW_SOURCE]).text
    assert "sources:  # none yet\n" in kept


def test_flow_style_list_with_items_is_refused():
    tf, _ = read_targets(TARGETS / "luoyang.yaml")
    text = ("planck: 1\ncity: luoyang\nsources: [{id: s, title: t, issuer: i, url: 'https://e.org'}]\n"
            "observations: []\n")
    obs = NewObservation("rd-intensity", 2025, Number("3.6"), "%", NEW_SOURCE.id, "3.6%", False)
    with pytest.raises(PlanckError) as err:
        plan_edit(text, "m", tf, [obs], [NEW_SOURCE])
    assert err.value.findings[0].code == "flow-style"


@pytest.mark.parametrize("path", MEASURED, ids=lambda p: p.name)
def test_record_cli_into_a_copy_of_every_bundled_file(tmp_path, invoke, path):
    folder = _copy_city(tmp_path)
    city = path.name.removesuffix(".measured.yaml")
    tf, _ = read_targets(folder / f"{city}.yaml")
    ind = tf.indicators[0]
    copy = folder / path.name
    before = copy.read_text(encoding="utf-8")
    res = _record(invoke, folder, city, ind.id, "2025", "7", "--quote", f"达到7{ind.unit}",
                  "--title", "测试公报", "--issuer", "测试局", "--date", "2026-01-02",
                  "--url", "https://example.org/t")
    assert res.exit_code == 0, res.stderr
    inserted = _only_insertions(before, copy.read_text(encoding="utf-8"))
    lines = [line.strip() for line in inserted if line.strip()]
    assert lines[:8] == [
        "- id: example-org-2026-01-02", "title: 测试公报", "issuer: 测试局", "date: 2026-01-02",
        "url: https://example.org/t", f"- indicator: {ind.id}", "period: 2025", "value: 7"]
    quoted = ("", "'", '"')  # as the file's authors quote
    assert lines[8] in {f"unit: {q}{ind.unit}{q}" for q in quoted}
    assert lines[9:11] == ["partial: false", "source: example-org-2026-01-02"]
    assert lines[11] in {f"quote: {q}达到7{ind.unit}{q}" for q in quoted} and len(lines) == 12
    assert invoke("validate", str(folder)).exit_code == 0


def test_dry_run_diff_is_escaped_for_logs(tmp_path, invoke):
    folder = _copy_city(tmp_path)
    res = _record(invoke, folder, "luoyang", "rd-intensity", "2025", "3", "--source",
                  "ft48-2026-02-09-sti-meeting", "--quote", "##[error]3%", "--dry-run")
    assert res.exit_code == 0, res.stderr
    assert "##[" not in res.stdout and "quote:" in res.stdout


def test_symlinked_measured_file_is_refused(tmp_path, invoke):
    folder = _copy_city(tmp_path)
    real = tmp_path / "real.measured.yaml"
    m = folder / "luoyang.measured.yaml"
    m.rename(real)
    m.symlink_to(real)
    before = real.read_bytes()
    res = _record(invoke, folder, *GOOD)
    assert res.exit_code == 2 and "is a symbolic link" in res.stderr
    assert m.is_symlink() and real.read_bytes() == before


def test_errors_about_the_arguments_name_the_command_not_a_file_not_yet_written(tmp_path, invoke):
    folder = tmp_path / "targets"
    folder.mkdir()
    new_city_without_figures(invoke, folder)
    new_source = ("--source", "b", "--title", "公报", "--issuer", "统计局", "--date", "2026-01-01",
                  "--url", "https://e.org/b", "--targets-dir", str(folder))
    for args, words in ((("12", "--quote", "企业13家"), "the quote does not contain the value 12"),
                        (("1x2", "--quote", "企业12家"), "value: '1x2' is not a number")):
        res = invoke("record", "jc", "firms", "2025", *args, *new_source)
        assert res.exit_code == 2
        assert res.stderr.startswith("planck record: error: ") and words in res.stderr, res.stderr
        assert "measured.yaml" not in res.stderr
    assert not (folder / "jc.measured.yaml").exists()
