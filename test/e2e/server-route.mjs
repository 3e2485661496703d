// The host's server route of the e2e round trip (e2e/server-round-trip.spec.ts): connection-kit/
// server, built from src/ with vite for Node, behind /api/connections on the test app's origin,
// talking to the run's oidc-provider with a confidential client of its own (client_secret_basic).
// servers.mjs registers SERVER_ROUTE_CLIENT and sends /api/* here; nothing else is shared.
//
// Test-only routes beside the kit's: GET /api/e2e/config (the client id), POST /api/e2e/clock
// { advanceSeconds } (the server's fake clock, so a token expires without waiting), GET
// /api/e2e/stored/:id (the stored value, which the kit's handler never answers), GET
// /api/e2e/validations (what the definition's validate saw).
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { build } from 'vite';

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const CLIENT_ID = 'connection-kit-server-e2e';
const CLIENT_SECRET = 'e2e-server-client-secret-0123456789';

/** @param {string} appOrigin */
export function serverRouteClient(appOrigin) {
  return {
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    token_endpoint_auth_method: 'client_secret_basic',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [`${appOrigin}/callback`],
  };
}

/** Builds connection-kit/server and /definitions from src/ into `work`, bundled for Node, and imports them. */
async function loadKit(work) {
  const outDir = join(work, 'server-kit');
  await mkdir(outDir, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'warn',
    ssr: { noExternal: true },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: {
        input: { server: join(repo, 'src/server/index.ts'), definitions: join(repo, 'src/definitions-entry.ts') },
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
  const [server, definitions] = await Promise.all([
    import(pathToFileURL(join(outDir, 'server.mjs')).href),
    import(pathToFileURL(join(outDir, 'definitions.mjs')).href),
  ]);
  return { server, definitions };
}

/**
 * @param {{ work: string, issuer: string, appOrigin: string }} options
 * @returns {Promise<(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>>}
 */
export async function createServerRoute({ work, issuer, appOrigin }) {
  const { server, definitions } = await loadKit(work);
  /** @type {{ accessToken: string, userinfo: number }[]} */
  const validations = [];
  // The server's own copy of the definition: the same URLs as the page's, plus a validate that
  // asks the provider's userinfo endpoint whether the token works.
  const auth = definitions.PieceAuth.OAuth2({
    displayName: 'Test provider',
    authUrl: `${issuer}/auth`,
    tokenUrl: `${issuer}/token`,
    scope: ['openid', 'offline_access'],
    pkce: true,
    required: true,
    authorizationMethod: 'HEADER',
    props: { workspace: definitions.Property.ShortText({ displayName: 'Workspace', required: false }) },
    validate: async (/** @type {{ auth: { access_token: string } }} */ { auth: value }) => {
      const res = await fetch(`${issuer}/me`, { headers: { authorization: `Bearer ${value.access_token}` } });
      validations.push({ accessToken: value.access_token, userinfo: res.status });
      return res.ok ? { valid: true } : { valid: false, error: `userinfo answered ${res.status}` };
    },
  });
  /** @type {Map<string, any>} */
  const rows = new Map();
  let clockOffsetMs = 0;
  const handle = server.createConnectionHandler({
    definitions: { 'test-provider': auth },
    secrets: { 'test-provider': { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } },
    redirectUrl: `${appOrigin}/callback`,
    server: { apiUrl: `${appOrigin}/api/`, publicUrl: `${appOrigin}/` },
    now: () => Date.now() + clockOffsetMs,
    store: {
      create: async (/** @type {any} */ record) => {
        const id = `c${rows.size + 1}`;
        rows.set(id, { id, ...record });
        return id;
      },
      get: async (/** @type {string} */ id) => rows.get(id),
      update: async (/** @type {string} */ id, /** @type {unknown} */ value) => void rows.set(id, { ...rows.get(id), value }),
    },
  });

  return async (req, res) => {
    const url = new URL(req.url ?? '/', appOrigin);
    const chunks = /** @type {Buffer[]} */ ([]);
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const send = (/** @type {number} */ status, /** @type {unknown} */ json) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(json));
    };
    if (url.pathname === '/api/e2e/config') return send(200, { clientId: CLIENT_ID });
    if (url.pathname === '/api/e2e/clock' && req.method === 'POST') {
      clockOffsetMs += Number(JSON.parse(body.toString()).advanceSeconds) * 1000;
      return send(200, { offsetSeconds: clockOffsetMs / 1000 });
    }
    if (url.pathname.startsWith('/api/e2e/stored/'))
      return send(200, rows.get(url.pathname.slice('/api/e2e/stored/'.length))?.value ?? null);
    if (url.pathname === '/api/e2e/validations') return send(200, validations);
    // The kit's handler, as a host mounts it: a Web Request in, the Web Response written back.
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const request = new Request(url, { method: req.method, headers, ...(body.length ? { body } : {}) });
    const response = await handle(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  };
}
