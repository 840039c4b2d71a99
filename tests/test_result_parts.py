"""A ``Result`` is made of parts (verdict, evidence, progress, pacing, flags); its JSON object
is those parts flattened into the keys of schema 1, unchanged. A part, or one of its keys,
that went missing from the JSON (or came out under another key) fails here."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import fields
from datetime import date

import pytest
from conftest import PART_OF, ROOT, TARGETS, figure, result_of

from planck.result import (
    FIGURE_KEYS,
    RESULT_KEYS,
    BaselineActual,
    BasePoint,
    CatchUp,
    Evidence,
    Flags,
    Pace,
    Pacing,
    Progress,
    Result,
    TargetRef,
    Verdict,
    plain,
)

GOLDEN = ROOT / "tests" / "golden" / "goldcity.json"
CITIES = sorted(p.stem for p in TARGETS.glob("*.yaml") if not p.name.endswith(".measured.yaml"))
PARTS = {"verdict": Verdict, "evidence": Evidence, "progress": Progress, "pacing": Pacing,
         "flags": Flags}


def _every_key_set() -> tuple[Result, dict[str, object]]:
    """A result whose every key holds a value no other key holds, and those values."""
    target = TargetRef(op="at_least", wording="不少于", value=10.0, low=None, high=None, unit="家",
                       goal=10.0, tolerance=None, reference=None, source="plan",
                       source_title="规划", doc_number=None, quote="不少于10家")
    values: dict[str, object] = {
        "id": "t-1", "plan": "p", "indicator": "firms", "name": "企业数", "name_en": "Firms",
        "unit": "家", "direction": "higher", "deadline": 2025, "attribute": "binding",
        "stretch": 12.5, "file": "t.yaml", "line": 7, "target": target, "supersedes": "t-0",
        "superseded_by": "t-2",
        "status": "on_track", "final": True, "reason": "why", "provisional": True,
        "first_met": 2023, "category": "ahead", "light": "green",
        "baseline_year": 2020, "baseline": 5.0,
        "baseline_actual": BaselineActual(year=2020, estimate=5.0, actual=5.5, difference=0.5),
        "latest": figure(2024, 9.0, "家", line=3), "latest_partial": figure("2025-06", 9.5, "家"),
        "years": {2021: 6.0, 2024: 9.0}, "reference_value": 40.0,
        "conflicts": (figure(2024, 8.0, "家", source="other"),),
        "percent_to_goal": 80.0, "percent_reason": "pct why", "attainment": 90.0,
        "expected_progress": 75.0, "base_point": BasePoint(year=2020, value=5.0, why="file"),
        "pace": Pace(method="linear", base_year=2020, base_value=5.0, latest_year=2024,
                     observed=1.0, required=1.25, ratio=0.8),
        "pace_method": "linear", "ratio_reason": "ratio why",
        "catch_up": CatchUp(value=1.0, unit="家", years=1, method="linear"),
        "above_range": True, "stale": True, "overdue": True, "estimate": True,
        "bounds": {"latest": "lower"},
    }
    return result_of(**values), values


def _shown(value: object) -> object:
    if hasattr(value, "given_unit"):  # a figure: the JSON shows its FIGURE_KEYS
        return {k: getattr(value, k) for k in FIGURE_KEYS}
    if isinstance(value, tuple):
        return [_shown(v) for v in value]
    return plain(value)


def test_every_key_comes_out_of_its_part_under_its_own_name():
    r, values = _every_key_set()
    d = r.as_dict()
    assert tuple(d) == RESULT_KEYS
    assert set(values) == set(RESULT_KEYS)
    for key in RESULT_KEYS:
        assert d[key] == _shown(values[key]), key


def test_every_part_field_is_a_key_of_the_json():
    """No field of a part is left out of the JSON (a new one needs its key in RESULT_KEYS)."""
    named = {"method": "pace_method"}
    for part, cls in PARTS.items():
        for f in fields(cls):
            key = named.get(f.name, f.name) if part == "pacing" else f.name
            assert key in RESULT_KEYS and PART_OF[key] == part, (part, f.name)
    top = {f.name for f in fields(Result)} - set(PARTS)
    assert top | set(PART_OF) == set(RESULT_KEYS)


def test_the_golden_json_has_every_key_in_order():
    """The committed golden document (written before results had parts) has exactly these
    keys in this order, and every figure exactly FIGURE_KEYS."""
    doc = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert doc["results"]
    for r in doc["results"]:
        assert tuple(r) == RESULT_KEYS, r["id"]
        for o in (r["latest"], r["latest_partial"], *r["conflicts"]):
            assert o is None or tuple(o) == FIGURE_KEYS, r["id"]


@pytest.mark.parametrize("city", CITIES)
def test_every_bundled_result_has_every_key_in_order(invoke, city):
    res = invoke("check", city, "--targets-dir", str(TARGETS), "-f", "json")
    assert res.exit_code in (0, 1), res.stderr
    results = json.loads(res.stdout)["results"]
    assert results and all(tuple(r) == RESULT_KEYS for r in results)
    shown = [o for r in results for o in (r["latest"], r["latest_partial"], *r["conflicts"]) if o]
    assert all(tuple(o) == FIGURE_KEYS for o in shown)  # (a city may have no figure yet)


def test_csv_has_a_column_for_every_key():
    from planck.render import get
    from planck.render.context import Context
    from planck.result import PlanRef, Report

    r, _ = _every_key_set()
    report = Report(city="t", name_zh="测市", name_en="T", as_of=date(2025, 6, 30),
                    plans=(PlanRef(id="p", title_zh="规划", title_en="Plan", start=2021,
                                   end=2025),), results=(r,), file="t.yaml")
    rows = list(csv.reader(io.StringIO(get("csv")([report], Context()).lstrip("\ufeff"))))
    header, row = rows[0], dict(zip(rows[0], rows[1], strict=True))
    for key in RESULT_KEYS:
        assert key in header or any(h.startswith(key + ".") for h in header), key
    assert row["latest.line"] == "3" and row["status"] == "on_track"
    assert row["pace_method"] == "linear" and row["stale"] == "true"


def test_a_result_carries_the_figure_as_read_not_a_copy():
    """The figures a verdict rests on are the very objects read from the measured file (one
    value from file to result): same object, so same source, quote, file and line."""
    from planck.judge.evaluate import default_as_of, evaluate
    from planck.read.dataset import load_city

    data = load_city("luoyang", TARGETS)
    read = {id(o) for o in data.observations}
    report = evaluate(data, default_as_of(data))
    shown = [o for r in report.results
             for o in (r.evidence.latest, r.evidence.latest_partial, *r.evidence.conflicts) if o]
    assert len(shown) > 20 and all(id(o) in read for o in shown)
    # and each still says where it was read: its line in the measured file holds its quote
    lines = (TARGETS / "luoyang.measured.yaml").read_text(encoding="utf-8").splitlines()
    for o in shown:
        assert o.file.endswith("luoyang.measured.yaml")
        item = "\n".join(lines[o.line - 1:o.line + 12])
        assert o.quote[:12] in item, (o.line, o.quote)
