// (property) Whatever a provider or a definition's validate answers, and however they quote what
// they were sent, no client secret, authorization code, PKCE verifier or token appears in an
// error connection-kit/server throws, nor in any response of its handler.
import fc from 'fast-check';
import { PieceAuth } from 'connection-kit/definitions';
import { claimConnection, createConnectionHandler, refreshConnection, type ConnectionRecord } from 'connection-kit/server';

const REDIRECT = 'https://app.example.com/oauth/callback';

/** A secret as providers issue them: unreserved characters, long enough to be one. */
const secretArb = fc.stringMatching(/^[A-Za-z0-9._~-]{12,40}$/);

interface Secrets {
  clientSecret: string;
  code: string;
  verifier: string;
  accessToken: string;
  refreshToken: string;
}

/** The ways a token endpoint can answer, each quoting everything it was sent (`quote`): it knows nothing else. */
const providerArb = fc.constantFrom(
  'error-description-echo',
  'error-code-echo',
  'slack-ok-false-echo',
  'html-500-echo',
  'network-error-echo',
  'json-200-without-token-echo',
  'form-encoded-error-echo',
  'tokens',
);
/** What the definition's validate does with the token (and the client secret it also gets). */
const validateArb = fc.constantFrom('accepts', 'refuses-quoting', 'throws-quoting');

function quote(s: Secrets, body: URLSearchParams) {
  // The body (code, verifier, refresh token, a client_secret_post secret), and the client secret
  // however it was sent: as is and URL-encoded.
  const sent = [...body.values()];
  return `got ${sent.join(' ')} ${sent.map(encodeURIComponent).join('&')} secret=${s.clientSecret} ${encodeURIComponent(s.clientSecret)}`;
}

function fakeFetch(s: Secrets, mode: string): typeof fetch {
  return async (_url, init) => {
    const body = new URLSearchParams(String(init?.body));
    const text = quote(s, body);
    switch (mode) {
      case 'error-description-echo':
        return Response.json({ error: 'invalid_grant', error_description: text }, { status: 400 });
      case 'error-code-echo':
        return Response.json({ error: text }, { status: 401 });
      case 'slack-ok-false-echo':
        return Response.json({ ok: false, error: text });
      case 'html-500-echo':
        return new Response(`<h1>${text}</h1>`, { status: 500, headers: { 'content-type': 'text/html' } });
      case 'network-error-echo':
        throw new TypeError(`fetch failed: ${text}`);
      case 'json-200-without-token-echo':
        return Response.json({ message: text });
      case 'form-encoded-error-echo':
        return new Response(new URLSearchParams({ error: 'bad_verification_code', error_description: text }).toString(), {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
      default:
        return Response.json({
          access_token: s.accessToken,
          refresh_token: s.refreshToken,
          token_type: 'Bearer',
          expires_in: 3600,
          id_token: `${s.accessToken}.sig`,
        });
    }
  };
}

function definition(s: Secrets, mode: string) {
  return PieceAuth.OAuth2({
    authUrl: 'https://auth.example.com/authorize',
    tokenUrl: 'https://auth.example.com/token',
    scope: ['read'],
    pkce: true,
    required: true,
    validate: async ({ auth }) => {
      const text = `token ${auth.access_token} rejected; secret ${s.clientSecret}`;
      if (mode === 'refuses-quoting') return { valid: false, error: text };
      if (mode === 'throws-quoting') throw new Error(text);
      return { valid: true };
    },
  });
}

/** Everything of an error a host might log or show. */
function exposed(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return [String(error), error.message, error.stack ?? '', JSON.stringify({ ...error })].join('\n');
}

function expectNone(text: string, s: Secrets, what: string) {
  for (const [name, secret] of Object.entries(s)) expect(text, `${what} holds the ${name}`).not.toContain(secret);
}

const secretsArb = fc
  .record({ clientSecret: secretArb, code: secretArb, verifier: secretArb, accessToken: secretArb, refreshToken: secretArb })
  .filter(
    (s) => new Set(Object.values(s)).size === 5 && Object.values(s).every((a) => Object.values(s).every((b) => a === b || !a.includes(b))),
  );

describe('no secret, code, verifier or token leaks (property)', () => {
  it('from claimConnection, whatever the provider and validate answer', async () => {
    await fc.assert(
      fc.asyncProperty(secretsArb, providerArb, validateArb, async (s, provider, validate) => {
        const value = {
          type: 'OAUTH2',
          client_id: 'client',
          client_secret: s.clientSecret,
          redirect_url: REDIRECT,
          code: s.code,
          code_challenge: s.verifier,
          scope: 'read',
          props: {},
          grant_type: 'authorization_code',
        };
        const result = await claimConnection(definition(s, validate), value, { redirectUrl: REDIRECT, fetch: fakeFetch(s, provider) }).then(
          () => undefined,
          (error: unknown) => error,
        );
        if (provider === 'tokens' && validate === 'accepts') expect(result).toBeUndefined();
        else expectNone(exposed(result), s, `the error (${provider}, ${validate})`);
      }),
      { numRuns: 150 },
    );
  });

  it('from refreshConnection, whatever the provider answers', async () => {
    await fc.assert(
      fc.asyncProperty(secretsArb, providerArb, async (s, provider) => {
        const stored = {
          type: 'OAUTH2' as const,
          client_id: 'client',
          client_secret: s.clientSecret,
          redirect_url: REDIRECT,
          access_token: s.accessToken,
          refresh_token: s.refreshToken,
          scope: 'read',
          claimed_at: 0,
          token_url: 'https://auth.example.com/token',
          data: {},
        };
        const result = await refreshConnection(definition(s, 'accepts'), stored, {
          force: true,
          key: `${s.refreshToken}-${provider}`,
          fetch: fakeFetch({ ...s, accessToken: `${s.accessToken}2` }, provider),
        }).then(
          () => undefined,
          (error: unknown) => error,
        );
        if (provider !== 'tokens') expectNone(exposed(result), s, `the refresh error (${provider})`);
      }),
      { numRuns: 100 },
    );
  });

  it('in any response of the handler: create, read, refresh', async () => {
    await fc.assert(
      fc.asyncProperty(secretsArb, providerArb, validateArb, providerArb, async (s, provider, validate, refreshProvider) => {
        const rows = new Map<string, ConnectionRecord>();
        let currentProvider = provider;
        const handle = createConnectionHandler({
          definitions: { demo: definition(s, validate) },
          secrets: { demo: { clientId: 'client', clientSecret: s.clientSecret } },
          store: {
            create: async (record) => {
              rows.set('c1', { id: 'c1', ...record });
              return 'c1';
            },
            get: async (id) => rows.get(id),
            update: async (id, v) => void rows.set(id, { ...rows.get(id)!, value: v }),
          },
          redirectUrl: REDIRECT,
          fetch: (url, init) => fakeFetch(s, currentProvider)(url, init),
        });
        const value = {
          type: 'PLATFORM_OAUTH2',
          client_id: 'client',
          redirect_url: REDIRECT,
          code: s.code,
          code_challenge: s.verifier,
          scope: 'read',
          props: {},
        };
        const responses = [
          await handle(
            new Request('https://app.example.com/api/connections', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ piece: 'demo', value }),
            }),
          ),
        ];
        currentProvider = refreshProvider;
        responses.push(await handle(new Request('https://app.example.com/api/connections/c1')));
        responses.push(await handle(new Request('https://app.example.com/api/connections/c1/refresh', { method: 'POST' })));
        for (const res of responses) {
          const text = `${res.status} ${[...res.headers].join(' ')} ${await res.text()}`;
          expectNone(text, s, `a response (${provider}, ${validate}, then ${refreshProvider})`);
        }
      }),
      { numRuns: 100 },
    );
  });
});
