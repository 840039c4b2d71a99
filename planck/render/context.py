"""Render options shared by every format, and the labels of both languages."""

from __future__ import annotations

from dataclasses import dataclass

STATUS_SYMBOL = {
    "met": "✓", "missed": "✗", "on_track": "↗", "behind": "→", "off_track": "↘",
    "regressing": "↓", "no_data": "·", "not_assessable": "?",
}
STATUS_LABEL = {
    "en": {"met": "met", "missed": "missed", "on_track": "on track", "behind": "behind",
           "off_track": "off track", "regressing": "regressing", "no_data": "no data",
           "not_assessable": "not assessable"},
    "zh": {"met": "已达成", "missed": "未达成", "on_track": "进度正常", "behind": "略有滞后",
           "off_track": "严重滞后", "regressing": "倒退", "no_data": "无数据",
           "not_assessable": "无法评估"},
}
LABELS = {
    "en": {"indicator": "Indicator", "unit": "Unit", "baseline": "Baseline", "latest": "Latest",
           "target": "Target", "progress": "To goal", "expected": "Expected",
           "status": "Status", "as_of": "as of", "deadline": "due", "summary": "Summary",
           "sources": "Sources", "plan": "Plan", "id": "Target id"},
    "zh": {"indicator": "指标", "unit": "单位", "baseline": "基数", "latest": "最新值",
           "target": "目标", "progress": "完成度", "expected": "应完成", "status": "状态",
           "as_of": "截至", "deadline": "期限", "summary": "汇总", "sources": "来源",
           "plan": "规划", "id": "目标编号"},
}


@dataclass(frozen=True)
class Context:
    """What a renderer may know besides the reports."""

    lang: str = "en"
    fail_on: frozenset[str] = frozenset({"missed"})
    width: int = 100
    color: bool = False

    def status(self, status: str) -> str:
        """Symbol and word, so the status reads without colour."""
        return f"{STATUS_SYMBOL[status]} {STATUS_LABEL[self.lang][status]}"

    def label(self, key: str) -> str:
        return LABELS[self.lang][key]
