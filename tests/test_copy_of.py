"""``copy_of`` on a source: the page cited is a copy (a repost, a mirror) of another
publisher's text. The field is validated, and every output that lists sources says "copy of …"
beside the copy (markdown report, ``explain``, the site's sources page)."""

from __future__ import annotations

import json

from conftest import base_targets, measured, obs, target

ORIGINAL = {"title": "原报道标题", "issuer": "洛阳日报", "date": "2023-03-24",
            "url": "https://example.org/original"}


def _city(tmp_path, copy_of=ORIGINAL):
    doc = base_targets()
    doc["targets"] = [target("t-firms", "firms", "at_least", value=100)]
    sources = [{"id": "bulletin", "title": "转载页", "issuer": "某网站（转载）",
                "date": "2024-03-01", "url": "https://mirror.example/x", "copy_of": copy_of}]
    (tmp_path / "testcity.yaml").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    m = measured([obs("firms", 2023, 120, "家")], sources=sources)
    (tmp_path / "testcity.measured.yaml").write_text(json.dumps(m, ensure_ascii=False),
                                                     encoding="utf-8")
    return tmp_path


def test_copy_of_is_validated(invoke, tmp_path):
    _city(tmp_path)
    assert invoke("validate", str(tmp_path)).exit_code == 0
    _city(tmp_path, {"date": "2023-03-24"})  # names no original: no title, issuer or url
    res = invoke("validate", str(tmp_path))
    assert res.exit_code == 2 and "copy_of" in res.stderr and "testcity.measured.yaml:" in res.stderr
    _city(tmp_path, {**ORIGINAL, "author": "x"})  # a misspelt or unknown key
    res = invoke("validate", str(tmp_path))
    assert res.exit_code == 2 and "author" in res.stderr


def test_report_explain_and_site_say_copy_of(invoke, tmp_path):
    folder = _city(tmp_path)
    res = invoke("report", "testcity", "-o", "-", "--targets-dir", str(folder),
                 "--as-of", "2024-06-30")
    assert res.exit_code == 0, res.stderr
    assert "*copy of “原报道标题”, 洛阳日报, 2023-03-24* · <https://example.org/original>" in res.stdout
    res = invoke("report", "testcity", "-o", "-", "--targets-dir", str(folder),
                 "--as-of", "2024-06-30", "--lang", "zh")
    assert "*转载自《原报道标题》，洛阳日报，2023-03-24*" in res.stdout
    res = invoke("explain", "testcity", "t-firms", "--targets-dir", str(folder),
                 "--as-of", "2024-06-30")
    assert res.exit_code == 0, res.stderr
    line = next(x for x in res.stdout.splitlines() if "转载页" in x)
    assert "copy of “原报道标题”, 洛阳日报, 2023-03-24 https://example.org/original" in line
    out = tmp_path / "site"
    res = invoke("site", "-o", str(out), "--targets-dir", str(folder), "--as-of", "2024-06-30")
    assert res.exit_code == 0, res.stderr
    page = (out / "en" / "sources.html").read_text(encoding="utf-8")
    assert ('<p class="meta copy"><a href="https://example.org/original" '
            'rel="noopener noreferrer">copy of “原报道标题”, 洛阳日报, 2023-03-24</a></p>') in page


def test_a_source_without_copy_of_says_nothing_of_copies(invoke, tmp_path):
    folder = _city(tmp_path, None)
    res = invoke("report", "testcity", "-o", "-", "--targets-dir", str(folder),
                 "--as-of", "2024-06-30")
    assert res.exit_code == 0 and "copy of" not in res.stdout
