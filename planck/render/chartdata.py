"""What one indicator's chart shows, gathered from results and observations (no drawing).

``planck.render.svg`` draws a ``ChartSpec``; the site and the markdown reports both build
theirs here, so the two always show the same thing. The required trajectory comes from
``planck.judge.trajectory`` (the verdict's own base point and method).

The x axis is years as bands: year y covers y − 0.5 … y + 0.5. An annual figure stands for
its whole year and sits in the middle of its band; a part-year figure through month m sits at
that month's end inside its year's band; a part-year figure whose months are not stated sits
in the middle of its band, drawn and named as part-year. Targets cover the plan's years only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from planck.judge.trajectory import has_level, trajectory
from planck.render.text import num
from planck.result import Result
from planck.words import section

LABELS = section("chart")


@dataclass(frozen=True)
class Point:
    """One figure on the chart: ``x`` is its place on the year axis (see the module doc)."""

    x: float
    value: float
    period: str
    kind: str  # measured | baseline | partial | estimate
    source: str = ""


@dataclass(frozen=True)
class Path:
    target: str
    method: str
    points: tuple[tuple[float, float], ...]
    tag: int = 0  # which target (colour and dash) it belongs to
    name: str = ""  # the promise as worded, for the legend


@dataclass(frozen=True)
class Level:
    """A target (or 力争) level drawn from ``start`` to ``end`` on the x axis (None: the
    whole axis); ``target`` names it in the legend (the promise as worded, not an id)."""

    value: float
    kind: str  # target | stretch
    target: str
    text: str
    tag: int = 0
    start: float | None = None
    end: float | None = None


@dataclass(frozen=True)
class ChartSpec:
    """Everything drawn for one indicator; ``desc`` is the chart's text alternative.
    ``bands`` are (low, high, name) with an optional x span in ``band_spans``."""

    title: str
    unit: str
    points: tuple[Point, ...]
    paths: tuple[Path, ...] = ()
    levels: tuple[Level, ...] = ()
    bands: tuple[tuple[float, float, str], ...] = ()
    deadline: int | None = None
    desc: str = ""
    lang: str = "en"
    legend: tuple[str, ...] = field(default=())
    band_spans: tuple[tuple[float | None, float | None, int], ...] = ()

    @property
    def observations(self) -> int:
        return sum(p.kind != "baseline" for p in self.points)


def obs_point(period: int | str, value: float, source: str = "", partial: bool = False,
              estimate: bool = False) -> Point:
    """A measured figure: annual (int period), part-year through a month ("YYYY-MM"), or
    part-year of a year whose months are not stated (int period with ``partial``); an
    estimate (预计) of a year is drawn and named apart from a measured figure."""
    if isinstance(period, int):
        kind = "partial" if partial else "estimate" if estimate else "measured"
        return Point(float(period), value, str(period), kind, source)
    year, month = int(period[:4]), int(period[5:7])
    return Point(year - 0.5 + month / 12, value, period, "partial", source)


def pace_required(r: Result) -> bool:
    """A pace is still required: no final verdict yet and the latest figure does not already
    meet the target (a met target needs no path to it)."""
    if r.verdict.final or r.verdict.status == "met":
        return False
    return r.progress.attainment is None or r.progress.attainment < 100


def _path(r: Result, requested: str, tag: int, name: str) -> Path | None:
    tr = trajectory(r, requested)
    if tr is None or not pace_required(r):
        return None
    # Four samples a year draw a compound path smoothly; the ends are exact.
    steps = (tr.deadline - tr.base_year) * 4
    pts = []
    for i in range(steps + 1):
        x = tr.base_year + i / 4
        v = tr.at(x)
        if v is not None:
            pts.append((x, v))
    return Path(r.id, tr.method, tuple(pts), tag, name)


def build(results: Sequence[Result], observed: Sequence[Point], lang: str = "en",
          paces: dict[str, str] | None = None, title: str = "",
          starts: dict[str, int] | None = None) -> ChartSpec | None:
    """The chart of the indicator shared by ``results`` (None when there is no figure to
    draw: an empty frame says nothing).

    ``observed`` are the figures picked as the verdict picks them (annual and part-year);
    ``paces`` maps a target id to its ``pace`` field; ``starts`` a plan id to its first year
    (target lines then cover the plan's years only).
    """
    from planck.readable import promise

    if not results or not any(p.kind != "baseline" for p in observed):
        return None
    first = results[0]
    unit = first.unit
    seen = {p.x for p in observed if p.kind == "measured"}
    points = list(observed)
    paths, levels, bands, spans = [], [], [], []
    tag = 0
    for r in results:
        e = r.evidence
        if e.baseline is not None and e.baseline_year is not None \
                and float(e.baseline_year) not in seen:
            seen.add(float(e.baseline_year))
            points.append(Point(float(e.baseline_year), e.baseline, str(e.baseline_year),
                                "baseline"))
        if not has_level(r.target.op):
            continue
        start = (starts or {}).get(r.plan)
        x0 = None if start is None else start - 0.5
        x1 = r.deadline + 0.5
        by = f" · {LABELS[lang]['by']} {r.deadline}"
        name = promise(r, lang) + by
        path = _path(r, (paces or {}).get(r.id, "auto"), tag, name)
        if path is not None:
            paths.append(path)
        if r.target.low is not None and r.target.high is not None:  # a range, or a value ± tolerance
            bands.append((r.target.low, r.target.high, promise(r, lang, span=False) + by))
            spans.append((x0, x1, tag))
        elif r.target.goal is not None:
            levels.append(Level(r.target.goal, "target", name, num(r.target.goal), tag, x0, x1))
        if r.stretch is not None:
            levels.append(Level(float(r.stretch), "stretch", name, num(r.stretch), tag, x0, x1))
        tag += 1
    paths, levels = _merged(paths), _merged(levels)
    points.sort(key=lambda p: (p.x, p.kind))
    deadline = max(r.deadline for r in results)
    spec = ChartSpec(title or first.name, unit, tuple(points), tuple(paths), tuple(levels),
                     tuple(bands), deadline, lang=lang, band_spans=tuple(spans))
    return _described(spec)


def _merged(items: list) -> list:
    """Several targets on one line (same path, same level) drawn once, naming them all."""
    from dataclasses import replace

    def key(o):
        named = {"target": "", "tag": 0} | ({"name": ""} if isinstance(o, Path) else {})
        return replace(o, **named)

    out: list = []
    for item in items:
        same = next((i for i, o in enumerate(out) if key(o) == key(item)), None)
        if same is None:
            out.append(item)
            continue
        o = out[same]
        joined = {"target": f"{o.target}; {item.target}"}
        if isinstance(o, Path):
            joined = {"target": f"{o.target}, {item.target}", "name": f"{o.name}; {item.name}"}
        out[same] = replace(o, **joined)
    return out


def _described(spec: ChartSpec) -> ChartSpec:
    """The same chart with its text alternative: every figure, target and trajectory."""
    from dataclasses import replace

    w = LABELS[spec.lang]
    punct = section("punct")[spec.lang]
    sep = punct["part_sep"]
    figures = [f"{p.period}: {num(p.value)}" + (f" ({w['baseline']})" if p.kind == "baseline"
                                                 else f" ({w['part']})" if p.kind == "partial"
                                                 else f" ({w['est']})" if p.kind == "estimate"
                                                 else "") for p in spec.points]
    parts = [f"{spec.title} ({spec.unit})",
             f"{w['values']}: " + (", ".join(figures) if figures else w["none"])]
    for lv in spec.levels:
        parts.append(f"{w[lv.kind]} {lv.text} ({lv.target})")
    for low, high, name in spec.bands:
        parts.append(f"{w['band']} {num(low)}–{num(high)} ({name})")
    for p in spec.paths:
        (x0, v0), (x1, v1) = p.points[0], p.points[-1]
        parts.append(f"{w['required']} ({w[p.method]}, {p.name or p.target}) {w['from']} {num(round(v0, 2))}"
                     f" ({x0:.0f}) {w['to']} {num(round(v1, 2))} ({x1:.0f})")
    if spec.deadline is not None:
        parts.append(f"{w['deadline']} {spec.deadline}")
    return replace(spec, desc=sep.join(parts) + punct["sentence_end"])
