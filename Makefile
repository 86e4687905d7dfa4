# The two commands: `make run` (set up and serve the demo) and `make test`.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Links in e-mails point at the port being served, unless SITE_URL is set in the environment.
SITE_URL ?= http://127.0.0.1:$(PORT)
PYTEST_ARGS ?=

# The demo's staff sign in with their password alone; STAFF_TWO_FACTOR=1 asks for a code too.
STAFF_TWO_FACTOR ?= 0
# The demo and the checks here run on this machine, in one process: LOCAL_DEMO=1 lets them use
# the built-in SECRET_KEY and the in-process cache, both refused in production (README).
DEMO_ENV := LOCAL_DEMO=1
# Settings for serving locally on plain http with production-like pages (no debug tracebacks).
LOCAL_ENV := $(DEMO_ENV) SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0 SECURE_HSTS_SECONDS=0 STAFF_TWO_FACTOR=$(STAFF_TWO_FACTOR) \
  SITE_URL=$(SITE_URL)

.PHONY: help install db-ready run dev test lint audit format bench clean

help:
	@echo "make run               set everything up and serve the demo on http://127.0.0.1:$(PORT)"
	@echo "make test              run the whole test suite (browser tests need Chromium and npm)"
	@echo "make lint              ruff, formatting, import layers and missing-migration checks"
	@echo "make audit             known vulnerabilities in the installed packages (needs the network)"
	@echo "make bench             benchmarks against PostgreSQL (see bench/README.md)"
	@echo "make dev               like run, with DEBUG=1 and auto-reload"

$(VENV)/.installed: pyproject.toml
	@PYTHON="$${PYTHON:-$$(sh scripts/find-python)}" || exit 1; \
	  echo "Using $$PYTHON ($$($$PYTHON --version))"; \
	  test -x $(PY) || "$$PYTHON" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else \
	  echo "npm not found: browser accessibility tests will be skipped (sudo apt-get install npm)"; \
	fi

install: $(VENV)/.installed
	@-$(MAKE) --no-print-directory node_modules/.installed

db-ready: $(VENV)/.installed
	$(DEMO_ENV) $(PY) manage.py migrate --noinput
	$(DEMO_ENV) $(PY) manage.py seed_demo
	$(DEMO_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0

run: install db-ready
	@echo "Serving on http://127.0.0.1:$(PORT) — demo logins are in README.md"
	$(LOCAL_ENV) $(PY) manage.py runserver --noreload 127.0.0.1:$(PORT)

dev: install db-ready
	DEBUG=1 STAFF_TWO_FACTOR=$(STAFF_TWO_FACTOR) SITE_URL=$(SITE_URL) $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/bandit --quiet --recursive clinic patients screening infusions --exclude '*/migrations/*'
	$(DEMO_ENV) $(PY) manage.py makemigrations --check --dry-run

# Known vulnerabilities in every installed package (PyPI's advisory data, so it needs the
# network). A finding fails it unless ops/audit-exceptions.txt lists its id with a reason.
audit: $(VENV)/.installed
	$(VENV)/bin/pip-audit --strict --progress-spinner off \
	  $$(sed -n 's/^\([A-Za-z][A-Za-z0-9-]*\)[[:space:]].*/--ignore-vuln \1/p' ops/audit-exceptions.txt)

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) node_modules staticfiles test-artifacts db.sqlite3
