// The servers of one e2e run, both on 127.0.0.1: a real authorization server (oidc-provider,
// its dev login and consent pages, one confidential client with client_secret_basic + PKCE) and
// this app as built by `next build`, run by `next start` with the provider in its environment.
// Plain JavaScript: oidc-provider ships no type declarations.
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import Provider from 'oidc-provider';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const CLIENT_ID = 'next-app-e2e';
const CLIENT_SECRET = randomBytes(24).toString('hex');

/** @param {import('node:http').RequestListener} handler */
async function listen(handler) {
  const server = createServer(handler);
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done(undefined));
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { server, port, origin: `http://127.0.0.1:${port}` };
}

/** A port the OS says is free (for `next start -p`). */
async function freePort() {
  const { server, port } = await listen(() => {});
  await new Promise((done) => server.close(done));
  return port;
}

/** Waits until `url` answers, or `child` exits. */
async function waitFor(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${url} did not answer in ${timeoutMs} ms`);
}

export async function startServers() {
  /** @type {import('node:http').RequestListener} */
  let providerHandler = (_req, res) => res.writeHead(503).end();
  const idp = await listen((req, res) => providerHandler(req, res));
  const appPort = await freePort();
  const appOrigin = `http://127.0.0.1:${appPort}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(idp.origin, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [`${appOrigin}/oauth2/callback`],
      },
    ],
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, RefreshToken: 3600, IdToken: 600 },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'e2e', alg: 'RS256', use: 'sig' }] },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
  });
  providerHandler = provider.callback();

  const next = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(appPort)], {
    cwd: appDir,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      APP_ORIGIN: appOrigin,
      OAUTH2_ISSUER: idp.origin,
      OAUTH2_CLIENT_ID: CLIENT_ID,
      OAUTH2_CLIENT_SECRET: CLIENT_SECRET,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = async () => {
    if (next.exitCode === null) {
      const exited = new Promise((done) => next.once('exit', done));
      next.kill('SIGTERM');
      await exited;
    }
    idp.server.closeAllConnections();
    await new Promise((done) => idp.server.close(done));
  };
  try {
    await waitFor(`${appOrigin}/`, next);
  } catch (error) {
    await stop();
    throw error;
  }
  return { appOrigin, issuer: idp.origin, stop };
}
