"""The words of ``planck explain`` in both languages: row labels and sentence templates.

One table, one key per row or sentence; ``explain`` picks the language, the layout is the
same. Terms the table and reports already use (进度, 完成率, 基数, 应完成 …) come from
``planck.render.context`` rather than being written again here.
"""

from __future__ import annotations

from planck.render.context import LABELS, STATUS_LABEL

_ZH = LABELS["zh"]

#: row key -> label. Left column; rows starting with "sub_" are indented under the one above.
ROWS = {
    "en": {
        "as_of": "as of", "source": "source", "quote": "quote", "operator": "operator",
        "target": "target", "attribute": "attribute", "stretch": "stretch (力争)",
        "goal": "goal level", "tolerance": "tolerance", "range": "accepted range",
        "baseline": "baseline", "latest": "latest", "sub_from": "from", "sub_quote": "quote",
        "partial": "partial figure", "reference": "reference", "series": "series",
        "base_point": "base point", "pace_method": "pace method",
        "observed_rate": "observed rate", "reference_rate": "reference rate",
        "required_rate": "required rate", "ratio": "pace ratio R", "no_ratio": "R not computed",
        "progress": "progress (进度)", "attainment": "attainment", "expected": "expected",
        "thresholds": "thresholds", "status": "status", "because": "because", "note": "note",
        "provisional": "provisional", "stale": "stale", "overdue": "overdue",
        "category": "category", "catch_up": "catch-up", "estimate": "estimate",
        "baseline_actual": "baseline actual", "revision": "revision",
        "conflict": "other figure", "sub_conflict_quote": "quote",
    },
    "zh": {
        "as_of": _ZH["as_of"], "source": "来源", "quote": "原文", "operator": "判断规则",
        "target": _ZH["target"], "attribute": "属性", "stretch": _ZH["stretch"],
        "goal": "达标水平", "tolerance": "容差", "range": "达标范围",
        "baseline": _ZH["baseline"], "latest": _ZH["latest"], "sub_from": "出处",
        "sub_quote": "原文", "partial": "非全年数据", "reference": "参照值",
        "series": "数据序列", "base_point": "基期值", "pace_method": "测算方法",
        "observed_rate": "实际速度", "reference_rate": "参照速度", "required_rate": "所需速度",
        "ratio": "进度比 R", "no_ratio": "未算进度比", "progress": _ZH["progress"],
        "attainment": _ZH["attainment"], "expected": _ZH["expected"], "thresholds": "阈值",
        "status": _ZH["status"], "because": "依据", "note": "说明",
        "provisional": _ZH["provisional"], "stale": _ZH["stale"], "overdue": _ZH["overdue"],
        "category": "评估", "catch_up": "追赶速度", "estimate": "预计数",
        "baseline_actual": "基数实际值", "revision": "目标调整",
        "conflict": "另一数值", "sub_conflict_quote": "原文",
    },
}

#: sentence key -> template (``str.format`` fields are the same in both languages).
SAY = {
    "en": {
        "header": "{id}: {name} / {name_en} ({city} {city_en})",
        "in_brackets": " ({text})",
        "wording": " — wording {wording}",
        "due": "{target}, due {deadline}",
        "attr_binding": "binding (约束性)", "attr_expected": "expected (预期性)", "not_stated": "not stated",
        "reached": " — reached",
        "goal": "{goal} (least value that meets it)",
        "goal_growth": "growth at least {points} points a year against {reference}'s growth",
        "goal_share": "{share} of {reference} for the same year{level}",
        "goal_share_level": " = {value} against {reference_value}",
        "default": "default", "in_file": "set in the file",
        "latest": "{value} for {period}",
        "estimate_note": "the figure is an estimate (预计): not final until the actual is recorded",
        "baseline_actual": "the plan's estimate {estimate}, the actual {actual} "
                           "(difference {difference}): paced from the actual",
        "supersedes": "revises {id}: this target decides",
        "superseded_by": "revised by {id}, which decides; this verdict is kept for reference",
        "conflict": "{value} from {title} ({date}), differs from the figure used",
        "given_as": " (given as {value})",
        "source_date": "{title} ({date})",
        "no_latest": "none (no annual observation)",
        "partial": "{value} for {period} ({use})",
        "partial_judged": "judged: a stock's in-year count, provisional",
        "partial_shown": "shown, never judged",
        "base_point": "{value} ({year}): {why}",
        "no_base_point": "none (no baseline and no figure from before the plan)",
        "pace_method": "{method}, from {base_year} ({base_value}) to {latest_year}",
        "rate": "{rate} a year",
        "reference_rate": "{rate} ({reference}, the same years)",
        "required_rate": "{rate} to reach the goal by {deadline}",
        "progress_none": "— ({reason})",
        "progress": "{percent:.1f}% of the gap to the target closed, {start}",
        "from_base": "from the base point {value} ({year})",
        "from_zero": "as latest/target",
        "attainment": "{percent:.1f}% (完成率: latest as a share of the target{lower})",
        "attainment_lower": ", target/latest",
        "expected": "{expected} of the period elapsed at the latest observation",
        "final": " (final)", "provisional": " (provisional)", "projection": " (projection)",
        "above_range": "the value lies beyond the stated range",
        "provisional_note": "met on an in-year count of a stock; final when the year-end "
                            "figure is published",
        "stale": "the latest figure is more than {max_age} years older than the as-of year "
                 "(--max-age)",
        "overdue": "the deadline {deadline} passed more than a year ago and its figure is "
                   "not published",
        "list_sep": ", ",
    },
    "zh": {
        "header": "{id}：{name}（{city}）",
        "in_brackets": "（{text}）",
        "wording": "——原文措辞“{wording}”",
        "due": "{target}，期限 {deadline} 年",
        "attr_binding": _ZH["binding"], "attr_expected": _ZH["expected_attr"], "not_stated": "未注明",
        "reached": "——已达到",
        "goal": "{goal}（达标的最低值）",
        "goal_growth": "年均增速比 {reference} 至少高 {points} 个百分点",
        "goal_share": "同年 {reference} 的 {share}{level}",
        "goal_share_level": "，即 {value}（参照值 {reference_value}）",
        "default": "默认值", "in_file": "文件中设定",
        "latest": "{value}（{period}）",
        "estimate_note": "该数值为预计数：实际数值公布前不作最终结论",
        "baseline_actual": "规划中的预计基数 {estimate}，实际 {actual}（差 {difference}）：按实际数值测算",
        "supersedes": "调整 {id}：以本目标为准",
        "superseded_by": "已由 {id} 调整，以调整后目标为准；本结论仅供参考",
        "conflict": "{value}，出自 {title}（{date}），与所用数值不同",
        "given_as": "（原数据为 {value}）",
        "source_date": "{title}（{date}）",
        "no_latest": "无（没有年度数据）",
        "partial": "{value}（{period}，{use}）",
        "partial_judged": "用于判断：存量指标的年内数，暂定",
        "partial_shown": "只展示，不作判断",
        "base_point": "{value}（{year} 年）：{why}",
        "no_base_point": "无（没有基数，也没有规划期前的数据）",
        "pace_method": "{method}，从 {base_year} 年（{base_value}）到 {latest_year} 年",
        "rate": "每年 {rate}",
        "reference_rate": "{rate}（{reference}，同期）",
        "required_rate": "{rate}（{deadline} 年达到目标所需）",
        "progress_none": "—（{reason}）",
        "progress": "{percent:.1f}%，即从起点到目标的差距已缩小的比例；{start}",
        "from_base": "起点为基期值 {value}（{year} 年）",
        "from_zero": "按最新值/目标计算",
        "attainment": "{percent:.1f}%，即最新值占目标值的比例{lower}",
        "attainment_lower": "（越低越好：目标值/最新值）",
        "expected": "{expected}，即最新数据时规划期已过的比例",
        "final": "（最终）", "provisional": "（暂定）", "projection": "（预测）",
        "above_range": "数值超出所述范围",
        "provisional_note": "按存量指标的年内数判为已达成；年末数据公布后为最终结论",
        "stale": "最新数据比截至年份早 {max_age} 年以上（--max-age）",
        "overdue": "期限 {deadline} 年已过去一年以上，该年数据仍未公布",
        "list_sep": "，",
    },
}


def thresholds(lang: str, values: dict[str, float]) -> str:
    """The pace-ratio thresholds with the status each one gives (the status words of the
    table in Chinese, the status codes in English)."""
    name = STATUS_LABEL["zh"] if lang == "zh" else {s: s for s in STATUS_LABEL["en"]}
    sep = "，" if lang == "zh" else ", "
    return sep.join([f"R ≥ {values['on_track']} {name['on_track']}",
                     f"≥ {values['behind']} {name['behind']}",
                     f"≥ {values['off_track']} {name['off_track']}",
                     f"< 0 {name['regressing']}"])
