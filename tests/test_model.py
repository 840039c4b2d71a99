"""Model and validation: every bad input becomes a finding at the right line."""

import json

import pytest
from conftest import base_targets, measured, obs, target

from planck.read.dataset import read_measured, read_targets


def write(tmp_path, doc, name="testcity.yaml"):
    p = tmp_path / name
    p.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return p


def codes(findings):
    return sorted(f.code for f in findings)


def test_valid_file(tmp_path):
    doc = base_targets(targets=[target("t", "firms", "at_least", value=10)])
    tf, findings = read_targets(write(tmp_path, doc))
    assert tf is not None and findings == []


def test_wrong_type_points_at_value(tmp_path):
    p = tmp_path / "t.yaml"
    text = json.dumps(base_targets(targets=[target("t", "firms", "at_least", value=10)]),
                      ensure_ascii=False, indent=1).replace('"value": 10', '"value": "十"')
    p.write_text(text, encoding="utf-8")
    _, findings = read_targets(p)
    [f] = findings
    line = next(i for i, s in enumerate(text.splitlines(), 1) if '"value"' in s)
    assert f.code == "schema" and f.line == line and "number" in f.message


def test_unknown_field_and_missing_field(tmp_path):
    t = target("t", "firms", "at_least", value=10, colour="red")
    del t["quote"]
    _, findings = read_targets(write(tmp_path, base_targets(targets=[t])))
    messages = " ".join(f.message for f in findings)
    assert "unknown field 'colour'" in messages and "missing field 'quote'" in messages


def test_unknown_unit_and_mismatch(tmp_path):
    doc = base_targets(targets=[target("t", "money", "at_least", value=10, unit="家")])
    doc["indicators"][0]["unit"] = "吨煤"
    _, findings = read_targets(write(tmp_path, doc))
    assert codes(findings) == ["unit-mismatch", "unknown-unit"]


def test_undefined_references(tmp_path):
    doc = base_targets(targets=[target("t", "nosuch", "at_least", value=1, source="x")])
    _, findings = read_targets(write(tmp_path, doc))
    assert codes(findings) == ["unknown-ref", "unknown-ref"]


def test_op_specific_fields(tmp_path):
    bad = [target("a", "firms", "between", value=3),
           target("b", "firms", "increase_by", value=3),
           target("c", "firms", "at_least"),
           target("d", "rd", "near_reference", value=1),
           target("e", "firms", "at_least", value=5, baseline={"year": 2025})]
    _, findings = read_targets(write(tmp_path, base_targets(targets=bad)))
    assert len(findings) == 5 and all(f.code == "schema" for f in findings)


def test_negative_count(tmp_path):
    doc = base_targets(targets=[target("t", "firms", "at_least", value=-3)])
    _, findings = read_targets(write(tmp_path, doc))
    assert codes(findings) == ["negative-count"]


def test_measured_unit_dimension_must_match_indicator(tmp_path):
    tf, _ = read_targets(write(tmp_path, base_targets(targets=[])))
    p = write(tmp_path, measured([obs("money", 2023, 5, "家")]), "testcity.measured.yaml")
    _, findings, _ = read_measured(p, tf)
    assert codes(findings) == ["unit-mismatch"]


def test_partial_period_must_be_flagged(tmp_path):
    tf, _ = read_targets(write(tmp_path, base_targets(targets=[])))
    p = write(tmp_path, measured([obs("firms", "2024-06", 5, "家")]), "testcity.measured.yaml")
    _, findings, _ = read_measured(p, tf)
    assert "partial" in findings[0].message


def test_measured_values_are_converted_to_indicator_unit(tmp_path):
    tf, _ = read_targets(write(tmp_path, base_targets(targets=[])))
    p = write(tmp_path, measured([obs("money", 2023, 9244.2, "万元")]), "testcity.measured.yaml")
    [o], findings, _ = read_measured(p, tf)
    assert findings == [] and abs(o.value - 0.92442) < 1e-12 and o.given_value == 9244.2


def test_operator_must_agree_with_indicator_direction(tmp_path):
    doc = base_targets(targets=[target("t", "firms", "rank_at_most", value=30)])
    _, findings = read_targets(write(tmp_path, doc))
    assert codes(findings) == ["direction-mismatch"] and "lower" in findings[0].message


# --- each finding stated whole: the line and column it points at, its code and message -----
# (planck/read/validate.py). The files are YAML text here, so every position can be counted
# by eye.
#: a valid target file; a case appends the rest of its one target (line 17 on) or edits it
HEAD = """planck: 1
city: {id: c, name_zh: 城, name_en: C}
sources:
- {id: plan, title: 规划, issuer: 政府, date: 2022-01-01}
plans:
- {id: p, title_zh: 规划, title_en: Plan, start: 2021, end: 2025, source: plan}
indicators:
- {id: firms, name_zh: 企业, name_en: Firms, unit: 家, direction: higher}
targets:
- id: t
  plan: p
  indicator: firms
  op: at_least
  deadline: 2025
  source: plan
  quote: 引文 100
"""
VALUE = "  value: 100\n"
#: an unknown unit's message begins so (the units it lists after are the registry's)
UNITS = "unknown unit '吨煤' (known: 元, "
#: line 18 of a baseline case: ``  baseline: {year: 2020, value: -5, unit: 家, source: s}``
#: puts ``year`` at column 14, the value -5 at 33, the unit at 42 and the source at 54
NUMBER = "targets.0.value: {!r} is not a number"


def found_in(tmp_path, text: str) -> list[tuple[int, int, str, str]]:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    _, found = read_targets(path)
    assert all(f.file == str(path) for f in found)
    return [(f.line, f.col, f.code, f.message) for f in found]


@pytest.mark.parametrize(("tail", "want"), [
    # a quoted number: how to write it
    ('  value: "120"\n', [(17, 10, "schema", "targets.0.value: '120' is a string, not a number: "
                                             "write it without quotes")]),
    ('  value: "1.5"\n', [(17, 10, "schema", "targets.0.value: '1.5' is a string, not a number: "
                                             "write it without quotes")]),
    ('  value: "1,200"\n', [(17, 10, "schema", NUMBER.format("1,200")
                             + ": write it with ASCII digits, as 1200")]),
    ('  value: "１２０"\n', [(17, 10, "schema", NUMBER.format("１２０")
                            + ": write it with ASCII digits, as 120")]),
    ('  value: "١٢٠"\n', [(17, 10, "schema", NUMBER.format("١٢٠")
                           + ": write it with ASCII digits, as 120")]),
    ('  value: "12 家"\n', [(17, 10, "schema", NUMBER.format("12 家")
                            + " (the unit goes in 'unit', the words in 'wording')")]),
    ('  value: "nan"\n', [(17, 10, "schema", NUMBER.format("nan")
                           + " (the unit goes in 'unit', the words in 'wording')")]),
    ("  value: .nan\n", [(17, 10, "schema", "targets.0.value: nan is not a finite number "
                                            "(.nan and .inf are not allowed)")]),
    # a word where a choice is asked for is no number problem
    (VALUE + "  pace: fast\n", [(18, 9, "schema", "targets.0.pace: Input should be 'auto', "
                                                  "'geometric' or 'linear'")]),
    (VALUE + "  colour: red\n", [(18, 11, "schema", "targets.0.colour: unknown field 'colour'")]),
    # a rule across fields points at the field it is about (op), not at the target
    ("  value:\n", [(13, 7, "schema", "targets.0.op: op 'at_least' needs a 'value'")]),
    # out of range: the value given is named
    (VALUE + "  baseline: {year: 1800, value: 5}\n",
     [(18, 20, "schema", "targets.0.baseline.year: Input should be greater than or equal to "
                         "1949, not 1800")]),
    # the baseline's own source, unit and sign
    (VALUE + "  baseline: {year: 2020, value: -5, unit: 家, source: s}\n",
     [(18, 54, "unknown-ref", "source 's' is not defined in this file"),
      (18, 33, "negative-count", "a count in '家' cannot be negative")]),
    (VALUE + "  baseline: {year: 2020, value: -5}\n",
     [(18, 33, "negative-count", "a count in '家' cannot be negative")]),
    (VALUE + "  baseline: {year: 2020, value: 5, unit: 亿元}\n",
     [(18, 42, "unit-mismatch", "baseline unit: cannot compare '亿元' ([currency]) with '家' "
                                "([institution])")]),
])
def test_a_target_s_finding(tmp_path, tail, want):
    assert found_in(tmp_path, HEAD + tail) == want


def test_an_unknown_baseline_unit(tmp_path):
    [(line, col, code, message)] = found_in(
        tmp_path, HEAD + VALUE + "  baseline: {year: 2020, value: 5, unit: 吨煤}\n")
    assert (line, col, code) == (18, 42, "unknown-unit")
    assert message.startswith(UNITS) and " 家," in message


@pytest.mark.parametrize(("old", "new", "want"), [
    ("deadline: 2025", "deadline:",
     (14, 3, "schema", "targets.0.deadline: 'deadline' is empty (null): give it a value")),
    ("deadline: 2025", "deadline: 2025.5",
     (14, 13, "schema", "targets.0.deadline: Input should be a valid integer")),
    ("planck: 1", "planck: 2",
     (1, 9, "schema", "planck: unsupported format version 2: this planck reads 'planck: 1'")),
    # a model's own check, without pydantic's "Value error, " before it
    ("date: 2022-01-01", "date: 1900-01-01",
     (4, 43, "schema", "sources.0.date: date 1900-01-01 is outside 1949-01-01 … 2100-12-31")),
])
def test_a_field_s_finding(tmp_path, old, new, want):
    assert found_in(tmp_path, HEAD.replace(old, new) + VALUE) == [want]


MEASURED = """planck: 1
city: c
sources:
- {{id: b, title: 公报, issuer: 统计局, date: {date}, url: "https://example.org/b"}}
observations:
- {{indicator: firms, period: {period}, value: 5, unit: 家, source: b, quote: "5家"{more}}}
"""


@pytest.mark.parametrize(("date", "period", "early"), [
    ("2024-01-15", "2024", False),      # a year begins in January
    ("2023-12-31", "2024", True),
    ("2024-11-01", '"2024-11"', False),
    ("2024-10-01", '"2024-11"', True),  # November, not January
    ("2024-05-01", '"2024-06"', True),
])
def test_a_source_dated_before_the_period_it_reports(tmp_path, date, period, early):
    found_in(tmp_path, HEAD + VALUE)
    more = "" if period.isdigit() else ", partial: true"
    path = tmp_path / "c.measured.yaml"
    path.write_text(MEASURED.format(date=date, period=period, more=more), encoding="utf-8")
    tf, _ = read_targets(tmp_path / "c.yaml")
    found = read_measured(path, tf)[1]
    want = [(6, 30, "source-before-period",
             f"source 'b' is dated {date}, before the period {period.strip(chr(34))} it "
             "reports: check the period or the source's date")] if early else []
    assert [(f.line, f.col, f.code, f.message) for f in found] == want


# --- cross-references, units and counts, each finding at its key's value ------------------
#: three indicators (a count, a higher-is-better % and a lower-is-better one) and one target
#: written a key a line from line 12 on, in the order of TARGET (so key k sits on line 12 + its
#: index, its value at column len(k) + 5); a case replaces keys or adds them at the end
CROSS = """planck: 1
city: {id: c, name_zh: 城, name_en: C}
sources:
- {id: plan, title: 规划, issuer: 政府, date: 2022-01-01}
plans:
- {id: p, title_zh: 规划, title_en: Plan, start: 2021, end: 2025, source: plan}
indicators:
- {id: firms, name_zh: 企业, name_en: Firms, unit: 家, direction: higher}
- {id: share, name_zh: 占比, name_en: Share, unit: '%', direction: higher}
- {id: rate, name_zh: 失业率, name_en: Unemployment, unit: '%', direction: lower}
targets:
"""
TARGET = {"id": "t", "plan": "p", "indicator": "firms", "op": "at_least", "deadline": 2025,
          "source": "plan", "quote": "引文 100", "value": 100}


def cross(**fields) -> str:
    t = {**TARGET, **fields}
    return CROSS + "".join(f"{'- ' if i == 0 else '  '}{k}: {v}\n"
                           for i, (k, v) in enumerate((k, v) for k, v in t.items() if v != "-"))




@pytest.mark.parametrize(("text", "want"), [
    (cross(), []),
    # line 13 is the plan, 14 the indicator, 15 the op, 16 the deadline, 17 the source, 18
    # the quote, 19 the value; the keys a case adds follow from line 20
    (cross(indicator="nope"), [(14, 14, "unknown-ref", "indicator 'nope' is not defined in this file")]),
    (cross(source="nope"), [(17, 11, "unknown-ref", "source 'nope' is not defined in this file")]),
    (cross(plan="q"), [(13, 9, "unknown-ref", "plan 'q' is not defined in this file")]),
    (cross(op="at_least_reference", value="-", quote="引文", reference="nope"),
     [(19, 14, "unknown-ref", "reference indicator 'nope' is not defined in this file")]),
    (cross(indicator="rate"),
     [(15, 7, "direction-mismatch", "op 'at_least' needs a higher-is-better indicator, but "
                                    "'rate' is declared 'direction: lower'")]),
    (cross(deadline=2035),
     [(16, 13, "deadline-outside-plan", "deadline 2035 is outside plan 'p' (2021–2025): give a "
                                        "goal for a later year (e.g. 2035) a plan of its own")]),
    # 力争 asks for more than the value: above it, or below it for lower-is-better
    (cross(quote="引文 100 90", stretch=90),
     [(20, 12, "stretch-short", "'stretch' (力争) 90 asks for less than 'value' 100")]),
    (cross(indicator="rate", op="at_most", value=5, quote="引文 5 4", stretch=4), []),
    (cross(indicator="rate", op="at_most", value=5, quote="引文 5 6", stretch=6),
     [(20, 12, "stretch-short", "'stretch' (力争) 6 asks for less than 'value' 5")]),
    # a rate is in %, a factor has no unit, a level's unit is the indicator's dimension
    (cross(op="annual_growth", value=5, quote="引文 5", unit="家",
           baseline="{year: 2020, value: 1}"),
     [(20, 9, "unit-mismatch", "op 'annual_growth': the rate is in '%'")]),
    (cross(op="multiple_of", value=2, quote="引文 2", unit="家",
           baseline="{year: 2020, value: 1}"),
     [(20, 9, "unit-mismatch", "op 'multiple_of': the value is a factor and takes no unit")]),
    (cross(op="multiple_of", value=2, quote="引文 2", baseline="{year: 2020, value: 1}"), []),
    (cross(value=2, quote="引文 2", unit="亿元"),
     [(20, 9, "unit-mismatch", "target unit vs indicator 'firms': cannot compare '亿元' "
                               "([currency]) with '家' ([institution])")]),
    (cross(value=2, quote="引文 2", unit="万家"), []),
    # 百分点 is a change of a %, never its level
    (cross(indicator="share", op="increase_by", value=2, quote="引文 2", unit="百分点",
           baseline="{year: 2020, value: 5}"), []),
    (cross(indicator="rate", op="at_most", value=2, quote="引文 2", unit="百分点"),
     [(20, 9, "unit-mismatch", "target unit vs indicator 'rate': cannot compare '百分点' "
                               "([percentage_point]) with '%' (dimensionless)")]),
    # a share of a reference in another dimension
    (cross(op="near_reference", value="-", quote="引文", reference="rate"),
     [(19, 14, "unit-mismatch", "reference indicator unit: cannot compare '%' (dimensionless) "
                                "with '家' ([institution])")]),
    (cross(value=-1, quote="引文 -1"), [(19, 10, "negative-count",
                                           "a count in '家' cannot be negative")]),
    (cross(op="between", value="-", quote="引文 -1 5", low=-1, high=5),
     [(19, 8, "negative-count", "a count in '家' cannot be negative")]),
    (cross(op="between", value="-", quote="引文 -5 -1", low=-5, high=-1),
     [(19, 8, "negative-count", "a count in '家' cannot be negative"),
      (20, 9, "negative-count", "a count in '家' cannot be negative")]),
    # the plan's first year and a year inside it are deadlines it can set; 力争 equal to the value
    (cross(deadline=2021), []),
    (cross(deadline=2023), []),
    (cross(quote="引文 100", stretch=100), []),
    (cross(indicator="rate", op="at_most", value=5, quote="引文 5", stretch=5), []),
    # a band on a lower-is-better indicator: 力争 asks for a lower high end
    (cross(indicator="rate", op="about", value=5, quote="引文 5 6", stretch=6),
     [(20, 12, "stretch-short", "'stretch' (力争) 6 asks for less than 'value' 5")]),
    (cross(indicator="rate", op="about", value=5, quote="引文 5 4", stretch=4), []),
    # a baseline's own quote proves its number; a quote missing two numbers names both
    (cross(baseline="{year: 2020, value: 60, quote: 基数}"),
     [(20, 44, "quote-number", "the quote does not contain its number 60: quote the words "
                               "that state it ('基数')")]),
    (cross(op="between", value="-", quote="引文", low=1, high=5),
     [(18, 10, "quote-number", "the quote does not contain its numbers 1 and 5: quote the "
                               "words that state them ('引文')")]),
    (cross(value=7, quote="引文"), [(18, 10, "quote-number", "the quote does not contain its "
                                   "number 7: quote the words that state it ('引文')")]),
])
def test_a_cross_check_s_finding(tmp_path, text, want):
    assert found_in(tmp_path, text) == want


def test_ids_are_unique_in_every_section(tmp_path):
    text = cross() + "- {id: t, plan: p, indicator: firms, op: at_least, value: 1, deadline: 2025, " \
        "source: plan, quote: 引文 1}\n"
    for section, line in (("sources", 4), ("plans", 6), ("indicators", 8)):
        lines = text.splitlines(keepends=True)
        lines.insert(line, lines[line - 1])
        assert found_in(tmp_path, "".join(lines).replace("- id: t\n", "- id: t2\n")) == [
            (line + 1, 8, "duplicate-id", f"{section}: id {lines[line].split(',')[0][7:]!r} "
                                          "is used twice")]
    assert found_in(tmp_path, text) == [(20, 8, "duplicate-id", "targets: id 't' is used twice")]


def test_an_indicator_s_or_plan_s_bad_reference(tmp_path):
    [(line, col, code, message)] = found_in(tmp_path, cross().replace("unit: 家,", "unit: 吨煤,"))
    assert (line, col, code) == (8, 50, "unknown-unit") and message.startswith(UNITS)
    assert found_in(tmp_path, cross().replace("end: 2025, source: plan", "end: 2025, source: x")
                    ) == [(6, 73, "unknown-ref", "source 'x' is not defined in this file")]


def test_a_target_unit_that_is_no_unit(tmp_path):
    [(line, col, code, message)] = found_in(tmp_path, cross(value=2, quote="引文 2", unit="吨煤"))
    assert (line, col, code) == (20, 9, "unknown-unit") and message.startswith(UNITS)


@pytest.mark.parametrize(("revises", "want"), [
    ({"t": "t"}, [(20, 15, "supersedes-self", "target 't' cannot supersede itself")]),
    ({"t": "nope"}, [(20, 15, "unknown-ref", "target 'nope' is not defined in this file")]),
    ({"t2": "t"}, []),
    ({"t": "t2", "t2": "t"}, [
        (20, 15, "supersedes-cycle", "target 't' supersedes a chain of targets that leads back "
                                     "to itself"),
        (21, 118, "supersedes-cycle", "target 't2' supersedes a chain of targets that leads "
                                     "back to itself")]),
])
def test_a_revision_names_another_target_and_no_circle(tmp_path, revises, want):
    text = cross(supersedes=revises.get("t", "-")) + (
        "- {id: t2, plan: p, indicator: firms, op: at_least, value: 1, deadline: 2025, "
        "source: plan, quote: 引文 1" + (f", supersedes: {revises['t2']}" if "t2" in revises
                                         else "") + "}\n")
    assert found_in(tmp_path, text) == want


#: a measured file for the city of CROSS, a key a line (a key's value at column len(k) + 5)
FIGURES = """planck: 1
city: c
sources:
- id: b
  title: 公报
  issuer: 统计局
  date: 2025-03-01
  url: https://example.org/b
observations:
- indicator: firms
  period: 2024
  value: 5
  unit: 家
  source: b
  quote: 5家
"""


@pytest.mark.parametrize(("old", "new", "want"), [
    ("", "", []),
    ("  url: https://example.org/b\n", "",
     [(4, 7, "no-url", "source 'b' needs a 'url' (or 'file' for a bundled document)")]),
    ("city: c", "city: d", [(2, 7, "city-mismatch", "measured file is for 'd', target file for 'c'")]),
    ("indicator: firms", "indicator: nope",
     [(10, 14, "unknown-ref", "indicator 'nope' is not defined in the city's target file")]),
    ("source: b", "source: x", [(14, 11, "unknown-ref", "source 'x' is not defined in this file")]),
    ("value: 5", "value: -5", [(12, 10, "negative-count", "a count in '家' cannot be negative")]),
    ("unit: 家", "unit: 万元",
     [(13, 9, "unit-mismatch", "observation unit vs indicator 'firms': cannot compare '万元' "
                               "([currency]) with '家' ([institution])")]),
    ("quote: 5家", "quote: 六家",
     [(15, 10, "quote-number", "the quote does not contain its number 5: quote the words that "
                               "state it ('六家')")]),
])
def test_a_measured_file_s_finding(tmp_path, old, new, want):
    found_in(tmp_path, cross())
    tf, _ = read_targets(tmp_path / "c.yaml")
    path = tmp_path / "c.measured.yaml"
    path.write_text(FIGURES.replace(old, new) if old else FIGURES, encoding="utf-8")
    found = read_measured(path, tf)[1]
    assert all(f.file == str(path) for f in found)
    assert [(f.line, f.col, f.code, f.message) for f in found] == want


def test_a_measured_figure_in_no_unit(tmp_path):
    found_in(tmp_path, cross())
    path = tmp_path / "c.measured.yaml"
    path.write_text(FIGURES.replace("unit: 家", "unit: 吨煤").replace("value: 5", "value: -5"),
                    encoding="utf-8")
    [f] = read_measured(path, read_targets(tmp_path / "c.yaml")[0])[1]
    assert (f.line, f.col, f.code) == (13, 9, "unknown-unit") and f.message.startswith(UNITS)
