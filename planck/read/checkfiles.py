"""File-level checks behind ``planck validate`` and ``planck list``: which file is which kind,
and whether every quote appears verbatim in its source document (provenance)."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any

from planck.escape import log
from planck.findings import Finding
from planck.read.dataset import MEASURED_SUFFIX, city_files, name_finding, read_targets
from planck.read.loader import key_position, load
from planck.read.model import MeasuredFile, TargetFile
from planck.read.strings import review_placeholders
from planck.read.validate import check_measured, check_targets, to_model
from planck.words import section as words_of


def _resolved(path: Path) -> Path:
    """``path`` resolved, or as it is when it cannot be (a symlink loop: load() says so)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def expand(paths: list[Path]) -> tuple[list[Path], list[Finding]]:
    """Files named directly, plus every *.yaml/*.yml below named folders; a folder holding
    none is a finding (a mistyped path must not pass as "0 files valid"), and so is a name
    that is not UTF-8 (it could be shown nowhere)."""
    files, missing = [], []
    for p in paths:
        if p.is_dir():
            # every *.yaml entry but folders: a FIFO, device or dangling symlink among them is
            # reported by load() (as `check --all` does), never skipped in silence
            found = sorted(q for q in p.rglob("*") if q.suffix in (".yaml", ".yml") and not q.is_dir())
            missing += [bad for q in found if (bad := name_finding(q)) is not None]
            files += [q for q in found if name_finding(q) is None]
            if not found:
                missing.append(Finding(str(p), 0, 0, "no-data-files",
                                       "no data files (*.yaml, *.yml) in this folder"))
        elif p.is_file():
            files.append(p)
        else:
            missing.append(Finding(str(p), 0, 0, "not-found", "no such file or folder"))
    return files, missing


def _is_measured(path: Path, data: Any) -> bool:
    return path.name.endswith(MEASURED_SUFFIX) or (
        isinstance(data, dict) and "observations" in data and "targets" not in data)




def _quotes(doc: Any, model: TargetFile | MeasuredFile, name: str, sources_dir: Path,
            tally: Counter[str]) -> list[Finding]:
    """Every quote whose source document is in ``sources_dir`` must appear in it verbatim.

    ``tally`` counts the quotes ``verified`` against a document and those ``unchecked``
    (their source has no document there: a published page cited by its url)."""
    from planck.read.sources import SourceProblem, document

    texts: dict[str, str | None] = {}
    found = []
    for i, s in enumerate(model.sources):
        try:
            texts[s.id] = document(sources_dir, s)
        except SourceProblem as problem:
            texts[s.id] = None
            line, col = key_position(doc["sources"][i], "file")
            found.append(Finding(name, line, col, problem.code, str(problem)))
            continue
        if s.file and texts[s.id] is None:
            line, col = key_position(doc["sources"][i], "file")
            found.append(Finding(name, line, col, "source-missing",
                                 f"source document {s.file!r} not found in {sources_dir}"))
    items = [("targets", t) for t in getattr(model, "targets", [])] + \
            [("observations", o) for o in getattr(model, "observations", [])]
    counters = {"targets": 0, "observations": 0}
    for section, item in items:
        i = counters[section]
        counters[section] += 1
        checks: list[tuple[tuple[Any, ...], str, str]] = [((section, i), item.source, item.quote)]
        base = getattr(item, "baseline", None)
        if base is not None and base.quote:
            checks.append(((section, i, "baseline"), base.source or item.source, base.quote))
        for path, source_id, quote in checks:
            text = texts.get(source_id)
            tally["unchecked" if text is None else "verified"] += 1
            if text is None or quote in text:
                continue
            node = doc
            for part in path:
                node = node[part]
            line, col = key_position(node, "quote")
            found.append(Finding(name, line, col, "quote-not-found",
                                 f"quote not found verbatim in source {source_id!r}: {quote!r}"))
    return found


def _target_file(path: Path, data: Any) -> Path | None:
    """The target file a measured file belongs to: ``X.yaml`` next to ``X.measured.yaml``,
    else ``<city>.yaml`` next to it (``city:`` of the measured file)."""
    names = []
    if path.name.endswith(MEASURED_SUFFIX):
        names.append(path.name.removesuffix(MEASURED_SUFFIX) + ".yaml")
    city = data.get("city") if isinstance(data, dict) else None
    if isinstance(city, str) and city and "/" not in city and "\\" not in city:
        names.append(city + ".yaml")
    for n in names:
        candidate = path.with_name(n)
        if candidate != path and candidate.is_file():
            return candidate
    return None


def sibling_measured(path: Path) -> Path | None:
    """``X.measured.yaml`` next to a target file ``X.yaml``, if there is one."""
    if path.name.endswith(MEASURED_SUFFIX) or path.suffix != ".yaml":
        return None
    measured = path.with_name(path.stem + MEASURED_SUFFIX)
    return measured if measured.is_file() else None


def validate_file(path: Path, sources_dir: Path | None,
                  seen: dict[Path, TargetFile | None] | None = None,
                  tally: Counter[str] | None = None) -> list[Finding]:
    """All findings for one target or measured file.

    ``seen`` holds target files already validated in this run (by resolved path), so a
    measured file is checked against its city's targets without parsing them again.
    A measured file without a target file is a finding: its indicators cannot be checked.
    """
    seen = {} if seen is None else seen
    tally = Counter() if tally is None else tally
    loaded = load(path)
    if not loaded.ok:
        return loaded.findings
    name = loaded.path
    model: MeasuredFile | TargetFile | None
    if _is_measured(path, loaded.data):
        sibling = _target_file(path, loaded.data)
        targets = None
        if sibling is not None:
            key = sibling.resolve()
            if key not in seen:
                seen[key] = read_targets(sibling)[0]
            targets = seen[key]
        model, findings = to_model(loaded.data, MeasuredFile, name)
        if model is not None:
            findings = check_measured(loaded.data, model, name, targets)
            if sibling is None:
                expected = path.name.removesuffix(MEASURED_SUFFIX) + ".yaml"
                findings.append(Finding(name, 0, 0, "no-targets",
                                        f"no target file for this measured file (expected "
                                        f"{expected!r} or '<city>.yaml' next to it): its "
                                        f"indicators cannot be checked"))
            elif targets is not None:
                findings += _source_dates(loaded.data, model, name, targets)
                if not findings:
                    findings += _conflicts(loaded.data, model, name, targets)
    else:
        tf, findings = to_model(loaded.data, TargetFile, name)
        if tf is not None:
            findings = check_targets(loaded.data, tf, name)
        seen[path.resolve()] = tf
        model = tf
    if model is not None and sources_dir is not None:
        findings += _quotes(loaded.data, model, name, sources_dir, tally)
    return _with_placeholders(review_placeholders(loaded.data, name, loaded.strings), findings)


def _conflicts(doc: Any, mf: MeasuredFile, name: str, targets: TargetFile) -> list[Finding]:
    """Warnings for figures two sources give differently (planck/read/conflicts.py), from
    the tree already read (a file is read and parsed once)."""
    from planck.read import units
    from planck.read.conflicts import conflicting_pairs, findings
    from planck.read.dataset import measured_obs

    if any(units.check(i.unit) for i in targets.indicators):
        return []  # figures cannot be compared in an unknown unit (the target file says so)
    obs, _ = measured_obs(doc, mf, name, targets)
    return findings(conflicting_pairs(obs))


def _with_placeholders(marks: list[Finding], findings: list[Finding]) -> list[Finding]:
    """Every review placeholder first; a schema complaint about the same value is dropped
    (``start: REVIEW`` is one thing to fix, not two)."""
    at = {(f.line, f.col) for f in marks}
    return marks + [f for f in findings if (f.line, f.col) not in at]


def _source_dates(doc: Any, mf: MeasuredFile, name: str, tf: TargetFile) -> list[Finding]:
    """A source id means one document with one publication date in both of a city's files."""
    dates = {s.id: s.date for s in tf.sources}
    found = []
    for i, s in enumerate(mf.sources):
        if s.id in dates and dates[s.id] != s.date:
            line, col = key_position(doc["sources"][i], "date" if s.date else "id")
            found.append(Finding(name, line, col, "source-date",
                                 f"source {s.id!r} has date {s.date} here but "
                                 f"{dates[s.id]} in the target file: one source, one date"))
    return found


def _validate_group(job: tuple) -> tuple:
    """Runs in a worker: one city's files, a target file and then its measured file, each
    validated with the target's model at hand; (index, findings) per file and the tally."""
    files, sources_dir = job
    seen: dict[Path, TargetFile | None] = {}
    tally: Counter[str] = Counter()
    return [(i, validate_file(f, sources_dir, seen, tally)) for i, f in files], tally


def validate_paths(paths: list[Path], sources_dir: Path | None,
                   tally: Counter[str] | None = None, workers: int | None = None
                   ) -> tuple[int, list[Finding]]:
    """(number of files checked, findings) for files and folders. A target file brings its
    measured file along (a rename in one breaks the other). City by city: a target file and
    then its measured file, which is checked against the target's model without parsing it
    again; nothing of a city is kept once its files are checked (on every core for many
    cities). Findings come in the order of the files, target files first."""
    from planck.pool import pool_map

    files, findings = expand(paths)
    known = {_resolved(f) for f in files}
    for f in list(files):
        sibling = sibling_measured(f)
        if sibling is not None and _resolved(sibling) not in known:
            known.add(_resolved(sibling))
            files.append(sibling)
    ordered = sorted(files, key=lambda p: p.name.endswith(MEASURED_SUFFIX))
    waiting: dict[Path, list[int]] = {}
    for i, f in enumerate(ordered):
        if f.name.endswith(MEASURED_SUFFIX):
            waiting.setdefault(f, []).append(i)
    groups: list[list[tuple[int, Path]]] = []
    for i, f in enumerate(ordered):
        if f.name.endswith(MEASURED_SUFFIX):
            continue
        group = [(i, f)]
        # the measured file whose own name names this target file (its first choice)
        pair = waiting.get(f.with_name(f.stem + MEASURED_SUFFIX)) if f.suffix == ".yaml" else None
        if pair and f.is_file():
            j = pair.pop(0)
            group.append((j, ordered[j]))
        groups.append(group)
    groups += [[(j, ordered[j])] for left in waiting.values() for j in left]
    by_index: dict[int, list[Finding]] = {}
    jobs = [(group, sources_dir) for group in groups]
    for found, counted in pool_map(_validate_group, jobs, workers, acyclic=True):
        by_index.update(found)
        if tally is not None:
            tally.update(counted)
    for i in range(len(ordered)):
        findings += by_index.pop(i)
    return len(files), findings


#: ``planck list`` and ``planck validate``'s summary in both languages (validate imports
#: nothing from render, so its words live here).
WORDS = words_of("summary")


def review_summary(findings: list) -> str | None:
    """One line naming what a draft still needs (the REVIEW placeholders of planck extract),
    per file with its line numbers, or None when nothing is marked so."""
    marked: dict[str, list[int]] = {}
    for f in findings:
        if f.code == "review-placeholder":
            marked.setdefault(f.file, []).append(f.line)
    if not marked:
        return None

    def lines(nums: list[int]) -> str:
        shown = ", ".join(str(n) for n in nums[:12])
        return shown + (f", … ({len(nums) - 12} more)" if len(nums) > 12 else "")

    total = sum(len(v) for v in marked.values())
    return (f"planck: {total} field(s) still to review (REVIEW, left by planck extract): "
            + "; ".join(f"{log(name)} line(s) {lines(nums)}" for name, nums in marked.items()))


def validate_summary(files: int, tally: dict[str, int] | None, lang: str = "en") -> str:
    """``planck: 10 file(s) valid`` and, when quotes were checked, how many."""
    words = WORDS[lang]
    return words["files_valid"].format(files=files) + (
        "" if tally is None else words["quotes_checked"].format(
            verified=tally["verified"], unchecked=tally["unchecked"]))


def city_listing(folder: Path, lang: str = "en") -> str:
    """A few lines per city: names, plans, target and observation counts, in ``lang``."""
    words = WORDS[lang]

    def count(n: int, noun: str) -> str:  # ``1 target``, ``2 targets``
        return words[f"n_{noun}" if n == 1 else f"n_{noun}s"].format(n=n)

    lines = [f"{log(folder)}:"]
    for path in city_files(folder):
        bad = name_finding(path)
        if bad is not None:  # shown with its bytes escaped, never read
            lines.append(f"  {'?':<14} " + words["invalid_city"].format(path=log(bad.file)))
            continue
        tf, findings = read_targets(path)
        if tf is None or findings:
            lines.append(f"  {log(path.stem):<14} "
                         + words["invalid_city"].format(path=log(path)))
            continue
        measured = path.with_name(path.stem + MEASURED_SUFFIX)
        loaded = load(measured) if measured.is_file() else None
        items = loaded.data.get("observations") if loaded and loaded.ok else None
        n_obs = len(items) if isinstance(items, list) else 0
        lines.append(f"  {log(tf.city.id):<14} " + words["city_line"].format(
            name=log(tf.city.name_zh), name_en=log(tf.city.name_en),
            targets=count(len(tf.targets), "target"),
            observations=count(n_obs, "observation")))
        for p in tf.plans:
            n = sum(t.plan == p.id for t in tf.targets)
            years = str(p.start) if p.start == p.end else f"{p.start}–{p.end}"
            lines.append("    " + words["plan_line"].format(
                id=log(p.id), years=years, title=log(p.title_zh), targets=count(n, "target")))
    if len(lines) == 1:
        lines.append("  " + words["no_cities"])
    return "\n".join(lines) + "\n"


def measured_findings(doc: Any, mf: MeasuredFile, name: str,
                      targets: TargetFile | None) -> list[Finding]:
    """The checks ``validate_file`` runs on a parsed measured file with its target file;
    record and import run them on the text they are about to write."""
    findings = check_measured(doc, mf, name, targets)
    if targets is not None:
        findings += _source_dates(doc, mf, name, targets)
    return findings
