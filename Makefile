# mutualaid: `make run` serves the app on SQLite with demo data; `make test` runs everything.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CATALOGS := $(patsubst %.po,%.mo,$(wildcard mutualaid/locales/*/LC_MESSAGES/messages.po))

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	@touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[dev]"
	@touch $@ $(VENV)/.runtime

mutualaid/locales/%/LC_MESSAGES/messages.mo: mutualaid/locales/%/LC_MESSAGES/messages.po $(VENV)/.runtime
	$(BIN)/pybabel compile -D messages -i $< -o $@ >/dev/null

.PHONY: install
install: $(VENV)/.runtime $(CATALOGS) ## Create .venv and install the app

.PHONY: run
run: install ## Serve on http://127.0.0.1:8000 (SQLite in ./data, demo data on a new database)
	$(BIN)/mutualaid serve --demo --host 127.0.0.1 --port 8000

.PHONY: test
test: ## Install what the suite needs (chromium, postgresql too) and run it on SQLite and PostgreSQL
	scripts/test.sh

.PHONY: check
check: $(VENV)/.dev $(CATALOGS) ## Lint, format, types, security scanners, import layers, migrations, translations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/bandit -c pyproject.toml -r mutualaid jobs --quiet --severity-level medium
	$(BIN)/semgrep scan --config .semgrep/mutualaid.yml --metrics=off --disable-version-check \
		--error --quiet mutualaid jobs templates scripts
	$(BIN)/lint-imports
	$(BIN)/pytest -q -p no:cacheprovider tests/test_migrations.py
	$(BIN)/python scripts/i18n_check.py

.PHONY: bench
bench: $(VENV)/.dev $(CATALOGS) ## Time suggestions and the queue at 100,000 needs and offers, SQLite then PostgreSQL (docs/performance.md)
	benchmarks/bench.sh $(BENCH_ARGS)

.PHONY: dev-deps
dev-deps: $(VENV)/.dev $(CATALOGS)

# The dynamic scanners (tests/scans) live in a venv of their own: wapiti pins its own httpx,
# sqlalchemy and friends, which must never decide the app's versions.
SCANNERS := .venv-scanners

$(SCANNERS)/.installed: tests/scans/requirements.txt
	rm -rf $(SCANNERS)
	$(PYTHON) -m venv $(SCANNERS)
	$(SCANNERS)/bin/pip install -q -r tests/scans/requirements.txt
	@touch $@

.PHONY: scanners
scanners: $(SCANNERS)/.installed ## Install sqlmap and wapiti in .venv-scanners (used by tests/scans)

.PHONY: clean
clean: ## Remove the virtualenv and caches (keeps ./data)
	rm -rf $(VENV) $(SCANNERS) .pytest_cache .mypy_cache .ruff_cache
