"""Every word planck shows people, in each of its languages: the one catalogue.

Each section maps a key to its words, one per language in the order of ``choices.LANGS``
(``"met": ("met", "已达成")``), so no word exists in one language only. The renderers, the site,
the evaluation document, the workbook, ``explain``, ``list``/``validate`` and the judge's
reasons read their words from here: ``section("status")["zh"]["met"]`` or
``word("status", "met", "zh")``. Templates keep ``str.format`` fields, the same in every
language (``tests/test_words.py`` checks both, and that no other module keeps words of its
own). The glossary at the end is one-way by nature: what a Chinese term on an English page
means.

Pure data and two lookups; imports nothing heavy (``validate`` reads its summary from here).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from planck.choices import LANGS

#: key -> its words, one per language of ``LANGS`` (a str, or a tuple of column names).
Section = dict[str, tuple[Any, Any]]


@cache
def section(name: str) -> dict[str, dict[str, Any]]:
    """One section by language: ``{lang: {key: word}}`` (what a renderer indexes by
    ``ctx.lang``). Built once per section."""
    pairs = SECTIONS[name]
    return {lang: {key: words[i] for key, words in pairs.items()} for i, lang in enumerate(LANGS)}


def word(name: str, key: str, lang: str) -> Any:
    """One word of a section in one language."""
    return section(name)[lang][key]


#: the verdicts (status names)
STATUS: Section = {
    "met": ("met", "已达成"),
    "missed": ("missed", "未达成"),
    "on_track": ("on track", "进度正常"),
    "behind": ("behind", "略有滞后"),
    "off_track": ("off track", "严重滞后"),
    "regressing": ("regressing", "倒退"),
    "no_data": ("no data", "无数据"),
    "not_assessable": ("not assessable", "无法评估"),
}

#: the evaluators' categories (提前实现 … 滞后)
CATEGORY: Section = {
    "achieved_early": ("achieved early", "提前实现"),
    "achieved": ("achieved", "已实现"),
    "basically_achieved": ("basically achieved", "基本实现"),
    "not_achieved": ("not achieved", "未实现"),
    "ahead": ("ahead of schedule", "快于预期"),
    "as_expected": ("as expected", "基本符合预期"),
    "lagging": ("lagging", "滞后"),
}

#: the evaluators' lights
LIGHT: Section = {
    "green": ("green", "绿灯"),
    "yellow": ("yellow", "黄灯"),
    "red": ("red", "红灯"),
}

#: a target's attribute (约束性, 预期性)
ATTRIBUTE: Section = {
    "binding": ("binding", "约束性"),
    "expected": ("expected", "预期性"),
}

#: separators and leads every format shares
PUNCT: Section = {
    "count_sep": (", ", "，"),
    "copy_lead": ("copy of ", "转载自"),
    "copy_sep": (", ", "，"),
    "part_sep": ("; ", "；"),
    "label_sep": (": ", "："),
    "comma": (", ", "，"),
    "in_brackets": (" ({text})", "（{text}）"),
    "list_sep": (", ", "、"),
    "sentence_end": (".", "。"),
    "book_title": ("“{title}”", "《{title}》"),
}

#: the labels of the table, markdown, report and compare (and check's lines on stderr)
LABEL: Section = {
    "indicator": ("Indicator", "指标"),
    "unit": ("Unit", "单位"),
    "baseline": ("Baseline", "基数"),
    "latest": ("Latest", "最新值"),
    "target": ("Target", "目标"),
    "progress": ("To goal", "进度"),
    "expected": ("Expected", "应完成"),
    "status": ("Status", "状态"),
    "as_of": ("as of", "截至"),
    "deadline": ("due", "期限"),
    "summary": ("Summary", "汇总"),
    "sources": ("Sources", "来源"),
    "plan": ("Plan", "规划"),
    "id": ("Target id", "目标编号"),
    "report_title": ("plan targets", "规划目标进展"),
    "targets": ("targets", "项目标"),
    "plans": ("Plans", "规划"),
    "charts": ("Charts", "图表"),
    "methodology": ("Method", "方法"),
    "city": ("City", "城市"),
    "partial": ("partial", "非全年"),
    "estimate": ("estimate", "预计"),
    "category": ("Category", "评估"),
    "catch_up": ("Catch-up", "追赶速度"),
    "categories": ("Categories", "评估类别"),
    "stale": ("stale", "数据陈旧"),
    "overdue": ("overdue", "逾期未公布"),
    "provisional": ("provisional", "暂定"),
    "binding": ("binding", "约束性"),
    "expected_attr": ("expected", "预期性"),
    "stretch": ("stretch", "力争"),
    "attainment": ("Attainment", "完成率"),
    "chart_bars": (
        "bars: baseline and measured values (no bar: no figure that year)",
        "柱：基数与实测值（无柱：该年无数据）"),
    "chart_line": ("line", "线"),
    "chart_values": ("baseline, measured", "基数、实测"),
    "chart_required": (
        "required trajectory from the base point to the target at the deadline",
        "应达轨迹（从基期值到期限目标值）"),
    "chart_geometric": ("compound growth, as the status is judged", "按复合增长，与状态判断一致"),
    "chart_linear": ("a straight line, as the status is judged", "直线，与状态判断一致"),
    "chart_goal": (
        "the target level (no baseline to draw a trajectory from)",
        "目标水平（无基数，无法画出轨迹）"),
    "chart_year": ("Year", "年份"),
    "target_one": ("target", "项目标"),
    "target_quote": ("target", "目标"),
    "baseline_quote": ("baseline", "基数"),
    "observation": ("measured", "实测"),
    "document": ("Document", "文件"),
    "generated": (
        "Generated by `planck report`; do not edit by hand, regenerate with `make reports`.",
        "由 `planck report` 生成；请勿手工编辑，用 `make reports` 重新生成。"),
    "method_note": (
        "Final verdicts (met, missed) use the figure for the deadline year. Before that, the status "
        "compares the pace since the baseline with the pace the target needs (pace ratio R: ≥ 0.95 on "
        "track, ≥ 0.60 behind, ≥ 0 off track, < 0 regressing). “To goal” is the share of the gap from the "
        "base point to the target closed (not attainment, the latest value as a share of the target); "
        "“Expected” is the share of the period elapsed at the latest figure. A figure for a year after the "
        "deadline is shown, never judged. Partial-year figures are shown, never judged, except a stock's "
        "in-year count that already meets its target (provisional). Details:",
        "期限年份有数据时给出最终结论（已达成、未达成）；此前比较基数以来的实际进度与完成目标所需进度（进度"
        "比 R：≥ 0.95 进度正常，≥ 0.60 略有滞后，≥ 0 严重滞后，< 0 "
        "倒退）。“进度”为从基数到目标的差距已缩小的比例（不是完成率，即最新值占目标值的比例）；“应完成”为最"
        "新数据时规划期已过的比例。期限之后年份的数据只展示，不作判断。非全年数据只展示，不作判断；存量指标"
        "年内数据已达到目标的，暂定为已达成。详见："),
    "due": ("Due", "期限"),
    "no_charts": ("No indicator has annual figures yet.", "尚无任何指标的年度数据。"),
    "published": ("published", "发布"),
    "no_date": ("date not stated", "未注明日期"),
    "number": ("Number", "数值"),
    "used_for": ("Used for", "用于"),
    "quote": ("Quote (verbatim)", "原文"),
    "shown_of": (
        "planck: showing {shown} of {total} target(s) ({how})",
        "planck：显示 {total} 项目标中的 {shown} 项（{how}）"),
    "gate_failed": (
        "planck: {failed} target(s) with status in --fail-on ({statuses})",
        "planck：{failed} 项目标的状态属于 --fail-on（{statuses}）"),
    "gate_among": (" among {attributes} targets", "，限于{attributes}目标"),
    "gate_nothing": (
        "planck: --fail-on-attribute {attributes}: no target has that attribute, so the gate judged "
        "nothing (it cannot fail)",
        "planck：--fail-on-attribute {attributes}：没有目标具有该属性，门禁未判定任何目标（不会失败）"),
    "gate_hidden": (
        ", {hidden} of them hidden by the filter (a filter never hides a failure from the gate)",
        "，其中 {hidden} 项被筛选隐藏（筛选不会让失败逃过门禁）"),
}

#: the terminal table's columns, marks and lines
TABLE: Section = {
    "id": ("id", "编号"),
    "indicator": ("indicator", "指标"),
    "latest": ("latest", "最新值"),
    "target": ("target", "目标"),
    "bar": ("to goal", "进度"),
    "percent": ("%", "进度"),
    "status": ("status", "状态"),
    "mark": ("", ""),
    "baseline": ("baseline", "基数"),
    "expected": ("expected", "应完成"),
    "category": ("category", "评估"),
    "deadline": ("due", "期限"),
    "attribute": ("attribute", "属性"),
    "plan": ("plan", "规划"),
    "target_one": ("target", "项目标"),
    "targets": ("targets", "项目标"),
    "total": ("all plans", "全部规划"),
    "none": ("no target to show", "没有要显示的目标"),
    "comma": (", ", "，"),
    "as_of": ("as of", "截至"),
    "stale": ("stale figure", "数据陈旧"),
    "overdue": ("overdue: deadline passed, no final figure", "已过期限，尚无最终数据"),
    "partial": ("partial-year figure (shown, not judged)", "非全年数据（只展示，不作判断）"),
    "provisional": ("in-year count of a stock: met provisionally", "存量的年内数：暂定达标"),
    "categories_lead": ("categories: ", "评估："),
}

#: check --all: one line per city
OVERVIEW: Section = {
    "city": ("city", "城市"),
    "as_of": ("as of", "截至"),
    "targets": ("targets", "目标"),
    "total": ("all", "合计"),
    "cities": ("cities", "个城市"),
    "city1": ("city", "个城市"),
    "light_heads": (("grn", "yel", "red"), ("绿", "黄", "红")),
    "categories": ("categories", "评估类别"),
    "lights_key": ("lights: grn green, yel yellow, red red", "灯：绿 绿灯，黄 黄灯，红 红灯"),
}

#: planck diff's output
DIFF: Section = {
    "heading": ("{name} · {span} · {changed} of {total} targets changed",
                "{name} · {span} · {total} 项目标中 {changed} 项变化"),
    "id": ("id", "编号"),
    "indicator": ("indicator", "指标"),
    "status": ("status", "状态"),
    "latest": ("latest", "最新值"),
    "percent": ("to goal", "进度"),
    "targets": ("targets", "项目标"),
    "none": ("no change", "无变化"),
    "new": ("new", "新增"),
    "gone": ("removed", "已删除"),
    "title": ("What changed", "变化"),
    "disk": ("files on disk", "当前文件"),
    "as_of": ("as of", "截至"),
}

#: the few words a target's text needs
READABLE: Section = {
    "a_year": ("/yr", "/年"),
    "of": ("of", "的"),
    "growth": ("growth", "年均增长"),
    "growth_a_year": ("/yr", ""),
    "points": ("pt", "个百分点"),
    "reference": ("the reference", "参照值"),
}

#: category, light and catch-up as every format writes them
TERMS: Section = {
    "estimate": ("estimate", "预计"),
    "sep": (" · ", " · "),
    "none": ("—", "—"),
    "lower_bound": (" (at least)", "（至少）"),
    "upper_bound": (" (at most)", "（至多）"),
    # catch-up: {years} left, {year_word} after them; geometric {signed}/{size} a rate in %,
    # linear {size} in {unit} with {verb} its direction
    "catch_geometric": ("needs {signed} %/yr for {years} {year_word}", "剩余{years}年需年均{verb}{size}%"),
    "catch_linear": ("needs {verb}{size} {unit}/yr for {years} {year_word}",
                     "剩余{years}年{year_word}需年均{verb}{size}{unit}"),
    "grow": ("+", "增长"),
    "fall": ("-", "下降"),
    "raise": ("+", "提高"),
    "lower": ("−", "降低"),
    "points": ("percentage points", "个百分点"),
    "year_one": ("year", ""),
    "year_many": ("years", ""),
}

#: charts: legend, axes, captions
CHART: Section = {
    "measured": ("measured", "实测值"),
    "baseline": ("baseline (stated in the plan)", "基数（规划所列）"),
    "partial": ("part-year figure (not the whole year)", "非全年数据（不是全年数字）"),
    "part": ("part-year", "非全年"),
    "estimate": ("estimate (预计), not a published result", "预计值（不是公布的实际数）"),
    "est": ("estimate", "预计"),
    "required": ("required trajectory", "应达轨迹"),
    "target": ("target", "目标"),
    "band": ("target range", "目标区间"),
    "stretch": ("stretch level (力争)", "力争水平"),
    "deadline": ("deadline", "期限"),
    "due": ("due", "期限"),
    "year": ("Year", "年份"),
    "none": ("No figure yet.", "尚无数据。"),
    "values": ("Figures", "数据"),
    "linear": ("linear", "线性"),
    "geometric": ("compound growth", "复合增长"),
    "from": ("from", "自"),
    "to": ("to", "至"),
    "by": ("by", "期限"),
    "chart": ("Chart", "图表"),
}

#: planck explain: the row labels (left column)
EXPLAIN_ROW: Section = {
    "as_of": ("as of", "截至"),
    "source": ("source", "来源"),
    "quote": ("quote", "原文"),
    "operator": ("operator", "判断规则"),
    "target": ("target", "目标"),
    "attribute": ("attribute", "属性"),
    "stretch": ("stretch (力争)", "力争"),
    "goal": ("goal level", "达标水平"),
    "tolerance": ("tolerance", "容差"),
    "range": ("accepted range", "达标范围"),
    "baseline": ("baseline", "基数"),
    "latest": ("latest", "最新值"),
    "sub_from": ("from", "出处"),
    "sub_quote": ("quote", "原文"),
    "partial": ("partial figure", "非全年数据"),
    "reference": ("reference", "参照值"),
    "series": ("series", "数据序列"),
    "base_point": ("base point", "基期值"),
    "pace_method": ("pace method", "测算方法"),
    "observed_rate": ("observed rate", "实际速度"),
    "reference_rate": ("reference rate", "参照速度"),
    "required_rate": ("required rate", "所需速度"),
    "ratio": ("pace ratio R", "进度比 R"),
    "no_ratio": ("R not computed", "未算进度比"),
    "progress": ("progress (进度)", "进度"),
    "attainment": ("attainment", "完成率"),
    "expected": ("expected", "应完成"),
    "thresholds": ("thresholds", "阈值"),
    "status": ("status", "状态"),
    "because": ("because", "依据"),
    "note": ("note", "说明"),
    "provisional": ("provisional", "暂定"),
    "stale": ("stale", "数据陈旧"),
    "overdue": ("overdue", "逾期未公布"),
    "category": ("category", "评估"),
    "catch_up": ("catch-up", "追赶速度"),
    "estimate": ("estimate", "预计数"),
    "baseline_actual": ("baseline actual", "基数实际值"),
    "revision": ("revision", "目标调整"),
    "conflict": ("other figure", "另一数值"),
    "sub_conflict_quote": ("quote", "原文"),
}

#: planck explain: the sentences
EXPLAIN: Section = {
    "header": ("{id}: {name} / {name_en} ({city} {city_en})", "{id}：{name}（{city}）"),
    "in_brackets": (" ({text})", "（{text}）"),
    "wording": (" — wording {wording}", "——原文措辞“{wording}”"),
    "due": ("{target}, due {deadline}", "{target}，期限 {deadline} 年"),
    "attr_binding": ("binding (约束性)", "约束性"),
    "attr_expected": ("expected (预期性)", "预期性"),
    "not_stated": ("not stated", "未注明"),
    "reached": (" — reached", "——已达到"),
    "goal": ("{goal} (least value that meets it)", "{goal}（达标的最低值）"),
    "goal_growth": (
        "growth at least {points} points a year against {reference}'s growth",
        "年均增速比 {reference} 至少高 {points} 个百分点"),
    "goal_share": ("{share} of {reference} for the same year{level}", "同年 {reference} 的 {share}{level}"),
    "goal_share_level": (" = {value} against {reference_value}", "，即 {value}（参照值 {reference_value}）"),
    "default": ("default", "默认值"),
    "in_file": ("set in the file", "文件中设定"),
    "latest": ("{value} for {period}", "{value}（{period}）"),
    "estimate_note": (
        "the figure is an estimate (预计): not final until the actual is recorded",
        "该数值为预计数：实际数值公布前不作最终结论"),
    "baseline_actual": (
        "the plan's estimate {estimate}, the actual {actual} (difference {difference}): paced from the "
        "actual",
        "规划中的预计基数 {estimate}，实际 {actual}（差 {difference}）：按实际数值测算"),
    "supersedes": ("revises {id}: this target decides", "调整 {id}：以本目标为准"),
    "superseded_by": (
        "revised by {id}, which decides; this verdict is kept for reference",
        "已由 {id} 调整，以调整后目标为准；本结论仅供参考"),
    "conflict": (
        "{value} from {title} ({date}), differs from the figure used",
        "{value}，出自 {title}（{date}），与所用数值不同"),
    "given_as": (" (given as {value})", "（原数据为 {value}）"),
    "source_date": ("{title} ({date})", "{title}（{date}）"),
    "no_latest": ("none (no annual observation)", "无（没有年度数据）"),
    "partial": ("{value} for {period} ({use})", "{value}（{period}，{use}）"),
    "partial_judged": ("judged: a stock's in-year count, provisional", "用于判断：存量指标的年内数，暂定"),
    "partial_shown": ("shown, never judged", "只展示，不作判断"),
    "base_point": ("{value} ({year}): {why}", "{value}（{year} 年）：{why}"),
    "no_base_point": (
        "none (no baseline and no figure from before the plan)",
        "无（没有基数，也没有规划期前的数据）"),
    "pace_method": (
        "{method}, from {base_year} ({base_value}) to {latest_year}",
        "{method}，从 {base_year} 年（{base_value}）到 {latest_year} 年"),
    "rate": ("{rate} a year", "每年 {rate}"),
    "reference_rate": ("{rate} ({reference}, the same years)", "{rate}（{reference}，同期）"),
    "required_rate": ("{rate} to reach the goal by {deadline}", "{rate}（{deadline} 年达到目标所需）"),
    "progress_none": ("— ({reason})", "—（{reason}）"),
    "progress": (
        "{percent:.1f}% of the gap to the target closed, {start}",
        "{percent:.1f}%，即从起点到目标的差距已缩小的比例；{start}"),
    "from_base": ("from the base point {value} ({year})", "起点为基期值 {value}（{year} 年）"),
    "from_zero": ("as latest/target", "按最新值/目标计算"),
    "attainment": (
        "{percent:.1f}% (完成率: latest as a share of the target{lower})",
        "{percent:.1f}%，即最新值占目标值的比例{lower}"),
    "attainment_lower": (", target/latest", "（越低越好：目标值/最新值）"),
    "expected": (
        "{expected} of the period elapsed at the latest observation",
        "{expected}，即最新数据时规划期已过的比例"),
    "final": (" (final)", "（最终）"),
    "provisional": (" (provisional)", "（暂定）"),
    "projection": (" (projection)", "（预测）"),
    "above_range": ("the value lies beyond the stated range", "数值超出所述范围"),
    "provisional_note": (
        "met on an in-year count of a stock; final when the year-end figure is published",
        "按存量指标的年内数判为已达成；年末数据公布后为最终结论"),
    "stale": (
        "the latest figure is more than {max_age} years older than the as-of year (--max-age)",
        "最新数据比截至年份早 {max_age} 年以上（--max-age）"),
    "overdue": (
        "the deadline {deadline} passed more than a year ago and its figure is not published",
        "期限 {deadline} 年已过去一年以上，该年数据仍未公布"),
    "list_sep": (", ", "，"),
}

#: the website's pages
SITE: Section = {
    "no_method": ("docs/methodology.md is not installed with this copy of planck.",
                  "本工具的安装未附带方法说明文件。"),
    "site": ("planck — five-year-plan targets", "五年规划目标进展"),
    "home": ("All cities", "全部城市"),
    "sources": ("Sources", "来源"),
    "method": ("Method", "方法"),
    "other": ("中文", "English"),
    "as_of": ("as of", "截至"),
    "city": ("City", "城市"),
    "targets": ("targets", "项目标"),
    "statuses": ("Verdicts", "评价"),
    "indicator": ("Indicator", "指标"),
    "unit": ("Unit", "单位"),
    "baseline": ("Baseline", "基数"),
    "latest": ("Latest", "最新值"),
    "target": ("Target", "目标"),
    "to_goal": ("Gap closed (进度)", "进度"),
    "attainment": ("Attainment (完成率)", "完成率"),
    "status": ("Verdict", "评价"),
    "due": ("due", "期限"),
    "plan": ("Plan", "规划"),
    "id": ("Target id", "目标编号"),
    "shared": ("Indicators shared by several cities", "多个城市共有的指标"),
    "compare": ("Compare cities", "城市对比"),
    "figures": ("Figures", "数据"),
    "period": ("Period", "时期"),
    "value": ("Value", "数值"),
    "source": ("Source", "来源"),
    "published": ("Published", "发布日期"),
    "quote": ("Quote (verbatim)", "原文"),
    "part": ("part-year", "非全年"),
    "kind_measured": ("measured", "实测"),
    "reason": ("Why", "依据"),
    "explain": ("Every number behind it", "结论背后的全部数字"),
    "no_chart": ("No chart: no figure has been published yet.", "暂无图表：尚无公布数据。"),
    "no_figures": ("No published figure yet.", "尚无公布数据。"),
    "issuer": ("Issuer", "发文机关"),
    "doc": ("Document", "文件"),
    "cited": ("Numbers taken from it", "引用的数字"),
    "used_for": ("Used for", "用于"),
    "number": ("Number", "数值"),
    "generated": (
        "Built by planck site from the data alone; dates come from the data.",
        "本站仅依据数据生成；日期均取自数据。"),
    "of_cities": ("cities", "个城市"),
    "chart": ("Chart", "图表"),
    "no_link": ("not a web address, shown as text", "不是网址，仅显示文字"),
    "language": ("Language", "语言"),
    "choose": ("Choose a language", "选择语言"),
    "binding": ("binding (约束性)", "约束性"),
    "expected": ("expected (预期性)", "预期性"),
    "stale": ("old figure", "数据陈旧"),
    "overdue": ("deadline figure overdue", "逾期未公布"),
    "provisional": ("provisional", "暂定"),
    "stretch": ("stretch (力争)", "力争"),
    "skip": ("Skip to the content", "跳到正文"),
    "answer": ("Is the city meeting its plan?", "是否完成规划目标？"),
    "rest_on": ("The verdicts rest on", "评价依据"),
    "final": ("final figures", "项为最终数据"),
    "provisional_n": ("provisional in-year counts", "项为年内暂计数"),
    "projected": ("projections from the pace so far", "项按目前进度预测"),
    "unjudged": ("no verdict (no figure)", "项无评价（无数据）"),
    "waiting": ("Deadline passed, figures not yet published for", "期限已过、尚待公布数据的年份："),
    "passed": ("every deadline has passed", "各项期限均已过"),
    "unjudged_group": ("Targets without a verdict", "无评价的目标"),
    "base_point": ("base point", "起点"),
    "base_point_why": (
        "no baseline in the plan: progress is measured from this figure",
        "规划未列基数：进度从此数据算起"),
    "range": ("range", "区间"),
    "glossary": ("Chinese words on this page", ""),
    "contents": ("Contents", "目录"),
    "catch_up": ("Catch-up needed", "追赶所需"),
    "total": ("targets in all", "项目标"),
    "plans": ("Plans", "规划"),
    "flags": ("Flags", "标注"),
}

#: the evaluation document (report --format docx)
DOCX: Section = {
    "gap_points": ("{gap} points", "{gap} 个百分点"),
    "part_sep": ("; ", "；"),
    "title": ("{city}: evaluation of the plan targets", "{city}规划目标实施情况评估"),
    "as_of": ("As of {date}; {n} targets.", "截至 {date}，共 {n} 项目标。"),
    "summary": ("1. Summary", "一、总体评价"),
    "verdict": ("Verdict", "评价"),
    "count": ("Targets", "项数"),
    "binding": ("of them binding", "其中约束性"),
    "all": ("Total", "合计"),
    "plans": ("2. Targets by plan", "二、分规划目标完成情况"),
    "head": (
        ("Indicator", "Target", "Baseline", "Latest", "Attainment", "Verdict"),
        ("指标", "目标值", "基期值", "实际值", "完成率", "评价")),
    "attr_binding": ("binding", "约束性"),
    "attr_expected": ("expected", "预期性"),
    "unmet": ("3. Targets not met and what they still need", "三、未完成目标及追赶要求"),
    "none_unmet": ("None.", "无。"),
    "gap": ("short of the target by {gap}", "距目标尚差 {gap}"),
    "sources": ("4. Sources of the figures", "四、数据来源"),
    "src_head": (
        ("Indicator", "Value", "Source", "Published", "Quote"),
        ("指标", "数值", "来源", "发布日期", "原文")),
    "basis": (
        "The verdicts rest on: {final} final figures, {provisional} provisional in-year counts, "
        "{projected} projections from the pace so far, {unjudged} without a verdict.",
        "评价依据：{final} 项为最终数据，{provisional} 项为年内暂计数，{projected} "
        "项按目前进度预测，{unjudged} 项无评价。"),
    "target_src": ("target", "目标"),
    "part": ("part-year", "非全年"),
    "by": ("due {year}", "期限 {year} 年"),
    "generated": (
        "Written by planck from the data; every number can be checked against the sources listed.",
        "本文件由 planck 依据数据生成，数字均可由所附来源核对。"),
}

#: the workbook of planck export
XLSX: Section = {
    "head": (
        ("Target id", "Indicator", "Unit", "Baseline year", "Baseline", "Target", "Goal", "Deadline",
          "Latest period", "Latest", "Status", "To goal %", "Expected %", "Reason", "Target quote",
          "Latest quote", "Latest source", "Category", "Light", "Catch-up", "Latest is"),
        ("目标编号", "指标", "单位", "基数年份", "基数", "目标", "目标值", "期限", "最新期间", "最新值",
          "状态", "进度 %", "应完成 %", "说明", "目标原文", "最新值原文", "最新值来源", "评估", "灯",
          "追赶速度", "最新值性质")),
    "lower": ("lower bound (≥)", "下限（≥）"),
    "upper": ("upper bound (≤)", "上限（≤）"),
    "est": ("estimate", "预计数"),
}

#: planck list and validate's summary line
SUMMARY: Section = {
    "files_valid": ("planck: {files} file(s) valid", "planck：{files} 个文件有效"),
    "quotes_checked": (
        "; {verified} quote(s) verified verbatim in the source documents, {unchecked} not checked (their "
        "source has no 'file:' there)",
        "；{verified} 条原文在来源文件中逐字核对无误，{unchecked} 条未核对（其来源在此处没有 'file:'）"),
    "n_target": ("{n} target", "{n} 项目标"),
    "n_targets": ("{n} targets", "{n} 项目标"),
    "n_observation": ("{n} observation", "{n} 条观测数据"),
    "n_observations": ("{n} observations", "{n} 条观测数据"),
    "city_line": ("{name} {name_en}: {targets}, {observations}", "{name}：{targets}，{observations}"),
    "plan_line": ("{id} ({years}) {title}: {targets}", "{id}（{years}）{title}：{targets}"),
    "invalid_city": ("(invalid: run `planck validate {path}`)", "（无效：请运行 `planck validate {path}`）"),
    "no_cities": ("(no cities)", "（无城市）"),
}

#: the judge's reasons (planck.reasons says them)
REASON: Section = {
    "no_annual": ("no annual observation yet", "尚无年度数据"),
    "no_annual_after": ("no annual observation after {year} yet{note}", "{year}年之后尚无年度数据{note}"),
    "no_annual_in_period": ("no annual observation in the period", "规划期内无年度数据"),
    "no_amount_between": ("no annual amount for {first}–{last} yet", "{first}–{last}年尚无年度数额"),
    "no_figure_between": ("no figure for {first}–{last}{note}", "{first}–{last}年无数据{note}"),
    "baseline_needed": ("baseline value for {year} needed", "需要{year}年的基数值"),
    "no_goal_level": (
        "no target level follows from the baseline {base} ({year}): a multiple or growth of zero sets none",
        "基数{base}（{year}年）推不出目标水平：倍数为零或增长为零时没有目标水平"),
    "pace_needs_two": (
        "pace needs a baseline or two annual observations{note}",
        "计算进度需要基数或两个年度数据{note}"),
    "growth_undefined": ("growth rate undefined for non-positive values", "数值不为正，增长率无定义"),
    "no_reference_value": (
        "no value of reference {reference} for {years}",
        "参照指标 {reference} 在{years}年无数值"),
    "no_common_year_upto": (
        "no year up to {year} with both figures{note}",
        "截至{year}年没有两项数据齐全的年份{note}"),
    "no_common_year_after": (
        "no year after {year} with both figures{note}",
        "{year}年之后没有两项数据齐全的年份{note}"),
    "need_base_year": (
        "{missing} need a figure for the baseline year {year}",
        "{missing}缺少基数年{year}年的数据"),
    "needs_base_year": (
        "{missing} needs a figure for the baseline year {year}",
        "{missing}缺少基数年{year}年的数据"),
    "the_indicator": ("the indicator", "本指标"),
    "the_reference": ("reference {reference}", "参照指标 {reference}"),
    "and": ("{a} and {b}", "{a}和{b}"),
    "sum_needs_every_year": (
        "a cumulative total needs every year's amount; none for {years}",
        "累计总量需要每年的数额；{years}年没有数额"),
    "final_verdict": ("final verdict", "最终结论"),
    "final": ("final: {text}", "最终：{text}"),
    "met_late": (
        "met in {year}, after the deadline {deadline} (late_ok: true)",
        "{year}年达成，晚于期限{deadline}年（late_ok: true）"),
    "latest_meets": ("the latest value already meets the target{note}", "最新值已达到目标{note}"),
    "met_then_not": (
        "the goal was met in {base_year} but not in {year}{note}",
        "{base_year}年已达到目标，{year}年未达到{note}"),
    "pace_ratio": ("pace ratio R = {ratio} ({method}){note}", "进度比 R = {ratio}（{method}）{note}"),
    "linear": ("linear", "线性"),
    "geometric": ("geometric", "复合增长"),
    "provisional": (
        "provisional: the count of {value} for {period} already meets the target; final when the year-end "
        "figure is published",
        "暂定：{period}的年内数{value}已达到目标；年末数据公布后为最终结论"),
    "growth_final": ("average growth {growth} a year against {rate}", "年均增长{growth}，要求{rate}"),
    "growth_so_far": (
        "average growth {growth} a year so far, {rate} required (R = {ratio}){note}",
        "迄今年均增长{growth}，要求{rate}（R = {ratio}）{note}"),
    "none": ("None", "无"),
    "below_in": ("below {amount} in {listed}", "低于{amount}的年份：{listed}"),
    "every_year": ("every year {first}–{last} ≥ {amount}", "{first}–{last}年每年 ≥ {amount}"),
    "every_observed_year": ("every observed year ≥ {amount}{note}", "有数据的每一年 ≥ {amount}{note}"),
    "share_gap": ("{value} vs reference {reference} ({share})", "{value}，参照值{reference}（{share}）"),
    "with_note": ("{text}{note}", "{text}{note}"),
    "share_needs_two": (
        "{gap}; pace needs two years with a reference value{note}",
        "{gap}；计算进度需要两个有参照值的年份{note}"),
    "share_ratio": ("{gap}; R = {ratio}{note}", "{gap}；R = {ratio}{note}"),
    "growth_vs": (
        "growth {own} a year since {year} against {other} for {reference} ({points} points)",
        "{year}年以来年均增长{own}，{reference} 为{other}（相差{points}个百分点）"),
    "sum_done": ("{total} over {first}–{last} against {goal}", "{first}–{last}年累计{total}，目标{goal}"),
    "sum_pace": (
        "{done}; {observed} a year against {required} needed (R = {ratio})",
        "{done}；每年{observed}，需要每年{required}（R = {ratio}）"),
    "after_deadline": (
        "; the {deadline} figure is not yet published ({shown} is after the deadline, shown for "
        "information)",
        "；{deadline}年数据尚未公布（{shown}在期限之后，仅供参考）"),
    "no_figure_for": ("; no figure for {years}", "；{years}年无数据"),
    "base_in_file": ("the baseline value in the target file", "目标文件中的基数值"),
    "base_observed": ("the observation for the baseline year {year}", "基数年{year}年的观测值"),
    "base_before_plan": (
        "{missing}the latest figure from before the plan began",
        "{missing}规划开始前的最新数据"),
    "base_year_empty": ("the baseline year {year} has no value; ", "基数年{year}年无数值；"),
    "base_earliest": (
        "the earliest figure in the plan period (no figure from before the plan)",
        "规划期内最早的数据（无规划期前的数据）"),
    "base_common": ("the earliest year with both figures", "两项数据齐全的最早年份"),
    "base_sum": ("a sum starts from nothing before the period", "累计从规划期前的零开始"),
    "no_base_point": (
        "no base point: no baseline, no figure from before the plan and only one figure in it",
        "无基期值：没有基数，没有规划期前的数据，规划期内只有一个数据"),
    "base_met_goal": (
        "the base point ({year}: {value}) already met the goal, so no rate is required and none can be "
        "compared",
        "基期值（{year}年：{value}）已达到目标，无需任何速度，也就无从比较"),
    "rate_not_positive": ("the promised rate is not positive: R is undefined", "承诺的增速不为正：R 无定义"),
    "growth_not_paced": ("growth is compared with growth, not paced", "比较的是增速，不计算进度比"),
    "no_projection_final": ("final verdict: no projection", "最终结论：不作预测"),
    "no_projection_met": ("the latest value meets the target: no projection", "最新值已达到目标：不作预测"),
    "no_pace_rule": ("no pace for this rule", "此规则不计算进度"),
    "pct_growth": ("not defined for a comparison of growth rates", "比较增速时不适用"),
    "pct_no_gap": (
        "the base point ({year}: {value}) already satisfies the target: there is no gap to close",
        "基期值（{year}年：{value}）已满足目标：没有需要缩小的差距"),
    "pct_reversed": (
        "the gap from the base point to the target is zero or reversed",
        "从基期值到目标的差距为零或方向相反"),
    "pct_no_figure": ("no annual figure to measure", "没有可衡量的年度数据"),
    "base_actual": (
        "the actual {year} figure: the plan's baseline ({estimate}) was an estimate",
        "{year}年实际数值：规划中的基数（{estimate}）为预计数"),
    "bound_proves_nothing": (
        "a bound decides nothing here ({shown}): the true figure may lie on either side of the target, and "
        "no exact figure is left",
        "界限值在此不能定论（{shown}）：真实数值可能在目标两侧，且没有确切数值"),
    "bound_lags": (
        "{text}; a bound ({shown}): every value it allows lags (滞后), this status is the best of them",
        "{text}；界限值（{shown}）：其允许的每个数值都滞后，此状态是其中最好的情形"),
    "estimate_not_final": (
        "{text}; the figure is an estimate (预计): not final until the actual figure is recorded",
        "{text}；该数值为预计数：实际数值公布前不作最终结论"),
    "revision_not_in_force": (
        "this revised target is issued on {date}, after the as-of date: the target it revises ({original}) "
        "still applies",
        "此调整后目标于{date}印发，晚于截至日期：被调整的目标（{original}）仍然适用"),
    "pct_no_level": (
        "the target level is not known (it needs the baseline value)",
        "目标水平未知（需要基数值）"),
}

SECTIONS: dict[str, Section] = {
    "status": STATUS,
    "category": CATEGORY,
    "light": LIGHT,
    "attribute": ATTRIBUTE,
    "punct": PUNCT,
    "label": LABEL,
    "table": TABLE,
    "overview": OVERVIEW,
    "diff": DIFF,
    "readable": READABLE,
    "terms": TERMS,
    "chart": CHART,
    "explain_row": EXPLAIN_ROW,
    "explain": EXPLAIN,
    "site": SITE,
    "docx": DOCX,
    "xlsx": XLSX,
    "summary": SUMMARY,
    "reason": REASON,
}


#: What the Chinese units and wordings on an English page mean (site glossary and ``title``
#: texts): one-way, since a Chinese page needs no gloss of its own words.
#: Units: what one of them counts.
GLOSSARY_UNITS: dict[str, str] = {
    "亿元": "100 million yuan", "万元": "10,000 yuan", "元": "yuan",
    "家": "enterprises or institutions (a count)", "个": "a count of things",
    "件": "items such as patents (a count)", "件/万人": "items per 10,000 residents",
    "项": "projects or items (a count)", "名": "people (a count)",
    "位": "place in a ranking", "人": "people (a count)", "万人": "10,000 people",
}
#: The plans' own words for a promise and the attributes of a target.
GLOSSARY_WORDINGS: dict[str, str] = {
    "不少于": "no fewer than", "以上": "or more", "达到": "reach", "达": "reach",
    "突破": "exceed (break through)", "超过": "more than", "左右": "roughly (within a tolerance)",
    "翻番": "double", "全覆盖": "full coverage", "全部": "all", "接近": "close to",
    "提高到": "raise to", "年均增长": "average annual growth", "新增": "newly added",
    "每年": "every year", "争创": "strive to become", "力争": "strive for (a stretch level)",
    "约束性": "binding: a mandatory target", "预期性": "expected: an indicative target",
    "进度": "share of the gap from the base point to the target closed",
    "完成率": "attainment: the latest value as a share of the target",
    "前30名": "among the top 30",
}
