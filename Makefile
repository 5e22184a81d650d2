# The project's vocabulary. `make help` lists it.
# Newcomers need two targets: `make run` and `make test`.

PYTHON ?= $(shell scripts/find-python)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
LOCALDB := $(PY) scripts/localdb.py
# The installer: a third of pip's time from a clean clone (11 s against 28). It
# compiles the libraries' .pyc files too, which nothing else would on machines
# that set PYTHONDONTWRITEBYTECODE.
UV := uv==0.13.9
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run test check install db db-stop serve worker lint format messages lock
.PHONY: backup restore browser-tools test-tools bench

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

run: install messages ## Site with demo content on http://127.0.0.1:$(PORT)/ (and the mail worker)
	$(LOCALDB) run -- $(MANAGE) devserver 127.0.0.1:$(PORT)

test: install messages browser-tools test-tools ## The whole suite: lint, migrations check, tests
	$(LOCALDB) run -- $(MAKE) --no-print-directory check-all

# What `make check` leaves out: see the markers in pyproject.toml.
FAST_TESTS := not browser and not cluster and not servers and not faults and not slow and not fuzz

check: install messages ## Lint and the tests that start nothing extra: under a minute (for work in progress)
	$(LOCALDB) run -- $(MAKE) --no-print-directory check-fast

check-fast: lint
	$(PY) -m pytest -q -n 2 -m "$(FAST_TESTS)"

# One run in two processes, a test module at a time, the longest first (the order
# tests/conftest.py gives them): the browser tests and those that start servers
# (which mostly wait on Chromium and the servers) run beside the others instead of
# after them. Hypothesis draws the same examples every time (tests/conftest.py),
# as CI needs.
check-all: lint
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) check --fail-level WARNING
	HYPOTHESIS_PROFILE=ci $(PY) -m pytest -q -n 2 --dist loadscope --no-loadscope-reorder

install: $(VENV)/.installed ## The virtual environment in .venv/ with the pinned dependencies

$(VENV)/.installed: requirements/base.txt requirements/dev.txt
	@test -n "$(PYTHON)" || exit 1
	@[ ! -x $(PY) ] || $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' || rm -rf $(VENV)
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check $(UV)
	$(PY) -m uv pip install --quiet --python $(PY) --compile-bytecode -r requirements/dev.txt
	@touch $@

# Each catalogue is compiled when its .po has changed, as compilemessages would.
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po */locale/*/LC_MESSAGES/*.po))

messages: install $(CATALOGUES) ## Compile the Swedish translation

%.mo: %.po
	@scripts/need msgfmt:gettext
	@msgfmt --check-format -o $@ $<

db: install ## Start the private PostgreSQL cluster (stop it with `make db-stop`)
	$(LOCALDB) start

db-stop: install ## Stop the private PostgreSQL cluster
	$(LOCALDB) stop

serve: install messages ## Production-like: collectstatic, then gunicorn on $(PORT), settings from the environment
	DJANGO_SETTINGS_MODULE=secretariat.settings.production $(MANAGE) collectstatic --noinput -v 0
	DJANGO_SETTINGS_MODULE=secretariat.settings.production PORT=$(PORT) \
		$(VENV)/bin/gunicorn --config gunicorn.conf.py secretariat.wsgi

worker: install ## The background worker that sends emails
	$(LOCALDB) run -- $(MANAGE) db_worker

lint: install ## ruff: lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Reformat and fix what ruff can
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

lock: install ## Re-pin requirements/*.txt from pyproject.toml
	$(PY) -m uv pip compile pyproject.toml --python-version 3.12 --no-header --no-annotate -q -o requirements/base.txt
	$(PY) -m uv pip compile pyproject.toml --group dev --python-version 3.12 --no-header --no-annotate -q -o requirements/dev.txt

backup: install ## Dump the database and the media files into var/backups/<date>/
	$(LOCALDB) run -- $(MANAGE) backup

restore: install ## Restore BACKUP=var/backups/<date> into an empty database (FORCE=1 replaces content)
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=var/backups/<folder> [FORCE=1]"; exit 2; }
	$(LOCALDB) run -- $(MANAGE) restore "$(BACKUP)" $(if $(FORCE),--force)

browser-tools: install ## What the browser tests need: Chromium, Java, axe-core and the Nu Html Checker
	@scripts/need chromium:chromium java:default-jre-headless npm:npm
	@$(MAKE) -s --no-print-directory node_modules/.installed

# Debian's Chromium, since Playwright's own browser download does not work on
# every machine; axe-core and vnu-jar at the exact versions in package.json.
node_modules/.installed: package.json .npmrc
	npm install --no-audit --no-fund --loglevel=error
	@touch $@

test-tools: ## System programs the tests start: Redis (two app servers sharing a cache)
	@scripts/need redis-server:redis-server

bench: install messages test-tools ## Benchmark on a 50,000-article archive against the targets (about 13 minutes); var/bench.json
	@scripts/need wrk:wrk
	$(LOCALDB) run -- $(PY) scripts/bench.py
