"""Benchmark `planck site` on the bundled cities (run: .venv/bin/python bench/site_bench.py).

End to end, process start-up included, into a fresh temporary folder each run; prints the
median and the range of 7 runs, wall clock and CPU (user + system) of the child process.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANCK = Path(sys.executable).with_name("planck")


def main(runs: int = 7) -> None:
    cities = len([p for p in (ROOT / "targets").glob("*.yaml")
                  if not p.name.endswith(".measured.yaml")])
    walls, cpus = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            before = os.times()
            t0 = time.perf_counter()
            subprocess.run([str(PLANCK), "site", "-o", str(Path(tmp) / "site"),
                            "--targets-dir", str(ROOT / "targets")], check=True,
                           capture_output=True)
            walls.append(time.perf_counter() - t0)
            after = os.times()
            cpus.append(after.children_user - before.children_user
                        + after.children_system - before.children_system)
    load = os.getloadavg()[0]
    print(f"planck site, {cities} bundled cities, {runs} runs (load average {load:.1f} on "
          f"{os.cpu_count()} CPUs): wall median {statistics.median(walls):.2f} s "
          f"(min {min(walls):.2f}, max {max(walls):.2f}); CPU median {statistics.median(cpus):.2f} s")


if __name__ == "__main__":
    main()
