// The definitions, shared by the page (a server component) and the route handler. From
// connection-kit/definitions: plain data and functions, no React, no "use client".
import { PieceAuth, Property } from 'connection-kit/definitions';

/** Where this app runs (the OAuth2 redirect URL is registered under it). */
export const appOrigin = () => process.env.APP_ORIGIN ?? 'http://127.0.0.1:3000';
export const redirectUrl = () => `${appOrigin()}/oauth2/callback`;

export const postgresAuth = PieceAuth.CustomAuth({
  displayName: 'PostgreSQL',
  description: 'The database this app reads from.',
  required: true,
  props: {
    host: Property.ShortText({ displayName: 'Host', required: true }),
    port: Property.Number({ displayName: 'Port', required: true, defaultValue: 5432 }),
    database: Property.ShortText({ displayName: 'Database', required: true }),
    password: PieceAuth.SecretText({ displayName: 'Password', required: true }),
  },
});

export const acmeAuth = PieceAuth.SecretText({
  displayName: 'API Key',
  description: 'Find it under **Settings → API keys** in your Acme account.',
  required: true,
  // Runs on the server only (the page strips it with toClientAuth): a real piece would call the
  // provider's API with the key here.
  validate: async ({ auth }) =>
    /^acme_[0-9a-f]{16}$/.test(auth) ? { valid: true } : { valid: false, error: 'Acme did not accept this key.' },
});

/** The local authorization server, from the environment (OAUTH2_ISSUER); undefined when unset. */
export function oauth2Provider() {
  const issuer = process.env.OAUTH2_ISSUER;
  const clientId = process.env.OAUTH2_CLIENT_ID;
  if (!issuer || !clientId) return undefined;
  const auth = PieceAuth.OAuth2({
    displayName: 'Local provider',
    authUrl: `${issuer}/auth`,
    tokenUrl: `${issuer}/token`,
    scope: ['openid', 'offline_access'],
    pkce: true,
    required: true,
    authorizationMethod: 'HEADER',
    // On the server, after the token exchange: does the provider take the token?
    validate: async ({ auth: value }) => {
      const res = await fetch(`${issuer}/me`, { headers: { authorization: `Bearer ${value.access_token}` } });
      return res.ok ? { valid: true } : { valid: false, error: `The provider answered ${res.status}.` };
    },
  });
  return { issuer, clientId, auth };
}
