#!/usr/bin/env bash
# Every test: typecheck, lint, formatting, unit + integration (vitest, real temporary SQLite files),
# production build, and Playwright end-to-end in Debian's Chromium against `next start`.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/install-deps.sh
bash scripts/ensure-chromium.sh
echo "== typecheck"; npx tsc --noEmit
echo "== lint"; npx eslint . --max-warnings 0
echo "== format"; npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }
echo "== unit + integration"; npx vitest run
echo "== build"; bash scripts/build.sh
echo "== end-to-end"; npx playwright test
# End-to-end on PostgreSQL (two nodes on one database; playwright.pg.config.ts) when a server is
# given; the same build.
if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  echo "== end-to-end on PostgreSQL"; npx playwright test -c playwright.pg.config.ts
fi
