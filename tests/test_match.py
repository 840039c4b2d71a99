"""The one indicator matcher (planck/extract/match.py) that extract and harvest share."""

from __future__ import annotations

import pytest
from conftest import TARGETS

from planck.extract import match as m
from planck.read import units

CITY = [
    {"id": "rd-intensity", "name_zh": "全社会研发经费投入强度", "unit": "%"},
    {"id": "rd-expenditure", "name_zh": "全社会研发经费投入", "unit": "亿元"},
    {"id": "high-tech-enterprises", "name_zh": "高新技术企业数", "unit": "家"},
    {"id": "patents", "name_zh": "发明专利数", "unit": "件", "aliases": ["发明专利授权量"]},
    {"id": "incubators", "name_zh": "孵化载体", "unit": "家", "aliases": ["科技企业孵化器"]},
]


def _id(found):
    return None if found is None else (found["id"] if isinstance(found, dict) else found.id)


@pytest.mark.parametrize(("name", "unit", "want"), [
    ("研发经费投入强度", "%", "rd-intensity"),
    ("全市R&D经费投入强度", "％", "rd-intensity"),
    ("研究与试验发展(R&D)经费投入强度", "%", "rd-intensity"),
    ("研发经费支出", "万元", "rd-expenditure"),        # another scale of the same unit
    ("全市研发经费", "亿元", "rd-expenditure"),
    ("国家高新技术企业", "家", "high-tech-enterprises"),
    ("高新技术企业数量", "家", "high-tech-enterprises"),
    ("“高新技术企业”", None, "high-tech-enterprises"),  # no unit written: any fits
    ("发明专利授权量", "件", "patents"),                 # by an alias
    ("科技企业孵化器", "家", "incubators"),
])
def test_a_name_as_written_finds_its_indicator(name, unit, want):
    assert _id(m.match(name, unit, CITY)) == want


@pytest.mark.parametrize(("name", "unit"), [
    ("高新技术企业", "件"),          # 家 and 件 count different things
    ("研发经费投入强度", "百分点"),  # a change in points is not a level in %
    ("研发经费投入", "%"),           # a growth rate is not the spending
    ("全省研发经费投入强度", "%"),   # the province's figure, not the city's
    ("全国研发经费投入强度", "%"),
    ("新增高新技术企业", "家"),      # another quantity: the increase
    ("孵化器", "家"),                # a shorter name is not enough
    ("", "家"),
])
def test_a_name_that_is_not_the_indicator_finds_nothing(name, unit):
    assert m.match(name, unit, CITY) is None


def test_a_province_names_its_own_figures_with_its_own_words():
    assert _id(m.match("全省研发经费投入强度", "%", CITY, own=m.PROVINCE_OWN)) == "rd-intensity"
    assert m.match("全市研发经费投入强度", "%", CITY, own=m.PROVINCE_OWN) is None


def test_a_name_two_indicators_share_matches_neither_unless_the_unit_decides():
    twins = [{"id": "a", "name_zh": "孵化器", "unit": "家"},
             {"id": "b", "name_zh": "科技孵化器", "unit": "家", "aliases": ["孵化器"]}]
    assert m.match("孵化器", "家", twins) is None
    twins[1]["unit"] = "个"
    assert _id(m.match("孵化器", "个", twins)) == "b"


def test_model_objects_are_matched_as_mappings_are():
    from planck.read.model import Indicator

    ind = Indicator(id="x", name_zh="技术合同成交额", name_en="t", unit="亿元", direction="higher",
                    aliases=("技术交易额",))
    assert m.match("技术交易额", "万元", [ind]) is ind
    assert m.names_of(ind) == ["技术合同成交额", "技术交易额"]


@pytest.mark.parametrize(("a", "b", "fit"), [
    ("万元", "亿元", True), ("件/万人", "件/人", True), ("万家", "家", True), ("%", "％", True),
    ("家", "件", False), ("%", "百分点", False), ("吨", "吨标准煤", False), ("亿元", "万人", False),
    ("吨标准煤/万元", "吨/万元", False), ("nonsense", "家", False), (None, "家", True),
])
def test_units_fit_when_they_measure_the_same_quantity(a, b, fit):
    assert m.units_fit(a, b) is fit


def test_the_vocabulary_is_one_id_per_name_and_every_unit_is_known():
    seen: dict[str, str] = {}
    for k in m.vocabulary():
        assert units.check(k.unit) is None, (k.id, k.unit)
        assert k.direction in ("higher", "lower")
        for n in m.names_of(k):
            assert seen.setdefault(m.fold(n), k.id) == k.id, (n, k.id, seen[m.fold(n)])


def test_every_bundled_indicator_is_found_by_its_own_name():
    import yaml

    for path in sorted(TARGETS.glob("*.yaml")):
        if path.name.endswith(".measured.yaml"):
            continue
        for ind in yaml.safe_load(path.read_text(encoding="utf-8"))["indicators"]:
            found = m.shared(ind["name_zh"], ind["unit"])
            assert found is not None and found.id == ind["id"], (path.name, ind["id"])


@pytest.mark.parametrize(("name", "unit", "want"), [
    ("单位国内生产总值能源消耗", "吨标准煤/万元", "energy-intensity"),
    ("单位GDP二氧化碳排放", None, "carbon-intensity"),
    ("全省研发投入强度", "%", "rd-intensity"),  # the vocabulary lines every level up
    ("国内生产总值", "亿元", "gdp"),
    ("每千人口执业（助理）医师数", "人/千人", "physicians-per-1000"),
])
def test_the_shared_vocabulary_names_plan_indicators(name, unit, want):
    found = m.shared(name, unit)
    assert found is not None and found.id == want


def test_aliases_in_a_target_file_are_a_list_of_names(tmp_path, invoke):
    text = (TARGETS / "henan.yaml").read_text(encoding="utf-8")
    assert "    name_zh: 全社会研发经费投入强度\n" in text
    ok = text.replace("    name_zh: 全社会研发经费投入强度\n",
                      "    name_zh: 全社会研发经费投入强度\n    aliases: [研发投入强度]\n", 1)
    (tmp_path / "henan.yaml").write_text(ok, encoding="utf-8")
    assert invoke("validate", str(tmp_path / "henan.yaml")).exit_code == 0
    bad = ok.replace("aliases: [研发投入强度]", "aliases: 研发投入强度")
    (tmp_path / "henan.yaml").write_text(bad, encoding="utf-8")
    res = invoke("validate", str(tmp_path / "henan.yaml"))
    assert res.exit_code == 2 and "aliases" in res.stderr


@pytest.mark.parametrize(("name", "unit", "want"), [
    ("全国重点实验室", "个", "new-national-key-labs"),        # 新培育…数(2021—2025累计), in 个
    ("河洛工匠", "名", "new-heluo-craftsmen"),                # 选树“河洛工匠”数(…)
    ("河洛创新创业人才(团队)", "个", "new-heluo-talent-teams"),  # a bracket that is part of the name
])
def test_a_loose_match_drops_the_verb_of_new_things_and_the_counting_qualifier(name, unit, want):
    found, exact = m.closest(name, unit)
    assert found is not None and found.id == want and exact is False


def test_a_loose_match_is_unique_or_none():
    assert m.closest("全国重点实验室", "家") == (m.shared("全国重点实验室", "家"), True)
    assert m.closest("重点实验室", None)[0] is None  # several fit
