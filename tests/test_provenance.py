"""Provenance: every quote in the bundled files appears verbatim in its source document."""

import shutil

import pytest
from conftest import SEEDS, TARGETS

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(),
                                 reason=f"source documents not found at {SEEDS} (CI has them)")


@needs_seeds
def test_bundled_quotes_are_verbatim_in_the_seeds(invoke):
    res = invoke("validate", str(TARGETS), "--sources", str(SEEDS))
    assert res.exit_code == 0, res.stderr
    assert "quotes verified" in res.stderr


@needs_seeds
def test_a_quote_altered_by_one_character_is_reported_at_its_line(invoke, tmp_path):
    for f in TARGETS.glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    path = tmp_path / "luoyang.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if "quote: 高新技术企业不少于1600家" in line)
    lines[index] = lines[index].replace("1600家", "1601家")
    path.write_text("".join(lines), encoding="utf-8")
    res = invoke("validate", str(tmp_path), "--sources", str(SEEDS))
    assert res.exit_code == 2
    col = lines[index].index("高新") + 1
    assert f"{path}:{index + 1}:{col}:" in res.stderr and "quote-not-found" in res.stderr
    assert res.stderr.count("quote-not-found") == 1


@needs_seeds
def test_a_seed_file_that_is_missing_is_a_finding(invoke, tmp_path):
    for f in TARGETS.glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    empty = tmp_path / "seeds"
    empty.mkdir()
    res = invoke("validate", str(tmp_path / "luoyang.yaml"), "--sources", str(empty))
    assert res.exit_code == 2 and "source-missing" in res.stderr
