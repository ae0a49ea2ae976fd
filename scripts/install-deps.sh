#!/usr/bin/env bash
# npm ci when node_modules is missing or older than the lock file (postinstall runs prisma generate).
set -euo pipefail
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
elif [ ! -f lib/generated/prisma/client.ts ]; then
  npx prisma generate
fi
