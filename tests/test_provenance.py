"""Provenance: every quote in the bundled files appears verbatim in its source document.

The ``seeds`` fixture skips these where ../shared/seeds is absent, except in CI (CI=true),
where they fail instead: provenance is never silently unchecked there.
"""

import re
import shutil
import subprocess
import sys

from conftest import ROOT, SEEDS, TARGETS


def test_bundled_quotes_are_verbatim_in_the_seeds(invoke, seeds):
    res = invoke("validate", str(TARGETS), "--sources", str(seeds))
    assert res.exit_code == 0, res.stderr
    verified = re.search(r"(\d+) quote\(s\) verified verbatim", res.stderr)
    unchecked = re.search(r"(\d+) not checked", res.stderr)
    assert verified and unchecked, res.stderr
    # every bundled target quotes a seed; published observations cite a url (not checked)
    assert int(verified.group(1)) > 100 and int(unchecked.group(1)) > 0


def test_a_quote_altered_by_one_character_is_reported_at_its_line(invoke, tmp_path, seeds):
    for f in TARGETS.glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    path = tmp_path / "luoyang.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if "quote: 高新技术企业不少于1600家" in line)
    lines[index] = lines[index].replace("1600家", "1601家")
    path.write_text("".join(lines), encoding="utf-8")
    res = invoke("validate", str(tmp_path), "--sources", str(seeds))
    assert res.exit_code == 2
    col = lines[index].index("高新") + 1
    assert f"{path}:{index + 1}:{col}:" in res.stderr and "quote-not-found" in res.stderr
    assert res.stderr.count("quote-not-found") == 1


def test_a_seed_file_that_is_missing_is_a_finding(invoke, tmp_path, seeds):
    for f in TARGETS.glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    empty = tmp_path / "seeds"
    empty.mkdir()
    res = invoke("validate", str(tmp_path / "luoyang.yaml"), "--sources", str(empty))
    assert res.exit_code == 2 and "source-missing" in res.stderr


def test_in_ci_missing_seeds_fail_rather_than_skip(tmp_path):
    """Run one provenance test in a checkout whose ../shared/seeds does not exist."""
    if SEEDS.is_dir():
        checkout = tmp_path / "repo"
        shutil.copytree(ROOT / "tests", checkout / "tests", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(ROOT / "targets", checkout / "targets")
    else:
        checkout = ROOT
    test = "tests/test_provenance.py::test_bundled_quotes_are_verbatim_in_the_seeds"
    outcomes = {}
    for ci in ("true", ""):
        res = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                              "-p", "no:randomly", "-rs", test], cwd=checkout, capture_output=True,
                             text=True, timeout=300, env={**_env(), "CI": ci})
        outcomes[ci] = (res.returncode, res.stdout)
    assert outcomes["true"][0] == 1, outcomes["true"][1]
    assert "CI must run provenance checks" in outcomes["true"][1], outcomes["true"][1]
    assert outcomes[""][0] == 0 and "1 skipped" in outcomes[""][1], outcomes[""][1]


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k not in ("CI", "PYTEST_ADDOPTS")}
