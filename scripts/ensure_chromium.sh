#!/usr/bin/env bash
# Make sure Debian's Chromium is at /usr/bin/chromium for the browser tests (Playwright drives
# it with executable_path; Playwright's own browser download does not work offline). Installs
# the Debian package when it is missing and this user may (root, or sudo without a password).
# Exit 0 when Chromium is there afterwards, 1 with one line saying why not.
set -uo pipefail
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "chromium: $CHROMIUM is missing and this user cannot install packages" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! { "${as_root[@]}" apt-get update -qq && "${as_root[@]}" apt-get install -y -qq chromium; } \
  >/tmp/storyline-chromium-install.log 2>&1; then
  echo "chromium: apt-get install failed (log: /tmp/storyline-chromium-install.log)" >&2
  exit 1
fi
[ -x "$CHROMIUM" ] || { echo "chromium: installed, but $CHROMIUM is not there" >&2; exit 1; }
