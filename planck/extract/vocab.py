"""Indicator ids: the shared vocabulary (ids already used by the bundled cities) or a slug.

A name as written (国家科技型中小企业, 高新技术企业数, 研发投入强度) is folded to a key —
without a leading place word (全市, 国家, 市), a trailing 数/总数/总量, with 规模以上 read as 规上
and 研究开发/研究与试验发展 as 研发 — and looked up among the bundled indicators' names.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class Known:
    id: str
    name_zh: str
    name_en: str
    unit: str
    direction: str


_LEAD = re.compile(r"^(?:全市|全省|全社会|我市|本市|国家(?!级)|市(?!级)|[(（]国家[)）])+")
_TAIL = re.compile(r"(?:数量|总数|总量|数|总额|规模)$")


def key(name: str) -> str:
    """A folded form of an indicator name for matching."""
    s = re.sub(r"\s|[“”\"'‘’]", "", name)
    s = s.replace("规模以上", "规上").replace("研究与试验发展(R&D)", "研发").replace("研究开发", "研发")
    s = s.replace("研发经费投入", "研发投入").replace("经费支出", "投入").replace("(载体)", "载体")
    s = s.replace("(", "").replace(")", "").replace("（", "").replace("）", "")
    prev = None
    while prev != s:
        prev = s
        s = _TAIL.sub("", _LEAD.sub("", s))
    return s


@cache
def vocabulary(folder: str | None = None) -> dict[str, Known]:
    """key -> indicator, from every target file in ``folder`` (default: the bundled targets).

    Read with libyaml's safe loader, without model checks: these are planck's own (validated)
    files, the vocabulary needs only their indicator rows, and a file that fails is skipped."""
    import yaml

    directory = Path(folder) if folder else _bundled()
    table: dict[str, Known] = {}
    for path in sorted(directory.glob("*.yaml")):
        if path.name.endswith(".measured.yaml"):
            continue
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        rows = data.get("indicators") if isinstance(data, dict) else None
        for ind in rows or []:
            try:
                known = Known(str(ind["id"]), str(ind["name_zh"]), str(ind["name_en"]),
                              str(ind["unit"]), str(ind["direction"]))
            except (KeyError, TypeError):
                continue
            k = key(known.name_zh)
            if k and k not in table:
                table[k] = known
    return table


def _bundled() -> Path:
    # planck.read.dataset.bundled_dir, without importing the model (pydantic) for a path.
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_bundled" / "targets"
    return packaged if packaged.is_dir() else here.parent / "targets"


def lookup(name: str, folder: str | None = None) -> Known | None:
    """The known indicator whose name matches ``name``, or None."""
    table = vocabulary(folder)
    k = key(name)
    if k in table:
        return table[k]
    return None


def slug(name: str, taken: set[str]) -> str:
    """An ascii id for a name outside the vocabulary: x- and a short digest (a person renames it)."""
    base = "x-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    out, n = base, 2
    while out in taken:
        out, n = f"{base}-{n}", n + 1
    return out
