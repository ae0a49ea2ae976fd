#!/usr/bin/env bash
# Every test: typecheck, lint, formatting, unit + integration on SQLite (vitest, real temporary
# SQLite files), the integration suite again on a real PostgreSQL server this script starts and
# removes (scripts/pg/cluster.sh), production build, and Playwright end-to-end in Debian's Chromium
# against `next start` (SQLite, then a subset with two nodes on PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/install-deps.sh
bash scripts/ensure-chromium.sh
bash scripts/pg/ensure-postgres.sh

pg_dir="$(mktemp -d /tmp/difang-pg-XXXXXX)"
pg_port="${TEST_PG_PORT:-55439}"
cleanup() { bash scripts/pg/cluster.sh stop "$pg_dir"; rm -rf "$pg_dir"; }
trap cleanup EXIT
server_url="$(bash scripts/pg/cluster.sh start "$pg_dir" "$pg_port")"
export TEST_POSTGRES_URL="${server_url%/*}/postgres"

echo "== typecheck"; npx tsc --noEmit
echo "== lint"; npx eslint . --max-warnings 0
echo "== format"; npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }
echo "== PostgreSQL schema twin"; node scripts/db/pg-schema.mjs --check
# Unit and integration tests on SQLite: every test file (TEST_POSTGRES_URL is not passed here).
echo "== unit + integration on SQLite"
env -u TEST_POSTGRES_URL npx vitest run --reporter=dot --reporter=json --outputFile.json=/tmp/difang-vitest-sqlite.json
# The integration files (*.int.test.ts, and the copy test) again, on PostgreSQL.
echo "== integration on PostgreSQL"
npx vitest run --reporter=dot --reporter=json --outputFile.json=/tmp/difang-vitest-pg.json .int.test. scripts/db/
node -e '
  for (const [name, file] of [["SQLite", "/tmp/difang-vitest-sqlite.json"], ["PostgreSQL", "/tmp/difang-vitest-pg.json"]]) {
    const r = require(file);
    console.log(`vitest on ${name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped, ${r.numTotalTests} tests in ${r.numTotalTestSuites} suites`);
  }'
echo "== build"; bash scripts/build.sh
echo "== two nodes on PostgreSQL: 20,000 view beacons over both, then SIGTERM to both"
node scripts/load/views-two-nodes.mjs --server "$TEST_POSTGRES_URL"
echo "== end-to-end on SQLite"; npx playwright test
# A subset again with two nodes on one PostgreSQL database (playwright.pg.config.ts), same build.
echo "== end-to-end on PostgreSQL"; npx playwright test -c playwright.pg.config.ts
