"""Finding what the user named: a target id with or without its city prefix, and a
"did you mean" for a near miss instead of a dump of every id."""

from __future__ import annotations

from collections.abc import Sequence

from planck.suggest import did_you_mean, suggest

__all__ = ["did_you_mean", "find_city", "pick_target", "suggest"]


def pick_target(ids: Sequence[str], wanted: str) -> str | None:
    """The id ``wanted`` names: itself, or the one id it is the city-less form of (the table
    prints ids without the city prefix), matched case-insensitively."""
    low = wanted.lower()
    exact = [i for i in ids if i.lower() == low]
    if exact:
        return exact[0]
    short = [i for i in ids if "-" in i and i.split("-", 1)[1].lower() == low]
    if len(short) == 1:
        return short[0]
    # A cut id as a narrow table prints it (``rd-intensity…``): the one id it begins.
    begun = begun_by(ids, wanted)
    return begun[0] if len(begun) == 1 else None


def begun_by(ids: Sequence[str], cut: str) -> list[str]:
    """The ids a cut id as the table prints it (``cluster…``) begins, with or without their
    city prefix; [] when ``cut`` does not end in an ellipsis."""
    low = cut.lower()
    stem = low.removesuffix("…").removesuffix("...")
    if stem == low or not stem:
        return []
    return [i for i in ids if i.lower().startswith(stem)
            or ("-" in i and i.split("-", 1)[1].lower().startswith(stem))]


_SUFFIXES = ("市", "省", "县", "区", "自治区", "特别行政区")


def _name_zh(path) -> str | None:
    """The city's Chinese name from the head of its target file (no YAML parse: a listing of
    300 cities must stay cheap)."""
    import re

    try:
        with open(path, encoding="utf-8-sig", errors="replace") as fh:
            head = fh.read(4096)
    except OSError:
        return None
    m = re.search(r"^\s+name_zh:\s*['\"]?([^'\"\n#]+?)['\"]?\s*(?:#.*)?$", head, re.M)
    return m.group(1).strip() if m else None


def _bare(name: str) -> str:
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def find_city(text: str, directory) -> str:
    """The city ``text`` names: a target file path as given, else a city id matched without
    regard to case, else a Chinese name with or without 市/省 (``洛阳``, ``洛阳市``). Raises a
    usage error with the nearest ids when nothing matches."""
    import os
    from pathlib import Path

    from planck.cli.common import _usage
    from planck.read.dataset import city_files

    if Path(text).suffix in (".yaml", ".yml") or os.sep in text:
        return text
    if (Path(directory) / f"{text}.yaml").is_file():
        return text
    files = city_files(Path(directory))
    by_id = {p.stem.lower(): p.stem for p in files}
    if text.lower() in by_id:
        return by_id[text.lower()]
    names = {p.stem: _name_zh(p) for p in files}
    for stem, zh in names.items():
        if zh and (text == zh or _bare(text) == _bare(zh)):
            return stem
    aliases = {stem: [zh, _bare(zh)] for stem, zh in names.items() if zh}
    raise _usage(f"no city {text!r} in {directory}{did_you_mean(text, list(by_id.values()), aliases)}"
                 + ("" if suggest(text, list(by_id.values()), aliases=aliases)
                    else f" (cities: {', '.join(by_id.values()) or 'none'})"))
