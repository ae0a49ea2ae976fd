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
# Editor-area accounts for e2e/admin-*.spec.ts and e2e/moderation.spec.ts (same passwords there,
# in e2e/admin-helpers.ts). e2e-lockout exists only to be locked out by the login-throttling test.
for account in e2e-admin:admin e2e-editor:editor e2e-lockout:editor; do
  DIFANG_ADMIN_PASSWORD="${account%%:*}-password" \
    npm run -s admin:create -- --user "${account%%:*}" --role "${account##*:}" >/dev/null
done
[ -f .next/BUILD_ID ] || npx next build
exec npx next start -H 127.0.0.1 -p "${E2E_PORT:-3210}"
