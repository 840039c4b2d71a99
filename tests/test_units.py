"""Units: strict parsing, conversion, and counts of different things kept apart."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planck.read import units


@pytest.mark.parametrize("text", ["亿元", "万元", "元", "家", "件", "个", "项", "名", "人", "%",
                                  "百分点", "件/万人", "万元/人", "位", "公顷", " 亿元 ", "件 / 万人"])
def test_known_units_parse(text):
    assert units.check(text) is None


@pytest.mark.parametrize("text", ["", " ", "吨煤", "万位", "2*亿元", "亿元+", "9**9", "亿元。", "3 亿元",
                                  "￥", "亿元/人/年", "(亿元)", "亿元^2", "1/0"])
def test_bad_units_are_refused(text):
    assert units.check(text) is not None


def test_full_width_forms_are_folded():
    assert units.normalize("％") == "%"
    assert units.parse("件／万人").dimensionality == units.parse("件/万人").dimensionality
    assert units.factor("％", "%") == 1.0


def test_money_converts_between_wan_and_yi():
    assert units.convert(9244.2, "万元", "亿元") == pytest.approx(0.92442)
    assert units.convert(120, "亿元", "万元") == pytest.approx(1_200_000)
    assert units.convert(1, "亿元", "元") == pytest.approx(1e8)


def test_counts_of_different_things_do_not_mix():
    for a, b in [("家", "件"), ("家", "个"), ("件", "名"), ("%", "百分点"), ("%", "家"),
                 ("亿元", "家"), ("件/万人", "件")]:
        with pytest.raises(units.UnitError):
            units.factor(a, b)


def test_aliases_share_a_dimension():
    assert units.factor("个", "项") == 1.0
    assert units.factor("名", "人") == 1.0
    assert units.convert(1, "万人", "人") == pytest.approx(10_000)


def test_rates_have_their_own_dimension():
    assert str(units.parse("件/万人").dimensionality) == "[piece] / [person]"
    assert units.factor("件/万人", "件/万人") == 1.0


def test_registry_is_built_once():
    assert units.registry() is units.registry()


def test_counts_are_counts():
    assert units.is_count("家") and units.is_count("名") and not units.is_count("亿元")
    assert not units.is_count("%")
    assert not units.is_count(None)  # type: ignore[arg-type]  # a unit YAML left empty
    with pytest.raises(units.UnitError, match="^unit must be text, not int$"):
        units.parse(5)  # type: ignore[arg-type]
    assert units.check(5) == "unit must be text, not int"  # type: ignore[arg-type]


@given(st.text(max_size=12) | st.sampled_from(["亿元", "件/万人", "％", "吨", "亿元^2", ""]))
def test_parse_and_check_agree(text):
    """parse raises only UnitError, exactly when check returns its one-line message."""
    try:
        units.parse(text)
    except units.UnitError as err:
        assert units.check(text) == str(err) and "\n" not in str(err)
    else:
        assert units.check(text) is None


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_round_trip_conversion(value):
    there = units.convert(value, "万元", "亿元")
    assert units.convert(there, "亿元", "万元") == pytest.approx(value, rel=1e-9, abs=1e-9)


def test_checking_same_unit_and_known_scale_conversion_do_not_import_pint():
    import subprocess
    import sys

    code = ("import sys; from planck.read import units; "
            "assert units.check('件/万人') is None and units.check('吨煤') is not None; "
            "assert units.factor('亿元', '亿元') == 1.0 and units.is_count('家'); "
            "assert units.factor('万元', '亿元') == 1e-4 and units.factor('万家', '家') == 1e4; "
            "assert units.factor('亩', '公顷') == units.factor('亩', '公顷'); "
            "assert 'pint' not in sys.modules, 'pint imported'; "
            "assert units.factor('件/万人', '件/人') == 1e-4; assert 'pint' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_known_scales_give_exactly_pints_factor_for_every_pair():
    # factor() skips pint for two names of one base (万元 → 亿元); the numbers must be pint's
    # to the last bit, or a verdict on the edge could change.
    import itertools

    ureg = units.registry()
    quick = 0
    for a, b in itertools.permutations(units.NAMES, 2):
        known = units._known_scale(units._names(a), units._names(b))
        src, dst = units.parse(a), units.parse(b)
        if src.dimensionality != dst.dimensionality:
            assert known is None, (a, b)
            continue
        if known is not None:
            quick += 1
            assert known == float(ureg.Quantity(1.0, src).to(dst).magnitude), (a, b)
    assert quick > 100  # every money, count, area, mass and energy pair


@pytest.mark.parametrize("text", ["万家", "万人", "人/千人", "岁", "年", "亿吨", "亿吨标准煤", "所",
                                  "万所", "亿件", "万个", "万项", "万名", "吨标准煤/万元"])
def test_issue_15_units_parse(text):
    assert units.check(text) is None


def test_wan_and_yi_prefixes_convert_on_any_count_unit():
    assert units.convert(1, "万家", "家") == pytest.approx(10_000)
    assert units.convert(2.5, "亿件", "万件") == pytest.approx(25_000)
    assert units.convert(3, "万人", "万名") == pytest.approx(3)
    assert units.is_count("万家") and units.is_count("所")
    with pytest.raises(units.UnitError):
        units.factor("万家", "件")


def test_per_thousand_people_is_a_share():
    assert units.convert(3.2, "人/千人", "%") == pytest.approx(0.32)


def test_tonnes_of_coal_equivalent_are_energy_not_mass():
    assert units.convert(1, "亿吨标准煤", "万吨标准煤") == pytest.approx(10_000)
    assert units.convert(1, "亿吨", "吨") == pytest.approx(1e8)
    with pytest.raises(units.UnitError):
        units.factor("吨标准煤", "吨")
    assert units.factor("岁", "年") == 1.0
