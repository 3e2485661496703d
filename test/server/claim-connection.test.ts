// claimConnection against a real authorization server (oidc-provider on 127.0.0.1): the
// authorization code with PKCE under both client authentications Activepieces knows (HEADER =
// client_secret_basic, BODY = client_secret_post), client credentials, and the checks that run
// before any request (redirect URI, client id, grant type, schema).
import { UpsertAppConnectionRequestBody } from '@activepieces/shared';
import { PieceAuth, Property } from 'connection-kit/definitions';
import { ConnectionRejectedError, InvalidConnectionValueError, TokenEndpointError, claimConnection } from 'connection-kit/server';
import { createPkcePair } from '../../src/oauth/pkce';
import { CLIENTS, REDIRECT_URI, startOidcServer, type OidcServer } from './oidc-server.mjs';

let idp: OidcServer;
beforeAll(async () => {
  idp = await startOidcServer();
});
afterAll(() => idp.close());

const NOW = Date.UTC(2026, 11, 4, 21, 0, 0);

function oidcAuth(method: 'HEADER' | 'BODY', validate?: (token: string) => Promise<boolean>) {
  return PieceAuth.OAuth2({
    displayName: 'Test provider',
    authUrl: `${idp.issuer}/auth`,
    tokenUrl: idp.tokenUrl,
    scope: ['openid', 'offline_access'],
    pkce: true,
    required: true,
    authorizationMethod: method,
    props: { workspace: Property.ShortText({ displayName: 'Workspace', required: false }) },
    ...(validate
      ? {
          validate: async ({ auth }) =>
            (await validate(auth.access_token))
              ? { valid: true as const }
              : { valid: false as const, error: 'The provider refused the token' },
        }
      : {}),
  });
}

/** What the form emits for the user's own app, with a fresh code bound to a fresh PKCE pair. */
async function ownAppValue(client: keyof typeof CLIENTS, overrides: Record<string, unknown> = {}) {
  const pkce = await createPkcePair();
  const code = await idp.mintCode({ clientId: CLIENTS[client].client_id, codeChallenge: pkce.challenge });
  return {
    type: 'OAUTH2',
    client_id: CLIENTS[client].client_id,
    client_secret: CLIENTS[client].client_secret,
    redirect_url: REDIRECT_URI,
    code,
    code_challenge: pkce.verifier,
    scope: 'openid offline_access',
    props: { workspace: 'acme' },
    grant_type: 'authorization_code',
    ...overrides,
  };
}

/** The userinfo endpoint accepts the access token: a validate that proves the token is real. */
const userinfoAccepts = async (token: string) => (await fetch(idp.userinfoUrl, { headers: { authorization: `Bearer ${token}` } })).ok;

describe('claiming an authorization code with PKCE at oidc-provider', () => {
  it("HEADER: authenticates with HTTP Basic (client_secret_basic), sends the verifier, and stores Activepieces' OAUTH2 shape", async () => {
    const value = await ownAppValue('basic');
    const validated: unknown[] = [];
    const auth = oidcAuth('HEADER', async (token) => {
      validated.push(token);
      return userinfoAccepts(token);
    });
    const before = idp.tokenRequests.length;
    const stored = await claimConnection(auth, value, { redirectUrl: REDIRECT_URI, now: () => NOW });

    const sent = idp.tokenRequests.slice(before);
    expect(sent).toHaveLength(1);
    const basic = Buffer.from(`${CLIENTS.basic.client_id}:${CLIENTS.basic.client_secret}`).toString('base64');
    expect(sent[0]!.authorization).toBe(`Basic ${basic}`);
    expect(sent[0]!.accept).toBe('application/json');
    expect(Object.fromEntries(sent[0]!.body)).toEqual({
      grant_type: 'authorization_code',
      code: value.code,
      redirect_uri: REDIRECT_URI,
      code_verifier: value.code_challenge,
    });

    expect(stored).toMatchObject({
      type: 'OAUTH2',
      token_type: 'Bearer',
      expires_in: 600,
      claimed_at: NOW / 1000,
      scope: 'openid offline_access',
      token_url: idp.tokenUrl,
      client_id: CLIENTS.basic.client_id,
      client_secret: CLIENTS.basic.client_secret,
      redirect_url: REDIRECT_URI,
      props: { workspace: 'acme' },
      authorization_method: 'HEADER',
      grant_type: 'authorization_code',
    });
    if (stored.type !== 'OAUTH2') throw new Error('expected OAUTH2');
    expect(stored.access_token).toEqual(expect.any(String));
    expect(stored.refresh_token).toEqual(expect.any(String));
    // Non-standard fields (the ID token) go to data, standard ones do not.
    expect(Object.keys(stored.data)).toEqual(['id_token']);
    // The spent code and the verifier are not kept.
    expect(JSON.stringify(stored)).not.toContain(value.code);
    expect(JSON.stringify(stored)).not.toContain(value.code_challenge);
    // The definition's validate got the claimed value, and the token works.
    expect(validated).toEqual([stored.access_token]);
  });

  it('BODY: puts client_id and client_secret in the form (client_secret_post), no Authorization header', async () => {
    const value = await ownAppValue('post');
    const before = idp.tokenRequests.length;
    const stored = await claimConnection(oidcAuth('BODY', userinfoAccepts), value, { redirectUrl: REDIRECT_URI });
    const [sent] = idp.tokenRequests.slice(before);
    expect(sent!.authorization).toBeUndefined();
    expect(sent!.body.get('client_id')).toBe(CLIENTS.post.client_id);
    expect(sent!.body.get('client_secret')).toBe(CLIENTS.post.client_secret);
    expect(stored).toMatchObject({ type: 'OAUTH2', authorization_method: 'BODY' });
  });

  it("PLATFORM_OAUTH2: uses the server's own client secret, never one from the browser, and stores no secret", async () => {
    const pkce = await createPkcePair();
    const code = await idp.mintCode({ clientId: CLIENTS.basic.client_id, codeChallenge: pkce.challenge });
    const value = {
      type: 'PLATFORM_OAUTH2',
      client_id: CLIENTS.basic.client_id,
      redirect_url: REDIRECT_URI,
      code,
      code_challenge: pkce.verifier,
      scope: 'openid',
      props: {},
    };
    const stored = await claimConnection(oidcAuth('HEADER', userinfoAccepts), value, {
      redirectUrl: REDIRECT_URI,
      oauth2App: { clientId: CLIENTS.basic.client_id, clientSecret: CLIENTS.basic.client_secret },
    });
    expect(stored.type).toBe('PLATFORM_OAUTH2');
    expect(JSON.stringify(stored)).not.toContain(CLIENTS.basic.client_secret);
  });

  it("is refused by the token endpoint with a wrong PKCE verifier: a typed error with the provider's code, no secret in it", async () => {
    const value = await ownAppValue('basic');
    const wrong = { ...value, code_challenge: `${value.code_challenge}x` };
    const error = await claimConnection(oidcAuth('HEADER'), wrong, { redirectUrl: REDIRECT_URI }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenEndpointError);
    expect(error).toMatchObject({ error: 'invalid_grant', status: 400, code: 'token_request_failed' });
    for (const secret of [value.code, wrong.code_challenge, CLIENTS.basic.client_secret]) expect(String(error)).not.toContain(secret);
  });

  it('refuses a code that was already spent (replayed claim)', async () => {
    const value = await ownAppValue('post');
    await claimConnection(oidcAuth('BODY'), value, { redirectUrl: REDIRECT_URI });
    await expect(claimConnection(oidcAuth('BODY'), value, { redirectUrl: REDIRECT_URI })).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it("stores what Activepieces' upsert accepts as the OAUTH2 value, once the request-only fields are put back", async () => {
    const value = await ownAppValue('basic');
    const stored = await claimConnection(oidcAuth('HEADER'), value, { redirectUrl: REDIRECT_URI });
    const request = {
      type: 'OAUTH2',
      externalId: 'x',
      displayName: 'X',
      pieceName: 'x',
      projectId: 'p',
      value: { ...stored, code: 'spent' },
    };
    expect(UpsertAppConnectionRequestBody.safeParse(request).success).toBe(true);
  });
});

describe('what claimConnection refuses before any request', () => {
  it.each([
    [
      'another redirect_url than the registered one',
      { redirect_url: 'https://evil.example/cb' },
      /redirect_url is not the redirect URI registered/,
    ],
    ['a value that does not fit the definition (no code)', { code: '' }, /does not fit the definition \(code: /],
    ["the user's app without its secret", { client_secret: undefined }, /does not fit the definition/],
    ['a grant the definition does not allow', { grant_type: 'client_credentials' }, /allows the authorization_code grant only/],
    ['no PKCE verifier for a PKCE definition', { code_challenge: undefined }, /no code_challenge/],
    ['tokens from the page (oauth2.exchange ran in the browser)', { access_token: 'from-the-page', data: {} }, /already carries tokens/],
  ])('%s', async (_, overrides, message) => {
    const value = await ownAppValue('basic', overrides);
    const before = idp.tokenRequests.length;
    const error = await claimConnection(oidcAuth('HEADER'), value, { redirectUrl: REDIRECT_URI }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidConnectionValueError);
    expect((error as Error).message).toMatch(message);
    expect(idp.tokenRequests.length).toBe(before);
  });

  it("a PLATFORM_OAUTH2 value whose client_id is not the server's app", async () => {
    const value = {
      type: 'PLATFORM_OAUTH2',
      client_id: 'someone-else',
      redirect_url: REDIRECT_URI,
      code: 'c',
      code_challenge: 'v'.repeat(43),
      scope: '',
      props: {},
    };
    await expect(
      claimConnection(oidcAuth('HEADER'), value, {
        redirectUrl: REDIRECT_URI,
        oauth2App: { clientId: CLIENTS.basic.client_id, clientSecret: 's' },
      }),
    ).rejects.toThrow(/client_id is not the client id of this server's OAuth app/);
  });
});

describe('client credentials at oidc-provider', () => {
  const ccAuth = () =>
    PieceAuth.OAuth2({
      authUrl: `${idp.issuer}/auth`,
      tokenUrl: idp.tokenUrl,
      scope: ['api:read'],
      required: true,
      grantType: 'client_credentials',
      authorizationMethod: 'HEADER',
    });

  it('requests a token with the scope, stores grant_type client_credentials and no refresh token', async () => {
    // What the form emits for client credentials: Activepieces' FAKE_CODE placeholders.
    const value = {
      type: 'OAUTH2',
      client_id: CLIENTS.basic.client_id,
      client_secret: CLIENTS.basic.client_secret,
      redirect_url: 'FAKE_REDIRECT_URL',
      code: 'FAKE_CODE',
      scope: 'api:read',
      props: {},
      grant_type: 'client_credentials',
    };
    const before = idp.tokenRequests.length;
    const stored = await claimConnection(ccAuth(), value, { now: () => NOW });
    const [sent] = idp.tokenRequests.slice(before);
    expect(Object.fromEntries(sent!.body)).toEqual({ grant_type: 'client_credentials', scope: 'api:read' });
    expect(stored).toMatchObject({
      type: 'OAUTH2',
      grant_type: 'client_credentials',
      scope: 'api:read',
      claimed_at: NOW / 1000,
      token_type: 'Bearer',
    });
    expect(stored).not.toHaveProperty('refresh_token');
  });

  it("reports a wrong client secret as the provider's invalid_client, without the secret", async () => {
    const value = {
      type: 'OAUTH2',
      client_id: CLIENTS.basic.client_id,
      client_secret: 'wrong-secret-value-123',
      redirect_url: 'FAKE_REDIRECT_URL',
      code: 'FAKE_CODE',
      scope: 'api:read',
      props: {},
      grant_type: 'client_credentials',
    };
    const error = await claimConnection(ccAuth(), value).catch((e: unknown) => e);
    expect(error).toMatchObject({ error: 'invalid_client', status: 401 });
    expect(String(error)).not.toContain('wrong-secret-value-123');
  });
});

describe("the definition's validate, for every auth type", () => {
  const server = { apiUrl: 'https://api.example.com/', publicUrl: 'https://app.example.com/' };

  it('SecretText gets the string, BasicAuth { username, password }, CustomAuth the props, each with the server context', async () => {
    const seen: unknown[] = [];
    const record = async (params: { auth: unknown; server: unknown }) => {
      seen.push([params.auth, params.server]);
      return { valid: true as const };
    };
    const secret = PieceAuth.SecretText({ displayName: 'Key', required: true, validate: record });
    const basic = PieceAuth.BasicAuth({
      displayName: 'Login',
      username: { displayName: 'User' },
      password: { displayName: 'Password' },
      required: true,
      validate: record,
    });
    const custom = PieceAuth.CustomAuth({
      required: true,
      props: { host: Property.ShortText({ displayName: 'Host', required: true }) },
      validate: record,
    });
    expect(await claimConnection(secret, { type: 'SECRET_TEXT', secret_text: 'sk-1' }, { server })).toEqual({
      type: 'SECRET_TEXT',
      secret_text: 'sk-1',
    });
    await claimConnection(basic, { type: 'BASIC_AUTH', username: 'ada', password: 'pw-1' }, { server });
    await claimConnection(custom, { type: 'CUSTOM_AUTH', props: { host: 'db.example.com' } }, { server });
    expect(seen).toEqual([
      ['sk-1', server],
      [{ username: 'ada', password: 'pw-1' }, server],
      [{ host: 'db.example.com' }, server],
    ]);
  });

  it("{ valid: false } refuses the connection with the definition's text, scrubbed of the secret", async () => {
    const auth = PieceAuth.SecretText({
      displayName: 'Key',
      required: true,
      validate: async ({ auth }) => ({ valid: false, error: `The key ${auth} is revoked` }),
    });
    const error = await claimConnection(auth, { type: 'SECRET_TEXT', secret_text: 'sk-live-123456' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionRejectedError);
    expect((error as Error).message).toBe('The key ••• is revoked');
  });

  it('a validate that throws refuses it too, without echoing the secret', async () => {
    const auth = PieceAuth.BasicAuth({
      displayName: 'Login',
      username: { displayName: 'User' },
      password: { displayName: 'Password' },
      required: true,
      validate: async ({ auth }) => {
        throw new Error(`401 for ${auth.password}`);
      },
    });
    await expect(claimConnection(auth, { type: 'BASIC_AUTH', username: 'ada', password: 'hunter2-secret' })).rejects.toThrow(
      'The connection could not be checked: 401 for •••',
    );
  });

  it('a validate that never settles and ignores its signal is answered at validateTimeoutMs; its signal aborts then', async () => {
    let seen: AbortSignal | undefined;
    const auth = PieceAuth.SecretText({
      displayName: 'Key',
      required: true,
      validate: ({ signal }) => {
        seen = signal;
        return new Promise(() => {});
      },
    });
    const error = await claimConnection(auth, { type: 'SECRET_TEXT', secret_text: 'sk-live-123456' }, { validateTimeoutMs: 50 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConnectionRejectedError);
    expect((error as Error).message).toBe('The connection check did not finish in 1 s. Try again.');
    expect(seen?.aborted).toBe(true);
  });

  it("the request's own signal stops a hung validate too, and a validate that answers in time is unaffected", async () => {
    const hung = PieceAuth.SecretText({ displayName: 'Key', required: true, validate: () => new Promise(() => {}) });
    const controller = new AbortController();
    const claimed = claimConnection(hung, { type: 'SECRET_TEXT', secret_text: 'sk-live-123456' }, { signal: controller.signal });
    controller.abort();
    await expect(claimed).rejects.toThrow('The connection check was stopped.');

    const quick = PieceAuth.SecretText({ displayName: 'Key', required: true, validate: async () => ({ valid: true }) });
    await expect(
      claimConnection(quick, { type: 'SECRET_TEXT', secret_text: 'sk-live-123456' }, { validateTimeoutMs: 50 }),
    ).resolves.toEqual({
      type: 'SECRET_TEXT',
      secret_text: 'sk-live-123456',
    });
  });

  it('an OAuth2 validate that refuses the token leaves nothing to store', async () => {
    const value = await ownAppValue('post');
    await expect(
      claimConnection(
        oidcAuth('BODY', async () => false),
        value,
        { redirectUrl: REDIRECT_URI },
      ),
    ).rejects.toThrow(ConnectionRejectedError);
  });
});
