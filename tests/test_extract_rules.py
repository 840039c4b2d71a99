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


def test_an_indicator_tables_pace_column_and_numbered_rows():
    # a plan's main-indicator table: the 年均/累计 column holds what the target year's cell leaves
    # empty; [x] is the sum over the plan; a growth or a fall in % is a rate, not a level
    text = ("江川市“十五五”规划纲要\n专栏1 主要指标\n| 类别 | 指标 | 2025年 | 2030年 | 年均/累计 | 属性 |\n"
            "| 创新 | 1.研发经费投入增长(%) | — | — | >8 | 预期性 |\n"
            "| | 2.每千人口拥有执业医师数(人) | 3.1* | 3.6 | — | 预期性 |\n"
            "| 民生 | 3.城镇调查失业率(%) | 4.9 | — | <5.5 | 预期性 |\n"
            "| | 4.人均预期寿命(岁) | 79.2 | — | [1] | 预期性 |\n"
            "| 绿色 | 5.单位地区生产总值能源消耗降低(%) | — | — | [12] | 约束性 |\n"
            "| | 6.地区生产总值增长(%) | 5.5 | 5左右 | — | 预期性 |\n")
    ex = extract(read_bytes(text.encode()))
    got = {(t.name, t.op, t.value, t.unit, t.deadline) for t in ex.targets}
    assert got == {("研发经费投入", "annual_growth", 8, "%", 2030),
                   ("每千人口拥有执业医师数", "at_least", 3.6, "人/千人", 2030),
                   ("城镇调查失业率", "at_most", 5.5, "%", 2030),
                   ("人均预期寿命", "increase_by", 1, "岁", 2030),
                   ("单位地区生产总值能源消耗", "decrease_by", 12, "%", 2030),
                   ("地区生产总值", "annual_growth", 5, "%", 2030)}
    doctors = next(t for t in ex.targets if t.value == 3.6)
    assert doctors.baseline == {"year": 2025, "value": 3.1, "quote": doctors.quote}


def test_a_traditional_page_reads_as_the_mainlands_and_keeps_its_quotes():
    text = ("2026-03-05 報導\n二、「十五五」時期主要目標和重大任務\n"
            "單位國內生產總值二氧化碳排放累計降低 17%\n能源綜合生產能力達到 58 億噸標準煤\n"
            "三、2026 年經濟社會發展總體要求\n城鎮新增就業 1,200 萬人以上\n")
    ex = extract(read_bytes(text.encode()))
    got = {(t.name, t.op, t.value, t.unit, t.deadline) for t in ex.targets}
    assert got == {("单位国内生产总值二氧化碳排放", "decrease_by", 17, "%", 2030),
                   ("能源综合生产能力", "at_least", 58, "亿吨标准煤", 2030),
                   ("城镇新增就业", "at_least", 1200, "万人", 2026)}
    assert {t.quote for t in ex.targets} == {
        "單位國內生產總值二氧化碳排放累計降低 17%", "能源綜合生產能力達到 58 億噸標準煤",
        "城鎮新增就業 1,200 萬人以上"}
    draft = parse(render(ex, Options("x", "p", None, None, "p.txt")), "d").data
    assert {i["id"] for i in draft["indicators"]} >= {"carbon-intensity", "urban-new-jobs"}


def test_a_comma_between_clauses_is_no_thousands_separator():
    assert _values("江川市“十五五”规划\n到2030年,高新技术企业达到1,500家。\n") == [1500]
    assert _values("江川市“十五五”规划\n到2030年,研发投入强度达到3%,200家企业建成研发中心。\n") == [3]


def test_a_table_row_under_a_category_spanning_rows_keeps_its_columns():
    # an HTML table's 类别 cell spans its rows: the rows after the first lack that cell
    text = ("江川市“十五五”规划纲要\n| 类别 | 指标 | 2025年 | 2030年 | 属性 |\n"
            "| 创新驱动 | 高新技术企业数(家) | 1200 | 2000 | 预期性 |\n"
            "| 研发经费投入强度(%) | 2.6 | 3.2 | 预期性 |\n")
    got = {(t.name, t.value, t.unit, (t.baseline or {}).get("value"))
           for t in extract(read_bytes(text.encode())).targets}
    assert got == {("高新技术企业数", 2000, "家", 1200), ("研发经费投入强度", 3.2, "%", 2.6)}


def test_a_range_written_with_zhi_and_names_after_a_lead():
    text = "“十五五”开局之年。报告指出,今年发展主要预期目标是经济增长4.5%至5%。\n"
    ex = extract(read_bytes(text.encode()))
    assert [(t.name, t.op, t.value, t.stretch, t.deadline) for t in ex.targets] == [
        ("经济", "annual_growth", 4.5, 5, 2026)]


def test_a_clause_naming_its_own_year_and_a_pace_after_this_years_paragraph():
    text = ("报告说明“十五五”时期的目标和任务,希望在2035年人均国内生产总值比2020年翻一番。"
            "今年发展主要预期目标是城镇新增就业1200万人以上。\n创新驱动方面提出全社会研发经费投入年均增长7%以上。\n")
    got = {(t.name, t.value, t.deadline, t.annual) for t in extract(read_bytes(text.encode())).targets}
    assert got == {("人均国内生产总值", 2, 2035, False), ("城镇新增就业", 1200, 2026, True),
                   ("全社会研发经费投入", 7, 2030, False)}


def test_a_year_named_in_a_review_is_no_scope():
    # 在2021年…评价中 reports a past assessment: it dates nothing after it
    text = ("市人大调研组专题调研科技创新工作\n在2021年全省经济综合竞争力评价中,我市居全省第三。"
            "共支持企业77家。\n")
    assert _found(text) == []


def test_a_level_after_a_growth_of_the_same_indicator_and_a_pace_before_respectively():
    text = ("江川市“十五五”规划\n“十五五”时期,全市地区生产总值年均增长5.5%左右,到2030年突破5000亿元,"
            "城镇居民人均可支配收入、农村居民人均可支配收入年均分别增长6%、7%。\n")
    assert _found(text) == [
        ("农村居民人均可支配收入", "annual_growth", 7, "%", 2030, False),
        ("地区生产总值", "annual_growth", 5.5, "%", 2030, False),
        ("地区生产总值", "more_than", 5000, "亿元", 2030, False),
        ("城镇居民人均可支配收入", "annual_growth", 6, "%", 2030, False)]


def test_an_undated_report_naming_this_year_beside_jinnian():
    text = ("2019年,重庆地区生产总值初步预计全年增长6.3%。城镇新增就业75万人。\n"
            "对于今年政府工作要求,会议提出,2020年地区生产总值增长6%,城镇新增就业60万人以上。\n")
    ex = extract(read_bytes(text.encode()))
    assert sorted((t.value, t.deadline, t.annual) for t in ex.targets) == [(6, 2020, True), (60, 2020, True)]
    assert any("今年 taken as 2020" in n for n in ex.notes)


def test_a_reports_growth_with_nothing_dating_it_is_this_years():
    # a report (no plan in its title) dated in the plan's first year: 增长4.5%-5% without 年均
    # is this year's growth, 年均 the plan's pace; 预计增长 as news reports a target is no fact
    text = ("2026年1月26日上午,省人民代表大会开幕,省长作政府工作报告。今年是“十五五”开局之年。\n稳中求进\n"
            "GDP预期增长4.5%-5%,在实际工作中全力争取更好结果\n"
            "地方一般公共预算收入预计增长3%左右。展望未来五年,“十五五”时期的主要目标是实现地区生产总值"
            "年均增长5%左右。\n联动发展\n持续推进“百千万工程”,新培育 2518个\n")
    assert _found(text) == [("GDP", "annual_growth", 4.5, "%", 2026, True),
                            ("地区生产总值", "annual_growth", 5, "%", 2030, False),
                            ("地方一般公共预算收入", "annual_growth", 3, "%", 2026, True)]
    # a plan's own text: a growth without a year is the plan's
    assert _found("江川市“十五五”规划纲要\n2026年1月20日\n主要目标\n地区生产总值增长6%左右。\n") == [
        ("地区生产总值", "annual_growth", 6, "%", 2030, False)]


def test_a_year_set_for_its_targets_further_in_the_sentence():
    text = "“十五五”开局之年,广东为2026年设定了地区生产总值增长4.5%-5%的预期目标。\n"
    assert _found(text) == [("地区生产总值", "annual_growth", 4.5, "%", 2026, True)]


def test_a_report_after_the_plan_it_names_reviews_it():
    # dated 2026 and naming only “十四五”: that plan is over, its figures are facts
    text = ("人民网天津1月26日电 2026年1月26日上午,市长作政府工作报告。\n"
            "报告显示,“十四五”以来,GDP年均增长4.4%,工业战略性新兴产业占规上工业比重达到30%以上。\n"
            "今年地区生产总值增长5%左右。\n")
    ex = extract(read_bytes(text.encode()))
    assert [(t.value, t.deadline, t.annual) for t in ex.targets] == [(5, 2026, True)]
    assert (ex.start, ex.end) == (2026, 2030) and any("which it reviews" in n for n in ex.notes)


def test_a_sub_heading_belongs_to_its_sections_time():
    # （一）… under a review of last year stays in the review; under this year's targets, in them
    text = ("江川市2023年计划执行情况与2024年计划草案的报告\n发布日期:2024-04-24\n"
            "一、2023年国民经济和社会发展计划执行情况\n2023年,全市地区生产总值同比增长4.5%。\n"
            "(一)着力构建现代化产业体系,发展动能不断增强\n建成投产铝基新材料项目6个,新培育45家企业。\n"
            "二、2024年国民经济和社会发展主要预期目标\n地区生产总值增长6%左右。\n(一)工业\n建成铝基新材料项目8个以上。\n")
    assert [(v, d, a) for _n, _o, v, _u, d, a in _found(text)] == [(6, 2024, True), (8, 2024, True)]
    assert [n for n, *_ in _found(text)] == ["地区生产总值", "铝基新材料项目"]


def test_the_end_of_an_earlier_plan_is_the_past_and_the_end_of_this_one_its_deadline():
    text = ("江川市国民经济和社会发展第十五个五年规划纲要\n主要目标\n"
            "“十四五”期末,全市地区生产总值达到5000亿元。"
            "“十五五”期末,全市地区生产总值突破7000亿元,新增高标准农田10万亩,建成区面积达到120平方公里。\n")
    assert _found(text) == [("地区生产总值", "more_than", 7000, "亿元", 2030, False),
                            ("建成区面积", "at_least", 120, "平方公里", 2030, False),
                            ("高标准农田", "increase_by", 100000, "亩", 2030, False)]


def test_a_plans_chapter_on_its_environment_is_a_review():
    text = ("江川市国民经济和社会发展第十五个五年规划纲要\n第一章 发展环境\n全市高新技术企业达到1200家。\n"
            "第二章 主要目标\n全市高新技术企业达到2000家。\n")
    assert _values(text) == [2000]


def test_foreign_investment_in_us_dollars_is_a_unit_of_its_own():
    from planck.read import units

    text = "江川市“十五五”规划\n2026年主要预期目标:实际使用外资1.2亿美元,外贸进出口总额增长3%。\n"
    assert ("实际使用外资", "at_least", 1.2, "亿美元", 2026, True) in _found(text)
    assert units.check("亿美元") is None and units.convert(1.2, "亿美元", "万美元") == 12000
    with pytest.raises(units.UnitError):
        units.convert(1, "亿美元", "亿元")  # never exchanged at a guessed rate


def test_this_year_in_a_review_is_the_year_reviewed():
    text = ("江川市政府工作报告\n2026年1月26日\n报告指出,2025年作为“十四五”规划收官之年,经济稳中有进。"
            "这一年,全市地区生产总值增长3.9%,规上工业增加值增长5%。\n今年地区生产总值增长5%左右。\n")
    assert _values(text) == [5]


def test_a_rank_without_a_subject_of_its_own_and_things_counted_to_build():
    text = ("江川区科技创新实施方案(2023-2027年)\n"
            "到2027年,科技进步综合评价位次实现“进等升位”,跃居全省前40位。"
            "推进55个扩面试点项目、30个城市更新重点片区建设。\n")
    got = {(n, o, v) for n, o, v, _u, _d, _a in _found(text)}
    assert got == {("科技进步综合评价位次", "rank_at_most", 40), ("扩面试点项目", "at_least", 55),
                   ("城市更新重点片区", "at_least", 30)}


def test_two_long_names_doubling_together_and_one_name_with_he_inside():
    text = ("江川市“十五五”规划\n到2030年,研究和试验发展经费比2025年翻一番,"
            "地区生产总值和居民人均可支配收入比2020年翻一番。\n")
    assert sorted(n for n, *_ in _found(text)) == ["地区生产总值", "居民人均可支配收入", "研究和试验发展经费"]


def test_a_step_to_climb_and_a_level_to_cut_to():
    text = ("江川省国民经济和社会发展第十五个五年规划纲要\n到2030年,全省地区生产总值迈上10万亿元台阶,"
            "煤炭消费量压减到8000万吨以内,城镇调查失业率下降至5%。\n")
    assert _found(text) == [("地区生产总值", "at_least", 100000, "亿元", 2030, False),
                            ("城镇调查失业率", "at_most", 5, "%", 2030, False),
                            ("煤炭消费量", "at_most", 8000, "万吨", 2030, False)]


def test_last_years_figure_and_this_years_aim_in_one_sentence():
    # the clause naming 2025 reports it; the next clause, with no name, aims at the same indicator
    text = ("江川市政府工作报告\n2026年1月20日\n2025年全市地区生产总值增长5.5%,今年预期增长6%左右。"
            "到2030年,全市一般公共预算收入达到800亿元,年均增长6%。\n")
    assert _found(text) == [("一般公共预算收入", "annual_growth", 6, "%", 2030, False),
                            ("一般公共预算收入", "at_least", 800, "亿元", 2030, False),
                            ("地区生产总值", "annual_growth", 6, "%", 2026, True)]


def test_the_next_five_years_of_a_report_are_the_plans():
    text = ("江川市人民政府工作报告\n2026年1月20日\n今年是“十五五”开局之年。\n二、今后五年的目标任务\n"
            "今后五年,全市经济社会发展的主要目标是:地区生产总值增长5.5%左右。\n(一)产业\n规上工业增加值增长7%。\n"
            "三、2026年工作安排\n地区生产总值增长6%左右。\n")
    assert [(v, d, a) for _n, _o, v, _u, d, a in _found(text)] == [
        (5.5, 2030, False), (6, 2026, True), (7, 2030, False)]
