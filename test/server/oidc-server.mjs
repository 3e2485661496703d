// A real authorization server for the connection-kit/server tests: oidc-provider on 127.0.0.1
// with confidential clients (client_secret_basic = Activepieces' HEADER, client_secret_post =
// BODY), refresh tokens with rotation, and client credentials. Authorization codes are minted
// through oidc-provider's own models (the browser half is proven in e2e/server-round-trip.spec.ts),
// then traded at its real token endpoint, which checks PKCE, the redirect URI and the client.
//
// Plain JavaScript (typed by oidc-server.d.mts): oidc-provider ships no type declarations.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

export const REDIRECT_URI = 'https://app.example.com/oauth/callback';
export const CLIENTS = {
  basic: { client_id: 'ck-basic', client_secret: 'basic-secret-0123456789abcdef', token_endpoint_auth_method: 'client_secret_basic' },
  post: { client_id: 'ck-post', client_secret: 'post-secret-0123456789abcdef', token_endpoint_auth_method: 'client_secret_post' },
};

/** @param {{ accessTokenTtl?: number }} [options] */
export async function startOidcServer(options = {}) {
  const server = createServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: Object.values(CLIENTS).map((c) => ({
      ...c,
      grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
      response_types: ['code'],
      redirect_uris: [REDIRECT_URI],
      scope: 'openid offline_access api:read',
    })),
    scopes: ['openid', 'offline_access', 'api:read'],
    features: { clientCredentials: { enabled: true }, revocation: { enabled: true } },
    pkce: { required: () => false },
    issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    rotateRefreshToken: () => true,
    cookies: { keys: [randomBytes(32).toString('hex')] },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'server-tests', alg: 'RS256', use: 'sig' }] },
    ttl: {
      AccessToken: options.accessTokenTtl ?? 600,
      ClientCredentials: options.accessTokenTtl ?? 600,
      AuthorizationCode: 60,
      Grant: 3600,
      RefreshToken: 86_400,
      IdToken: 600,
    },
    findAccount: (/** @type {unknown} */ _ctx, /** @type {string} */ sub) => ({ accountId: sub, claims: () => ({ sub }) }),
  });
  /** Every request to the token endpoint: its body and Authorization header, for assertions. */
  const tokenRequests = /** @type {{ body: URLSearchParams, authorization: string | undefined, accept: string | undefined }[]} */ ([]);
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (req.method === 'POST' && req.url === '/token') {
      const chunks = /** @type {Buffer[]} */ ([]);
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        tokenRequests.push({
          body: new URLSearchParams(Buffer.concat(chunks).toString()),
          authorization: req.headers.authorization,
          accept: req.headers.accept,
        });
      });
    }
    callback(req, res);
  });

  return {
    issuer,
    tokenUrl: `${issuer}/token`,
    userinfoUrl: `${issuer}/me`,
    tokenRequests,
    /**
     * An authorization code for `clientId`, as the authorization endpoint would issue it after
     * sign-in and consent.
     * @param {{ clientId: string, codeChallenge?: string, scope?: string, redirectUri?: string }} params
     */
    async mintCode({ clientId, codeChallenge, scope = 'openid offline_access', redirectUri = REDIRECT_URI }) {
      const client = await provider.Client.find(clientId);
      const grant = new provider.Grant({ accountId: 'alice', clientId });
      grant.addOIDCScope(scope);
      const grantId = await grant.save();
      const code = new provider.AuthorizationCode({
        accountId: 'alice',
        client,
        grantId,
        redirectUri,
        scope,
        authTime: Math.floor(Date.now() / 1000),
        expiresWithSession: false,
        ...(codeChallenge ? { codeChallenge, codeChallengeMethod: 'S256' } : {}),
      });
      return code.save();
    },
    /** Revokes a refresh token at the real revocation endpoint. @param {string} token @param {keyof typeof CLIENTS} client */
    async revoke(token, client) {
      const c = CLIENTS[client];
      const res = await fetch(`${issuer}/token/revocation`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, client_id: c.client_id, client_secret: c.client_secret }),
      });
      if (!res.ok) throw new Error(`revocation answered ${res.status}`);
    },
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(() => done(undefined)));
    },
  };
}
