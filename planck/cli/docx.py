"""``planck report --format docx``: the evaluation document of each city, written through the
guarded write (atomic, never over a file planck did not write unless --force), or compared
byte for byte with ``--check``."""

from __future__ import annotations

from pathlib import Path

import typer

from planck.cli.common import GATE_FAILED, _err, _fail, _lang, _refused, _safe_streams, _usage, parse_date
from planck.findings import Finding, PlanckError


def docx_reports(jobs: list[tuple[str, Path]], directory: Path, check_only: bool, as_of,
                 lang: str, force: bool, follow_symlinks: bool) -> None:
    """Write (or with ``check_only`` compare) the document of each (city, file) job."""
    from planck.cli.progress_bar import progress
    from planck.write import guarded
    from planck.write.docxreport import city_document
    from planck.write.target import data_files

    _safe_streams()
    lang_, when = _lang(lang), parse_date(as_of)
    inputs = guarded.identities(data_files(directory) + [Path(c) for c, _ in jobs])
    for _, path in jobs:
        if str(path) == "-":
            raise _usage("-o -: a .docx document cannot go to stdout; give a file name")
        if path.suffix.lower() != ".docx":
            raise _usage(f"{path}: not a document file name: give one ending in .docx")
    documents: list[tuple[Path, bytes]] = []
    findings: list[Finding] = []
    with progress(len(jobs), "documents") as tick:
        for name, path in jobs:
            try:
                documents.append((path, city_document(name, directory, when, lang_)))
            except PlanckError as err:
                findings += err.findings
            finally:
                tick()
    if findings:
        raise _fail(findings)
    if check_only:
        stale = [path for path, data in documents if not _same(path, data)]
        for path in stale:
            why = "out of date" if path.exists() else "missing"
            _err(f"{path}: {why} (regenerate with `planck report --all --format docx` or "
                 "`make reports`)")
        if stale:
            raise typer.Exit(GATE_FAILED)
        _err(f"planck: {len(documents)} document(s) up to date")
        return
    final = {}
    for path, _ in documents:  # every path first: a refusal leaves all of them as they were
        try:
            final[path] = guarded.check(path, force=force, follow_symlinks=follow_symlinks,
                                        roots=[directory], inputs=inputs)
        except guarded.Refused as why:
            raise _refused("report", why) from None
    for path, data in documents:
        try:
            guarded.write_file(final[path], data, checked=True)
        except OSError as err:
            raise _usage(f"{path}: cannot write: {err.strerror or err}") from None
        _err(f"planck: wrote {path}")


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() == data
    except OSError:
        return False
