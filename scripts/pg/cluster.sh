#!/usr/bin/env bash
# A throw-away PostgreSQL 15 server for tests and benchmarks: initdb into a folder, pg_ctl start on
# a loopback port, pg_trgm available. Nothing is installed system-wide and nothing listens beyond
# 127.0.0.1.
#   bash scripts/pg/cluster.sh start <dir> <port>   → prints the postgresql:// URL of database "difang"
#   bash scripts/pg/cluster.sh stop <dir>
set -euo pipefail
cmd="${1:?usage: cluster.sh start|stop <dir> [port]}"
dir="${2:?data folder}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL server binaries not found (apt-get install postgresql postgresql-contrib)" >&2
  exit 1
fi
# initdb and the server refuse to run as root: run them as the folder's owner, "postgres" if root.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
  start)
    port="${3:?port}"
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then
      chown postgres "$dir"
      runuser -u postgres -- test -w "$dir" || {
        echo "user postgres cannot reach $dir: make its parent folders searchable (chmod o+x) or use another folder" >&2
        exit 1
      }
    fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    # Test settings: durability off (a crash loses a throw-away cluster), enough connections for
    # several app nodes and the test workers.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt \
      -c "SELECT 1 FROM pg_database WHERE datname = 'difang'" | grep -q 1 \
      || psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -q -c "CREATE DATABASE difang" >/dev/null
    echo "postgresql://postgres@127.0.0.1:$port/difang"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    ;;
  *) echo "unknown command $cmd" >&2; exit 1 ;;
esac
