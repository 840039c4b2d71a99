"""The judge's reasons in both languages: one table of sentences, each in English and Chinese.

The judge builds a reason with ``say(key, **args)``. The value is the English sentence (a
``str``, so JSON, tests and every English format read it as before) that also remembers its
key and arguments, so ``said(reason, "zh")`` can say it again in Chinese. Arguments are text
already formatted (numbers as the judge prints them, so both languages show the same figure)
or reasons themselves (a note inside a reason is said in the same language).
"""

from __future__ import annotations

from collections.abc import Mapping

#: key -> (English, Chinese). Placeholders are the same in both (a test checks).
REASONS: dict[str, tuple[str, str]] = {
    # no figure, no verdict
    "no_annual": ("no annual observation yet", "尚无年度数据"),
    "no_annual_after": ("no annual observation after {year} yet{note}",
                        "{year}年之后尚无年度数据{note}"),
    "no_annual_in_period": ("no annual observation in the period", "规划期内无年度数据"),
    "no_amount_between": ("no annual amount for {first}–{last} yet",
                          "{first}–{last}年尚无年度数额"),
    "no_figure_between": ("no figure for {first}–{last}{note}", "{first}–{last}年无数据{note}"),
    "baseline_needed": ("baseline value for {year} needed", "需要{year}年的基数值"),
    "no_goal_level": ("no target level follows from the baseline {base} ({year}): a multiple "
                      "or growth of zero sets none",
                      "基数{base}（{year}年）推不出目标水平：倍数为零或增长为零时没有目标水平"),
    "pace_needs_two": ("pace needs a baseline or two annual observations{note}",
                       "计算进度需要基数或两个年度数据{note}"),
    "growth_undefined": ("growth rate undefined for non-positive values",
                         "数值不为正，增长率无定义"),
    "no_reference_value": ("no value of reference {reference} for {years}",
                           "参照指标 {reference} 在{years}年无数值"),
    "no_common_year_upto": ("no year up to {year} with both figures{note}",
                            "截至{year}年没有两项数据齐全的年份{note}"),
    "no_common_year_after": ("no year after {year} with both figures{note}",
                             "{year}年之后没有两项数据齐全的年份{note}"),
    "need_base_year": ("{missing} need a figure for the baseline year {year}",
                       "{missing}缺少基数年{year}年的数据"),
    "the_indicator": ("the indicator", "本指标"),
    "the_reference": ("reference {reference}", "参照指标 {reference}"),
    "and": ("{a} and {b}", "{a}和{b}"),
    "sum_needs_every_year": ("a cumulative total needs every year's amount; none for {years}",
                             "累计总量需要每年的数额；{years}年没有数额"),
    # verdicts
    "final_verdict": ("final verdict", "最终结论"),
    "final": ("final: {text}", "最终：{text}"),
    "met_late": ("met in {year}, after the deadline {deadline} (late_ok: true)",
                 "{year}年达成，晚于期限{deadline}年（late_ok: true）"),
    "latest_meets": ("the latest value already meets the target{note}", "最新值已达到目标{note}"),
    "met_then_not": ("the goal was met in {base_year} but not in {year}{note}",
                     "{base_year}年已达到目标，{year}年未达到{note}"),
    "pace_ratio": ("pace ratio R = {ratio} ({method}){note}", "进度比 R = {ratio}（{method}）{note}"),
    "linear": ("linear", "线性"),
    "geometric": ("geometric", "复合增长"),
    "provisional": ("provisional: the count of {value} for {period} already meets the target; "
                    "final when the year-end figure is published",
                    "暂定：{period}的年内数{value}已达到目标；年末数据公布后为最终结论"),
    "growth_final": ("average growth {growth} a year against {rate}",
                     "年均增长{growth}，要求{rate}"),
    "growth_so_far": ("average growth {growth} a year so far, {rate} required (R = {ratio}){note}",
                      "迄今年均增长{growth}，要求{rate}（R = {ratio}）{note}"),
    "none": ("None", "无"),
    "below_in": ("below {amount} in {listed}", "低于{amount}的年份：{listed}"),
    "every_year": ("every year {first}–{last} ≥ {amount}", "{first}–{last}年每年 ≥ {amount}"),
    "every_observed_year": ("every observed year ≥ {amount}{note}", "有数据的每一年 ≥ {amount}{note}"),
    "share_gap": ("{value} vs reference {reference} ({share})", "{value}，参照值{reference}（{share}）"),
    "with_note": ("{text}{note}", "{text}{note}"),
    "share_needs_two": ("{gap}; pace needs two years with a reference value{note}",
                        "{gap}；计算进度需要两个有参照值的年份{note}"),
    "share_ratio": ("{gap}; R = {ratio}{note}", "{gap}；R = {ratio}{note}"),
    "growth_vs": ("growth {own} a year since {year} against {other} for {reference} "
                  "({points} points)",
                  "{year}年以来年均增长{own}，{reference} 为{other}（相差{points}个百分点）"),
    "sum_done": ("{total} over {first}–{last} against {goal}",
                 "{first}–{last}年累计{total}，目标{goal}"),
    "sum_pace": ("{done}; {observed} a year against {required} needed (R = {ratio})",
                 "{done}；每年{observed}，需要每年{required}（R = {ratio}）"),
    # notes inside a reason
    "after_deadline": ("; the {deadline} figure is not yet published ({shown} is after the "
                       "deadline, shown for information)",
                       "；{deadline}年数据尚未公布（{shown}在期限之后，仅供参考）"),
    "no_figure_for": ("; no figure for {years}", "；{years}年无数据"),
    # why the base point is the one it is
    "base_in_file": ("the baseline value in the target file", "目标文件中的基数值"),
    "base_observed": ("the observation for the baseline year {year}", "基数年{year}年的观测值"),
    "base_before_plan": ("{missing}the latest figure from before the plan began",
                         "{missing}规划开始前的最新数据"),
    "base_year_empty": ("the baseline year {year} has no value; ", "基数年{year}年无数值；"),
    "base_earliest": ("the earliest figure in the plan period (no figure from before the plan)",
                      "规划期内最早的数据（无规划期前的数据）"),
    "base_common": ("the earliest year with both figures", "两项数据齐全的最早年份"),
    "base_sum": ("a sum starts from nothing before the period", "累计从规划期前的零开始"),
    # why the pace ratio R is not computed
    "no_base_point": ("no base point: no baseline, no figure from before the plan and only one "
                      "figure in it",
                      "无基期值：没有基数，没有规划期前的数据，规划期内只有一个数据"),
    "base_met_goal": ("the base point ({year}: {value}) already met the goal, so no rate is "
                      "required and none can be compared",
                      "基期值（{year}年：{value}）已达到目标，无需任何速度，也就无从比较"),
    "rate_not_positive": ("the promised rate is not positive: R is undefined",
                          "承诺的增速不为正：R 无定义"),
    "growth_not_paced": ("growth is compared with growth, not paced", "比较的是增速，不计算进度比"),
    "no_projection_final": ("final verdict: no projection", "最终结论：不作预测"),
    "no_projection_met": ("the latest value meets the target: no projection",
                          "最新值已达到目标：不作预测"),
    "no_pace_rule": ("no pace for this rule", "此规则不计算进度"),
    # why percent to goal (进度) is not computed
    "pct_growth": ("not defined for a comparison of growth rates", "比较增速时不适用"),
    "pct_no_gap": ("the base point ({year}: {value}) already satisfies the target: there is no "
                   "gap to close",
                   "基期值（{year}年：{value}）已满足目标：没有需要缩小的差距"),
    "pct_reversed": ("the gap from the base point to the target is zero or reversed",
                     "从基期值到目标的差距为零或方向相反"),
    "pct_no_figure": ("no annual figure to measure", "没有可衡量的年度数据"),
    # issue 22: bounds, estimates, revised targets
    "base_actual": ("the actual {year} figure: the plan's baseline ({estimate}) was an "
                    "estimate", "{year}年实际数值：规划中的基数（{estimate}）为预计数"),
    "bound_proves_nothing": ("a bound decides nothing here ({shown}): the true figure may lie "
                             "on either side of the target, and no exact figure is left",
                             "界限值在此不能定论（{shown}）：真实数值可能在目标两侧，且没有确切数值"),
    "bound_lags": ("{text}; a bound ({shown}): every value it allows lags (滞后), this status "
                   "is the best of them",
                   "{text}；界限值（{shown}）：其允许的每个数值都滞后，此状态是其中最好的情形"),
    "estimate_not_final": ("{text}; the figure is an estimate (预计): not final until the "
                           "actual figure is recorded",
                           "{text}；该数值为预计数：实际数值公布前不作最终结论"),
    "revision_not_in_force": ("this revised target is issued on {date}, after the as-of date: "
                              "the target it revises ({original}) still applies",
                              "此调整后目标于{date}印发，晚于截至日期：被调整的目标（{original}）仍然适用"),
    "pct_no_level": ("the target level is not known (it needs the baseline value)",
                     "目标水平未知（需要基数值）"),
}

_LANG = {"en": 0, "zh": 1}


class Reason(str):
    """An English sentence that can be said in Chinese too (``said``)."""

    key: str
    args: Mapping[str, object]

    def __new__(cls, key: str, args: Mapping[str, object]) -> Reason:
        self = super().__new__(cls, _fill(key, args, 0))
        self.key, self.args = key, dict(args)
        return self

    def __reduce__(self):  # pickled to worker processes and back: keep the key
        return Reason, (self.key, self.args)


def _fill(key: str, args: Mapping[str, object], lang: int) -> str:
    return REASONS[key][lang].format(**{k: said(v, ("en", "zh")[lang])
                                        for k, v in args.items()})


def say(key: str, **args: object) -> Reason:
    """The reason ``key`` with its arguments (text, or other reasons)."""
    return Reason(key, args)


def said(text: object, lang: str) -> str:
    """``text`` in ``lang``: a reason in that language; any other text as it is."""
    if lang != "en" and isinstance(text, Reason):
        return _fill(text.key, text.args, _LANG[lang])
    return "" if text is None else str(text)
