#!/usr/bin/env bash
# The servers Playwright tests run against: a fresh SQLite file of its own (data/e2e.db, never the
# portal's database), migrated and seeded, then the production build under `next start`.
# `e2e-server.sh second` starts a second `next start` on the same database (E2E_PORT2, default
# 3211) once the first answers, as in the two-process production deployment.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export DATABASE_URL="file:./data/e2e/e2e.db"
export UPLOAD_DIR="./data/e2e/uploads"
case "$DATABASE_URL" in
  file:./data/e2e/*) ;;
  *) echo "refusing to run end-to-end tests against $DATABASE_URL" >&2; exit 1 ;;
esac
port="${E2E_PORT:-3210}"
if [ "${1:-}" = "second" ]; then
  node -e 'const u = process.argv[1]; const t = Date.now() + 300_000;
    (async function wait() { while (Date.now() < t) { try { if ((await fetch(u)).ok) return; } catch {}
      await new Promise((r) => setTimeout(r, 500)); } process.exit(1); })();' "http://127.0.0.1:${port}/api/health"
  exec npx next start -H 127.0.0.1 -p "${E2E_PORT2:-3211}"
fi
rm -rf data/e2e && mkdir -p data/e2e
npx prisma migrate deploy >/dev/null
npx tsx prisma/seed.ts
# Editor-area accounts for e2e/admin-*.spec.ts and e2e/moderation.spec.ts (same passwords there,
# in e2e/admin-helpers.ts). e2e-lockout exists only to be locked out by the login-throttling test.
for account in e2e-admin:admin e2e-editor:editor e2e-lockout:editor; do
  DIFANG_ADMIN_PASSWORD="${account%%:*}-password" \
    npm run -s admin:create -- --user "${account%%:*}" --role "${account##*:}" >/dev/null
done
[ -f .next/BUILD_ID ] || bash scripts/build.sh
exec npx next start -H 127.0.0.1 -p "$port"
