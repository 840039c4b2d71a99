"""harvest's reviewed rules: 去年/前年 read from --year, an increment (新增 N 家) named as one,
a figure already recorded (a part of its year, the same quote) is the same, and --dry-run."""

from __future__ import annotations

import json
import shutil

from conftest import TARGETS

SEED = "004_ce5cdeeac75771e9.txt"


def _figures(invoke, tmp_path, text: str, *extra: str) -> list[dict]:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    res = invoke("harvest", str(path), "--format", "json", *extra)
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)["figures"]


def test_last_year_and_the_year_before_are_read_from_year(invoke, tmp_path):
    figs = _figures(invoke, tmp_path, "今年全市专利授权1200件。去年专利授权1100件。"
                    "上年发明专利300件。前年发明专利250件。\n", "--year", "2022")
    assert [(f["value"], f["period"]) for f in figs] == [
        (1200, "2022"), (1100, "2021"), (300, "2021"), (250, "2020")]
    # without --year, the date's year is 今年's
    figs = _figures(invoke, tmp_path, "去年专利授权1100件。前年发明专利250件。\n",
                    "--date", "2019-05-01")
    assert [f["period"] for f in figs] == ["2018", "2017"]


def test_an_increment_is_named_as_one_never_as_the_stock(invoke, tmp_path):
    figs = _figures(invoke, tmp_path, "国家高新技术企业总量达306家,去年新增72家。"
                    "科技型中小企业净增40家,总数达500家。瞪羚企业新认定8家。\n", "--year", "2022")
    got = {(f["value"], f["period"]): f["name"] for f in figs}
    assert got[(306, "2022")] == "国家高新技术企业"
    assert got[(72, "2021")].startswith("新增") and got[(72, "2021")].endswith("高新技术企业")
    assert got[(40, "2022")] == "净增科技型中小企业"
    assert got[(500, "2022")] == "科技型中小企业"  # the total after an increment is the stock
    assert got[(8, "2022")] == "新认定瞪羚企业"


def test_an_increment_matches_the_indicator_for_additions(invoke, tmp_path):
    path = tmp_path / "q.txt"
    path.write_text("国家高新技术企业总量达306家,去年新增72家。\n2021年新增高新技术企业72家。\n",
                    encoding="utf-8")
    res = invoke("harvest", str(path), "--year", "2022", "--city", "jiaozuo", "--format", "json")
    assert res.exit_code == 0, res.stderr
    props = [(p["indicator"], p["period"], p["value"], p["status"])
             for p in json.loads(res.stdout)["proposals"]]
    assert ("new-high-tech-enterprises", "2021", 72, "same") in props
    assert not [p for p in props if p[0] == "high-tech-enterprises" and p[2] == 72]


def test_the_seed_proposes_no_addition_as_the_stock(invoke, seeds):
    res = invoke("harvest", str(seeds / SEED), "--year", "2022", "--city", "jiaozuo",
                 "--format", "json")
    assert res.exit_code == 0, res.stderr
    props = json.loads(res.stdout)["proposals"]
    hte = [(p["period"], p["value"]) for p in props if p["indicator"] == "high-tech-enterprises"]
    assert hte == [("2022", 306)]
    new = [(p["period"], p["value"], p["status"]) for p in props
           if p["indicator"] == "new-high-tech-enterprises"]
    assert new == [("2021", 72, "same")]


def _copy(tmp_path):
    folder = tmp_path / "targets"
    shutil.copytree(TARGETS, folder)
    return folder


def test_a_figure_recorded_for_a_part_of_its_year_is_the_same(invoke, tmp_path, seeds):
    lines = (seeds / SEED).read_text(encoding="utf-8").splitlines()
    page = tmp_path / "page.txt"
    page.write_text(lines[22] + "\n\n" + lines[66] + "\n", encoding="utf-8")
    folder = _copy(tmp_path)
    measured = folder / "jiaozuo.measured.yaml"
    res = invoke("harvest", str(page), "--city", "jiaozuo", "--year", "2022", "--format", "json",
                 "--targets-dir", str(folder))
    props = {p["indicator"]: p["status"] for p in json.loads(res.stdout)["proposals"]}
    assert props["academician-workstations"] == "same"  # recorded for 2022-06, same value
    res = invoke("harvest", str(page), "--city", "jiaozuo", "--year", "2022", "--date",
                 "2022-06-30", "--write", "--url", "http://www.jzrb.com/x.html", "--issuer",
                 "焦作日报", "--targets-dir", str(folder))
    assert res.exit_code == 0, res.stderr
    assert measured.read_text(encoding="utf-8").count("indicator: academician-workstations\n") == 1


def test_the_same_quote_is_the_same_figure(invoke, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("我市共有院士工作站20家。\n", encoding="utf-8")
    res = invoke("harvest", str(page), "--city", "jiaozuo", "--year", "2023", "--format", "json")
    props = {p["indicator"]: p["status"] for p in json.loads(res.stdout)["proposals"]}
    assert props["academician-workstations"] == "same"


def test_write_reuses_the_source_recorded_for_the_same_file(invoke, tmp_path, seeds):
    folder = _copy(tmp_path)
    measured = folder / "jiaozuo.measured.yaml"
    before = measured.read_text(encoding="utf-8")
    page = tmp_path / SEED
    page.write_text((seeds / SEED).read_text(encoding="utf-8"), encoding="utf-8")
    res = invoke("harvest", str(page), "--city", "jiaozuo", "--year", "2022", "--date",
                 "2022-06-30", "--write", "--url", "http://www.jzrb.com/y.html", "--issuer",
                 "焦作日报", "--targets-dir", str(folder))
    assert res.exit_code == 0, res.stderr
    after = measured.read_text(encoding="utf-8")
    assert after.count("\n  - id: ") == before.count("\n  - id: ")  # no source added
    assert "http://www.jzrb.com/y.html" not in after


def test_dry_run_shows_the_proposals_and_notes_what_write_needs(invoke, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("2024年全市新增院士工作站3家,高新技术企业总数达999家。\n", encoding="utf-8")
    shown = invoke("harvest", str(page), "--city", "jiaozuo", "--date", "2024-12-30")
    dry = invoke("harvest", str(page), "--city", "jiaozuo", "--date", "2024-12-30", "--dry-run")
    assert shown.exit_code == 0 and dry.exit_code == 0, dry.stderr
    assert "high-tech-enterprises" in dry.stdout and "999" in dry.stdout
    notes = [ln for ln in dry.stderr.splitlines() if "--write would need" in ln]
    assert len(notes) == 1 and "--url" in notes[0] and "--issuer" in notes[0]
    full = invoke("harvest", str(page), "--city", "jiaozuo", "--date", "2024-12-30", "--dry-run",
                  "--url", "http://www.jzrb.com/z.html", "--issuer", "焦作日报")
    assert full.exit_code == 0, full.stderr
    assert "+    value: 999" in full.stdout  # the diff --write would apply


def test_write_without_url_and_issuer_says_so_in_one_line(invoke, tmp_path):
    folder = tmp_path / "targets"
    shutil.copytree(TARGETS, folder)
    before = (folder / "jiaozuo.measured.yaml").read_text(encoding="utf-8")
    page = tmp_path / "p.txt"
    page.write_text("高新技术企业总数达999家。\n", encoding="utf-8")
    res = invoke("harvest", str(page), "--city", "jiaozuo", "--year", "2024", "--date",
                 "2024-12-30", "--write", "--targets-dir", str(folder))
    assert res.exit_code == 2
    assert len(res.stderr.strip().splitlines()) == 1
    assert "--url" in res.stderr and "--issuer" in res.stderr
    assert (folder / "jiaozuo.measured.yaml").read_text(encoding="utf-8") == before
    helped = invoke("harvest", "--help")
    assert "(the default)" not in helped.stdout.split("--dry-run")[1].split("--write")[0]


def test_the_second_figure_of_from_a_to_b_is_the_same_indicator(invoke, tmp_path):
    figs = _figures(invoke, tmp_path, "全市研发投入强度从2015年的1.40%提升至2020年的1.76%。"
                    "全市专利授权量由2018年的800件增加到2019年的950件。\n", "--year", "2020")
    got = [(f["name"], f["period"], f["value"]) for f in figs]
    assert got == [("研发投入强度", "2015", 1.4), ("研发投入强度", "2020", 1.76),
                   ("专利授权量", "2018", 800), ("专利授权量", "2019", 950)]


def test_menus_and_breadcrumbs_are_not_harvested(invoke, tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><body><nav>首页 > 新闻 > 2024年5家</nav><div class='crumb'>当前位置："
                    "首页 > 新闻动态 > 正文</div><div>科技 > 成果 > 3项</div>"
                    "<p>全市专利授权1200件。</p></body></html>", encoding="utf-8")
    res = invoke("harvest", str(page), "--year", "2024", "--format", "json")
    assert res.exit_code == 0, res.stderr
    assert [f["value"] for f in json.loads(res.stdout)["figures"]] == [1200]


def test_an_empty_file_is_named_in_harvest_s_own_words(invoke, tmp_path):
    empty = tmp_path / "e.txt"
    empty.write_text("  \n", encoding="utf-8")
    res = invoke("harvest", str(empty))
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr.strip() == f"{empty}:1:1: error: empty file: no text to harvest figures " \
        "from [harvest]"
    assert "draft targets" not in res.stderr
