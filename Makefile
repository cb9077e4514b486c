# The two commands a new user needs: `make run` and `make test`. Everything else serves them.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
MANAGE := $(PY) manage.py
PROD_CHECK_ENV := DJANGO_SETTINGS_MODULE=config.settings.production \
	SECRET_KEY=lint-only-$$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9') \
	ALLOWED_HOSTS=monitoring.example.kz DATABASE_URL=sqlite:////tmp/lint-check.sqlite3

.PHONY: run setup install migrate messages compilemessages demo test lint format bench backup restore faults loadtest clean

run: setup demo ## set everything up on SQLite and serve on 127.0.0.1:$(PORT)
	$(MANAGE) runserver 127.0.0.1:$(PORT)

setup: install compilemessages migrate

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

migrate: install
	$(MANAGE) migrate --noinput

compilemessages: install
	$(MANAGE) compilemessages --ignore=.venv -v0

messages: install ## refresh locale/*/django.po from the code
	$(MANAGE) makemessages -l kk -l ru --no-location --no-obsolete --ignore=.venv --ignore=staticfiles -v0

demo: migrate
	$(MANAGE) load_abai --demo-users

test: install compilemessages ## the whole suite (SQLite, or DATABASE_URL's database)
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint --check templates */templates
	$(VENV)/bin/djlint --lint templates */templates
	$(MANAGE) makemigrations --check --dry-run
	$(MAKE) --no-print-directory messages
	git diff --exit-code -I '^"POT-Creation-Date' -- locale || \
		{ echo "locale/ is behind the code: translate what 'make messages' added"; exit 1; }
	$(PROD_CHECK_ENV) $(MANAGE) check --deploy --fail-level WARNING

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djlint --reformat templates */templates

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache db.sqlite3

BENCH_DB ?= monitoring_bench
bench: install compilemessages ## speed figures at 1 000, 100 000 and 1 000 000 publications (PostgreSQL)
	dropdb -h 127.0.0.1 -U postgres --if-exists $(BENCH_DB)
	createdb -h 127.0.0.1 -U postgres $(BENCH_DB)
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/$(BENCH_DB) $(MANAGE) migrate -v0
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/$(BENCH_DB) $(MANAGE) bench $(BENCH_ARGS)
	dropdb -h 127.0.0.1 -U postgres --if-exists $(BENCH_DB)

BACKUP_DIR ?= backups
backup: ## a consistent pg_dump (custom format) of DATABASE_URL into $(BACKUP_DIR)/
	@test -n "$$DATABASE_URL" || { echo "set DATABASE_URL (PostgreSQL)"; exit 2; }
	mkdir -p $(BACKUP_DIR)
	pg_dump --format=custom --no-owner --no-privileges --dbname="$$DATABASE_URL" \
		--file="$(BACKUP_DIR)/monitoring-$$(date -u +%Y%m%dT%H%M%SZ).dump"
	@ls -1t $(BACKUP_DIR)/*.dump | head -1

restore: ## BACKUP=path: restore a dump into DATABASE_URL, which must be an empty database
	@test -n "$$DATABASE_URL" || { echo "set DATABASE_URL (PostgreSQL)"; exit 2; }
	@test -f "$(BACKUP)" || { echo "set BACKUP to a .dump file"; exit 2; }
	pg_restore --no-owner --no-privileges --exit-on-error --dbname="$$DATABASE_URL" "$(BACKUP)"

faults: install compilemessages ## kill -9 mid-import, PostgreSQL down under load, races (FAULTS_SHORT=1: 5 s outage)
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) -m pytest -m faults tests/faults -v -p no:cacheprovider

loadtest: install compilemessages ## wrk against gunicorn (production settings) over 100 000 publications
	$(PY) -m tests.faults.loadtest
