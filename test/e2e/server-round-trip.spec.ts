// The whole round trip in Chromium: the form -> the popup at oidc-provider -> the kit's callback
// page -> the host's server route built on connection-kit/server (test/e2e/server-route.mjs) ->
// tokens at the real token endpoint (client_secret_basic, PKCE) -> the definition's validate
// (userinfo) -> the stored value; then, after the server's clock passes the token's expiry, a
// refresh on read. The page only ever sees a redacted view.
import { expect, signInAndConsent, status, test } from './fixtures';

type Stored = Record<string, unknown> & { access_token: string; refresh_token: string; claimed_at: number; data: Record<string, unknown> };

test('server round trip: claim on the host server, validate, store; refresh after expiry', async ({ page, app, requests, request }) => {
  await page.goto(app.url({ fixture: 'server' }));
  await page.getByLabel('Workspace').fill('acme');
  const popupEvent = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Connect' }).click();
  const popup = await popupEvent;
  await signInAndConsent(popup);

  // The form emitted the code and verifier to the host's route, which claimed and stored it.
  const saved = page.getByLabel('Saved connection view');
  await expect(saved).toBeVisible();
  await expect(status(page)).toHaveText(/Connected/);
  const view = JSON.parse((await saved.textContent())!) as Record<string, unknown> & { id: string; claimed_at: number };
  expect(view).toMatchObject({
    piece: 'test-provider',
    displayName: 'My test provider',
    type: 'PLATFORM_OAUTH2',
    scope: 'openid offline_access',
    token_type: 'Bearer',
    authorization_method: 'HEADER',
    grant_type: 'authorization_code',
    props: { workspace: 'acme' },
    has_refresh_token: true,
  });

  // What the server stored: Activepieces' shape, the real tokens, the ID token in data.
  const stored = (await (await request.get(`${app.origin}/api/e2e/stored/${view.id}`)).json()) as Stored;
  expect(stored).toMatchObject({
    type: 'PLATFORM_OAUTH2',
    token_url: `${app.issuer}/token`,
    redirect_url: `${app.origin}/callback`,
    claimed_at: view.claimed_at,
  });
  expect(stored.access_token).toEqual(expect.any(String));
  expect(stored.refresh_token).toEqual(expect.any(String));
  expect(Object.keys(stored.data)).toEqual(['id_token']);
  // The definition's validate ran on the server with that token, and the provider accepted it.
  expect(await (await request.get(`${app.origin}/api/e2e/validations`)).json()).toEqual([
    { accessToken: stored.access_token, userinfo: 200 },
  ]);
  // The page never saw a token: not in the DOM, not in any response it read.
  const html = await page.content();
  for (const secret of [stored.access_token, stored.refresh_token]) expect(html).not.toContain(secret);
  // The token request came from the server: no browser request went to the token endpoint.
  expect(requests.filter((r) => r.url.startsWith(`${app.issuer}/token`))).toEqual([]);

  // 50 minutes later on the server's clock the token is due (expires_in 600 + Activepieces'
  // 15-minute margin): reading the connection refreshes it at the real token endpoint.
  const before = (await (await request.get(`${app.origin}/api/e2e/validations`)).json()) as unknown[];
  await request.post(`${app.origin}/api/e2e/clock`, { data: { advanceSeconds: 50 * 60 } });
  await page.getByRole('button', { name: 'Check connection' }).click();
  await expect.poll(async () => JSON.parse((await saved.textContent())!).claimed_at).toBeGreaterThan(view.claimed_at + 49 * 60);
  const refreshed = (await (await request.get(`${app.origin}/api/e2e/stored/${view.id}`)).json()) as Stored;
  expect(refreshed.access_token).not.toBe(stored.access_token);
  // This run's provider rotates a confidential client's refresh token only after 70% of its life
  // (oidc-provider's default): the kit keeps the one it has. Rotation on, and a spent token, are
  // tested against oidc-provider in test/server/refresh-connection.test.ts.
  expect(refreshed.refresh_token).toEqual(expect.any(String));
  expect(refreshed).toMatchObject({
    type: 'PLATFORM_OAUTH2',
    props: { workspace: 'acme' },
    token_url: `${app.issuer}/token`,
    data: { id_token: expect.any(String) },
  });
  // The new access token works at the provider; a refresh does not re-run validate (as in Activepieces).
  expect((await request.get(`${app.issuer}/me`, { headers: { authorization: `Bearer ${refreshed.access_token}` } })).ok()).toBe(true);
  expect(await (await request.get(`${app.origin}/api/e2e/validations`)).json()).toEqual(before);
  // Still no token in the page.
  expect(await page.content()).not.toContain(refreshed.access_token);
});
