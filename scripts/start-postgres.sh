#!/usr/bin/env bash
# Start the machine's PostgreSQL 15 and make a test database; prints the URL to export as WATCHFLOOR_TEST_PG.
# Used by .ci/run; run it by hand (as root) to run the PostgreSQL half of the tests locally.
set -euo pipefail
pg_ctlcluster 15 main start >/dev/null 2>&1 || pg_ctlcluster 15 main status >/dev/null 2>&1
for _ in $(seq 1 30); do su postgres -c "pg_isready -q" && break; sleep 1; done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='watchfloor'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE watchfloor LOGIN PASSWORD 'watchfloor'\""
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='watchfloor_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O watchfloor watchfloor_test"
# the monitoring tests' own database (tests/monitor/conftest.py; WATCHFLOOR_TEST_PG_DB names another)
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='watchfloor_monitor'\"" | grep -q 1 \
  || su postgres -c "createdb -O watchfloor watchfloor_monitor"
echo "postgresql://watchfloor:watchfloor@localhost/watchfloor_test"
