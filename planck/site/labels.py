"""The site's words in both languages (status names, and the Chinese words of the flags beside
a status, come from ``render.context``, so a page says what the table and reports say).
The Chinese pages use no English word: ids, units and the language switch aside."""

from __future__ import annotations

from planck.render.context import LABELS as _RENDER

_ZH = _RENDER["zh"]

LABELS = {
    "en": {
        "site": "planck — five-year-plan targets", "home": "All cities", "sources": "Sources",
        "method": "Method", "other": "中文", "as_of": "as of", "city": "City",
        "targets": "targets", "statuses": "Verdicts", "indicator": "Indicator", "unit": "Unit",
        "baseline": "Baseline", "latest": "Latest", "target": "Target",
        "to_goal": "Gap closed (进度)", "attainment": "Attainment (完成率)",
        "status": "Verdict", "due": "due", "plan": "Plan", "id": "Target id",
        "shared": "Indicators shared by several cities", "compare": "Compare cities",
        "figures": "Figures", "period": "Period", "value": "Value", "source": "Source",
        "published": "Published", "quote": "Quote (verbatim)", "part": "part-year",
        "kind_measured": "measured", "reason": "Why", "explain": "Every number behind it",
        "no_chart": "No chart: no figure has been published yet.",
        "no_figures": "No published figure yet.", "issuer": "Issuer", "doc": "Document",
        "cited": "Numbers taken from it", "used_for": "Used for", "number": "Number",
        "generated": "Built by planck site from the data alone; dates come from the data.",
        "of_cities": "cities", "chart": "Chart", "no_link": "not a web address, shown as text",
        "language": "Language", "choose": "Choose a language",
        "binding": "binding (约束性)", "expected": "expected (预期性)", "stale": "old figure",
        "overdue": "deadline figure overdue", "provisional": "provisional",
        "stretch": "stretch (力争)", "skip": "Skip to the content",
        "answer": "Is the city meeting its plan?", "rest_on": "The verdicts rest on",
        "final": "final figures", "provisional_n": "provisional in-year counts",
        "projected": "projections from the pace so far", "unjudged": "no verdict (no figure)",
        "waiting": "Deadline passed, figures not yet published for", "passed": "every deadline has passed",
        "unjudged_group": "Targets without a verdict", "base_point": "base point",
        "base_point_why": "no baseline in the plan: progress is measured from this figure",
        "range": "range", "glossary": "Chinese words on this page",
        "contents": "Contents", "catch_up": "Catch-up needed", "total": "targets in all",
        "plans": "Plans", "flags": "Flags",
    },
    "zh": {
        "site": "五年规划目标进展", "home": "全部城市", "sources": "来源", "method": "方法",
        "other": "English", "as_of": "截至", "city": "城市", "targets": "项目标",
        "statuses": "评价", "indicator": "指标", "unit": "单位", "baseline": "基数",
        "latest": "最新值", "target": "目标", "to_goal": "进度", "attainment": "完成率",
        "status": "评价", "due": "期限", "plan": "规划", "id": "目标编号",
        "shared": "多个城市共有的指标", "compare": "城市对比",
        "figures": "数据", "period": "时期", "value": "数值", "source": "来源",
        "published": "发布日期", "quote": "原文", "part": "非全年", "kind_measured": "实测",
        "reason": "依据", "explain": "结论背后的全部数字",
        "no_chart": "暂无图表：尚无公布数据。", "no_figures": "尚无公布数据。",
        "issuer": "发文机关", "doc": "文件", "cited": "引用的数字", "used_for": "用于",
        "number": "数值", "generated": "本站仅依据数据生成；日期均取自数据。",
        "of_cities": "个城市", "chart": "图表", "no_link": "不是网址，仅显示文字",
        "language": "语言", "choose": "选择语言",
        "binding": _ZH["binding"], "expected": _ZH["expected_attr"], "stale": _ZH["stale"],
        "overdue": _ZH["overdue"], "provisional": _ZH["provisional"], "stretch": _ZH["stretch"],
        "skip": "跳到正文", "answer": "是否完成规划目标？", "rest_on": "评价依据",
        "final": "项为最终数据", "provisional_n": "项为年内暂计数", "projected": "项按目前进度预测",
        "unjudged": "项无评价（无数据）", "waiting": "期限已过、尚待公布数据的年份：",
        "passed": "各项期限均已过", "unjudged_group": "无评价的目标",
        "base_point": "起点", "base_point_why": "规划未列基数：进度从此数据算起",
        "range": "区间", "glossary": "", "contents": "目录", "catch_up": "追赶所需",
        "total": "项目标", "plans": "规划", "flags": "标注",
    },
}
