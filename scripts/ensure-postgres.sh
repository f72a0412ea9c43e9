#!/usr/bin/env bash
# The county center's tests start a throwaway cluster of Debian's PostgreSQL server.
# Install it when we can (root + apt-get); otherwise stop at once and say what to run.
set -euo pipefail
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing postgresql for the county center's tests (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
  exit 0
fi
echo "The county center's tests need Debian's PostgreSQL server. Install it with:" >&2
echo "    sudo apt-get install -y postgresql" >&2
echo "then run npm test again." >&2
exit 1
