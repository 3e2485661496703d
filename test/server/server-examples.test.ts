// The README's "Your server" examples (examples/server-*.ts), run as written: the same handler
// behind a Next.js route, Hono and Express 5, the encrypted store, the definitions' validate.
// Only the network beyond this machine is faked: GitHub's token endpoint and API, OpenAI's API.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createPkcePair } from '../../src/oauth/pkce';

const realFetch = globalThis.fetch;
const GITHUB_TOKEN = 'gho_example_access_token_123';
const exchanges: URLSearchParams[] = [];

beforeAll(() => {
  process.env.CONNECTIONS_KEY = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64');
  process.env.GITHUB_CLIENT_ID = 'Iv1.example';
  process.env.GITHUB_CLIENT_SECRET = 'github-secret-from-env-123';
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    const headers = new Headers(init?.headers);
    if (url === 'https://github.com/login/oauth/access_token') {
      const body = new URLSearchParams(String(init?.body));
      exchanges.push(body);
      const ok = body.get('client_secret') === 'github-secret-from-env-123' && body.get('code') === 'good-code';
      // GitHub answers HTTP 200 with an error, form-encoded unless asked for JSON.
      return Response.json(
        ok
          ? { access_token: GITHUB_TOKEN, token_type: 'bearer', scope: 'repo,user' }
          : { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' },
      );
    }
    if (url === 'https://api.github.com/user')
      return new Response(null, { status: headers.get('authorization') === `Bearer ${GITHUB_TOKEN}` ? 200 : 401 });
    if (url === 'https://api.openai.com/v1/models')
      return new Response(null, { status: headers.get('authorization') === 'Bearer sk-good-key' ? 200 : 401 });
    return realFetch(input, init);
  });
});
afterAll(() => vi.unstubAllGlobals());

type Send = (path: string, init?: RequestInit) => Promise<Response>;

async function githubValue(code = 'good-code') {
  const { verifier } = await createPkcePair();
  return {
    type: 'PLATFORM_OAUTH2',
    client_id: 'Iv1.example',
    redirect_url: 'https://app.example.com/oauth/callback',
    code,
    code_challenge: verifier,
    scope: 'repo user',
    props: {},
  };
}

const frameworks: [string, () => Promise<{ send: Send; close?: () => Promise<void> }>][] = [
  [
    'Next.js route handler',
    async () => {
      const route = await import('../../examples/server-next');
      return {
        send: (path, init) => (init?.method === 'POST' ? route.POST : route.GET)(new Request(`https://app.example.com${path}`, init)),
      };
    },
  ],
  [
    'Hono',
    async () => {
      const { app } = await import('../../examples/server-hono');
      return { send: async (path, init) => app.request(`https://app.example.com${path}`, init) };
    },
  ],
  [
    'Express 5',
    async () => {
      const { app } = await import('../../examples/server-express');
      const server = app.listen(0, '127.0.0.1');
      await new Promise((done) => server.once('listening', done));
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      return {
        send: (path, init) => realFetch(`${origin}${path}`, init),
        close: () => new Promise<void>((done) => server.close(() => done())),
      };
    },
  ],
];

describe.each(frameworks)('the %s example', (_, start) => {
  let send: Send;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ send, close } = await start());
    const { sessions } = await import('../../examples/server-store');
    sessions.set('session-ada', 'ada');
    sessions.set('session-bob', 'bob');
  });
  afterAll(() => close?.());

  const post = (path: string, body: unknown, sid = 'session-ada') =>
    send(path, { method: 'POST', headers: { 'content-type': 'application/json', cookie: `sid=${sid}` }, body: JSON.stringify(body) });

  it("claims a GitHub connection with the server's secret, validates it, stores it encrypted, answers without the token", async () => {
    const value = await githubValue();
    const res = await post('/api/connections', { piece: 'github', displayName: 'My GitHub', value });
    expect(res.status).toBe(201);
    const text = await res.text();
    const { connection } = JSON.parse(text);
    expect(connection).toMatchObject({
      piece: 'github',
      displayName: 'My GitHub',
      type: 'PLATFORM_OAUTH2',
      client_id: 'Iv1.example',
      scope: 'repo,user',
      token_type: 'bearer',
    });
    for (const secret of [GITHUB_TOKEN, 'github-secret-from-env-123', value.code, value.code_challenge]) expect(text).not.toContain(secret);
    expect(exchanges.at(-1)!.get('code_verifier')).toBe(value.code_challenge);

    const { rows } = await import('../../examples/server-store');
    const row = rows.get(connection.id)!;
    expect(Buffer.from(row.ciphertext).toString('latin1')).not.toContain(GITHUB_TOKEN);

    const read = await send(`/api/connections/${connection.id}`, { headers: { cookie: 'sid=session-ada' } });
    expect(read.status).toBe(200);
    expect((await read.json()).connection).toEqual(connection);
    // Another user cannot see it.
    expect((await send(`/api/connections/${connection.id}`, { headers: { cookie: 'sid=session-bob' } })).status).toBe(404);
  });

  it("answers 401 without a session, and 400 for a code GitHub refuses, with GitHub's reason", async () => {
    expect((await send('/api/connections', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(
      401,
    );
    const res = await post('/api/connections', { piece: 'github', value: await githubValue('expired-code') });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'token_request_failed',
      message: 'The token endpoint answered bad_verification_code: The code passed is incorrect or expired. (HTTP 200).',
    });
  });

  it("runs the OpenAI definition's validate: a refused key is a 422, a good one is stored", async () => {
    const bad = await post('/api/connections', { piece: 'openai', value: { type: 'SECRET_TEXT', secret_text: 'sk-bad-key' } });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({ error: 'validation_failed', message: 'OpenAI did not accept this key.' });
    const good = await post('/api/connections', { piece: 'openai', value: { type: 'SECRET_TEXT', secret_text: 'sk-good-key' } });
    expect(good.status).toBe(201);
    expect(await good.text()).not.toContain('sk-good-key');
  });
});

describe('examples/server-validate.ts', () => {
  it("answers the form's validate with the piece's own verdict: a refused key's message, then valid for the right key", async () => {
    const { validateApp } = await import('../../examples/server-validate');
    const check = async (secret: string) =>
      (
        await validateApp.request('https://app.example.com/api/connections/openai/validate', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'SECRET_TEXT', secret_text: secret }),
        })
      ).json();
    expect(await check('sk-bad-key')).toEqual({ valid: false, error: 'OpenAI did not accept this key.' });
    expect(await check('sk-good-key')).toEqual({ valid: true });
  });
});

describe('the README', () => {
  const readme = readFileSync(resolve('README.md'), 'utf8');
  it.each(['server-definitions', 'server-store', 'server-handler', 'server-next', 'server-hono', 'server-express', 'server-validate'])(
    'shows examples/%s.ts verbatim',
    (name) => {
      const source = readFileSync(resolve(`examples/${name}.ts`), 'utf8').trimEnd();
      expect(readme).toContain(`<!-- example: examples/${name}.ts -->\n\`\`\`ts\n${source}\n\`\`\``);
    },
  );
});
