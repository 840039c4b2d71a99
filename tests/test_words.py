"""One catalogue of words (planck/words.py): every key has its words in every language, a
template names the same fields in each, and no other module keeps translations of its own."""

from __future__ import annotations

import ast
import functools
import re
from string import Formatter

import pytest
from conftest import ROOT

from planck import words
from planck.choices import LANGS

PACKAGE = ROOT / "planck"
HAN = re.compile(r"[\u3400-\u9fff]")

#: Words that are empty in one language on purpose: nothing is written there in that language.
EMPTY = {
    ("table", "mark"): "the mark column has no heading in either language",
    ("readable", "growth_a_year"): "年均增长 already says 'a year'",
    ("site", "glossary"): "a Chinese page glosses no Chinese word",
    ("terms", "year_one"): "剩余N年 needs no word after the number",
    ("terms", "year_many"): "剩余N年 needs no word after the number",
}
#: Templates whose languages name different fields, and why.
FIELDS_DIFFER = {
    ("explain", "header"): "the Chinese header names the Chinese names only",
    ("terms", "catch_geometric"): "English signs the rate (+11.0), Chinese says it (增长11.0)",
    ("summary", "city_line"): "the Chinese line names the Chinese name only",
}
#: Chinese text an output module may hold that is no translation: a pattern that reads
#: periods, the glossary's own terms looked up on English pages.
NOT_WORDS = {
    ("readable.py", r"\s*年?\s*[-‐‑‒–—―~～至到]+\s*"),
    ("site/pages.py", "进度 完成率"),
}
#: Modules whose text reaches people: none may hold Chinese words of its own.
OUTPUT = ["render", "site", "write/docxreport.py", "write/xlsx.py", "reasons.py", "readable.py",
          "read/checkfiles.py"]


def _entries():
    for name, section in words.SECTIONS.items():
        for key, value in section.items():
            yield name, key, value


def test_every_key_has_a_word_in_every_language():
    for name, key, value in _entries():
        assert isinstance(value, tuple) and len(value) == len(LANGS), (name, key)
        kinds = {type(v) for v in value}
        assert len(kinds) == 1 and kinds <= {str, tuple}, (name, key, value)
        if isinstance(value[0], tuple):  # columns: as many in every language, none empty
            assert len({len(v) for v in value}) == 1 and all(all(v) for v in value), (name, key)
        elif (name, key) not in EMPTY:
            assert all(value), f"{name}.{key} is empty in a language: {value}"


def test_the_allowed_empty_words_are_empty():
    for name, key in EMPTY:
        assert "" in words.SECTIONS[name][key], (name, key)


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in Formatter().parse(text) if f}


def test_templates_name_the_same_fields_in_every_language():
    for name, key, value in _entries():
        if not isinstance(value[0], str) or (name, key) in FIELDS_DIFFER:
            continue
        assert len({frozenset(_fields(v)) for v in value}) == 1, f"{name}.{key}: {value}"
    for name, key in FIELDS_DIFFER:
        assert len({frozenset(_fields(v)) for v in words.SECTIONS[name][key]}) > 1, (name, key)


#: English words that are Chinese on purpose.
CHINESE_IN_ENGLISH = {("site", "other"): "the language switch names Chinese in Chinese"}


def test_the_english_words_hold_no_chinese_of_their_own():
    en = LANGS.index("en")
    for name, key, value in _entries():
        if not isinstance(value[0], str) or (name, key) in CHINESE_IN_ENGLISH:
            continue
        assert not HAN.search(_strip_terms(value[en])), f"{name}.{key}: Chinese in English: {value[en]}"


def _strip_terms(text: str) -> str:
    """English that names a Chinese term in brackets (stretch (力争)) or quotes it
    (estimate (预计)) keeps it: the reader meets the term on the page."""
    return re.sub(r"\(([^()]*)\)", lambda m: "" if HAN.search(m.group(1)) else m.group(0), text)


def test_section_gives_each_language_every_key():
    for name, section in words.SECTIONS.items():
        by_lang = words.section(name)
        assert list(by_lang) == list(LANGS)
        assert all(list(by_lang[lang]) == list(section) for lang in LANGS), name


@functools.cache
def _modules() -> tuple:
    """(path, syntax tree) of every module but the catalogue, parsed once for every test."""
    return tuple((path, ast.parse(path.read_text(encoding="utf-8")))
                 for path in sorted(PACKAGE.rglob("*.py")) if path.name != "words.py")


def test_no_other_module_keeps_words_by_language():
    """A mapping keyed by language ({"en": …, "zh": …}) outside the catalogue is a second
    catalogue."""
    found = []
    for path, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict):
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                if len(keys & set(LANGS)) >= 2:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, "words by language outside planck/words.py: " + ", ".join(found)


@functools.cache
def _docstrings(tree) -> set[int]:
    return {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            and node.body and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)}


def _is_output(path) -> bool:
    rel = path.relative_to(PACKAGE).as_posix()
    return any(rel == o or rel.startswith(o + "/") for o in OUTPUT)


def test_output_modules_hold_no_chinese_words_of_their_own():
    """Every Chinese word a reader sees comes from the catalogue: the renderers, the site, the
    document and workbook, the reasons and list/validate's summary hold none (docstrings and
    the named exceptions aside)."""
    found = []
    for path, tree in _modules():
        if not _is_output(path):
            continue
        rel, docs = path.relative_to(PACKAGE).as_posix(), _docstrings(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
                    and HAN.search(node.value) and (rel, node.value) not in NOT_WORDS):
                found.append(f"planck/{rel}:{node.lineno}: {node.value[:40]!r}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("words_of", ["category", "light", "status"])
def test_the_verdict_words_live_only_in_the_catalogue(words_of):
    """The Chinese words of statuses, categories (提前实现 … 滞后) and lights (红灯 …) appear in
    no output module: each one reads them from the catalogue."""
    chinese = {v for _, v in words.section(words_of)["zh"].items()}
    found = []
    for path, tree in _modules():
        if not _is_output(path):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                hits = [w for w in chinese if w in node.value]
                if hits and id(node) not in _docstrings(tree):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {hits}")
    assert not found, found


def test_fail_on_takes_every_word_of_a_status_category_or_light():
    """--fail-on names a status, category or light by id or by its word in any language, each
    word meaning one of them only."""
    from planck.cli.common import gate_words, parse_statuses
    from planck.result import CATEGORIES, LIGHTS, STATUSES

    seen: dict[str, str] = {}
    for name, keys in (("status", STATUSES), ("category", CATEGORIES), ("light", LIGHTS)):
        for key in keys:
            for lang in LANGS:
                text = words.word(name, key, lang)
                assert seen.setdefault(text, key) == key, f"{text!r} names two things"
                assert parse_statuses(f" {text} ,{key}") == {key}
    assert set(gate_words().values()) == {*STATUSES, *CATEGORIES, *LIGHTS}
    assert parse_statuses("滞后,红灯,未达成") == {"lagging", "red", "missed"}


@pytest.mark.parametrize("gate", ["红灯", "red", "滞后", "lagging"])
def test_a_light_or_category_word_fails_the_gate_as_its_id_does(invoke, gate):
    # Luoyang's two off-track targets are 滞后 with a red light; its met ones are green.
    failed = invoke("check", "luoyang", "--fail-on", gate, "--targets-dir", str(ROOT / "targets"))
    assert failed.exit_code == 1, failed.stderr
    assert "2 target(s) with status in --fail-on" in failed.stderr
    passed = invoke("check", "luoyang", "--fail-on", "黄灯", "--targets-dir", str(ROOT / "targets"))
    assert passed.exit_code == 0, passed.stderr


def test_an_unknown_gate_word_is_a_usage_error(invoke):
    res = invoke("check", "luoyang", "--fail-on", "紫灯")
    assert res.exit_code == 2 and "unknown status 紫灯" in res.stderr and "red" in res.stderr
