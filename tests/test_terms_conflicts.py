"""Issue 22: conflicting figures are a warning in validate and check (both quotes, exit as
before, --strict fails), the newer publication decides, and explain shows the other one."""

from __future__ import annotations

import json

from conftest import base_targets, measured, obs, target

LATER = {"id": "report", "title": "科技发展报告", "issuer": "科技局", "date": "2026-05-01",
         "url": "https://example.org/r"}


def _city(make_city, figures, sources=()):
    t = target("t", "firms", "at_least", value=1600, baseline={"year": 2020, "value": 755})
    m = measured(figures)
    m["sources"] += list(sources)
    return make_city([t], measured_doc=m, doc=base_targets())


def test_two_sources_two_values_warn_with_both_quotes(make_city, invoke):
    path = _city(make_city, [obs("firms", 2023, 1390, "家", quote="高新技术企业1390家"),
                             obs("firms", 2023, 1410, "家", source="report",
                                 quote="高新技术企业达到1410家")], [LATER])
    res = invoke("validate", str(path.parent))
    assert res.exit_code == 0
    [line] = [x for x in res.stderr.splitlines() if "conflicting-figures" in x]
    assert "warning" in line and "1390家" in line and "1410家" in line
    assert "testcity.measured.yaml:" in line
    assert invoke("validate", str(path.parent), "--strict").exit_code == 1
    args = ("check", str(path), "--as-of", "2026-11-01", "--fail-on", "none")
    res = invoke(*args, "-f", "json")
    assert res.exit_code == 0 and "conflicting-figures" in res.stderr
    doc = json.loads(res.stdout)
    [r] = doc["results"]
    assert r["latest"]["value"] == 1410  # the newer publication decides
    assert [c["value"] for c in r["conflicts"]] == [1390]
    assert doc["warnings"][0]["code"] == "conflicting-figures"
    assert invoke(*args, "--strict").exit_code == 1
    text = invoke("explain", str(path), "t", "--as-of", "2026-11-01").stdout
    assert "other figure" in text and "1390家" in text


def test_rounding_pins_revisions_and_estimates_do_not_conflict(make_city, invoke):
    for second in ({"value": 1390.4, "quote": "1390.4家"},
                   {"value": 1410, "quote": "1410家", "pin": True},
                   {"value": 1410, "quote": "1410家", "revision": True},
                   {"value": 1410, "quote": "预计1410家", "estimate": True}):
        figures = [obs("firms", 2023, 1390, "家"),
                   obs("firms", 2023, second.pop("value"), "家", source="report", **second)]
        res = invoke("validate", str(_city(make_city, figures, [LATER]).parent))
        assert res.exit_code == 0 and "conflicting" not in res.stderr, second


def test_a_bound_conflicts_only_with_a_figure_it_excludes(make_city, invoke):
    ok = [obs("firms", 2023, 1300, "家", bound="lower", quote="1300余家"),
          obs("firms", 2023, 1390, "家", source="report")]
    res = invoke("validate", str(_city(make_city, ok, [LATER]).parent))
    assert "conflicting" not in res.stderr
    bad = [obs("firms", 2023, 1400, "家", bound="lower", quote="1400余家"),
           obs("firms", 2023, 1390, "家", source="report")]
    res = invoke("validate", str(_city(make_city, bad, [LATER]).parent))
    assert "conflicting-figures" in res.stderr and res.exit_code == 0
