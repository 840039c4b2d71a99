"""`planck extract --into CITY`: a draft's new entries added to a city's target file.

Only lines are inserted; nothing already in the file changes. What the file already holds is
recognised and left alone:

- a source with the same ``file:`` (the plan's file name) is the draft's source;
- a plan with the same id, or with the same period and source, is the draft's plan;
- an indicator is the draft's when the shared matcher (planck/extract/match.py: names and
  ``aliases:``, units of the same quantity; the command passes it in) or its id says so;
- a target with the same indicator, op, value (low/high) and deadline is already there.

Everything else is added with the draft's ``# review:`` marks, so a second run adds nothing.
Nothing here reads or writes files.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

from planck.findings import Finding, PlanckError
from planck.write import yamledit

_LISTS = ("sources", "plans", "indicators", "targets")


@dataclass
class Merged:
    """The new text and what was added or found already there."""

    text: str
    added: dict[str, list[str]] = field(default_factory=dict)
    kept: int = 0

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.added.values())


def _parse(text: str, name: str) -> Any:
    from planck.read.loader import parse

    loaded = parse(text, name)
    if not loaded.ok or not isinstance(loaded.data, dict):
        raise PlanckError(loaded.findings or [Finding(name, 1, 1, "not-a-target-file",
                                                      "not a target file (no mapping at the top)")])
    for key in _LISTS:
        if key not in loaded.data:
            raise PlanckError([Finding(name, 1, 1, "missing", f"no '{key}:' list: planck adds "
                                       "entries only to a target file with all four lists")])
        if not isinstance(loaded.data.get(key) or [], list):
            line, col = cast(Any, loaded.data).lc.key(key)
            raise PlanckError([Finding(name, line + 1, col + 1, "not-a-list",
                                       f"'{key}' is not a list: planck adds entries only to a list")])
    return loaded.data


def _key(t: Any) -> tuple:
    def num(v: Any) -> float | None:
        return None if v is None else float(f"{float(v):.6g}")
    return (t.get("indicator"), t.get("op"), num(t.get("value")), num(t.get("low")),
            num(t.get("high")), t.get("deadline"))


def _fresh(base: str, taken: set[str]) -> str:
    out, n = base, 2
    while out in taken:
        out, n = f"{base}-{n}", n + 1
    taken.add(out)
    return out


def merge(existing: str, draft: str, name: str, match: Callable[[str, str | None, list], Any],
          units_fit: Callable[[str | None, str | None], bool]) -> Merged:
    """``existing`` (a city's target file) with the entries of ``draft`` it lacks inserted.

    ``match`` and ``units_fit`` are the shared indicator matcher's (planck.extract.match,
    passed in by the command: the writing layer does not reach into extract)."""
    have, new = _parse(existing, name), _parse(draft, "draft")
    rename: dict[str, dict[str, str]] = {k: {} for k in _LISTS}
    wanted: dict[str, list[int]] = {k: [] for k in _LISTS}
    ids = {k: {str(x.get("id")) for x in have.get(k) or [] if isinstance(x, dict)} for k in _LISTS}

    for i, s in enumerate(new.get("sources") or []):
        same = next((h for h in have.get("sources") or [] if isinstance(h, dict) and s.get("file")
                     and h.get("file") == s.get("file")), None)
        if same is not None:
            rename["sources"][s["id"]] = str(same["id"])
        else:
            rename["sources"][s["id"]] = _fresh(str(s["id"]), ids["sources"])
            wanted["sources"].append(i)
    for i, p in enumerate(new.get("plans") or []):
        src = rename["sources"].get(p.get("source"), p.get("source"))
        same = next((h for h in have.get("plans") or [] if isinstance(h, dict) and (
            h.get("id") == p["id"] or (h.get("start"), h.get("end"), h.get("source"))
            == (p.get("start"), p.get("end"), src))), None)
        if same is not None:
            rename["plans"][p["id"]] = str(same["id"])
        else:
            rename["plans"][p["id"]] = _fresh(str(p["id"]), ids["plans"])
            wanted["plans"].append(i)
    rows = [h for h in have.get("indicators") or [] if isinstance(h, dict)]
    for i, ind in enumerate(new.get("indicators") or []):
        unit = ind.get("unit") if ind.get("unit") != "REVIEW" else None
        same = match(str(ind.get("name_zh")), unit, rows) or next(
            (h for h in rows if h.get("id") == ind["id"] and units_fit(unit, h.get("unit"))), None)
        if same is not None:
            rename["indicators"][ind["id"]] = str(same["id"])
        else:
            rename["indicators"][ind["id"]] = _fresh(str(ind["id"]), ids["indicators"])
            wanted["indicators"].append(i)
    there = {_key(t) for t in have.get("targets") or [] if isinstance(t, dict)}
    kept = 0
    for i, t in enumerate(new.get("targets") or []):
        moved = dict(t, indicator=rename["indicators"].get(t["indicator"], t["indicator"]))
        if _key(moved) in there:
            kept += 1
            continue
        there.add(_key(moved))
        rename["targets"][t["id"]] = _fresh(str(t["id"]), ids["targets"])
        wanted["targets"].append(i)
    # an indicator or plan only the kept targets used is not added
    used_ind = {rename["indicators"][new["targets"][i]["indicator"]] for i in wanted["targets"]}
    used_plan = {rename["plans"][new["targets"][i]["plan"]] for i in wanted["targets"]}
    wanted["indicators"] = [i for i in wanted["indicators"]
                            if rename["indicators"][new["indicators"][i]["id"]] in used_ind]
    wanted["plans"] = [i for i in wanted["plans"] if rename["plans"][new["plans"][i]["id"]] in used_plan]
    used_src = {rename["sources"].get(new["plans"][i].get("source")) for i in wanted["plans"]} | {
        rename["sources"].get(new["targets"][i].get("source")) for i in wanted["targets"]}
    wanted["sources"] = [i for i in wanted["sources"]
                         if rename["sources"][new["sources"][i]["id"]] in used_src]
    return _insert(existing, have, draft, new, wanted, rename, kept)


_REF = re.compile(r'^(\s*(?:-\s+)?)(id|plan|indicator|source|reference): "([^"]*)"(.*)$')


def _item_text(draft_lines: list[str], seq: Any, i: int, kind: str,
               rename: dict[str, dict[str, str]]) -> list[str]:
    start = yamledit.dash_line(draft_lines, seq, i)
    # the comment lines a draft writes before an item (an operator not in the format yet)
    end = yamledit.item_end(draft_lines, seq, i)
    out = []
    for line in draft_lines[start:end]:
        m = _REF.match(line.rstrip("\n"))
        if m:
            field_ = m.group(2)
            table = {"id": kind, "plan": "plans", "indicator": "indicators", "source": "sources",
                     "reference": "indicators"}[field_]
            value = rename[table].get(m.group(3), m.group(3))
            line = f'{m.group(1)}{field_}: {yamledit.quote(value, chr(34))}{m.group(4)}\n'
        out.append(line if line.endswith("\n") else line + "\n")
    return out


def _insert(existing: str, have: Any, draft: str, new: Any, wanted: dict[str, list[int]],
            rename: dict[str, dict[str, str]], kept: int) -> Merged:
    lines = existing.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    nl = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    draft_lines = draft.splitlines(keepends=True)
    splices: list[yamledit.Splice] = []
    added: dict[str, list[str]] = {}
    for order, kind in enumerate(_LISTS):
        if not wanted[kind]:
            continue
        seq = have.get(kind)
        items: list[str] = []
        for i in wanted[kind]:
            items += _item_text(draft_lines, new[kind], i, kind, rename)
            added.setdefault(kind, []).append(rename[kind].get(new[kind][i]["id"], new[kind][i]["id"]))
        if seq:  # after the list's last item, indented as its items are
            dash = lines[yamledit.dash_line(lines, seq, len(seq) - 1)].index("-")
            at = yamledit.item_end(lines, seq, len(seq) - 1)
        else:  # `key: []` (or `key:` with nothing) becomes a block list
            dash = 2
            flat = yamledit.empty_flow(lines, have, kind)
            if flat is not None:
                splices.append(flat)
            at = have.lc.key(kind)[0] + 1
        items = [_shift(x, dash - 2).rstrip("\r\n") + nl for x in items]
        splices.append(yamledit.Splice(at, at, tuple(items), order + 1))
    return Merged(yamledit.apply(lines, splices), added, kept)


def _shift(line: str, by: int) -> str:
    if by > 0:
        return " " * by + line
    if by < 0 and line[: -by].strip() == "":
        return line[-by:]
    return line
