// The embedded OAuth2 provider: oidc-provider on 127.0.0.1, standing in for Slack, HubSpot, Zoom
// and the other OAuth2 pieces, so the whole popup flow runs offline. Its dev login and consent
// pages accept any login. Two confidential clients, because a piece says how it sends its client
// secret (`authorizationMethod`): in the body (the Activepieces default) or as Basic auth.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientAuthMethod, type ClientMetadata } from 'oidc-provider';

/** A client of the provider: what the host passes the form (`clientId`) and keeps on its server. */
export interface LocalClient {
  clientId: string;
  clientSecret: string;
}

export interface IdentityProvider {
  issuer: string;
  /** The client for a piece's `authorizationMethod` (`HEADER`: Basic auth; else in the body). */
  clientFor(authorizationMethod: string | undefined): LocalClient;
  close(): Promise<void>;
}

export async function startIdentityProvider(options: { host: string; port: number; redirectUrl: string }): Promise<IdentityProvider> {
  const server = createServer();
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => done());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${options.host}:${port}`;

  // A new secret per start: the provider keeps its grants in memory, so after a restart it
  // knows none of the stored tokens anyway. A refresh of one then fails at the token endpoint
  // (the handler answers 400 token_request_failed) and the user reconnects; this demo only
  // refreshes when a connection is read on its own (GET /api/connections/:id), never in the list.
  const post: LocalClient = { clientId: 'host-app', clientSecret: randomBytes(24).toString('hex') };
  const basic: LocalClient = { clientId: 'host-app-basic', clientSecret: randomBytes(24).toString('hex') };
  const client = (c: LocalClient, method: ClientAuthMethod): ClientMetadata => ({
    client_id: c.clientId,
    client_secret: c.clientSecret,
    token_endpoint_auth_method: method,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [options.redirectUrl],
  });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [client(post, 'client_secret_post'), client(basic, 'client_secret_basic')],
    features: { devInteractions: { enabled: true } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, AccessToken: 3600, RefreshToken: 86_400, IdToken: 600 },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'host-app', alg: 'RS256', use: 'sig' }] },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
  });
  server.on('request', provider.callback());

  return {
    issuer,
    clientFor: (method) => (method === 'HEADER' ? basic : post),
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
