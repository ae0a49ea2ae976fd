#!/usr/bin/env bash
# npm ci when node_modules is missing or older than the lock file (postinstall generates both
# Prisma clients: SQLite and its PostgreSQL twin).
set -euo pipefail
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
elif [ ! -f lib/generated/prisma/client.ts ] || [ ! -f lib/generated/prisma-pg/client.ts ]; then
  npx prisma generate
  npx prisma generate --config prisma/postgresql/prisma.config.ts
fi
