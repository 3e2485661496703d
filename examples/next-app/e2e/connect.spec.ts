// Connecting through the app's route handler (app/api/connections/route.ts, connection-kit/server):
// the value reaches the server, its validate decides, the page shows what the server stored.
import { card, expect, signInAndConsent, test } from './fixtures';

test('SecretText: the server checks the key; a good one is stored and shown as connected', async ({ page, app, problems }) => {
  await page.goto(`${app.origin}/`);
  const acme = card(page, 'Acme');
  await acme.getByRole('textbox', { name: 'API Key' }).fill('sk-not-an-acme-key');
  await acme.getByRole('button', { name: 'Connect' }).click();
  // The validate that said no runs only on the server (the page got the definition without it).
  await expect(acme.getByText('Acme did not accept this key.')).toBeVisible();

  const key = 'acme_0123456789abcdef';
  await acme.getByRole('textbox', { name: 'API Key' }).fill(key);
  await acme.getByRole('button', { name: /Connect|Try again/ }).click();
  await expect(acme.getByRole('status')).toHaveText(/Connected/);
  const saved = acme.getByRole('definition').first();
  await expect(saved).toHaveText(/^[0-9a-f-]{36}$/);
  await expect(acme.getByLabel('Saved Acme connection')).toContainText('SECRET_TEXT');
  // The server answered a view without the key.
  expect(await acme.getByLabel('Saved Acme connection').textContent()).not.toContain(key);
  // The one console line: Chromium's own note of the refused key's 422.
  expect(problems).toEqual([expect.stringContaining('422 (Unprocessable Entity)')]);
});

test('CustomAuth: the default Port 5432 reaches the server, the password does not come back', async ({ page, app }) => {
  await page.goto(`${app.origin}/`);
  const postgres = card(page, 'PostgreSQL');
  await postgres.getByLabel('Host').fill('db.internal');
  await postgres.getByLabel('Database').fill('orders');
  await postgres.getByRole('textbox', { name: 'Password' }).fill('s3cret-pass');
  await postgres.getByRole('button', { name: 'Connect' }).click();
  await expect(postgres.getByRole('status')).toHaveText(/Connected/);
  const saved = postgres.getByLabel('Saved PostgreSQL connection');
  await expect(saved).toContainText('{"host":"db.internal","port":5432,"database":"orders"}');
  expect(await saved.textContent()).not.toContain('s3cret-pass');
});

test('OAuth2: the popup at the provider, the callback route, the token exchange on the server', async ({ page, app, problems }) => {
  await page.goto(`${app.origin}/`);
  const local = card(page, 'Local provider');
  const tokenRequests: string[] = [];
  page.context().on('request', (r) => {
    if (r.url().startsWith(`${app.issuer}/token`)) tokenRequests.push(r.url());
  });
  const popupEvent = page.waitForEvent('popup');
  await local.getByRole('button', { name: 'Connect' }).click();
  const popup = await popupEvent;
  await popup.waitForURL((url) => url.origin === app.issuer);
  await signInAndConsent(popup);
  // The provider redirected to /oauth2/callback, whose page handed the code over and closed.
  await popup.waitForEvent('close');

  await expect(local.getByRole('status')).toHaveText(/Connected/);
  const saved = local.getByLabel('Saved Local provider connection');
  await expect(saved).toContainText('PLATFORM_OAUTH2');
  await expect(saved).toContainText('openid offline_access');
  await expect(saved).toContainText('held by the server');
  // The code was traded for tokens by the route handler, not by the browser.
  expect(tokenRequests).toEqual([]);
  expect(problems).toEqual([]);
});
