#!/usr/bin/env bash
# examples/next-app end to end: the kit as published, installed into the Next.js 16 app from its
# lockfile (scripts/install-packed-kit.sh), `next build`, then Playwright in Debian's Chromium
# against `next start` and oidc-provider on 127.0.0.1 (examples/next-app/e2e).
# Report: reports/next-app-e2e.json (Playwright JSON). Exit code: Playwright's, or the failed step's.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
export NEXT_TELEMETRY_DISABLED=1
mkdir -p reports

bash scripts/install-packed-kit.sh examples/next-app
cd examples/next-app
npx next build
PLAYWRIGHT_JSON_OUTPUT_NAME="$repo/reports/next-app-e2e.json" npx playwright test
