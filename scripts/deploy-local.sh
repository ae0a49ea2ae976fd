#!/usr/bin/env bash
# The production deployment (deploy/nginx + two `next start` processes) on loopback, for the
# benchmark and for tests. Nothing root-owned is touched: config, pid, logs and the cache live in
# a temporary directory that is removed on exit.
#
#   DATABASE_URL=file:/abs/path.db UPLOAD_DIR=/abs/uploads scripts/deploy-local.sh [--static-dir DIR]
#
# Needs a build (.next/BUILD_ID) in the app directory (default: this repository; --app-dir DIR or
# DIFANG_APP_DIR) and Debian's nginx. Relative DATABASE_URL/UPLOAD_DIR paths are relative to the
# app directory. Other app settings (SITE_URL, …) are passed through from the environment.
#
# Starts, on free 127.0.0.1 ports (or DIFANG_LOCAL_PORTS="app1 app2 cached direct static"):
#   - two `next start` processes (the upstream of deploy/nginx/difang.conf),
#   - one nginx running deploy/nginx/difang.conf itself (ports and cache path substituted) with
#       cached port  = the site with the 1-second micro-cache (the production server block),
#       direct port  = the same site and upstream without the micro-cache,
#       static port  = nginx serving --static-dir (default: an empty page) as plain files.
# When everything answers it prints KEY=VALUE lines to stdout, the last one DIFANG_READY=1, then
# runs until SIGTERM/SIGINT (or until one of its processes dies: exit 1), and stops everything
# it started on exit.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app_dir="${DIFANG_APP_DIR:-$root}"
static_dir=""

usage() { sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --static-dir) static_dir="${2:?--static-dir needs a directory}"; shift 2 ;;
    --app-dir) app_dir="${2:?--app-dir needs a directory}"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "deploy-local: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

: "${DATABASE_URL:?deploy-local: set DATABASE_URL (file:/path/to.db)}"
: "${UPLOAD_DIR:?deploy-local: set UPLOAD_DIR (/path/to/uploads)}"
app_dir="$(cd "$app_dir" && pwd)"
if [ ! -f "$app_dir/.next/BUILD_ID" ]; then
  echo "deploy-local: no build in $app_dir (run: cd $app_dir && npm run build)" >&2
  exit 1
fi
next_bin="$app_dir/node_modules/next/dist/bin/next"
[ -f "$next_bin" ] || { echo "deploy-local: $next_bin missing (npm ci)" >&2; exit 1; }
nginx_bin="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"
[ -x "$nginx_bin" ] || { echo "deploy-local: nginx not found (apt-get install -y nginx)" >&2; exit 1; }
if [ -n "$static_dir" ]; then
  [ -d "$static_dir" ] || { echo "deploy-local: $static_dir is not a directory" >&2; exit 1; }
  static_dir="$(cd "$static_dir" && pwd)"
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/difang-deploy.XXXXXX")"
app_pids=()
nginx_pid=""

cleanup() {
  local rc=$?
  trap - EXIT INT TERM HUP
  local all=()
  [ -n "$nginx_pid" ] && all+=("$nginx_pid")
  all+=("${app_pids[@]}")
  if [ ${#all[@]} -gt 0 ]; then
    # nginx: TERM = fast shutdown. next start: TERM = finish requests, flush views, exit.
    kill -TERM "${all[@]}" 2>/dev/null || true
    # Anything still running after 20 s is killed (nginx workers first, by parent id).
    (
      trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
      sleep 20 &
      sleeper=$!
      wait "$sleeper"
      [ -n "$nginx_pid" ] && command -v pkill >/dev/null && pkill -KILL -P "$nginx_pid" 2>/dev/null
      kill -KILL "${all[@]}" 2>/dev/null
    ) &
    local watchdog=$!
    wait "${all[@]}" 2>/dev/null || true
    kill "$watchdog" 2>/dev/null || true
    wait "$watchdog" 2>/dev/null || true
  fi
  if [ "${DIFANG_KEEP_DEPLOY_DIR:-}" = 1 ]; then
    echo "deploy-local: kept $tmp" >&2
  else
    rm -rf "$tmp"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# --- Ports.
if [ -n "${DIFANG_LOCAL_PORTS:-}" ]; then
  read -r p_app1 p_app2 p_cached p_direct p_static <<<"$DIFANG_LOCAL_PORTS"
else
  # Five distinct free ports from the kernel (ephemeral range: never 3000/3210/3211).
  read -r p_app1 p_app2 p_cached p_direct p_static < <(node -e '
    const net = require("node:net");
    const servers = Array.from({ length: 5 }, () => net.createServer());
    Promise.all(servers.map((s) => new Promise((r) => s.listen(0, "127.0.0.1", () => r(s.address().port)))))
      .then((ports) => { console.log(ports.join(" ")); servers.forEach((s) => s.close()); });')
fi
for p in "$p_app1" "$p_app2" "$p_cached" "$p_direct" "$p_static"; do
  [[ "$p" =~ ^[0-9]+$ ]] || { echo "deploy-local: bad port '$p'" >&2; exit 1; }
done

mkdir -p "$tmp/logs" "$tmp/cache" "$tmp/temp" "$tmp/sites"
if [ -z "$static_dir" ]; then
  static_dir="$tmp/static"
  mkdir -p "$static_dir"
  echo '<!doctype html><title>difang deploy-local</title><p>static' >"$static_dir/index.html"
fi

# Succeeds when the URL answers 2xx (or any status with "any").
http_ok() {
  node -e '
    fetch(process.argv[1], { signal: AbortSignal.timeout(5000) }).then(
      (r) => process.exit(r.ok || process.argv[2] === "any" ? 0 : 1),
      () => process.exit(1));' "$1" "${2:-}"
}

wait_for() { # url what [any]
  local deadline=$((SECONDS + 90))
  until http_ok "$1" "${3:-}"; do
    for pid in "${app_pids[@]}" $nginx_pid; do
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "deploy-local: $2 did not start; logs:" >&2
        tail -n 30 "$tmp"/logs/*.log >&2 || true
        exit 1
      fi
    done
    if [ $SECONDS -ge $deadline ]; then
      echo "deploy-local: $2 not answering at $1 after 90 s; logs:" >&2
      tail -n 30 "$tmp"/logs/*.log >&2 || true
      exit 1
    fi
    sleep 0.25
  done
}

# --- The two app processes (node directly, not npx: the pid is the server itself).
for p in "$p_app1" "$p_app2"; do
  (
    cd "$app_dir"
    # nginx on loopback is the way in, as deploy/systemd/difang@.service sets it.
    NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 TRUSTED_PROXIES="${TRUSTED_PROXIES:-127.0.0.1,::1}" \
      exec node "$next_bin" start -H 127.0.0.1 -p "$p"
  ) >"$tmp/logs/app-$p.log" 2>&1 &
  app_pids+=($!)
done

# --- nginx: the production site file with the marked values substituted.
site="$tmp/sites/difang.conf"
sed -e "s#/var/cache/nginx/difang#$tmp/cache#g" \
  -e "s#127\\.0\\.0\\.1:3001#127.0.0.1:$p_app1#g" \
  -e "s#127\\.0\\.0\\.1:3002#127.0.0.1:$p_app2#g" \
  -e "s#^\\([[:space:]]*\\)listen 80;#\\1listen 127.0.0.1:$p_cached;#" \
  -e '/^[[:space:]]*listen \[::\]:80;/d' \
  "$root/deploy/nginx/difang.conf" >"$site"
# Every marked value must have been replaced (fails if difang.conf changed under the sed).
leftover="$(grep -v '^[[:space:]]*#' "$site" | grep -nE '127\.0\.0\.1:300[12]|/var/cache/nginx|listen (80|\[::\])' || true)"
if [ -n "$leftover" ] || ! grep -q "listen 127.0.0.1:$p_cached;" "$site"; then
  echo "deploy-local: deploy/nginx/difang.conf no longer matches the substitutions:" >&2
  echo "$leftover" >&2
  exit 1
fi
# Relative includes (difang/http.conf, difang/site.conf) resolve next to the main config file.
ln -s "$root/deploy/nginx/difang" "$tmp/difang"

mime_types="/etc/nginx/mime.types"
[ -f "$mime_types" ] || { mime_types="$tmp/mime.types"; printf 'types { text/html html; text/plain txt; }\n' >"$mime_types"; }
user_line=""
# As root, workers would otherwise run as nobody and could not read the temporary directory.
[ "$(id -u)" = 0 ] && user_line="user root;"

cat >"$tmp/nginx.conf" <<EOF
# Generated by scripts/deploy-local.sh for a loopback test deployment.
$user_line
daemon off;
worker_processes ${DIFANG_NGINX_WORKERS:-auto};
pid $tmp/nginx.pid;
error_log $tmp/logs/error.log warn;
events { worker_connections 1024; }
http {
    include $mime_types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 100000;
    access_log ${DIFANG_NGINX_ACCESS_LOG:-off};
    client_body_temp_path $tmp/temp/client_body;
    proxy_temp_path $tmp/temp/proxy;
    fastcgi_temp_path $tmp/temp/fastcgi;
    uwsgi_temp_path $tmp/temp/uwsgi;
    scgi_temp_path $tmp/temp/scgi;

    # Port "cached": deploy/nginx/difang.conf (upstreams, cache zone, the production server).
    include sites/difang.conf;

    # Port "direct": the same site and upstream without the micro-cache.
    server {
        listen 127.0.0.1:$p_direct;
        set \$difang_micro_cache_off 1;
        include difang/site.conf;
    }

    # Port "static": plain files (the benchmark's baseline).
    server {
        listen 127.0.0.1:$p_static;
        root $static_dir;
        location / { try_files \$uri \$uri/ =404; }
    }
}
EOF

nginx_args=(-p "$tmp/" -c "$tmp/nginx.conf" -e "$tmp/logs/error.log")
if ! "$nginx_bin" "${nginx_args[@]}" -t -q 2>"$tmp/logs/nginx-t.log"; then
  echo "deploy-local: nginx rejected the configuration:" >&2
  cat "$tmp/logs/nginx-t.log" >&2
  exit 1
fi

wait_for "http://127.0.0.1:$p_app1/api/health" "next start on :$p_app1"
wait_for "http://127.0.0.1:$p_app2/api/health" "next start on :$p_app2"
"$nginx_bin" "${nginx_args[@]}" >"$tmp/logs/nginx.log" 2>&1 &
nginx_pid=$!
wait_for "http://127.0.0.1:$p_cached/api/health" "nginx (cached port :$p_cached)"
wait_for "http://127.0.0.1:$p_direct/api/health" "nginx (direct port :$p_direct)"
wait_for "http://127.0.0.1:$p_static/" "nginx (static port :$p_static)" any

cat <<EOF
DIFANG_APP_PORTS=$p_app1,$p_app2
DIFANG_CACHED_PORT=$p_cached
DIFANG_DIRECT_PORT=$p_direct
DIFANG_STATIC_PORT=$p_static
DIFANG_STATIC_DIR=$static_dir
DIFANG_DEPLOY_DIR=$tmp
DIFANG_NGINX_PID=$nginx_pid
DIFANG_APP_PIDS=${app_pids[0]},${app_pids[1]}
DIFANG_READY=1
EOF

# Run until a signal arrives (the traps exit, cleanup runs) or a process dies.
wait -n "${app_pids[@]}" "$nginx_pid" || true
echo "deploy-local: a process exited unexpectedly; last log lines:" >&2
tail -n 30 "$tmp"/logs/*.log >&2 || true
exit 1
