// `npm start`: the embedded OAuth2 provider, the catalog, the encrypted SQLite store and the app,
// all on 127.0.0.1, with no setup. Settings (all optional): PORT (4310), IDP_PORT (4311),
// DATA_DIR (.data: the database and, without CONNECTIONS_KEY, the generated key), CONNECTIONS_KEY.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp, redirectPath } from './app';
import { loadCatalog } from './catalog';
import { loadConnectionsKey } from './connections-key';
import { startIdentityProvider } from './identity-provider';
import { createSqliteStore } from './sqlite-store';

const root = fileURLToPath(new URL('..', import.meta.url));
const host = '127.0.0.1';
/** A port setting: a whole number 1–65535, or the default when unset or empty. */
function portOf(name: string, fallback: number): number {
  const text = process.env[name];
  if (!text) return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`${name} must be a port number (1–65535), not ${JSON.stringify(text)}.`);
  return port;
}
const port = portOf('PORT', 4310);
const dataDir = resolve(root, process.env.DATA_DIR ?? '.data');
const origin = `http://${host}:${port}`;

// One user in this demo. In your product: the session's user, and 401 without one.
const ownerOf = (_request: Request) => 'demo-user';

mkdirSync(dataDir, { recursive: true, mode: 0o700 });
const { key, source } = loadConnectionsKey(dataDir);
const redirectUrl = `${origin}${redirectPath}`;
const idp = await startIdentityProvider({ host, port: portOf('IDP_PORT', 4311), redirectUrl });
const catalog = await loadCatalog(join(root, 'generated/pieces.json'), idp, redirectUrl);
const store = createSqliteStore(join(dataDir, 'connections.db'), key, ownerOf);
const app = createApp({ origin, catalog, store, ownerOf, staticRoot: join(root, 'dist') });

const server = serve({ fetch: app.fetch, hostname: host, port }, () => {
  console.log(
    `Host app: ${origin}/  (${catalog.summaries.length} pieces; OAuth2 provider ${idp.issuer}; data in ${dataDir}; key from ${source})`,
  );
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  try {
    server.close();
    await idp.close();
    store.close();
  } finally {
    process.exit(0);
  }
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
