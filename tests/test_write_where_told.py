"""Writing commands write only where they are told: ``new`` into ./targets (made if missing)
or --targets-dir / $PLANCK_TARGETS; ``record`` and ``import`` never into planck's own copy of
the data, which reading commands fall back to outside a data folder."""

from __future__ import annotations

import pytest

from planck.read.dataset import bundled_dir

NEW = ("new", "abc", "--name-zh", "某市", "--name-en", "Abc")
RECORD = ("record", "luoyang", "rd-intensity", "2025", "3.6", "--quote", "研发投入强度达3.6%",
          "--source", "ly-sti-plan")


def _bundled_snapshot() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(bundled_dir().iterdir()) if p.is_file()}


def test_new_without_targets_folder_makes_and_fills_dot_targets(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = _bundled_snapshot()
    res = invoke(*NEW)
    assert res.exit_code == 0, res.stderr
    assert (tmp_path / "targets" / "abc.yaml").is_file()
    assert (tmp_path / "targets" / "abc.measured.yaml").is_file()
    assert _bundled_snapshot() == before


def test_new_goes_where_planck_targets_says(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine").mkdir()
    res = invoke(*NEW, env={"PLANCK_TARGETS": str(tmp_path / "mine")})
    assert res.exit_code == 0, res.stderr
    assert (tmp_path / "mine" / "abc.yaml").is_file() and not (tmp_path / "targets").exists()


@pytest.mark.parametrize("command", ["record", "import"])
def test_record_and_import_refuse_the_bundled_copy(invoke, tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    before = _bundled_snapshot()
    if command == "record":
        res = invoke(*RECORD)
    else:
        table = tmp_path / "t.csv"
        table.write_text("indicator,period,value,source,quote\n"
                         "rd-intensity,2025,3.6,ly-sti-plan,研发投入强度达3.6%\n", encoding="utf-8")
        res = invoke("import", str(table), "--city", "luoyang")
    assert res.exit_code == 2, res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "./targets" in lines[0] and "--targets-dir" in lines[0], lines
    assert _bundled_snapshot() == before
    assert not (tmp_path / "targets").exists()


def test_reading_still_falls_back_to_the_bundled_copy(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = invoke("list")
    assert res.exit_code == 0 and "luoyang" in res.stdout
