"""File-level checks behind ``planck validate`` and ``planck list``: which file is which kind,
and whether every quote appears verbatim in its source document (provenance)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planck.escape import log
from planck.findings import Finding
from planck.read.dataset import MEASURED_SUFFIX, city_files, read_targets
from planck.read.loader import key_position, load
from planck.read.model import MeasuredFile, TargetFile
from planck.read.validate import check_measured, check_targets, to_model


def expand(paths: list[Path]) -> tuple[list[Path], list[Finding]]:
    """Files named directly, plus every *.yaml/*.yml below named folders."""
    files, missing = [], []
    for p in paths:
        if p.is_dir():
            files += sorted(q for q in p.rglob("*") if q.suffix in (".yaml", ".yml") and q.is_file())
        elif p.is_file():
            files.append(p)
        else:
            missing.append(Finding(str(p), 0, 0, "not-found", "no such file or folder"))
    return files, missing


def _is_measured(path: Path, data: Any) -> bool:
    return path.name.endswith(MEASURED_SUFFIX) or (
        isinstance(data, dict) and "observations" in data and "targets" not in data)


def _document(sources_dir: Path, src: Any) -> str | None:
    """Text of a source's document in ``sources_dir``: by its ``file`` name, else by its id."""
    candidates = [sources_dir / src.file] if src.file else sorted(sources_dir.glob(f"{src.id}.*"))
    for c in candidates:
        if c.is_file():
            return c.read_text(encoding="utf-8", errors="replace")
    return None


def _quotes(doc: Any, model: TargetFile | MeasuredFile, name: str, sources_dir: Path
            ) -> list[Finding]:
    """Every quote whose source document is in ``sources_dir`` must appear in it verbatim."""
    texts = {s.id: _document(sources_dir, s) for s in model.sources}
    found = []
    for i, s in enumerate(model.sources):
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
            if text is None or quote in text:
                continue
            node = doc
            for part in path:
                node = node[part]
            line, col = key_position(node, "quote")
            found.append(Finding(name, line, col, "quote-not-found",
                                 f"quote not found verbatim in source {source_id!r}: {quote!r}"))
    return found


def validate_file(path: Path, sources_dir: Path | None,
                  seen: dict[Path, TargetFile | None] | None = None) -> list[Finding]:
    """All findings for one target or measured file.

    ``seen`` holds target files already validated in this run (by resolved path), so a
    measured file is checked against its city's targets without parsing them again.
    """
    seen = {} if seen is None else seen
    loaded = load(path)
    if not loaded.ok:
        return loaded.findings
    name = loaded.path
    model: MeasuredFile | TargetFile | None
    if _is_measured(path, loaded.data):
        sibling = path.with_name(path.name.removesuffix(MEASURED_SUFFIX) + ".yaml")
        targets = None
        if sibling.is_file() and sibling != path:
            key = sibling.resolve()
            if key not in seen:
                seen[key] = read_targets(sibling)[0]
            targets = seen[key]
        model, findings = to_model(loaded.data, MeasuredFile, name)
        if model is not None:
            findings = check_measured(loaded.data, model, name, targets)
    else:
        tf, findings = to_model(loaded.data, TargetFile, name)
        if tf is not None:
            findings = check_targets(loaded.data, tf, name)
        seen[path.resolve()] = tf
        model = tf
    if model is not None and sources_dir is not None:
        findings += _quotes(loaded.data, model, name, sources_dir)
    return findings


def validate_paths(paths: list[Path], sources_dir: Path | None) -> tuple[int, list[Finding]]:
    """(number of files checked, findings) for files and folders. Target files go first, so
    each is parsed once even though its measured file needs it too."""
    files, findings = expand(paths)
    seen: dict[Path, TargetFile | None] = {}
    for f in sorted(files, key=lambda p: p.name.endswith(MEASURED_SUFFIX)):
        findings += validate_file(f, sources_dir, seen)
    return len(files), findings


def city_listing(folder: Path) -> str:
    """A few lines per city: names, plans, target and observation counts."""
    lines = [f"{log(folder)}:"]
    for path in city_files(folder):
        tf, findings = read_targets(path)
        if tf is None or findings:
            lines.append(f"  {log(path.stem):<14} (invalid: run `planck validate {log(path)}`)")
            continue
        measured = path.with_name(path.stem + MEASURED_SUFFIX)
        loaded = load(measured) if measured.is_file() else None
        items = loaded.data.get("observations") if loaded and loaded.ok else None
        n_obs = len(items) if isinstance(items, list) else 0
        lines.append(f"  {tf.city.id:<14} {log(tf.city.name_zh)} {log(tf.city.name_en)}: "
                     f"{len(tf.targets)} targets, {n_obs} observations")
        for p in tf.plans:
            count = sum(t.plan == p.id for t in tf.targets)
            lines.append(f"    {p.id} ({p.start}–{p.end}) {log(p.title_zh)}: {count} targets")
    if len(lines) == 1:
        lines.append("  (no cities)")
    return "\n".join(lines) + "\n"
