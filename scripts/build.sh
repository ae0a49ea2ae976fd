#!/usr/bin/env bash
# Production build. `next build` renders the home page and the feeds once to check them, which
# reads the database (DATABASE_URL, default file:./data/difang.db), so its schema must exist: an
# empty, migrated file is enough. That build-time output is never served: reader pages are rendered
# into the page cache when first asked for (README § Architecture).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
db="${DATABASE_URL:-file:./data/difang.db}"
[[ "$db" == file:* ]] && mkdir -p "$(dirname "${db#file:}")"
node scripts/db/migrate.mjs >/dev/null
npx next build
