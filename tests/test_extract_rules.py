"""planck extract's general wording rules, each on a short in-memory text: the kinds of past
fact a report writes (estimates, the year just ended, a year's heading without 年), and target
wordings read from real 十五五-era texts (均达到, 保持在, 再提高1岁, 每千人口, a list led by 主要指标:,
城镇、农村 sharing a noun, a province named by its short name)."""

from __future__ import annotations

import pytest

from planck.extract.draft import Options, render
from planck.extract.reading import read_bytes
from planck.extract.run import extract
from planck.read.loader import parse


def _found(text: str) -> list[tuple]:
    ex = extract(read_bytes(text.encode()))
    return sorted((t.name, t.op, t.value, t.unit, t.deadline, t.annual) for t in ex.targets)


def _values(text: str) -> list:
    return sorted(v for _n, _o, v, _u, _d, _a in _found(text))


# -- past facts --------------------------------------------------------------------------

@pytest.mark.parametrize("review", [
    "预计实现地区生产总值5312亿元,增长3.6%。",  # an estimate of the year just ended
    "初步预计全年增长6.3%。",
    "刚刚过去的2025年,全市地区生产总值增长5.3%。",
    "全市粮食产量1050万吨,创历史新高。",
    "粮食产量连续9年稳定在1050万吨以上。",
])
def test_a_reports_estimates_and_records_are_facts(review):
    text = f"江川市政府工作报告\n2026年1月20日\n{review}\n今年地区生产总值增长6%左右。\n"
    assert _values(text) == [6]


def test_an_estimate_of_a_year_to_come_is_not_a_fact():
    text = "江川市“十五五”规划\n预计到2030年,全市高新技术企业达到3000家。\n"
    assert _values(text) == [3000]


def test_the_whole_year_in_a_paragraph_about_the_past_is_the_year_just_ended():
    text = ("江川市政府工作报告\n2026年1月20日\n成功创建国家级文化生态保护区,获批全国示范区。"
            "全年接待游客突破5亿人次,入境旅游收入增长68.2%。\n"
            "全年城镇新增就业7万人以上。\n")  # a paragraph of its own: this year's
    assert _found(text) == [("城镇新增就业", "at_least", 7, "万人", 2026, True)]


def test_the_whole_year_beside_a_past_year_is_that_year():
    text = "江川市政府工作报告\n2026年1月20日\n2025年,全市经济逐步回暖,全年规上工业增加值增长6.1%以上。\n"
    assert _found(text) == []


def test_this_year_after_a_review_sentence_stays_this_year():
    text = ("江川市政府工作报告\n2026年1月20日\n成功创建国家级文化生态保护区。今年地区生产总值增长6%左右。\n")
    assert _values(text) == [6]


@pytest.mark.parametrize(("past", "ahead"), [("2020 中国答卷", "2021任务清单"),
                                              ("2020年中国答卷", "2021年任务清单")])
def test_a_heading_naming_a_year_with_or_without_its_character(past, ahead):
    text = (f"新民晚报 2021-03-05\n{past}\n增长\n经济恢复好于预期,全年国内生产总值增长2.3%\n"
            "“十四五”规划目标\n■城镇调查失业率控制在5.5%以内\n"
            f"{ahead}\n●国内生产总值增长6%以上\n")
    got = {(n, v, d, a) for n, _o, v, _u, d, a in _found(text)}
    assert got == {("城镇调查失业率", 5.5, 2025, False), ("国内生产总值", 6, 2021, True)}


# -- target wordings ---------------------------------------------------------------------

def test_each_of_a_list_reaching_one_figure():
    text = "江川市“十五五”规划\n到2030年,森林覆盖率、建成区绿地率均达到40%,居民人均收入年均增长6%。\n"
    assert [(n, v) for n, _o, v, _u, _d, _a in _found(text)] == [
        ("居民人均收入", 6), ("建成区绿地率", 40), ("森林覆盖率", 40)]


def test_a_growth_held_at_a_level_names_the_indicator_not_its_verbs():
    text = "“十五五”时期,我国经济年均增长保持在6.5%以上,经济总量将超过150万亿元。\n"
    got = {(n, o, v) for n, o, v, _u, _d, _a in _found(text)}
    assert got == {("经济", "annual_growth", 6.5), ("经济总量", "more_than", 1500000)}


def test_a_rise_from_a_per_capita_base_and_a_productivity_unit():
    ex = extract(read_bytes("江川市“十五五”规划\n到2030年,全员劳动生产率从人均18.7万元提高到22万元/人以上。\n"
                            .encode()))
    [t] = ex.targets
    assert (t.name, t.op, t.value, t.unit, t.baseline) == ("全员劳动生产率", "at_least", 22, "万元/人",
                                                           {"value": 18.7, "year": None})


def test_a_rise_by_years_of_age_is_an_increase():
    text = "“十五五”时期,人均预期寿命再提高1岁,劳动年龄人口平均受教育年限提高到11.7年。\n"
    got = {(n, o, v, u) for n, o, v, u, _d, _a in _found(text)}
    assert got == {("人均预期寿命", "increase_by", 1, "岁"),
                   ("劳动年龄人口平均受教育年限", "at_least", 11.7, "年")}


def test_figures_after_a_lead_naming_targets_are_targets_and_a_rate_holds_for_its_list():
    text = ("“十五五”规划纲要提出主要目标。同时明确核心指标:每千人口拥有执业医师数3.7人、注册护士数5.1人,"
            "养老机构护理型床位占比达到73%。\n")
    got = {(n, v, u) for n, _o, v, u, _d, _a in _found(text)}
    assert got == {("每千人口拥有执业医师数", 3.7, "人/千人"), ("注册护士数", 5.1, "人/千人"),
                   ("养老机构护理型床位占比", 73, "%")}
    # without such a lead a bare count is no target (a review's figure, a name's number)
    assert _found("“十五五”时期,全市执业医师数3.7万人。\n") == []


@pytest.mark.parametrize("wording", ["城镇、农村居民人均可支配收入分别增长6%、7%",
                                     "城乡居民人均可支配收入分别增长6%、7%"])
def test_urban_and_rural_share_the_noun_of_their_list(wording):
    text = f"2026年主要预期目标:{wording}。\n"
    assert [(n, v) for n, _o, v, _u, _d, _a in _found(text)] == [
        ("农村居民人均可支配收入", 7), ("城镇居民人均可支配收入", 6)]


def test_a_province_named_by_its_short_name_is_another_place():
    text = ("福建省国民经济和社会发展第十五个五年规划纲要\n湖北今年力争高技术制造业增加值增长20%以上。"
            "福建今年力争高技术制造业增加值增长15%以上。\n")
    got = {(t.name, t.value, t.scope) for t in extract(read_bytes(text.encode())).targets}
    assert got == {("湖北高技术制造业增加值", 20, "湖北"), ("高技术制造业增加值", 15, None)}


def test_a_reference_average_is_left_for_review_with_the_other_fields():
    text = "江川市“十五五”规划\n2026年主要预期目标:固定资产投资增速高于全省平均水平。\n"
    out = render(extract(read_bytes(text.encode())), Options("jc", "p", None, None, "p.txt"))
    [t] = parse(out, "d").data["targets"]
    assert t["op"] == "above_reference" and t["reference"] == "REVIEW"
