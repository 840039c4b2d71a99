"""How many examples a property test tries is the hypothesis profile's (tests/conftest.py): a
bounded sample in `make test` and CI, FUZZ_EXAMPLES in `make fuzz`. A count written on a test
would hold `make test` at it (the whole suite waits on the slowest worker) and keep `make fuzz`
from going further."""

from __future__ import annotations

import re

from conftest import ROOT

COUNT = re.compile(r"\bmax_examples\s*=")


def test_no_property_test_sets_its_own_number_of_examples():
    written = [f"{path.name}:{n}" for path in sorted((ROOT / "tests").glob("*.py"))
               if path.name != "conftest.py"
               for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
               if COUNT.search(line)]
    assert written == [], f"max_examples set on a test (the profile in conftest.py decides): {written}"
