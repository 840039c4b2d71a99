"""planck benchmarks (issue 6, part 4). Run with `make bench`; this is a script, not a test.

Measures, as medians of repeated runs after a warm-up, each in a fresh process:

* the floor: `python -c "import typer, pydantic, rich, ruamel.yaml, pint"`;
* `planck check luoyang` (table to a pipe) and `planck validate targets/`, and their ratio to
  the floor (goals, issue 27: check <= 1.1x, validate <= 1.1x), run in turn with the floor
  so that a change in the machine's load falls on all of them alike; children run with Python's
  bytecode cache on (an installed planck has its modules compiled, like the floor's packages);
* `planck validate targets/` against `yamllint targets/` on the same files (reference only);
* scale: `planck check --all --format json --targets-dir DIR > /dev/null` on synthetic data
  sets (bench/gen_scale.py; default 30, 300 and 3000 cities x 60 targets x 5 years): wall
  time, peak RSS of the child and time per city (goal: 300 cities < 10 s and < 500 MB).

Generated data sets are cached under .bench/ (gitignored); generation is not measured.
A full run takes about 4 minutes on 029825c (the 3000-city run is most of it). Findings and
figures: bench/FINDINGS.md.

    python bench/bench.py [--quick] [--runs 7] [--sizes 30,300,3000] [--scale-runs N]
                          [--skip-startup] [--skip-scale] [--json FILE] [--pythonpath DIR]

--pythonpath DIR measures the planck package in DIR (a scratch copy with a change to try)
instead of the installed one. `cpu` columns are user+sys of the child and its workers: on a
busy machine they move much less than wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = ROOT / ".bench"
sys.path.insert(0, str(HERE))

import gen_scale  # noqa: E402

FLOOR_IMPORTS = "import typer, pydantic, rich, ruamel.yaml, pint"
#: Start-up goals, as median ÷ floor median (issue 14): the compact table must cost no more
#: than importing the floor's packages plus a tenth; validate need not import what it does
#: not use, so it should start faster than the floor.
GOAL_RATIO = {"check": 1.10, "validate": 1.10}
GOAL_300_SECONDS = 10.0
GOAL_300_MB = 500.0
#: Extra environment for every child (--pythonpath sets PYTHONPATH to measure a scratch copy).
EXTRA_ENV: dict[str, str] = {}


def venv_bin(name: str) -> str:
    """An executable next to the running interpreter (the venv's), else on PATH."""
    candidate = Path(sys.executable).parent / name
    if candidate.exists():
        return str(candidate)
    from shutil import which

    found = which(name)
    if found is None:
        sys.exit(f"bench: cannot find {name!r} next to {sys.executable} or on PATH")
    return found


@dataclass
class Run:
    seconds: float
    max_rss_mb: float
    returncode: int
    cpu: float = 0.0  # user + sys of the child (and of its reaped children)


@dataclass
class Series:
    label: str
    runs: list[Run] = field(default_factory=list)

    def _pick(self, attr: str) -> list[float]:
        return [getattr(r, attr) for r in self.runs]

    @property
    def median(self) -> float:
        return statistics.median(self._pick("seconds"))

    @property
    def min(self) -> float:
        return min(self._pick("seconds"))

    @property
    def max(self) -> float:
        return max(self._pick("seconds"))

    @property
    def cpu(self) -> float:
        """Median CPU time (user + sys); less sensitive than wall time to a busy machine."""
        return statistics.median(self._pick("cpu"))

    @property
    def rss(self) -> float:
        """Peak RSS over the runs (MB)."""
        return max(self._pick("max_rss_mb"))

    def as_dict(self) -> dict:
        return {"label": self.label, "median_s": self.median, "min_s": self.min,
                "max_s": self.max, "cpu_median_s": self.cpu, "max_rss_mb": self.rss, "n": len(self.runs),
                "runs_s": self._pick("seconds")}


def run_once(cmd: list[str], *, cwd: Path = ROOT, capture: bool = False,
             ok_codes: tuple[int, ...] = (0,), timeout: float | None = None) -> Run:
    """Run ``cmd`` once: wall time and the max RSS of exactly this child (os.wait4).

    ``capture`` pipes stdout to this process and reads it all (like `planck ... | less`);
    otherwise stdout goes to /dev/null. stderr goes to a temporary file, shown on failure.
    """
    # PYTHONDONTWRITEBYTECODE is dropped too: an installed planck has its bytecode compiled,
    # like the floor's packages, and the warm-up run writes planck's __pycache__ (gitignored).
    # Without it every run would compile planck's modules from source (about 50 ms).
    env = {k: v for k, v in os.environ.items()
           if k not in ("PLANCK_TARGETS", "GITHUB_ACTIONS", "FORCE_COLOR", "COLUMNS",
                        "PYTHONDONTWRITEBYTECODE")}
    env.update(EXTRA_ENV)
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                                stderr=err)
        if capture:
            assert proc.stdout is not None
            while proc.stdout.read(1 << 16):
                pass
            proc.stdout.close()
        deadline = None if timeout is None else start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG if deadline else 0)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                proc.returncode = -9
                raise TimeoutError(f"{' '.join(cmd)} took more than {timeout:.0f} s")
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in ok_codes:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-2000:]
            raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{tail}")
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    kib = usage.ru_maxrss / (1024 if sys.platform == "darwin" else 1)
    return Run(seconds, kib / 1024, proc.returncode, usage.ru_utime + usage.ru_stime)


def measure(label: str, cmd: list[str], runs: int, warmup: int = 1, **kw) -> Series:
    for _ in range(warmup):
        run_once(cmd, **kw)
    series = Series(label)
    for _ in range(runs):
        series.runs.append(run_once(cmd, **kw))
    log(f"  {label:<44} median {series.median * 1000:8.0f} ms  "
        f"(min {series.min * 1000:.0f}, max {series.max * 1000:.0f}, cpu {series.cpu * 1000:.0f}, "
        f"rss {series.rss:.0f} MB, n={runs})")
    return series


def measure_interleaved(specs: list[tuple[str, list[str], dict]], runs: int) -> list[Series]:
    """Like ``measure`` for several commands, run in turn (one warm-up each, then ``runs``
    rounds of floor, command, command …), so a change in the machine's load during the
    bench falls on every command alike rather than on whichever ran then."""
    for _, cmd, kw in specs:
        run_once(cmd, **kw)
    series = [Series(label) for label, _, _ in specs]
    for _ in range(runs):
        for s, (_, cmd, kw) in zip(series, specs, strict=True):
            s.runs.append(run_once(cmd, **kw))
    for s in series:
        log(f"  {s.label:<44} median {s.median * 1000:8.0f} ms  "
            f"(min {s.min * 1000:.0f}, max {s.max * 1000:.0f}, cpu {s.cpu * 1000:.0f}, "
            f"rss {s.rss:.0f} MB, n={runs})")
    return series


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def dataset(cities: int, seed: int) -> Path:
    """The cached synthetic data set for ``cities`` (generated once; not timed)."""
    stamp_text = f"gen_scale {cities} cities seed {seed} mtime {Path(gen_scale.__file__).stat().st_mtime_ns}"
    folder = CACHE / f"scale-{cities}-s{seed}"
    stamp = folder / ".stamp"
    if stamp.is_file() and stamp.read_text() == stamp_text:
        return folder
    log(f"  generating {cities} synthetic cities in {folder.relative_to(ROOT)} (not timed) ...")
    if folder.exists():
        for p in folder.iterdir():
            p.unlink()
    t0 = time.perf_counter()
    gen_scale.generate(folder, cities, seed)
    stamp.write_text(stamp_text)
    log(f"  ... generated in {time.perf_counter() - t0:.1f} s")
    return folder


def git(*args: str) -> str:
    """Read-only git queries (rev-parse, status, ls-tree, show); never changes the tree."""
    try:
        return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, check=True,
                              text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return ""


def startup_cwd(planck: list[str]) -> tuple[Path, str]:
    """Folder to run the start-up commands in: the checkout, or a snapshot of HEAD's targets/.

    Other people edit targets/ while the bench runs; a half-edited file makes planck exit 2
    after a fraction of the work, which would time the wrong thing. Then the committed
    targets/ (``git show HEAD:...``, read-only) are copied to .bench/head/targets and used.
    """
    try:
        run_once([*planck, "validate", "targets/"])
        return ROOT, "working tree targets/"
    except RuntimeError as err:
        lines = str(err).splitlines()
        log("  targets/ in the working tree is invalid right now: " + lines[-1][:160])
    head = CACHE / "head"
    (head / "targets").mkdir(parents=True, exist_ok=True)
    for old in (head / "targets").iterdir():
        old.unlink()
    for name in git("ls-tree", "--name-only", "HEAD", "targets/").split():
        data = subprocess.run(["git", "-C", str(ROOT), "show", f"HEAD:{name}"],
                              capture_output=True, check=True).stdout
        (head / name).write_bytes(data)
    commit = git("rev-parse", "--short", "HEAD").strip()
    log(f"  -> using the committed targets/ of {commit} copied to {head.relative_to(ROOT)}")
    return head, f"committed targets/ of {commit} (working tree was invalid)"


def fmt_ms(s: float) -> str:
    return f"{s * 1000:,.0f} ms"


def fmt_s(s: float) -> str:
    return f"{s:,.2f} s"


def table(headers: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(headers)]

    def line(cells):
        return "  ".join(c.rjust(w) if i in right else c.ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, rows)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="planck benchmarks (prints medians).")
    ap.add_argument("--quick", action="store_true",
                    help="3 runs per start-up figure, 1 per scale size")
    ap.add_argument("--runs", type=int, default=None, help="runs per start-up figure (default 7)")
    ap.add_argument("--scale-runs", type=int, default=None,
                    help="runs per scale size (default 3 up to 300 cities, 1 above)")
    ap.add_argument("--sizes", default="30,300,3000",
                    help="comma-separated city counts for the scale runs (default 30,300,3000)")
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--timeout", type=float, default=7200, help="per scale run, seconds")
    ap.add_argument("--skip-startup", action="store_true")
    ap.add_argument("--skip-scale", action="store_true")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    ap.add_argument("--pythonpath", type=Path,
                    help="measure the planck package in this folder (a scratch copy) instead of "
                         "the installed one: runs `python -P -m planck` with PYTHONPATH set")
    args = ap.parse_args(argv)
    runs = args.runs or (3 if args.quick else 7)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    python, yamllint = sys.executable, venv_bin("yamllint")
    planck_cmd = [venv_bin("planck")]
    if args.pythonpath:
        EXTRA_ENV["PYTHONPATH"] = str(args.pythonpath.resolve())
        planck_cmd = [python, "-P", "-m", "planck"]
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0, 0, 0)
    commit = git("rev-parse", "--short", "HEAD").strip() or "?"
    dirty = " (+ uncommitted changes)" if git("status", "--porcelain", "planck").strip() else ""
    what = f"planck from {args.pythonpath}" if args.pythonpath else f"{commit}{dirty}"
    header = (f"planck bench · {what} · Python {platform.python_version()} · "
              f"{os.cpu_count()} CPUs · load {load[0]:.2f} · {time.strftime('%Y-%m-%d %H:%M')}")
    log(header)
    results: dict = {"header": header, "startup": {}, "scale": []}
    out: list[str] = [header, ""]

    if not args.skip_startup:
        cwd, data = startup_cwd(planck_cmd)
        log(f"start-up ({runs} rounds after 1 warm-up, the commands in turn; data: {data}):")
        floor, check, validate, ylint = measure_interleaved([
            ("floor: python -c 'import typer, pydantic, …'", [python, "-c", FLOOR_IMPORTS],
             {"cwd": cwd}),
            ("planck check luoyang (table | pipe)", [*planck_cmd, "check", "luoyang"],
             {"capture": True, "ok_codes": (0, 1), "cwd": cwd}),
            ("planck validate targets/", [*planck_cmd, "validate", "targets/"], {"cwd": cwd}),
            ("yamllint targets/", [yamllint, "-f", "parsable", "targets/"],
             {"ok_codes": (0, 1), "cwd": cwd}),
        ], runs)
        n_files = len(list((cwd / "targets").glob("*.yaml")))
        rows = []
        for s, goal_key in ((floor, None), (check, "check"), (validate, "validate"),
                            (ylint, None)):
            ratio = s.median / floor.median
            bound = GOAL_RATIO.get(goal_key or "")
            goal = ("" if bound is None else
                    (f"ok (<= {bound}x)" if ratio <= bound else f"over ({bound}x)"))
            rows.append([s.label, fmt_ms(s.median), fmt_ms(s.min), fmt_ms(s.max),
                         fmt_ms(s.cpu), f"{s.rss:.0f} MB", f"{ratio:.2f}x", goal])
            results["startup"][s.label] = {**s.as_dict(), "ratio_to_floor": ratio}
        out += [f"Start-up, medians of {runs} interleaved runs (ratio = median / floor median; "
                f"goals: check <= {GOAL_RATIO['check']}x, validate <= {GOAL_RATIO['validate']}x; "
                f"cpu ratios: check {check.cpu / floor.cpu:.2f}x, validate "
                f"{validate.cpu / floor.cpu:.2f}x); data: {data}:",
                table(["command", "median", "min", "max", "cpu", "max RSS", "÷ floor", "goal"],
                      rows, right={1, 2, 3, 4, 5, 6}),
                "",
                f"planck validate targets/ ÷ yamllint targets/ (same {n_files} files, reference): "
                f"{validate.median / ylint.median:.2f}x",
                ""]

    if not args.skip_scale and sizes:
        log("scale: planck check --all --format json --targets-dir DIR > /dev/null")
        rows, base_per_city, base_cpu_per_city = [], None, None
        for n in sizes:
            folder = dataset(n, args.seed)
            k = args.scale_runs if args.scale_runs is not None else (1 if args.quick or n > 300 else 3)
            cmd = [*planck_cmd, "check", "--all", "--format", "json", "--targets-dir", str(folder)]
            try:
                s = measure(f"{n} cities", cmd, k, warmup=0, ok_codes=(0, 1),
                            timeout=args.timeout)
            except (TimeoutError, RuntimeError) as err:
                # A timeout, or the run was killed (someone else's clean-up, the OOM killer):
                # say so in the table and go on with the other sizes.
                first = str(err).splitlines()[0]
                log(f"  {n} cities: {first}")
                what = (f"> {args.timeout:.0f} s" if isinstance(err, TimeoutError) else
                        f"failed (exit {first.rsplit(' ', 1)[-1].rstrip(':')})")
                rows.append([str(n), what, "", "", "", str(k), "", "", "", "", "", "not measured"])
                results["scale"].append({"cities": n, "error": first})
                continue
            per_city = s.median / n
            base_per_city = base_per_city or per_city
            cpu_per_city = s.cpu / n
            base_cpu_per_city = base_cpu_per_city or cpu_per_city
            goal = ""
            if n == 300:
                goal = ("ok" if s.median < GOAL_300_SECONDS and s.rss < GOAL_300_MB else
                        f"over (< {GOAL_300_SECONDS:.0f} s, < {GOAL_300_MB:.0f} MB)")
            rows.append([str(n), fmt_s(s.median), fmt_s(s.min), fmt_s(s.max), fmt_s(s.cpu), str(k),
                         f"{s.rss:.0f} MB", f"{per_city * 1000:.0f} ms",
                         f"{per_city / base_per_city:.2f}", f"{cpu_per_city * 1000:.0f} ms",
                         f"{cpu_per_city / base_cpu_per_city:.2f}", goal])
            results["scale"].append({**s.as_dict(), "cities": n, "per_city_s": per_city,
                                     "cpu_per_city_s": cpu_per_city})
        out += ["Scale: planck check --all --format json > /dev/null, 60 targets and 305 "
                "observations per city (wall time; cpu = user+sys of the child and its workers; "
                "peak RSS of the child):",
                table(["cities", "median", "min", "max", "cpu", "runs", "max RSS", "per city",
                       "÷ first", "cpu/city", "÷ first", "goal"], rows,
                      right=set(range(11))),
                ""]

    print("\n".join(out).rstrip())
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
