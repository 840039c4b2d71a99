"""planck extract on real published 十五五 texts (tests/labelled/extract/labels.yaml: each
passage verbatim with its source, and the targets a reviewer reads in it).

The scores are pinned as measured: a change that loses a match or adds a stray target fails.
`tuned` passages were used while writing the rules; `held-out` ones were labelled first and
never used to change a rule, so their score is the honest one for texts not seen."""

from __future__ import annotations

import pytest
import yaml
from conftest import ROOT

from planck.extract.draft import Options, render
from planck.extract.reading import read_bytes, read_path
from planck.extract.run import extract
from planck.extract.score import Score, score
from planck.read.loader import parse

REAL = ROOT / "tests" / "labelled" / "extract"
LABELS = yaml.safe_load((REAL / "labels.yaml").read_text(encoding="utf-8"))["passages"]
#: (matched, drafted, expected) measured on each set when the rules were written.
MEASURED = {"tuned": (30, 30, 30), "held-out": (7, 7, 7),
            # labelled first, scored 11/39 (27 drafted), then used to fix the rules
            "second-round": (39, 40, 39),
            # labelled first, scored 14/19 (19 drafted) after the second round, then used to fix
            "third-round": (19, 19, 19),
            # labelled first, scored 5/13 (6 drafted) after the third round, then used to fix
            "fourth-round": (13, 13, 13),
            # labelled first and scored at first sight (main at cb88172), never used to fix a
            # rule: 23/30, 39 drafted (plan targets 7/7; 5 of Zhengzhou's 2026 targets dated
            # 2030; 6 past facts of Hangzhou's review drafted)
            "fifth-round": (23, 39, 30),
            # labelled first, but the rules' authors met these two pages in the same corpus
            "fifth-round-met": (3, 3, 3)}
#: targets drafted from a labelled past fact, measured at first sight on the fifth round
PAST_FACTS_DRAFTED = 6


def _draft(name: str, period=None) -> dict:
    start, end = period or (None, None)
    ex = extract(read_path(REAL / name), start, end)
    return parse(render(ex, Options("city", "plan", start, end, name)), "d").data


def _score(kind: str) -> tuple[Score, list[dict]]:
    m = d = e = 0
    drafts = []
    for p in LABELS:
        if p["set"] != kind:
            continue
        draft = _draft(p["file"], p.get("period"))
        s = score(draft, {"targets": p["targets"]})
        m, d, e = m + s.matched, d + s.drafted, e + s.expected
        drafts.append(draft)
    return Score(m, d, e), drafts


def test_every_passage_names_its_source_and_every_label_is_quoted_verbatim():
    for p in LABELS:
        assert p["url"].startswith(("https://", "http://")) and p["title"] and p["date"]
        text = (REAL / p["file"]).read_text(encoding="utf-8")
        for t in p["targets"] + p.get("not_scored", []) + p.get("past_facts", []):
            assert t["quote"] in text, (p["file"], t["quote"])


@pytest.mark.parametrize("kind", ["tuned", "held-out", "second-round", "third-round", "fourth-round",
                                  "fifth-round", "fifth-round-met"])
def test_real_passages_score_as_measured(kind):
    s, drafts = _score(kind)
    matched, drafted, expected = MEASURED[kind]
    assert s.expected == expected
    assert s.matched >= matched, s.line(kind)  # no match lost
    assert s.drafted - s.matched <= drafted - matched, s.line(kind)  # no new stray target
    for draft in drafts:  # every quote is verbatim and every target's plan is declared
        plans = {p["id"]: p for p in draft["plans"]}
        for t in draft["targets"] or []:
            plan = plans[t["plan"]]
            if isinstance(plan["start"], int):  # a plan without a period is left for review
                assert plan["start"] <= t["deadline"] <= plan["end"], t


def test_past_facts_drafted_as_targets_as_measured():
    # a drafted quote inside (or around) a figure the reviewer reads as achieved is a fact
    # drafted as a target; the fifth round was measured at first sight
    drafted = 0
    for p in LABELS:
        facts = [f["quote"] for f in p.get("past_facts", [])]
        if not facts:
            continue
        for t in _draft(p["file"], p.get("period"))["targets"] or []:
            drafted += any(f in t["quote"] or t["quote"] in f for f in facts)
    assert drafted <= PAST_FACTS_DRAFTED, drafted


def test_annual_targets_get_their_own_year_and_plan_and_past_facts_none():
    draft = _draft("national_report_2026_figures.txt")
    got = sorted((t["op"], t["value"], t["deadline"], t["plan"]) for t in draft["targets"])
    # 2025年… and “十四五”时期… are facts; 2026年 fiscal arrangements are not indicators
    assert got == [("annual_growth", 7, 2030, "plan"), ("at_least", 12.5, 2030, "plan")]
    draft = _draft("fujian_report_2026.txt")
    assert {t["plan"] for t in draft["targets"]} == {"city-2026-annual"}
    assert {t["deadline"] for t in draft["targets"]} == {2026}
    annual = next(p for p in draft["plans"] if p["id"] == "city-2026-annual")
    assert (annual["start"], annual["end"]) == (2026, 2026)
    gdp = next(t for t in draft["targets"] if t["indicator"] == "gdp")
    assert gdp["baseline"]["year"] == 2025 and gdp["wording"] == "增长…左右"  # 左右 kept


def test_a_vision_sentence_does_not_move_the_plan_targets():
    draft = _draft("national_outline_2026.txt")
    by_deadline = {t["indicator"]: (t["deadline"], t["plan"]) for t in draft["targets"]}
    assert by_deadline.pop("per-capita-gdp") == (2035, "city-2035-vision")
    assert set(by_deadline.values()) == {(2030, "plan")}


def test_a_heading_naming_a_year_of_the_plan_opens_that_years_targets():
    draft = _draft("national_report_2026_digest.txt")
    years = {(t["quote"], t["deadline"], t["plan"]) for t in draft["targets"]}
    assert ("城镇新增就业1200万人以上", 2026, "city-2026-annual") in years
    assert ("人均预期寿命提高到80岁", 2030, "plan") in years
    assert not {q for q, d, p in years if q.startswith("国内生产总值增长5%")}  # 2025: a fact


def test_growth_of_a_spending_is_measured_in_the_spendings_unit():
    text = "江川市“十五五”规划\n到2030年，全市科技经费投入年均增长8%，单位地区生产总值能耗降低13%。\n"
    draft = parse(render(extract(read_bytes(text.encode())), Options("x", "p", None, None, "p.txt")),
                  "d").data
    units = {i["name_zh"]: i["unit"] for i in draft["indicators"]}
    assert units == {"科技经费投入": "亿元", "单位地区生产总值能耗": "吨标准煤/万元"}
    assert {t["unit"] for t in draft["targets"]} == {"%"}


@pytest.mark.parametrize("text", [
    "今年是“十五五”开局之年。今年地区生产总值增长5.5%。",
    "2026年主要预期目标是：地区生产总值增长5.5%。",
])
def test_the_year_of_annual_targets_is_read_from_the_text(text):
    ex = extract(read_bytes(("江川市“十五五”规划\n" + text + "\n").encode()))
    assert [(t.value, t.deadline, t.annual) for t in ex.targets] == [(5.5, 2026, True)]


def test_the_period_is_read_from_the_text_when_no_title_names_it():
    text = "报告指出，“十五五”时期，全社会研发经费投入年均增长7%以上。\n"
    ex = extract(read_bytes(text.encode()))
    assert (ex.start, ex.end) == (2026, 2030) and any("read from the text" in n for n in ex.notes)
    assert [(t.value, t.deadline) for t in ex.targets] == [(7, 2030)]


def test_without_a_period_the_message_says_that_is_why_nothing_was_drafted(tmp_path, invoke):
    plan = tmp_path / "list.txt"
    plan.write_text("主要目标\n研发经费投入强度达到3.2%，高新技术企业达到5万家。\n", encoding="utf-8")
    res = invoke("extract", str(plan))
    assert res.exit_code == 0
    assert "no plan period" in res.stderr and "--start" in res.stderr
    assert "2 figure(s)" in res.stderr
    res = invoke("extract", str(plan), "--start", "2026", "--end", "2030")
    assert res.exit_code == 0 and "no plan period" not in res.stderr
    assert len(parse(res.stdout, "d").data["targets"]) == 2



def test_targets_about_each_sub_unit_never_join_the_citys_indicators():
    text = ("江川市“十五五”规划\n到2030年，全市高新技术企业达到2000家，各县（市、区）高新技术企业达到"
            "100家以上，每个重点产业集群至少建成1个中试基地。\n第五章 各省辖市发展目标\n"
            "高新技术企业不少于300家。\n")
    draft = parse(render(extract(read_bytes(text.encode())), Options("jc", "p", None, None, "p.txt")),
                  "d").data
    got = {(t["value"], t["indicator"], t["plan"]) for t in draft["targets"]}
    assert (2000, "high-tech-enterprises", "p") in got
    scoped = {t["value"]: t for t in draft["targets"] if t["plan"] == "jc-sub-units"}
    assert set(scoped) == {100, 1, 300}
    assert all(t["indicator"] != "high-tech-enterprises" for t in scoped.values())
    assert "scope: 各县（市、区）" in scoped[100]["note"]
    names = {i["id"]: i["name_zh"] for i in draft["indicators"]}
    assert names[scoped[300]["indicator"]] == "各省辖市高新技术企业"


def _found(text: str) -> list[tuple]:
    ex = extract(read_bytes(text.encode()))
    return sorted((t.name, t.op, t.value, t.deadline, t.annual) for t in ex.targets)


def test_a_year_named_with_its_targets_dates_them_when_nothing_else_does():
    # no plan, no date, no 今年是…开局之年: the year the sentence names is the year of the targets
    text = "市长作政府工作报告。\n2027年经济社会发展主要预期目标是:地区生产总值增长6%左右。\n"
    assert _found(text) == [("地区生产总值", "annual_growth", 6, 2027, True)]


@pytest.mark.parametrize("opening", ["奋力实现“十五五”良好开局", "确保“十五五”开好局起好步"])
def test_a_report_opening_the_plan_dates_this_years_targets(opening):
    text = f"报告提出,{opening}。\n今年主要预期目标是:规上工业增加值增长6.5%。\n"
    assert _found(text) == [("规上工业增加值", "annual_growth", 6.5, 2026, True)]


def test_items_of_a_one_line_digest_are_sentences_of_their_own():
    # a vision year in one bullet does not date the bullets after it
    text = ("“十五五”时期主要目标 - 经济:为到2035年人均收入比2020年翻一番打好基础 [4] - 创新:研发经费"
            "投入年均增长7%以上 [5] • 健康:人均预期寿命提高到80岁\n")
    got = {(n, d) for n, _op, _v, d, _a in _found(text)}
    assert got == {("人均收入", 2035), ("研发经费投入", 2030), ("人均预期寿命", 2030)}


def test_a_review_of_last_year_holds_for_its_paragraph():
    text = ("江川市“十五五”规划\n今年是“十五五”开局之年。\n过去一年,全市地区生产总值增长5.5%;居民收入分别"
            "增长4.4%、5.6%。今年地区生产总值增长6%。\n")
    assert [v for _n, _o, v, _d, _a in _found(text)] == [6]


def test_one_figure_after_a_list_and_respectively_belongs_to_every_name():
    text = "2026年主要预期目标:规上工业增加值、固定资产投资、社会消费品零售总额分别增长5%。\n"
    got = _found(text)
    assert [(n, v, d) for n, _o, v, d, _a in got] == [
        ("固定资产投资", 5, 2026), ("社会消费品零售总额", 5, 2026), ("规上工业增加值", 5, 2026)]


def _scopes(text: str) -> dict:
    return {(t.name if not t.scope else t.name.removeprefix(t.scope), t.value): t.scope
            for t in extract(read_bytes(text.encode())).targets}


def test_targets_about_named_cities_and_zones_carry_their_scope():
    text = ("河川省“十五五”科技创新规划\n到2030年，全省高新技术企业达到15000家。郑州、洛阳各建成1个国家级创新"
            "平台。中国（河川）自由贸易试验区郑州片区进出口总额突破5000亿元。洛阳市高新技术企业达到3000家。"
            "支持南阳市建成省级创新平台20个。江川高新区营业收入突破2000亿元。\n第六章 区域布局\n"
            "（三）南阳市\n高新技术企业达到800家。\n（四）开封、新乡等4市\n高新技术企业各达到500家。\n"
            "第七章 保障措施\n"
            "全省技术合同成交额达到2000亿元。\n")
    got = sorted(((v, s or "") for (_n, v), s in _scopes(text).items()), key=str)
    zone = next(s for v, s in got if v == 5000)
    assert "自由贸易试验区" in zone
    assert got == sorted([(15000, ""), (2000, ""), (1, "郑州、洛阳"), (5000, zone), (3000, "洛阳市"),
                          (20, "南阳市"), (2000, "江川高新区"), (800, "南阳市"), (500, "开封、新乡等4市")],
                         key=str)
    draft = parse(render(extract(read_bytes(text.encode())), Options("hc", "p", None, None, "p.txt")),
                  "d").data
    own = {t["indicator"] for t in draft["targets"] if t["plan"] == "p"}
    scoped = [t for t in draft["targets"] if t["plan"] == "hc-sub-units"]
    assert len(scoped) == 7 and all(t["note"].startswith("scope: ") for t in scoped)
    assert not own & {t["indicator"] for t in scoped}  # never the province's own indicators
    assert {t["value"] for t in draft["targets"] if t["indicator"] == "high-tech-enterprises"} == {15000}


@pytest.mark.parametrize("sentence", [
    "科技上市企业不少于5家", "城市更新项目完成100个", "争取新建省级高新区不少于2家",
    "依托高新区培育科技型企业1000家", "出口、进口分别增长5%", "县域研发机构达到200家",
    "洛阳市高新技术企业达到3000家",  # the document's own city
])
def test_words_that_only_look_like_places_scope_nothing(sentence):
    text = f"洛阳市“十五五”科技创新规划\n到2030年，{sentence}。\n"
    assert set(_scopes(text).values()) == {None}, _scopes(text)


def test_a_review_keeps_its_bullet_lines_and_a_digest_its_year_marks():
    # an unnumbered short line inside a review is an item of it, not a heading that ends it
    text = ("江川市政府工作报告\n今年是“十五五”开局之年。\n一、“十四五”时期工作回顾\n"
            "地区生产总值迈上6000亿元台阶\n江川获建全国首批示范区\n城镇新增就业每年超过9万人\n二、2026年重点工作\n城镇新增就业7万人以上\n")
    assert [(v, d) for _n, _o, v, d, _a in _found(text)] == [(7, 2026)]
    # ■ 2024年成绩单 in a report of 2025: a past year's section, its figures are facts
    text = ("长江日报 2025年01月17日\n■ 2024年成绩单\n●预计全省地区生产总值增长6%左右\n"
            "■ 2025年经济社会发展的主要预期目标\n●经济增长5.5%左右\n")
    assert [(v, d) for _n, _o, v, d, _a in _found(text)] == [(5.5, 2025)]


def test_respectively_with_a_growth_keeps_the_growth_for_each_figure():
    text = "2026年主要预期目标:城乡居民人均可支配收入分别增长7%、8%左右。\n"
    # and 城乡 with two figures is the urban and the rural figure
    assert sorted((n, o, v) for n, o, v, _d, _a in _found(text)) == [
        ("农村居民人均可支配收入", "annual_growth", 8), ("城镇居民人均可支配收入", "annual_growth", 7)]


def test_this_year_in_an_undated_report_of_a_new_plan_is_its_first_year():
    text = "报告审议了“十五五”规划纲要。江川今年力争高技术制造业增加值增长20%以上。\n"
    ex = extract(read_bytes(text.encode()))
    assert [(t.deadline, t.annual) for t in ex.targets] == [(2026, True)]
    assert any("今年 taken as 2026" in n for n in ex.notes)


def test_a_count_of_things_to_build_is_a_target():
    text = "2026年主要预期目标:推进55个试点项目、30个城市更新重点片区建设。\n"
    assert sorted(v for _n, _o, v, _d, _a in _found(text)) == [30, 55]


def test_real_passages_get_shared_ids_for_their_common_indicators():
    # measured 11 x- ids of 94 drafted indicators over the passages of the first three rounds,
    # 16 of 107 with the fourth; the fifth round, at first sight, adds 21 of 39 (力争/按 left in
    # a name, counts of new things, the facts and fiscal sums drafted by mistake)
    x = total = 0
    for p in LABELS:
        rows = _draft(p["file"], p.get("period"))["indicators"] or []
        x += sum(r["id"].startswith("x-") for r in rows)
        total += len(rows)
    assert total >= 140 and x <= 36, (x, total)


@pytest.mark.parametrize(("sentence", "iid"), [
    ("●经济增长6%左右", "gdp"), ("福建省GDP年均增长5%左右", "gdp"),
    ("粮食产量保持在180万吨以上", "grain-output"),
    ("固定资产投资增速高于全省平均水平", "fixed-asset-investment"), ("出口总额增长4%", "exports"),
    ("商品进出口总值增长5%", "foreign-trade"), ("养老机构护理型床位占比提高到73%", "nursing-bed-share"),
])
def test_common_indicators_get_their_shared_id(sentence, iid):
    text = f"福建省国民经济和社会发展第十五个五年规划纲要\n到2030年，{sentence}。\n"
    ex = extract(read_bytes(text.encode()))
    draft = parse(render(ex, Options("fj", "p", None, None, "p.txt")), "d").data
    assert [t["indicator"] for t in draft["targets"]] == [iid]


def test_a_coverage_target_matches_the_share_it_sets():
    from planck.extract.match import closest

    known, exact = closest("高校科研成果转化活动", "%")  # 实现…全覆盖, Luoyang's bundled share
    assert known is not None and known.id == "university-transfer-activity-coverage" and not exact
    assert closest("重点产业集群中试基地", "%")[0] is None  # two shares fit: none is guessed


def test_a_heading_naming_the_plans_year_ends_a_review_of_the_year_before():
    text = ("报告审议了“十五五”规划纲要。\n2025年——\n全市生产总值增长5.5%\n2026年——\n今年主要预期目标是:"
            "生产总值增长5.5%以上,单位生产总值二氧化碳排放降低3.6%—3.8%。\n")
    ex = extract(read_bytes(text.encode()))
    got = sorted((t.op, t.value, t.stretch, t.deadline) for t in ex.targets)
    assert got == [("annual_growth", 5.5, None, 2026), ("decrease_by", 3.6, 3.8, 2026)]


def test_items_of_a_goal_list_keep_its_verb_and_a_rank_to_reach_is_no_fact():
    text = ("江川区科技创新实施方案\n2023年8月30日\n到2027年,争取建成省级重点企业研究院1家,市级重点实验室1家,"
            "新型研发机构1家,研发人员达到209人年以上。科技进步综合评价跃居全省前40位。\n")
    got = sorted((o, v, d) for _n, o, v, d, _a in _found(text))
    assert got == [("at_least", 1, 2027)] * 3 + [("rank_at_most", 40, 2027)]
