#!/usr/bin/env bash
# Playwright drives Debian's Chromium (browser downloads are blocked here) and needs CJK fonts so
# that Chinese text renders in screenshots. Installs both with apt-get when missing and root.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ] && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "Chromium or fonts-noto-cjk missing: run 'sudo apt-get install -y chromium fonts-noto-cjk' (or set CHROMIUM_PATH)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-noto-cjk fontconfig >/dev/null
