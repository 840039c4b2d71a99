"""The table of operators: everything planck knows about each ``op`` of a target, in one place.

Each entry declares the direction it implies, the fields it needs, how its goal is derived,
its level test, how its verdict is decided (``decide``: a ``Rule``, whose decision function
``planck.judge.rules`` holds), how percent to goal is taken, how it reads
in a table and in ``explain``, and the plan wordings it stands for. ``model``, ``validate``,
``dataset``, ``evaluate`` and the renderers read this table; none of them names an operator.
Adding an operator is one entry here (with its goal function, when none of the ones below
fits) plus its worked example in docs/methodology.md; tests/test_new_operator.py adds "at most
X % of a reference" that way, in the test alone.

It sits at the top of the package (like ``result``) because both the reading layer and the
judging layer use it; it imports nothing from either.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any, cast

from planck.frozen import frozen

_EPS = 1e-9
#: Default tolerances: "左右" within 2 % of the value; "接近" at least 90 % of the reference.
ABOUT_TOLERANCE = 0.02
NEAR_TOLERANCE = 0.10
#: "基本同步": growth at most half a percentage point a year below the reference's.
IN_STEP_TOLERANCE = 0.005


#: Largest annual growth rate in percent (issue 9: 1e300 overflowed the goal).
MAX_GROWTH = 1000.0


class Rule(StrEnum):
    """How an operator's verdict is decided; ``planck.judge.rules.RULES`` holds one decision
    function for each (a test checks none is missing)."""

    #: the level test on the deadline year's figure, else on the latest with a pace
    LEVEL = "level"
    #: compound growth a year since the baseline against the rate
    GROWTH = "growth"
    #: the amount of every year of the plan against the value
    EVERY_YEAR = "every_year"
    #: the share of a reference indicator in the same year
    REFERENCE = "reference"
    #: growth a year against the reference indicator's growth over the same years
    GROWTH_VS = "growth_vs"
    #: the sum of the annual amounts over the plan against the value
    SUM = "sum"


class Sense(StrEnum):
    """Which side of its level a target is met on."""

    #: higher is better (the operator needs a higher-is-better indicator)
    HIGHER = "higher"
    #: lower is better (the operator needs a lower-is-better indicator)
    LOWER = "lower"
    #: a band (左右, a—b): its good side is its indicator's direction, so a lower-is-better
    #: band is met at or below its high end and a higher-is-better one at or above its low end
    INDICATOR = "indicator"


class Percent(StrEnum):
    """How percent to goal is taken."""

    #: (v − b)/(T − b) with a base point, else v/T
    GAP = "gap"
    #: v/T always (for a sum, the running total over the value)
    SHARE = "share"
    #: not defined (growth comparisons)
    NONE = "none"


def geq(v: float, goal: float) -> bool:
    """v ≥ goal, forgiving float noise from unit conversion (1 万元 → 亿元)."""
    return v >= goal - _EPS * max(1.0, abs(goal))


def leq(v: float, goal: float) -> bool:
    return v <= goal + _EPS * max(1.0, abs(goal))


def greater(v: float, goal: float) -> bool:
    return v > goal + _EPS * max(1.0, abs(goal))


@frozen(kw_only=True)
class Levels:
    """What a target asks for, in the indicator's unit: ``goal`` is the least value that
    satisfies it, ``nominal`` the value as promised, ``low``/``high`` a band's edges."""

    nominal: float | None
    goal: float | None
    low: float | None = None
    high: float | None = None


@frozen(kw_only=True)
class GoalInput:
    """The numbers a goal is derived from (values already in the indicator's unit)."""

    value: float | None      # the target's value, scaled to the indicator's unit
    raw: float | None        # the target's value as written (a factor, a rate)
    low: float | None
    high: float | None
    base: float | None       # the baseline value, when known
    years: int | None        # deadline − baseline year
    tol: float | None
    lower: bool


def _n(x: float | None) -> float:
    """A number the operator's entry requires (validation refuses a target without it, and a
    goal is not derived without a baseline value), so never None here."""
    return cast(float, x)


def _plain(g: GoalInput) -> Levels:
    return Levels(nominal=g.value, goal=g.value)


def _coverage(g: GoalInput) -> Levels:
    full = 100.0 if g.value is None else g.value
    return Levels(nominal=full, goal=full)


def _band(g: GoalInput, nominal: float | None, low: float, high: float) -> Levels:
    """A band's levels: its goal is the edge on its bad side (the high end where lower is
    better, else the low end); beyond the other edge it is met all the same (and flagged)."""
    return Levels(nominal=nominal, goal=high if g.lower else low, low=low, high=high)


def _about(g: GoalInput) -> Levels:
    return _band(g, g.value, _n(g.value) * (1 - _n(g.tol)), _n(g.value) * (1 + _n(g.tol)))


def _between(g: GoalInput) -> Levels:
    # a range has no middle value promised: its level as promised is the edge it is met at
    edge = _n(g.high) if g.lower else _n(g.low)
    return _band(g, edge, _n(g.low), _n(g.high))


def _increase(g: GoalInput) -> Levels:
    grown = None if g.base is None else g.base + _n(g.value)
    return Levels(nominal=grown, goal=grown)


def _unscalable(base: float | None) -> bool:
    """A multiple or a growth rate of a baseline of zero (or less) sets no level: 翻番 of
    nothing is nothing, which every figure would "meet"."""
    return base is None or base <= 0


def _multiple(g: GoalInput) -> Levels:
    grown = None if _unscalable(g.base) else _n(g.base) * _n(g.raw)
    return Levels(nominal=grown, goal=grown)


def _growth(g: GoalInput) -> Levels:
    grown = None if _unscalable(g.base) else _n(g.base) * (1 + _n(g.raw) / 100) ** _n(g.years)
    return Levels(nominal=grown, goal=grown)


def _reduced(g: GoalInput) -> Levels:
    cut = None if g.base is None else g.base * (1 - _n(g.raw) / 100)
    return Levels(nominal=cut, goal=cut)


def _whole_reference(g: GoalInput) -> Levels:
    return Levels(nominal=1.0, goal=1.0)


def _in_step(g: GoalInput) -> Levels:
    # the goal is a difference of growth rates (indicator − reference), a fraction a year
    return Levels(nominal=0.0, goal=-(g.tol or 0.0))


def _share_of_reference(g: GoalInput) -> Levels:
    return Levels(nominal=1 - _n(g.tol), goal=1 - _n(g.tol))


# Level tests: (value, levels, lower is better) -> (satisfies, lies beyond the range).
def level_ge(v: float, lv: Levels, lower: bool) -> tuple[bool, bool]:
    """v ≥ goal."""
    return geq(v, _n(lv.goal)), False


def level_le(v: float, lv: Levels, lower: bool) -> tuple[bool, bool]:
    """v ≤ goal."""
    return leq(v, _n(lv.goal)), False


def level_gt(v: float, lv: Levels, lower: bool) -> tuple[bool, bool]:
    """v > goal, strictly."""
    return greater(v, _n(lv.goal)), False


def level_band(v: float, lv: Levels, lower: bool) -> tuple[bool, bool]:
    """Inside the band, or beyond it on the good side (flagged)."""
    if lower:
        return leq(v, _n(lv.high)), not geq(v, _n(lv.low))
    return geq(v, _n(lv.low)), not leq(v, _n(lv.high))


# Forms: (target as shown, number formatter, words, unit) -> text, without the source's
# wording (``planck.readable.target`` adds it). ``u`` is the unit as it follows a level of the
# indicator ("%", " 家", or "" when a table has a Unit column); each form places it once, after
# the number that is in the indicator's unit. A growth rate names no unit (readable's docstring).
Show = Callable[[Any, Callable[[float | None], str], dict[str, str], str], str]


def _sign(sign: str) -> Show:
    return lambda t, num, words, u: f"{sign} {num(t.goal)}{u}"


def _grown(sign: str, in_unit: bool) -> Show:
    """``+2 = 5 家`` / ``×2 = 4,052 家``; without a goal (no baseline), a change keeps its unit
    (``+40 家``) and a factor has none (``×2``)."""
    return lambda t, num, words, u: f"{sign}{num(t.value)}" + (
        f" = {num(t.goal)}{u}" if t.goal is not None else u if in_unit else "")


@frozen(kw_only=True)
class Operator:
    """One ``op``: its meaning, its checks and its method."""

    name: str
    #: the indicator direction it implies, or that a band follows its indicator's
    sense: Sense
    #: "value" (needs value), "range" (low and high), "reference" (a reference indicator,
    #: no value), "value_of_reference" (a value and a reference indicator: a share of it),
    #: "optional" (value may be left out)
    shape: str = "value"
    needs_baseline: bool = False
    #: what ``value`` is: "level" (in the indicator's unit), "change" (an amount added to the
    #: baseline, in the indicator's unit or 百分点 for a % indicator), "factor" (no unit),
    #: "rate" (% a year), "percent" (% of the baseline)
    value_kind: str = "level"
    #: why a value cannot mean what the file says (None when it can), with a hint
    refuse: Callable[[float], str | None] = lambda v: None
    #: paced linearly whatever the unit (a rank is a position, whether written 位 or 名)
    linear: bool = False
    #: the reference indicator is compared level with level, so it needs the same dimension
    #: (False when growth rates are compared: GDP in 亿元 against income in 元)
    reference_level: bool = True
    #: default tolerance when the operator takes one, else None (then 'tolerance' is refused)
    tolerance: float | None = None
    goal: Callable[[GoalInput], Levels] = _plain
    level: Callable[[float, Levels, bool], tuple[bool, bool]] = level_ge
    #: how the verdict is decided (each Rule has its function in planck.judge.rules)
    decide: Rule = Rule.LEVEL
    #: how percent to goal is taken
    percent: Percent = Percent.GAP
    #: the result's yearly series is the indicator's own annual levels (charts may draw it)
    level_series: bool = True
    #: the goal is a level of the indicator, so a trajectory can be drawn in its unit
    trajectory: bool = True
    show: Show = _sign("≥")
    #: the rule in words, for ``explain`` (English and Chinese)
    rule: str = ""
    rule_zh: str = ""
    #: how plans word it (docs and ``planck extract`` read these)
    wordings: tuple[str, ...] = ()

    @property
    def takes_reference(self) -> bool:
        """The target names a reference indicator (and takes none otherwise)."""
        return self.shape in ("reference", "value_of_reference")

    @property
    def needs_value(self) -> bool:
        """The target must give a ``value``."""
        return self.shape in ("value", "value_of_reference")

    def lower(self, direction: str) -> bool:
        """Lower is better for this target, given its indicator's direction."""
        return self.sense == Sense.LOWER or (self.sense == Sense.INDICATOR and direction == "lower")


_ENTRIES = (
    Operator(name="at_least", sense=Sense.HIGHER, rule="v ≥ T",
             rule_zh="v ≥ T", wordings=("不少于", "不低于", "达到", "以上")),
    Operator(name="at_most", sense=Sense.LOWER, level=level_le, show=_sign("≤"),
             rule="v ≤ T, lower is better", rule_zh="v ≤ T，越低越好",
             wordings=("不超过", "不高于", "控制在", "以内")),
    Operator(name="more_than", sense=Sense.HIGHER, level=level_gt, show=_sign(">"),
             rule="v > T, strictly", rule_zh="v > T（严格大于）",
             wordings=("超过", "突破")),
    Operator(name="about", sense=Sense.INDICATOR, tolerance=ABOUT_TOLERANCE,
             goal=_about,
             level=level_band,
             show=lambda t, num, words, u: f"≈ {num(t.value)}{u} ±{t.tolerance:.0%}",
             rule="|v − T| ≤ tolerance × T", rule_zh="|v − T| ≤ 容差 × T",
             wordings=("左右",)),
    Operator(name="between", sense=Sense.INDICATOR, shape="range", goal=_between, level=level_band,
             show=lambda t, num, words, u: f"{num(t.low)}–{num(t.high)}{u}",
             rule="low ≤ v ≤ high", rule_zh="下限 ≤ v ≤ 上限",
             wordings=("—", "至")),
    Operator(name="increase_by", sense=Sense.HIGHER, needs_baseline=True, value_kind="change",
             goal=_increase, show=_grown("+", True), rule="v − b ≥ value", rule_zh="v − b ≥ 增加量",
             wordings=("新增", "增加"),
             refuse=lambda v: "a negative increase is a decrease: for 降低13.5% write "
             "op 'decrease_by' with value 13.5 (% of the baseline), or 'at_most' with the "
             "level" if v < 0 else None),
    Operator(name="decrease_by", sense=Sense.LOWER, needs_baseline=True, value_kind="percent",
             goal=_reduced, level=level_le,
             show=lambda t, num, words, u: f"−{num(t.value)}%" + (
                 f" = {num(t.goal)}{u}" if t.goal is not None else ""),
             rule="v ≤ b × (1 − value/100), lower is better",
             rule_zh="v ≤ b × (1 − 降幅/100)，越低越好", wordings=("降低", "下降", "减少"),
             refuse=lambda v: None if 0 < v < 100 else
             f"the decrease is a percentage of the baseline between 0 and 100, not {v:g}"),
    Operator(name="multiple_of", sense=Sense.HIGHER, needs_baseline=True, value_kind="factor",
             goal=_multiple, show=_grown("×", False), rule="v ≥ factor × b",
             rule_zh="v ≥ 倍数 × b", wordings=("翻番", "倍增", "翻一番"),
             refuse=lambda v: "needs a positive factor" if v <= 0 else None),
    Operator(name="annual_growth", sense=Sense.HIGHER, needs_baseline=True, value_kind="rate",
             goal=_growth, decide=Rule.GROWTH,
             show=lambda t, num, words, u: f"{words['growth']} ≥ {num(t.value)}%{words['growth_a_year']}",
             rule="compound growth a year since the baseline ≥ rate",
             rule_zh="基数年以来年均复合增长 ≥ 增速", wordings=("年均增长", "年均增速"),
             # the goal is b × (1 + rate)^years over up to 151 years: it must stay finite
             refuse=lambda v: None if -100 < v <= MAX_GROWTH else
             f"annual growth {v:g}% is outside -100% … {MAX_GROWTH:g}% a year"),
    Operator(name="coverage", sense=Sense.HIGHER, shape="optional", goal=_coverage,
             rule="v ≥ 100 % (or the stated value)", rule_zh="v ≥ 100 %（或所述数值）",
             wordings=("全覆盖",),
             refuse=lambda v: None if 0 <= v <= 100 else f"coverage {v:g}% is outside 0 … 100%"),
    Operator(name="rank_at_most", sense=Sense.LOWER, level=level_le, show=_sign("≤"), linear=True,
             rule="rank ≤ value, lower is better", rule_zh="名次 ≤ 数值，越靠前越好",
             wordings=("进入前", "前列")),
    Operator(name="per_year", sense=Sense.HIGHER, decide=Rule.EVERY_YEAR, percent=Percent.SHARE,
             level_series=False,
             show=lambda t, num, words, u: f"≥ {num(t.value)}{u}{words['a_year']}",
             rule="every year's amount ≥ value", rule_zh="每年的数额 ≥ 数值",
             wordings=("每年",)),
    Operator(name="near_reference", sense=Sense.HIGHER, shape="reference",
             tolerance=NEAR_TOLERANCE,
             goal=_share_of_reference, decide=Rule.REFERENCE, percent=Percent.SHARE,
             level_series=False, trajectory=False,
             show=lambda t, num, words, u:
                 f"≥ {1 - (t.tolerance or 0):.0%} {words['of']} {t.reference}",
             rule="v ≥ (1 − tolerance) × reference, same year",
             rule_zh="v ≥ (1 − 容差) × 参照值，同一年", wordings=("接近全省平均水平", "接近全国平均水平")),
    Operator(name="at_least_reference", sense=Sense.HIGHER, shape="reference",
             goal=_whole_reference, decide=Rule.REFERENCE, percent=Percent.SHARE,
             level_series=False, trajectory=False,
             show=lambda t, num, words, u: f"≥ {t.reference}",
             rule="v ≥ reference, same year (tolerance 0)",
             rule_zh="v ≥ 参照值，同一年（容差 0）",
             wordings=("达到全国平均水平", "达到全省平均水平", "不低于全国平均水平")),
    Operator(name="above_reference", sense=Sense.HIGHER, shape="reference",
             goal=_whole_reference, level=level_gt, decide=Rule.REFERENCE, percent=Percent.SHARE,
             level_series=False, trajectory=False,
             show=lambda t, num, words, u: f"> {t.reference}",
             rule="v > reference, same year, strictly",
             rule_zh="v > 参照值，同一年，严格大于",
             wordings=("超过全国平均水平", "超过全省平均水平", "高于全国平均水平")),
    Operator(name="growth_above", sense=Sense.HIGHER, shape="reference", needs_baseline=True,
             goal=_in_step, level=level_gt, decide=Rule.GROWTH_VS, percent=Percent.NONE,
             reference_level=False, level_series=False, trajectory=False,
             show=lambda t, num, words, u: f"{words['growth']} > {t.reference}",
             rule="compound growth a year since the baseline > the reference's over the "
             "same years", rule_zh="基数年以来年均复合增长 > 参照指标同期的年均复合增长",
             wordings=("增长高于", "增速高于", "快于")),
    Operator(name="growth_in_step", sense=Sense.HIGHER, shape="reference", needs_baseline=True,
             tolerance=IN_STEP_TOLERANCE, goal=_in_step, decide=Rule.GROWTH_VS, percent=Percent.NONE,
             reference_level=False, level_series=False, trajectory=False,
             show=lambda t, num, words, u:
                 f"{words['growth']} ≈ {t.reference} "
                 f"(−{(t.tolerance or 0) * 100:g} {words['points']})",
             rule="compound growth a year since the baseline ≥ the reference's over the same "
             "years − tolerance (in growth points)",
             rule_zh="基数年以来年均复合增长 ≥ 参照指标同期的年均复合增长 − 容差（百分点）",
             wordings=("与…基本同步", "同步", "基本同步")),
    Operator(name="cumulative", sense=Sense.HIGHER, decide=Rule.SUM, percent=Percent.SHARE,
             level_series=False, trajectory=False,
             show=lambda t, num, words, u: f"Σ ≥ {num(t.value)}{u}",
             rule="sum of the annual amounts over the plan period ≥ value",
             rule_zh="规划期内各年数额之和 ≥ 数值", wordings=("累计", "累计完成", "累计达到")),
)

OPERATORS: dict[str, Operator] = {op.name: op for op in _ENTRIES}
NAMES: tuple[str, ...] = tuple(OPERATORS)


def get(name: str) -> Operator:
    """The operator called ``name`` (KeyError for an unknown one: the model refuses those)."""
    return OPERATORS[name]


def tolerances() -> dict[str, float]:
    """Default tolerance of every operator that takes one, keyed ``<op>_tolerance`` (JSON)."""
    return {f"{o.name}_tolerance": o.tolerance for o in _ENTRIES if o.tolerance is not None}
