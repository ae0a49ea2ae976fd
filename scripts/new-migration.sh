#!/usr/bin/env bash
# Create a new migration from the difference between prisma/migrations and prisma/schema.prisma.
# `prisma migrate dev` does not work with the JavaScript schema engine (see README, Operations).
# Usage: npm run db:new-migration -- <name>
set -euo pipefail
name="${1:?usage: npm run db:new-migration -- <name>}"
tmp="$(mktemp)"
npx prisma migrate diff --from-migrations prisma/migrations --to-schema-datamodel prisma/schema.prisma --script > "$tmp"
if ! grep -q '[A-Za-z]' "$tmp" || grep -q "This is an empty migration" "$tmp"; then
  echo "schema and migrations agree: nothing to do"; rm -f "$tmp"; exit 0
fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
mv "$tmp" "$dir/migration.sql"
echo "created $dir/migration.sql"
