// The host app as a user meets it: the catalog, a key the piece's own validate refuses and then
// accepts, OAuth2 through the popup at the embedded provider, BasicAuth, edit with the saved
// secret kept, reconnect, a server restart over the same database, delete. One server for the
// file, in order: each step starts from what the one before left.
import { readdirSync, readFileSync } from 'node:fs';
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

const acmeKey = 'acme-demo-key';
const twilioToken = 'twilio-auth-token-5f2c9e';

test('the catalog lists the real pieces and finds one by name or auth type', async ({ page }) => {
  await page.goto(`${server.origin}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Connections' })).toBeVisible();
  await expect(connections(page).getByText('No connections yet.')).toBeVisible();
  const catalog = page.getByRole('region', { name: 'Add a connection' });
  const count = catalog.getByRole('status');
  await expect(count).toHaveText(/^\d+ pieces$/);
  const total = Number((await count.textContent())?.split(' ')[0]);
  expect(total).toBeGreaterThanOrEqual(25);
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

test('edit: a new name, the saved key kept without being sent back to the browser', async ({ page }) => {
  const answers: string[] = [];
  page.on('response', async (response) => {
    if (response.url().includes('/api/connections')) answers.push(await response.text());
  });
  await page.goto(`${server.origin}/`);
  await row(page, 'Acme Notes').getByRole('button', { name: 'Edit Acme Notes' }).click();
  const form = dialog(page);
  await expect(form.getByRole('heading', { name: 'Edit Acme Notes' })).toBeVisible();
  const key = form.getByLabel('API key', { exact: true });
  await expect(key).toHaveValue('');
  await expect(key).toHaveAttribute('placeholder', /Saved/);
  const name = form.getByLabel('Connection name');
  await name.fill('Acme Notes (team)');
  await form.getByRole('button', { name: /Save/ }).click();
  // Saved only because the server put the stored key back before the piece's validate ran.
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'saved.' })).toHaveText('Acme Notes (team) saved.');
  await expect(row(page, 'Acme Notes (team)')).toBeVisible();
  expect(answers.length).toBeGreaterThan(0);
  for (const answer of answers) expect(answer).not.toContain(acmeKey);
  expect(problems).toEqual([]);
});

test('reconnect: the OAuth2 connection signs in again and keeps its row', async ({ page }) => {
  await page.goto(`${server.origin}/`);
  const before = await page.request.get(`${server.origin}/api/connections`).then(async (r) => (await r.json()).connections);
  const todoist = before.find((c: { piece: string }) => c.piece.includes('todoist'));
  expect(todoist).toBeDefined();

  await row(page, 'Todoist').getByRole('button', { name: 'Reconnect Todoist' }).click();
  await expect(dialog(page).getByRole('heading', { name: 'Edit Todoist' })).toBeVisible();
  const popupEvent = page.waitForEvent('popup');
  await dialog(page)
    .getByRole('button', { name: /Reconnect|Connect/ })
    .click();
  const popup = await popupEvent;
  await popup.waitForURL((url) => url.origin === server.issuer);
  // The provider remembers alice's session: it may go straight to consent, or to nothing at all.
  await Promise.race([
    popup.waitForEvent('close'),
    (async () => {
      const login = popup.getByPlaceholder('Enter any login');
      const consent = popup.getByRole('heading', { name: 'Authorize' });
      await expect(login.or(consent)).toBeVisible();
      if (await login.isVisible()) await signInAndConsent(popup);
      else await popup.getByRole('button', { name: 'Continue' }).click();
      await popup.waitForEvent('close');
    })(),
  ]);
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'saved.' })).toHaveText('Todoist saved.');

  const after = await page.request.get(`${server.origin}/api/connections`).then(async (r) => (await r.json()).connections);
  const again = after.find((c: { id: string }) => c.id === todoist.id);
  expect(again).toBeDefined();
  expect(after).toHaveLength(before.length);
  expect(again.updatedAt).toBeGreaterThan(todoist.updatedAt);
  expect(problems).toEqual([]);
});

test('a server restart keeps the connections; the database holds no secret in the clear', async ({ page }) => {
  await server.stop();
  const stored = databaseBytes();
  expect(stored).toContain('demo-user');
  for (const secret of [acmeKey, twilioToken, 'access_token', 'refresh_token', 'AC0123456789abcdef']) {
    expect(stored).not.toContain(secret);
  }
  await server.start();
  await page.goto(`${server.origin}/`);
  await expect(connections(page).getByRole('row')).toHaveCount(4);
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
  await page.reload();
  await expect(row(page, 'Acme Notes (team)')).toBeVisible();
  await expect(row(page, 'Twilio')).toHaveCount(0);
  expect(problems).toEqual([]);
});
