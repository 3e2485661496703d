#!/usr/bin/env bash
# Installs the kit as published into an example app: root `npm run build`, `npm pack` into
# <app>/vendor/connection-kit.tgz, then the app's `npm ci` from its lockfile.
# Usage: bash scripts/install-packed-kit.sh examples/<app>
set -euo pipefail
cd "$(dirname "$0")/.."
app=${1:?usage: install-packed-kit.sh examples/<app>}

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
# and, as npm does on install, make the package's bin executable again (a tarball stores 0644).
node -e '
const { bin = {} } = require("./node_modules/connection-kit/package.json");
for (const file of typeof bin === "string" ? [bin] : Object.values(bin)) require("fs").chmodSync(require("path").join("node_modules/connection-kit", file), 0o755);
'
