"""One indicator matcher for `extract` and `harvest`: a name as written, and its unit, to an
indicator.

A name is compared folded (``fold``): NFKC, without blanks, quotes and brackets, with the
spellings of one thing made one (规模以上 → 规上, R&D / 研究与试验发展 / 研究开发 → 研发,
研发经费投入 / 研发经费支出 → 研发投入), without a trailing 数/数量/总数/总量/总额/规模 and without a
leading word that names the indicator's own holder (全市, 我市, 全社会, 国家 …), also after
新增/净增/新认定, and without 当年 before those (当年新增X is 新增X). 全省 and 全国 are
kept by default: a province's or the country's figure is not a city's (a province passes
``own=PROVINCE_OWN``).

An indicator offers its ``name_zh`` and its ``aliases:`` (docs/format.md); a name matches when
its folded form equals one of theirs and the units fit (``units_fit``: the same quantity at any
scale, 万元 ~ 亿元, 件/万人 ~ 件/人; 家 never fits 件, % never fits 百分点).

- ``match(name, unit, indicators)``: which of a city's indicators a figure or target is about
  (harvest matches a published figure with it; extract matches a draft into a city file).
- ``shared(name, unit)``: the shared id for a name, from the vocabulary (``vocabulary.yaml``
  beside this module, then every bundled target file's indicators), so cities line up.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

#: Lead words naming a city's own figure (国家 as in 国家科技型中小企业, not 国家级).
CITY_OWN = ("全市", "我市", "本市", "全社会", "市(?!级)", "国家(?!级)", "[(（]国家[)）]")
#: Lead words naming a province's own figure.
PROVINCE_OWN = ("全省", "我省", "本省", "全社会", "省(?!级|重点|实验室)", "国家(?!级)", "[(（]国家[)）]")
#: Every holder word: the shared vocabulary lines up cities, provinces and the country.
ANY_OWN = tuple(dict.fromkeys(CITY_OWN + PROVINCE_OWN + ("全国(?!重点)", "我国", "全区", "全州", "全县")))

_TAIL = re.compile(r"(?:数量|总数|总量|总额|规模|数)$")
_SAME = (("规模以上", "规上"), ("研究与试验发展(R&D)", "研发"), ("研究与试验发展", "研发"),
         ("R&D", "研发"), ("研究开发", "研发"), ("研发经费投入", "研发投入"),
         ("研发经费支出", "研发投入"), ("研发经费", "研发投入"), ("经费支出", "投入"),
         ("国内生产总值", "GDP"), ("地区生产总值", "GDP"), ("生产总值", "GDP"))

#: 当年新增X is 新增X: the year is the observation's period, not part of the name.
_YEAR_LEAD = re.compile(r"^(?:当年|年内|本年)(?=新增|净增|新认定)")
_INCREMENT = re.compile(r"^(?:新增|净增|新认定)")


@cache
def _lead(own: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("^(?:" + "|".join(own) + ")+")


@lru_cache(maxsize=8192)
def fold(name: str, own: tuple[str, ...] = ANY_OWN) -> str:
    """The folded form of an indicator name, for matching (see the module's docstring)."""
    s = unicodedata.normalize("NFKC", name)
    s = re.sub(r"[\s“”\"'‘’「」]|的", "", s)
    for a, b in _SAME:
        s = s.replace(a, b)
    lead = _lead(own)
    prev = None
    while prev != s:
        prev = s
        s = _TAIL.sub("", lead.sub("", _YEAR_LEAD.sub("", s)))
        # 新增国家高新技术企业 is 新增 + the (own) thing: the holder word after it goes too.
        inc = _INCREMENT.match(s)
        if inc:
            s = inc.group() + lead.sub("", s[inc.end():])
    return re.sub(r"[()（）]", "", s)


def _bases(unit: str) -> tuple[str, ...] | None:
    """The base quantity of each part of a unit (万元 -> yuan, 件/万人 -> piece, person)."""
    from planck.read import units

    try:
        names = units._names(unit)
    except (units.UnitError, TypeError):
        return None
    scales = units._scales()
    out = []
    for n in names:
        pint_name = units.NAMES[n]
        out.append(scales.get(pint_name, (pint_name, 1.0))[0])
    return tuple(out)


def units_fit(a: str | None, b: str | None) -> bool:
    """True when a figure in unit ``a`` can be an indicator's in unit ``b`` (either missing: True)."""
    if not a or not b:
        return True
    ba, bb = _bases(a), _bases(b)
    return ba is not None and ba == bb


def _get(ind: Any, field: str) -> Any:
    return ind.get(field) if isinstance(ind, Mapping) else getattr(ind, field, None)


def names_of(ind: Any) -> list[str]:
    """An indicator's names: ``name_zh`` and its ``aliases`` (a model object or a mapping)."""
    out = [_get(ind, "name_zh")] + list(_get(ind, "aliases") or [])
    return [n for n in out if isinstance(n, str) and n]


def match(name: str, unit: str | None, indicators: Iterable[Any],
          own: tuple[str, ...] = CITY_OWN) -> Any | None:
    """The indicator (of ``indicators``: model objects or mappings with id, name_zh, unit,
    aliases) that ``name`` in ``unit`` is about, or None.

    A name folded (``fold`` with ``own``'s lead words) must equal the folded ``name_zh`` or an
    alias of exactly one indicator whose unit fits ``unit``; when several fit, the one whose
    unit is the same as written wins, else the name is ambiguous and None is returned (a figure
    is never given to a guessed indicator)."""
    k = fold(name, own)
    if not k:
        return None
    hits = []
    for ind in indicators:
        if not units_fit(unit, _get(ind, "unit")):
            continue
        if any(fold(n, own) == k for n in names_of(ind)):
            hits.append(ind)
    ids = {_get(h, "id") for h in hits}
    if len(ids) == 1:
        return hits[0]
    exact = [h for h in hits if unit and _get(h, "unit") == unit]
    return exact[0] if len({_get(h, "id") for h in exact}) == 1 else None


#: Verbs that open the name of a count of new things (新培育全国重点实验室数) and a trailing
#: qualifier of how it is counted ((2021—2025累计), (当年组织实施数)): the loose form drops them.
_VERBS = re.compile(r"^(?:新培育|新培养|新组建|新建|新备案|新认定|新争创|争创|引进培育|引进|培育|培养|组建|"
                    r"布局建设|建设|建成|实施|突破|选树)")
_QUALIFIER = re.compile(r"[(（][^()（）]*(?:\d|累计|当年|规划期|每)[^()（）]*[)）]\s*$")


def loose(name: str) -> str:
    """A looser key than ``fold``: without a counting qualifier, an opening verb of new things
    and a trailing 覆盖率 (a coverage target names what is covered)."""
    s = _VERBS.sub("", _QUALIFIER.sub("", name.strip()))
    # a count of 项 names its things without 项目 (攻关20项 is 攻关项目数)
    return re.sub(r"项目$", "", re.sub(r"(?:覆盖率|数)$", "", fold(s)))


@dataclass(frozen=True)
class Known:
    """An indicator of the shared vocabulary."""

    id: str
    name_zh: str
    name_en: str
    unit: str
    direction: str
    aliases: tuple[str, ...] = ()


def _rows(data: Any) -> list[Known]:
    out = []
    rows = data.get("indicators") if isinstance(data, dict) else None
    for ind in rows or []:
        try:
            aliases = tuple(str(a) for a in ind.get("aliases") or ())
            out.append(Known(str(ind["id"]), str(ind["name_zh"]), str(ind["name_en"]),
                             str(ind["unit"]), str(ind["direction"]), aliases))
        except (KeyError, TypeError, AttributeError):
            continue
    return out


@cache
def vocabulary(folder: str | None = None) -> tuple[Known, ...]:
    """The shared indicators: ``vocabulary.yaml`` beside this module first, then the indicators
    of every target file in ``folder`` (default: the bundled targets), one row per id.

    Read with libyaml's safe loader, without model checks: these are planck's own (validated)
    files, the vocabulary needs only their indicator rows, and a file that fails is skipped."""
    import yaml

    directory = Path(folder) if folder else _bundled()
    files = [Path(__file__).with_name("vocabulary.yaml")]
    files += [p for p in sorted(directory.glob("*.yaml")) if not p.name.endswith(".measured.yaml")]
    by_id: dict[str, Known] = {}
    for path in files:
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        for k in _rows(data):
            if k.id in by_id:  # the same id in another file: its name is one more alias
                old = by_id[k.id]
                extra = tuple(n for n in (k.name_zh, *k.aliases) if n not in names_of(old))
                by_id[k.id] = Known(old.id, old.name_zh, old.name_en, old.unit, old.direction,
                                    old.aliases + extra)
            else:
                by_id[k.id] = k
    return tuple(by_id.values())


def _bundled() -> Path:
    # planck.read.dataset.bundled_dir, without importing the model (pydantic) for a path.
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_bundled" / "targets"
    return packaged if packaged.is_dir() else here.parent / "targets"


def shared(name: str, unit: str | None = None, folder: str | None = None) -> Known | None:
    """The shared indicator ``name`` (in ``unit``) is, or None: every holder word is dropped
    (全省研发投入强度 and 全市研发投入强度 are both rd-intensity)."""
    found = match(name, unit, vocabulary(folder), own=ANY_OWN)
    return found if isinstance(found, Known) else None


def closest(name: str, unit: str | None = None, folder: str | None = None) -> tuple[Known | None, bool]:
    """(shared indicator, exact): ``shared`` first; else the one vocabulary indicator whose
    loose form (``loose``) is the name's, with a unit that fits (exact is then False, and a
    draft marks the id for review). Several such indicators: none."""
    found = shared(name, unit, folder)
    if found is not None:
        return found, True
    k = loose(name)
    if len(k) < 2:
        return None, False
    hits = {ind.id: ind for ind in vocabulary(folder) if units_fit(unit, ind.unit)
            and any(loose(n) == k for n in names_of(ind))}
    if not hits and unit == "%" and len(k) >= 4:
        # 实现重点产业集群中试基地全覆盖 is the share 拥有中试基地的重点产业集群占比 at 100 %:
        # a share whose name is made of the covered name's words, in any order
        hits = {ind.id: ind for ind in vocabulary(folder) if ind.unit == "%"
                and any(_SHARE.search(n) and _covers(k, fold(n)) for n in names_of(ind))}
    return (next(iter(hits.values())), False) if len(hits) == 1 else (None, False)


_SHARE = re.compile(r"(?:占比|比例|比重|覆盖率|覆盖面)$")


def _covers(name: str, other: str) -> bool:
    """Every character of ``name`` lies in a run of at least two that ``other`` contains (a
    particle such as 在, 中, 的 may stand alone: 在重组中入列 ~ 重组入列)."""
    i = 0
    while i < len(name):
        j = i + 2
        if name[i:j] not in other:
            if name[i] in "在中的和及与之":
                i += 1
                continue
            return False
        while j < len(name) and name[i:j + 1] in other:
            j += 1
        i = j
    return True
