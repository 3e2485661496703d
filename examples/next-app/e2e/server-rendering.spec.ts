// What `next start` sends before any JavaScript runs, and that hydrating it changes nothing.
import { card, expect, test } from './fixtures';

test('the server-rendered HTML holds the default Port 5432', async ({ request, app }) => {
  const res = await request.get(`${app.origin}/`);
  expect(res.ok()).toBe(true);
  const html = await res.text();
  const port = /<input[^>]*\bvalue="5432"[^>]*>/.exec(html)?.[0];
  expect(port, 'an <input value="5432"> in the HTML').toBeDefined();
  expect(port).toMatch(/type="number"|inputmode="numeric"/);
});

test('with JavaScript disabled the form shows Port 5432 and the other fields', async ({ browser, app }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${app.origin}/`);
    const postgres = card(page, 'PostgreSQL');
    await expect(postgres.getByLabel('Port')).toHaveValue('5432');
    await expect(postgres.getByLabel('Host')).toHaveValue('');
    await expect(card(page, 'Acme').getByRole('textbox', { name: 'API Key' })).toBeVisible();
    await expect(card(page, 'Local provider').getByRole('button', { name: 'Connect' })).toBeVisible();
  } finally {
    await context.close();
  }
});

test('hydrates without a warning or an error in the console', async ({ page, app, problems }) => {
  await page.goto(`${app.origin}/`);
  // Submitting an empty required field shows the form's own error: only hydrated React does that.
  const postgres = card(page, 'PostgreSQL');
  await postgres.getByRole('button', { name: 'Connect' }).click();
  await expect(postgres.getByLabel('Host')).toHaveAttribute('aria-invalid', 'true');
  await expect(postgres.getByLabel('Port')).toHaveValue('5432');
  expect(problems).toEqual([]);
});
