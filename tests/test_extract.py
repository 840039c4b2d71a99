"""planck extract: drafts from the seed plans scored against the bundled target files, a plan it
has never seen, every input refusal, and the YAML quoting of what it writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, TARGETS
from hypothesis import given, settings
from hypothesis import strategies as st

from planck.extract.draft import Options, q, render
from planck.extract.ops import OP
from planck.extract.reading import ReadError, read_bytes
from planck.extract.run import extract
from planck.extract.score import score
from planck.read.loader import load, parse

UNSEEN = ROOT / "tests" / "examples" / "extract" / "unseen_plan.txt"

# seed file, answer city, plan period given on the command line (None: read from the title),
# and the figures measured when the rules were written: (matched, drafted, expected). The test
# fails if a change loses a match or adds an unmatched target.
SEED_CASES = [
    ("000_1237ef179a544164.txt", "pingdingshan", None, (3, 3, 3)),
    ("001_6541684081fc6259.txt", "pingdingshan", None, (0, 0, 0)),
    # Hebi's seed is a chapter without its outline's title: the period is given, as a user would.
    ("002_6d3df3317c4f5f57.txt", "hebi", (2021, 2025), (21, 21, 21)),
    ("003_a2f0b9b1f0debbd3.txt", "luoyang", None, (57, 58, 58)),
    ("004_ce5cdeeac75771e9.txt", "jiaozuo", None, (1, 1, 1)),
]


def _draft(path: Path, period=None, city="testcity") -> str:
    from planck.extract.reading import read_path

    start, end = period or (None, None)
    ex = extract(read_path(path), start, end)
    return render(ex, Options(city, "plan", start, end, path.name))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed documents not present")
@pytest.mark.parametrize(("seed", "city", "period", "measured"), SEED_CASES)
def test_seed_drafts_score_against_the_bundled_targets(seed, city, period, measured):
    text = _draft(SEEDS / seed, period)
    draft = parse(text, "draft").data
    answer = load(TARGETS / f"{city}.yaml").data
    s = score(draft, answer, seed)
    assert s.recall >= 0.90 and s.precision >= 0.85, s.line(seed)
    assert s.matched >= measured[0], s.line(seed)  # no match lost
    assert s.drafted - s.matched <= measured[1] - measured[0], s.line(seed)  # no new stray target
    assert s.expected == measured[2]
    source = (SEEDS / seed).read_text(encoding="utf-8")
    for t in draft["targets"] or []:
        assert t["quote"] in source, t["quote"]
        base = t.get("baseline") or {}
        assert base.get("quote") is None or base["quote"] in source


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed documents not present")
def test_seed_draft_fails_validation_only_on_fields_marked_for_review(tmp_path, invoke):
    path = tmp_path / "draft.yaml"
    res = invoke("extract", str(SEEDS / "003_a2f0b9b1f0debbd3.txt"), "--city", "luoyang",
                 "-o", str(path))
    assert res.exit_code == 0, res.stderr
    lines = path.read_text(encoding="utf-8").splitlines()
    res = invoke("validate", str(path), "--sources", str(SEEDS))
    *findings, summary = res.stderr.splitlines()
    # one summary line says how many fields still need a person, and where
    assert summary.startswith(f"planck: {len(findings)} field(s) still to review"), summary
    for finding in findings:
        m = re.match(r".*?:(\d+):\d+: error", finding)
        assert m and "# review:" in lines[int(m.group(1)) - 1], finding
    # Filling only some placeholders is not enough: each one left is a finding.
    fill = {"direction": "higher", "unit": "个", "start": "2021", "end": "2025"}
    partly = re.sub(r"(direction|unit): REVIEW.*", lambda m: f"{m.group(1)}: "
                    + fill[m.group(1)], "\n".join(lines))
    path.write_text(partly + "\n", encoding="utf-8")
    res = invoke("validate", str(path), "--sources", str(SEEDS))
    assert res.exit_code == 2 and "[review-placeholder]" in res.stderr
    # With every placeholder filled in by a person, the draft is a valid target file.
    filled = re.sub(r"(\w+): ['\"]?REVIEW['\"]?.*", lambda m: f"{m.group(1)}: "
                    + fill.get(m.group(1), "filled in"), partly)
    path.write_text(filled + "\n", encoding="utf-8")
    res = invoke("validate", str(path), "--sources", str(SEEDS))
    assert res.exit_code == 0, res.stderr


def _targets(text: str) -> list[dict]:
    return parse(text, "draft").data["targets"] or []


def test_unseen_plan_gets_every_wording_and_no_past_fact():
    text = _draft(UNSEEN)
    got = {(t["op"], t.get("value"), t.get("low"), t.get("high"), t.get("unit"), t["deadline"])
           for t in _targets(text)}
    want = {
        ("about", 3.5, None, None, "%", 2030), ("at_least", 2000, None, None, "家", 2030),
        ("more_than", 200, None, None, "亿元", 2030), ("at_least", 4, None, None, "万人", 2030),
        ("multiple_of", 2, None, None, None, 2030), ("increase_by", 8, None, None, "家", 2030),
        ("increase_by", 10, None, None, "家", 2030), ("between", None, 3, 5, "家", 2030),
        ("annual_growth", 12, None, None, "%", 2030), ("at_least", 12, None, None, "件/万人", 2030),
        ("increase_by", 5, None, None, "百分点", 2030), ("coverage", 100, None, None, "%", 2030),
        ("rank_at_most", 50, None, None, "位", 2030), ("per_year", 20, None, None, "项", 2030),
        ("at_least", 5, None, None, "%", 2030), ("more_than", 60, None, None, "亿元", 2030),
        ("at_least", 600, None, None, "亿元", 2030), ("at_least", 50, None, None, "亿元", 2030),
        ("increase_by", 10000, None, None, "家", 2030), ("at_most", 30, None, None, "%", 2030),
        ("at_most", 10, None, None, "%", 2030), ("near_reference", None, None, None, None, 2030),
        ("at_least", 700, None, None, "家", 2030),
    }
    assert want <= got, sorted(want - got, key=str)
    # No past fact (section 发展基础: 860家, 2.10%→2.65%, 突破90亿元, 新增45家) became a target.
    past_values = {860, 2.65, 2.1, 90, 45}
    assert not {t.get("value") for t in _targets(text)} & past_values
    # 23 distinct tuples in 26 targets: two doublings, two 各 targets, two coverages; the 专栏's
    # restatements (新增8家…等领域省级重点实验室, 孵化器3—5家) are merged into the targets they repeat.
    # (and one more for each pending operator the format now has: 降低, 累计)
    pending = ("decrease_by", "cumulative", "at_least_reference")
    assert len(_targets(text)) == 26 + sum(f"op: {o}\n" in text for o in pending)
    # 比2025年翻番 states its base year; 创新平台实现倍增 does not (left for review).
    double = [t for t in _targets(text) if t["op"] == "multiple_of"]
    assert {t["baseline"]["year"] for t in double} == {2025}
    assert "baseline year assumed" in text
    # Two targets in one sentence (分别), each name with its own figure.
    names = {t["indicator"]: t for t in _targets(text)}
    assert len(names) >= 20
    # Operators the format has not got yet (降低, 累计) are written for review, commented out.
    assert re.search(r"# review: op 'decrease_by' \(降低\)", text) or "op: decrease_by" in text
    assert re.search(r"# review: op 'cumulative' \(累计\)", text) or "op: cumulative" in text
    # 力争 stretch and the table's 约束性/预期性 attribute are kept.
    assert re.search(r"stretch: 3\.8", text)
    assert "attribute: binding" in text and "attribute: expected" in text
    # The table's baseline joins the sentence stating the same target.
    rd = [t for t in _targets(text) if t.get("value") == 3.5][0]
    assert rd["baseline"] == {"year": 2025, "value": 2.65, "quote": "研发经费投入强度 | % | 2.65 | 3.5"}
    assert rd["indicator"] == "rd-intensity"  # a shared id from the bundled vocabulary


def test_a_past_sentence_is_not_a_target():
    text = "江川市“十五五”规划\n“十四五”时期，全市高新技术企业达到860家，新增省级平台45家。\n"
    ex = extract(read_bytes(text.encode()))
    assert ex.targets == [] and ex.past_facts == 1


def test_deadline_scope_carries_until_a_heading():
    text = ("江川市“十五五”规划\n到2028年，高新技术企业不少于100家。科技型企业不少于50家。\n"
            "二、重点任务\n培育科技型企业不少于70家。\n")
    ex = extract(read_bytes(text.encode()))
    assert [(t.value, t.deadline) for t in ex.targets] == [(100, 2028), (50, 2028), (70, 2030)]


def test_html_table_and_gb18030(tmp_path, invoke):
    html = ("<html><head><title>x</title><script>var a='达到99家';</script></head><body>\n"
            "<h1>江川市“十五五”科技创新规划</h1>\n<p>到2030年，高新技术企业不少于2000家。</p>\n"
            "<table><tr><th>指标名称</th><th>单位</th><th>2025年</th><th>2030年</th><th>属性</th></tr>\n"
            "<tr><td>技术合同成交额</td><td>亿元</td><td>90</td><td>200</td><td>预期性</td></tr></table>\n"
            "</body></html>\n")
    path = tmp_path / "plan.html"
    path.write_bytes(html.encode("gb18030"))
    res = invoke("extract", str(path))
    assert res.exit_code == 0, res.stderr
    assert "GB18030" in res.stderr
    ts = _targets(res.stdout)
    assert [(t["value"], t["deadline"]) for t in ts] == [(200, 2030), (2000, 2030)]
    assert re.search(r"# line 3:\d+", res.stdout) and re.search(r"# line 5:\d+", res.stdout)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty file"), (b"  \n\n", "empty file"), (b"\x89PNG\r\n\x1a\nxx", "binary"),
    (b"abc\x00def", "binary"), (b"PK\x03\x04\x14\x00word/document.xml", ".docx"),
    (b"%PDF-1.7\n%\xe2\xe3", "a PDF file"), (b"plan \x80\xff text", "neither UTF-8"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, invoke, content, message):
    path = tmp_path / "plan.txt"
    path.write_bytes(content)
    res = invoke("extract", str(path))
    assert res.exit_code == 2
    assert len(res.stderr.strip().splitlines()) == 1 and message in res.stderr
    assert res.stderr.startswith(str(path)) and "Traceback" not in res.stderr


def test_a_huge_file_is_refused_before_reading(tmp_path, invoke):
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    res = invoke("extract", str(path))
    assert res.exit_code == 2 and "8 MiB" in res.stderr


def test_no_target_says_so_and_exits_0(tmp_path, invoke):
    path = tmp_path / "plan.txt"
    path.write_text("一、总体要求\n坚持创新驱动，推动高质量发展。\n", encoding="utf-8")
    res = invoke("extract", str(path))
    assert res.exit_code == 0 and "no target found" in res.stderr
    assert parse(res.stdout, "d").data["targets"] == []


def test_output_only_where_told_and_never_over_an_input(tmp_path, invoke):
    plan = tmp_path / "plan.txt"
    plan.write_text("江川市“十五五”规划\n到2030年，高新技术企业不少于2000家。\n", encoding="utf-8")
    before = plan.read_bytes()
    res = invoke("extract", str(plan), "-o", str(plan))
    assert res.exit_code == 2 and plan.read_bytes() == before
    res = invoke("extract", str(plan), "-o", "-")
    assert res.exit_code == 0 and "value: 2000" in res.stdout
    out = tmp_path / "draft.yaml"
    res = invoke("extract", str(plan), "-o", str(out))
    assert res.exit_code == 0 and res.stdout == "" and "value: 2000" in out.read_text(encoding="utf-8")
    marked = sum("# review:" in ln for ln in out.read_text(encoding="utf-8").splitlines()[3:])
    assert f"1 draft target(s), {marked} line(s) marked '# review:'" in res.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.yaml", "plan.txt"]


def test_score_option(invoke):
    res = invoke("extract", str(SEEDS / "003_a2f0b9b1f0debbd3.txt"), "--score", str(TARGETS / "luoyang.yaml"))
    assert res.exit_code == 0
    assert re.search(r"\(op, value, unit, deadline\): recall 98% \(57/58\)", res.stdout)


def test_score_counts_each_match_once():
    answer = {"indicators": [{"id": "a", "unit": "家"}], "targets": [
        {"indicator": "a", "op": "at_least", "value": 5, "deadline": 2025}]}
    draft = {"targets": [{"indicator": "a", "op": "at_least", "value": 5, "unit": "家", "deadline": 2025},
                         {"indicator": "b", "op": "at_least", "value": 5, "unit": "家", "deadline": 2025}]}
    s = score(draft, answer)
    assert (s.matched, s.drafted, s.expected) == (1, 2, 1) and s.precision == 0.5


@settings(deadline=None)  # ruamel per example: slow on a shared core, never wrong
@given(st.text())
def test_quoted_strings_read_back_unchanged(text):
    from ruamel.yaml import YAML

    from planck.read.strings import check_strings

    # unchanged but for the control characters planck refuses in a value (issue 9), which
    # become U+FFFD so the draft still loads
    back = YAML(typ="safe").load(f"k: {q(text)}\n")["k"]
    assert back == re.sub("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]",
                          "\ufffd", text)
    assert check_strings({"quote": back}, "d") == []


def test_hostile_plan_text_stays_inside_its_strings():
    plan = 'X市“十五五”规划\n到2030年，"a": 1\\n高新技术企业\u2028不少于2000家\x1b[31m。\n'
    ex = extract(read_bytes(plan.encode()))
    text = render(ex, Options("x", "p", None, None, 'evil"\nname.txt'))
    data = parse(text, "d").data
    assert data is not None and "\x1b" not in text and "\u2028" not in text
    assert all(isinstance(t["quote"], str) for t in data["targets"])


def test_read_error_positions():
    with pytest.raises(ReadError) as err:
        read_bytes(b"line one\nline two\x00")
    assert err.value.line == 2


_PIECES = st.sampled_from([
    "到2030年", "，", "。", "、", "；", "高新技术企业", "不少于", "达到", "突破", "左右", "以上", "新增",
    "每年", "翻番", "实现", "全覆盖", "前30名", "1—2个", "3.5%", "2000家", "1万家", "分别", "各", "力争",
    "“十五五”", "(", ")", "《", "》", "\n", "一、", "基础", "2020年", "由", "增至", "|", " ", "12",
])


@settings(deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_any_text_drafts_without_error_and_quotes_are_verbatim(body):
    text = "江川市“十五五”规划\n" + body
    ex = extract(read_bytes(text.encode()))
    for t in ex.targets:
        assert t.quote and t.quote in text
        assert t.line >= 1 and text.split("\n")[t.line - 1][t.col - 1:].startswith(t.quote[:1])
    data = parse(render(ex, Options("x", "p", None, None, "p.txt")), "d").data
    assert data is not None and len(data["targets"] or []) <= len(ex.targets)


def test_an_aim_is_not_a_past_fact():
    text = "江川市“十五五”规划\n二、主要任务\n力争获批国家农业科技园区1家。目前已建成省级园区3家。\n"
    ex = extract(read_bytes(text.encode()))
    assert [(t.value, t.deadline) for t in ex.targets] == [(1, 2030)] and ex.past_facts == 1


def test_a_government_style_page():
    """Entities, <br>, a <script> with a target-like string, a nested <p> in a table cell, a row
    spread over lines, a past section: the body's targets only, each with its source line."""
    path = ROOT / "tests" / "examples" / "extract" / "plan_page.html"
    ex = extract(read_bytes(path.read_bytes()))
    assert ex.title == "江川市“十五五”科技创新规划" and (ex.start, ex.end) == (2026, 2030)
    got = sorted((t.op, t.value, t.unit, t.deadline, t.line) for t in ex.targets)
    assert got == sorted([("at_least", 1000, "家", 2030, 10), ("at_least", 2.5, "%", 2030, 14),
                          ("at_least", 8, "件/万人", 2030, 15), ("coverage", 100, "%", 2030, 10),
                          ("more_than", 80, "亿元", 2030, 10)])
    assert {t.attribute for t in ex.targets if t.from_table} == {"binding", "expected"}
    assert ex.past_facts == 2  # 一、发展基础: 500家 and 30亿元 (split by <br>)


def test_special_files_are_refused(tmp_path, invoke):
    import os

    plan = tmp_path / "plan.txt"
    plan.write_text("江川市“十五五”规划\n到2030年，高新技术企业不少于2000家。\n", encoding="utf-8")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    res = invoke("extract", str(fifo))
    assert res.exit_code == 2 and "not a regular file" in res.stderr
    res = invoke("extract", str(plan), "-o", str(fifo))
    assert res.exit_code == 2 and "not a regular file" in res.stderr
    res = invoke("extract", str(plan), "-o", str(tmp_path))
    assert res.exit_code == 2 and fifo.exists()


def test_unseen_provincial_plan_in_another_style():
    """A cover letter before the title, 第N章 headings, a 专栏 table with a growth column, 万家,
    下降, 累计, 前10位: the targets of the 目标 and 任务 chapters and none of 发展基础."""
    path = ROOT / "tests" / "examples" / "extract" / "unseen_provincial.txt"
    ex = extract(read_bytes(path.read_bytes()))
    assert ex.title == "河川省“十五五”创新驱动发展规划" and ex.date == "2026-03-02"
    got = sorted((t.op, t.value, t.low, t.high, t.unit, t.deadline) for t in ex.targets)
    want = sorted([
        (OP.at_least, 2.8, None, None, "%", 2030), (OP.at_least, 15, None, None, "件/万人", 2030),
        (OP.at_least, 3000, None, None, "亿元", 2030), (OP.at_least, 8, None, None, "%", 2030),
        (OP.at_least, 40000, None, None, "家", 2030), (OP.at_least, 25000, None, None, "家", 2030),
        (OP.increase_by, 30, None, None, "个", 2030), (OP.more_than, 300, None, None, "家", 2030),
        (OP.annual_growth, 15, None, None, "%", 2030), (OP.cumulative, 100, None, None, "家", 2030),
        (OP.at_least, 60, None, None, "%", 2030), (OP.coverage, 100, None, None, "%", 2030),
        (OP.decrease_by, 13, None, None, "%", 2030), (OP.at_most, 5, None, None, "%", 2030),
        (OP.rank_at_most, 10, None, None, "位", 2030), (OP.per_year, 50, None, None, "项", 2030),
        (OP.between, None, 5, 8, "家", 2030), (OP.about, 10, None, None, "个", 2030),
    ])
    assert got == want
    rd = next(t for t in ex.targets if t.value == 2.8)
    assert rd.stretch == 3 and rd.attribute == "expected" and rd.baseline["value"] == 2.3
    drafted = {t.value for t in ex.targets if not t.from_table}
    assert ex.past_facts == 2 and not {6000, 12000, 1500, 0.6, 12.5, 2.3} & drafted
    assert next(t for t in ex.targets if t.value == 30).name == "国家级创新平台"


def test_work_is_bounded_on_text_that_is_not_a_plan(monkeypatch):
    from planck.extract import items, run

    monkeypatch.setattr(run, "MAX_SENTENCES", 50)
    text = "江川市“十五五”规划\n" + "到2030年，高新技术企业不少于2000家。" * 80
    ex = extract(read_bytes(text.encode()))
    assert any("more than 50 sentences" in n for n in ex.notes)
    # One sentence of thousands of figures: the rest of the sentence is skipped, not read n² times.
    text = "江川市“十五五”规划\n到2030年" + "、".join(f"企业{i}不少于{i}家" for i in range(5000))
    ex = extract(read_bytes(text.encode()))
    assert items.MAX_PER_SENTENCE < len(ex.targets) <= items.MAX_PER_SENTENCE + items.MAX_CLAUSE


def test_reference_and_point_wordings():
    text = ("江川市“十五五”规划\n到2030年，研发投入强度超过全国平均水平，人均专利达到全省平均水平，"
            "企业负债率下降2个百分点。\n")
    ex = extract(read_bytes(text.encode()))
    assert sorted((t.op, t.reference or "") for t in ex.targets) == sorted([
        (OP.above_reference, "全国"), (OP.at_least_reference, "全省"), (OP.decrease_points, "")])
    draft = render(ex, Options("x", "p", None, None, "p.txt"))
    # A fall in percentage points has no operator in the table: written commented out for review.
    assert "# review: op 'decrease_points'" in draft
    assert parse(draft, "d").data is not None


def test_every_review_placeholder_of_a_draft_is_a_finding_at_once(tmp_path, invoke):
    """A draft's REVIEW values are refused by validate, all of them in one run, each at its
    line, so a draft cannot pass as reviewed while fields are still unfilled."""
    text = "洛阳市科技创新规划\n到2025年，高新技术企业数量不少于1600家。\n"
    plan = tmp_path / "plan.txt"
    plan.write_text(text, encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    assert invoke("extract", str(plan), "--city", "x", "--start", "2021", "--end", "2025",
                  "-o", str(draft)).exit_code == 0
    lines = draft.read_text(encoding="utf-8").splitlines()
    expected = {i + 1 for i, line in enumerate(lines)
                if line.split("#")[0].rstrip().endswith(("REVIEW", "'REVIEW'", '"REVIEW"'))}
    res = invoke("validate", str(draft))
    assert res.exit_code == 2
    found = {int(line.split(":")[1]) for line in res.stderr.splitlines()
             if "[review-placeholder]" in line}
    assert expected and found == expected


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed documents not present")
def test_at_most_a_quarter_of_the_seed_drafts_indicators_get_x_ids():
    """Shared ids first (names, aliases, then a loose match marked for review): measured 20 of
    80 indicators with x- ids over the five seeds when the loose match was added, 7 of 80 once a
    coverage target could match the share it sets (实现X全覆盖 ~ 拥有X的Y占比). The shared
    vocabulary holds the bundled files' indicators, the seeds' cities among them."""
    x = total = 0
    for seed, _city, period, _measured in SEED_CASES:
        rows = parse(_draft(SEEDS / seed, period), "d").data["indicators"] or []
        x += sum(r["id"].startswith("x-") for r in rows)
        total += len(rows)
    assert total >= 75 and x * 10 <= total, (x, total)
    # a loose match is a guess a person confirms: its id line says so
    assert "(a loose match)" in _draft(SEEDS / "003_a2f0b9b1f0debbd3.txt")
