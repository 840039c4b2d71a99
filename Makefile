# planck — developer tasks. CI (.ci/run) runs `make lint` and `make test` in a fresh venv.
VENV ?= .venv
PY := $(VENV)/bin/python
PLANCK := $(VENV)/bin/planck
STAMP := $(VENV)/.installed

.PHONY: install run test lint bench reports fuzz scale mistakes mutate clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)  ## create the virtual environment and install planck with test tools

run: install  ## install, then check Luoyang on the bundled data
	$(PLANCK) check luoyang

# Workers for `make test`: one per core (pytest-xdist); TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= auto

test: install  ## the whole test suite (what CI runs), spread over the cores
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup

lint: install  ## style, types (mypy, settings in pyproject.toml; --strict on the core) and the project's own data files
	$(VENV)/bin/ruff check planck tests bench
	$(VENV)/bin/ruff check --select C901 --config 'lint.mccabe.max-complexity=15' planck/judge planck/read planck/operators.py planck/result.py planck/result_parts.py
	$(VENV)/bin/mypy
	$(VENV)/bin/mypy --strict planck/operators.py planck/result.py planck/result_parts.py planck/judge planck/read/model.py
	$(PLANCK) validate targets --sources ../shared/seeds

bench: install  ## start-up, validate-vs-yamllint and scale benchmarks (prints medians)
	$(PY) bench/bench.py

reports: install  ## regenerate reports/*.md from the bundled data
	$(PLANCK) report --all

fuzz: install  ## every property and fuzz test at length (FUZZ_EXAMPLES examples each, 20,000 unless set); make test tries 100
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest -m hypothesis -p no:randomly -q

scale: install  ## the work-counting test at 30 and 300 places (make test counts at 5 and 50)
	PLANCK_WORK_PLACES=30,300 $(PY) -m pytest tests/test_linear_work.py -p no:randomly -q

mistakes: install  ## put each mistake of issue 13 into a copy of the code; every one must fail a test
	$(PY) tests/mistakes.py

mutate: install  ## mutation testing of the core with mutmut (CPU-heavy; MUTATE_CHILDREN=1 workers)
	$(VENV)/bin/mutmut run --max-children $${MUTATE_CHILDREN:-1}
	$(VENV)/bin/mutmut results

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build dist mutants
