"""Start-up cuts of issue 27 keep what they replace.

``id_forms`` finds each id's shortest unshared beginning from its sorted neighbours instead of
comparing every pair; the file models are built once, without a scan for pydantic plugins.
"""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from planck.render.cells import id_forms


def every_pair(ids):
    """The rule as first written: the smallest k whose beginning no other id shares."""
    out = {}
    for i in ids:
        k = next((k for k in range(1, len(i)) if not any(o != i and o.startswith(i[:k])
                                                          for o in ids)), len(i))
        ends = [n for n in range(len(i) - 1, k - 1, -1) if i[n] == "-"]
        out[i] = tuple(dict.fromkeys(i if n >= len(i) - 1 else i[:n] + "…"
                                     for n in (*ends, len(i), k) if n >= k))
    return out


@settings(deadline=None)
@given(st.lists(st.text(alphabet="ab-c", max_size=8), max_size=12))
def test_short_id_forms_are_those_of_the_pairwise_rule(ids):
    assert id_forms(ids) == every_pair(ids)
    assert list(id_forms(ids)) == list(every_pair(ids))


def test_the_file_models_are_built_without_a_plugin_scan_and_leave_the_setting_alone():
    probe = ("import os, pydantic.plugin._loader as L\n"
             "before = os.environ.get('PYDANTIC_DISABLE_PLUGINS')\n"
             "import planck.read.model as m\n"
             "assert m.TargetFile.__pydantic_complete__ and m.MeasuredFile.__pydantic_complete__\n"
             "print(L._plugins is None, os.environ.get('PYDANTIC_DISABLE_PLUGINS') == before)\n")
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120, check=True).stdout.split()
    assert out == ["True", "True"], out


#: What check and validate no longer import (issue 27): typer's pydantic adapters (planck/cli/
#: params.py converts the usual values itself) and importlib.metadata (pydantic's plugin
#: loader, which the file models are built without).
NOT_ON_THE_PATH = {"typer._adapters", "pydantic.type_adapter", "pydantic.plugin._loader",
                   "importlib.metadata"}


def test_check_and_validate_build_no_typer_adapter_and_read_no_package_metadata(tmp_path):
    from test_startup import imported

    for args in (("check", "luoyang"), ("check", "luoyang", "-f", "json", "--targets-dir",
                                         "targets", "--lang", "zh"),
                 ("validate", "targets"), ("validate", "targets/", "--strict")):
        modules = imported(tmp_path, *args)
        assert "planck.read.model" in modules, f"the probe did not run {args}"
        assert sorted(modules & NOT_ON_THE_PATH) == [], args


def test_other_models_still_get_pydantic_plugins_after_the_file_models():
    # the stand-in loader is gone once the file models are built: a model built later asks
    # pydantic's own loader, which reads PYDANTIC_DISABLE_PLUGINS as usual
    probe = ("import sys, planck.read.model\n"
             "assert 'pydantic.plugin._loader' not in sys.modules\n"
             "from pydantic import BaseModel\n"
             "class Later(BaseModel):\n"
             "    x: int\n"
             "import pydantic.plugin._loader as L\n"
             "print(L._plugins is not None, hasattr(L, 'PYDANTIC_ENTRY_POINT_GROUP'), "
             "Later(x=1).x)\n")
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120, check=True).stdout.split()
    assert out == ["True", "True", "1"], out


def test_the_annotations_typer_and_pydantic_read_at_start_are_not_source_text():
    # postponed annotations are strings that typer (a command's options) and pydantic (a
    # model's fields) compile one by one on every run
    from planck.cli.commands import check, explain, list_cities, validate
    from planck.read import model

    for command in (check, validate, list_cities, explain):
        assert not [k for k, v in command.__annotations__.items() if isinstance(v, str)], command
    for name, cls in vars(model).items():
        if isinstance(cls, type) and issubclass(cls, model.Frozen):
            assert not [k for k, v in cls.__annotations__.items() if isinstance(v, str)], name
