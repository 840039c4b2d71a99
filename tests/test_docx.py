"""``planck report --format docx``: the evaluation document of every bundled city read back
with python-docx (its tables, each number equal to the JSON), the same bytes for the same
data, written only over a document planck wrote, and covered by ``report --check``."""

from __future__ import annotations

import io
import json
from collections import Counter
from datetime import datetime

import pytest
from conftest import TARGETS

from planck.readable import num

CITIES = ("luoyang", "hebi", "jiaozuo", "pingdingshan", "henan")


def _json(invoke, city: str) -> dict:
    res = invoke("check", city, "--format", "json", "--targets-dir", str(TARGETS))
    return json.loads(res.stdout)


def _document(invoke, tmp_path, city: str, *args: str):
    import docx

    out = tmp_path / f"{city}.docx"
    res = invoke("report", city, "--format", "docx", "-o", str(out), "--targets-dir",
                 str(TARGETS), *args)
    assert res.exit_code == 0, res.stderr
    return docx.Document(io.BytesIO(out.read_bytes())), out


def _amount(value: float, unit: str) -> str:
    return f"{num(value)}{unit if unit in ('%', '‰') else ' ' + unit}"


@pytest.mark.parametrize("city", CITIES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_number_in_the_document_equals_the_json(invoke, tmp_path, city, lang):
    report = _json(invoke, city)
    doc, _ = _document(invoke, tmp_path, city, *(["--lang", "en"] if lang == "en" else []))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert report["as_of"] in text and report["city"]["name_zh"] in text
    summary, *plans, sources = doc.tables
    # the summary: one row per verdict present, then the total; counts equal the JSON's
    # (the evaluators' category, else the status of a target without one)
    counts = sorted(Counter(r["category"] or r["status"]
                            for r in report["results"]).values())
    rows = [[c.text for c in row.cells] for row in summary.rows[1:]]
    assert sorted(int(r[1]) for r in rows[:-1]) == counts
    assert rows[-1][1] == str(len(report["results"]))
    binding = sum(r["attribute"] == "binding" for r in report["results"])
    assert rows[-1][2] == str(binding)
    # a table per plan with targets, binding targets first, each row's numbers the JSON's
    by_plan = [[r for r in report["results"] if r["plan"] == p["id"]] for p in report["plans"]]
    by_plan = [sorted(rs, key=lambda r: r["attribute"] != "binding") for rs in by_plan if rs]
    assert len(plans) == len(by_plan)
    checked = 0
    for table, results in zip(plans, by_plan, strict=True):
        head, *body = [[c.text for c in row.cells] for row in table.rows]
        expected_head = ("指标", "目标值", "基期值", "实际值", "完成率", "评价") if lang == "zh" \
            else ("Indicator", "Target", "Baseline", "Latest", "Attainment", "Verdict")
        assert tuple(head) == expected_head
        assert len(body) == len(results)
        for cells, r in zip(body, results, strict=True):
            name, target, base, latest, attainment, _verdict = cells
            assert name.startswith(r["name"]) and str(r["deadline"]) in target
            # each language's own punctuation (planck/words.py): 目标值，期限 2025 年
            assert target.endswith(f"，期限 {r['deadline']} 年" if lang == "zh"
                                   else f", due {r['deadline']}")
            assert attainment == ("—" if r["attainment"] is None else f"{r['attainment']:.1f}%")
            if r["baseline"] is not None:
                assert base == f"{_amount(r['baseline'], r['unit'])} ({r['baseline_year']})"
            elif r["base_point"] is not None:
                b = r["base_point"]
                assert base == f"{_amount(b['value'], r['unit'])} ({b['year']})"
            shown = r["latest"] or r["latest_partial"]
            if r["provisional"] and r["latest_partial"]:
                shown = r["latest_partial"]
            if shown is None:
                assert latest == "—"
            else:
                assert latest.startswith(f"{_amount(shown['value'], shown['unit'])} "
                                         f"({shown['period']}")
                checked += 1
    assert checked >= (5 if city == "luoyang" else 0)
    # every latest figure's source is in the sources table with its quote
    src = [[c.text for c in row.cells] for row in sources.rows[1:]]
    assert sum(row[1].startswith("目标：" if lang == "zh" else "target: ") for row in src) == len(
        report["results"])
    for r in report["results"]:
        shown = r["latest"]
        if shown is not None and not r["provisional"]:
            assert any(shown["source_title"] in row[2] and row[4] == shown["quote"]
                       for row in src), r["id"]


def test_same_data_same_bytes_fixed_properties_and_check(invoke, tmp_path):
    doc, out = _document(invoke, tmp_path, "luoyang")
    first = out.read_bytes()
    again = tmp_path / "again.docx"
    res = invoke("report", "luoyang", "--format", "docx", "-o", str(again),
                 "--targets-dir", str(TARGETS))
    assert res.exit_code == 0 and again.read_bytes() == first
    props = doc.core_properties
    as_of = _json(invoke, "luoyang")["as_of"]
    assert props.author == props.last_modified_by == "planck"
    assert props.created == props.modified == datetime.fromisoformat(as_of + "T00:00:00+00:00")
    check = ["report", "luoyang", "--format", "docx", "-o", str(out), "--check",
             "--targets-dir", str(TARGETS)]
    assert invoke(*check).exit_code == 0
    out.write_bytes(first[:-10])
    res = invoke(*check)
    assert res.exit_code == 1 and "out of date" in res.stderr
    out.unlink()
    assert invoke(*check).exit_code == 1


def test_refused_over_a_document_planck_did_not_write(invoke, tmp_path):
    import docx

    from planck.write.owner import written_by_planck

    _, ours = _document(invoke, tmp_path, "hebi")
    assert written_by_planck(ours)
    theirs = tmp_path / "theirs.docx"
    mine = docx.Document(str(ours))
    mine.core_properties.last_modified_by = "someone"  # saved again by a person
    mine.save(str(theirs))
    assert not written_by_planck(theirs)
    before = theirs.read_bytes()
    args = ["report", "hebi", "--format", "docx", "-o", str(theirs), "--targets-dir",
            str(TARGETS)]
    res = invoke(*args)
    assert res.exit_code == 2 and "not written by planck" in res.stderr
    assert theirs.read_bytes() == before
    assert invoke(*args, "--force").exit_code == 0 and written_by_planck(theirs)
    # a document needs a file: never stdout, never another suffix
    for bad in ("-", str(tmp_path / "hebi.md")):
        res = invoke("report", "hebi", "--format", "docx", "-o", bad, "--targets-dir",
                     str(TARGETS))
        assert res.exit_code == 2 and res.stderr.count("\n") == 1, res.stderr
    res = invoke("report", "hebi", "--format", "pdf")
    assert res.exit_code == 2 and "markdown, docx" in res.stderr


def test_check_covers_every_document(invoke, tmp_path):
    # report --all --format docx --check: 0 when every document matches the data, 1 (naming
    # the file) when one differs or is missing; nothing is written
    out = tmp_path / "reports"
    args = ["report", "--all", "--format", "docx", "--reports-dir", str(out),
            "--targets-dir", str(TARGETS)]
    assert invoke(*args).exit_code == 0
    written = sorted(out.glob("*.docx"))
    assert [p.stem for p in written] == sorted(CITIES)
    res = invoke(*args, "--check")
    assert res.exit_code == 0 and f"{len(CITIES)} document(s) up to date" in res.stderr
    before = {p: p.stat().st_mtime_ns for p in written}
    written[0].write_bytes(written[0].read_bytes() + b"\0")
    written[1].unlink()
    res = invoke(*args, "--check")
    assert res.exit_code == 1
    assert f"{written[0]}: out of date" in res.stderr and f"{written[1]}: missing" in res.stderr
    assert all(p.stat().st_mtime_ns == t for p, t in before.items() if p.exists()
               and p != written[0])
