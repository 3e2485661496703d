// The host app as a user meets it: the catalog, a key the piece's own validate refuses and then
// accepts, OAuth2 through the popup at the embedded provider, BasicAuth, edit with the saved
// secret kept, reconnect, a server restart over the same database, delete. One server for the
// file, in order: each step starts from what the one before left.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { type HostServer, hostServer } from './host-server';

test.describe.configure({ mode: 'serial' });

let server: HostServer;
let problems: string[] = [];

test.beforeAll(async () => {
  server = await hostServer();
  await server.start();
});
test.afterAll(async () => server?.stop());

/** Console errors and warnings and uncaught errors of every page; nothing leaves 127.0.0.1. */
async function watch(context: BrowserContext) {
  problems = [];
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort('blockedbyclient'),
  );
  context.on('console', (message) => {
    const text = message.text();
    // oidc-provider's dev pages @import a web font, aborted above.
    if (text.includes('net::ERR_BLOCKED_BY_CLIENT')) return;
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${text}`);
  });
  context.on('weberror', (error) => problems.push(`uncaught: ${error.error().message}`));
}

test.beforeEach(async ({ context }) => watch(context));

const connections = (page: Page) => page.getByRole('region', { name: 'Your connections' });
/** The row of one connection: its name is the row's first cell, so the row's name starts with it. */
const row = (page: Page, name: string) =>
  connections(page).getByRole('row', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}(?=\\s|$)`) });
const dialog = (page: Page) => page.getByRole('dialog');

async function openConnect(page: Page, piece: string) {
  await page.getByRole('button', { name: `Connect ${piece}` }).click();
  await expect(dialog(page).getByRole('heading', { name: `Connect ${piece}` })).toBeVisible();
}

async function signInAndConsent(popup: Page) {
  await popup.getByPlaceholder('Enter any login').fill('alice');
  await popup.getByPlaceholder('and password').fill('any password');
  await popup.getByRole('button', { name: 'Sign-in' }).click();
  await expect(popup.getByRole('heading', { name: 'Authorize' })).toBeVisible();
  await popup.getByRole('button', { name: 'Continue' }).click();
}

/** axe's WCAG 2.2 AA rules over what the page shows now (the open dialog included). */
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** What the database files hold, as text: the main file and, while the server runs, its WAL. */
function databaseBytes(): string {
  return readdirSync(server.dataDir)
    .filter((name) => name.startsWith('connections.db'))
    .map((name) => readFileSync(join(server.dataDir, name)).toString('latin1'))
    .join('\n');
}

/** The pieces with an auth in the CLI's output, plus the two demo pieces of server/demo-pieces.ts. */
const generated = JSON.parse(readFileSync(new URL('../generated/pieces.json', import.meta.url), 'utf8')) as { pieces: { auth: unknown }[] };
const expectedPieces = generated.pieces.filter((p) => p.auth != null).length + 2;

const acmeKey = 'acme-demo-key';
const twilioToken = 'twilio-auth-token-5f2c9e';

test('the catalog lists the real pieces and finds one by name or auth type', async ({ page }) => {
  await page.goto(`${server.origin}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Connections' })).toBeVisible();
  await expect(connections(page).getByText('No connections yet.')).toBeVisible();
  const catalog = page.getByRole('region', { name: 'Add a connection' });
  const count = catalog.getByRole('status');
  // Every piece the CLI found in node_modules, with an auth (38 published ones), and the demos.
  const total = expectedPieces;
  expect(total).toBeGreaterThanOrEqual(27);
  await expect(count).toHaveText(`${total} pieces`);
  await expect(catalog.getByRole('listitem')).toHaveCount(total);
  for (const name of ['Slack', 'Google Sheets', 'Stripe', 'Todoist', 'Twilio', 'Acme Notes']) {
    await expect(catalog.getByRole('heading', { level: 3, name, exact: true })).toBeVisible();
  }

  await expectAccessible(page);

  const search = catalog.getByRole('searchbox', { name: 'Search pieces' });
  await search.fill('todoist');
  await expect(count).toHaveText(`1 of ${total} pieces`);
  await expect(catalog.getByRole('listitem')).toHaveText([/Todoist/]);
  await search.fill('password');
  await expect(count).toHaveText(new RegExp(`^\\d+ of ${total} pieces$`));
  await expect(catalog.getByRole('heading', { level: 3, name: 'Twilio' })).toBeVisible();
  await expect(catalog.getByRole('heading', { level: 3, name: 'Todoist' })).toBeHidden();
  await search.fill('no such service');
  await expect(catalog.getByText('No piece matches “no such service”.')).toBeVisible();
  await search.fill('');
  await expect(count).toHaveText(`${total} pieces`);
  expect(problems).toEqual([]);
});

test("SecretText: the piece's validate on the server refuses a wrong key, then accepts the right one", async ({ page }) => {
  await page.goto(`${server.origin}/`);
  await openConnect(page, 'Acme Notes');
  const form = dialog(page);
  const key = form.getByLabel('API key', { exact: true });
  await expect(key).toHaveAttribute('type', 'password');
  await key.fill('not-the-key');
  await form.getByRole('button', { name: 'Connect' }).click();
  // The refusal is the piece's own message, from the server; the dialog stays, still filled.
  await expect(form.getByRole('status')).toHaveText('Connection failed: Acme Notes did not accept this API key.');
  await expect(key).toHaveValue('not-the-key');
  await expectAccessible(page);

  await key.fill(acmeKey);
  await form.getByRole('button', { name: /Connect|Try again/ }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'connected.' })).toHaveText('Acme Notes connected.');
  await expect(row(page, 'Acme Notes')).toContainText('API key');
  // The one console line: Chromium's own note of the refused key's 422.
  expect(problems).toEqual([expect.stringContaining('422 (Unprocessable Entity)')]);
});

test('OAuth2: the popup at the embedded provider, the code traded for tokens on the server', async ({ page, context }) => {
  const tokenRequests: string[] = [];
  context.on('request', (request) => {
    if (request.url().startsWith(`${server.issuer}/token`)) tokenRequests.push(request.url());
  });
  await page.goto(`${server.origin}/`);
  await openConnect(page, 'Todoist');
  const saving = page.waitForRequest((r) => r.url() === `${server.origin}/api/connections` && r.method() === 'POST');
  const popupEvent = page.waitForEvent('popup');
  await dialog(page)
    .getByRole('button', { name: /Connect/ })
    .click();
  const popup = await popupEvent;
  await popup.waitForURL((url) => url.origin === server.issuer);
  await signInAndConsent(popup);
  await popup.waitForEvent('close');

  await expect(dialog(page)).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'connected.' })).toHaveText('Todoist connected.');
  await expect(row(page, 'Todoist')).toContainText('OAuth2 · refreshable');
  // The browser sent the code (Todoist's definition asks for no PKCE); the tokens never came to it.
  const sent = (await saving).postDataJSON();
  expect(sent).toMatchObject({
    piece: 'todoist',
    value: { type: 'PLATFORM_OAUTH2', code: expect.any(String) },
  });
  expect(JSON.stringify(sent)).not.toMatch(/access_token|refresh_token|client_secret/);
  expect(tokenRequests).toEqual([]);
  expect(problems).toEqual([]);
});

test('BasicAuth: Twilio with an account SID and an auth token', async ({ page }) => {
  await page.goto(`${server.origin}/`);
  await openConnect(page, 'Twilio');
  const form = dialog(page);
  await form.getByLabel('Account SID').fill('AC0123456789abcdef0123456789abcdef');
  const token = form.getByRole('textbox', { name: 'Auth token' });
  await expect(token).toHaveAttribute('type', 'password');
  await token.fill(twilioToken);
  await form.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(row(page, 'Twilio')).toContainText('Username & password');
  expect(problems).toEqual([]);
});

test('edit: a new name, the saved key kept: sent as a marker, never sent back to the browser', async ({ page }) => {
  const reads: Promise<string>[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(`${server.origin}/api/connections`)) reads.push(response.text());
  });
  await page.goto(`${server.origin}/`);
  await row(page, 'Acme Notes').getByRole('button', { name: 'Edit Acme Notes' }).click();
  const form = dialog(page);
  await expect(form.getByRole('heading', { name: 'Edit Acme Notes' })).toBeVisible();
  const name = form.getByLabel('Connection name');
  // The dialog starts on the form's first control, not on Close.
  await expect(name).toBeFocused();
  const key = form.getByLabel('API key', { exact: true });
  await expect(key).toHaveValue('');
  await expect(key).toHaveAttribute('placeholder', /Saved/);
  await name.fill('Acme Notes (team)');
  const saving = page.waitForRequest((r) => r.method() === 'PUT');
  const saved = page.waitForResponse((r) => r.request().method() === 'PUT');
  await form.getByRole('button', { name: /Save/ }).click();
  // Saved only because the server put the stored key back before the piece's validate ran.
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'saved.' })).toHaveText('Acme Notes (team) saved.');
  await expect(row(page, 'Acme Notes (team)')).toBeVisible();
  expect((await saving).postDataJSON()).toEqual({
    value: { type: 'SECRET_TEXT', secret_text: { kept: true } },
    displayName: 'Acme Notes (team)',
  });
  expect((await saved).status()).toBe(200);
  const answers = await Promise.all(reads);
  expect(answers.length).toBeGreaterThanOrEqual(3); // the list, the PUT, the list again
  for (const answer of answers) expect(answer).not.toContain(acmeKey);
  expect(problems).toEqual([]);
});

test('edit: an optional secret left empty stays empty, the saved one is kept', async ({ page }) => {
  await page.goto(`${server.origin}/`);
  await openConnect(page, 'Acme Warehouse');
  const form = dialog(page);
  await form.getByRole('textbox', { name: 'API key' }).fill(acmeKey);
  await form.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog(page)).toBeHidden();
  const listed = await page.request.get(`${server.origin}/api/connections`).then(async (r) => (await r.json()).connections);
  // The view names the secret that was saved, and only that one.
  expect(listed.find((c: { piece: string }) => c.piece === 'acme-warehouse')).toMatchObject({
    props: { region: 'eu' },
    secret_props: ['apiKey'],
  });

  await row(page, 'Acme Warehouse').getByRole('button', { name: 'Edit Acme Warehouse' }).click();
  await expect(form.getByRole('textbox', { name: 'API key' })).toHaveAttribute('placeholder', /Saved/);
  await expect(form.getByRole('textbox', { name: 'Webhook signing secret' })).not.toHaveAttribute('placeholder', /Saved/);
  const saving = page.waitForRequest((r) => r.method() === 'PUT');
  await form.getByLabel('Connection name').fill('Warehouse EU');
  await form.getByRole('button', { name: /Save/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'saved.' })).toHaveText('Warehouse EU saved.');
  expect((await saving).postDataJSON().value).toEqual({ type: 'CUSTOM_AUTH', props: { region: 'eu', apiKey: { kept: true } } });
  expect(problems).toEqual([]);
});

test('reconnect: the OAuth2 connection signs in again, gets new tokens and keeps its row', async ({ page }) => {
  await page.goto(`${server.origin}/`);
  const list = async () => page.request.get(`${server.origin}/api/connections`).then(async (r) => (await r.json()).connections);
  const before = await list();
  const todoist = before.find((c: { piece: string }) => c.piece === 'todoist');
  expect(todoist).toMatchObject({ has_refresh_token: true });

  await row(page, 'Todoist').getByRole('button', { name: 'Reconnect Todoist' }).click();
  await expect(dialog(page).getByRole('heading', { name: 'Reconnect Todoist' })).toBeVisible();
  const popupEvent = page.waitForEvent('popup');
  await dialog(page).getByRole('button', { name: 'Reconnect' }).click();
  const popup = await popupEvent;
  const closed = popup.waitForEvent('close');
  await popup.waitForURL((url) => url.origin === server.issuer);
  // The provider may remember alice's session (straight to consent) or ask her to sign in again.
  const login = popup.getByPlaceholder('Enter any login');
  const consent = popup.getByRole('heading', { name: 'Authorize' });
  const shown = await login
    .or(consent)
    .waitFor()
    .then(
      () => true,
      () => false, // closed before either showed: the provider sent the code at once
    );
  if (shown) {
    if (await login.isVisible()) await signInAndConsent(popup);
    else await popup.getByRole('button', { name: 'Continue' }).click();
  }
  await closed;
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'saved.' })).toHaveText('Todoist saved.');

  const after = await list();
  const again = after.find((c: { id: string }) => c.id === todoist.id);
  expect(after).toHaveLength(before.length);
  expect(again).toMatchObject({ has_refresh_token: true });
  expect(again.claimed_at).toBeGreaterThanOrEqual(todoist.claimed_at);
  expect(again.updatedAt).toBeGreaterThan(todoist.updatedAt);
  expect(problems).toEqual([]);
});

test('a server restart keeps the connections; the database holds no secret in the clear', async ({ page }) => {
  await server.stop();
  // The generated key sits beside the database, readable by its owner only.
  expect(statSync(join(server.dataDir, 'connections.key')).mode & 0o777).toBe(0o600);
  const stored = databaseBytes();
  expect(stored).toContain('demo-user');
  for (const secret of [acmeKey, twilioToken, 'access_token', 'refresh_token', 'AC0123456789abcdef']) {
    expect(stored).not.toContain(secret);
  }
  await server.start();
  await page.goto(`${server.origin}/`);
  await expect(connections(page).getByRole('row')).toHaveCount(5); // the header and four connections
  await expect(row(page, 'Acme Notes (team)')).toBeVisible();
  await expect(row(page, 'Todoist')).toContainText('OAuth2 · refreshable');
  await expect(row(page, 'Twilio')).toBeVisible();
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test('delete: asked to confirm, Keep keeps it, Delete removes it for good', async ({ page }) => {
  await page.goto(`${server.origin}/`);
  await row(page, 'Twilio').getByRole('button', { name: 'Delete Twilio' }).click();
  const confirm = connections(page).getByRole('group', { name: 'Delete Twilio?' });
  // Focus moves to the safe choice, and back to Delete when kept (by keyboard here).
  await expect(confirm.getByRole('button', { name: 'Keep' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(row(page, 'Twilio').getByRole('button', { name: 'Delete Twilio' })).toBeFocused();

  await row(page, 'Twilio').getByRole('button', { name: 'Delete Twilio' }).click();
  await connections(page).getByRole('group', { name: 'Delete Twilio?' }).getByRole('button', { name: 'Delete Twilio' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'deleted.' })).toHaveText('Twilio deleted.');
  await expect(row(page, 'Twilio')).toHaveCount(0);
  // Its row is gone: focus goes to the list's heading, not to the page.
  await expect(connections(page).getByRole('heading', { name: 'Your connections' })).toBeFocused();
  await page.reload();
  await expect(row(page, 'Acme Notes (team)')).toBeVisible();
  await expect(row(page, 'Twilio')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('started with another key, the rows that do not open are listed as unreadable, and can be deleted', async ({ page }) => {
  await server.stop();
  await server.start({ CONNECTIONS_KEY: Buffer.alloc(32, 7).toString('base64') });
  await page.goto(`${server.origin}/`);
  const notes = row(page, 'Acme Notes (team)');
  await expect(notes).toContainText('Can’t be read: delete it and connect again');
  await expect(notes.getByRole('button', { name: 'Edit Acme Notes (team)' })).toHaveCount(0);
  await notes.getByRole('button', { name: 'Delete Acme Notes (team)' }).click();
  await connections(page)
    .getByRole('group', { name: 'Delete Acme Notes (team)?' })
    .getByRole('button', { name: 'Delete Acme Notes (team)' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'deleted.' })).toHaveText('Acme Notes (team) deleted.');
  await expect(row(page, 'Acme Notes (team)')).toHaveCount(0);
  await expect(row(page, 'Todoist')).toContainText('Can’t be read');
  // The server logged which rows did not open, by id only.
  expect(problems).toEqual([]);
});

test('changes from another site are refused before any work, the bodiless refresh included', async ({ page }) => {
  const connectionsNow = await page.request.get(`${server.origin}/api/connections`).then(async (r) => (await r.json()).connections);
  const id = connectionsNow[0].id as string;
  for (const [method, path] of [
    ['POST', `/api/connections/${id}/refresh`],
    ['DELETE', `/api/connections/${id}`],
    ['POST', '/api/connections'],
  ] as const) {
    const res = await page.request.fetch(`${server.origin}${path}`, {
      method,
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      data:
        method === 'POST' && path === '/api/connections'
          ? { piece: 'acme-notes', value: { type: 'SECRET_TEXT', secret_text: acmeKey } }
          : undefined,
    });
    expect([method, path, res.status()]).toEqual([method, path, 403]);
  }
  const after = await page.request.get(`${server.origin}/api/connections`).then(async (r) => (await r.json()).connections);
  expect(after).toEqual(connectionsNow);
});
