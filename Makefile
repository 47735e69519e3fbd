# caseload: `make run` for the demo, `make test` for everything CI runs.
# Longer shell logic lives in scripts/.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

# Pure domain code, type-checked with mypy --strict; paths that don't exist yet are skipped.
MYPY_PATHS := $(wildcard caseload/risk/predictors caseload/*/domain.py caseload/*/domain) \
	caseload/core/charts.py caseload/core/dates.py caseload/core/working_days.py caseload/core/errors.py caseload/core/versions.py caseload/core/memo.py caseload/derived/facts.py \
	caseload/risk/assessment.py caseload/risk/derive.py caseload/tiering/derive.py \
	caseload/risk/explain.py caseload/tiering/explain.py \
	caseload/demo/generator.py caseload/demo/supervision.py caseload/demo/choice.py \
	caseload/demo/validate.py caseload/demo/diary.py caseload/demo/personal_details.py \
	caseload/demo/plans_and_enquiries.py caseload/demo/upkeep.py caseload/demo/national \
	caseload/essentials/wording.py

PY_STAMP := $(VENV)/.requirements-installed
FRONTEND_STAMP := caseload/static/caseload/.built
FRONTEND_SOURCES := package.json package-lock.json scripts/build-frontend \
	$(wildcard frontend/scss/*.scss frontend/js/*.js)

.PHONY: help run test lint fmt frontend deps system-deps clean

help:
	@echo "make run        start the demo on http://127.0.0.1:$(PORT)/ (PORT=... to change)"
	@echo "make test       install what is missing, then lint, type-check and test (SQLite,"
	@echo "                PostgreSQL, browser): exactly what CI runs"
	@echo "make lint       ruff check and ruff format --check"
	@echo "make fmt        ruff format and ruff check --fix"
	@echo "make frontend   build CSS, JS and assets into caseload/static/"
	@echo "make clean      remove built files and caches (keeps .venv, node_modules and the database)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(PY_STAMP): requirements/base.txt requirements/dev.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/dev.txt -e .
	touch $@

deps: $(PY_STAMP)

$(FRONTEND_STAMP): $(FRONTEND_SOURCES)
	scripts/build-frontend

frontend: $(FRONTEND_STAMP)

system-deps:
	scripts/install-system-deps

run: deps frontend
	mkdir -p var/static
	PORT=$(PORT) $(BIN)/caseload demo

test: deps frontend system-deps
	MYPY_PATHS="$(MYPY_PATHS)" scripts/test

lint: deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: deps
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf caseload/static/caseload caseload/static/govuk caseload/static/vendor var/static
	find . -path ./.venv -prune -o -path ./node_modules -prune -o \
		-type d \( -name __pycache__ -o -name .mypy_cache -o -name .ruff_cache \) -print0 \
		| xargs -0 rm -rf
