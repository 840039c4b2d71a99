"""planck new: a new city's two files, minimal, valid and commented; never overwrites."""

from __future__ import annotations

import pytest

ARGS = ("new", "xinxiang", "--name-zh", "新乡市", "--name-en", "Xinxiang", "--province", "河南省")


def test_new_city_files_validate_and_explain_their_fields(invoke, tmp_path):
    res = invoke(*ARGS, "--targets-dir", str(tmp_path))
    assert res.exit_code == 0, res.stderr
    target, measured = tmp_path / "xinxiang.yaml", tmp_path / "xinxiang.measured.yaml"
    text = target.read_text(encoding="utf-8")
    assert "name_zh: 新乡市" in text and "province_zh: 河南省" in text
    for key in ("sources: []", "plans: []", "indicators: []", "targets: []"):
        assert key in text
    assert text.count("\n#") > 20  # every section carries its commented example
    assert "observations: []" in measured.read_text(encoding="utf-8")
    assert invoke("validate", str(tmp_path)).exit_code == 0
    check = invoke("check", "xinxiang", "-f", "json", "--targets-dir", str(tmp_path))
    assert check.exit_code == 0 and '"results": []' in check.stdout


def test_new_never_overwrites(invoke, tmp_path):
    (tmp_path / "xinxiang.measured.yaml").write_text("# mine\n", encoding="utf-8")
    res = invoke(*ARGS, "--targets-dir", str(tmp_path))
    assert res.exit_code == 2 and "already exists: planck new never overwrites" in res.stderr
    assert (tmp_path / "xinxiang.measured.yaml").read_text(encoding="utf-8") == "# mine\n"
    assert not (tmp_path / "xinxiang.yaml").exists()  # both files or neither


@pytest.mark.parametrize(("args", "message"), [
    (("new", "Xin Xiang", "--name-zh", "新乡市", "--name-en", "X"), "city id 'Xin Xiang'"),
    (("new", "xinxiang", "--name-zh", "新乡\n市", "--name-en", "X"), "--name-zh: give a non-empty name"),
    (("new", "xinxiang", "--name-zh", " ", "--name-en", "X"), "--name-zh: give a non-empty name"),
])
def test_new_bad_input(invoke, tmp_path, args, message):
    res = invoke(*args, "--targets-dir", str(tmp_path))
    assert res.exit_code == 2 and message in res.stderr
    assert list(tmp_path.iterdir()) == []
