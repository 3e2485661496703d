// refreshConnection against oidc-provider with refresh-token rotation on: due or not by
// Activepieces' rule (claimed_at + expires_in - 15 min, an hour when absent), rotation stored,
// invalid_grant after revocation as ReconnectNeededError, one request for concurrent refreshes,
// and a host lock that keeps a second process from spending a rotated token.
import { PieceAuth } from 'connection-kit/definitions';
import {
  ReconnectNeededError,
  claimConnection,
  isRefreshDue,
  refreshConnection,
  type AnyStoredConnectionValue,
  type RefreshLock,
  type StoredOAuth2ConnectionValue,
} from 'connection-kit/server';
import { createPkcePair } from '../../src/oauth/pkce';
import { CLIENTS, REDIRECT_URI, startOidcServer, type OidcServer } from './oidc-server.mjs';

let idp: OidcServer;
beforeAll(async () => {
  idp = await startOidcServer({ accessTokenTtl: 3600 });
});
afterAll(() => idp.close());

const T0 = Date.UTC(2026, 11, 4, 21, 0, 0);
const minutes = (n: number) => n * 60_000;

const auth = () =>
  PieceAuth.OAuth2({
    authUrl: `${idp.issuer}/auth`,
    tokenUrl: idp.tokenUrl,
    scope: ['openid', 'offline_access'],
    pkce: true,
    required: true,
    authorizationMethod: 'BODY',
  });

async function claimed(): Promise<StoredOAuth2ConnectionValue<Record<string, unknown>>> {
  const pkce = await createPkcePair();
  const code = await idp.mintCode({ clientId: CLIENTS.post.client_id, codeChallenge: pkce.challenge });
  const value = {
    type: 'OAUTH2',
    client_id: CLIENTS.post.client_id,
    client_secret: CLIENTS.post.client_secret,
    redirect_url: REDIRECT_URI,
    code,
    code_challenge: pkce.verifier,
    scope: 'openid offline_access',
    props: {},
    grant_type: 'authorization_code',
  };
  const stored = await claimConnection(auth(), value, { redirectUrl: REDIRECT_URI, now: () => T0 });
  if (stored.type !== 'OAUTH2') throw new Error('expected OAUTH2');
  return stored;
}

const refreshRequests = (from: number) => idp.tokenRequests.slice(from).filter((r) => r.body.get('grant_type') === 'refresh_token');

describe("when a refresh is due (Activepieces' isExpired)", () => {
  const base = {
    type: 'OAUTH2',
    client_id: 'c',
    client_secret: 's',
    redirect_url: 'r',
    access_token: 'a',
    refresh_token: 'r1',
    scope: '',
    token_url: 'https://x/token',
    data: {},
    claimed_at: T0 / 1000,
  } as const;

  it.each([
    ['expires_in 3600, 44 minutes later', { expires_in: 3600 }, minutes(44), false],
    ['expires_in 3600, 45 minutes later (15 minutes before expiry)', { expires_in: 3600 }, minutes(45), true],
    ['no expires_in: an hour is assumed, 45 minutes later', {}, minutes(45), true],
    ['no expires_in, 30 minutes later', {}, minutes(30), false],
    ['no refresh token (authorization code): never', { refresh_token: undefined, expires_in: 60 }, minutes(600), false],
    [
      'client credentials without a refresh token: when expired',
      { refresh_token: undefined, grant_type: 'client_credentials', expires_in: 600 },
      minutes(1),
      true,
    ],
  ] as const)('%s: %s', (_, fields, later, due) => {
    expect(isRefreshDue({ ...base, ...fields } as AnyStoredConnectionValue, T0 + later)).toBe(due);
  });

  it('never for SecretText, BasicAuth, CustomAuth or no auth', () => {
    for (const value of [{ type: 'SECRET_TEXT', secret_text: 'k' }, { type: 'NO_AUTH' }] as const)
      expect(isRefreshDue(value, T0 + minutes(10_000))).toBe(false);
  });
});

describe('refreshing at oidc-provider (rotation on)', () => {
  it('does nothing while the token is fresh: no request, the same value back', async () => {
    const stored = await claimed();
    const before = idp.tokenRequests.length;
    expect(await refreshConnection(auth(), stored, { now: () => T0 + minutes(10) })).toBe(stored);
    expect(idp.tokenRequests.length).toBe(before);
  });

  it('when due: sends grant_type=refresh_token, stores the rotated refresh token, a new claimed_at, and the new token works', async () => {
    const stored = await claimed();
    const before = idp.tokenRequests.length;
    const later = T0 + minutes(50);
    const fresh = await refreshConnection(auth(), stored, { now: () => later });
    const [sent] = refreshRequests(before);
    expect(Object.fromEntries(sent!.body)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: stored.refresh_token,
      client_id: CLIENTS.post.client_id,
      client_secret: CLIENTS.post.client_secret,
    });
    expect(fresh.access_token).not.toBe(stored.access_token);
    expect(fresh.refresh_token).toEqual(expect.any(String));
    expect(fresh.refresh_token).not.toBe(stored.refresh_token);
    expect(fresh).toMatchObject({
      claimed_at: later / 1000,
      client_secret: CLIENTS.post.client_secret,
      grant_type: 'authorization_code',
      token_url: idp.tokenUrl,
    });
    expect((await fetch(idp.userinfoUrl, { headers: { authorization: `Bearer ${fresh.access_token}` } })).ok).toBe(true);
  });

  it('after the refresh token is revoked: ReconnectNeededError (invalid_grant), with no token in its message', async () => {
    const stored = await claimed();
    await idp.revoke(stored.refresh_token!, 'post');
    const error = await refreshConnection(auth(), stored, { force: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReconnectNeededError);
    expect(error).toMatchObject({ code: 'reconnect_needed', error: 'invalid_grant', status: 400 });
    expect(String(error)).not.toContain(stored.refresh_token!);
  });

  it('a spent (rotated) refresh token is invalid_grant too: why a second refresh must never use it', async () => {
    const stored = await claimed();
    await refreshConnection(auth(), stored, { force: true, key: 'spend-once' });
    await expect(refreshConnection(auth(), stored, { force: true, key: 'spend-twice' })).rejects.toThrow(ReconnectNeededError);
  });

  it('concurrent refreshes of one connection in this process share one request and one result', async () => {
    const stored = await claimed();
    const before = idp.tokenRequests.length;
    const results = await Promise.all(Array.from({ length: 5 }, () => refreshConnection(auth(), stored, { now: () => T0 + minutes(50) })));
    expect(refreshRequests(before)).toHaveLength(1);
    expect(new Set(results.map((r) => r.access_token)).size).toBe(1);
    // A caller that still holds the old value afterwards gets the new one, not a spent token.
    const late = await refreshConnection(auth(), stored, { now: () => T0 + minutes(50) });
    expect(late.access_token).toBe(results[0]!.access_token);
    expect(refreshRequests(before)).toHaveLength(1);
  });

  it('with a host lock, a second process reloads what the first saved and sends no second refresh', async () => {
    const stored = await claimed();
    // Two "processes": separate module instances, so no in-process single flight is shared.
    const processA = (await import(
      '../../src/server/refresh-connection?process=a' as string
    )) as typeof import('../../src/server/refresh-connection');
    const processB = (await import(
      '../../src/server/refresh-connection?process=b' as string
    )) as typeof import('../../src/server/refresh-connection');
    expect(processA.refreshConnection).not.toBe(processB.refreshConnection);
    let database: AnyStoredConnectionValue = stored;
    const saves: AnyStoredConnectionValue[] = [];
    // A mutex standing in for Redis or pg_advisory_lock: one holder at a time, others queue.
    let tail = Promise.resolve();
    const lock: RefreshLock = {
      run: <T>(_key: string, task: () => Promise<T>) => {
        const result = tail.then(task);
        tail = result.then(
          () => undefined,
          () => undefined,
        );
        return result;
      },
    };
    const options = {
      key: 'connection-1',
      lock,
      load: async () => database,
      save: async (value: AnyStoredConnectionValue) => {
        saves.push(value);
        database = value;
      },
      now: () => T0 + minutes(50),
    };
    const before = idp.tokenRequests.length;
    const [a, b] = await Promise.all([
      processA.refreshConnection(auth(), stored, options),
      processB.refreshConnection(auth(), stored, options),
    ]);
    expect(refreshRequests(before)).toHaveLength(1);
    expect(saves).toHaveLength(1);
    expect(b).toEqual(a);
    expect(database).toEqual(a);
  });

  it('without the lock, a second process that read the value before the first saved spends the rotated token: invalid_grant', async () => {
    const stored = await claimed();
    const processA = (await import(
      '../../src/server/refresh-connection?process=c' as string
    )) as typeof import('../../src/server/refresh-connection');
    const processB = (await import(
      '../../src/server/refresh-connection?process=d' as string
    )) as typeof import('../../src/server/refresh-connection');
    await processA.refreshConnection(auth(), stored, { now: () => T0 + minutes(50) });
    await expect(processB.refreshConnection(auth(), stored, { now: () => T0 + minutes(50) })).rejects.toThrow(ReconnectNeededError);
  });

  it('refuses a lock without key, load and save: the next process must read what this one saved', async () => {
    const stored = await claimed();
    await expect(refreshConnection(auth(), stored, { force: true, lock: { run: (_k, task) => task() } })).rejects.toThrow(
      /needs key \(the connection id\), load and save/,
    );
  });
});

describe('refreshing client credentials at oidc-provider', () => {
  it('requests a new token with the same scope when due', async () => {
    const ccAuth = PieceAuth.OAuth2({
      authUrl: `${idp.issuer}/auth`,
      tokenUrl: idp.tokenUrl,
      scope: ['api:read'],
      required: true,
      grantType: 'client_credentials',
    });
    const value = {
      type: 'OAUTH2',
      client_id: CLIENTS.post.client_id,
      client_secret: CLIENTS.post.client_secret,
      redirect_url: 'FAKE_REDIRECT_URL',
      code: 'FAKE_CODE',
      scope: 'api:read',
      props: {},
      grant_type: 'client_credentials',
    };
    const stored = await claimConnection(ccAuth, value, { now: () => T0 });
    const before = idp.tokenRequests.length;
    const fresh = await refreshConnection(ccAuth, stored, { now: () => T0 + minutes(50) });
    const sent = idp.tokenRequests.slice(before);
    expect(sent.map((r) => r.body.get('grant_type'))).toEqual(['client_credentials']);
    expect(sent[0]!.body.get('scope')).toBe('api:read');
    expect(fresh.type === 'OAUTH2' && fresh.access_token).not.toBe(stored.type === 'OAUTH2' && stored.access_token);
    expect(fresh).toMatchObject({ grant_type: 'client_credentials', claimed_at: (T0 + minutes(50)) / 1000 });
  });
});
