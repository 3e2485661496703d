import { test as base, expect, type Page } from '@playwright/test';

const origin = () => {
  const value = process.env.E2E_APP_ORIGIN;
  if (!value) throw new Error('E2E_APP_ORIGIN is not set: run through playwright.config.ts (its globalSetup starts the servers)');
  return value;
};

/** Console errors and warnings, and uncaught errors, of every page of the test's context. */
export const test = base.extend<{ app: { origin: string; issuer: string }; problems: string[] }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this destructuring; there are none.
  app: async ({}, use) => use({ origin: origin(), issuer: process.env.E2E_ISSUER ?? '' }),
  problems: [
    async ({ context }, use) => {
      const problems: string[] = [];
      // Nothing leaves 127.0.0.1 (oidc-provider's dev pages @import a web font).
      await context.route(
        (url) => url.hostname !== '127.0.0.1',
        (route) => route.abort('blockedbyclient'),
      );
      context.on('console', (message) => {
        const text = message.text();
        // The aborted font request of the provider's pages, not the app.
        if (text.includes('net::ERR_BLOCKED_BY_CLIENT')) return;
        if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${text}`);
      });
      context.on('weberror', (error) => problems.push(`uncaught: ${error.error().message}`));
      await use(problems);
    },
    { auto: true },
  ],
});

export { expect };

/** The card of one service, found by its heading. */
export const card = (page: Page, name: string) => page.getByRole('region', { name });

/** Signs in on oidc-provider's dev login page and grants consent. */
export async function signInAndConsent(popup: Page) {
  await popup.getByPlaceholder('Enter any login').fill('alice');
  await popup.getByPlaceholder('and password').fill('any password');
  await popup.getByRole('button', { name: 'Sign-in' }).click();
  await expect(popup.getByRole('heading', { name: 'Authorize' })).toBeVisible();
  await popup.getByRole('button', { name: 'Continue' }).click();
}
