# The two commands a newcomer needs: `make run` (the portal with demo data) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test test-sqlite test-postgres messages bench-inbox clean

install: $(STAMP) system-packages

$(STAMP): requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	@touch $(STAMP)

# What the tests need from outside PyPI: Debian's Chromium for the browser tests, and gettext
# for makemessages. Installed only when missing.
.PHONY: system-packages
system-packages:
	@bin/ensure-system-packages

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo --if-empty --verbosity 0
	@bin/run-portal $(HOST) $(PORT)

test: install
	@set -e; \
	echo "== Tests on SQLite =="; \
	DATABASE_URL= $(PY) -m pytest $(PYTEST_ARGS); \
	if [[ "$$DATABASE_URL" == postgres* ]]; then \
	  echo "== Tests on PostgreSQL =="; \
	  $(PY) -m pytest $(PYTEST_ARGS); \
	else \
	  echo "(DATABASE_URL does not point at PostgreSQL: PostgreSQL run skipped)"; \
	fi

# Refresh the French (Canada) catalogue after changing user-facing strings.
messages: install
	$(PY) manage.py makemessages --locale fr_CA --no-location --ignore '.venv/*' --ignore 'tests/*' --ignore 'bench/*' --ignore 'staticfiles/*'
	$(PY) manage.py compilemessages --locale fr_CA

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles
