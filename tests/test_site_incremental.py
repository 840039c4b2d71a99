"""`planck site` again on the same data rewrites nothing; with one city changed, only the
pages that show it change (issue 27). Files kept are the old site's own (same inode), so a
web server or rsync sees them untouched."""

from __future__ import annotations

import shutil

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"


def _inodes(site):
    return {p.relative_to(site).as_posix(): p.stat().st_ino
            for p in site.rglob("*") if p.is_file()}


def test_unchanged_data_rewrites_nothing_and_one_city_rewrites_its_pages(invoke, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for name in ("ca", "cb"):
        for suffix in (".yaml", ".measured.yaml"):
            text = (GOLDEN / f"goldcity{suffix}").read_text(encoding="utf-8")
            (data / f"{name}{suffix}").write_text(text.replace("goldcity", name),
                                                  encoding="utf-8")
    site = tmp_path / "site"
    args = ("site", "-o", str(site), "--targets-dir", str(data))
    assert invoke(*args).exit_code == 0
    first = _inodes(site)
    assert invoke(*args).exit_code == 0
    assert _inodes(site) == first  # every file is the old one
    fresh = tmp_path / "fresh"
    measured = data / "cb.measured.yaml"
    measured.write_text(measured.read_text(encoding="utf-8").replace(
        "value: 1390", "value: 1391").replace("高新技术企业1390家", "高新技术企业1391家"),
        encoding="utf-8")
    assert invoke(*args).exit_code == 0, "the changed city is still valid"
    third = _inodes(site)
    changed = {rel for rel in third if third[rel] != first.get(rel)}
    assert changed and all("/cb/" in rel or "/compare/" in rel or rel.endswith("index.html")
                           or rel.endswith("sources.html") for rel in changed), changed
    assert not any("/ca/" in rel for rel in changed)
    # and what was kept or written is exactly a fresh build
    assert invoke("site", "-o", str(fresh), "--targets-dir", str(data)).exit_code == 0
    for rel in third:
        assert (site / rel).read_bytes() == (fresh / rel).read_bytes(), rel
    shutil.rmtree(fresh)
