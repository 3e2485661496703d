// createConnectionHandler as a host mounts it: routes, clear 4xx answers for bad input, redacted
// views, refresh on read through the store, and the lock. The provider is a fetch function here
// (test/server/claim-connection.test.ts and the examples test use real servers).
import { KEPT_SECRET, PieceAuth, Property } from 'connection-kit/definitions';
import { createConnectionHandler, type ConnectionRecord, type ConnectionStore } from 'connection-kit/server';

const TOKEN_URL = 'https://auth.example.com/token';
const REDIRECT = 'https://app.example.com/oauth/callback';
const T0 = Date.UTC(2026, 11, 4, 21, 0, 0);

const oauth = PieceAuth.OAuth2({
  authUrl: 'https://auth.example.com/authorize',
  tokenUrl: TOKEN_URL,
  scope: ['read'],
  required: true,
  props: {
    apiKey: PieceAuth.SecretText({ displayName: 'API key', required: false }),
    team: Property.ShortText({ displayName: 'Team', required: false }),
  },
});
const custom = PieceAuth.CustomAuth({
  required: true,
  props: {
    host: Property.ShortText({ displayName: 'Host', required: true }),
    password: PieceAuth.SecretText({ displayName: 'Password', required: true }),
    token: PieceAuth.SecretText({ displayName: 'Token', required: false }),
  },
});

function memoryStore() {
  const rows = new Map<string, ConnectionRecord>();
  let next = 0;
  const store: ConnectionStore = {
    create: async (record) => {
      const id = `c${++next}`;
      rows.set(id, { id, ...record });
      return id;
    },
    get: async (id) => rows.get(id),
    update: async (id, value, _request, changes) => {
      rows.set(id, { ...rows.get(id)!, value, ...(changes ? { displayName: changes.displayName } : {}) });
    },
    list: async () => [...rows.values()],
    delete: async (id) => rows.delete(id),
  };
  return { rows, store };
}

/** A SecretText definition whose own validate accepts one key, as a piece's does. */
const keyed = PieceAuth.SecretText({
  displayName: 'API key',
  required: true,
  validate: async ({ auth }) => (auth === 'right-key-123456' ? { valid: true } : { valid: false, error: 'Invalid API key' }),
});

function setup(answer: (body: URLSearchParams) => Response, now = () => T0) {
  const { rows, store } = memoryStore();
  const calls: URLSearchParams[] = [];
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = new URLSearchParams(String(init?.body));
    calls.push(body);
    return answer(body);
  };
  const handle = createConnectionHandler({
    definitions: { demo: oauth, db: custom, keyed },
    secrets: { demo: { clientId: 'host-app', clientSecret: 'host-secret-123456' } },
    store,
    redirectUrl: REDIRECT,
    fetch,
    now,
  });
  return { rows, calls, handle };
}

const tokens = (n: number) =>
  Response.json({ access_token: `access-${n}`, refresh_token: `refresh-${n}`, expires_in: 3600, token_type: 'Bearer' });
const platformValue = {
  type: 'PLATFORM_OAUTH2',
  client_id: 'host-app',
  redirect_url: REDIRECT,
  code: 'code-123456',
  scope: 'read',
  props: { apiKey: 'prop-secret-987', team: 'acme' },
};
const post = (path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  new Request(`https://app.example.com${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('POST …/connections', () => {
  it('claims, stores, and answers 201 with a view that holds no token, secret or secret prop', async () => {
    const { rows, handle } = setup(() => tokens(1));
    const res = await handle(post('/api/connections', { piece: 'demo', displayName: 'Demo', value: platformValue }));
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toEqual({
      connection: {
        id: 'c1',
        piece: 'demo',
        displayName: 'Demo',
        type: 'PLATFORM_OAUTH2',
        client_id: 'host-app',
        scope: 'read',
        token_type: 'Bearer',
        expires_in: 3600,
        claimed_at: T0 / 1000,
        authorization_method: 'BODY',
        grant_type: 'authorization_code',
        props: { team: 'acme' },
        secret_props: ['apiKey'],
        has_refresh_token: true,
      },
    });
    expect(rows.get('c1')!.value).toMatchObject({ access_token: 'access-1', refresh_token: 'refresh-1' });
  });

  it('a CustomAuth view keeps the plain props and drops the secret ones, naming the saved ones (not the optional one left empty)', async () => {
    const { handle } = setup(() => tokens(1));
    const res = await handle(
      post('/api/connections', {
        piece: 'db',
        value: { type: 'CUSTOM_AUTH', props: { host: 'db.example.com', password: 'pw-secret-1234' } },
      }),
    );
    expect((await res.json()).connection).toEqual({
      id: 'c1',
      piece: 'db',
      type: 'CUSTOM_AUTH',
      props: { host: 'db.example.com' },
      secret_props: ['password'],
    });
  });

  it.each([
    [
      'no JSON content type',
      post('/api/connections', { piece: 'demo' }, { 'content-type': 'text/plain' }),
      400,
      'invalid_request',
      /Content-Type: application\/json/,
    ],
    ['a body that is not JSON', post('/api/connections', '{nope'), 400, 'invalid_request', /not valid JSON/],
    ['a JSON array', post('/api/connections', '[]'), 400, 'invalid_request', /must be a JSON object/],
    ['no piece', post('/api/connections', { value: platformValue }), 400, 'invalid_request', /needs piece/],
    [
      'an unknown piece',
      post('/api/connections', { piece: 'toString', value: platformValue }),
      400,
      'invalid_request',
      /No connection definition is named "toString"/,
    ],
    [
      'a value of another auth type',
      post('/api/connections', { piece: 'demo', value: { type: 'SECRET_TEXT', secret_text: 'x' } }),
      400,
      'invalid_value',
      /does not fit the definition/,
    ],
    [
      'another redirect URI',
      post('/api/connections', { piece: 'demo', value: { ...platformValue, redirect_url: 'https://evil.example/cb' } }),
      400,
      'invalid_value',
      /redirect_url is not the redirect URI registered/,
    ],
    [
      'a body over 64 kB',
      post('/api/connections', { piece: 'demo', pad: 'x'.repeat(70_000) }),
      400,
      'invalid_request',
      /larger than 65536 bytes/,
    ],
  ])('%s: %i %s', async (_, request, status, error, message) => {
    const { handle, calls } = setup(() => tokens(1));
    const res = await handle(request);
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body.error).toBe(error);
    expect(body.message).toMatch(message);
    expect(calls).toEqual([]);
  });

  it('names where an invalid value is wrong, without its values', async () => {
    const { handle } = setup(() => tokens(1));
    const res = await handle(
      post('/api/connections', { piece: 'db', value: { type: 'CUSTOM_AUTH', props: { host: 42, password: 'pw-secret-1234' } } }),
    );
    const body = await res.json();
    expect(body.issues).toEqual([expect.objectContaining({ path: 'props.host' })]);
    expect(JSON.stringify(body)).not.toContain('pw-secret-1234');
  });

  it("a token endpoint that says invalid_grant (a spent code): 400 with the provider's reason; an HTML 500: 502", async () => {
    const refused = setup(() => Response.json({ error: 'invalid_grant', error_description: 'code expired' }, { status: 400 }));
    const res = await refused.handle(post('/api/connections', { piece: 'demo', value: platformValue }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'token_request_failed',
      message: 'The token endpoint answered invalid_grant: code expired (HTTP 400).',
    });
    const broken = setup(() => new Response('<h1>oops</h1>', { status: 500, headers: { 'content-type': 'text/html' } }));
    expect((await broken.handle(post('/api/connections', { piece: 'demo', value: platformValue }))).status).toBe(502);
  });

  it('never echoes an unexpected error (a store that quotes the value): 500 with a fixed message', async () => {
    const handle = createConnectionHandler({
      definitions: { db: custom },
      store: {
        create: async (record) => Promise.reject(new Error(`insert failed: ${JSON.stringify(record.value)}`)),
        get: async () => undefined,
        update: async () => {},
      },
    });
    const res = await handle(
      post('/api/connections', { piece: 'db', value: { type: 'CUSTOM_AUTH', props: { host: 'h', password: 'pw-secret-1234' } } }),
    );
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'internal_error', message: 'The server could not complete the request.' });
  });

  it('hands an unexpected error to onError (and only those), and a throwing onError changes nothing', async () => {
    const seen: [unknown, string][] = [];
    const failing = new Error('disk I/O error');
    const handle = createConnectionHandler({
      definitions: { db: custom },
      store: { create: async () => Promise.reject(failing), get: async () => undefined, update: async () => {} },
      onError: (error, request) => {
        seen.push([error, request.url]);
        throw new Error('the logger is down');
      },
    });
    const res = await handle(
      post('/api/connections', { piece: 'db', value: { type: 'CUSTOM_AUTH', props: { host: 'h', password: 'pw-secret-1234' } } }),
    );
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'internal_error', message: 'The server could not complete the request.' });
    expect(seen).toEqual([[failing, 'https://app.example.com/api/connections']]);
    // A refusal of ours is an answer, not an incident: not reported.
    const refused = await handle(post('/api/connections', { piece: 'nope', value: {} }));
    expect(refused.status).toBe(400);
    expect(seen).toHaveLength(1);
  });
});

describe('routes', () => {
  it.each([
    ['PATCH', '/api/connections', 'GET, POST'],
    ['POST', '/api/connections/c1', 'GET, PUT, DELETE'],
    ['GET', '/api/connections/c1/refresh', 'POST'],
  ])('%s %s: 405, Allow: %s', async (method, path, allow) => {
    const { handle } = setup(() => tokens(1));
    const res = await handle(new Request(`https://app.example.com${path}`, { method }));
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
  });

  it('a store without list and delete: no list or delete route (405 with what is allowed)', async () => {
    const { store } = memoryStore();
    const { list: _list, delete: _delete, ...basic } = store;
    const handle = createConnectionHandler({ definitions: { db: custom }, store: basic });
    const listed = await handle(new Request('https://app.example.com/api/connections'));
    expect([listed.status, listed.headers.get('allow')]).toEqual([405, 'POST']);
    const deleted = await handle(new Request('https://app.example.com/api/connections/c1', { method: 'DELETE' }));
    expect([deleted.status, deleted.headers.get('allow')]).toEqual([405, 'GET, PUT']);
  });

  it.each(['/api/other', '/api/connections/c1/delete', '/api/connections/c1/refresh/now'])('%s: 404 naming the routes', async (path) => {
    const { handle } = setup(() => tokens(1));
    const res = await handle(new Request(`https://app.example.com${path}`));
    expect(res.status).toBe(404);
    expect((await res.json()).message).toMatch(/GET and POST …\/connections, GET, PUT and DELETE …\/connections\/:id/);
  });

  it('GET of an unknown id: 404', async () => {
    const { handle } = setup(() => tokens(1));
    expect((await handle(new Request('https://app.example.com/api/connections/nope'))).status).toBe(404);
  });
});

describe('GET …/connections/:id (refresh on read)', () => {
  it('answers the stored view while fresh; refreshes and saves through the store once due', async () => {
    let now = T0;
    let n = 0;
    const { rows, calls, handle } = setup(
      () => tokens(++n),
      () => now,
    );
    await handle(post('/api/connections', { piece: 'demo', value: platformValue }));
    expect((await (await handle(new Request('https://app.example.com/api/connections/c1'))).json()).connection.claimed_at).toBe(T0 / 1000);
    expect(calls).toHaveLength(1);
    now = T0 + 50 * 60_000;
    const res = await handle(new Request('https://app.example.com/api/connections/c1'));
    expect(res.status).toBe(200);
    expect((await res.json()).connection.claimed_at).toBe(now / 1000);
    expect(Object.fromEntries(calls[1]!)).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: 'refresh-1',
      client_secret: 'host-secret-123456',
    });
    expect(rows.get('c1')!.value).toMatchObject({ access_token: 'access-2', refresh_token: 'refresh-2' });
  });

  it('POST …/:id/refresh refreshes now', async () => {
    let n = 0;
    const { calls, handle } = setup(() => tokens(++n));
    await handle(post('/api/connections', { piece: 'demo', value: platformValue }));
    expect((await handle(new Request('https://app.example.com/api/connections/c1/refresh', { method: 'POST' }))).status).toBe(200);
    expect(calls.map((c) => c.get('grant_type'))).toEqual(['authorization_code', 'refresh_token']);
  });

  it('a refresh refused with invalid_grant: 409 reconnect_needed, the stored value untouched', async () => {
    const { rows, handle } = setup((body) =>
      body.get('grant_type') === 'refresh_token' ? Response.json({ error: 'invalid_grant' }, { status: 400 }) : tokens(1),
    );
    await handle(post('/api/connections', { piece: 'demo', value: platformValue }));
    const before = structuredClone(rows.get('c1')!.value);
    const res = await handle(new Request('https://app.example.com/api/connections/c1/refresh', { method: 'POST' }));
    expect(res.status).toBe(409);
    expect((await res.json()).error).toBe('reconnect_needed');
    expect(rows.get('c1')!.value).toEqual(before);
  });

  it('with a lock: refreshes inside it, keyed by the connection id, after re-reading the store', async () => {
    const { store } = memoryStore();
    const events: string[] = [];
    let n = 0;
    const get = store.get;
    store.get = async (id, request) => {
      events.push(`get ${id}`);
      return get(id, request);
    };
    const update = store.update;
    store.update = async (id, value, request) => {
      events.push(`update ${id}`);
      return update(id, value, request);
    };
    const handle = createConnectionHandler({
      definitions: { demo: oauth },
      secrets: { demo: { clientId: 'host-app', clientSecret: 'host-secret-123456' } },
      store,
      redirectUrl: REDIRECT,
      lock: {
        run: async (key, task) => {
          events.push(`lock ${key}`);
          try {
            return await task();
          } finally {
            events.push(`unlock ${key}`);
          }
        },
      },
      fetch: async () => {
        events.push('token request');
        return tokens(++n);
      },
    });
    await handle(post('/api/connections', { piece: 'demo', value: platformValue }));
    events.length = 0;
    const res = await handle(new Request('https://app.example.com/api/connections/c1/refresh', { method: 'POST' }));
    expect(res.status).toBe(200);
    expect(events).toEqual(['get c1', 'lock c1', 'get c1', 'token request', 'update c1', 'unlock c1']);
  });
});

const put = (path: string, body: unknown) =>
  new Request(`https://app.example.com${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const dbValue = { type: 'CUSTOM_AUTH', props: { host: 'db.example.com', password: 'pw-secret-1234' } };

describe('PUT …/connections/:id (edit)', () => {
  it('keeps the saved secret where the form kept it, saves the new plain props and name, answers the view', async () => {
    const { rows, handle } = setup(() => tokens(1));
    await handle(post('/api/connections', { piece: 'db', displayName: 'Staging', value: dbValue }));
    const res = await handle(
      put('/api/connections/c1', {
        displayName: 'Production',
        value: { type: 'CUSTOM_AUTH', props: { host: 'db2.example.com', password: KEPT_SECRET } },
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      connection: {
        id: 'c1',
        piece: 'db',
        displayName: 'Production',
        type: 'CUSTOM_AUTH',
        props: { host: 'db2.example.com' },
        secret_props: ['password'],
      },
    });
    expect(rows.get('c1')).toMatchObject({
      displayName: 'Production',
      value: { type: 'CUSTOM_AUTH', props: { host: 'db2.example.com', password: 'pw-secret-1234' } },
    });
  });

  it("runs the definition's validate on the edited value: a wrong new key is 422 and the saved one stays", async () => {
    const { rows, handle } = setup(() => tokens(1));
    await handle(post('/api/connections', { piece: 'keyed', value: { type: 'SECRET_TEXT', secret_text: 'right-key-123456' } }));
    const res = await handle(put('/api/connections/c1', { value: { type: 'SECRET_TEXT', secret_text: 'wrong-key-654321' } }));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body).toMatchObject({ error: 'validation_failed', message: expect.stringContaining('Invalid API key') });
    expect(JSON.stringify(body)).not.toContain('wrong-key-654321');
    expect(rows.get('c1')!.value).toEqual({ type: 'SECRET_TEXT', secret_text: 'right-key-123456' });
    // Kept, the saved key is validated again and stays.
    expect((await handle(put('/api/connections/c1', { value: { type: 'SECRET_TEXT', secret_text: KEPT_SECRET } }))).status).toBe(200);
    expect(rows.get('c1')!.value).toEqual({ type: 'SECRET_TEXT', secret_text: 'right-key-123456' });
  });

  it('a kept secret the saved connection does not have (another method, or forged): 400 naming the field, nothing saved', async () => {
    const { rows, handle } = setup(() => tokens(1));
    await handle(post('/api/connections', { piece: 'keyed', value: { type: 'SECRET_TEXT', secret_text: 'right-key-123456' } }));
    const res = await handle(put('/api/connections/c1', { value: { type: 'SECRET_TEXT', secret_text: KEPT_SECRET, extra: KEPT_SECRET } }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe('invalid_value');
    expect(body.issues).toEqual([{ path: 'extra', message: expect.stringMatching(/enter it again/) }]);
    expect(JSON.stringify(body)).not.toContain('right-key-123456');
    expect(rows.get('c1')!.value).toEqual({ type: 'SECRET_TEXT', secret_text: 'right-key-123456' });
  });

  it('reconnects OAuth2: a new code is exchanged, a kept secret prop comes back from the saved value', async () => {
    let n = 0;
    const { rows, calls, handle } = setup(() => tokens(++n));
    await handle(post('/api/connections', { piece: 'demo', value: platformValue }));
    const res = await handle(
      put('/api/connections/c1', { value: { ...platformValue, code: 'code-654321', props: { apiKey: KEPT_SECRET, team: 'acme-2' } } }),
    );
    expect(res.status).toBe(200);
    expect(calls.map((c) => c.get('code'))).toEqual(['code-123456', 'code-654321']);
    expect(rows.get('c1')!.value).toMatchObject({ access_token: 'access-2', props: { apiKey: 'prop-secret-987', team: 'acme-2' } });
  });

  it('an unknown id: 404', async () => {
    const { handle } = setup(() => tokens(1));
    expect((await handle(put('/api/connections/nope', { value: dbValue }))).status).toBe(404);
  });
});

describe('GET …/connections (list) and DELETE …/connections/:id', () => {
  it('lists the views as stored, without refreshing and without a token or secret; deletes one (204), then it is gone', async () => {
    let n = 0;
    const { calls, handle } = setup(() => tokens(++n));
    await handle(post('/api/connections', { piece: 'demo', displayName: 'Demo', value: platformValue }));
    await handle(post('/api/connections', { piece: 'db', value: dbValue }));
    const res = await handle(new Request('https://app.example.com/api/connections'));
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const secret of ['access-1', 'refresh-1', 'prop-secret-987', 'pw-secret-1234', 'host-secret-123456'])
      expect(text).not.toContain(secret);
    expect(JSON.parse(text).connections.map((c: { id: string; piece: string }) => [c.id, c.piece])).toEqual([
      ['c1', 'demo'],
      ['c2', 'db'],
    ]);
    expect(calls).toHaveLength(1);

    const deleted = await handle(new Request('https://app.example.com/api/connections/c1', { method: 'DELETE' }));
    expect(deleted.status).toBe(204);
    expect((await handle(new Request('https://app.example.com/api/connections/c1'))).status).toBe(404);
    expect((await handle(new Request('https://app.example.com/api/connections/c1', { method: 'DELETE' }))).status).toBe(404);
    const after = await (await handle(new Request('https://app.example.com/api/connections'))).json();
    expect(after.connections.map((c: { id: string }) => c.id)).toEqual(['c2']);
  });

  it('lists a connection whose piece left the definitions with nothing of its value, and it can still be deleted', async () => {
    const { rows, handle } = setup(() => tokens(1));
    await handle(post('/api/connections', { piece: 'db', displayName: 'Old DB', value: dbValue }));
    await handle(post('/api/connections', { piece: 'keyed', value: { type: 'SECRET_TEXT', secret_text: 'right-key-123456' } }));
    rows.get('c1')!.piece = 'retired-piece';
    const res = await handle(new Request('https://app.example.com/api/connections'));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain('db.example.com');
    expect(JSON.parse(text).connections).toEqual([
      { id: 'c1', piece: 'retired-piece', displayName: 'Old DB', type: 'CUSTOM_AUTH' },
      { id: 'c2', piece: 'keyed', type: 'SECRET_TEXT' },
    ]);
    expect((await handle(new Request('https://app.example.com/api/connections/c1', { method: 'DELETE' }))).status).toBe(204);
  });
});
