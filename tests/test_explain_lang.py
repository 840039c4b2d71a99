"""``planck explain --lang zh``: the whole account in Chinese (reasons included), the English one
pinned by a golden file, and the site's Chinese pages using the Chinese account."""

from __future__ import annotations

import ast
import copy
import json
import os
import pickle
import re
import string
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, TARGETS, base_targets, obs, target

from planck import operators
from planck.reasons import REASONS, Reason, said, say
from planck.render.context import STATUS_LABEL

GOLDEN = ROOT / "tests" / "golden"
AS_OF = "2024-06-30"
#: Letters that are formula symbols in the rules, not words: v (latest), T (target),
#: b (baseline), R (pace ratio).
SYMBOLS = {"v", "T", "b", "R"}
#: Words the user types or the file says, kept in every language: an option and a file key.
TYPED = ("--max-age", "late_ok: true")


def english_words(text: str, doc: dict, city: str) -> list[str]:
    """Runs of ASCII letters left in ``text`` once what may stay in any language is taken out:
    ids (target, city, indicator, reference, operator name), units, URLs, the option and
    file key a user types, and the data strings the account quotes (titles, quotes, the
    Chinese name). The English name is not among them: a Chinese account leaves it out."""
    latest = doc.get("latest") or {}
    partial = doc.get("latest_partial") or {}
    t = doc["target"]
    keep = [doc["id"], city, doc["indicator"], doc["unit"], t["op"], t["reference"],
            t["quote"], t["source_title"], t["doc_number"], t["wording"], doc["name"],
            *(o.get(k) for o in (latest, partial)
              for k in ("quote", "source_title", "url", "given_unit"))]
    text = re.sub(r"https?://\S+", " ", text)
    for s in TYPED:
        text = text.replace(s, " ")
    for s in sorted((k for k in keep if k), key=len, reverse=True):
        # whole tokens only: the id "g" must not hide the "g" of "growth"
        text = re.sub(rf"(?<![A-Za-z0-9_-]){re.escape(s)}(?![A-Za-z0-9_-])", " ", text)
    return [w for w in re.findall(r"[A-Za-z]+", text) if w not in SYMBOLS]


def _explain(invoke, city: str, tid: str, *args: str) -> tuple[str, dict]:
    text = invoke("explain", city, tid, *args)
    assert text.exit_code == 0, text.output
    doc = invoke("explain", city, tid, "--json", *args)
    return text.stdout, json.loads(doc.stdout)


GOLD = ("--targets-dir", str(GOLDEN), "--as-of", AS_OF)


@pytest.mark.parametrize("tid, status", [
    ("gc-high-tech-enterprises-2025", "on_track"),
    ("gc-rd-intensity-2025", "off_track"),
    ("gc-rd-intensity-near-province-2025", "met"),
    ("gc-innovation-rank-2025", "met"),
    ("gc-tech-contract-turnover-2023", "missed"),
    ("gc-rd-expenditure-growth-2025", "not_assessable"),
    ("gc-high-tech-industry-share-2025", "regressing"),
    ("gc-invention-patents-2025", "behind"),
    ("gc-pilot-bases-2025", "no_data"),
    ("gc-major-projects-per-year", "on_track"),
])
def test_chinese_account_has_no_english_word(invoke, tid, status):
    zh, doc = _explain(invoke, "goldcity", tid, *GOLD, "--lang", "zh")
    assert doc["status"] == status
    assert english_words(zh, doc, "goldcity") == []
    assert f"状态             {STATUS_LABEL['zh'][status]}" in zh
    assert "依据" in zh and "进度" in zh and "完成率" in zh
    # the same account in English does have words: the check is not vacuous
    en, _ = _explain(invoke, "goldcity", tid, *GOLD)
    assert len(english_words(en, doc, "goldcity")) > 10


def _city(make_city, targets, observations, kinds=None) -> Path:
    doc = base_targets()
    for ind in doc["indicators"]:
        if kinds and ind["id"] in kinds:
            ind["kind"] = kinds[ind["id"]]
    return make_city(targets, observations, doc=doc)


def test_provisional_stale_and_overdue_in_chinese(make_city, invoke):
    firms = target("t", "firms", "at_least", value=1600, baseline={"year": 2020, "value": 755},
                   attribute="binding", stretch=1700)
    path = _city(make_city, [firms], [obs("firms", 2022, 1170, "家"),
                                      obs("firms", "2025-10", 1610, "家", partial=True)],
                 kinds={"firms": "stock"})
    zh, doc = _explain(invoke, str(path), "t", "--as-of", "2026-11-01", "--lang", "zh")
    assert doc["provisional"] and doc["status"] == "met"
    assert english_words(zh, doc, "testcity") == []
    assert "已达成（暂定）" in zh and "暂定：2025-10的年内数1610已达到目标" in zh
    assert "约束性" in zh and "力争" in zh
    path = make_city([firms], [obs("firms", 2022, 1170, "家")])
    zh, doc = _explain(invoke, str(path), "t", "--as-of", "2030-01-01", "--lang", "zh")
    assert doc["stale"] and doc["overdue"]
    assert english_words(zh, doc, "testcity") == []
    assert "数据陈旧" in zh and "逾期未公布" in zh and "--max-age" in zh


def test_the_other_rules_in_chinese(make_city, invoke):
    # growth against a reference, a sum, every year, a growth rate, a late figure: each
    # rule's reasons and notes
    doc = base_targets()
    doc["indicators"].append({"id": "prov", "name_zh": "全省研发投入强度", "name_en": "Province",
                              "unit": "%", "direction": "higher"})
    targets = [
        target("g", "money", "growth_above", reference="prov", baseline={"year": 2020}),
        target("s", "money", "cumulative", value=500),
        target("y", "firms", "per_year", value=100),
        target("a", "money", "annual_growth", value=10, baseline={"year": 2020, "value": 50}),
        target("m", "firms", "at_least", value=1600, deadline=2023,
               baseline={"year": 2020, "value": 755}),
        target("d", "rd", "at_least", value=3, baseline={"year": 2020, "value": 2}),
    ]
    points = [obs("money", y, v, "亿元") for y, v in ((2020, 50), (2021, 60), (2022, 66))]
    points += [obs("prov", y, v, "%") for y, v in ((2020, 2.0), (2021, 2.1), (2022, 2.2))]
    points += [obs("firms", 2021, 120, "家"), obs("firms", 2023, 90, "家"),
               obs("firms", 2024, 1700, "家"), obs("rd", 2019, 1.5, "%"),
               obs("rd", 2026, 3.5, "%")]
    path = make_city(targets, points, doc=doc)
    for tid in ("g", "s", "y", "a", "m", "d"):
        zh, d = _explain(invoke, str(path), tid, "--as-of", "2026-11-01", "--lang", "zh")
        assert english_words(zh, d, "testcity") == [], (tid, zh)
        assert said(d["reason"], "en") == d["reason"]


def test_english_and_chinese_accounts_are_golden(invoke, monkeypatch):
    """Every goldcity target's account, both languages (tests/golden/README.md)."""
    from planck.judge.batch import evaluate_cities
    from planck.render.explain import explain_text

    [report], _ = evaluate_cities(["goldcity"], GOLDEN, [], date.fromisoformat(AS_OF))
    for lang, name in (("en", "goldcity.explain.txt"), ("zh", "goldcity.explain.zh.txt")):
        text = "\n".join(explain_text(report, r, lang) for r in report.results)
        one = invoke("explain", "goldcity", report.results[0].id, *GOLD, "--lang", lang)
        assert text.startswith(one.stdout)  # what the CLI prints
        path = GOLDEN / name
        if os.environ.get("UPDATE_GOLDEN") == "1":
            path.write_bytes(text.encode("utf-8"))
        assert text == path.read_text(encoding="utf-8"), f"{name} changed"


def test_label_column_lines_up_in_both_languages(invoke):
    from planck.render.fit import cell_len

    for lang in ("en", "zh"):
        out = invoke("explain", "goldcity", "gc-rd-intensity-2025", *GOLD, "--lang", lang).stdout
        for line in out.splitlines()[1:]:
            label = re.match(r"( +\S+(?: \S+)*?)  +", line)
            assert label and cell_len(label.group(0)) == 19, (lang, line)


def test_unknown_lang_is_a_usage_error(invoke):
    res = invoke("explain", "goldcity", "gc-rd-intensity-2025", *GOLD, "--lang", "fr")
    assert res.exit_code == 2 and "--lang" in res.stderr and "Traceback" not in res.output


def test_data_strings_are_escaped_in_chinese_too():
    # validate refuses control characters in files; the account escapes them all the same
    from dataclasses import replace

    from planck.judge.batch import evaluate_cities
    from planck.render.explain import explain_text

    [report], _ = evaluate_cities(["goldcity"], GOLDEN, [], date.fromisoformat(AS_OF))
    r = report.results[0]
    bad = replace(r, name="名\x1b[31m", unit="家\x07",
                  target=replace(r.target, quote="引文\x1b]0;x\x07", wording="不少于\u202e"),
                  evidence=replace(r.evidence, latest=replace(
                      r.evidence.latest, quote="数\x9b", url="https://e.org/\x1b")))
    zh = explain_text(report, bad, "zh")
    assert "引文" in zh and "依据" in zh
    assert not re.search("[\x00-\x08\x1b\x7f-\x9f\u202e]", zh)


# the reasons' table


def test_every_reason_has_the_same_fields_in_both_languages():
    fields = string.Formatter()
    for key, (en, zh) in REASONS.items():
        names = [{f for _, f, _, _ in fields.parse(s) if f} for s in (en, zh)]
        assert names[0] == names[1], key
        assert not re.search(r"[A-Za-z]{2,}", re.sub(r"\{\w+\}|late_ok: true", "", zh)), key


def test_a_reason_is_its_english_text_and_survives_copies():
    r = say("with_note", text=say("final_verdict"),
            note=say("after_deadline", deadline=2025, shown="2026: 3"))
    assert r == "final verdict; the 2025 figure is not yet published (2026: 3 is after the " \
                "deadline, shown for information)"
    assert said(r, "zh") == "最终结论；2025年数据尚未公布（2026: 3在期限之后，仅供参考）"
    for twin in (pickle.loads(pickle.dumps(r)), copy.deepcopy(r)):
        assert twin == r and said(twin, "zh") == said(r, "zh")
    assert json.dumps({"r": r}) == json.dumps({"r": str(r)})
    assert said("plain text", "zh") == "plain text" and said(None, "zh") == ""


def test_every_reason_the_judge_gives_can_be_said_in_chinese():
    """Over the bundled cities, the golden city and the examples at several dates: each
    reason, base-point why, and why 进度 or R is missing is a ``Reason``."""
    from planck.judge.batch import evaluate_cities
    from planck.read.dataset import city_files

    seen = 0
    for folder in (TARGETS, GOLDEN, ROOT / "tests" / "examples" / "valid"):
        cities = [str(p) for p in city_files(folder)]
        for when in (None, date(2022, 6, 30), date(2031, 1, 1)):
            reports, _ = evaluate_cities(cities, folder, [], when)
            for rep in reports:
                for r in rep.results:
                    texts = [r.verdict.reason, r.progress.percent_reason, r.pacing.ratio_reason,
                             r.progress.base_point.why if r.progress.base_point else None]
                    for text in filter(None, texts):
                        assert isinstance(text, Reason), (r.id, text)
                        seen += 1
    assert seen > 500


def _texts(node):
    """The string constants that can end up in an expression's value (not a comparison's
    operands, not the key of ``say``)."""
    if isinstance(node, ast.Constant):
        if isinstance(node.value, str):
            yield node
    elif isinstance(node, ast.IfExp):
        yield from _texts(node.body)
        yield from _texts(node.orelse)
    elif isinstance(node, (ast.Compare, ast.BoolOp)):
        return
    elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "say":
        for k in node.keywords:
            yield from _texts(k.value)
    else:
        for child in ast.iter_child_nodes(node):
            yield from _texts(child)


def test_the_judge_writes_no_reason_as_a_bare_string():
    """A reason written as an English literal or f-string would print in English on a Chinese
    page: every reason is ``say(key, …)`` with only figures as text arguments."""
    judge = ROOT / "planck" / "judge"
    names = {"reason", "ratio_reason", "pct_reason", "why", "base_why", "note", "gap", "done",
             "words", "missing"}
    for path in [judge / f"{name}.py" for name in ("evaluate", "rules", "rule_growth",
                                                   "rule_amounts", "rule_reference", "measure",
                                                   "case")]:
        checked = 0
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            values = []
            if isinstance(node, ast.keyword) and node.arg in names:
                values.append(node.value)
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(getattr(t, "attr", getattr(t, "id", None)) in names for t in targets):
                    values.append(node.value)
            for v in filter(None, values):
                checked += 1
                for leaf in _texts(v):
                    assert not re.search(r"[A-Za-z]{2,}", leaf.value), \
                        f"{path.name}:{leaf.lineno}: {leaf.value!r}"
        assert checked, path.name


def test_every_operator_rule_is_in_both_languages():
    for op in operators.OPERATORS.values():
        assert op.rule and op.rule_zh, op.name
        assert not re.search(r"[A-Za-z]{2,}", op.rule_zh), op.name


# the site


def test_site_chinese_pages_carry_the_chinese_account(invoke, tmp_path):
    from html import unescape

    out = tmp_path / "site"
    res = invoke("site", "-o", str(out), "--targets-dir", str(GOLDEN), "--as-of", AS_OF)
    assert res.exit_code == 0, res.output
    zh = unescape((out / "zh" / "goldcity" / "rd-intensity.html").read_text(encoding="utf-8"))
    en = unescape((out / "en" / "goldcity" / "rd-intensity.html").read_text(encoding="utf-8"))
    assert "判断规则" in zh and "进度比 R = 0.35（线性）" in zh
    assert "pace ratio" not in zh and "because" not in zh
    assert "pace ratio R = 0.35 (linear)" in en and "判断规则" not in en
