"""`planck extract FILE --into CITY`: a draft becomes the city's file, from an empty folder:
new → extract --into → validate → (a person reviews) → record → check, and a second --into
changes nothing."""

from __future__ import annotations

import re

from planck.read.loader import parse

PLAN = """江川市“十五五”科技创新规划
到2030年，全社会研发经费投入强度达到3.5%左右，高新技术企业不少于2000家。
技术合同成交额突破200亿元。
今年是“十五五”开局之年。今年地区生产总值增长5.5%。
"""


def only_inserted(before: str, after: str) -> bool:
    """Every line of ``before`` is in ``after``, in order (an empty ``key: []`` may lose its
    brackets, as the list gets its first items): lines were only inserted."""
    rest = iter(after.splitlines())
    return all(any(line.replace(": []", ":") == other for other in rest)
               for line in before.splitlines())


def _review(text: str) -> str:
    """What a person does with a draft: every REVIEW filled in."""
    fill = {"direction": "higher", "unit": "家"}
    return re.sub(r"(\w+): ['\"]?REVIEW['\"]?", lambda m: f"{m.group(1)}: "
                  + fill.get(m.group(1), '"filled in"'), text)


def test_new_extract_into_validate_record_check_from_an_empty_folder(tmp_path, invoke, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANCK_TARGETS", raising=False)
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    assert invoke("new", "jiangchuan", "--name-zh", "江川市", "--name-en", "Jiangchuan").exit_code == 0
    city = tmp_path / "targets" / "jiangchuan.yaml"
    made = city.read_text(encoding="utf-8")

    res = invoke("extract", "plan.txt", "--into", "jiangchuan")
    assert res.exit_code == 0, res.stderr
    assert "added 1 sources, 2 plans, 4 indicators, 4 targets" in res.stderr
    text = city.read_text(encoding="utf-8")
    assert only_inserted(made, text)
    data = parse(text, "c").data
    plans = {p["id"]: (p["start"], p["end"]) for p in data["plans"]}
    assert plans == {"jiangchuan-2026-2030": (2026, 2030), "jiangchuan-2026-annual": (2026, 2026)}
    assert {(t["indicator"], t["plan"]) for t in data["targets"]} == {
        ("rd-intensity", "jiangchuan-2026-2030"), ("high-tech-enterprises", "jiangchuan-2026-2030"),
        ("tech-contract-turnover", "jiangchuan-2026-2030"), ("gdp", "jiangchuan-2026-annual")}

    res = invoke("validate")
    assert res.exit_code == 2
    summary = res.stderr.strip().splitlines()[-1]
    marked = res.stderr.count("[review-placeholder]")
    assert summary.startswith(f"planck: {marked} field(s) still to review") and marked >= 2
    assert "targets/jiangchuan.yaml line(s) " in summary

    city.write_text(_review(text), encoding="utf-8")  # the person's review
    res = invoke("validate")
    assert res.exit_code == 0, res.stderr
    res = invoke("record", "jiangchuan", "high-tech-enterprises", "2025", "1500", "--source",
                 "jc-bulletin-2025", "--title", "江川市2025年统计公报", "--issuer", "江川市统计局",
                 "--date", "2026-03-01", "--url", "https://example.org/jc-2025",
                 "--quote", "高新技术企业1500家")
    assert res.exit_code == 0, res.stderr
    res = invoke("check", "jiangchuan")
    assert res.exit_code in (0, 1) and "high-tech" in res.stdout, res.stderr

    reviewed = city.read_bytes()
    res = invoke("extract", "plan.txt", "--into", "jiangchuan")
    assert res.exit_code == 0, res.stderr
    assert "added nothing; 4 target(s) already in the file kept" in res.stderr
    assert city.read_bytes() == reviewed  # nothing reviewed is overwritten, nothing added


def test_into_a_missing_city_creates_its_file_and_a_second_run_adds_nothing(tmp_path, invoke):
    (tmp_path / "targets").mkdir()
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    args = ("extract", str(plan), "--into", "jiangchuan", "--targets-dir", str(tmp_path / "targets"))
    res = invoke(*args)
    assert res.exit_code == 0 and "a new city file with 4 draft target(s)" in res.stderr
    first = (tmp_path / "targets" / "jiangchuan.yaml").read_bytes()
    res = invoke(*args)
    assert res.exit_code == 0 and "added nothing" in res.stderr
    assert (tmp_path / "targets" / "jiangchuan.yaml").read_bytes() == first


def test_into_adds_only_what_is_new_and_matches_indicators_by_name_and_alias(tmp_path, invoke):
    folder = tmp_path / "targets"
    folder.mkdir()
    assert invoke("new", "jiangchuan", "--name-zh", "江川市", "--name-en", "Jiangchuan",
                  "--targets-dir", str(folder)).exit_code == 0
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    invoke("extract", str(plan), "--into", "jiangchuan", "--targets-dir", str(folder))
    city = folder / "jiangchuan.yaml"
    # a person renamed an indicator and gave it an alias; a later text uses the alias
    text = city.read_text(encoding="utf-8").replace('id: "tech-contract-turnover"', 'id: "tct"').replace(
        'indicator: "tech-contract-turnover"', 'indicator: "tct"').replace(
        'name_zh: "技术合同成交额"', 'name_zh: "技术合同成交额"\n    aliases: ["技术交易额"]')
    city.write_text(text, encoding="utf-8")
    more = tmp_path / "more.txt"
    more.write_text("江川市“十五五”科技创新规划\n到2030年，技术交易额突破200亿元，科技型中小企业达到3000家。\n",
                    encoding="utf-8")
    res = invoke("extract", str(more), "--into", "jiangchuan", "--targets-dir", str(folder))
    assert res.exit_code == 0, res.stderr
    assert "added 1 sources, 1 indicators, 1 targets; 1 target(s) already in the file kept" in res.stderr
    after = city.read_text(encoding="utf-8")
    assert only_inserted(text, after)
    assert after.count('indicator: "tct"') == 1 and 'indicator: "tech-smes"' in after


def test_into_refuses_with_o_or_a_bad_city(tmp_path, invoke):
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    for extra in (("-o", str(tmp_path / "d.yaml")), ("--city", "other")):
        res = invoke("extract", str(plan), "--into", "jiangchuan", *extra)
        assert res.exit_code == 2 and len(res.stderr.strip().splitlines()) == 1
    res = invoke("extract", str(plan), "--into", "../x")
    assert res.exit_code == 2 and "not a city id" in res.stderr


def test_o_over_a_city_file_says_to_use_into(tmp_path, invoke, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANCK_TARGETS", raising=False)
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    assert invoke("new", "jiangchuan", "--name-zh", "江川市", "--name-en", "Jiangchuan").exit_code == 0
    before = (tmp_path / "targets" / "jiangchuan.yaml").read_bytes()
    res = invoke("extract", "plan.txt", "-o", "targets/jiangchuan.yaml")
    assert res.exit_code == 2 and "use --into jiangchuan" in res.stderr
    assert (tmp_path / "targets" / "jiangchuan.yaml").read_bytes() == before


def test_into_without_a_plan_period_keeps_a_review_marked_plan_id(tmp_path, invoke):
    # a text whose deadline is written but whose plan period is not: no "city-None-None" id
    (tmp_path / "targets").mkdir()
    plan = tmp_path / "plan.txt"
    plan.write_text("江川市科技创新工作要点\n到2025年，高新技术企业不少于2000家。\n", encoding="utf-8")
    res = invoke("extract", str(plan), "--into", "jiangchuan",
                 "--targets-dir", str(tmp_path / "targets"))
    assert res.exit_code == 0, res.stderr
    text = (tmp_path / "targets" / "jiangchuan.yaml").read_text(encoding="utf-8")
    assert "None" not in text
    plan_ids = re.findall(r'- id: "([^"]*)"  # review: plan id', text)
    assert plan_ids and all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", i) for i in plan_ids)
    res = invoke("validate", str(tmp_path / "targets"))
    assert "[schema]" not in res.stdout + res.stderr
