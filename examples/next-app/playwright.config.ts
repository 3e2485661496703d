import { defineConfig } from '@playwright/test';

/**
 * This app as `next build` left it, run by `next start` on 127.0.0.1 beside oidc-provider (both
 * started by e2e/global-setup.mjs), driven in Debian's Chromium. Build first: `npx next build`.
 * The repo's scripts/next-app-e2e.sh does it all and writes reports/next-app-e2e.json.
 */
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.mjs',
  workers: 1,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
  use: {
    browserName: 'chromium',
    headless: true,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
