"""Dataset: find a city's files, load and validate them, and resolve observations.

The result, ``CityData``, is everything ``evaluate`` needs: the validated target file, the
line of every target, and every observation converted into its indicator's unit.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from planck import operators
from planck.findings import Finding, PlanckError
from planck.frozen import frozen
from planck.read import units
from planck.read.loader import load, locate
from planck.read.model import CopyOf, MeasuredFile, Source, TargetFile
from planck.read.validate import check_measured, check_targets, to_model

MEASURED_SUFFIX = ".measured.yaml"


@frozen(kw_only=True)
class Obs:
    """One figure as read, resolved: its value in the indicator's unit (``unit``), as the
    source gave it (``given_value`` in ``given_unit``), its source, quote, file and line.
    The judge decides on it and the result carries this same object
    (``planck.result.Figure``)."""

    indicator: str
    period: int | str
    year: int
    value: float
    unit: str
    given_value: float
    given_unit: str
    partial: bool
    pin: bool
    source: str
    source_title: str
    source_date: date
    url: str | None
    quote: str
    file: str
    line: int
    order: int
    #: the original its source's page copies (``Source.copy_of``), shown beside the source
    copy_of: CopyOf | None = None
    #: "lower" / "upper" for a figure given only as a bound
    bound: str | None = None
    #: an estimate (预计): replaced by any actual figure for its period
    estimate: bool = False
    #: a revised figure: it replaces other sources' figures without a conflict
    revision: bool = False
    #: the column of the observation's item (findings about it point there)
    col: int = 0


@frozen
class CityData:
    """A validated city: targets, where each target sits, and resolved observations."""

    targets: TargetFile
    path: str
    lines: dict[str, int]
    observations: tuple[Obs, ...]
    factors: dict[str, float] = field(default_factory=dict)
    measured_paths: tuple[str, ...] = ()
    #: every source of the measured files, in file order (export lists them all)
    measured_sources: tuple[Source, ...] = ()
    #: findings that do not stop the evaluation (conflicting figures)
    warnings: tuple[Finding, ...] = ()

    @property
    def id(self) -> str:
        return self.targets.city.id


def period_end(year: int, month: int) -> date:
    """Last day of a period: the date assumed for an undated source's figure."""
    return date(year + 1, 1, 1) - timedelta(days=1) if month == 12 else (
        date(year, month + 1, 1) - timedelta(days=1))


def bundled_dir() -> Path:
    """The target files shipped with planck (wheel), or the checkout's ``targets/``."""
    here = Path(__file__).resolve().parent.parent  # planck/, the package root
    packaged = here / "_bundled" / "targets"
    return packaged if packaged.is_dir() else here.parent / "targets"


def chosen_dir(option: Path | None = None) -> Path | None:
    """--targets-dir, else $PLANCK_TARGETS, else ./targets if it exists: the folder the user
    chose, or None when there is none (reading then falls back to the bundled copy; writing
    must not, planck writes only where it is told)."""
    if option is not None:
        return option
    env = os.environ.get("PLANCK_TARGETS")
    if env:
        return Path(env)
    local = Path("targets")
    return local if local.is_dir() else None


def targets_dir(option: Path | None = None) -> Path:
    """--targets-dir, else $PLANCK_TARGETS, else ./targets, else the bundled copy."""
    chosen = chosen_dir(option)
    return chosen if chosen is not None else bundled_dir()


def name_finding(path: Path | str) -> Finding | None:
    """A finding for a file name that is not UTF-8 (git and Linux allow any bytes): no
    report, page, JSON or log could name it, so it is refused; None for a good name."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        shown = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        return Finding(shown, 0, 0, "file-name", "file name is not UTF-8: rename it "
                       "(planck could not show it in a report, a page or JSON)")
    return None


def city_files(directory: Path) -> list[Path]:
    """Target files (not measured files) in a directory, sorted by name."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.glob("*.yaml") if not p.name.endswith(MEASURED_SUFFIX))


def measured_path(target_path: Path) -> Path:
    return target_path.with_name(target_path.name.removesuffix(".yaml") + MEASURED_SUFFIX)


def resolve_target_path(city_or_file: str, directory: Path) -> Path:
    """A city id (``luoyang``) or a path to a target file."""
    candidate = Path(city_or_file)
    if candidate.suffix in (".yaml", ".yml") or os.sep in city_or_file:
        if _for_the_loader(candidate):
            return candidate
        raise PlanckError([Finding(city_or_file, 0, 0, "not-found", "no such file")])
    path = directory / f"{city_or_file}.yaml"
    if _for_the_loader(path):
        return path
    known = ", ".join(p.stem for p in city_files(directory)) or "none"
    raise PlanckError([Finding(str(path), 0, 0, "unknown-city",
                               f"no city {city_or_file!r} in {directory} (known: {known})")])


def _for_the_loader(path: Path) -> bool:
    """A name the loader should read and word: a file, or anything there that is not a
    folder. A FIFO or device it names without reading; a symlink loop or a dangling link it
    names as ``validate`` does ("cannot read file: Too many levels of symbolic links"), not
    "no such file"."""
    return path.is_file() or (os.path.lexists(path) and not path.is_dir())


def read_targets(path: Path) -> tuple[TargetFile | None, list[Finding]]:
    """Load and validate one target file."""
    tf, findings, _ = _read_targets(path)
    return tf, findings


def targets_with_lines(path: Path) -> tuple[TargetFile | None, list[Finding], dict[str, int]]:
    """Load and validate one target file; also the line of every target."""
    return _read_targets(path)


def _read_targets(path: Path) -> tuple[TargetFile | None, list[Finding], dict[str, int]]:
    """Load and validate one target file; also the line of every target."""
    loaded = load(path)
    if not loaded.ok:
        return None, loaded.findings, {}
    tf, findings = to_model(loaded.data, TargetFile, loaded.path)
    if tf is None:
        return None, findings, {}
    lines = {t.id: locate(loaded.data, ("targets", i))[0] for i, t in enumerate(tf.targets)}
    return tf, check_targets(loaded.data, tf, loaded.path), lines


def read_measured(path: Path, targets: TargetFile | None, order: int = 0
                  ) -> tuple[list[Obs], list[Finding], tuple[Source, ...]]:
    """Load, validate and resolve one measured file against its city's targets: its
    observations, its findings and the sources it lists."""
    loaded = load(path)
    if not loaded.ok:
        return [], loaded.findings, ()
    mf, findings = to_model(loaded.data, MeasuredFile, loaded.path)
    if mf is None:
        return [], findings, ()
    obs, findings = measured_obs(loaded.data, mf, loaded.path, targets, order)
    return obs, findings, tuple(mf.sources)


def measured_obs(doc: Any, mf: MeasuredFile, name: str, targets: TargetFile | None,
                 order: int = 0) -> tuple[list[Obs], list[Finding]]:
    """A parsed measured file's observations in their indicators' units, or its findings."""
    findings = check_measured(doc, mf, name, targets)
    if findings or targets is None:
        return [], findings
    unit_of = {i.id: i.unit for i in targets.indicators}
    src = {s.id: s for s in mf.sources}
    obs = []
    for i, o in enumerate(mf.observations):
        s = src[o.source]
        line, col = locate(doc, ("observations", i))
        published = s.date or period_end(o.year, o.month)
        obs.append(Obs(indicator=o.indicator, period=o.period, year=o.year,
                       value=units.convert(o.value, o.unit, unit_of[o.indicator]),
                       unit=unit_of[o.indicator], given_value=o.value, given_unit=o.unit,
                       partial=o.partial, pin=o.pin,
                       source=s.id, source_title=s.title, source_date=published, url=s.url,
                       quote=o.quote, file=name, line=line,
                       order=order * 1_000_000 + i, copy_of=s.copy_of, bound=o.bound,
                       estimate=o.estimate, revision=o.revision, col=col))
    return obs, []


def _factors(tf: TargetFile) -> dict[str, float]:
    """Per target: multiply its value by this to get the indicator's unit."""
    unit_of = {i.id: i.unit for i in tf.indicators}
    out = {}
    for t in tf.targets:
        ind = unit_of[t.indicator]
        kind = operators.get(t.op).value_kind
        if (t.unit is None or kind in ("rate", "percent", "factor")
                or (kind == "change" and units.percent_change_unit(ind, t.unit))):
            out[t.id] = 1.0
        else:
            out[t.id] = units.factor(t.unit, ind)
    return out


def load_city(city_or_file: str, directory: Path, extra_measured: Sequence[Path] = ()) -> CityData:
    """Everything about one city, or PlanckError with every finding in its files."""
    path = resolve_target_path(city_or_file, directory)
    tf, findings, lines = _read_targets(path)
    if tf is None or findings:
        raise PlanckError(findings)
    # lexists, not is_file: a dangling symlink or a FIFO named like the measured file is a
    # finding, not silently "no data" for every target (issue 9)
    measured = [measured_path(path)] if os.path.lexists(measured_path(path)) else []
    measured += list(extra_measured)
    observations: list[Obs] = []
    sources: list[Source] = []
    for order, mpath in enumerate(measured):
        obs, found, listed = read_measured(mpath, tf, order)
        findings += found
        observations += obs
        sources += listed
    if findings:
        raise PlanckError(findings)
    return CityData(tf, str(path), lines, tuple(observations), _factors(tf),
                    tuple(str(m) for m in measured), tuple(sources), _conflicts(observations))


def _conflicts(observations: Sequence[Obs]) -> tuple[Finding, ...]:
    from planck.read.conflicts import conflicting_pairs, findings

    return tuple(findings(conflicting_pairs(observations)))


def city_data(path: Path, tf: TargetFile, lines: dict[str, int], measured: Path,
              doc: Any, mf: MeasuredFile) -> CityData | None:
    """A city from files already parsed (``doc``/``mf``: its one measured file), as
    ``load_city`` would read it; None when the measured file has findings."""
    obs, findings = measured_obs(doc, mf, str(measured), tf)
    if findings:
        return None
    return CityData(tf, str(path), lines, tuple(obs), _factors(tf), (str(measured),),
                    tuple(mf.sources), _conflicts(obs))
