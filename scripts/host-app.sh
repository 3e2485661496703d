#!/usr/bin/env bash
# examples/host-app, the reference host: the kit as published installed into it
# (scripts/install-packed-kit.sh), its catalog generated from the installed pieces by the kit's
# CLI, the frontend built, then
#   start (default): its server on http://127.0.0.1:4310 (PORT), with the embedded OAuth2
#                    provider and an encrypted SQLite database in examples/host-app/.data
#   e2e:             Playwright in Debian's Chromium (examples/host-app/e2e); the tests start,
#                    restart and stop the server themselves. Report: reports/host-app-e2e.json.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
mode=${1:-start}
case $mode in start | e2e) ;; *) echo "usage: host-app.sh [start|e2e]" >&2; exit 2 ;; esac

bash scripts/install-packed-kit.sh examples/host-app
cd examples/host-app
npm run --silent build
if [[ $mode == e2e ]]; then
  mkdir -p "$repo/reports"
  PLAYWRIGHT_JSON_OUTPUT_NAME="$repo/reports/host-app-e2e.json" npx playwright test
else
  exec npx tsx server/main.ts
fi
