"""Units: the one pint registry, strict unit-string parsing and conversion factors.

Unit strings are matched against a closed list of names (after NFKC folding) instead of being
handed to pint's expression parser, which silently drops unknown characters (``'3.75 ％'`` used
to become a dimensionless 3.75) and evaluates arithmetic (``'9**9**9 亿元'`` hangs).
pint is imported only when a conversion between compound units, a dimension or an error message
needs it: a known scale of one unit (万元 → 亿元) is read from the definitions.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pint

# name -> pint definition. Counts of different things get different dimensions, so that
# 家 + 件 is a DimensionalityError instead of a silent sum.
_BASE = (
    "yuan = [currency] = 元",
    "万元 = 10000 * yuan",
    "亿元 = 100000000 * yuan",
    # US dollars (实际使用外资1.2亿美元) are a currency of their own: never converted to 元.
    "usd = [usd] = 美元",
    "万美元 = 10000 * usd",
    "亿美元 = 100000000 * usd",
    "institution = [institution] = 家",
    "school = [school] = 所",
    "piece = [piece] = 件",
    "item = [item] = 个 = 项",
    "person = [person] = 名 = 人",
    "千人 = 1000 * person",
    "rank = [rank] = 位",
    "percent = 0.01 = %",
    # Percentage points are a dimension of their own: a level in % and a change in 百分点
    # must never be compared by accident.
    "percentage_point = [percentage_point] = 百分点",
    "square_meter = [area]",
    "公顷 = 10000 * square_meter",
    "亩 = 666.6666666666666 * square_meter",
    "平方公里 = 1000000 * square_meter",
    # Years of age (人均预期寿命 78.5岁) and years of schooling (平均受教育年限 11年) are both years.
    "year_count = [years] = 年 = 岁",
    "ton = [mass] = 吨",
    "万吨 = 10000 * ton",
    "亿吨 = 100000000 * ton",
    # Tonnes of standard coal equivalent measure energy, not mass: never mixed with 吨.
    "tce = [energy] = 吨标准煤",
    "万吨标准煤 = 10000 * tce",
    "亿吨标准煤 = 100000000 * tce",
)

#: Count units that take a 万 (10⁴) or 亿 (10⁸) prefix: 1万家 = 10,000 家 (a rank does not).
_PREFIXABLE = {"家": "institution", "所": "school", "件": "piece", "个": "item", "项": "item",
               "名": "person", "人": "person"}
_PREFIXES = {"万": 10_000, "亿": 100_000_000}

_DEFINITIONS = _BASE + tuple(
    f"{p}{name} = {factor} * {base}" for p, factor in _PREFIXES.items()
    for name, base in _PREFIXABLE.items())

#: Unit names accepted in files, mapped to the pint name they stand for.
NAMES: dict[str, str] = {
    "元": "yuan", "万元": "万元", "亿元": "亿元",
    "美元": "usd", "万美元": "万美元", "亿美元": "亿美元",
    "家": "institution", "所": "school", "件": "piece", "个": "item", "项": "item",
    "名": "person", "人": "person", "千人": "千人", "位": "rank",
    "%": "percent", "百分点": "percentage_point",
    "公顷": "公顷", "亩": "亩", "平方公里": "平方公里",
    "年": "year_count", "岁": "year_count",
    "吨": "ton", "万吨": "万吨", "亿吨": "亿吨",
    "吨标准煤": "tce", "万吨标准煤": "万吨标准煤", "亿吨标准煤": "亿吨标准煤",
    **{p + name: p + name for p in _PREFIXES for name in _PREFIXABLE},
}


_PART = r"[^\s/\d.*+\-^()]+"
_SHAPE = re.compile(rf"^({_PART})(?:\s*/\s*({_PART}))?$")


class UnitError(ValueError):
    """A unit string that is not a known unit, or two units that cannot be compared."""


def normalize(text: str) -> str:
    """Fold full-width forms (％ ／ １２０) and surrounding blanks; NFKC keeps CJK as is."""
    return unicodedata.normalize("NFKC", text).strip()


@cache
def registry() -> pint.UnitRegistry:
    """Build the process-wide registry once, with only planck's own definitions (~10 ms)."""
    import pint

    ureg: pint.UnitRegistry = pint.UnitRegistry(filename=None, on_redefinition="raise")
    for line in _DEFINITIONS:
        ureg.define(line)
    return ureg


def parse(text: str) -> pint.Unit:
    """Parse a unit string such as ``亿元``, ``%`` or ``件/万人``; raise UnitError otherwise."""
    if not isinstance(text, str):
        raise UnitError(f"unit must be text, not {type(text).__name__}")
    return _parse(text)


# Bounded: unit strings come from input files, and a long run must not grow without limit.
@lru_cache(maxsize=1024)
def _names(text: str) -> tuple[str, ...]:
    """The unit names of a unit string (one, or two for 'A/B'), checked against NAMES.

    Needs no pint: checking a file's units must not pay for the registry.
    """
    folded = normalize(text)
    if not folded:
        raise UnitError("empty unit")
    match = _SHAPE.match(folded)
    if match is None:
        raise UnitError(
            f"unit {text!r} is not a unit name or 'A/B' (no numbers or arithmetic)"
        )
    names = tuple(name for name in match.groups() if name is not None)
    if len(names) == 2 and names[0] == names[1]:
        # '%/%' cancels to 1, so 1.2 %/% would be read as 120 % (issue 9)
        raise UnitError(f"unit {text!r} divides a unit by itself: write the figure's own unit "
                        f"({names[0]!r})")
    for name in names:
        if name not in NAMES:
            raise UnitError(f"unknown unit {name!r} (known: {', '.join(NAMES)})")
    return names


@lru_cache(maxsize=1024)
def _parse(text: str) -> pint.Unit:
    ureg = registry()
    parts = [ureg.Unit(NAMES[name]) for name in _names(text)]
    return parts[0] / parts[1] if len(parts) == 2 else parts[0]


def check(text: str) -> str | None:
    """Return an error message for a bad unit string, or None when it is a known unit."""
    if not isinstance(text, str):
        return f"unit must be text, not {type(text).__name__}"
    try:
        _names(text)
    except UnitError as err:
        return str(err)
    return None


#: Unit names that count discrete things (their values can never be negative).
COUNT_NAMES = frozenset({*_PREFIXABLE, "位", *(p + n for p in _PREFIXES for n in _PREFIXABLE)})


def is_count(text: str) -> bool:
    """True when the unit counts discrete things (家, 件, 个, 名, 位), not a rate of them."""
    names = _names(text) if isinstance(text, str) else ()
    return len(names) == 1 and names[0] in COUNT_NAMES


@cache
def _scales() -> dict[str, tuple[str, float]]:
    """pint name -> (base unit, scale), read from the definitions: a base unit (``yuan =
    [currency]``) is its own base at scale 1, a scaled one (``万元 = 10000 * yuan``) names its
    base and scale. Other shapes (``percent = 0.01``) are left to pint."""
    out: dict[str, tuple[str, float]] = {}
    for line in _DEFINITIONS:
        name, rhs, *aliases = (part.strip() for part in line.split("="))
        if rhs.startswith("["):
            out[name] = (name, 1.0)
        elif " * " in rhs:
            number, base = rhs.split(" * ")
            out[name] = (base, float(number))
    return out


def _known_scale(source: tuple[str, ...], target: tuple[str, ...]) -> float | None:
    """The factor between two single unit names of one base (万元 → 亿元) without pint, or
    None when pint must decide (compound units, different dimensions, percent). pint gives
    exactly ``scale(source) / scale(target)`` here; tests/test_units.py checks every pair."""
    if len(source) != 1 or len(target) != 1:
        return None
    scales = _scales()
    src, dst = scales.get(NAMES[source[0]]), scales.get(NAMES[target[0]])
    if src is None or dst is None or src[0] != dst[0] or scales.get(src[0]) != (src[0], 1.0):
        return None
    return src[1] / dst[1]


@lru_cache(maxsize=1024)
def factor(source: str, target: str) -> float:
    """Multiply a value in ``source`` by this to express it in ``target``.

    Raises UnitError when the two have different dimensions (家 vs 件, % vs 百分点). A known
    scale of the same unit (万元 → 亿元, 万家 → 家) needs no registry: pint is imported only
    for compound units and for errors.
    """
    if _names(source) == _names(target):
        return 1.0  # the same unit: no registry needed
    quick = _known_scale(_names(source), _names(target))
    if quick is not None:
        return quick
    src, dst = parse(source), parse(target)
    if src.dimensionality != dst.dimensionality:
        raise UnitError(
            f"cannot compare {normalize(source)!r} ({src.dimensionality}) "
            f"with {normalize(target)!r} ({dst.dimensionality})"
        )
    if src == dst:
        return 1.0
    return float(registry().Quantity(1.0, src).to(dst).magnitude)


def convert(value: float, source: str, target: str) -> float:
    """Express ``value`` given in unit ``source`` in unit ``target``."""
    return value * factor(source, target)


def percent_change_unit(indicator_unit: str, target_unit: str) -> bool:
    """True when a change of a ``%`` indicator is written in 百分点 (percentage points)."""
    return normalize(indicator_unit) == "%" and normalize(target_unit) == "百分点"
