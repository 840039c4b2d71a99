"""Hardening round 3 (issue 20): the writing commands never touch what is not theirs.

Each attack is played as a stranger's pull request would: a path through a missing folder and
``..``, a committed symbolic link, a symlink planted at a temporary name, a zip whose
properties expand to gigabytes. Every test failed before ``planck/write/guarded.py``.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import TARGETS


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A data repository (git work tree marker, targets/) as the current folder, and a
    ``victim`` folder beside it that nothing may write into."""
    root = tmp_path / "repo"
    root.mkdir()
    (root / ".git").mkdir()
    shutil.copytree(TARGETS, root / "targets")
    (tmp_path / "victim").mkdir()
    (tmp_path / "victim" / "keep.txt").write_text("mine\n", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def _yaml(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.yaml"))}


def _victim(repo: Path) -> list[str]:
    return sorted(p.name for p in (repo.parent / "victim").iterdir())


# --- '..' through a folder that does not exist --------------------------------------------

def test_site_through_a_missing_folder_and_dotdot_keeps_the_data(invoke, repo):
    before = _yaml(repo / "targets")
    res = invoke("site", "-o", "nothere/../targets", "--targets-dir", "targets")
    assert res.exit_code == 2, res.stderr
    assert "'..' after the folder 'nothere'" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert _yaml(repo / "targets") == before
    assert not (repo / "nothere").exists()


def test_site_through_dotdot_keeps_a_users_folder(invoke, repo):
    (repo / "mine").mkdir()
    (repo / "mine" / "notes.txt").write_text("keep\n", encoding="utf-8")
    res = invoke("site", "-o", "a/b/../../mine", "--targets-dir", "targets")
    assert res.exit_code == 2
    assert (repo / "mine" / "notes.txt").read_text(encoding="utf-8") == "keep\n"


def test_report_through_dotdot_keeps_the_readme(invoke, repo):
    (repo / "dd").mkdir()
    (repo / "README.md").write_text("# mine\n", encoding="utf-8")
    res = invoke("report", "hebi", "-o", "dd/nothere/../README.md", "--targets-dir", "targets")
    assert res.exit_code == 2 and "'..'" in res.stderr
    assert (repo / "README.md").read_text(encoding="utf-8") == "# mine\n"


def test_dotdot_through_a_real_folder_still_works(invoke, repo):
    (repo / "out").mkdir()
    res = invoke("report", "hebi", "-o", "out/../hebi.md", "--targets-dir", "targets")
    assert res.exit_code == 0, res.stderr
    assert (repo / "hebi.md").is_file()


# --- symbolic links committed in the repository ---------------------------------------------

def test_report_refuses_a_linked_reports_folder(invoke, repo):
    (repo / "reports").symlink_to("../victim")
    res = invoke("report", "--all", "--targets-dir", "targets")
    assert res.exit_code == 2
    assert "symbolic link 'reports'" in res.stderr and "--follow-symlinks" in res.stderr
    assert _victim(repo) == ["keep.txt"]


def test_report_refuses_a_linked_chart_folder(invoke, repo):
    (repo / "reports").mkdir()
    (repo / "reports" / "hebi").symlink_to("../../victim")
    res = invoke("report", "hebi", "--targets-dir", "targets")
    assert res.exit_code == 2, res.stderr
    assert _victim(repo) == ["keep.txt"]
    assert not (repo / "reports" / "hebi.md").exists()


def test_follow_symlinks_writes_through_the_link(invoke, repo):
    (repo / "reports").symlink_to("../victim")
    res = invoke("report", "hebi", "--targets-dir", "targets", "--follow-symlinks")
    assert res.exit_code == 0, res.stderr
    assert "hebi.md" in _victim(repo)


def test_a_link_outside_the_repository_is_followed(invoke, repo, tmp_path):
    (tmp_path / "elsewhere").symlink_to(tmp_path / "victim")
    res = invoke("report", "hebi", "-o", str(tmp_path / "elsewhere" / "hebi.md"),
                 "--targets-dir", "targets")
    assert res.exit_code == 0, res.stderr
    assert "hebi.md" in _victim(repo)


def test_site_export_extract_new_record_refuse_a_linked_folder(invoke, repo):
    (repo / "out").symlink_to("../victim")
    plan = repo / "plan.txt"
    plan.write_text("江川市“十五五”规划\n到2030年，高新技术企业不少于2000家。\n", encoding="utf-8")
    runs = [("site", "-o", "out/site", "--targets-dir", "targets"),
            ("export", "hebi", "-o", "out/v.xlsx", "--targets-dir", "targets"),
            ("extract", str(plan), "-o", "out/draft.yaml"),
            ("new", "xinxiang", "--name-zh", "新乡市", "--name-en", "Xinxiang",
             "--targets-dir", "out")]
    for args in runs:
        res = invoke(*args)
        assert res.exit_code == 2, (args, res.stderr)
        assert "symbolic link" in res.stderr and "--follow-symlinks" in res.stderr, res.stderr
    assert _victim(repo) == ["keep.txt"]


def test_record_refuses_a_linked_targets_folder(invoke, repo):
    shutil.copytree(repo / "targets", repo.parent / "victim" / "data")
    (repo / "linked").symlink_to("../victim/data")
    before = _yaml(repo.parent / "victim" / "data")
    res = invoke("record", "hebi", "high-tech-enterprises", "2026", "900", "--source", "x",
                 "--quote", "900家", "--targets-dir", "linked")
    assert res.exit_code == 2
    assert "symbolic link" in res.stderr
    assert _yaml(repo.parent / "victim" / "data") == before


def test_site_temp_folder_name_is_not_predictable(repo):
    """A link planted at the old temporary name (.site.tmp-<pid>) is never written into."""
    from planck.write.sitetree import write_tree

    (repo / f".site.tmp-{os.getpid()}").symlink_to("../victim")
    write_tree(Path("site"), {"index.html": "<p>x</p>\n", "MARK": ""}, "MARK")
    assert _victim(repo) == ["keep.txt"]
    assert (repo / "site" / "index.html").is_file()
    assert [p.name for p in repo.iterdir() if p.name.startswith(".site")] == [
        f".site.tmp-{os.getpid()}"]  # the planted link is not planck's to remove


def test_guarded_write_leaves_no_temporary_file(repo):
    from planck.write import guarded

    guarded.write_file("out.md", "one\n")
    guarded.write_file("out.md", "two\n", force=True)
    assert sorted(p.name for p in repo.iterdir() if p.name.startswith(".out")) == []
    assert (repo / "out.md").read_text(encoding="utf-8") == "two\n"
    with pytest.raises(guarded.Refused) as why:
        guarded.write_file("out.md", "three\n")
    assert why.value.code == "foreign"


# --- the owner check reads a bounded amount -------------------------------------------------

def test_owner_check_of_a_zip_bomb_reads_little(tmp_path):
    import tracemalloc

    from planck.write.owner import written_by_planck

    bomb = tmp_path / "v.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("docProps/core.xml", b"<dc:creator>planck</dc:creator>"
                      + b" " * (64 * 2**20) + b"<cp:lastModifiedBy>planck</cp:lastModifiedBy>")
    assert bomb.stat().st_size < 200_000
    tracemalloc.start()
    try:
        assert not written_by_planck(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * 2**20, peak


# --- record --replace keeps what it does not change ---------------------------------------

BLOCK = """  - indicator: rd-intensity
    period: 2020
    value: 2.82
    unit: '%'
    partial: false
    pin: true
    source: ly-sti-plan
    quote: |-  # as printed
      研发投入强度由1.79%增长到2.82%
    note: kept  # my comment
"""
FLOW = ("  - {indicator: rd-intensity, period: 2015, value: 1.79, unit: '%', partial: false, "
        "source: ly-sti-plan, quote: 研发投入强度由1.79%增长到2.82%, pin: true, note: flowed}"
        "  # checked\n")
ORIGINAL_2020 = """  - indicator: rd-intensity
    period: 2020
    value: 2.82
    unit: '%'
    partial: false
    source: ly-sti-plan
    quote: 研发投入强度由1.79%增长到2.82%
"""
ORIGINAL_2015 = """  - indicator: rd-intensity
    period: 2015
    value: 1.79
    unit: '%'
    partial: false
    source: ly-sti-plan
    quote: 研发投入强度由1.79%增长到2.82%
    note: Start of the 十三五 comparison in section 一 (“十二五”末 = 2015).
"""


@pytest.fixture
def styled(repo) -> Path:
    """luoyang's measured file with one item as a block scalar and one in flow style."""
    m = repo / "targets" / "luoyang.measured.yaml"
    text = m.read_text(encoding="utf-8")
    assert ORIGINAL_2020 in text and ORIGINAL_2015 in text
    m.write_text(text.replace(ORIGINAL_2020, BLOCK, 1).replace(ORIGINAL_2015, FLOW, 1),
                 encoding="utf-8")
    return m


def _record(invoke, *args: str):
    return invoke("record", "luoyang", "rd-intensity", *args, "--source", "ly-sti-plan",
                  "--replace", "--targets-dir", "targets")


def test_replace_in_a_block_scalar_item_keeps_pin_note_and_comments(invoke, styled):
    before = styled.read_text(encoding="utf-8")
    res = _record(invoke, "2020", "2.83", "--quote", "研发投入强度由1.79%增长到2.83%")
    assert res.exit_code == 0, res.stderr
    want = BLOCK.replace("2.82\n", "2.83\n").replace("到2.82%", "到2.83%")
    assert styled.read_text(encoding="utf-8") == before.replace(BLOCK, want)


def test_replace_in_a_flow_item_keeps_pin_note_and_comment(invoke, styled):
    before = styled.read_text(encoding="utf-8")
    res = _record(invoke, "2015", "1.78", "--quote", "研发投入强度由1.78%增长到2.82%")
    assert res.exit_code == 0, res.stderr
    want = FLOW.replace("value: 1.79", "value: 1.78").replace("由1.79%", "由1.78%")
    assert styled.read_text(encoding="utf-8") == before.replace(FLOW, want)


def test_replace_in_a_flow_item_with_a_new_note_says_the_old_one(invoke, styled):
    res = _record(invoke, "2015", "1.78", "--quote", "研发投入强度由1.78%增长到2.82%",
                  "--note", "restated, later")
    assert res.exit_code == 0, res.stderr
    assert "the old one was: flowed" in res.stderr
    line = next(ln for ln in styled.read_text(encoding="utf-8").splitlines()
                if ln.startswith("  - {indicator: rd-intensity"))
    assert line.endswith("pin: true, note: 'restated, later'}  # checked"), line
    from planck.read.loader import load

    item = next(o for o in load(styled).data["observations"] if o.get("period") == 2015
                and o.get("source") == "ly-sti-plan" and o["indicator"] == "rd-intensity")
    assert (item["value"], item["pin"], item["note"]) == (1.78, True, "restated, later")


def test_replace_refuses_a_layout_it_cannot_keep(invoke, repo):
    m = repo / "targets" / "luoyang.measured.yaml"
    text = m.read_text(encoding="utf-8")
    odd = ORIGINAL_2020.replace("    quote: 研发", "    quote:\n      研发")
    m.write_text(text.replace(ORIGINAL_2020, odd, 1), encoding="utf-8")
    before = m.read_bytes()
    res = _record(invoke, "2020", "2.83", "--quote", "研发投入强度由1.79%增长到2.83%")
    assert res.exit_code == 2
    assert "[replace-layout]" in res.stderr and len(res.stderr.strip().splitlines()) == 1
    assert m.read_bytes() == before


def test_an_edit_saved_during_the_write_is_not_lost(invoke, repo, monkeypatch):
    """The editor saves after planck's early check, while the new file is being written."""
    m = repo / "targets" / "hebi.measured.yaml"
    real_fsync = os.fsync
    saved = []

    def editor_saves(fd):
        if not saved:
            saved.append(m.read_bytes() + b"# the editor's line\n")
            m.write_bytes(saved[0])
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", editor_saves)
    res = invoke("record", "hebi", "high-tech-enterprises", "2026", "900", "--quote",
                 "高新技术企业900家", "--title", "t", "--issuer", "i", "--date", "2026-02-01",
                 "--url", "https://e.org/x", "--targets-dir", "targets")
    assert saved and res.exit_code == 2, res.stderr
    assert "[changed]" in res.stderr
    assert m.read_bytes() == saved[0]
    assert not [p for p in m.parent.iterdir() if p.name.startswith(".")]


def test_a_file_with_cr_line_ends_keeps_them(invoke, repo):
    m = repo / "targets" / "hebi.measured.yaml"
    m.write_bytes(m.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r"))
    res = invoke("record", "hebi", "high-tech-enterprises", "2026", "900", "--quote",
                 "高新技术企业900家", "--title", "t", "--issuer", "i", "--date", "2026-02-01",
                 "--url", "https://e.org/x", "--targets-dir", "targets")
    assert res.exit_code == 0, res.stderr
    raw = m.read_bytes()
    assert b"\n" not in raw and b"900" in raw


def test_record_refuses_a_read_only_folder_even_as_root(invoke, repo):
    folder = repo / "targets"
    before = _yaml(folder)
    folder.chmod(0o555)
    try:
        res = invoke("record", "hebi", "high-tech-enterprises", "2026", "900", "--quote",
                     "高新技术企业900家", "--title", "t", "--issuer", "i", "--date",
                     "2026-02-01", "--url", "https://e.org/x", "--targets-dir", "targets")
    finally:
        folder.chmod(0o755)
    assert res.exit_code == 2 and "[read-only]" in res.stderr, res.stderr
    assert _yaml(folder) == before


def test_replace_in_a_flow_item_over_two_lines(invoke, repo):
    m = repo / "targets" / "luoyang.measured.yaml"
    text = m.read_text(encoding="utf-8")
    two = FLOW.replace(", pin: true, note: flowed}  # checked\n",
                       ",\n      pin: true, note: flowed\n    }  # checked\n")
    m.write_text(text.replace(ORIGINAL_2015, two, 1), encoding="utf-8")
    before = m.read_text(encoding="utf-8")
    res = _record(invoke, "2015", "1.78", "--quote", "研发投入强度由1.78%增长到2.82%",
                  "--note", "later")
    assert res.exit_code == 0, res.stderr
    want = two.replace("value: 1.79", "value: 1.78").replace("由1.79%", "由1.78%").replace(
        "note: flowed\n", "note: later\n")
    assert m.read_text(encoding="utf-8") == before.replace(two, want)


def test_report_and_site_refuse_a_read_only_folder_even_as_root(invoke, repo):
    out = repo / "locked"
    out.mkdir()
    out.chmod(0o555)
    try:
        res = invoke("report", "hebi", "-o", "locked/hebi.md", "--targets-dir", "targets")
        site = invoke("site", "-o", "locked/site", "--targets-dir", "targets")
    finally:
        out.chmod(0o755)
    assert res.exit_code == 2 and "Permission denied" in res.stderr, res.stderr
    assert site.exit_code == 2 and "Permission denied" in site.stderr, site.stderr
    assert list(out.iterdir()) == []
