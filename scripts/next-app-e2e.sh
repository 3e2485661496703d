#!/usr/bin/env bash
# examples/next-app end to end: the kit as published (root `npm run build`, then `npm pack`),
# installed into the Next.js 16 app from its lockfile, `next build`, then Playwright in Debian's
# Chromium against `next start` and oidc-provider on 127.0.0.1 (examples/next-app/e2e).
# Report: reports/next-app-e2e.json (Playwright JSON). Exit code: Playwright's, or the failed step's.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
app=examples/next-app
export NEXT_TELEMETRY_DISABLED=1
mkdir -p reports

npm run --silent build >/dev/null
rm -rf "$app/vendor" && mkdir -p "$app/vendor"
tarball=$(npm pack --silent --pack-destination "$app/vendor" | tail -n 1)
mv "$app/vendor/$tarball" "$app/vendor/connection-kit.tgz"

cd "$app"
# The tarball is new on every run, so the lockfile must not pin its checksum (npm ci would fail
# EINTEGRITY): drop it if an `npm install` in the example wrote it back.
node -e '
const fs = require("fs");
const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
const entry = lock.packages["node_modules/connection-kit"];
if (entry && entry.integrity) { delete entry.integrity; fs.writeFileSync("package-lock.json", JSON.stringify(lock, null, 2) + "\n"); }
'
npm ci --no-audit --no-fund --loglevel=error
# npm ci takes a file: tarball from its cache when the lockfile's integrity matches an older
# pack: unpack this run's tarball over it, so the app always runs the kit just built.
rm -rf node_modules/connection-kit && mkdir -p node_modules/connection-kit
tar -xzf vendor/connection-kit.tgz -C node_modules/connection-kit --strip-components=1

npx next build
PLAYWRIGHT_JSON_OUTPUT_NAME="$repo/reports/next-app-e2e.json" npx playwright test
