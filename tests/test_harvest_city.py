"""planck harvest --city: proposals (new / same / differs / unmatched), --write through record's
machinery, the CSV an analyst reviews and `planck import` reads back."""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import shutil

import pytest
from conftest import ROOT, TARGETS

REPLY = "000_1237ef179a544164.txt"
REPLY_URL = "https://pds.gov.cn/contents/60917/414841.html"
TEXTS = ROOT / "tests" / "harvest_texts" / "labelled"


def _copy(tmp_path, strip_reply: bool = False):
    folder = tmp_path / "targets"
    shutil.copytree(TARGETS, folder)
    if strip_reply:  # the reply's two figures, as if they had not been recorded yet
        path = folder / "pingdingshan.measured.yaml"
        text = path.read_text(encoding="utf-8")
        stripped = re.sub(r'  - indicator: (?:innovation-platforms|provincial-plus-innovation-'
                          r'platforms)\n    period: "2024-05"\n(?:    .*\n)*\n?', "", text)
        assert len(stripped) < len(text)
        path.write_text(stripped, encoding="utf-8")
    return folder


def _reply(invoke, seeds, folder, *extra):
    return invoke("harvest", str(seeds / REPLY), "--city", "pingdingshan", "--date", "2024-09-19",
                  "--url", REPLY_URL, "--targets-dir", str(folder), *extra)


def test_the_reply_written_into_a_copy_adds_only_lines_and_validates(tmp_path, invoke, seeds):
    folder = _copy(tmp_path, strip_reply=True)
    measured = folder / "pingdingshan.measured.yaml"
    before = measured.read_text(encoding="utf-8")
    res = _reply(invoke, seeds, folder, "--write")
    assert res.exit_code == 0, res.stderr
    after = measured.read_text(encoding="utf-8")
    diff = [ln for ln in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="")
            if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]
    assert diff and all(ln.startswith("+") for ln in diff)  # only inserted lines
    assert "+    value: 782" in diff and "+    value: 336" in diff
    assert "+    source: pds-cppcc-342-reply" in diff  # the source with that url, not a new one
    res = invoke("validate", str(folder), "--sources", str(seeds))
    assert res.exit_code == 0, res.stderr
    # a second run proposes nothing new and changes nothing
    res = _reply(invoke, seeds, folder, "--write")
    assert res.exit_code == 0 and "nothing new" in res.stderr
    assert measured.read_text(encoding="utf-8") == after
    res = _reply(invoke, seeds, folder, "--format", "json")
    statuses = [p["status"] for p in json.loads(res.stdout)["proposals"]]
    assert statuses == ["same", "same"]


def test_dry_run_shows_the_proposals_and_the_diff_and_writes_nothing(tmp_path, invoke, seeds):
    folder = _copy(tmp_path, strip_reply=True)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    res = _reply(invoke, seeds, folder, "--dry-run")
    assert res.exit_code == 0, res.stderr
    assert re.search(r"^new +innovation-platforms +2024-05 +782", res.stdout, re.M)
    assert "+    value: 336" in res.stdout
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_another_bodys_figures_and_changes_are_listed_never_matched(tmp_path, invoke):
    res = invoke("harvest", str(TEXTS / "luoyang-rd-bulletin-news.txt"), "--city", "luoyang",
                 "--date", "2025-10-29", "--format", "json", "--targets-dir", str(_copy(tmp_path)))
    assert res.exit_code == 0, res.stderr
    props = json.loads(res.stdout)["proposals"]
    got = {(p["value"], p["status"], p["indicator"]) for p in props}
    assert got == {(176.27, "same", "rd-expenditure"), (3.03, "same", "rd-intensity"),
                   (1275.1, "unmatched", None), (5.2, "unmatched", None)}
    assert all(p["reason"] for p in props if p["status"] == "unmatched")


def _write_text(tmp_path, text):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_different_value_is_a_new_vintage_with_both_quotes(tmp_path, invoke):
    folder = _copy(tmp_path)
    measured = folder / "luoyang.measured.yaml"
    old = measured.read_text(encoding="utf-8")
    doc = _write_text(tmp_path, "2023年全市研发投入强度为3.5%，全市新增创新平台420个。\n")
    args = ["harvest", str(doc), "--city", "luoyang", "--targets-dir", str(folder),
            "--date", "2025-01-10", "--url", "https://example.org/a", "--issuer", "某报"]
    res = invoke(*args, "--format", "json")
    (p,) = [p for p in json.loads(res.stdout)["proposals"] if p["value"] == 3.5]
    assert p["status"] == "differs" and {r["value"] for r in p["recorded"]} >= {3.47, 3.44}
    res = invoke(*args, "--write")
    assert res.exit_code == 0, res.stderr
    new = measured.read_text(encoding="utf-8")
    changed = [ln for ln in difflib.ndiff(old.splitlines(), new.splitlines()) if ln[:1] in "+-"]
    assert changed and all(ln.startswith("+") for ln in changed)  # inserted, nothing overwritten
    assert "value: 3.5" in new and "a new vintage; recorded too" in new
    assert "id: example-org-2025-01-10" in new


@pytest.mark.parametrize(("extra", "message"), [
    (["--url", "https://example.org/a", "--issuer", "某报"], "needs --date"),
    (["--date", "2025-01-10", "--issuer", "某报"], "url"),
])
def test_a_new_source_needs_its_date_and_url(tmp_path, invoke, extra, message):
    folder = _copy(tmp_path)
    doc = _write_text(tmp_path, "2023年全市研发投入强度为3.5%。\n")
    before = (folder / "luoyang.measured.yaml").read_bytes()
    res = invoke("harvest", str(doc), "--city", "luoyang", "--targets-dir", str(folder), "--write",
                 *extra)
    assert res.exit_code == 2 and message in res.stderr
    assert len(res.stderr.strip().splitlines()) <= 2 and "Traceback" not in res.stderr
    assert (folder / "luoyang.measured.yaml").read_bytes() == before


def test_write_refuses_the_bundled_copy_and_a_second_file(tmp_path, invoke, monkeypatch):
    doc = _write_text(tmp_path, "2023年全市研发投入强度为3.5%。\n")
    monkeypatch.chdir(tmp_path)
    res = invoke("harvest", str(doc), "--city", "luoyang", "--write", "--date", "2025-01-10")
    assert res.exit_code == 2 and "own copy" in res.stderr
    res = invoke("harvest", str(doc), str(doc), "--city", "luoyang", "--write")
    assert res.exit_code == 2 and "one document" in res.stderr


def test_csv_review_strike_a_row_and_import_the_rest(tmp_path, invoke, seeds):
    folder = _copy(tmp_path, strip_reply=True)
    res = _reply(invoke, seeds, folder, "--format", "csv")
    assert res.exit_code == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout.lstrip("\ufeff"))))
    assert [(r["take"], r["indicator"], r["value"]) for r in rows] == [
        ("yes", "innovation-platforms", "782"), ("yes", "provincial-plus-innovation-platforms", "336")]
    rows[1]["take"] = "否"  # the reviewer strikes one
    sheet = tmp_path / "review.csv"
    with sheet.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    res = invoke("import", str(sheet), "--city", "pingdingshan", "--targets-dir", str(folder))
    assert res.exit_code == 0, res.stderr
    text = (folder / "pingdingshan.measured.yaml").read_text(encoding="utf-8")
    assert "全市拥有各类创新平台载体782家" in text and "其中省级以上336家" not in text
    res = invoke("import", str(sheet), "--city", "pingdingshan", "--targets-dir", str(folder))
    assert res.exit_code == 0 and "0 observation(s) added" in res.stderr


def test_take_must_be_yes_or_no(tmp_path, invoke):
    sheet = tmp_path / "t.csv"
    sheet.write_text("take,indicator,period,value,source,quote\nmaybe,rd-intensity,2024,3,x,3\n",
                     encoding="utf-8")
    res = invoke("import", str(sheet), "--city", "luoyang", "--targets-dir", str(_copy(tmp_path)))
    assert res.exit_code == 2 and "t.csv:2:" in res.stderr and "yes/no" in res.stderr


def test_each_proposal_shows_the_status_changes_it_would_cause(tmp_path, invoke):
    folder = _copy(tmp_path)
    doc = _write_text(tmp_path, "2025年全市研发投入强度为3.8%。\n")
    res = invoke("harvest", str(doc), "--city", "luoyang", "--targets-dir", str(folder),
                 "--date", "2026-03-01", "--url", "https://example.org/b", "--issuer", "某局",
                 "--format", "json")
    assert res.exit_code == 0, res.stderr
    (p,) = json.loads(res.stdout)["proposals"]
    assert p["status"] == "new" and p["indicator"] == "rd-intensity"
    assert any(re.fullmatch(r"ly-rd-intensity-2025: \w+ → met", c) for c in p["changes"]), p
