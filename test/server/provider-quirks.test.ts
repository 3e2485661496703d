// Answers real providers send that oauth4webapi's strict response processing would refuse and
// Activepieces accepts (or, for Slack's ok:false, must refuse although the HTTP status is 200).
// Each quirk is one named test against a local fake token endpoint on 127.0.0.1.
import { PieceAuth, Property } from 'connection-kit/definitions';
import { TokenEndpointError, claimConnection, refreshConnection, type AnyStoredConnectionValue } from 'connection-kit/server';
import { OAuth2ConfigError } from '../../src/oauth/oauth2-error';
import { sendJson, startFakeProvider } from './fake-provider';

const REDIRECT = 'https://app.example.com/oauth/callback';
const NOW = Date.UTC(2026, 11, 4, 21, 0, 0);

let fake: Awaited<ReturnType<typeof startFakeProvider>>;
beforeAll(async () => {
  fake = await startFakeProvider({
    // GitHub without Accept: application/json (and some older servers always).
    '/github': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' })
        .end('access_token=gho_formtoken&scope=repo%2Cuser&token_type=bearer'),
    // Slack: failures are HTTP 200 with ok:false.
    '/slack-error': (_req, res) => sendJson(res, 200, { ok: false, error: 'invalid_code' }),
    // Slack success: ok:true, token_type "bot", extra fields.
    '/slack': (_req, res) =>
      sendJson(res, 200, {
        ok: true,
        access_token: 'xoxb-bot-token',
        token_type: 'bot',
        scope: 'chat:write',
        team: { id: 'T1', name: 'Acme' },
        authed_user: { id: 'U1' },
      }),
    // No token_type at all, expires_in as a string.
    '/no-token-type': (_req, res) => sendJson(res, 200, { access_token: 'plain-token', expires_in: '7200', refresh_token: 'rt-1' }),
    // A refresh answer without a refresh_token (Google, Microsoft for some grants).
    '/refresh-without-rt': (req, res) =>
      req.body.get('grant_type') === 'refresh_token'
        ? sendJson(res, 200, { access_token: 'refreshed-token', expires_in: 3600, token_type: 'Bearer' })
        : sendJson(res, 200, { access_token: 'first-token', expires_in: 3600, token_type: 'Bearer', refresh_token: 'long-lived-rt' }),
    // Zendesk-style {subdomain} placeholders: the path says which one was filled.
    '/eu/token': (_req, res) => sendJson(res, 200, { access_token: 'eu-token', token_type: 'Bearer' }),
    // A token endpoint that never answers.
    '/hang': () => {},
    // An HTML error page (a proxy, a 500): not OAuth at all.
    '/html-500': (_req, res) => res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal error</h1>'),
  });
});
afterAll(() => fake.close());

const definition = (path: string, extra: Record<string, unknown> = {}) =>
  PieceAuth.OAuth2({
    authUrl: 'https://provider.example/authorize',
    tokenUrl: `${fake.origin}${path}`,
    scope: ['read'],
    required: true,
    ...extra,
  });

const value = (overrides: Record<string, unknown> = {}) => ({
  type: 'OAUTH2',
  client_id: 'client-1',
  client_secret: 'client-secret-1234',
  redirect_url: REDIRECT,
  code: 'the-code-1234',
  scope: 'read',
  props: {},
  grant_type: 'authorization_code',
  ...overrides,
});

describe('provider quirks', () => {
  it('a form-encoded token reply (GitHub) is read like JSON', async () => {
    const stored = await claimConnection(definition('/github'), value(), { redirectUrl: REDIRECT, now: () => NOW });
    expect(stored).toMatchObject({
      access_token: 'gho_formtoken',
      scope: 'repo,user',
      token_type: 'bearer',
      claimed_at: NOW / 1000,
      data: {},
    });
  });

  it("HTTP 200 with ok: false (Slack) is a TokenEndpointError carrying Slack's error, not a connection", async () => {
    const error = await claimConnection(definition('/slack-error'), value(), { redirectUrl: REDIRECT }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenEndpointError);
    expect(error).toMatchObject({ error: 'invalid_code', status: 200, code: 'token_request_failed' });
  });

  it('Slack\'s success (ok: true, token_type "bot", team) is kept: the extra fields go to data', async () => {
    const stored = await claimConnection(definition('/slack'), value(), { redirectUrl: REDIRECT });
    expect(stored).toMatchObject({
      access_token: 'xoxb-bot-token',
      token_type: 'bot',
      scope: 'chat:write',
      data: { ok: true, team: { id: 'T1', name: 'Acme' }, authed_user: { id: 'U1' } },
    });
  });

  it('no token_type: accepted and left out; a string expires_in becomes a number', async () => {
    const stored = await claimConnection(definition('/no-token-type'), value(), { redirectUrl: REDIRECT });
    expect(stored).not.toHaveProperty('token_type');
    expect(stored).toMatchObject({ access_token: 'plain-token', expires_in: 7200, refresh_token: 'rt-1' });
  });

  it("no refresh_token on refresh: the stored one is kept (Activepieces' mergeNonNull)", async () => {
    const auth = definition('/refresh-without-rt');
    const stored = await claimConnection(auth, value(), { redirectUrl: REDIRECT, now: () => NOW });
    const fresh = await refreshConnection(auth, stored, { force: true, now: () => NOW + 60_000 });
    expect(fresh).toMatchObject({ access_token: 'refreshed-token', refresh_token: 'long-lived-rt', claimed_at: NOW / 1000 + 60 });
  });

  it("a {placeholder} token URL is filled from the value's props on the server, encoded", async () => {
    const auth = definition('/{region}/token', { props: { region: Property.ShortText({ displayName: 'Region', required: true }) } });
    const stored = await claimConnection(auth, value({ props: { region: 'eu' } }), { redirectUrl: REDIRECT });
    expect(stored).toMatchObject({ access_token: 'eu-token', token_url: `${fake.origin}/eu/token` });
    expect(fake.requests.at(-1)!.path).toBe('/eu/token');
    // A value cannot climb out of its path segment.
    await expect(claimConnection(auth, value({ props: { region: '..' } }), { redirectUrl: REDIRECT })).rejects.toThrow(OAuth2ConfigError);
    const before = fake.requests.length;
    await claimConnection(auth, value({ props: { region: 'eu/../../admin' } }), { redirectUrl: REDIRECT }).catch(() => {});
    expect(fake.requests.slice(before).map((r) => r.path)).toEqual(['/eu%2F..%2F..%2Fadmin/token']);
  });

  it('an HTML error page is an http_error with the status, no body echoed', async () => {
    const error = await claimConnection(definition('/html-500'), value(), { redirectUrl: REDIRECT }).catch((e: unknown) => e);
    expect(error).toMatchObject({ error: 'http_error', status: 500 });
    expect(String(error)).not.toContain('<h1>');
  });

  it('client credentials send the scope and every prop as Activepieces does (an audience)', async () => {
    const auth = definition('/no-token-type', {
      grantType: 'client_credentials',
      props: { audience: Property.ShortText({ displayName: 'Audience', required: true }) },
    });
    const before = fake.requests.length;
    const stored: AnyStoredConnectionValue = await claimConnection(
      auth,
      value({
        grant_type: 'client_credentials',
        code: 'FAKE_CODE',
        redirect_url: 'FAKE_REDIRECT_URL',
        props: { audience: 'https://api.example.com' },
      }),
    );
    const [sent] = fake.requests.slice(before);
    expect(Object.fromEntries(sent!.body)).toEqual({
      grant_type: 'client_credentials',
      audience: 'https://api.example.com',
      scope: 'read',
      client_id: 'client-1',
      client_secret: 'client-secret-1234',
    });
    expect(stored).toMatchObject({ grant_type: 'client_credentials' });
  });

  it("a token endpoint that never answers: the host's AbortSignal or the timeout ends the request as a network_error", async () => {
    const controller = new AbortController();
    const pending = claimConnection(definition('/hang'), value(), { redirectUrl: REDIRECT, signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    await vi.waitFor(() => expect(fake.requests.at(-1)!.path).toBe('/hang'));
    controller.abort();
    expect(await pending).toMatchObject({ error: 'network_error', status: undefined });
    const timedOut = await claimConnection(definition('/hang'), value(), { redirectUrl: REDIRECT, timeoutMs: 50 }).catch((e: unknown) => e);
    expect(timedOut).toMatchObject({ error: 'network_error', errorDescription: expect.stringMatching(/^the token endpoint timed out/) });
  });
});
