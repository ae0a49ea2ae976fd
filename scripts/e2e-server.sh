#!/usr/bin/env bash
# The server Playwright tests run against: a fresh SQLite file of its own (data/e2e.db, never the
# portal's database), migrated and seeded, then the production build under `next start`.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export DATABASE_URL="file:./data/e2e/e2e.db"
export UPLOAD_DIR="./data/e2e/uploads"
case "$DATABASE_URL" in
  file:./data/e2e/*) ;;
  *) echo "refusing to run end-to-end tests against $DATABASE_URL" >&2; exit 1 ;;
esac
rm -rf data/e2e && mkdir -p data/e2e
npx prisma migrate deploy >/dev/null
npx tsx prisma/seed.ts
[ -f .next/BUILD_ID ] || npx next build
exec npx next start -H 127.0.0.1 -p "${E2E_PORT:-3210}"
