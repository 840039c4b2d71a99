"""harvest --city: the figures matched to a city's indicators, proposed (new / same / differs)
with the status changes they would cause, and --write through record's machinery."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from planck.cli.common import _err, _fail, _out, _usage
from planck.findings import Finding, PlanckError


def _city(city: str, directory: Path) -> tuple[Path, Any, dict[str, int], Path, Any]:
    """(target file, its model, its targets' lines, measured file, its model or None); exit 2
    on a bad city."""
    from planck.cli.data import _city_files
    from planck.read.dataset import measured_path, targets_with_lines
    from planck.read.loader import load
    from planck.read.model import MeasuredFile
    from planck.read.validate import to_model

    if "_bundled" in directory.resolve().parts:  # reading only: planck's own copy will do
        path = directory / f"{city}.yaml"
        if "/" in city or not path.is_file():
            _city_files(city, directory)  # says why, with a did-you-mean, and exits
        tf, findings, lines = targets_with_lines(path)
        if tf is None or findings:
            raise _fail(findings)
        measured = measured_path(path)
    else:
        path, tf, lines, measured = _city_files(city, directory)
    mf = None
    if measured.is_file():
        loaded = load(measured)
        mf = to_model(loaded.data, MeasuredFile, loaded.path)[0] if loaded.ok else None
        if not loaded.ok or mf is None:
            raise _fail(loaded.findings or [Finding(str(measured), 0, 0, "invalid",
                                                    "not a valid measured file: run planck validate")])
    return path, tf, lines, measured, mf


def _source(frame: Any, url: str | None, issuer: str | None, day: date | None, mf: Any,
            file: str = "") -> tuple[str, list[Any], dict[str, Any]]:
    """(source id, sources to add, the CSV's source columns): the source already recorded for
    the document (its url is --url, or its title or file is the document's), else a new one
    built from the document (its title, --issuer, --date, --url)."""
    from planck.cli.data import _source_id
    from planck.write.entries import NewSource

    known = list(mf.sources) if mf is not None else []
    same = [s.id for s in known if url and s.url == url] + \
        [s.id for s in known if frame.title and s.title == frame.title] + \
        [s.id for s in known if file and s.file == file]
    if same:
        return same[0], [], {"source": same[0]}
    sid = _source_id(url, day, {s.id for s in known})
    new = NewSource(sid, frame.title or "", issuer or "", day, url)
    return sid, [new], {"source": sid, "source_title": new.title, "source_issuer": new.issuer,
                        "source_date": day.isoformat() if day else "", "source_url": url or ""}


def _observations(proposals: list[Any], source: str) -> list[Any]:
    from planck.harvest.numbers import clean
    from planck.write.entries import NewObservation, parse_number, parse_period

    out = []
    for p, _ in proposals:
        if p.status not in ("new", "differs"):
            continue
        f = p.figure
        period, _why = parse_period(f.period)
        number, _why = parse_number(f.value)
        if period is None or number is None:  # harvest writes only years and months
            continue
        note = None
        if p.status == "differs":
            note = "a new vintage; recorded too: " + "; ".join(
                f"{clean(v):g} {u} ({s}: {q})" for v, u, s, q in p.recorded)
        out.append(NewObservation(p.indicator, period, number, f.unit, source, f.quote,
                                  isinstance(period, str) and not period.endswith("-12"), note,
                                  f.bound, f.estimate))
    return out


def _changes(target: Path, tf: Any, lines: dict[str, int], measured: Path,
             observations: list[Any], sources: list[Any]) -> dict[str, list[str]]:
    """indicator id → 'target: old → new' for every target whose status the records change
    (judged from the edit planned in memory; nothing is written)."""
    from planck.cli.data import _statuses
    from planck.write.record import plan_edit

    text = measured.read_text(encoding="utf-8-sig") if measured.is_file() else \
        f"planck: 1\ncity: {tf.city.id}\n"
    edit = plan_edit(text, str(measured), tf, observations, sources, False, date.today())
    if not edit.changed or edit.after is None:
        return {}
    before = _statuses(target, tf, lines, measured, edit.before) if edit.before else {}
    after = _statuses(target, tf, lines, measured, edit.after)
    of = {t.id: t.indicator for t in tf.targets}
    out: dict[str, list[str]] = {}
    for tid, new in after.items():
        old = before.get(tid, "no_data")
        if old != new and tid in of:
            out.setdefault(of[tid], []).append(f"{tid}: {old} → {new}")
    return out


def for_city(read: list[tuple[Path, Any, Any]], city: str, fmt: str, mode: str, url: str | None,
             issuer: str | None, day: date | None, targets_dir: Path | None) -> None:
    """Propose (mode 'show'), show the diff too ('dry-run'), or record ('write')."""
    from planck.harvest.propose import propose
    from planck.harvest.render import csv_rows, proposals_table, to_csv, to_json

    if mode == "write":
        from planck.cli.data import _data_dir

        directory = _data_dir(targets_dir)
    else:
        from planck.read.dataset import targets_dir as resolve

        directory = resolve(targets_dir)
    target, tf, lines, measured, mf = _city(city, directory)
    proposals = [(p, str(path)) for path, _, hv in read for p in propose(hv.figures, tf, mf)]
    frame = read[0][1]
    sid, sources, columns = _source(frame, url, issuer, day, mf, read[0][0].name)
    observations = _observations(proposals, sid) if len(read) == 1 else []
    missing = [name for name, given in (("--date", day), ("--url", url), ("--issuer", issuer))
               if not given] if observations and sources else []
    if missing:
        what = {"--date": "when", "--url": "where", "--issuer": "by whom"}
        need = (", ".join(missing) + " for a new source (" + ", ".join(what[m] for m in missing) +
                " the document was published: never guessed)")
        if mode == "write":
            raise _usage(f"--write needs {need}")
        _err(f"planck: note: --write would need {need}")
    if mode == "write":
        from planck.cli.data import apply_edit

        if not observations:
            _err(f"planck: nothing new to record for {city} ({_count(proposals)})")
            return
        apply_edit(target, measured, directory, tf, lines, observations, sources, False, False)
        return
    refused = False
    try:
        changes = _changes(target, tf, lines, measured, observations, sources) \
            if observations and not missing else {}
    except PlanckError as err:
        changes, refused = {}, True
        _err("planck: note: --write would refuse these records: " + str(err.findings[0]))
    for p, _ in proposals:
        if p.status in ("new", "differs") and p.indicator:
            p.changes = changes.get(p.indicator, [])
    figures = [f for _, _, hv in read for f in hv.figures]
    if fmt == "json":
        from planck.harvest.render import proposal_json

        _out(to_json(figures, {"proposals": [proposal_json(p, f) for p, f in proposals]}))
    elif fmt == "csv":
        _out(to_csv(csv_rows(proposals, columns)))
    else:
        _out(proposals_table(proposals))
    if mode == "dry-run" and observations and fmt == "table" and not (missing or refused):
        from planck.cli.data import apply_edit

        apply_edit(target, measured, directory, tf, lines, observations, sources, False, True)
    _err(f"planck: {city}: {_count(proposals)}")


def _count(proposals: list[tuple[Any, str]]) -> str:
    from collections import Counter

    n = Counter(p.status for p, _ in proposals)
    return ", ".join(f"{n[k]} {k}" for k in ("new", "differs", "same", "unmatched"))


