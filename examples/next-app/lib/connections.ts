// The server half, on connection-kit/server: claims what the form emitted (for OAuth2 the token
// exchange, with the client secret from the environment), runs the definition's validate and
// stores the result. See the kit's README, "Your server".
import { type ConnectionRecord, createConnectionHandler } from 'connection-kit/server';
import { acmeAuth, appOrigin, oauth2Provider, postgresAuth, redirectUrl } from './pieces';

// Your database. In memory here, on globalThis so every route of this process sees one table;
// a real store encrypts the value at rest (tokens and secrets) and scopes rows to their owner.
const shared = globalThis as { connectionRows?: Map<string, ConnectionRecord> };
shared.connectionRows ??= new Map();
const rows = shared.connectionRows;

function createHandler() {
  const provider = oauth2Provider();
  return createConnectionHandler({
    definitions: { postgres: postgresAuth, acme: acmeAuth, ...(provider ? { local: provider.auth } : {}) },
    secrets: provider ? { local: { clientId: provider.clientId, clientSecret: process.env.OAUTH2_CLIENT_SECRET ?? '' } } : {},
    redirectUrl: redirectUrl(),
    server: { apiUrl: `${appOrigin()}/api/`, publicUrl: `${appOrigin()}/` },
    store: {
      create: async (record) => {
        const id = crypto.randomUUID();
        rows.set(id, { id, ...record });
        return id;
      },
      get: async (id) => rows.get(id),
      update: async (id, value) => {
        const row = rows.get(id);
        if (row) rows.set(id, { ...row, value });
      },
    },
  });
}

let handler: ReturnType<typeof createHandler> | undefined;

/** POST /api/connections: `{ piece, displayName?, value }` in, a redacted view out (no secret, no token). */
export function handleConnections(request: Request): Promise<Response> {
  // Built on first use, so the environment is read when the server runs (not at `next build`).
  handler ??= createHandler();
  return handler(request);
}
