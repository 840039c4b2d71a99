"""Generate a SYNTHETIC national-scale planck data set for benchmarks (issue 6, part 4).

    python bench/gen_scale.py DIR [--cities 300] [--seed 6]

Writes DIR/city-0001.yaml + DIR/city-0001.measured.yaml, ... : N cities x 60 targets x 5 years
of observations (2021-2025), valid planck files (`planck validate DIR` accepts them) with a
realistic mix of operators, units (万元 observations against 亿元 indicators, 家, 件/万人, %, 位,
项, 百分点), Chinese names and verbatim-style quotes.

Everything here is made up: city ids are `city-NNNN`, URLs point at example.org and every file
starts with a comment saying it is synthetic. Never copy these files into targets/.

Deterministic: city k depends only on (seed, k), so the 30-city set is a prefix of the 300-city
set, which is a prefix of the 3000-city set (useful to see linearity).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

TARGETS_PER_CITY = 60
YEARS = (2021, 2022, 2023, 2024, 2025)
BASE_YEAR = 2020

# Operator mix for the 60 targets of a city (sums to 60), roughly what the seeds show:
# mostly level targets (不少于/达到/突破), then 新增, 年均增长, 翻番, 左右, 全覆盖 ...
OP_MIX = (
    ("at_least", 16), ("more_than", 5), ("about", 5), ("between", 4), ("increase_by", 7),
    ("multiple_of", 4), ("annual_growth", 5), ("coverage", 4), ("rank_at_most", 3),
    ("per_year", 4), ("near_reference", 3),
)
assert sum(n for _, n in OP_MIX) == TARGETS_PER_CITY

# Indicator templates per kind: (id stem, name_zh, name_en, unit, base range 2020)
MONEY = (
    ("rd-expenditure", "全社会研发经费投入", "Total R&D expenditure"),
    ("fiscal-st-spending", "财政科技投入", "Fiscal S&T spending"),
    ("tech-contract-turnover", "技术合同成交额", "Technology contract turnover"),
    ("high-tech-output", "高新技术产业产值", "High-tech industry output"),
    ("venture-investment", "科技风险投资额", "Venture investment in technology"),
    ("digital-economy-output", "数字经济核心产业增加值", "Digital economy core value added"),
)
COUNTS = (
    ("high-tech-enterprises", "高新技术企业数", "High-tech enterprises"),
    ("tech-smes", "(国家)科技型中小企业数", "(National) tech-based SMEs"),
    ("innovation-platforms", "创新平台载体", "Innovation platforms and carriers"),
    ("new-rd-institutions", "新型研发机构", "New-type R&D institutions"),
    ("incubators", "孵化载体", "Incubation carriers"),
    ("pilot-bases", "中试基地", "Pilot-scale bases"),
    ("industrial-research-institutes", "产业研究院", "Industrial research institutes"),
    ("engineering-centres", "工程技术研究中心", "Engineering technology research centres"),
    ("key-labs", "重点实验室", "Key laboratories"),
    ("specialised-smes", "专精特新中小企业", "Specialised and innovative SMEs"),
)
PERCENT = (
    ("rd-intensity", "全社会研发经费投入强度", "R&D intensity"),
    ("high-tech-industry-share", "高新技术产业增加值占规上工业增加值比重",
     "High-tech share of industrial value added"),
    ("enterprise-rd-share", "规上工业企业研发活动覆盖率", "Share of firms with R&D activity"),
    ("digital-economy-share", "数字经济占生产总值比重", "Digital economy share of GDP"),
    ("tech-progress-contribution", "科技进步贡献率", "Contribution of technological progress"),
)
RATES = (
    ("invention-patents-per-10k", "每万人口发明专利拥有量", "Invention patents per 10,000 people"),
    ("high-value-invention-patents-per-10k", "每万人口高价值发明专利拥有量",
     "High-value invention patents per 10,000 people"),
)
PATENTS = (("invention-patents", "发明专利授权量", "Invention patents granted"),)
PROJECTS = (
    ("major-demo-projects", "市级重大创新示范专项", "Municipal major innovation demo projects"),
    ("key-rd-projects", "重大科技专项", "Major S&T projects"),
)
RANKS = (
    ("hi-tech-zone-rank", "高新区全国综合排名", "Hi-tech zone national rank"),
    ("innovation-index-rank", "城市创新能力指数排名", "City innovation index rank"),
)

SYLLABLES = "安宁平阳清河东西南北华昌兴隆永泰新城山川江源广临长丰德顺"
PROVINCES = (("河南省", "Henan"), ("湖北省", "Hubei"), ("山东省", "Shandong"),
             ("河北省", "Hebei"), ("安徽省", "Anhui"), ("江西省", "Jiangxi"),
             ("湖南省", "Hunan"), ("四川省", "Sichuan"), ("陕西省", "Shaanxi"))


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def num(x: float) -> str:
    """A YAML number: integers stay integers, floats get at most 2 decimals, never exponents."""
    if float(x).is_integer():
        return str(int(x))
    return f"{x:.2f}".rstrip("0").rstrip(".") if abs(x) >= 0.01 else "0.01"


def shown(x: float) -> str:
    """A number as a Chinese document prints it (no thousands separators)."""
    return num(x)


class City:
    """One synthetic city: builds the two files' text."""

    def __init__(self, k: int, seed: int):
        self.k = k
        self.rng = random.Random(f"planck-bench-{seed}-{k}")
        self.id = f"city-{k:04d}"
        r = self.rng
        self.name_zh = r.choice(SYLLABLES) + r.choice(SYLLABLES) + "市"
        self.name_en = f"Synthetic City {k:04d}"
        self.province_zh, self.province_en = r.choice(PROVINCES)
        self.pre = f"c{k:04d}"
        self.indicators: list[dict] = []
        self.targets: list[dict] = []
        self.series: dict[str, dict[int, float]] = {}
        self.obs_unit: dict[str, str] = {}

    # --- indicators and targets -------------------------------------------------------------

    def _indicator(self, n: int, pool, unit: str, direction: str = "higher") -> dict:
        stem, zh, en = pool[n % len(pool)]
        # The first use of a stem keeps the shared id (so `planck compare` could line cities up);
        # later uses get a numbered, city-specific id.
        used = {i["id"] for i in self.indicators}
        iid = stem if stem not in used else f"{stem}-{n:02d}"
        ind = {"id": iid, "name_zh": zh if iid == stem else f"{zh}(专项{n:02d})",
               "name_en": en if iid == stem else f"{en} (series {n:02d})",
               "unit": unit, "direction": direction}
        self.indicators.append(ind)
        return ind

    def _trajectory(self, base: float, goal: float, perf: float, integer: bool = False,
                    noise: float = 0.03) -> dict[int, float]:
        """Observed values 2021-2025 heading from ``base`` towards ``goal`` at ``perf`` of the pace."""
        r = self.rng
        out = {}
        for y in YEARS:
            frac = (y - BASE_YEAR) / (2025 - BASE_YEAR) * perf
            if base > 0 and goal > 0:
                v = base * (goal / base) ** frac
            else:
                v = base + (goal - base) * frac
            v *= 1 + r.uniform(-noise, noise)
            out[y] = max(0.0, round(v) if integer else round(v, 2))
        return out

    def build(self) -> None:
        r = self.rng
        ops = [op for op, n in OP_MIX for _ in range(n)]
        r.shuffle(ops)
        # The reference series for near_reference targets (the province's average R&D intensity).
        self.indicators.append({"id": "province-rd-intensity-avg", "name_zh": "全省平均研发经费投入强度",
                                "name_en": "Province average R&D intensity", "unit": "%",
                                "direction": "higher"})
        ref_base = round(r.uniform(1.6, 2.2), 2)
        self.series["province-rd-intensity-avg"] = self._trajectory(ref_base, ref_base * 1.2, 1.0)
        self.obs_unit["province-rd-intensity-avg"] = "%"
        for n, op in enumerate(ops):
            getattr(self, f"_t_{op}")(n, r.uniform(0.7, 1.3))

    def _target(self, n: int, ind: dict, op: str, wording: str, quote: str, **fields) -> None:
        plan = "outline" if n % 3 == 0 else "sti"
        t = {"id": f"{self.pre}-{ind['id']}-{op.replace('_', '-')}-2025", "plan": f"{self.pre}-14th-{plan}",
             "indicator": ind["id"], "op": op, **fields, "deadline": 2025, "wording": wording,
             "source": f"{self.pre}-{plan}-plan", "quote": quote}
        self.targets.append(t)

    def _money(self, n: int, perf: float, growth: tuple[float, float]):
        ind = self._indicator(n, MONEY, "亿元")
        base = round(self.rng.uniform(5, 200), 2)
        goal = round(base * self.rng.uniform(*growth))
        self.series[ind["id"]] = self._trajectory(base, goal, perf)
        # A third of the money series are published in 万元 (converted to the indicator's 亿元).
        self.obs_unit[ind["id"]] = "万元" if self.rng.random() < 0.35 else "亿元"
        return ind, base, goal

    def _count(self, n: int, perf: float, lo=50, hi=3000, growth=(1.3, 2.2)):
        ind = self._indicator(n, COUNTS, "家")
        base = self.rng.randint(lo, hi)
        goal = round(base * self.rng.uniform(*growth))
        self.series[ind["id"]] = self._trajectory(base, goal, perf, integer=True)
        self.obs_unit[ind["id"]] = "家"
        return ind, base, goal

    def _t_at_least(self, n: int, perf: float) -> None:
        kind = n % 4
        if kind == 0:
            ind, base, goal = self._money(n, perf, (1.4, 2.4))
            self._target(n, ind, "at_least", "达到", f"{ind['name_zh']}达到{shown(goal)}亿元",
                         value=goal, baseline={"year": BASE_YEAR, "value": base})
        elif kind == 1:
            ind, base, goal = self._count(n, perf)
            self._target(n, ind, "at_least", "不少于", f"{ind['name_zh']}不少于{goal}家",
                         value=goal, unit="家", baseline={"year": BASE_YEAR, "value": base})
        elif kind == 2:
            ind = self._indicator(n, RATES, "件/万人")
            base = round(self.rng.uniform(2, 15), 2)
            goal = round(base * self.rng.uniform(1.3, 2.0), 1)
            self.series[ind["id"]] = self._trajectory(base, goal, perf)
            self.obs_unit[ind["id"]] = "件/万人"
            self._target(n, ind, "at_least", "达", f"{ind['name_zh']}达{shown(goal)}件",
                         value=goal, baseline={"year": BASE_YEAR, "value": base})
        else:
            ind = self._indicator(n, PERCENT, "%")
            base = round(self.rng.uniform(20, 45), 1)
            goal = round(base + self.rng.uniform(3, 10))
            self.series[ind["id"]] = self._trajectory(base, goal, perf, noise=0.01)
            self.obs_unit[ind["id"]] = "%"
            self._target(n, ind, "at_least", "不低于", f"{ind['name_zh']}不低于{goal}%",
                         value=goal, unit="%", baseline={"year": BASE_YEAR, "value": base})

    def _t_more_than(self, n: int, perf: float) -> None:
        ind, base, goal = self._money(n, perf, (1.5, 2.5))
        self._target(n, ind, "more_than", "突破", f"{ind['name_zh']}突破{shown(goal)}亿元",
                     value=goal, unit="亿元", baseline={"year": BASE_YEAR, "value": base,
                                                        "quote": f"{ind['name_zh']}{shown(base)}亿元"})

    def _t_about(self, n: int, perf: float) -> None:
        ind = self._indicator(n, PERCENT, "%")
        base = round(self.rng.uniform(1.5, 2.8), 2)
        goal = round(base + self.rng.uniform(0.4, 1.2), 2)
        self.series[ind["id"]] = self._trajectory(base, goal, perf, noise=0.01)
        self.obs_unit[ind["id"]] = "%"
        extra = {"tolerance": 0.05} if n % 2 else {}
        self._target(n, ind, "about", "左右", f"{ind['name_zh']}达到{shown(goal)}%左右",
                     value=goal, **extra, baseline={"year": BASE_YEAR, "value": base})

    def _t_between(self, n: int, perf: float) -> None:
        ind = self._indicator(n, COUNTS, "家")
        low = self.rng.randint(1, 5)
        high = low + self.rng.randint(1, 5)
        self.series[ind["id"]] = self._trajectory(0.0, high, perf, integer=True, noise=0)
        self.obs_unit[ind["id"]] = "家"
        self._target(n, ind, "between", "争创", f"争创{low}—{high}家{ind['name_zh']}",
                     low=low, high=high)

    def _t_increase_by(self, n: int, perf: float) -> None:
        if n % 3 == 0:  # a % indicator raised by N 百分点 (percentage points)
            ind = self._indicator(n, PERCENT, "%")
            base = round(self.rng.uniform(30, 60), 1)
            pts = self.rng.randint(3, 10)
            self.series[ind["id"]] = self._trajectory(base, base + pts, perf, noise=0.005)
            self.obs_unit[ind["id"]] = "%"
            self._target(n, ind, "increase_by", "提高", f"{ind['name_zh']}提高{pts}个百分点",
                         value=pts, unit="百分点", baseline={"year": BASE_YEAR, "value": base})
        else:
            ind, base, goal = self._count(n, perf, 20, 400)
            new = goal - base
            self._target(n, ind, "increase_by", "新增", f"新增{ind['name_zh']}{new}家",
                         value=new, baseline={"year": BASE_YEAR, "value": base})

    def _t_multiple_of(self, n: int, perf: float) -> None:
        if n % 2:
            ind, base, _ = self._money(n, perf, (2.0, 2.0))
        else:
            ind, base, _ = self._count(n, perf, 100, 2000, (2.0, 2.0))
        self._target(n, ind, "multiple_of", "翻番", f"{ind['name_zh']}实现翻番",
                     value=2, baseline={"year": BASE_YEAR, "value": base})

    def _t_annual_growth(self, n: int, perf: float) -> None:
        rate = self.rng.choice((8, 10, 12, 15, 20, 30))
        if n % 2:
            ind = self._indicator(n, PATENTS, "件")
            base = self.rng.randint(300, 5000)
            goal = base * (1 + rate / 100) ** 5
            self.series[ind["id"]] = self._trajectory(base, goal, perf, integer=True)
            self.obs_unit[ind["id"]] = "件"
        else:
            ind, base, _ = self._money(n, perf, (1.0, 1.0))
            goal = base * (1 + rate / 100) ** 5
            self.series[ind["id"]] = self._trajectory(base, goal, perf)
        self._target(n, ind, "annual_growth", "年均增长", f"{ind['name_zh']}年均增长{rate}%以上",
                     value=rate, unit="%", baseline={"year": BASE_YEAR, "value": base})

    def _t_coverage(self, n: int, perf: float) -> None:
        ind = self._indicator(n, PERCENT, "%")
        base = round(self.rng.uniform(40, 85), 1)
        self.series[ind["id"]] = {y: min(100.0, v) for y, v in
                                  self._trajectory(base, 100, perf, noise=0.01).items()}
        self.obs_unit[ind["id"]] = "%"
        self._target(n, ind, "coverage", "全覆盖", f"实现{ind['name_zh']}全覆盖", value=100, unit="%")

    def _t_rank_at_most(self, n: int, perf: float) -> None:
        ind = self._indicator(n, RANKS, "位", direction="lower")
        base = self.rng.randint(40, 90)
        goal = self.rng.choice((20, 30, 35))
        self.series[ind["id"]] = self._trajectory(base, goal, perf, integer=True, noise=0.02)
        self.obs_unit[ind["id"]] = "位"
        self._target(n, ind, "rank_at_most", f"前{goal}名", f"{ind['name_zh']}进入全国前{goal}名",
                     value=goal, unit="位")

    def _t_per_year(self, n: int, perf: float) -> None:
        ind = self._indicator(n, PROJECTS, "项")
        amount = self.rng.randint(3, 12)
        self.series[ind["id"]] = {y: float(max(0, round(amount * self.rng.uniform(0.7, 1.4))))
                                  for y in YEARS}
        self.obs_unit[ind["id"]] = "项"
        self._target(n, ind, "per_year", "每年", f"每年组织实施{amount}项{ind['name_zh']}",
                     value=amount)

    def _t_near_reference(self, n: int, perf: float) -> None:
        ind = self._indicator(n, PERCENT, "%")
        ref = self.series["province-rd-intensity-avg"]
        self.series[ind["id"]] = {y: round(ref[y] * self.rng.uniform(0.75, 1.0) * (0.9 + 0.1 * perf), 2)
                                  for y in YEARS}
        self.obs_unit[ind["id"]] = "%"
        self._target(n, ind, "near_reference", "接近", f"{ind['name_zh']}接近全省平均水平",
                     reference="province-rd-intensity-avg")

    # --- text ---------------------------------------------------------------------------------

    def target_text(self) -> str:
        p = self.pre
        out = [
            f"# SYNTHETIC benchmark data (bench/gen_scale.py): {self.id} is not a real city.",
            "# Do not copy into targets/. Numbers, names, documents and quotes are made up.",
            "planck: 1",
            "city:",
            f"  id: {self.id}",
            f"  name_zh: {self.name_zh}",
            f"  name_en: {self.name_en}",
            f"  province_zh: {self.province_zh}",
            f"  province_en: {self.province_en}",
            "sources:",
            f"  - id: {p}-outline-plan",
            f"    title: {self.name_zh}国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要",
            f"    issuer: {self.name_zh}人民政府",
            f"    doc_number: {self.name_zh[:2]}政〔2021〕{self.k % 40 + 1}号",
            "    date: 2021-03-30",
            f"    url: https://example.org/synthetic/{self.id}/outline",
            f"  - id: {p}-sti-plan",
            f"    title: {q(self.name_zh + '“十四五”科技创新规划')}",
            f"    issuer: {self.name_zh}人民政府办公室",
            "    date: 2022-04-19",
            f"    url: https://example.org/synthetic/{self.id}/sti",
            "plans:",
            f"  - id: {p}-14th-outline",
            f"    title_zh: {self.name_zh}“十四五”规划纲要",
            f"    title_en: {self.name_en} 14th Five-Year Plan Outline",
            "    start: 2021",
            "    end: 2025",
            f"    source: {p}-outline-plan",
            f"  - id: {p}-14th-sti",
            f"    title_zh: {self.name_zh}“十四五”科技创新规划",
            f"    title_en: {self.name_en} 14th Five-Year Plan for S&T Innovation",
            "    start: 2021",
            "    end: 2025",
            f"    source: {p}-sti-plan",
            "indicators:",
        ]
        for ind in self.indicators:
            unit = q(ind["unit"]) if ind["unit"] == "%" else ind["unit"]
            out += [f"  - id: {ind['id']}", f"    name_zh: {ind['name_zh']}",
                    f"    name_en: {q(ind['name_en'])}", f"    unit: {unit}",
                    f"    direction: {ind['direction']}"]
        out.append("targets:")
        for i, t in enumerate(self.targets):
            if i % 10 == 0:
                out.append(f"  # targets {i + 1}-{min(i + 10, len(self.targets))}")
            out.append(f"  - id: {t['id']}")
            for key in ("plan", "indicator", "op", "value", "low", "high", "unit", "tolerance",
                        "reference", "deadline", "baseline", "wording", "source", "quote"):
                if key not in t:
                    continue
                v = t[key]
                if key == "baseline":
                    parts = [f"year: {v['year']}", f"value: {num(v['value'])}"]
                    if "quote" in v:
                        parts.append(f"quote: {q(v['quote'])}")
                    out.append(f"    baseline: {{{', '.join(parts)}}}")
                elif key in ("value", "low", "high", "tolerance", "deadline"):
                    out.append(f"    {key}: {num(v)}")
                elif key == "unit":
                    out.append(f"    unit: {q(v) if v == '%' else v}")
                elif key == "quote":
                    # Mix plain and double-quoted scalars, as hand-written files do.
                    out.append(f"    quote: {q(v) if i % 2 else v}")
                else:
                    out.append(f"    {key}: {v}")
        return "\n".join(out) + "\n"

    def measured_text(self) -> str:
        p = self.pre
        out = [
            f"# SYNTHETIC benchmark data (bench/gen_scale.py): observations for {self.id}, 2021-2025.",
            "# Do not copy into targets/. Every figure and quote is made up.",
            "planck: 1",
            f"city: {self.id}",
            "sources:",
        ]
        for y in YEARS:
            out += [f"  - id: {p}-bulletin-{y}",
                    f"    title: {y}年{self.name_zh}国民经济和社会发展统计公报",
                    f"    issuer: {self.name_zh}统计局",
                    f"    date: {y + 1}-03-{(self.k % 20) + 5:02d}",
                    f"    url: https://example.org/synthetic/{self.id}/bulletin-{y}"]
        out.append("observations:")
        names = {i["id"]: i["name_zh"] for i in self.indicators}
        for iid, series in self.series.items():
            unit = self.obs_unit[iid]
            for y, v in series.items():
                value = v * 10000 if unit == "万元" else v
                uq = q(unit) if unit == "%" else unit
                out += [f"  - indicator: {iid}",
                        f"    period: {y}",
                        f"    value: {num(value)}",
                        f"    unit: {uq}",
                        "    partial: false",
                        f"    source: {p}-bulletin-{y}",
                        f"    quote: {q(names[iid] + num(value) + unit)}"]
        return "\n".join(out) + "\n"


def generate(directory: Path, cities: int = 300, seed: int = 6) -> Path:
    """Write ``cities`` synthetic cities into ``directory`` (created if needed)."""
    directory.mkdir(parents=True, exist_ok=True)
    for k in range(1, cities + 1):
        c = City(k, seed)
        c.build()
        (directory / f"{c.id}.yaml").write_text(c.target_text(), encoding="utf-8")
        (directory / f"{c.id}.measured.yaml").write_text(c.measured_text(), encoding="utf-8")
    return directory


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("directory", type=Path, help="output folder (never targets/)")
    ap.add_argument("--cities", type=int, default=300)
    ap.add_argument("--seed", type=int, default=6)
    args = ap.parse_args(argv)
    if args.directory.resolve().name == "targets":
        ap.error("refusing to write synthetic data into a folder named targets/")
    t0 = time.perf_counter()
    generate(args.directory, args.cities, args.seed)
    print(f"{args.cities} synthetic cities in {args.directory} "
          f"({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
