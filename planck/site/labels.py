"""The site's words in both languages (status names, and the Chinese words of the flags beside
a status, come from ``render.context``, so a page says what the table and reports say)."""

from __future__ import annotations

from planck.render.context import LABELS as _RENDER

_ZH = _RENDER["zh"]

LABELS = {
    "en": {
        "site": "planck — five-year-plan targets", "home": "All cities", "sources": "Sources",
        "method": "Method", "other": "中文", "as_of": "as of", "city": "City",
        "targets": "Targets", "statuses": "Statuses", "indicator": "Indicator", "unit": "Unit",
        "baseline": "Baseline", "latest": "Latest", "target": "Target", "to_goal": "To goal",
        "status": "Status", "category": "Category", "due": "Due", "plan": "Plan", "id": "Target id",
        "shared": "Indicators shared by several cities", "compare": "Compare cities",
        "figures": "Figures", "period": "Period", "value": "Value", "source": "Source",
        "published": "Published", "quote": "Quote (verbatim)", "part": "part-year",
        "kind_measured": "measured", "reason": "Why", "explain": "Every number behind it",
        "no_chart": "Nothing to draw yet: no figure and no target level.",
        "no_figures": "No published figure yet.", "issuer": "Issuer", "doc": "Document",
        "cited": "Numbers taken from it", "used_for": "Used for", "number": "Number",
        "generated": "Built by planck site from the data alone; dates come from the data.",
        "of_cities": "cities", "chart": "Chart", "no_link": "not a web address, shown as text",
        "language": "Language", "choose": "Choose a language",
        "binding": "binding", "expected": "expected", "stale": "old figure",
        "overdue": "deadline figure overdue", "provisional": "provisional",
        "stretch": "stretch",
    },
    "zh": {
        "site": "planck — 五年规划目标进展", "home": "全部城市", "sources": "来源", "method": "方法",
        "other": "English", "as_of": "截至", "city": "城市", "targets": "目标数",
        "statuses": "状态", "indicator": "指标", "unit": "单位", "baseline": "基数",
        "latest": "最新值", "target": "目标", "to_goal": "进度", "status": "状态",
        "category": "评估", "due": "期限",
        "plan": "规划", "id": "目标编号", "shared": "多个城市共有的指标", "compare": "城市对比",
        "figures": "数据", "period": "时期", "value": "数值", "source": "来源",
        "published": "发布日期", "quote": "原文", "part": "非全年", "kind_measured": "实测",
        "reason": "依据", "explain": "结论背后的全部数字",
        "no_chart": "尚无可绘制的内容：既无数据，也无目标水平。", "no_figures": "尚无公布数据。",
        "issuer": "发文机关", "doc": "文件", "cited": "引用的数字", "used_for": "用于",
        "number": "数值", "generated": "由 planck site 仅依据数据生成；日期均取自数据。",
        "of_cities": "个城市", "chart": "图表", "no_link": "不是网址，仅显示文字",
        "language": "语言", "choose": "选择语言",
        "binding": _ZH["binding"], "expected": _ZH["expected_attr"], "stale": _ZH["stale"],
        "overdue": _ZH["overdue"], "provisional": _ZH["provisional"], "stretch": _ZH["stretch"],
    },
}
