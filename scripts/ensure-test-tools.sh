#!/usr/bin/env bash
# Installs the system tools the test suite runs for real when they are missing: promtool (Debian's
# prometheus package) and headless Chromium (Debian's chromium package, /usr/bin/chromium, which the
# browser tests drive; no tool downloads a browser of its own). Called by the build before
# intro-app's tests; idempotent.
set -euo pipefail
missing=()
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need: ${missing[*]} (promtool, /usr/bin/chromium). Install them, e.g. 'sudo apt-get install ${missing[*]}'." >&2
  exit 1
fi
echo "Installing ${missing[*]} for the tests (apt-get)..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
