# responses-bindings: `make generate` regenerates generated/ from spec/ and checks the
# documented examples; `make test` runs the drift check and the test suite. Both set up
# .venv from the pinned requirements.lock on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CLI := $(BIN)/responses-bindings

.PHONY: install generate check lint test

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

# Also installs each generated package into .venv (editable, as a plain path, so type checkers see it too).
generate: install
	$(CLI) generate
	$(CLI) examples
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation \
		--config-settings editable_mode=compat $$(for p in generated/*/pyproject.toml; do printf -- '-e %s ' "$${p%/pyproject.toml}"; done)

# The spec diff against DIFF_BASE (default HEAD) is informational: breaking changes are printed
# for the reviewer but do not fail check (exit 1 passes); an unreadable spec or git error (2) does.
DIFF_BASE ?= HEAD
check: install
	$(CLI) diff --since $(DIFF_BASE) || [ $$? -eq 1 ]
	$(CLI) generate --check

lint: install
	$(CLI) lint
	$(BIN)/ruff check generator tests

# One pytest run on every core; the drift check (generated/ == a fresh generation) is one of its tests.
# Tests marked slow (minutes each: hypothesis-jsonschema on the big kinds) run in make properties and make fuzz.
test: install
	$(BIN)/python -m pytest -n auto --dist loadgroup -m "not slow"

# The generated-instance agreement properties alone, the slow ones included.
.PHONY: properties
properties: install
	$(BIN)/python -m pytest -n auto -m agreement tests/properties

.PHONY: bench fuzz
# Benchmarks print per-payload / per-call figures and ratios against baselines measured in the same run.
# Every script runs; make bench fails at the end when any of them reported a missed goal.
bench: install
	@failed=0; for script in bench/bench_*.py; do $(BIN)/python $$script || failed=1; done; exit $$failed

# The long property-test profile (the CI profile runs inside `make test`): random draws, 5x the
# CI examples. Bounded: after FUZZ_SECONDS no test starts and a running one stops at its next
# instance (PROPERTY_DEADLINE), so the run ends in about FUZZ_SECONDS plus one instance of each
# worker's test, and prints how many instances it tried; 120 s later it is interrupted.
FUZZ_SECONDS ?= 1080
fuzz: install
	PROPERTY_DEADLINE=$$(( $$(date +%s) + $(FUZZ_SECONDS) )) HYPOTHESIS_PROFILE=fuzz \
		timeout --signal=INT $$(( $(FUZZ_SECONDS) + 120 )) $(BIN)/python -m pytest -n auto -rN tests/properties
