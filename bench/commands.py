"""Every per-place command at national scale, against the libyaml floor (issue 27).

    python bench/commands.py [--sizes 30,300] [--runs 1] [--only check,validate,...]
                             [--pythonpath DIR] [--json FILE]

For each size N (bench/gen_scale.py's synthetic cities, cached in .bench/) and each command,
in turn with the floor so that a change in the machine's load falls on both alike:

* floor: ``python -c`` that imports PyYAML and loads every file of the data set with its C
  loader (libyaml), i.e. the least any command that reads the files must do;
* check --all -f json, validate DIR, report --all, diff --all, export --all, site (a new
  folder, then again unchanged: the incremental run, then with one city's measured file
  changed: ``site-one``), and import of a 10,000-row table into
  a copy of one city's measured file (its floor: a libyaml load of that city's two files
  after the import, whatever the size).

Figures are CPU (user + sys of the child and its workers, which a busy machine disturbs much
less than wall time), the ratio to the floor's CPU in the same round, and the peak RSS of the
largest process. Outputs go to a scratch folder under .bench/ and are thrown away.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench  # noqa: E402

FLOOR = ("import sys, glob, yaml\n"
         "for f in sorted(glob.glob(sys.argv[1] + '/*.yaml')):\n"
         "    with open(f, 'rb') as h: yaml.load(h, Loader=yaml.CSafeLoader)\n")
COMMANDS = ("check", "validate", "report", "diff", "export", "site", "site-again", "site-one",
            "import")


def import_table(path: Path, data: Path, rows: int = 10_000) -> Path:
    """A table of ``rows`` monthly figures for city-0001's indicators (each quote writes its
    number, as validate requires)."""
    import re

    text = (data / "city-0001.yaml").read_text(encoding="utf-8")
    indicators = re.findall(r"^  - id: ([a-z0-9-]+)\n    name_zh:", text, re.M)
    assert indicators, "no indicators found in city-0001.yaml"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["indicator", "period", "value", "source_title", "source_issuer",
                    "source_date", "source_url", "source", "quote"])
        n = 0
        for year in range(2025, 1900, -1):
            for month in range(1, 12):
                for ind in indicators:
                    if n == rows:
                        return path
                    value = 100 + n
                    w.writerow([ind, f"{year}-{month:02d}", value, "月度统计", "统计局",
                                "2026-01-15", "https://example.org/monthly", "monthly",
                                f"截至{year}年{month}月，该项为{value}。"])
                    n += 1
    return path


def specs(planck: list[str], data: Path, scratch: Path) -> dict[str, tuple[list[str], object]]:
    """name -> (command, preparation run before each timed run, untimed)."""
    site = scratch / "site"

    def fresh_site():
        shutil.rmtree(site, ignore_errors=True)

    def import_copy():
        imp = scratch / "import"
        shutil.rmtree(imp, ignore_errors=True)
        imp.mkdir()
        for name in ("city-0001.yaml", "city-0001.measured.yaml"):
            shutil.copy(data / name, imp / name)

    one = scratch / "one"

    def one_changed():
        # the same data with one city's measured file changed (a comment added): the files
        # are linked, so this costs nothing; the site folder is the one site-again used
        shutil.rmtree(one, ignore_errors=True)
        one.mkdir()
        for path in sorted(data.iterdir()):
            if path.name == "city-0001.measured.yaml":
                (one / path.name).write_bytes(path.read_bytes() + b"# changed\n")
            elif path.is_file():
                os.link(path, one / path.name)

    table = scratch / "rows.csv"
    if not table.exists():
        import_table(table, data)
    d = str(data)
    return {
        "check": ([*planck, "check", "--all", "-f", "json", "--targets-dir", d], None),
        "validate": ([*planck, "validate", d], None),
        "report": ([*planck, "report", "--all", "--targets-dir", d, "--reports-dir",
                    str(scratch / "reports")], None),
        "diff": ([*planck, "diff", "--all", "--from", "2024-01-01", "-f", "json",
                  "--targets-dir", d], None),
        "export": ([*planck, "export", "--all", "-o", str(scratch / "all.xlsx"),
                    "--targets-dir", d, "--force"], None),
        "site": ([*planck, "site", "-o", str(site), "--targets-dir", d], fresh_site),
        "site-again": ([*planck, "site", "-o", str(site), "--targets-dir", d], None),
        "site-one": ([*planck, "site", "-o", str(site), "--targets-dir", str(one)], one_changed),
        "import": ([*planck, "import", str(table), "--city", "city-0001", "--targets-dir",
                    str(scratch / "import")], import_copy),
    }


def _growth(results: list[dict], cities: int, command: str) -> str:
    """CPU per place at ``cities`` ÷ CPU per place at the smallest size measured (``import``
    does the same work at every size, so its ratio is of totals)."""
    mine = [r for r in results if r["command"] == command]
    here = next((r for r in mine if r["cities"] == cities), None)
    if here is None or not mine:
        return ""
    first = min(mine, key=lambda r: r["cities"])
    per = (lambda r: r["cpu_s"]) if command == "import" else (lambda r: r["cpu_s"] / r["cities"])
    return f"{per(here) / per(first):.2f}x"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="30,300")
    ap.add_argument("--runs", type=int, default=1, help="paired runs per command and size")
    ap.add_argument("--only", default=",".join(COMMANDS))
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--timeout", type=float, default=3600)
    ap.add_argument("--pythonpath", type=Path)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    python = sys.executable
    planck = [bench.venv_bin("planck")]
    if args.pythonpath:
        bench.EXTRA_ENV["PYTHONPATH"] = str(args.pythonpath.resolve())
        planck = [python, "-P", "-m", "planck"]
    wanted = [c for c in args.only.split(",") if c]
    load = os.getloadavg()[0]
    commit = bench.git("rev-parse", "--short", "HEAD").strip() or "?"
    what = f"planck from {args.pythonpath}" if args.pythonpath else commit
    header = (f"planck commands bench · {what} · Python {platform.python_version()} · "
              f"{os.cpu_count()} CPUs · load {load:.2f} · {time.strftime('%Y-%m-%d %H:%M')}")
    bench.log(header)
    rows, results = [], []
    for n in [int(s) for s in args.sizes.split(",") if s]:
        data = bench.dataset(n, args.seed)
        scratch = bench.CACHE / f"commands-{n}-{os.getpid()}"
        scratch.mkdir(parents=True, exist_ok=True)
        table = specs(planck, data, scratch)
        floor_cmd = [python, "-c", FLOOR, str(data)]
        for name in wanted:
            cmd, prepare = table[name]
            floors, runs = [], []
            for _ in range(args.runs):
                if name != "import":
                    floors.append(bench.run_once(floor_cmd))
                if prepare:
                    prepare()
                try:
                    runs.append(bench.run_once(cmd, ok_codes=(0, 1), timeout=args.timeout))
                except (TimeoutError, RuntimeError) as err:
                    bench.log(f"  {n} {name}: {str(err).splitlines()[0]}")
                    break
                if name == "import":  # its floor: a libyaml load of the city it grew
                    floors.append(bench.run_once([python, "-c", FLOOR,
                                                  str(scratch / "import")]))
            if not runs:
                rows.append([str(n), name, "failed", "", "", "", ""])
                continue
            fcpu = statistics.median(r.cpu for r in floors)
            cpu = statistics.median(r.cpu for r in runs)
            ratios = [r.cpu / f.cpu for r, f in zip(runs, floors[:len(runs)], strict=True)]
            wall = statistics.median(r.seconds for r in runs)
            rss = max(r.max_rss_mb for r in runs)
            row = [str(n), name, f"{cpu:.2f} s", f"{fcpu:.2f} s",
                   f"{statistics.median(ratios):.2f}x", f"{wall:.2f} s", f"{rss:.0f} MB"]
            bench.log("  " + "  ".join(row))
            rows.append(row)
            results.append({"cities": n, "command": name, "cpu_s": cpu, "floor_cpu_s": fcpu,
                            "ratios": ratios, "wall_s": wall, "max_rss_mb": rss,
                            "floor_rss_mb": max(f.max_rss_mb for f in floors)})
        shutil.rmtree(scratch, ignore_errors=True)
    for row in rows:  # CPU per place against the same command's first size
        row.append(_growth(results, int(row[0]), row[1]))
    out = [header, "", "CPU = user+sys of the command and its workers (median); floor = libyaml "
           "load of the same files, run in turn with it; ratio = median of the paired ratios; "
           "growth = CPU per place ÷ CPU per place at the first size (1.00 is linear):",
           bench.table(["places", "command", "cpu", "floor cpu", "÷ floor", "wall", "max RSS",
                        "growth"], rows, right={0, 2, 3, 4, 5, 6, 7})]
    print("\n".join(out))
    if args.json:
        args.json.write_text(json.dumps({"header": header, "rows": results}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
