"""What one indicator's chart shows, gathered from results and observations (no drawing).

``planck.render.svg`` draws a ``ChartSpec``; the site and the markdown reports both build
theirs here, so the two always show the same thing. The required trajectory comes from
``planck.judge.trajectory`` (the verdict's own base point and method).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from planck.judge.trajectory import has_level, trajectory
from planck.render.text import num
from planck.result import Result

LABELS = {
    "en": {"measured": "measured", "baseline": "baseline (stated in the plan)",
           "partial": "part-year figure", "part": "part-year",
           "required": "required trajectory",
           "target": "target", "band": "target range", "stretch": "stretch level (力争)",
           "deadline": "deadline", "due": "due", "year": "Year",
           "none": "No figure yet.", "values": "Figures", "linear": "linear",
           "geometric": "compound growth", "from": "from", "to": "to", "by": "by",
           "chart": "Chart"},
    "zh": {"measured": "实测值", "baseline": "基数（规划所列）", "partial": "非全年数据",
           "part": "非全年",
           "required": "应达轨迹", "target": "目标", "band": "目标区间", "stretch": "力争水平",
           "deadline": "期限", "due": "期限", "year": "年份", "none": "尚无数据。",
           "values": "数据", "linear": "线性", "geometric": "复合增长", "from": "自",
           "to": "至", "by": "期限", "chart": "图表"},
}


@dataclass(frozen=True)
class Point:
    """One figure on the chart. ``x`` is the year (a part-year figure through month m of year
    y sits at y − 1 + m/12, since an annual figure stands for the year's end)."""

    x: float
    value: float
    period: str
    kind: str  # measured | baseline | partial
    source: str = ""


@dataclass(frozen=True)
class Path:
    target: str
    method: str
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Level:
    value: float
    kind: str  # target | stretch
    target: str
    text: str


@dataclass(frozen=True)
class ChartSpec:
    """Everything drawn for one indicator; ``desc`` is the chart's text alternative."""

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

    @property
    def observations(self) -> int:
        return sum(p.kind != "baseline" for p in self.points)


def obs_point(period: int | str, value: float, source: str = "") -> Point:
    """A measured figure: annual (int period) or part-year ("YYYY-MM")."""
    if isinstance(period, int):
        return Point(float(period), value, str(period), "measured", source)
    year, month = int(period[:4]), int(period[5:7])
    return Point(year - 1 + month / 12, value, period, "partial", source)


def _path(r: Result, requested: str) -> Path | None:
    tr = trajectory(r, requested)
    if tr is None:
        return None
    # Four samples a year draw a compound path smoothly; the ends are exact.
    steps = (tr.deadline - tr.base_year) * 4
    pts = []
    for i in range(steps + 1):
        x = tr.base_year + i / 4
        v = tr.at(x)
        if v is not None:
            pts.append((x, v))
    return Path(r.id, tr.method, tuple(pts))


def build(results: Sequence[Result], observed: Sequence[Point], lang: str = "en",
          paces: dict[str, str] | None = None, title: str = "") -> ChartSpec | None:
    """The chart of the indicator shared by ``results`` (None when nothing can be drawn).

    ``observed`` are the figures picked as the verdict picks them (annual and part-year);
    ``paces`` maps a target id to its ``pace`` field.
    """
    if not results:
        return None
    first = results[0]
    unit = first.unit
    seen = {p.x for p in observed if p.kind == "measured"}
    points = list(observed)
    paths, levels, bands = [], [], []
    for r in results:
        if r.baseline is not None and r.baseline_year is not None \
                and float(r.baseline_year) not in seen:
            seen.add(float(r.baseline_year))
            points.append(Point(float(r.baseline_year), r.baseline, str(r.baseline_year),
                                "baseline"))
        if not has_level(r.target.op):
            continue
        path = _path(r, (paces or {}).get(r.id, "auto"))
        if path is not None:
            paths.append(path)
        if r.target.low is not None and r.target.high is not None:  # a range, or a value ± tolerance
            bands.append((r.target.low, r.target.high, r.id))
        elif r.target.goal is not None:
            levels.append(Level(r.target.goal, "target", r.id, num(r.target.goal)))
        if r.stretch is not None:
            levels.append(Level(float(r.stretch), "stretch", r.id, num(r.stretch)))
    if not points and not levels and not bands:
        return None
    paths, levels = _merged(paths), _merged(levels)
    points.sort(key=lambda p: (p.x, p.kind))
    deadline = max(r.deadline for r in results)
    spec = ChartSpec(title or first.name, unit, tuple(points), tuple(paths), tuple(levels),
                     tuple(bands), deadline, lang=lang)
    return _described(spec, results)


def _merged(items: list) -> list:
    """Several targets on one line (same path, same level) drawn once, naming them all."""
    from dataclasses import replace

    out: list = []
    for item in items:
        same = next((i for i, o in enumerate(out)
                     if replace(o, target=item.target) == item), None)
        if same is None:
            out.append(item)
        else:
            out[same] = replace(out[same], target=f"{out[same].target}, {item.target}")
    return out


def _described(spec: ChartSpec, results: Sequence[Result]) -> ChartSpec:
    """The same chart with its text alternative: every figure, target and trajectory."""
    from dataclasses import replace

    w = LABELS[spec.lang]
    sep = "；" if spec.lang == "zh" else "; "
    figures = [f"{p.period}: {num(p.value)}" + (f" ({w['baseline']})" if p.kind == "baseline"
                                                 else f" ({w['part']})" if p.kind == "partial"
                                                 else "") for p in spec.points]
    parts = [f"{spec.title} ({spec.unit})",
             f"{w['values']}: " + (", ".join(figures) if figures else w["none"])]
    for lv in spec.levels:
        parts.append(f"{w[lv.kind]} {lv.text} ({lv.target})")
    for low, high, tid in spec.bands:
        parts.append(f"{w['band']} {num(low)}–{num(high)} ({tid})")
    for p in spec.paths:
        (x0, v0), (x1, v1) = p.points[0], p.points[-1]
        parts.append(f"{w['required']} ({w[p.method]}, {p.target}) {w['from']} {num(round(v0, 2))}"
                     f" ({x0:.0f}) {w['to']} {num(round(v1, 2))} ({x1:.0f})")
    if spec.deadline is not None:
        parts.append(f"{w['deadline']} {spec.deadline}")
    return replace(spec, desc=sep.join(parts) + ("。" if spec.lang == "zh" else "."))
