#!/usr/bin/env bash
# Quick start: install, migrate, seed demo content if the database is empty, build, next start.
# Configuration comes from the environment (README § Configuration).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/install-deps.sh
db="${DATABASE_URL:-file:./data/difang.db}"
[[ "$db" == file:* ]] && mkdir -p "$(dirname "${db#file:}")"
node scripts/db/migrate.mjs
npx tsx prisma/seed.ts
npx tsx scripts/images-clean.ts
bash scripts/build.sh
exec npx next start -p "${PORT:-3000}"
