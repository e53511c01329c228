# MungMo: `make run` serves everything on http://localhost:8000; `make test` runs every test.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

UV := $(shell scripts/bootstrap.sh)
# Tests run on two pytest-xdist workers (most of a test is waiting on a database or a
# broker); private servers of the fault tests stay on one worker (tests/infra/conftest.py).
PYTEST_WORKERS ?= -n 2 --dist loadgroup
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export UV_LINK_MODE := copy
# Test infrastructure (state under data/kafka and data/mariadb); ports can be moved
# when another copy already runs on this machine.
export MUNGMO_KAFKA_PORT ?= 9092
export MUNGMO_MARIADB_PORT ?= 3307
export MUNGMO_TEST_KAFKA_BOOTSTRAP := 127.0.0.1:$(MUNGMO_KAFKA_PORT)
export MUNGMO_TEST_MARIADB_URL := mysql+aiomysql://mungmo:mungmo@127.0.0.1:$(MUNGMO_MARIADB_PORT)/

.PHONY: help
help:
	@echo "make run    - install, build the web app, serve MungMo on http://localhost:8000"
	@echo "make test   - every test: lint, types, unit, integration (SQLite and MariaDB+Kafka), web, e2e"
	@echo "make kafka  - start the local Kafka broker (stop: scripts/kafka.sh stop)"

.PHONY: python-deps
python-deps:
	$(UV) sync --locked

web/node_modules/.package-lock.json: web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $@

.PHONY: web-deps
web-deps: web/node_modules/.package-lock.json

.PHONY: web-build
web-build: web-deps
	cd web && npm run build

.PHONY: run
run: python-deps web-build
	$(UV) run mungmo run --no-build

.PHONY: kafka
kafka:
	scripts/kafka.sh start

.PHONY: system-deps
system-deps:
	scripts/system-deps.sh

.PHONY: test-infra
test-infra: system-deps
	scripts/kafka.sh start
	scripts/mariadb.sh start

.PHONY: check
check: python-deps
	@echo "==== lint, format, types, import boundaries ===="
	$(UV) run ruff check src tests bench
	$(UV) run ruff format --check src tests bench
	$(UV) run mypy
	$(UV) run lint-imports
	@echo "==== generated API client is current ===="
	$(UV) run mungmo openapi --out .cache/openapi.json
	diff -u web/openapi.json .cache/openapi.json || (echo "web/openapi.json is stale: run 'make api-client'"; exit 1)

.PHONY: api-client
api-client: python-deps web-deps
	$(UV) run mungmo openapi --out web/openapi.json
	cd web && npm run generate:api

.PHONY: test-python
test-python: python-deps
	@echo "==== Python: unit + integration on SQLite and the embedded event log ===="
	$(UV) run pytest tests/unit tests/integration -q $(PYTEST_WORKERS)
	@echo "==== Python: integration + infra on MariaDB and a real Kafka broker ===="
	$(UV) run pytest tests/integration tests/infra -q --stack=real $(PYTEST_WORKERS)

.PHONY: test-web
test-web: web-deps
	@echo "==== Web: lint, types, generated client, unit tests ===="
	cd web && npm run lint && npm run typecheck && npm run check:api && npm test

.PHONY: test-e2e
test-e2e: python-deps web-build
	@echo "==== End-to-end: Playwright in headless Chromium against the real back end ===="
	cd web && CI=$${CI:-} npm run e2e

.PHONY: test
test: test-infra check test-python test-web test-e2e
	@echo "==== all tests passed ===="
