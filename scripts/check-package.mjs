#!/usr/bin/env node
// Checks the package as a host gets it from the registry: run after `npm run build`.
//
//   node scripts/check-package.mjs [--keep]
//
// 1. `npm pack` into a temp dir; the tarball holds dist/ and no sources, tests or stories.
// 2. publint (strict: warnings fail) and @arethetypeswrong/cli (profile esm-only: the package
//    ships ESM only, so require() from CJS is out of scope; the stylesheet and the callback page
//    are files, not modules). Every remaining problem fails.
// 3. The built graph: connection-kit/definitions and connection-kit/locales/fr, with every chunk
//    they import, never import React, React DOM, Radix or react-hook-form; the French strings
//    are not in the main entry's chunks; only connection-kit/testing imports Testing Library.
// 4. A scratch project installs the tarball plus react and react-dom (from the npm cache that
//    `npm ci` warmed), then, in plain Node ESM:
//    - imports connection-kit/definitions and connection-kit/locales/fr with React made
//      unresolvable by a resolve hook, and validates connection values (a server's use);
//    - imports connection-kit and renders <ConnectionForm> with react-dom/server, with no
//      Testing Library installed (its packages are optional peers of connection-kit/testing);
//    - adds @testing-library/dom, user-event, react and jsdom, and drives a real form in jsdom
//      with connection-kit/testing (fill, submit, a mocked OAuth2 popup, the captured value);
//    - runs connection-kit/server (claim, refresh, the handler) against a token endpoint on
//      127.0.0.1, React unresolvable;
//    - runs the bin (`npx connection-kit pieces`) on a tiny piece package installed there;
//    - type-checks a consumer under "module": "nodenext" with the project's own tsc, the
//      module the bin wrote included.
// Prints one line per check and exits 1 if any failed. --keep leaves the temp dir for a look.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const keep = process.argv.includes('--keep');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const installed = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

/** Bare specifiers the server-side entries must never reach. */
const UI_PACKAGES = /^(react|react-dom|react-hook-form|@hookform\/[^/]+|@radix-ui\/[^/]+)(\/|$)/;
/** The optional peers of connection-kit/testing, which no other entry may import. */
const TESTING_LIBRARY = /^@testing-library\//;

const results = [];
const started = Date.now();

/** Runs one named check; a thrown error (or returned problem list) fails it. */
async function check(name, fn) {
  const start = Date.now();
  try {
    const problems = (await fn()) ?? [];
    const ok = problems.length === 0;
    results.push({ name, ok });
    console.log(`${ok ? 'ok    ' : 'FAILED'} ${name} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
    for (const problem of problems) console.log(`         ${String(problem).replace(/\n/g, '\n         ')}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`FAILED ${name} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
    // A failed command's message repeats its stderr: show its output, or else the message.
    const output = [error.stdout, error.stderr].filter(Boolean).map(String).join('\n').trim();
    const detail = output || String(error.message);
    console.log(`         ${detail.trim().replace(/\n/g, '\n         ')}`);
  }
}

/** Runs a command, returning stdout; on failure the error carries stdout and stderr. */
function run(command, args, options = {}) {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

/** Every chunk `entry` (a built .js file) reaches through relative imports, and the bare specifiers they import. */
function builtGraph(entry) {
  const files = new Set();
  const packages = new Set();
  const visit = (file) => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    const specifiers = code.matchAll(
      /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    );
    for (const match of specifiers) {
      const spec = match[1] ?? match[2];
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files: [...files], packages: [...packages] };
}

// --- 0. the build is there --------------------------------------------------------------------
const dist = join(root, 'dist');
const LOCALE_FILES = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).exports)
  .filter((key) => key.startsWith('./locales/'))
  .map((key) => `${key.slice(2)}.js`);
const built = [
  'index.js',
  'headless.js',
  'definitions.js',
  'oauth2.js',
  ...LOCALE_FILES,
  'testing.js',
  'server.js',
  'styles.css',
  'oauth2-callback.html',
  'oauth2-callback-page.js',
  'types/oauth2-callback-page.d.ts',
  'types/index.d.ts',
  'types/headless-entry.d.ts',
  'types/oauth2-entry.d.ts',
  'types/testing/index.d.ts',
  'types/server/index.d.ts',
];
const missing = built.filter((file) => !existsSync(join(dist, file)));
if (missing.length > 0) {
  console.log(`FAILED dist/ is incomplete (${missing.join(', ')}): run \`npm run build\` first`);
  process.exit(1);
}

const temp = mkdtempSync(join(tmpdir(), 'connection-kit-pack-'));
let tarball;

// --- 1. pack ----------------------------------------------------------------------------------
await check('npm pack: dist only, every export target inside', () => {
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', temp, '--loglevel=error'], { cwd: root }));
  tarball = join(temp, info.filename);
  const paths = info.files.map((f) => f.path);
  const problems = [];
  const stray = paths.filter((p) => !/^(dist\/|package\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)/.test(p));
  if (stray.length > 0) problems.push(`files outside dist/: ${stray.join(', ')}`);
  const targets = JSON.stringify(pkg.exports).match(/"\.\/dist\/[^"]+"/g) ?? [];
  for (const target of targets.map((t) => t.slice(3, -1))) {
    if (!paths.includes(target)) problems.push(`exports target ${target} is not in the tarball`);
  }
  console.log(`         ${info.filename}: ${paths.length} files, ${(info.size / 1024).toFixed(1)} kB packed`);
  return problems;
});
if (!tarball) process.exit(1);

// --- 2. publint and attw ----------------------------------------------------------------------
await check('publint (strict)', async () => {
  const buffer = readFileSync(tarball);
  const tarballBytes = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
  const { messages, pkg: packed } = await publint({ pack: { tarball: tarballBytes }, strict: true, level: 'suggestion' });
  const text = (m) => `${m.type}: ${formatMessage(m, packed, { color: false }) ?? m.code}`;
  for (const m of messages.filter((m) => m.type === 'suggestion')) console.log(`         ${text(m)}`);
  return messages.filter((m) => m.type !== 'suggestion').map(text);
});

await check('attw --profile esm-only', () => {
  try {
    run(bin('attw'), [
      tarball,
      '--profile',
      'esm-only',
      '--exclude-entrypoints',
      './styles.css',
      './oauth2-callback.html',
      '--no-definitely-typed',
      '--no-color',
      '--no-emoji',
      '--format',
      'table-flipped',
    ]);
    return [];
  } catch (error) {
    if (error.status === undefined) throw error;
    return [String(error.stdout || error.stderr).trim()];
  }
});

// --- 3. the built chunk graph -----------------------------------------------------------------
// connection-kit/oauth2-callback-page: the callback page as a module, served with a CSP that
// allows exactly its inline script. (The e2e suite serves it this way in Chromium.)
await check('dist/oauth2-callback-page.js is the callback page, with a CSP matching its one script', async () => {
  const problems = [];
  const page = await import(pathToFileURL(join(dist, 'oauth2-callback-page.js')).href);
  const html = readFileSync(join(dist, 'oauth2-callback.html'), 'utf8');
  if (page.OAUTH2_CALLBACK_HTML !== html) problems.push('OAUTH2_CALLBACK_HTML differs from dist/oauth2-callback.html');
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, code]) => code);
  const hash = scripts.length === 1 ? createHash('sha256').update(scripts[0]).digest('base64') : undefined;
  if (!hash) problems.push(`the page has ${scripts.length} inline scripts, not 1`);
  const response = page.oauth2CallbackResponse();
  const csp = response.headers.get('content-security-policy') ?? '';
  if (!csp.includes(`script-src 'sha256-${hash}'`) || !csp.includes("default-src 'none'") || !csp.includes("frame-ancestors 'none'"))
    problems.push(`CSP does not allow exactly the page's script: ${csp}`);
  if (!/^text\/html/.test(response.headers.get('content-type') ?? '')) problems.push('the response is not text/html');
  if (response.headers.get('cache-control') !== 'no-store') problems.push('the response may be cached');
  if ((await response.text()) !== html) problems.push('the response body is not the page');
  return problems;
});

// React Server Components (Next.js App Router): the entries with components and hooks are client
// modules, the server-safe ones are not (a server component imports PieceAuth from /definitions).
await check('"use client" opens dist/index.js and dist/headless.js, and no server-safe entry', () => {
  const problems = [];
  const directive = /^\s*(['"])use client\1;?/;
  for (const entry of ['index.js', 'headless.js']) {
    if (!directive.test(readFileSync(join(dist, entry), 'utf8'))) problems.push(`dist/${entry} does not start with "use client"`);
  }
  for (const entry of ['definitions.js', 'oauth2.js', 'server.js', 'testing.js', ...LOCALE_FILES]) {
    if (/(['"])use client\1/.test(readFileSync(join(dist, entry), 'utf8'))) problems.push(`dist/${entry} has "use client"`);
  }
  return problems;
});

await check(
  'built definitions, oauth2, server and locale entries import no React or UI package; definitions, server and locale no DOM',
  () => {
    const problems = [];
    for (const entry of ['definitions.js', 'oauth2.js', 'server.js', ...LOCALE_FILES]) {
      const graph = builtGraph(join(dist, entry));
      const ui = graph.packages.filter((p) => UI_PACKAGES.test(p));
      if (ui.length > 0)
        problems.push(`dist/${entry} reaches ${ui.join(', ')} (through ${graph.files.map((f) => f.slice(dist.length + 1)).join(', ')})`);
      // connection-kit/oauth2 is for the browser (popup, redirect page): it may touch window.
      if (entry === 'oauth2.js') continue;
      for (const file of graph.files) {
        if (/\b(window|document)\.[A-Za-z_$]/.test(readFileSync(file, 'utf8')))
          problems.push(`${file.slice(dist.length + 1)} touches window/document`);
      }
    }
    // The walk does find React where it is, so an empty answer above means something.
    if (!builtGraph(join(dist, 'index.js')).packages.includes('react')) problems.push('the graph walk cannot see react in dist/index.js');
    for (const entry of LOCALE_FILES) {
      if (builtGraph(join(dist, entry)).files.length !== 1) problems.push(`dist/${entry} imports chunks: it should be self-contained`);
    }
    // connection-kit/server is built apart (vite.server.config.ts): no chunk shared with the browser entries.
    const server = builtGraph(join(dist, 'server.js'));
    if (server.files.length !== 1)
      problems.push(
        `dist/server.js imports chunks (${server.files.map((f) => f.slice(dist.length + 1)).join(', ')}): it should be self-contained`,
      );
    const serverPackages = [...server.packages].sort().join();
    if (serverPackages !== 'oauth4webapi,zod/mini')
      problems.push(`dist/server.js imports ${serverPackages}, not exactly oauth4webapi and zod/mini`);
    for (const file of builtGraph(join(dist, 'index.js')).files) {
      if (readFileSync(file, 'utf8').includes('Réessayez'))
        problems.push(`${file.slice(dist.length + 1)} holds the French messages: they belong in locales/fr.js only`);
    }
    return problems;
  },
);

await check('only connection-kit/testing imports Testing Library; it imports no React', () => {
  const problems = [];
  for (const entry of ['index.js', 'headless.js', 'definitions.js', 'oauth2.js', 'server.js', 'locales/fr.js']) {
    const found = builtGraph(join(dist, entry)).packages.filter((p) => TESTING_LIBRARY.test(p));
    if (found.length > 0) problems.push(`dist/${entry} reaches ${found.join(', ')}: hosts would need Testing Library in production`);
  }
  const testing = builtGraph(join(dist, 'testing.js')).packages;
  const expected = ['@testing-library/dom', '@testing-library/user-event'];
  const found = testing.filter((p) => TESTING_LIBRARY.test(p)).sort();
  if (found.join() !== expected.join())
    problems.push(`dist/testing.js reaches ${found.join(', ') || 'no Testing Library package'}, not ${expected.join(', ')}`);
  const ui = testing.filter((p) => UI_PACKAGES.test(p));
  if (ui.length > 0) problems.push(`dist/testing.js reaches ${ui.join(', ')}`);
  for (const name of expected) {
    if (!pkg.peerDependencies?.[name] || pkg.peerDependenciesMeta?.[name]?.optional !== true)
      problems.push(`${name} is not an optional peer dependency`);
  }
  return problems;
});

// --- 4. a scratch project ---------------------------------------------------------------------
const app = join(temp, 'app');
mkdirSync(app);
writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'scratch-host', private: true, type: 'module' }, null, 2));

await check('scratch project: npm install the tarball + react + react-dom', () => {
  run(
    'npm',
    [
      'install',
      tarball,
      `react@${installed('react')}`,
      `react-dom@${installed('react-dom')}`,
      `@types/react@${installed('@types/react')}`,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      '--loglevel=error',
    ],
    { cwd: app },
  );
});

// A resolve hook that makes every UI package unresolvable: the server entries must not need them.
writeFileSync(
  join(app, 'deny-ui-hooks.mjs'),
  `
const UI = ${UI_PACKAGES};
export async function resolve(specifier, context, next) {
  if (UI.test(specifier)) throw new Error('server-side import reached ' + specifier + ' from ' + context.parentURL);
  return next(specifier, context);
}
`,
);
writeFileSync(join(app, 'deny-ui.mjs'), `import { register } from 'node:module';\nregister('./deny-ui-hooks.mjs', import.meta.url);\n`);

writeFileSync(
  join(app, 'server.mjs'),
  `
import assert from 'node:assert/strict';
import { PieceAuth, Property, PropertyType, createConnectionValueSchema, defaultMessages } from 'connection-kit/definitions';
import { fr } from 'connection-kit/locales/fr';
import { checkAuthDefinition, parseAuthDefinition, toClientAuth } from 'connection-kit/definitions';
import { buildAuthorizationUrl, createState, s256Challenge } from 'connection-kit/oauth2';

assert.equal(typeof window, 'undefined');
assert.equal(typeof document, 'undefined');
const auth = PieceAuth.CustomAuth({
  displayName: 'AWS',
  required: true,
  props: {
    accessKeyId: Property.ShortText({ displayName: 'Access Key ID', required: true }),
    secretAccessKey: PieceAuth.SecretText({ displayName: 'Secret Access Key', required: true }),
    port: Property.Number({ displayName: 'Port', required: false }),
  },
});
assert.equal(auth.type, PropertyType.CUSTOM_AUTH);
assert.deepEqual(Object.values(auth.props).map((p) => p.displayName), ['Access Key ID', 'Secret Access Key', 'Port']);
assert.deepEqual(checkAuthDefinition(auth), []);
const schema = createConnectionValueSchema(auth);
const good = { type: 'CUSTOM_AUTH', props: { accessKeyId: 'AKIA', secretAccessKey: 's3cr3t', port: 443 } };
assert.deepEqual(schema.parse(good), good);
assert.equal(schema.safeParse({ type: 'CUSTOM_AUTH', props: { accessKeyId: 'AKIA', port: 'x' } }).success, false);
assert.equal(schema.safeParse({ type: 'SECRET_TEXT', secret_text: 'k' }).success, false);
assert.equal(createConnectionValueSchema(PieceAuth.SecretText({ displayName: 'Key', required: true })).safeParse({ type: 'SECRET_TEXT', secret_text: 'k' }).success, true);
assert.equal(defaultMessages.submit, 'Connect');
assert.equal(fr.submit, 'Connecter');
assert.deepEqual(Object.keys(fr).sort(), Object.keys(defaultMessages).sort());
// connection-kit/oauth2 has no React either (a server can build the authorization URL).
const github = PieceAuth.OAuth2({ authUrl: 'https://github.com/login/oauth/authorize', tokenUrl: 'https://github.com/login/oauth/access_token', required: true, pkce: true, scope: ['repo'] });
const url = new URL(buildAuthorizationUrl(github, { clientId: 'cid', redirectUrl: 'https://app.example.com/cb', state: createState(), props: {}, pkce: { challenge: await s256Challenge('v'.repeat(43)), method: 'S256' } }));
assert.equal(url.searchParams.get('client_id'), 'cid');
assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
assert.ok(checkAuthDefinition({ ...github, authUrl: 'http://{tenant}.example.com/authorize' }).some((p) => p.path === 'auth.authUrl'));
// toClientAuth / parseAuthDefinition: a server sends a definition as plain data, the browser reads it back.
const client = toClientAuth({ ...github, validate: async () => ({ valid: true }) });
assert.equal('validate' in client, false);
assert.deepEqual(structuredClone(client), client);
assert.deepEqual(parseAuthDefinition(JSON.stringify(client)), { ok: true, auth: JSON.parse(JSON.stringify(client)), warnings: [] });
assert.equal(parseAuthDefinition('{"type":"OIDC"}').ok, false);
console.log('definitions and oauth2 entries ran in bare Node');
`,
);

await check('bare Node: connection-kit/definitions, /oauth2 and /locales/fr with React unresolvable', () => {
  run(process.execPath, ['--import', './deny-ui.mjs', 'server.mjs'], { cwd: app });
  // The hook does bite: the main entry needs React, so it must fail under it.
  try {
    run(process.execPath, ['--import', './deny-ui.mjs', '--input-type=module', '-e', "await import('connection-kit')"], { cwd: app });
    return ['the deny-UI hook did not stop connection-kit from loading React: the check above proves nothing'];
  } catch (error) {
    if (!String(error.stderr).includes('server-side import reached')) throw error;
  }
  return [];
});

await check('CommonJS: require("connection-kit/definitions") (require(esm), Node >= 20.19)', () => {
  if (!process.features.require_module) return [];
  const out = run(
    process.execPath,
    ['-e', "const k = require('connection-kit/definitions'); process.stdout.write(typeof k.createConnectionValueSchema)"],
    { cwd: app },
  );
  return out === 'function' ? [] : [`require() gave ${out}`];
});

// connection-kit/server from the tarball: claim, refresh and the handler against a token endpoint
// on 127.0.0.1 (a few lines of node:http standing in for a provider), React unresolvable.
writeFileSync(
  join(app, 'server-claim.mjs'),
  `
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { PieceAuth, Property } from 'connection-kit/definitions';
import { claimConnection, createConnectionHandler, refreshConnection, ReconnectNeededError, TokenEndpointError } from 'connection-kit/server';

assert.equal(typeof window, 'undefined');
const seen = [];
let issued = 0;
let spent = false;
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const form = new URLSearchParams(body);
    seen.push({ path: req.url, form, authorization: req.headers.authorization, accept: req.headers.accept });
    const basic = 'Basic ' + Buffer.from('cid:the-secret').toString('base64');
    res.setHeader('content-type', 'application/json');
    if (req.headers.authorization !== basic) return res.writeHead(401).end(JSON.stringify({ error: 'invalid_client' }));
    // A code is good once (RFC 6749 §4.1.2).
    if (form.get('grant_type') === 'authorization_code' && form.get('code') === 'good' && !spent && form.get('code_verifier') === 'v'.repeat(43)) {
      spent = true;
      return res.end(JSON.stringify({ access_token: 'at-' + ++issued, refresh_token: 'rt-1', expires_in: 60, token_type: 'Bearer', id_token: 'x.y.z' }));
    }
    if (form.get('grant_type') === 'refresh_token' && form.get('refresh_token') === 'rt-1') {
      return res.end(JSON.stringify({ access_token: 'at-' + ++issued, expires_in: 3600, token_type: 'Bearer' }));
    }
    res.writeHead(400).end(JSON.stringify({ error: 'invalid_grant', error_description: 'no' }));
  });
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = 'http://127.0.0.1:' + server.address().port;
const auth = PieceAuth.OAuth2({
  authUrl: origin + '/authorize',
  tokenUrl: origin + '/{region}/token',
  required: true,
  pkce: true,
  scope: ['read'],
  authorizationMethod: 'HEADER',
  props: { region: Property.ShortText({ displayName: 'Region', required: true }) },
  validate: async ({ auth }) => (auth.access_token.startsWith('at-') ? { valid: true } : { valid: false, error: 'bad token' }),
});
const value = { type: 'PLATFORM_OAUTH2', client_id: 'cid', redirect_url: 'https://app.example.com/cb', code: 'good', code_challenge: 'v'.repeat(43), scope: 'read', props: { region: 'eu' } };
const options = { redirectUrl: 'https://app.example.com/cb', oauth2App: { clientId: 'cid', clientSecret: 'the-secret' } };
const stored = await claimConnection(auth, value, options);
assert.equal(seen[0].path, '/eu/token');
assert.equal(seen[0].accept, 'application/json');
assert.deepEqual(Object.fromEntries(seen[0].form), { grant_type: 'authorization_code', code: 'good', redirect_uri: 'https://app.example.com/cb', code_verifier: 'v'.repeat(43) });
assert.equal(stored.type, 'PLATFORM_OAUTH2');
assert.equal(stored.access_token, 'at-1');
assert.deepEqual(stored.data, { id_token: 'x.y.z' });
assert.equal(stored.token_url, origin + '/eu/token');
const fresh = await refreshConnection(auth, stored, { oauth2App: options.oauth2App });
assert.equal(fresh.access_token, 'at-2');
assert.equal(fresh.refresh_token, 'rt-1');
await assert.rejects(claimConnection(auth, value, options), (e) => e instanceof TokenEndpointError && e.error === 'invalid_grant' && !e.message.includes('good'));
await assert.rejects(refreshConnection(auth, { ...stored, refresh_token: 'spent' }, { ...options, force: true }), ReconnectNeededError);

const rows = new Map();
const handle = createConnectionHandler({
  definitions: { demo: auth },
  secrets: { demo: options.oauth2App },
  redirectUrl: options.redirectUrl,
  store: {
    async create(record) { rows.set('c1', { id: 'c1', ...record }); return 'c1'; },
    async get(id) { return rows.get(id); },
    async update(id, v) { rows.set(id, { ...rows.get(id), value: v }); },
  },
});
spent = false;
const created = await handle(new Request('https://app.example.com/api/connections', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ piece: 'demo', value }) }));
assert.equal(created.status, 201);
const text = await created.text();
assert.ok(!text.includes('at-') && !text.includes('the-secret') && !text.includes('rt-1'), text);
assert.equal((await handle(new Request('https://app.example.com/api/connections', { method: 'POST', body: 'x' }))).status, 400);
server.close();
console.log('claimed, refreshed and served a connection from the packed connection-kit/server');
`,
);

await check(
  'bare Node: connection-kit/server claims, refreshes and serves a connection against a local token endpoint, React unresolvable',
  () => {
    run(process.execPath, ['--import', './deny-ui.mjs', 'server-claim.mjs'], { cwd: app });
  },
);

writeFileSync(
  join(app, 'ssr.mjs'),
  `
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { ConnectionForm, PieceAuth, Property } from 'connection-kit';
import { fr } from 'connection-kit/locales/fr';

assert.equal(typeof window, 'undefined');
const auth = PieceAuth.CustomAuth({
  displayName: 'AWS Credentials',
  required: true,
  props: {
    accessKeyId: Property.ShortText({ displayName: 'Access Key ID', required: true }),
    secretAccessKey: PieceAuth.SecretText({ displayName: 'Secret Access Key', required: true }),
    region: Property.StaticDropdown({
      displayName: 'Region',
      required: true,
      options: { options: [{ label: 'EU (Ireland)', value: 'eu-west-1' }] },
    }),
  },
});
const html = renderToString(createElement(ConnectionForm, { auth, onConnect: () => {} }));
for (const text of ['Access Key ID', 'Secret Access Key', 'Region', 'Connect']) assert.ok(html.includes(text), text + ' missing from ' + html);
assert.ok(/<form[\\s>]/.test(html), 'no <form> in ' + html);
const french = renderToString(createElement(ConnectionForm, { auth, onConnect: () => {}, messages: fr }));
assert.ok(french.includes('Connecter'), 'French submit missing from ' + french);
for (const file of ['connection-kit/styles.css', 'connection-kit/oauth2-callback.html']) assert.ok(import.meta.resolve(file).startsWith('file:'), file);
console.log('rendered ' + html.length + ' characters of HTML in Node');
`,
);

await check('Node SSR: import connection-kit and renderToString(<ConnectionForm>), no Testing Library installed', () => {
  run(process.execPath, ['ssr.mjs'], { cwd: app });
  // The optional peers really are optional: absent here, and only the testing entry needs them.
  if (existsSync(join(app, 'node_modules', '@testing-library')))
    return ['@testing-library/* got installed with the tarball: the peers are not optional'];
  try {
    run(process.execPath, ['--input-type=module', '-e', "await import('connection-kit/testing')"], { cwd: app });
    return ['connection-kit/testing loaded without @testing-library installed: the check below proves less than it says'];
  } catch (error) {
    if (!/@testing-library\/(dom|user-event)/.test(String(error.stderr))) throw error;
  }
  return [];
});

// --- 5. connection-kit/testing in a host's test: jsdom + Testing Library -------------------------
await check('scratch project: npm install @testing-library/dom, user-event, react and jsdom', () => {
  run(
    'npm',
    [
      'install',
      ...['@testing-library/dom', '@testing-library/user-event', '@testing-library/react', 'jsdom'].map(
        (name) => `${name}@${installed(name)}`,
      ),
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      '--loglevel=error',
    ],
    { cwd: app },
  );
});

writeFileSync(
  join(app, 'host-test.mjs'),
  `
// A host's own test, without a test runner: jsdom's window made global (as jsdom test
// environments do), then the form driven with connection-kit/testing.
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://localhost:3000/', pretendToBeVisual: true });
// As jsdom test environments do: the window's globals, and its own Event classes over Node's
// (jsdom dispatches only its own events; Radix creates CustomEvents from the global).
for (const key of Object.getOwnPropertyNames(dom.window)) {
  if (!(key in globalThis) || /^[A-Za-z]*Event(Target)?$/.test(key)) globalThis[key] = dom.window[key];
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

const { createElement } = await import('react');
const { render, screen, cleanup, waitFor } = await import('@testing-library/react');
const { ConnectionForm, PieceAuth, Property } = await import('connection-kit');
const { captureConnection, fillConnectionForm, mockOAuth2Popup, submitConnectionForm } = await import('connection-kit/testing');

const auth = PieceAuth.CustomAuth({
  displayName: 'AWS Credentials',
  required: true,
  props: {
    accessKeyId: Property.ShortText({ displayName: 'Access Key ID', required: true }),
    secretAccessKey: PieceAuth.SecretText({ displayName: 'Secret Access Key', required: true }),
    port: Property.Number({ displayName: 'Port', required: false }),
    ssl: Property.Checkbox({ displayName: 'Use SSL', required: false }),
    region: Property.StaticDropdown({
      displayName: 'Region',
      required: true,
      options: { options: [{ label: 'US East', value: 'us-east-1' }, { label: 'EU (Ireland)', value: 'eu-west-1' }] },
    }),
  },
});
const connection = captureConnection();
render(createElement(ConnectionForm, { auth, onConnect: connection.onConnect }));
// No Radix stubs here: the helper adds the two jsdom lacks.
await fillConnectionForm(auth, { accessKeyId: 'AKIA1', secretAccessKey: 's3cret', port: 443, ssl: true, region: 'eu-west-1' });
await submitConnectionForm();
assert.deepEqual(await connection.value(), {
  type: 'CUSTOM_AUTH',
  props: { accessKeyId: 'AKIA1', secretAccessKey: 's3cret', port: 443, ssl: true, region: 'eu-west-1' },
});
cleanup();

const github = PieceAuth.OAuth2({
  authUrl: 'https://github.com/login/oauth/authorize',
  tokenUrl: 'https://github.com/login/oauth/access_token',
  required: true,
  pkce: true,
  scope: ['repo'],
});
const popup = mockOAuth2Popup();
const oauth = captureConnection();
render(createElement(ConnectionForm, { auth: github, oauth2: { clientId: 'cid', redirectUrl: 'http://localhost:3000/callback' }, onConnect: oauth.onConnect }));
await submitConnectionForm();
assert.equal(popup.url().origin + popup.url().pathname, 'https://github.com/login/oauth/authorize');
await popup.approve('the-code');
const value = await oauth.value();
assert.equal(value.type, 'PLATFORM_OAUTH2');
assert.equal(value.code, 'the-code');
// The value is handed over first; the status flips once onConnect has returned (a loaded machine shows the gap).
await waitFor(() => assert.equal(screen.getByRole('status').textContent, 'Connected.'));
popup.restore();
cleanup();
console.log('drove a form in jsdom with connection-kit/testing');
process.exit(0);
`,
);

await check('host test in jsdom: connection-kit/testing fills, submits, mocks the OAuth2 popup', () => {
  run(process.execPath, ['host-test.mjs'], { cwd: app });
});

// --- 6. the bin: `npx connection-kit pieces` on a piece installed in the host ----------------------
// A tiny piece package as a host would have it installed: CommonJS, with a validate to drop.
const tinyPiece = join(app, 'node_modules', '@acme', 'piece-tiny');
mkdirSync(tinyPiece, { recursive: true });
writeFileSync(join(tinyPiece, 'package.json'), JSON.stringify({ name: '@acme/piece-tiny', version: '1.2.3', main: 'index.js' }));
writeFileSync(
  join(tinyPiece, 'index.js'),
  `
exports.tiny = {
  displayName: 'Tiny',
  actions: {},
  auth: {
    type: 'CUSTOM_AUTH', displayName: 'Tiny account', required: true, valueSchema: undefined,
    props: {
      apiKey: { type: 'SECRET_TEXT', displayName: 'API key', required: true, valueSchema: undefined },
      region: { type: 'STATIC_DROPDOWN', displayName: 'Region', required: false, valueSchema: undefined,
        options: { options: [{ label: 'EU', value: 'eu' }, { label: 'US', value: 'us' }] } },
    },
    validate: async () => ({ valid: true }),
  },
};
`,
);

await check('bin: npx connection-kit pieces writes a module and JSON from a piece installed in the host', () => {
  const problems = [];
  const cli = join(app, 'node_modules', 'connection-kit', 'dist', 'cli.js');
  if (!readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')) problems.push('dist/cli.js does not start with a node shebang');
  const npx = (args) => run('npx', ['--no-install', 'connection-kit', ...args], { cwd: app });
  npx(['pieces', '@acme/piece-tiny', '--out', 'pieces.generated.ts']);
  const module = readFileSync(join(app, 'pieces.generated.ts'), 'utf8');
  for (const text of [
    "import { PieceAuth, Property } from 'connection-kit/definitions';",
    'export const tinyAuth = PieceAuth.CustomAuth({',
    '"auth.validate"',
  ]) {
    if (!module.includes(text)) problems.push(`the module lacks ${text}:\n${module}`);
  }
  const json = JSON.parse(npx(['pieces', '@acme/piece-tiny', '--json', '--quiet']));
  if (json.pieces?.[0]?.auth?.props?.region?.options?.options?.length !== 2) problems.push(`unexpected JSON: ${JSON.stringify(json)}`);
  // A package that is not installed: exit 1, with the package and the fix named.
  try {
    npx(['pieces', '@acme/piece-missing']);
    problems.push('a missing package did not fail');
  } catch (error) {
    if (error.status !== 1 || !String(error.stderr).includes('npm install @acme/piece-missing'))
      problems.push(`a missing package gave exit ${error.status}: ${error.stderr}`);
  }
  return problems;
});

writeFileSync(
  join(app, 'consumer.ts'),
  `
import { createElement } from 'react';
import { ConnectionForm, PieceAuth, type ConnectionValue } from 'connection-kit';
import { createConnectionValueSchema, type Messages } from 'connection-kit/definitions';
import { fr } from 'connection-kit/locales/fr';
import { checkAuthDefinition, type DefinitionProblem } from 'connection-kit/definitions';
import { completeOAuth2Redirect, openOAuth2Popup, type CompleteOAuth2RedirectResult, type OAuth2Outcome } from 'connection-kit/oauth2';
import { FieldRow, useConnectionForm, type FieldModel } from 'connection-kit/headless';
import { OAUTH2_CALLBACK_HTML, oauth2CallbackResponse } from 'connection-kit/oauth2-callback-page';

const auth = PieceAuth.BasicAuth({ displayName: 'Login', required: true, username: { displayName: 'User' }, password: { displayName: 'Password' } });
const value: ConnectionValue<typeof auth> = { type: 'BASIC_AUTH', username: 'u', password: 'p' };
const messages: Messages = fr;
export const parsed = createConnectionValueSchema(auth).parse(value);
export const element = createElement(ConnectionForm<typeof auth>, { auth, messages, onConnect: (v) => { const user: string = v.username; void user; } });
export const problems: DefinitionProblem[] = checkAuthDefinition(auth);
// connection-kit/oauth2-callback-page: a route handler's GET.
export const GET = (): Response => oauth2CallbackResponse();
export const page: string = OAUTH2_CALLBACK_HTML;
// connection-kit/headless: the hook and FieldRow, from their own entry.
export function Headless() {
  const cf = useConnectionForm(auth, { onConnect: () => {} });
  return cf.fields.map((field: FieldModel) => createElement(FieldRow, { key: field.name, field, control: cf.control, messages: cf.messages }));
}
export const redirect = (): CompleteOAuth2RedirectResult => completeOAuth2Redirect({ close: false });
export const outcome = (): Promise<OAuth2Outcome> => openOAuth2Popup({ url: 'https://a.example/x', state: 's', expectedOrigin: 'https://b.example', timeoutMs: 1 }).result;
// @ts-expect-error: a BasicAuth value has no secret_text
export const wrong: ConnectionValue<typeof auth> = { type: 'SECRET_TEXT', secret_text: 'x' };

// The module connection-kit pieces wrote above, typed as hand-written definitions are.
import { tinyAuth } from './pieces.generated.js';
export const tinyValue: ConnectionValue<typeof tinyAuth> = { type: 'CUSTOM_AUTH', props: { apiKey: 'k', region: 'eu' } };
// @ts-expect-error: 'mars' is not one of the region's options
export const tinyWrong: ConnectionValue<typeof tinyAuth> = { type: 'CUSTOM_AUTH', props: { apiKey: 'k', region: 'mars' } };

// connection-kit/testing, typed from the same definition.
import { captureConnection, fillConnectionForm, mockOAuth2Popup, submitConnectionForm, type FillValues, type MockOAuth2Popup } from 'connection-kit/testing';
const filled: FillValues<typeof auth> = { username: 'u', password: 'p' };
export const fill = (): Promise<void> => fillConnectionForm(auth, filled).then(() => submitConnectionForm());
// @ts-expect-error: a BasicAuth has no secret_text to fill
export const badFill = () => fillConnectionForm(auth, { secret_text: 'x' });
export const captured = captureConnection<ConnectionValue<typeof auth>>();
export const firstUser = async (): Promise<string> => (await captured.value()).username;
export const popup = (): MockOAuth2Popup => mockOAuth2Popup({ blocked: true });

// connection-kit/server, typed from the same definitions.
import { claimConnection, createConnectionHandler, type StoredConnectionValue } from 'connection-kit/server';
export const claim = async (body: unknown): Promise<string> => {
  const stored: StoredConnectionValue<typeof auth> = await claimConnection(auth, body);
  return stored.password;
};
export const handler: (request: Request) => Promise<Response> = createConnectionHandler({ definitions: { login: auth }, store: { create: async () => 'id', get: async () => undefined, update: async () => {} } });
`,
);
writeFileSync(
  join(app, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      jsx: 'react-jsx',
      types: [],
    },
    files: ['consumer.ts', 'pieces.generated.ts'],
  }),
);

await check('TypeScript consumer with "module": "nodenext" type-checks', () => {
  run(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: app });
});

// --- summary ----------------------------------------------------------------------------------
if (keep) console.log(`kept ${temp}`);
else rmSync(temp, { recursive: true, force: true });
const failed = results.filter((r) => !r.ok).length;
console.log(`check-package: ${results.length - failed} of ${results.length} checks ok in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exitCode = failed > 0 ? 1 : 0;
