"""Validation that proves a quote: its number is in it, every file of a city is checked against
the others, and `validate --sources` says how many quotes it could verify."""

import re
import shutil

import pytest
from conftest import ROOT, SEEDS, TARGETS, base_targets, measured, obs, target
from hypothesis import given
from hypothesis import strategies as st

from planck.read.quotes import mentions, missing_numbers, numbers_in

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"no source documents at {SEEDS}")

_HAN = "零一二三四五六七八九"


def _han(n: int) -> str:
    """An independent writer of Chinese numerals below 10^8 (一千六百, 三万零五十, 十五)."""
    if n < 10:
        return _HAN[n]
    if n >= 10**4:
        high, low = divmod(n, 10**4)
        return _han(high) + "万" + ("" if low == 0 else ("零" if low < 1000 else "") + _han(low))
    out, zero = "", False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            out += ("零" if zero and out else "") + _HAN[d] + name
            zero = False
        elif out:
            zero = True
    return out


# --- the parser -------------------------------------------------------------------------

@pytest.mark.parametrize("quote, value", [
    ("高新技术企业不少于1600家", 1600), ("高新技术企业不少于1,600家", 1600),
    ("高新技术企业不少于１６００家", 1600), ("高新技术企业不少于一千六百家", 1600),
    ("全社会研发经费投入强度达到3.75%左右", 3.75), ("总数达0.16万家", 1600),
    ("技术合同成交额突破1.2万亿元", 12000), ("五个指标翻番", 2), ("实现县区全覆盖", 100),
    ("培育全国重点实验室1—2个", 1), ("培育全国重点实验室1—2个", 2), ("十五家", 15),
    ("两百个", 200), ("三万零五十件", 30050),
])
def test_a_number_is_found_in_any_written_form(quote, value):
    assert mentions(quote, value)


@pytest.mark.parametrize("quote, value", [
    ("全社会研发投入强度由2.82%提高至3.47%", 3.75), ("高新技术企业不少于1600家", 160),
    ("高新技术企业不少于1600家", 16000), ("建设科技产业社区", 20), ("万家", 10000),
    ("第1601家", 1600),
])
def test_a_number_that_is_not_written_is_not_found(quote, value):
    assert not mentions(quote, value)


@given(st.integers(min_value=0, max_value=99_999_999), st.sampled_from(["家", "件", "个", ""]))
def test_every_written_form_of_an_integer_is_found(n, unit):
    for written in (f"{n}{unit}", f"{n:,}{unit}", f"达到{_han(n)}{unit}",
                    "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in f"{n}")):
        assert mentions(written, n), written


@given(st.text(max_size=60))
def test_the_parser_never_raises(text):
    assert isinstance(numbers_in(text), set)


def test_a_long_run_of_numerals_is_read_in_linear_time(monkeypatch):
    # a hostile quote of thousands of numeral characters must not take quadratic work: count the
    # numerals read (not seconds) for a run ten times longer, and bound each by the span
    from planck.read import quotes

    calls = 0
    real = quotes._han_value

    def counted(run):
        nonlocal calls
        calls += 1
        return real(run)

    monkeypatch.setattr(quotes, "_han_value", counted)
    work = {}
    for n in (1_000, 10_000):
        calls = 0
        assert quotes.numbers_in("一" * n) == {float("1" * k) for k in range(1, quotes._SPAN + 1)}
        work[n] = calls
        assert calls <= quotes._SPAN * n  # at most one read per numeral and span length
    assert work[10_000] <= 10.1 * work[1_000]


def test_missing_numbers_lists_only_the_absent_values():
    assert missing_numbers("组建5—8家省级中试基地", [None, 5, 8]) == []
    assert missing_numbers("组建5家省级中试基地", [None, 5, 8]) == [8]


# --- validate: the rules ------------------------------------------------------------------

def _copy_targets(tmp_path):
    for f in TARGETS.glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@needs_seeds
@pytest.mark.parametrize("sources", [True, False])
def test_a_target_quote_without_its_number_fails(invoke, tmp_path, sources):
    # another verbatim sentence of the same plan, without 3.75: verbatim, but no proof
    _copy_targets(tmp_path)
    path = tmp_path / "luoyang.yaml"
    _replace(path, "quote: 全社会研发经费投入强度达到3.75%左右", "quote: 研发投入强度由1.79%增长到2.82%")
    args = ["validate", str(tmp_path)] + (["--sources", str(SEEDS)] if sources else [])
    res = invoke(*args)
    assert res.exit_code == 2
    assert res.stderr.count("[quote-number]") == 1 and "3.75" in res.stderr
    line = next(i for i, t in enumerate(path.read_text("utf-8").splitlines(), 1)
                if "研发投入强度由1.79%增长到2.82%" in t and "quote:" in t and "baseline" not in t)
    assert f"{path}:{line}:" in res.stderr


def test_baseline_and_observation_quotes_need_their_numbers(invoke, make_city):
    t = target("t", "firms", "at_least", value=10, quote="企业达到10家",
               baseline={"year": 2020, "value": 5, "quote": "企业若干家"})
    path = make_city([t], [obs("firms", 2023, 7, "家", quote="企业增加较多")])
    res = invoke("validate", str(path))
    assert res.exit_code == 2
    assert res.stderr.count("[quote-number]") == 2
    assert "testcity.yaml" in res.stderr and "testcity.measured.yaml" in res.stderr


def test_check_refuses_what_validate_refuses_for_a_quote(invoke, make_city):
    """A quote that contradicts its number stops `check` too (exit 2, the same finding), so a
    CI that runs only `check` cannot publish a verdict on an unproven target."""
    t = target("t", "firms", "at_least", value=1000, quote="高新技术企业不少于1200家")
    path = make_city([t], [obs("firms", 2023, 1300, "家", quote="企业达到1300家")])
    checked, validated = invoke("check", str(path)), invoke("validate", str(path))
    assert checked.exit_code == validated.exit_code == 2 and checked.stdout == ""
    assert checked.stderr.count("[quote-number]") == 1
    assert [ln for ln in checked.stderr.splitlines() if "[quote-number]" in ln] == \
        [ln for ln in validated.stderr.splitlines() if "[quote-number]" in ln]


@pytest.mark.parametrize("quote,value", [("同比下降3.2%", -3.2), ("减少5家", -5),
                                         ("增长-1.5%", -1.5)])
def test_a_negative_figure_is_written_by_its_size(quote, value):
    """Chinese states a fall in words (下降, 减少): the quote proves the figure's size."""
    from planck.read.quotes import missing_numbers

    assert missing_numbers(quote, [value]) == []
    assert missing_numbers(quote, [value * 2]) == [value * 2]


def test_between_needs_both_ends_in_the_quote(invoke, make_city):
    t = target("t", "firms", "between", low=5, high=8, quote="组建5家中试基地")
    res = invoke("validate", str(make_city([t])))
    assert res.exit_code == 2 and "number 8" in res.stderr


def test_factor_and_coverage_words_count_as_their_numbers(invoke, make_city):
    ts = [target("a", "firms", "multiple_of", value=2, quote="企业数量翻番",
                 baseline={"year": 2020, "value": 5, "quote": "企业5家"}),
          target("b", "rd", "coverage", value=100, quote="实现研发活动全覆盖"),
          # 零突破 is at least one (docs/format.md), and the quote rule reads it so
          target("c", "firms", "at_least", value=1, quote="实现国家级实验室零突破"),
          target("d", "firms", "at_least", value=1, deadline=2024, quote="实现上市企业零的突破")]
    res = invoke("validate", str(make_city(ts)))
    assert res.exit_code == 0, res.stderr
    t = target("e", "firms", "at_least", value=2, quote="实现国家级实验室零突破")
    assert "number 2" in invoke("validate", str(make_city([t]))).stderr


@needs_seeds
def test_validate_sources_counts_verified_and_unchecked_quotes(invoke, tmp_path, make_city):
    t = target("t", "firms", "at_least", value=10, quote="企业达到10家")
    path = make_city([t], [obs("firms", 2023, 7, "家")])
    res = invoke("validate", str(path), "--sources", str(SEEDS))
    # no source here has a `file:` in the seeds: nothing was verified, and it says so
    assert res.exit_code == 0, res.stderr
    assert "0 quote(s) verified" in res.stderr and "2 not checked" in res.stderr
    assert "(quotes verified)" not in res.stderr
    bundled = invoke("validate", str(TARGETS / "pingdingshan.yaml"), "--sources", str(SEEDS))
    counts = re.search(r"(\d+) quote\(s\) verified.*?(\d+) not checked", bundled.stderr)
    assert bundled.exit_code == 0 and counts and int(counts.group(1)) > 0


def test_a_measured_file_alone_is_checked_against_its_city(invoke, make_city):
    path = make_city([], [obs("no-such-indicator", 2023, 7, "家")])
    res = invoke("validate", str(path.with_name("testcity.measured.yaml")))
    assert res.exit_code == 2 and "[unknown-ref]" in res.stderr


def test_a_measured_file_without_its_target_file_is_an_error(invoke, tmp_path):
    shutil.copy(TARGETS / "hebi.measured.yaml", tmp_path / "hebi.measured.yaml")
    res = invoke("validate", str(tmp_path / "hebi.measured.yaml"))
    assert res.exit_code == 2 and "[no-targets]" in res.stderr and "valid" not in res.stderr


def test_a_measured_file_named_otherwise_finds_its_city_by_id(invoke, make_city):
    path = make_city([], [obs("firms", 2023, 7, "家")])
    other = path.with_name("extra-2024.yaml")
    path.with_name("testcity.measured.yaml").rename(other)
    assert invoke("validate", str(other)).exit_code == 0


def test_the_hook_catches_a_rename_that_breaks_the_sibling_file(invoke, tmp_path):
    # pre-commit passes only the changed file: renaming an indicator in luoyang.yaml alone
    # must still fail, because luoyang.measured.yaml uses the old id
    _copy_targets(tmp_path)
    path = tmp_path / "luoyang.yaml"
    _replace(path, "  - id: high-tech-enterprises\n", "  - id: hightech-enterprises\n")
    text = path.read_text("utf-8").replace("indicator: high-tech-enterprises\n",
                                           "indicator: hightech-enterprises\n")
    path.write_text(text, encoding="utf-8")
    assert invoke("validate", str(tmp_path / "hebi.yaml")).exit_code == 0
    res = invoke("validate", str(path))
    assert res.exit_code == 2
    assert "luoyang.measured.yaml" in res.stderr and "'high-tech-enterprises'" in res.stderr


def test_an_indicator_with_a_bad_unit_gives_one_finding(invoke, make_city):
    doc = base_targets()
    doc["indicators"][0]["unit"] = "吨煤"
    path = make_city([], [obs("firms", 2023, 7, "家")], doc=doc)
    res = invoke("validate", str(path.parent))
    assert res.exit_code == 2
    assert res.stderr.count("error:") == 1 and "[unknown-unit]" in res.stderr


def test_one_source_id_has_one_date_across_a_citys_files(invoke, make_city):
    m = measured([obs("firms", 2023, 7, "家")])
    m["sources"].append({"id": "plan", "title": "测试规划", "issuer": "测试市人民政府",
                         "date": "2022-02-01", "url": "https://example.org/plan"})
    path = make_city([], measured_doc=m)
    res = invoke("validate", str(path))
    assert res.exit_code == 2 and "[source-date]" in res.stderr and "2022-01-01" in res.stderr


_MACHINE_PATH = re.compile(r"(?<![\w.])(/work/|/tmp/|/home/|/Users/|/root/|[A-Z]:\\)")


def test_no_machine_path_in_data_comments_or_docs():
    files = [*TARGETS.glob("*.yaml"), *(ROOT / "docs").glob("*.md"), ROOT / "README.md",
             *(ROOT / "reports").glob("*.md")]
    hits = [f"{f.name}:{n}" for f in files
            for n, line in enumerate(f.read_text("utf-8").splitlines(), 1)
            if _MACHINE_PATH.search(line)]
    assert files and not hits


# --- the bundled data: vintages and publication dates ------------------------------------

def _series(invoke, city, target_id, *args):
    import json

    res = invoke("check", city, "-f", "json", "--targets-dir", str(TARGETS), *args)
    assert res.exit_code in (0, 1), res.stderr
    return next(r for r in json.loads(res.stdout)["results"] if r["id"] == target_id)["years"]


def test_luoyang_2023_rd_intensity_is_restated_and_as_of_sees_each_vintage_in_turn(invoke):
    # 3.47 % (bulletin, 2024-10-12) until the restated 3.44 % is published (2026-02-11)
    assert _series(invoke, "luoyang", "ly-rd-intensity-2025", "--as-of", "2024-10-11").get("2023") is None
    assert _series(invoke, "luoyang", "ly-rd-intensity-2025", "--as-of", "2025-12-31")["2023"] == 3.47
    assert _series(invoke, "luoyang", "ly-rd-intensity-2025")["2023"] == 3.44


def test_a_figure_reported_in_2026_is_not_seen_as_of_2025(invoke):
    # Henan's 2024 R&D intensity was first reported at the 2026-01-23 meeting (undated mirror)
    assert "2024" not in _series(invoke, "henan", "henan-rd-intensity-2026", "--as-of", "2025-12-31")
    assert _series(invoke, "henan", "henan-rd-intensity-2026")["2024"] == 2.01
