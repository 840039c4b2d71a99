"""`planck site` again on the same data rewrites nothing and renders nothing; with one city
changed, only that city's pages and the pages all cities share are rendered (issue 27). Work
is counted, not timed: every page rendered goes through ``Site.page``, every city read
through ``collect``. Files kept are the old site's own (same inode), so a web server or rsync
sees them untouched; whatever is kept or written is always exactly a fresh build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from planck import pool
from planck.site import collect as collect_module
from planck.site import manifest, pages

GOLDEN = ROOT / "tests" / "golden"
MANIFEST = manifest.NAME


def _inodes(site):
    return {p.relative_to(site).as_posix(): p.stat().st_ino
            for p in site.rglob("*") if p.is_file()}


def _city(data: Path, name: str) -> None:
    for suffix in (".yaml", ".measured.yaml"):
        text = (GOLDEN / f"goldcity{suffix}").read_text(encoding="utf-8")
        (data / f"{name}{suffix}").write_text(text.replace("goldcity", name), encoding="utf-8")


def _change(data: Path, name: str) -> None:
    measured = data / f"{name}.measured.yaml"
    measured.write_text(measured.read_text(encoding="utf-8").replace(
        "value: 1390", "value: 1391").replace("高新技术企业1390家", "高新技术企业1391家"),
        encoding="utf-8")


class Work:
    """The pages rendered (by path) and the cities read during one command."""

    def __init__(self, monkeypatch):
        self.pages: list[str] = []
        self.read: list[str] = []
        page, collect = pages.Site.page, collect_module.collect

        def counted_page(site, template, path, *args, **values):
            self.pages.append(path)
            return page(site, template, path, *args, **values)

        def counted_collect(city, *args):
            self.read.append(Path(city).name.split(".")[0])
            return collect(city, *args)

        monkeypatch.setattr(pages.Site, "page", counted_page)
        monkeypatch.setattr(collect_module, "collect", counted_collect)

    def cities(self) -> set[str]:
        """The cities whose own pages were rendered."""
        return {p.split("/")[1] for p in self.pages
                if p.count("/") == 2 and not p.split("/")[1] == "compare"}

    def shared(self) -> set[str]:
        """The pages all cities share that were rendered."""
        return {p for p in self.pages if p.count("/") < 2 or p.split("/")[1] == "compare"}


@pytest.fixture
def build(invoke, monkeypatch, tmp_path):
    """``build(*options, out=site)``: run ``planck site`` in this process (every call seen)
    on tmp_path/data into tmp_path/site; returns the work it did."""
    monkeypatch.setattr(pool, "PARALLEL_FROM", 10**9)
    data = tmp_path / "data"
    data.mkdir()

    def run(*options: str, out: Path | None = None) -> Work:
        with monkeypatch.context() as m:
            work = Work(m)
            result = invoke("site", "-o", str(out or tmp_path / "site"), "--targets-dir",
                            str(data), *options)
        assert result.exit_code == 0, result.output
        return work

    run.data = data  # type: ignore[attr-defined]
    run.site = tmp_path / "site"  # type: ignore[attr-defined]
    return run


def _same_as_fresh(build, *options: str) -> None:
    fresh = build.site.parent / "fresh"
    build(*options, out=fresh)
    got, want = _inodes(build.site), _inodes(fresh)
    assert set(got) == set(want)
    for rel in got:
        assert (build.site / rel).read_bytes() == (fresh / rel).read_bytes(), rel
    shutil.rmtree(fresh)


def test_unchanged_data_renders_nothing_and_one_city_renders_its_pages_and_the_index(build):
    for i in range(10):  # ten cities: c07 changes, the other nine keep their files
        _city(build.data, f"c{i:02d}")
    first_work = build()
    assert first_work.cities() == {f"c{i:02d}" for i in range(10)}
    first = _inodes(build.site)

    again = build()
    assert again.pages == [] and again.read == []  # nothing read, nothing rendered
    assert _inodes(build.site) == first  # every file is the old one

    _change(build.data, "c07")
    third_work = build()
    assert third_work.cities() == {"c07"}
    assert "en/index.html" in third_work.shared()
    # only that city's pages are rendered; the others are linked from the old site
    assert all(p.split("/")[1] == "c07" for p in third_work.pages if p.count("/") == 2
               and p.split("/")[1] != "compare")
    third = _inodes(build.site)
    changed = {rel for rel in third if third[rel] != first.get(rel)}
    assert changed and all("/c07/" in rel or "/compare/" in rel or rel.endswith("index.html")
                           or rel.endswith("sources.html") or rel == MANIFEST
                           for rel in changed), changed
    assert not any("/c06/" in rel for rel in changed)
    _same_as_fresh(build)


@pytest.mark.parametrize("options", [("--as-of", "2024-06-30"), ("--lang", "zh")])
def test_a_changed_option_renders_every_page_again(build, options):
    for name in ("ca", "cb"):
        _city(build.data, name)
    build()
    work = build(*options)
    assert work.cities() == {"ca", "cb"}
    _same_as_fresh(build, *options)


def test_another_planck_renders_every_page_again(build, monkeypatch):
    import planck

    for name in ("ca", "cb"):
        _city(build.data, name)
    build()
    monkeypatch.setattr(planck, "__version__", planck.__version__ + "+changed")
    assert build().cities() == {"ca", "cb"}


def test_the_build_key_covers_every_file_of_the_package_and_the_options(tmp_path):
    package = tmp_path / "planck"
    shutil.copytree(Path(pages.__file__).resolve().parent.parent, package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    key = manifest.build_key("en", None, package)
    assert manifest.build_key("en", None, package) == key
    template = package / "site" / "templates" / "city.html"
    template.write_text(template.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert manifest.build_key("en", None, package) != key
    key = manifest.build_key("en", None, package)
    (package / "render" / "svg.py").write_bytes(b"#\n" + (package / "render" / "svg.py").read_bytes())
    assert manifest.build_key("en", None, package) != key
    key = manifest.build_key("en", None, package)
    assert manifest.build_key("zh", None, package) != key


def test_a_page_edited_in_the_old_site_is_rendered_again(build):
    for name in ("ca", "cb"):
        _city(build.data, name)
    build()
    page = build.site / "en" / "ca" / "rd-intensity.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<h1>", "<h1>edited "),
                    encoding="utf-8")
    (build.site / "en" / "sources.html").write_text("gone", encoding="utf-8")
    work = build()
    assert work.cities() == {"ca"}
    assert "edited" not in page.read_text(encoding="utf-8")
    _same_as_fresh(build)


@pytest.mark.parametrize("text", ["not json", "{}", json.dumps({
    "planck-site-manifest": 1, "key": "x", "cities": [["ca.yaml", "k", "../../etc", [], [],
                                                       "d"]], "others": []})])
def test_a_manifest_that_is_not_planck_s_own_builds_everything(build, text):
    for name in ("ca", "cb"):
        _city(build.data, name)
    build()
    (build.site / MANIFEST).write_text(text, encoding="utf-8")
    assert build().cities() == {"ca", "cb"}
    _same_as_fresh(build)


def test_a_city_left_unchanged_gets_its_compare_links_when_a_second_city_shares_them(build):
    _city(build.data, "ca")
    build()
    assert "compare" not in (build.site / "en" / "ca" / "rd-intensity.html").read_text("utf-8")
    _city(build.data, "cb")
    work = build()
    assert work.cities() == {"ca", "cb"}  # ca's files did not change, its links did
    assert "../compare/rd-intensity.html" in (build.site / "en" / "ca" / "rd-intensity.html"
                                              ).read_text("utf-8")
    _same_as_fresh(build)
    (build.data / "cb.yaml").unlink()
    (build.data / "cb.measured.yaml").unlink()
    assert build().cities() == {"ca"}
    _same_as_fresh(build)


def test_on_two_cores_the_site_is_the_serial_one_byte_for_byte(build, monkeypatch):
    for i in range(4):
        _city(build.data, f"c{i}")
    serial = build.site.parent / "serial"
    build(out=serial)
    monkeypatch.setattr(pool, "PARALLEL_FROM", 2)
    parallel = build.site.parent / "parallel"
    build(out=parallel)
    got = {p.relative_to(parallel).as_posix(): p.read_bytes() for p in parallel.rglob("*")
           if p.is_file()}
    want = {p.relative_to(serial).as_posix(): p.read_bytes() for p in serial.rglob("*")
            if p.is_file()}
    assert got == want
