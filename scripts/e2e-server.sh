#!/usr/bin/env bash
# The servers Playwright tests run against: a fresh SQLite file of its own (data/e2e.db, never the
# portal's database), migrated and seeded, then the production build under `next start`.
# `e2e-server.sh second` starts a second `next start` on the same database (E2E_PORT2, default
# 3211) once the first answers, as in the two-process production deployment.
#
# With E2E_DATABASE_URL=postgresql://…/difang_e2e… (playwright.pg.config.ts) the same on
# PostgreSQL: that database is dropped and created again, migrated, seeded, and both nodes get the
# same APP_SECRET and IP_HASH_SALT (required there). Any other database name is refused. The build
# is the same one: the store is chosen when `next start` starts.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export DATABASE_URL="${E2E_DATABASE_URL:-file:./data/e2e/e2e.db}"
case "$DATABASE_URL" in
  file:./data/e2e/*) dialect=sqlite; data=data/e2e ;;
  postgres://* | postgresql://*)
    dialect=postgresql; data=data/e2e-pg
    # Only a database whose name starts with difang_e2e (the name parsed as a URL, not matched as text).
    node -e 'const n = decodeURIComponent(new URL(process.argv[1]).pathname.slice(1));
      process.exit(/^difang_e2e[A-Za-z0-9_]*$/.test(n) ? 0 : 1)' "$DATABASE_URL" || {
      echo "refusing to run end-to-end tests against $DATABASE_URL" >&2; exit 1; }
    # Test values, not secrets: the same on both nodes, as on every node of a deployment.
    export APP_SECRET="e2e-app-secret-not-for-production-0123456789"
    export IP_HASH_SALT="e2e-ip-hash-salt-not-for-production-0123"
    ;;
  *) echo "refusing to run end-to-end tests against $DATABASE_URL" >&2; exit 1 ;;
esac
export UPLOAD_DIR="./$data/uploads"
port="${E2E_PORT:-3210}"
if [ "${1:-}" = "second" ]; then
  node -e 'const u = process.argv[1]; const t = Date.now() + 300_000;
    (async function wait() { while (Date.now() < t) { try { if ((await fetch(u)).ok) return; } catch {}
      await new Promise((r) => setTimeout(r, 500)); } process.exit(1); })();' "http://127.0.0.1:${port}/api/health"
  exec npx next start -H 127.0.0.1 -p "${E2E_PORT2:-3211}"
fi
rm -rf "$data" && mkdir -p "$data"
if [ "$dialect" = postgresql ]; then
  # WITH (FORCE): a node of an earlier run that did not stop must not keep the database alive.
  node -e 'const pg = require("pg"); const target = new URL(process.argv[1]);
    const name = decodeURIComponent(target.pathname.slice(1)); target.pathname = "/postgres";
    (async () => { const c = new pg.Client({ connectionString: target.href }); await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${name}"`); await c.end(); })()
    .catch((e) => { console.error(`e2e database ${name}: ${e.message}`); process.exit(1); });' "$DATABASE_URL"
  node scripts/db/migrate.mjs >/dev/null
else
  npx prisma migrate deploy >/dev/null
fi
npx tsx prisma/seed.ts
# Editor-area accounts for e2e/admin-*.spec.ts, e2e/moderation.spec.ts and e2e/newsroom.spec.ts (same passwords there,
# in e2e/admin-helpers.ts). e2e-lockout exists only to be locked out by the login-throttling test.
for account in e2e-admin:admin e2e-editor:editor e2e-lockout:editor e2e-editor2:editor e2e-reporter:reporter e2e-chief:chief; do
  DIFANG_ADMIN_PASSWORD="${account%%:*}-password" \
    npm run -s admin:create -- --user "${account%%:*}" --role "${account##*:}" >/dev/null
done
if [ "$dialect" = postgresql ]; then
  # One build serves both stores: a missing one is made on an empty SQLite file of its own.
  [ -f .next/BUILD_ID ] || DATABASE_URL="file:./$data/build.db" bash scripts/build.sh
else
  [ -f .next/BUILD_ID ] || bash scripts/build.sh
fi
exec npx next start -H 127.0.0.1 -p "$port"
