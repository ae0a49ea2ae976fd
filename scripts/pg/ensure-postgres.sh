#!/usr/bin/env bash
# The PostgreSQL tests start their own throw-away server (scripts/pg/cluster.sh) from Debian's
# postgresql (server binaries) and postgresql-contrib (pg_trgm). Installs both with apt-get when
# missing and root; nothing is started or enabled system-wide.
set -euo pipefail
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -n "$bin" ] && [ -x "$bin/initdb" ] && ls /usr/share/postgresql/*/extension/pg_trgm.control >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "PostgreSQL missing: run 'sudo apt-get install -y postgresql postgresql-contrib'" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# policy-rc.d keeps the package from starting a system cluster in containers without init.
printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
apt-get install -y -qq postgresql postgresql-contrib >/dev/null
rm -f /usr/sbin/policy-rc.d
