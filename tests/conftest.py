"""Shared fixtures: a CLI runner, a tiny city written to a temp folder, the seeds folder."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
import typer.testing
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

# Compiled modules are cached (__pycache__, as git ignores) even where PYTHONDONTWRITEBYTECODE
# is set: without the cache every test process rewrites the asserts of every test module and
# compiles planck again, seconds a run; processes the tests start read the cache too.
sys.dont_write_bytecode = False

ROOT = Path(__file__).resolve().parent.parent
TARGETS = ROOT / "targets"
SEEDS = ROOT.parent / "shared" / "seeds"


# Property tests (hypothesis): `make test` and CI try a bounded sample of every property,
# PROPERTY_EXAMPLES each; `make fuzz` loads the "fuzz" profile (HYPOTHESIS_PROFILE=fuzz) and
# tries FUZZ_EXAMPLES each. No deadline: a shared core must not make a pure function flaky.
PROPERTY_EXAMPLES = 100
settings.register_profile("planck", max_examples=PROPERTY_EXAMPLES, deadline=None)
settings.register_profile(
    "fuzz", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "20000")), deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "planck"))


def _build_once() -> None:
    """typer's runner rebuilds the click command from the app on every invoke: it reads the
    annotations of every option of every command, about 0.15 s, most of what an in-process run
    costs, and the suite runs planck in-process thousands of times. Here each app is built once
    per test process and rebuilt only if its commands, groups or callback change; the command
    parses the arguments of each run afresh, as in a real process."""
    build = typer.testing._get_command
    built: dict[int, tuple[object, tuple, object]] = {}

    def command(app):
        shape = (tuple(map(id, app.registered_commands)), tuple(map(id, app.registered_groups)),
                 id(app.registered_callback))
        hit = built.get(id(app))
        # the app is kept in the entry, so its id is not reused by another app meanwhile
        if hit is None or hit[0] is not app or hit[1] != shape:
            hit = built[id(app)] = (app, shape, build(app))
        return hit[2]

    typer.testing._get_command = command  # type: ignore[attr-defined]


_build_once()


#: Test modules whose tests run on one worker under pytest-xdist: the browser tests share one
#: browser and one tour of the site, which a second worker would start again.
ONE_WORKER = {"tests/test_browser.py": "browser", "tests/test_browser_read.py": "browser"}


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Under ``-n`` (xdist's ``load``, or ``loadgroup`` as `make test` asks), scheduling
    with the groups of ONE_WORKER: every other test is a unit of its own, each group one
    unit, and a group, the largest unit, is sent first. (xdist 3.8 reads an
    ``xdist_group`` mark by renaming the test's node id, which pytest 9 no longer allows,
    so a mark alone would leave the group split.)"""
    if config.getvalue("dist") not in ("load", "loadgroup"):
        return None
    from xdist.scheduler import LoadGroupScheduling

    class ByModule(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return ONE_WORKER.get(nodeid.split("::", 1)[0]) or super()._split_scope(nodeid)

    return ByModule(config, log)


@pytest.fixture(autouse=True, scope="session")
def _no_flush_to_disk():
    """``os.fsync`` does nothing in the test process. No test can observe what it buys (a file
    that survives a power cut), and on a shared disk it costs milliseconds a file: half of a
    ``report --all``. What the tests prove about atomic writes does not depend on it: those
    that fail a write at ``os.fsync`` patch it themselves, and planck run as a real process
    (the subprocess tests) still flushes."""
    with pytest.MonkeyPatch.context() as m:
        m.setattr(os, "fsync", lambda fd: None)
        yield


@pytest.fixture
def seeds() -> Path:
    """The plan documents (../shared/seeds). Absent on a developer's machine the test is
    skipped; in CI (CI=true) it must run, so a missing folder is a failure, not a skip."""
    if not SEEDS.is_dir():
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(f"source documents not found at {SEEDS}: CI must run provenance checks")
        pytest.skip(f"source documents not found at {SEEDS} (CI has them)")
    return SEEDS


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def invoke(runner, monkeypatch):
    """Run planck through typer's runner with a clean environment."""
    from planck.cli import app

    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("PLANCK_TARGETS", raising=False)

    def run(*args: str, env: dict | None = None):
        return runner.invoke(app, list(args), env=env)

    return run


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory) -> Path:
    """The site of the bundled data (``planck site``), built once per test process for the
    tests that only read it (the site's links and marks, and what a browser shows of it)."""
    from planck.cli import app

    out = tmp_path_factory.mktemp("bundled-site") / "site"
    res = CliRunner().invoke(app, ["site", "-o", str(out), "--targets-dir", str(TARGETS)])
    assert res.exit_code == 0, res.output
    return out


@pytest.fixture(scope="session")
def site(bundled_site) -> Path:
    """The bundled site, as the browser tests read it."""
    return bundled_site


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test of the process (tests/browser.py).
    Skipped outside CI when none is installed; under CI=true a missing browser fails."""
    from browser import Browser, find_browser, in_ci

    binary = find_browser()
    if binary is None:
        if in_ci():
            pytest.fail("chromium not found: CI must run the browser test (.ci/run installs it)")
        pytest.skip("no chromium installed (apt-get install chromium); CI runs this test")
    b = Browser(binary)
    yield b
    b.close()


@pytest.fixture(scope="session")
def shots() -> Path:
    """Where the browser tests leave their screenshots: $PLANCK_SCREENSHOTS or a temp folder."""
    import tempfile

    folder = os.environ.get("PLANCK_SCREENSHOTS") or tempfile.mkdtemp(prefix="planck-shots-")
    Path(folder).mkdir(parents=True, exist_ok=True)
    return Path(folder)


@pytest.fixture(scope="session")
def reader(browser):
    """``reader(page, screens, script)``: each page read on every screen of a test run once
    per screen, opened once for all of them (``browser.Reader``)."""
    from browser import Reader

    return Reader(browser)


@pytest.fixture(scope="session")
def tour(browser, site):
    """Every page of the bundled site opened once and read for every test that reads them
    all (``browser.tour``): the crawl, the charts on both screens, the Chinese prose."""
    from browser import tour as visit_all

    return visit_all(browser, site)


def base_targets(**overrides) -> dict:
    """A minimal valid target file as a dict (JSON is YAML, so it can be written as such)."""
    doc = {
        "planck": 1,
        "city": {"id": "testcity", "name_zh": "测试市", "name_en": "Testcity"},
        "sources": [{"id": "plan", "title": "测试规划", "issuer": "测试市人民政府",
                     "date": "2022-01-01"}],
        "plans": [{"id": "p14", "title_zh": "十四五规划", "title_en": "14th FYP",
                   "start": 2021, "end": 2025, "source": "plan"}],
        "indicators": [
            {"id": "firms", "name_zh": "高新技术企业数", "name_en": "High-tech firms",
             "unit": "家", "direction": "higher"},
            {"id": "rd", "name_zh": "研发投入强度", "name_en": "R&D intensity",
             "unit": "%", "direction": "higher"},
            {"id": "money", "name_zh": "技术合同成交额", "name_en": "Tech contracts",
             "unit": "亿元", "direction": "higher"},
        ],
        "targets": [],
    }
    doc.update(overrides)
    return doc


def written(n: object) -> str:
    """A number as a document writes it: a tiny one without its exponent (1e-300 is written
    0.000000, which the quote check reads as that value to its tolerance)."""
    text = str(n)
    return format(n, "f") if isinstance(n, float) and "e" in text and abs(n) < 1 else text


def target(tid: str, indicator: str, op: str, **fields) -> dict:
    # the default quote writes the target's numbers, as check and validate require
    numbers = [fields[k] for k in ("value", "low", "high") if fields.get(k) is not None]
    t = {"id": tid, "plan": "p14", "indicator": indicator, "op": op, "deadline": 2025,
         "source": "plan", "quote": "引文" + "".join(f" {written(n)}" for n in numbers)}
    t.update(fields)
    return t


def new_city_without_figures(invoke, folder: Path) -> None:
    """City ``jc`` made by ``planck new`` in ``folder``, with one indicator (firms, 家) and no
    measured file yet: where record and import must create the file they write."""
    assert invoke("new", "jc", "--name-zh", "江川市", "--name-en", "Jiangchuan",
                  "--targets-dir", str(folder)).exit_code == 0
    city = folder / "jc.yaml"
    city.write_text(city.read_text(encoding="utf-8").replace(
        "indicators: []", "indicators:\n  - id: firms\n    name_zh: 企业\n    name_en: Firms\n"
        "    unit: 家\n    direction: higher"), encoding="utf-8")
    (folder / "jc.measured.yaml").unlink()


def obs(indicator: str, period, value, unit: str, **fields) -> dict:
    o = {"indicator": indicator, "period": period, "value": value, "unit": unit,
         "source": "bulletin", "quote": f"{written(value)}{unit}"}
    o.update(fields)
    return o


def measured(observations: list[dict], **overrides) -> dict:
    doc = {"planck": 1, "city": "testcity",
           "sources": [{"id": "bulletin", "title": "统计公报", "issuer": "统计局",
                        "date": "2026-03-01", "url": "https://example.org/b"}],
           "observations": observations}
    doc.update(overrides)
    return doc


def block_yaml(doc) -> str:
    """``doc`` in YAML's block style, every key and value written as JSON writes it: the same
    data as ``json.dumps(doc)`` (JSON is YAML), one key or item a line. planck reads such a
    file on its fast path; JSON laid out over several lines takes its careful parser, several
    times slower, which tests of what planck decides need not pay (test_model and the hostile
    and fuzz tests read JSON and flow collections on purpose)."""

    def lines(value, pad: str) -> list[str]:
        out = []
        if isinstance(value, dict):
            for key, item in value.items():
                head = f"{pad}{json.dumps(key, ensure_ascii=False)}:"
                if isinstance(item, (dict, list)) and item:
                    out += [head, *lines(item, pad + "  ")]
                else:
                    out.append(f"{head} {json.dumps(item, ensure_ascii=False)}")
        else:
            for item in value:
                if isinstance(item, (dict, list)) and item:
                    inner = lines(item, pad + "  ")
                    out += [f"{pad}- {inner[0][len(pad) + 2:]}", *inner[1:]]
                else:
                    out.append(f"{pad}- {json.dumps(item, ensure_ascii=False)}")
        return out

    if not isinstance(doc, (dict, list)) or not doc:
        return json.dumps(doc, ensure_ascii=False) + "\n"
    return "\n".join(lines(doc, "")) + "\n"


@pytest.fixture
def make_city(tmp_path):
    """Write a city's target (and measured) file; return the target file path."""

    def make(targets: list[dict], observations: list[dict] | None = None,
             doc: dict | None = None, measured_doc: dict | None = None) -> Path:
        d = doc or base_targets()
        d["targets"] = targets
        path = tmp_path / "testcity.yaml"
        path.write_text(block_yaml(d), encoding="utf-8")
        if observations is not None or measured_doc is not None:
            m = measured_doc or measured(observations or [])
            (tmp_path / "testcity.measured.yaml").write_text(block_yaml(m), encoding="utf-8")
        return path

    return make


def figure(period: int | str, value: float, unit: str = "", **fields):
    """A figure as read (``planck.read.dataset.Obs``) for a result built by hand: by default
    an annual figure given in the indicator's unit, published the March after its year."""
    from datetime import date

    from planck.read.dataset import Obs

    year = int(str(period)[:4])
    shape = dict(indicator="indicator", period=period, year=year, value=value, unit=unit,
                 given_value=value, given_unit=unit, partial=isinstance(period, str),
                 pin=False, source="s", source_title="公报", source_date=date(year + 1, 3, 1),
                 url=None, quote=f"{value:g}", file="m.yaml", line=1, order=0)
    return Obs(**{**shape, **fields})


#: Where each key of a result's JSON object lives in ``Result`` (None: on the result itself)
PART_OF = {
    **dict.fromkeys(("status", "final", "reason", "provisional", "first_met", "category",
                     "light"), "verdict"),
    **dict.fromkeys(("baseline_year", "baseline", "baseline_actual", "latest",
                     "latest_partial", "years", "reference_value", "conflicts"), "evidence"),
    **dict.fromkeys(("percent_to_goal", "percent_reason", "attainment", "expected_progress",
                     "base_point"), "progress"),
    **dict.fromkeys(("pace", "pace_method", "ratio_reason", "catch_up"), "pacing"),
    **dict.fromkeys(("above_range", "stale", "overdue", "estimate", "bounds"), "flags"),
}
#: a key whose name in its part differs from the JSON's
_NAME_IN_PART = {"pace_method": "method"}


def result_of(**keys):
    """A ``Result`` built by hand from the keys of its JSON object (``status=…``,
    ``latest=…``): each goes into its part (verdict, evidence, progress, pacing, flags)."""
    from planck import result as R

    parts: dict[str, dict] = {p: {} for p in set(PART_OF.values())}
    top = {}
    for k, v in keys.items():
        if k in PART_OF:
            parts[PART_OF[k]][_NAME_IN_PART.get(k, k)] = v
        else:
            top[k] = v
    classes = {"verdict": R.Verdict, "evidence": R.Evidence, "progress": R.Progress,
               "pacing": R.Pacing, "flags": R.Flags}
    return R.Result(**top, **{p: classes[p](**kw) for p, kw in parts.items()})
