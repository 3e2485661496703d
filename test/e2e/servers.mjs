// The servers of one e2e run, all on 127.0.0.1 with ports the OS picks:
// - the test app (built once with vite from test/e2e/app, importing the kit from src/), which
//   also serves the kit's ready-made callback page at /callback and, with
//   `Cross-Origin-Opener-Policy: same-origin`, at /callback-coop;
// - a real OAuth2 authorization server: oidc-provider with its dev login/consent pages and one
//   public client (token_endpoint_auth_method "none", so PKCE is mandatory);
// - a page on another origin, for forged messages; reached as http://localhost:<port> it is
//   also another *site* (for cross-site frames).
// The provider can serve a sign-in with COOP too (`?e2e_coop=1`, see below).
//
// Plain JavaScript (with JSDoc types): oidc-provider ships no type declarations, and the repo's
// tsconfig (which type-checks test/**/*.ts) has no allowJs.
import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import react from '@vitejs/plugin-react';
import Provider from 'oidc-provider';
import { build } from 'vite';
import { createServerRoute, serverRouteClient } from './server-route.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(here, '../..');

export const CLIENT_ID = 'connection-kit-e2e';

/**
 * @typedef {import('node:http').Server} Server
 * @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void} Handler
 * @typedef {{ appOrigin: string, issuer: string, otherOrigin: string, close: () => Promise<void> }} E2EServers
 */

/** @param {Handler} handler @returns {Promise<{ server: Server, origin: string }>} */
async function listen(handler) {
  const server = createServer((req, res) => handler(req, res));
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** @param {Server} server */
async function closeServer(server) {
  server.closeAllConnections();
  await new Promise((done) => server.close(() => done()));
}

/**
 * Builds dist/oauth2-callback.html with the repo's own script, into a temporary folder.
 * @param {string} work @returns {Promise<{ html: string; response: () => Response }>} The page's HTML, and its Response as connection-kit/oauth2-callback-page builds it.
 */
async function buildCallbackPage(work) {
  // The script builds `src/oauth/callback-page.ts` and writes `dist/oauth2-callback.html`, both
  // relative to its working directory: run it in a scratch folder whose `src` is the repo's, so
  // the repo's dist/ is never touched by the tests.
  const cwd = join(work, 'callback');
  await mkdir(cwd, { recursive: true });
  await symlink(join(repo, 'src'), join(cwd, 'src'), 'dir');
  // dist/ is ESM, as in the published package ("type": "module").
  await writeFile(join(cwd, 'package.json'), '{ "type": "module" }');
  await promisify(execFile)(process.execPath, [join(repo, 'scripts/build-callback-page.mjs')], { cwd });
  // The same page as connection-kit/oauth2-callback-page serves it: /callback answers with its
  // Response (strict CSP), so every OAuth2 e2e test proves the page works under that policy.
  const page = await import(pathToFileURL(join(cwd, 'dist/oauth2-callback-page.js')).href);
  return { html: await readFile(join(cwd, 'dist/oauth2-callback.html'), 'utf8'), response: page.oauth2CallbackResponse };
}

/** @param {string} work @returns {Promise<string>} The folder of the built app. */
async function buildApp(work) {
  const outDir = join(work, 'app');
  await build({
    configFile: false,
    root: join(here, 'app'),
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, minify: false, sourcemap: false, reportCompressedSize: false },
  });
  return outDir;
}

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

/**
 * @param {import('node:http').ServerResponse} res @param {number} status @param {string} type
 * @param {string | Buffer} body @param {Record<string, string>} [headers]
 */
function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

function rsaSigningKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: 'e2e-rs256', alg: 'RS256', use: 'sig' };
}

/** @returns {Promise<E2EServers>} */
export async function startServers() {
  const work = await mkdtemp(join(tmpdir(), 'ck-e2e-'));
  /** @type {Server[]} */
  const servers = [];
  try {
    const [callbackPage, appDir] = await Promise.all([buildCallbackPage(work), buildApp(work)]);

    /** @type {Handler} */
    let appHandler = (_req, res) => send(res, 503, 'text/plain', 'starting');
    /** @type {Handler} */
    let providerHandler = (_req, res) => send(res, 503, 'text/plain', 'starting');
    const app = await listen((req, res) => appHandler(req, res));
    servers.push(app.server);
    const idp = await listen((req, res) => providerHandler(req, res));
    servers.push(idp.server);
    const other = await listen((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/other.html') {
        return send(res, 200, TYPES['.html'], '<!doctype html><html lang="en"><title>Another origin</title><p>Another origin</p></html>');
      }
      send(res, 404, 'text/plain', 'not found');
    });
    servers.push(other.server);

    const issuer = idp.origin;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          application_type: 'web',
          token_endpoint_auth_method: 'none',
          grant_types: ['authorization_code'],
          response_types: ['code'],
          redirect_uris: [`${app.origin}/callback`, `${app.origin}/callback-coop`],
        },
        serverRouteClient(app.origin),
      ],
      features: { devInteractions: { enabled: true } },
      pkce: { required: () => true },
      // The test app calls the token endpoint from the browser; allow exactly its origin.
      clientBasedCORS: (/** @type {unknown} */ _ctx, /** @type {string} */ origin) => origin === app.origin,
      cookies: { keys: [randomBytes(32).toString('hex')] },
      jwks: { keys: [rsaSigningKey()] },
      ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
      findAccount: (/** @type {unknown} */ _ctx, /** @type {string} */ sub) => ({ accountId: sub, claims: () => ({ sub }) }),
    });
    provider.on('server_error', (/** @type {unknown} */ _ctx, /** @type {unknown} */ error) =>
      console.error('[oidc-provider] server_error', error),
    );
    const providerCallback = provider.callback();
    // `?e2e_coop=1` on the authorization request (the test app's `?providerCoop=1`): every page
    // of that sign-in is served with Cross-Origin-Opener-Policy: same-origin, as some real
    // providers' are, which puts the popup in a browsing context group of its own and severs
    // window.opener. A cookie carries the mode from /auth to the login and consent pages.
    providerHandler = (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const coop = url.searchParams.get('e2e_coop') === '1' || /(?:^|;\s*)e2e-coop=1(?:;|$)/.test(req.headers.cookie ?? '');
      if (coop) {
        res.setHeader('cross-origin-opener-policy', 'same-origin');
        if (url.pathname === '/auth') res.setHeader('set-cookie', ['e2e-coop=1; Path=/; SameSite=Lax']);
      }
      providerCallback(req, res);
    };
    const serverRoute = await createServerRoute({ work, issuer, appOrigin: app.origin });

    appHandler = async (req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path.startsWith('/api/')) return serverRoute(req, res);
      if (path === '/e2e-config.json') {
        return send(res, 200, TYPES['.json'], JSON.stringify({ issuer, clientId: CLIENT_ID }));
      }
      if (path === '/callback') {
        const response = callbackPage.response();
        res.writeHead(response.status, Object.fromEntries(response.headers));
        return res.end(await response.text());
      }
      // The bare page without headers, as a host serving dist/oauth2-callback.html may.
      if (path === '/callback-plain') return send(res, 200, TYPES['.html'], callbackPage.html);
      if (path === '/callback-coop') {
        return send(res, 200, TYPES['.html'], callbackPage.html, { 'cross-origin-opener-policy': 'same-origin' });
      }
      const file = normalize(join(appDir, path === '/' ? 'index.html' : path));
      if (!file.startsWith(appDir)) return send(res, 403, 'text/plain', 'forbidden');
      try {
        send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
      } catch {
        send(res, 404, 'text/plain', 'not found');
      }
    };

    return {
      appOrigin: app.origin,
      issuer,
      otherOrigin: other.origin,
      close: async () => {
        await Promise.all(servers.map(closeServer));
        await rm(work, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all(servers.map(closeServer));
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}
