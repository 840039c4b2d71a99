"""An observation given in another unit is judged and *shown* in the indicator's unit.

The bug this pins: 920,000 万元 for a 亿元 indicator was judged as 92 亿元 but shown as
``92 万元`` (the converted number with the original unit), in the JSON, in ``explain`` and in
the report's evidence. The value shown must be in the unit shown; the figure as the source
gave it travels beside it (``given_value``/``given_unit``).
"""

from __future__ import annotations

import json
from datetime import date

from conftest import obs, target

from planck.judge.evaluate import evaluate
from planck.read.dataset import load_city


def _city(make_city):
    t = target("t", "money", "at_least", value=120, baseline={"year": 2020, "value": 50})
    return make_city([t], [obs("money", 2023, 920000, "万元")])


def test_latest_is_in_the_indicator_unit_with_the_given_figure_beside_it(make_city):
    path = _city(make_city)
    [r] = evaluate(load_city(str(path), path.parent), date(2026, 11, 1)).results
    assert r.unit == "亿元"
    assert (r.evidence.latest.value, r.evidence.latest.unit) == (92.0, "亿元")
    assert (r.evidence.latest.given_value, r.evidence.latest.given_unit) == (920000, "万元")


def test_json_latest_value_and_unit_agree(make_city, invoke):
    path = _city(make_city)
    res = invoke("check", str(path), "--targets-dir", str(path.parent), "-f", "json")
    latest = json.loads(res.stdout)["results"][0]["latest"]
    assert (latest["value"], latest["unit"]) == (92.0, "亿元")
    assert (latest["given_value"], latest["given_unit"]) == (920000, "万元")


def test_explain_shows_the_given_figure_in_its_own_unit(make_city, invoke):
    path = _city(make_city)
    res = invoke("explain", str(path), "t", "--targets-dir", str(path.parent))
    line = next(x for x in res.stdout.splitlines() if x.strip().startswith("latest"))
    assert "92 亿元" in line and "given as 920,000 万元" in line, line
    doc = json.loads(invoke("explain", str(path), "t", "--targets-dir", str(path.parent),
                            "--json").stdout)
    assert (doc["latest"]["value"], doc["latest"]["unit"]) == (92.0, "亿元")
