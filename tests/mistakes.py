"""Put each listed mistake into a copy of planck, one at a time, and check the tests catch it.

    python tests/mistakes.py            # the core tests (about a minute a mistake on 2 cores)
    python tests/mistakes.py --all      # the whole suite for each mistake
    python tests/mistakes.py tests/test_judge_matrix.py   # only the tests named
    make mistakes                       # the same as the first line

The mistakes are those of issues 13 and 21: small, plausible edits to the method that an
earlier suite let through. Each is an exact text replacement in one file (or, where the code has two
shapes, the first of several that applies); when the code around it changes so that no text
is there any more, the script says so and fails, and the entry below must be updated to the
new code (the mistake stays the same). The unchanged copy is run
first: it must pass, or nothing below would mean anything.

Exit status 0 when every mistake turns at least one test red, 1 otherwise.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE_TESTS = ["tests/test_judge_matrix.py",
              "tests/test_method_mistakes.py", "tests/test_method_edges.py", "tests/test_methodology.py",
              "tests/test_units.py",
              "tests/test_model.py", "tests/test_properties.py"]

# (name, file, text in the code, the mistaken text); a name may have several entries, for
# the shapes the code has had: the first one whose text is there is applied.
MISTAKES = [
    ("on_track threshold 0.95 → 0.90", "planck/result.py",
     '"on_track": 0.95', '"on_track": 0.90'),
    ("about ignores a lower-is-better direction", "planck/operators.py",
     'or (self.sense == Sense.INDICATOR and direction == "lower")', "or False"),
    ("about ignores a lower-is-better direction", "planck/operators.py",
     'or (self.follows_direction and direction == "lower")', "or False"),
    ("late verdict from the last year after the deadline", "planck/judge/rules.py",
     'Decision("met", True, good[0],', 'Decision("met", True, good[-1],'),
    ("per_year boundary < → <=", "planck/judge/rule_amounts.py",
     'status = "on_track" if year < t.deadline else "not_assessable"',
     'status = "on_track" if year <= t.deadline else "not_assessable"'),
    ("per_year counts from the baseline year", "planck/judge/case.py",
     "return self.t.baseline.year + 1 if self.t.baseline else self.plan_start",
     "return self.t.baseline.year if self.t.baseline else self.plan_start"),
    ("亩 factor 666.67 → 600", "planck/read/units.py",
     '"亩 = 666.6666666666666 * square_meter"', '"亩 = 600 * square_meter"'),
    ("negative-count check < 0 → < -1", "planck/read/validate.py",
     "if value is not None and value < 0 and", "if value is not None and value < -1 and"),
    ("city-mismatch check disabled", "planck/read/validate.py",
     "if mf.city != targets.city.id:", "if False:"),
    ("at_most dropped from the direction sense table", "planck/operators.py",
     'Operator(name="at_most", sense=Sense.LOWER,', 'Operator(name="at_most", sense=Sense.INDICATOR,'),
    ("at_most dropped from the direction sense table", "planck/operators.py",
     'Operator(name="at_most", sense="lower",', 'Operator(name="at_most", sense=None,'),
    ("near_reference loses its regressing rule", "planck/judge/rule_reference.py",
     "if p.ratio is None or wrong_way:", "if p.ratio is None:"),
    ("rates treated as counts", "planck/read/units.py",
     "return len(names) == 1 and names[0] in COUNT_NAMES",
     "return bool(names) and names[0] in COUNT_NAMES"),
    # issue 21: single-point mistakes in the judge that the suite let through
    ("band with lower-is-better compared against its low end", "planck/operators.py",
     "return leq(v, _n(lv.high)), not geq(v, _n(lv.low))",
     "return leq(v, _n(lv.low)), not geq(v, _n(lv.low))"),
    ("between ignores a lower-is-better direction", "planck/operators.py",
     'Operator(name="between", sense=Sense.INDICATOR,', 'Operator(name="between", sense=Sense.HIGHER,'),
    ("lower-is-better range paced towards its low end", "planck/operators.py",
     "edge = _n(g.high) if g.lower else _n(g.low)", "edge = _n(g.low)"),
    ("a bound that proves only 滞后 proves nothing", "planck/judge/bounds.py",
     "if not _lags_at_best(d, outcomes):", "if True:"),
    ("behind at best given a yellow light", "planck/judge/terms.py",
     'if r.verdict.status == "behind" and r.flags.bounds.get("status") == "upper":', "if False:"),
    ("per_year final met with the deadline year's figure missing", "planck/judge/rule_amounts.py",
     "range(first, t.deadline + 1) if y not in series", "range(first, t.deadline) if y not in series"),
    ("cumulative sum counts the baseline year", "planck/judge/rule_amounts.py",
     "series, t, first_year = case.series(), case.t, case.first_year",
     "series, t, first_year = case.series(), case.t, case.first_year - 1"),
    ("cumulative met early marked final", "planck/judge/rule_amounts.py",
     'Decision("met", last == t.deadline, last,', 'Decision("met", True, last,'),
    ("fallback base point: the last earlier figure, not the first", "planck/judge/rules.py",
     "base = Base(earlier[0], series[earlier[0]],", "base = Base(earlier[-1], series[earlier[-1]],"),
    ("reference base point: the last earlier share, not the first", "planck/judge/rule_reference.py",
     "base = Base(earlier[0], common[earlier[0]],", "base = Base(earlier[-1], common[earlier[-1]],"),
    ("no provisional verdict for a figure of the deadline year", "planck/judge/evaluate.py",
     "case.start < o.year <= t.deadline", "case.start < o.year < t.deadline"),
    ("in-plan years counted from the baseline year", "planck/judge/rules.py",
     "in_plan = [y for y in upto if y > case.start]", "in_plan = [y for y in upto if y >= case.start]"),
]


def _copy(dest: Path) -> None:
    for name in ("planck", "tests", "targets", "docs", "reports"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, dest / name,
                            ignore=shutil.ignore_patterns("__pycache__", ".hypothesis"))
    shutil.copy(ROOT / "pyproject.toml", dest / "pyproject.toml")


def _pytest(copy: Path, tests: list[str]) -> subprocess.CompletedProcess:
    # The copy's planck comes first on the path, before the editable install of the checkout;
    # CI="" keeps the seeds fixture from failing in the copy, which has no ../shared/seeds.
    env = {**os.environ, "PYTHONPATH": str(copy), "CI": "", "PYTHONDONTWRITEBYTECODE": "1"}
    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:randomly", "-p",
           "no:cacheprovider", "--hypothesis-seed=0", *tests]
    return subprocess.run(cmd, cwd=copy, env=env, capture_output=True, text=True)


def _first_failure(out: str) -> str:
    lines = [x for x in out.splitlines() if x.startswith("FAILED")]
    return lines[0].removeprefix("FAILED ").split(" - ")[0] if lines else "(no FAILED line)"


def main(argv: list[str]) -> int:
    named = [a for a in argv if a.endswith(".py")]
    tests = named or (["tests"] if "--all" in argv else CORE_TESTS)
    with tempfile.TemporaryDirectory(prefix="planck-mistakes-") as tmp:
        copy = Path(tmp) / "planck-copy"
        _copy(copy)
        where = subprocess.run([sys.executable, "-c", "import planck; print(planck.__file__)"],
                               cwd=copy, env={**os.environ, "PYTHONPATH": str(copy)},
                               capture_output=True, text=True).stdout.strip()
        if not where.startswith(str(copy)):
            print(f"the copy's planck is not the one imported ({where})")
            return 1
        control = _pytest(copy, tests)
        if control.returncode != 0:
            print("the unchanged copy fails its tests; fix that first:\n" + control.stdout[-3000:])
            return 1
        missed, stale = [], []
        names = list(dict.fromkeys(name for name, *_ in MISTAKES))
        for name in names:
            shapes = [(rel, old, new) for n, rel, old, new in MISTAKES if n == name]
            found = [(rel, old, new) for rel, old, new in shapes
                     if (copy / rel).read_text(encoding="utf-8").count(old) == 1]
            if not found:
                stale.append(name)
                print(f"STALE   {name}: none of {[old for _, old, _ in shapes]} is in the code")
                continue
            rel, old, new = found[0]
            path = copy / rel
            original = path.read_text(encoding="utf-8")
            path.write_text(original.replace(old, new), encoding="utf-8")
            try:
                res = _pytest(copy, tests)
            finally:
                path.write_text(original, encoding="utf-8")
            if res.returncode == 1:
                print(f"caught  {name}: {_first_failure(res.stdout)}")
            elif res.returncode == 0:
                missed.append(name)
                print(f"MISSED  {name}: every test passed")
            else:
                missed.append(name)
                print(f"ERROR   {name}: pytest exit {res.returncode}\n{res.stdout[-2000:]}")
        print(f"{len(names) - len(missed) - len(stale)} of {len(names)} mistakes caught"
              + (f"; {len(stale)} stale" if stale else ""))
        return 1 if missed or stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
