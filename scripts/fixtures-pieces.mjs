#!/usr/bin/env node
// Refreshes fixtures/pieces/*.json: the `auth` of real pieces published on the npm registry,
// as their own builders made it, with functions dropped. Tests and stories read the committed
// JSON, so CI never needs the network; this script is only for refreshing the corpus.
//
//   npm run fixtures:pieces              # the pinned versions below
//   npm run fixtures:pieces -- --latest  # each piece's current `latest` (then update the pins)
//
// The pieces are installed into a temporary folder with the ordinary npm client, never into the
// project: newer pieces are single bundled files with no dependencies, but older ones pull in
// their SDKs (the AWS SDK, OpenAI's, tiktoken: ~100 MB) that no test needs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The corpus: each piece, the version the fixtures were made from, and why it is here. */
const PIECES = [
  ['slack', '0.17.9', 'an array: OAuth2 whose authUrl already has a query, or a bot-token custom auth'],
  ['openai', '0.3.18', 'markdown help, a defaultValue; the older framework adds processors to props'],
  ['amazon-s3', '0.3.1', 'a region dropdown whose options repeat a value'],
  ['mysql', '0.2.7', 'a number with a default'],
  ['twilio', '0.2.0', "legacy: basic auth with its own labels, kept as each action's `authentication` prop"],
  ['intercom', '0.7.5', 'an array: OAuth2 whose dropdown prop fills {region} in both URLs, or an access token'],
  ['zoho-bookings', '0.1.6', 'an explicit grantType and a {location} placeholder'],
  ['wordpress', '0.7.0', 'markdown with a numbered list and a link'],
  ['google-sheets', '0.2.0', "legacy: OAuth2 kept as each action's `authentication` prop"],
  ['mistral-ai', '0.3.0', 'an array: a SecretText with validate, or a custom auth of optional secrets'],
  ['baserow', '0.10.0', 'markdown notes between props, a dropdown with a default'],
  ['mongodb', '0.1.7', 'a required checkbox defaulting to false, validate'],
  ['deepseek', '0.1.7', 'a SecretText auth with validate and a bare URL in its help'],
  ['woocommerce', '0.4.0', 'a custom auth with validate and a long numbered help text'],
  ['square', '0.4.6', 'a plain OAuth2 with many scopes and no props'],
  ['zoho-books', '0.2.0', 'OAuth2 with a {location} placeholder from a dropdown'],
  ['webflow', '0.3.0', 'OAuth2 with an empty description'],
];

const AUTH_TYPES = new Set(['SECRET_TEXT', 'BASIC_AUTH', 'CUSTOM_AUTH', 'OAUTH2']);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'fixtures', 'pieces');
const latest = process.argv.includes('--latest');

/** Plain JSON data: functions are left out and their paths noted. */
function toJson(value, path, dropped) {
  if (typeof value === 'function') {
    dropped.push(path);
    return undefined;
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => toJson(item, `${path}[${i}]`, dropped)).filter((item) => item !== undefined);
  }
  if (value && typeof value === 'object') {
    const out = {};
    for (const [key, item] of Object.entries(value)) {
      const json = toJson(item, `${path}.${key}`, dropped);
      if (json !== undefined) out[key] = json;
    }
    return out;
  }
  return value;
}

const isPiece = (v) => v && typeof v === 'object' && ('_actions' in v || 'actions' in v) && 'displayName' in v;
const list = (m) => (m == null ? [] : Array.isArray(m) ? m : typeof m === 'function' ? [] : Object.values(m));

/** The piece's `auth`, or (older pieces) the auth-typed prop every action and trigger repeats. */
function findAuth(piece) {
  if (piece.auth !== undefined) return { auth: piece.auth, from: 'piece.auth' };
  const found = [];
  for (const [kind, steps] of [
    ['actions', piece._actions],
    ['triggers', piece._triggers],
  ]) {
    for (const step of list(steps)) {
      for (const [key, prop] of Object.entries(step?.props ?? {})) {
        if (AUTH_TYPES.has(prop?.type)) found.push({ auth: prop, from: `${kind}.${step.name}.props.${key}` });
      }
    }
  }
  if (!found.length) return undefined;
  const first = JSON.stringify(toJson(found[0].auth, '', []));
  const differ = found.filter((f) => JSON.stringify(toJson(f.auth, '', [])) !== first).map((f) => f.from);
  if (differ.length) console.warn(`  note: ${differ.join(', ')} differ from ${found[0].from}; using the first`);
  return found[0];
}

function npm(args, cwd) {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

const work = mkdtempSync(join(tmpdir(), 'ck-pieces-'));
try {
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'ck-pieces', private: true }));
  const specs = PIECES.map(([name, version]) => `@activepieces/piece-${name}@${latest ? 'latest' : version}`);
  console.log(`Installing ${specs.length} pieces into ${work} ...`);
  npm(['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', ...specs], work);
  const requireFrom = createRequire(join(work, 'package.json'));
  mkdirSync(outDir, { recursive: true });
  const written = new Set();
  for (const [name, , why] of PIECES) {
    const pkg = `@activepieces/piece-${name}`;
    const { version } = requireFrom(`${pkg}/package.json`);
    const exports = requireFrom(pkg);
    const [exportName, piece] = Object.entries(exports).find(([, v]) => isPiece(v)) ?? [];
    const found = piece && findAuth(piece);
    if (!found) throw new Error(`${pkg}@${version}: no piece with an auth among its exports`);
    const dropped = [];
    const auth = toJson(found.auth, 'auth', dropped);
    const methods = Array.isArray(found.auth) ? found.auth.map((a, i) => [a, `auth[${i}]`]) : [[found.auth, 'auth']];
    const fixture = {
      package: pkg,
      version,
      export: exportName,
      from: found.from,
      why,
      validate: methods.filter(([a]) => typeof a?.validate === 'function').map(([, path]) => path),
      droppedFunctions: dropped,
      auth,
    };
    const file = `${name}.json`;
    writeFileSync(join(outDir, file), `${JSON.stringify(fixture, null, 2)}\n`);
    written.add(file);
    console.log(`  ${file}: ${pkg}@${version} (${found.from})`);
  }
  for (const file of readdirSync(outDir)) {
    // Fixtures with a `source` were built from a piece's published source, for pieces the
    // registry these machines reach does not carry (zoho-bigin, gitea, http-oauth2): kept.
    if (file.endsWith('.json') && !written.has(file) && !JSON.parse(readFileSync(join(outDir, file), 'utf8')).source) {
      rmSync(join(outDir, file));
      console.log(`  removed stale ${file}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
