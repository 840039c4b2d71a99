"""`planck new`: the text of a new city's target file and measured file.

Both are minimal and valid (empty lists, no placeholder data: planck never invents a figure or
a source) and carry comments that explain each field, with a commented-out example of each
kind of entry. Both texts are validated here before anyone writes them.
"""

from __future__ import annotations

import re

from planck.findings import Finding, PlanckError
from planck.read.loader import parse
from planck.read.model import MeasuredFile, TargetFile
from planck.read.validate import check_measured, check_targets, to_model
from planck.write.yamledit import quote

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")

TARGETS = """\
# Targets of {name_zh} ({name_en}): one file per city. Every field is described in
# docs/format.md; `planck validate` checks this file and says file:line:col for any problem.
planck: 1                      # format version
city:
  id: {id}{pad}# lower-case ascii a-z 0-9 '-'; the file is named <id>.yaml
  name_zh: {q_zh}
  name_en: {q_en}
{province}
# Every document a target comes from (the plan itself, usually).
# Example, to copy without the '# ':
#  - id: xx-sti-plan           # short id, cited by plans and targets
#    title: 某某市“十四五”科技创新规划
#    issuer: 某某市人民政府
#    doc_number: 某政〔2022〕1号  # optional
#    date: 2022-01-01          # date of issue, YYYY-MM-DD
#    url: https://example.org/plan
sources: []

# A plan groups targets in reports:
#  - id: xx-14th-sti
#    title_zh: 某某市“十四五”科技创新规划
#    title_en: 14th Five-Year Plan for S&T Innovation
#    start: 2021               # first year of the plan period
#    end: 2025                 # last year
#    source: xx-sti-plan
plans: []

# What is measured. Reuse a shared id (docs/format.md) so `planck compare` lines cities up:
#  - id: high-tech-enterprises
#    name_zh: 高新技术企业数
#    name_en: High-tech enterprises
#    unit: 家                   # the unit figures are compared in
#    direction: higher         # higher | lower: which way is better
indicators: []

# The promises, each with its verbatim quote (operators: docs/format.md):
#  - id: xx-high-tech-enterprises-2025
#    plan: xx-14th-sti
#    indicator: high-tech-enterprises
#    op: at_least
#    value: 1000
#    deadline: 2025
#    baseline: {{year: 2020}}   # value from the measured file
#    wording: 不少于
#    source: xx-sti-plan
#    quote: 高新技术企业不少于1000家   # verbatim from the source, with the number
targets: []
"""

MEASURED = """\
# Measured values for {name_zh} ({name_en}). Add figures with `planck record` or
# `planck import` (they keep this file's layout), or by hand as described in docs/format.md.
planck: 1
city: {id}

# Where figures were published; the date decides which vintage of a figure counts:
#  - id: xx-bulletin-2024
#    title: 2024年某某市国民经济和社会发展统计公报
#    issuer: 某某市统计局
#    date: 2025-03-30
#    url: https://example.org/bulletin-2024
sources: []

# One figure each, with the sentence it was read from:
#  - indicator: high-tech-enterprises
#    period: 2024              # a year, or "2024-06" for a figure through June
#    value: 1234
#    unit: 家
#    partial: false            # true for a partial-year figure
#    source: xx-bulletin-2024
#    quote: 高新技术企业1234家
observations: []
"""


def _one_line(value: str, what: str) -> str:
    if not value or not value.strip() or not value.isprintable() or len(value) > 200:
        raise PlanckError([Finding(what, 0, 0, "bad-argument",
                                   f"{what}: give a non-empty name on one line")])
    return value.strip()


def city_files(city: str, name_zh: str, name_en: str, province_zh: str | None = None,
               province_en: str | None = None) -> tuple[str, str]:
    """(target file text, measured file text), both validated."""
    if not _ID.match(city):
        raise PlanckError([Finding(city, 0, 0, "bad-id", f"city id {city!r}: lower-case ascii "
                                   "letters, digits and '-', starting with a letter or digit")])
    zh, en = _one_line(name_zh, "--name-zh"), _one_line(name_en, "--name-en")
    province = ""
    if province_zh:
        province += f"  province_zh: {quote(_one_line(province_zh, '--province'), '')}\n"
    if province_en:
        province += f"  province_en: {quote(_one_line(province_en, '--province-en'), '')}\n"
    fields = {"id": city, "pad": " " * max(1, 25 - len(city)), "name_zh": zh, "name_en": en,
              "q_zh": quote(zh, ""), "q_en": quote(en, ""), "province": province}
    targets, measured = TARGETS.format(**fields), MEASURED.format(**fields)
    _check(targets, f"{city}.yaml", TargetFile)
    _check(measured, f"{city}.measured.yaml", MeasuredFile)
    return targets, measured


def _check(text: str, name: str, cls: type) -> None:
    loaded = parse(text, name)
    if not loaded.ok:
        raise PlanckError(loaded.findings)
    model, findings = to_model(loaded.data, cls, name)
    if model is not None:
        findings = (check_targets(loaded.data, model, name) if cls is TargetFile
                    else check_measured(loaded.data, model, name, None))
    if findings:
        raise PlanckError(findings)
