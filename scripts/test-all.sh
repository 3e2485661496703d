#!/usr/bin/env bash
# What `npm test` (and CI) runs: the real pieces of test/cli/fixture-project, typecheck, lint, every vitest project (unit, host, types, server — the
# connection-kit/server entry in Node against oidc-provider —, browser and storybook in real Chromium with axe), the OAuth2 end-to-end suite (Playwright), the two example apps end to end (examples/next-app, examples/host-app), the Storybook build, the library build,
# the package check (scripts/check-package.mjs) and the bundle budget (scripts/size-budget.mjs). Every step runs even if an
# earlier one failed; the last line is the one CI reads: `N passed, N failed` (test counts summed
# from the JSON reports in reports/, a failed typecheck or build counting as 1 failed).
set -uo pipefail
cd "$(dirname "$0")/.."

CHROMIUM=/usr/bin/chromium
REPORTS=reports
SUMMARY_ARGS=()

log() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# Runs one step, timing it; its exit code goes to the summary as a step without test counts.
# Its output goes to reports/<name>.log and is shown only when it fails.
step() {
  local name=$1
  shift
  log "$name"
  local start=$SECONDS logfile="$REPORTS/${name// /-}.log"
  "$@" >"$logfile" 2>&1
  local rc=$?
  if [[ $rc -ne 0 ]]; then tail -n 60 "$logfile"; fi
  echo "-- $name: exit $rc in $((SECONDS - start)) s (log: $logfile)"
  SUMMARY_ARGS+=(--step "$name=$rc")
}

# The story tests run in Debian's Chromium (nothing here may download its own browser).
if [[ ! -x $CHROMIUM ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    log "Installing Debian's chromium (about a minute)"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
      echo "Could not install chromium with apt-get." >&2
    fi
  fi
  if [[ ! -x $CHROMIUM ]]; then
    cat >&2 <<'MSG'
Chromium is required at /usr/bin/chromium for the Storybook tests, and it is missing.
Install Debian's package as root, then run `npm test` again:
    apt-get update && apt-get install -y chromium
MSG
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

rm -rf "$REPORTS" && mkdir -p "$REPORTS"
total_start=$SECONDS

# Real published pieces (test/cli/fixture-project, from its committed lockfile) for the CLI tests
# and the type tests over their published types; tsconfig.json's paths point at them.
step "fixture pieces install" npm ci --prefix test/cli/fixture-project --ignore-scripts --no-audit --no-fund --loglevel=error

step typecheck npx tsc --noEmit -p tsconfig.json

# Biome (lint + format check, biome.jsonc) and knip (unused files, exports, dependencies: knip.jsonc).
step lint npm run --silent lint

log "vitest: unit, host, types, server, browser, storybook (light and dark)"
vitest_start=$SECONDS
npx vitest run --project unit --project host --project types --project server --project browser --project storybook \
  --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest.json"
vitest_rc=$?
echo "-- vitest: exit $vitest_rc in $((SECONDS - vitest_start)) s"
SUMMARY_ARGS+=("$REPORTS/vitest.json=$vitest_rc")

log "OAuth2 end to end: Chromium against oidc-provider on 127.0.0.1"
e2e_start=$SECONDS
npx playwright test -c playwright.config.ts
e2e_rc=$?
echo "-- e2e: exit $e2e_rc in $((SECONDS - e2e_start)) s"
SUMMARY_ARGS+=("$REPORTS/e2e.json=$e2e_rc")

# examples/next-app: the packed kit in a Next.js 16 App Router app, `next build`, then Playwright
# against `next start` and oidc-provider (scripts/next-app-e2e.sh; about a minute).
log "Next.js example end to end: next build + next start, Chromium, oidc-provider"
next_app_start=$SECONDS
bash scripts/next-app-e2e.sh >"$REPORTS/next-app-e2e.log" 2>&1
next_app_rc=$?
if [[ $next_app_rc -ne 0 ]]; then tail -n 60 "$REPORTS/next-app-e2e.log"; fi
echo "-- next-app e2e: exit $next_app_rc in $((SECONDS - next_app_start)) s (log: $REPORTS/next-app-e2e.log)"
SUMMARY_ARGS+=("$REPORTS/next-app-e2e.json=$next_app_rc")

# examples/host-app: the reference host (38 real pieces through the CLI, a Hono server on
# connection-kit/server, encrypted SQLite, oidc-provider), Playwright over it (scripts/host-app.sh
# e2e; about two minutes, most of it npm ci compiling better-sqlite3).
log "Host app end to end: real pieces, server-side validate, SQLite, OAuth2 popup, restart"
host_app_start=$SECONDS
bash scripts/host-app.sh e2e >"$REPORTS/host-app-e2e.log" 2>&1
host_app_rc=$?
if [[ $host_app_rc -ne 0 ]]; then tail -n 60 "$REPORTS/host-app-e2e.log"; fi
echo "-- host-app e2e: exit $host_app_rc in $((SECONDS - host_app_start)) s (log: $REPORTS/host-app-e2e.log)"
SUMMARY_ARGS+=("$REPORTS/host-app-e2e.json=$host_app_rc")

step "storybook build" npx storybook build --quiet --output-dir storybook-static
step "library build" npm run --silent build
# Packs dist/ as published: publint, attw, then a scratch project imports and server-renders it.
step "package check" node scripts/check-package.mjs
# Bytes of dist/ against the bundle budget, and tree-shaking of the definitions (docs/performance.md).
step "bundle budget" node scripts/size-budget.mjs

log "Summary ($((SECONDS - total_start)) s)"
node scripts/summarize-reports.mjs "${SUMMARY_ARGS[@]}"
