"""`planck diff`: the targets whose status, latest figure or percent changed between two as-of
dates, checked against a comparison of the two `check -f json` documents."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from conftest import TARGETS

from planck.judge.changes import diff

FROM, TO = "2024-12-31", "2026-06-30"


def _check(invoke, as_of: str) -> dict:
    res = invoke("check", "luoyang", "--targets-dir", str(TARGETS), "--as-of", as_of,
                 "-f", "json")
    assert res.exit_code in (0, 1), res.stderr
    return {r["id"]: r for r in json.loads(res.stdout)["results"]}


def _deciding(r: dict | None) -> dict | None:
    """The figure a status rests on: a stock's in-year count when the met is provisional."""
    if r is None:
        return None
    return r["latest_partial"] if r.get("provisional") else r["latest"]


def _by_hand(old: dict, new: dict) -> dict[str, list[str]]:
    """For each target: which of status, latest figure (value and period), percent differ."""
    out = {}
    for tid in new.keys() | old.keys():
        a, b = old.get(tid), new.get(tid)
        fields = []
        if (a or {}).get("status") != (b or {}).get("status"):
            fields.append("status")
        la, lb = _deciding(a), _deciding(b)
        if ((la or {}).get("value"), (la or {}).get("period")) != \
                ((lb or {}).get("value"), (lb or {}).get("period")):
            fields.append("latest")
        if (a or {}).get("percent_to_goal") != (b or {}).get("percent_to_goal"):
            fields.append("percent")
        if fields:
            out[tid] = fields
    return out


def test_luoyang_diff_is_the_hand_comparison_of_two_checks(invoke):
    old, new = _check(invoke, FROM), _check(invoke, TO)
    want = _by_hand(old, new)
    assert want, "the data changed between the dates: the test needs a non-empty answer"
    res = invoke("diff", "luoyang", "--from", FROM, "--to", TO, "--targets-dir", str(TARGETS),
                 "-f", "json")
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    assert (doc["from"], doc["to"], doc["targets"]) == (FROM, TO, len(new))
    got = {c["id"]: c["changed"] for c in doc["changes"]}
    assert got == want
    for c in doc["changes"]:
        for side, src in (("before", old), ("after", new)):
            r = src[c["id"]]
            assert c[side]["status"] == r["status"]
            assert c[side]["percent_to_goal"] == r["percent_to_goal"]
            o = _deciding(r)
            latest = o and {"value": o["value"], "period": o["period"]}
            assert c[side]["latest"] == latest

    table = invoke("diff", "luoyang", "--from", FROM, "--to", TO, "--targets-dir",
                   str(TARGETS), env={"COLUMNS": "200"}).stdout
    rows = table.splitlines()[2:]
    assert sorted(ln.split()[0] for ln in rows) == sorted(t.removeprefix("ly-") for t in want)
    assert f"{len(want)} of {len(new)} targets changed" in table.splitlines()[0]
    markdown = invoke("diff", "luoyang", "--from", FROM, "--to", TO, "--targets-dir",
                      str(TARGETS), "-f", "markdown").stdout
    assert sum(ln.startswith("| ly-") for ln in markdown.splitlines()) == len(want)


def test_figures_carry_their_unit_where_the_table_has_room(invoke):
    """A figure reads as check prints it (3.03%, 1,610 家), in JSON, markdown and a wide
    table; a narrow table gives the units up before it gives up a line per change."""
    args = ("diff", "luoyang", "--from", FROM, "--to", TO, "--targets-dir", str(TARGETS))
    doc = json.loads(invoke(*args, "-f", "json").stdout)
    units = {c["id"]: c["unit"] for c in doc["changes"]}
    assert units["ly-rd-intensity-2025"] == "%" and units["ly-high-tech-enterprises-2025"] == "家"
    wide = invoke(*args, env={"COLUMNS": "200"}).stdout
    markdown = invoke(*args, "-f", "markdown").stdout
    for text in (wide, markdown):
        assert "3.03% (2024)" in text and "1,610 家 (2025-10)" in text
    narrow = invoke(*args, env={"COLUMNS": "80"}).stdout
    assert "3.03 (2024)" in narrow


def test_narrow_diff_still_one_line_per_change(invoke):
    from rich.cells import cell_len

    res = invoke("diff", "luoyang", "--from", FROM, "--to", TO, "--targets-dir",
                 str(TARGETS), env={"COLUMNS": "80"})
    doc = json.loads(invoke("diff", "luoyang", "--from", FROM, "--to", TO, "--targets-dir",
                            str(TARGETS), "-f", "json").stdout)
    lines = res.stdout.splitlines()
    assert len(lines) == 2 + len(doc["changes"])
    assert all(cell_len(ln) <= 80 for ln in lines)


def test_diff_all_has_every_city(invoke):
    res = invoke("diff", "--all", "--from", FROM, "--targets-dir", str(TARGETS), "-f", "json")
    assert res.exit_code == 0
    cities = json.loads(invoke("check", "--all", "--targets-dir", str(TARGETS), "-f",
                               "json").stdout)["reports"]
    assert [d["city"]["id"] for d in json.loads(res.stdout)["diffs"]] == \
        [c["city"]["id"] for c in cities]


@pytest.mark.parametrize("args,message", [
    ([], "--from"),
    (["--from", "2025-13-01"], "--from: '2025-13-01' is not a date"),
    (["--from", "2026-01-01", "--to", "2025-01-01"], "is after --to"),
    (["--from", FROM, "-f", "junit"], "--format"),
])
def test_diff_usage_errors(invoke, args, message):
    res = invoke("diff", "luoyang", "--targets-dir", str(TARGETS), *args)
    assert res.exit_code == 2 and message in res.stderr and res.stdout == ""


def test_pure_diff_sees_added_and_removed_targets():
    from test_render import REPORT

    assert diff(REPORT, REPORT).changes == ()
    fewer = replace(REPORT, results=REPORT.results[1:])
    changed = diff(fewer, REPORT).changes
    assert [c.id for c in changed] == [REPORT.results[0].id]
    assert changed[0].before.status is None and changed[0].changed == ("status", "latest",
                                                                        "percent")
    removed = diff(REPORT, fewer).changes
    assert removed[0].after.status is None


# --from-rev: the data as committed at a git revision against the files on disk ------------

def _git(repo, *args: str) -> str:
    import subprocess

    return subprocess.run(["git", "-c", "user.name=planck-test", "-c", "user.email=t@example.org",
                           "-c", "commit.gpgsign=false", "-C", str(repo), *args],
                          check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def history(tmp_path):
    """A data repository with two commits: Luoyang's targets alone (every target no data),
    then its measured file added. Returns (repo, targets folder, first commit)."""
    import shutil

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "data"
    folder = repo / "targets"
    folder.mkdir(parents=True)
    _git(repo, "init", "-q")
    shutil.copy(TARGETS / "luoyang.yaml", folder)
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "targets")
    first = _git(repo, "rev-parse", "HEAD")
    shutil.copy(TARGETS / "luoyang.measured.yaml", folder)
    return repo, folder, first


def test_from_rev_is_the_hand_comparison_of_two_versions(invoke, history, tmp_path,
                                                         monkeypatch):
    import shutil
    import tempfile

    repo, folder, first = history
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    new = json.loads(invoke("check", "luoyang", "--targets-dir", str(folder), "-f", "json").stdout)
    as_of = new["as_of"]
    # the first version, checked by hand at the same date from a copy of it
    bare = tmp_path / "bare"
    bare.mkdir()
    shutil.copy(folder / "luoyang.yaml", bare)
    old = json.loads(invoke("check", "luoyang", "--targets-dir", str(bare), "--as-of", as_of,
                            "-f", "json").stdout)
    want = _by_hand({r["id"]: r for r in old["results"]}, {r["id"]: r for r in new["results"]})
    assert want, "adding the measured file changes targets: the test needs a non-empty answer"

    res = invoke("diff", "luoyang", "--from-rev", first, "--targets-dir", str(folder), "-f", "json")
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    assert (doc["from"], doc["to"], doc["from_rev"], doc["to_rev"]) == (as_of, as_of, first, None)
    assert {c["id"]: c["changed"] for c in doc["changes"]} == want
    # the same through --to-rev once the second version is committed; HEAD~1 resolves too
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "figures")
    again = invoke("diff", "luoyang", "--from-rev", "HEAD~1", "--to-rev", "HEAD",
                   "--targets-dir", str(folder), "-f", "json")
    assert again.exit_code == 0, again.stderr
    assert {c["id"]: c["changed"] for c in json.loads(again.stdout)["changes"]} == want
    assert not list(scratch.iterdir()), "the private copy of the old version is removed"


def test_from_rev_table_names_the_versions(invoke, history):
    repo, folder, first = history
    res = invoke("diff", "luoyang", "--from-rev", first[:10], "--targets-dir", str(folder),
                 env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.stderr
    assert f"{first[:10]} → files on disk (as of " in res.stdout.splitlines()[0]


def test_from_rev_bad_old_file_is_a_finding_at_the_revision(invoke, history):
    repo, folder, first = history
    text = (folder / "luoyang.yaml").read_text(encoding="utf-8")
    (folder / "luoyang.yaml").write_text(text.replace("targets:", "targets: [", 1),
                                         encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "broken")
    (folder / "luoyang.yaml").write_text(text, encoding="utf-8")
    res = invoke("diff", "luoyang", "--from-rev", "HEAD", "--targets-dir", str(folder))
    assert res.exit_code == 2 and res.stdout == ""
    lines = res.stderr.splitlines()
    assert lines and all(ln.startswith("HEAD:targets/luoyang.yaml:") for ln in lines), lines


@pytest.mark.parametrize("rev,message", [
    ("no-such-branch", "names no commit"),
    ("--output=x", "is not a revision name"),
    ("a b", "is not a revision name"),
])
def test_from_rev_refuses_what_names_no_commit(invoke, history, rev, message):
    repo, folder, first = history
    res = invoke("diff", "luoyang", "--from-rev", rev, "--targets-dir", str(folder))
    assert res.exit_code == 2 and res.stdout == ""
    assert len(res.stderr.splitlines()) == 1 and message in res.stderr, res.stderr
    assert not (folder / "x").exists()


def test_from_rev_outside_a_repository_is_a_usage_error(invoke, tmp_path):
    import shutil

    folder = tmp_path / "targets"
    folder.mkdir()
    shutil.copy(TARGETS / "luoyang.yaml", folder)
    res = invoke("diff", "luoyang", "--from-rev", "HEAD", "--targets-dir", str(folder),
                 env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert res.exit_code == 2 and "not inside a git repository" in res.stderr
    assert len(res.stderr.splitlines()) == 1


def test_to_rev_needs_from_rev(invoke):
    res = invoke("diff", "luoyang", "--from", FROM, "--to-rev", "HEAD", "--targets-dir",
                 str(TARGETS))
    assert res.exit_code == 2 and "--to-rev needs --from-rev" in res.stderr
