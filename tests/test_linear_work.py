"""Work grows linearly with the number of places (issue 27): nothing here is timed, it is
counted. Each command runs in this process (no worker pool, so every call is seen) on SMALL
and on LARGE (ten times as many) copies of the golden city, and we count

* the YAML files read and parsed: each file of a city once, whatever the command;
* path operations (``PurePath.parent`` and ``==``): a count per report over every file
  written, as ``report --all`` once did for its chart count, is quadratic and shows here.

and `import` parses each text of the file it grows once (before and after)."""

from __future__ import annotations

import os
import pathlib
import shutil
from collections import Counter

import pytest
from conftest import ROOT

from planck import pool
from planck.judge import batch
from planck.read import loader

GOLDEN = ROOT / "tests" / "golden"
#: per place, LARGE places may cost this much more than SMALL (fixed costs make it less than 1)
GROWTH = 1.3
#: Ten times the places: the quadratic chart count of report --all (f02dd8f), put back, gives
#: 70 times the path operations here (82 at 10 and 100), against the 13 allowed. make test
#: counts at 5 and 50 (more places only cost time); `make scale` counts at the issue's 30 and
#: 300 (PLANCK_WORK_PLACES=30,300).
SMALL, LARGE = (int(n) for n in os.environ.get("PLANCK_WORK_PLACES", "5,50").split(","))


def _places(folder: pathlib.Path, n: int) -> pathlib.Path:
    folder.mkdir()
    for i in range(n):
        shutil.copy(GOLDEN / "goldcity.yaml", folder / f"c{i:04d}.yaml")
        shutil.copy(GOLDEN / "goldcity.measured.yaml", folder / f"c{i:04d}.measured.yaml")
    return folder


class Work:
    """Counters installed for one command run."""

    def __init__(self, monkeypatch):
        self.reads: Counter[str] = Counter()
        self.parses: Counter[int] = Counter()
        self.paths = 0
        read, parse = loader.read_regular, loader.parse
        parent, eq = pathlib.PurePath.parent, pathlib.PurePath.__eq__

        def counted_read(path, limit):
            self.reads[str(path)] += 1
            return read(path, limit)

        def counted_parse(text, name):
            self.parses[hash(text)] += 1
            return parse(text, name)

        def counted_parent(p):
            self.paths += 1
            return parent.fget(p)

        def counted_eq(a, b):
            self.paths += 1
            return eq(a, b)

        monkeypatch.setattr(loader, "read_regular", counted_read)
        # every module that imported parse by name gets the counting one
        import sys

        for module in list(sys.modules.values()):
            if getattr(module, "__name__", "").startswith("planck") and \
                    getattr(module, "parse", None) is parse:
                monkeypatch.setattr(module, "parse", counted_parse)
        monkeypatch.setattr(pathlib.PurePath, "parent", property(counted_parent))
        monkeypatch.setattr(pathlib.PurePath, "__eq__", counted_eq)


COMMANDS = {
    "check": ("check", "--all", "-f", "json"),
    "validate": ("validate", "{data}"),
    "report": ("report", "--all", "--reports-dir", "{out}/reports"),
    "diff": ("diff", "--all", "--from", "2023-01-01", "-f", "json"),
    "export": ("export", "--all", "-o", "{out}/all.xlsx"),
}


def _run(invoke, monkeypatch, tmp_path, n: int, command: str) -> Work:
    data = _places(tmp_path / f"data{n}", n)
    out = tmp_path / f"out{n}"
    out.mkdir()
    args = [a.format(data=data, out=out) for a in COMMANDS[command]]
    with monkeypatch.context() as m:
        work = Work(m)
        result = invoke(*args, "--targets-dir", str(data))
    assert result.exit_code in (0, 1), result.output
    return work


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_work_per_place_does_not_grow(invoke, monkeypatch, tmp_path, command):
    # in this process: every call counted
    monkeypatch.setattr(batch, "PARALLEL_FROM", 10**9)
    monkeypatch.setattr(pool, "PARALLEL_FROM", 10**9)
    small = _run(invoke, monkeypatch, tmp_path, SMALL, command)
    large = _run(invoke, monkeypatch, tmp_path, LARGE, command)
    for work, n in ((small, SMALL), (large, LARGE)):
        yamls = {p: k for p, k in work.reads.items() if p.endswith(".yaml")}
        assert len(yamls) == 2 * n, f"{command}: {len(yamls)} files read for {n} places"
        assert set(yamls.values()) == {1}, f"{command}: a file read more than once"
        assert sum(work.parses.values()) == 2 * n, f"{command}: files parsed more than once"
    assert large.paths <= LARGE // SMALL * GROWTH * max(small.paths, 1), (
        f"{command}: {small.paths} path operations for {SMALL} places, {large.paths} for {LARGE}")


def test_import_parses_each_text_of_the_file_it_grows_once(invoke, monkeypatch, tmp_path):
    data = _places(tmp_path / "data", 1)
    rows = ["indicator,period,value,source,quote"]
    rows += [f"high-tech-enterprises,2019-{m:02d},{100 + m},gc-bulletin-2024,"
             f"截至当月共{100 + m}家" for m in range(1, 12)]
    table = tmp_path / "rows.csv"
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with monkeypatch.context() as m:
        work = Work(m)
        result = invoke("import", str(table), "--city", "c0000", "--targets-dir", str(data))
    assert result.exit_code == 0, result.output
    assert "11 observation(s) added" in result.output
    # the target file, the measured file before and after: three texts, each parsed once
    assert sorted(work.parses.values()) == [1, 1, 1], work.parses


def test_validate_city_by_city_on_two_cores_finds_the_same_in_the_same_order(tmp_path):
    from planck.read.checkfiles import validate_paths
    from planck.read.dataset import MEASURED_SUFFIX

    data = _places(tmp_path / "data", 12)
    (data / "broken.yaml").write_text("planck: 1\ncity: [\n", encoding="utf-8")
    measured = (GOLDEN / "goldcity.measured.yaml").read_text(encoding="utf-8")
    (data / "c0003.measured.yaml").write_text(measured.replace("value: 1120", "value: abc"),
                                              encoding="utf-8")
    (data / "orphan.measured.yaml").write_text(measured, encoding="utf-8")
    # a measured file by its content, not its name, pointing at c0005 by its city
    (data / "extra.yaml").write_text(measured.replace("city: goldcity", "city: c0005"),
                                     encoding="utf-8")
    one = validate_paths([data], None, workers=1)
    two = validate_paths([data], None, workers=2)
    assert one == two
    files = [f.file for f in one[1]]
    assert files == sorted(files, key=lambda f: f.endswith(MEASURED_SUFFIX))
    assert {pathlib.Path(f).name for f in files} >= {
        "broken.yaml", "c0003.measured.yaml", "orphan.measured.yaml", "extra.yaml"}
