# Sikerja: the two commands are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PACK ?= surakarta-2023
EMPLOYEES ?= 1500
HOST ?= 127.0.0.1:8000
STAMP := $(VENV)/.installed
WORKERS ?= 2

.PHONY: run serve test test-sqlite test-postgres lint bench bench-http install messages clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# One process: run_demo prepares the database as setup_demo does (every system check once,
# migrations when pending, the demo unless there, the logins printed), then serves it without
# the reloader's second process (edit code: runserver).
run: export DJANGO_SETTINGS_MODULE = sikerja.config.settings.dev
run: $(STAMP)
	mkdir -p var
	$(BIN)/python manage.py run_demo --pack $(PACK) --employees $(EMPLOYEES) $(HOST)

# Production: the environment (and ./.env if present: copy .env.example and set the secret key,
# the audit key and the hosts) with the production settings; static files collected, database migrated, gunicorn serving (docs/production.md).
serve: $(STAMP)
	mkdir -p var
	set -a; [ ! -f .env ] || . ./.env; set +a; \
	export DJANGO_SETTINGS_MODULE=sikerja.config.settings.prod; \
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0 && \
	$(BIN)/python manage.py migrate --noinput && \
	$(BIN)/python manage.py createcachetable && \
	exec $(BIN)/gunicorn --config python:sikerja.config.gunicorn sikerja.config.wsgi:application

lint: $(STAMP)
	mkdir -p var
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy src
	PYTHONPATH=src $(BIN)/lint-imports
	DJANGO_SETTINGS_MODULE=sikerja.config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=sikerja.config.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=sikerja.config.settings.test $(BIN)/python manage.py packs --check

# Branch coverage of src/sikerja on the SQLite run (fail-under and report: pyproject.toml).
test-sqlite: $(STAMP)
	mkdir -p var
	$(BIN)/python -m pytest -n $(WORKERS) -p no:cacheprovider --cov --cov-report=term-missing:skip-covered $(PYTEST_ARGS)

test-postgres: $(STAMP)
	$(BIN)/python scripts/with_postgres.py -- $(BIN)/python -m pytest -n $(WORKERS) -p no:cacheprovider

test: lint test-sqlite test-postgres

bench: $(STAMP)
	$(BIN)/python scripts/with_postgres.py -- $(BIN)/python bench/run.py

# Mixed HTTP load through gunicorn (2 and 4 workers) with wrk, next to its floors (bench/README.md).
bench-http: $(STAMP)
	mkdir -p var
	$(BIN)/python scripts/with_postgres.py -- $(BIN)/python bench/http_run.py

messages: $(STAMP)
	cd src/sikerja && DJANGO_SETTINGS_MODULE=sikerja.config.settings.dev ../../$(BIN)/python ../../manage.py compilemessages

clean:
	rm -rf $(VENV) var
