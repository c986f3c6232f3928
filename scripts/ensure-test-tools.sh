#!/usr/bin/env bash
# Installs the system tools the test suite runs for real (promtool, from Debian's prometheus
# package) when they are missing. Called by the build before intro-app's tests; idempotent.
set -euo pipefail
missing=()
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need: ${missing[*]} (promtool). Install it, e.g. 'sudo apt-get install ${missing[*]}'." >&2
  exit 1
fi
echo "Installing ${missing[*]} for the tests (apt-get)..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
