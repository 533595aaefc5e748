# bilan — the two commands: `make demo` and `make test` (both work on a fresh clone).
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: install demo test lint typecheck unit eval test-split services browser postgres bench load clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/bilan gazetteer build
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/python -m bilan.demo

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: install
	$(BIN)/mypy

unit: install services
	BILAN_REQUIRE_SERVICES=1 $(BIN)/pytest -n 2 -q

eval: install
	$(BIN)/bilan gate --shared $(SHARED)

# Extraction over the blind test split, counts per article printed for a person to review.
# Never tune rules or lexicons on what it shows.
test-split: install
	$(BIN)/python scripts/test_split.py --split $(SHARED)/corpora/wikinews-fr-2012/test

# Services the tests need, installed from Debian's packages and started on loopback.
services: postgres browser

postgres:
	bash scripts/postgres.sh start

browser:
	bash scripts/browser.sh

test: lint typecheck unit eval

bench: install load
	$(BIN)/python -m benchmarks.run

# Bounded load test on loopback (60 s of concurrent /extract and /counts): served, errors, p95.
load: install
	$(BIN)/python -m benchmarks.load --seconds 60 --concurrency 4

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache var out
