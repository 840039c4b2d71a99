"""Benchmark `planck extract` on a 40-page plan (run: .venv/bin/python bench/extract_bench.py).

A page of a Chinese plan holds about 1,000 characters. The 40-page input is the Luoyang seed
plan (40,198 characters, the richest seed); a second input adds copies of the test plan
tests/examples/extract/unseen_plan.txt up to 100,000 characters. The command runs end to end
(process start-up included); the median of 5 runs is printed.
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
SEED = ROOT.parent / "shared" / "seeds" / "003_a2f0b9b1f0debbd3.txt"
EXTRA = ROOT / "tests" / "examples" / "extract" / "unseen_plan.txt"
PLANCK = Path(sys.executable).with_name("planck")


def main() -> None:
    seed = SEED.read_text(encoding="utf-8") if SEED.is_file() else ""
    extra = EXTRA.read_text(encoding="utf-8").split("\n", 1)[1]
    big = seed
    while len(big) < 100_000:
        big += "\n" + extra
    for text in (seed, big):
        run(text)
    in_process(seed)
    # Inputs that are not plans, just under the 8 MiB limit: the work caps keep them bounded.
    limit = 8 * 1024 * 1024 - 1024
    hostile = {
        "one sentence of figures": "江川市“十五五”规划\n到2030年" + "达到1家" * (limit // 10),
        "1.6 million one-figure sentences": "江川市“十五五”规划\n到2030年" + "达到1家。" * (limit // 13),
        "prose without a figure": "江川市“十五五”规划\n" + "坚持创新驱动，推动高质量发展。\n" * (limit // 46),
    }
    for label, text in hostile.items():
        run(text, label)


def in_process(text: str) -> None:
    """The drafting alone (no process start-up), once warm: the part the size of a plan drives."""
    from planck.extract.draft import Options, render
    from planck.extract.reading import read_bytes
    from planck.extract.run import extract

    raw = text.encode()
    render(extract(read_bytes(raw)), Options())
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        render(extract(read_bytes(raw)), Options())
        times.append(time.perf_counter() - t0)
    print(f"in process (40 pages, warm): median {statistics.median(times) * 1000:.0f} ms")


def run(text: str, label: str = "") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "plan.txt"
        plan.write_text(text, encoding="utf-8")
        times, cpu = [], []
        for _ in range(5):
            t0, c0 = time.perf_counter(), os.times()
            subprocess.run([str(PLANCK), "extract", str(plan), "-o", str(Path(tmp) / "d.yaml")],
                           check=True, capture_output=True)
            times.append(time.perf_counter() - t0)
            c1 = os.times()
            cpu.append(c1.children_user + c1.children_system - c0.children_user - c0.children_system)
        drafted = (Path(tmp) / "d.yaml").read_text(encoding="utf-8").count("\n  - id:")
    import resource

    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    name = f"extract ({label})" if label else "extract"
    print(f"{name}: {len(text)} characters ({len(text) // 1000} pages of 1,000), "
          f"{len(text.encode())} bytes, {drafted} ids drafted; "
          f"median {statistics.median(times):.2f} s wall (min {min(times):.2f}, max {max(times):.2f}), "
          f"median {statistics.median(cpu):.2f} s CPU, 5 runs; largest child so far {peak} MB")


if __name__ == "__main__":
    main()
