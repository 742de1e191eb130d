#!/usr/bin/env bash
# Installs the browser the dashboard test drives: Debian's chromium at /usr/bin/chromium.
# Playwright (npm playwright-core, tools/e2e) uses this system browser; it downloads none of its own.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium is installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends chromium fonts-liberation
/usr/bin/chromium --version
