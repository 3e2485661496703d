import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

/**
 * End-to-end suite: the kit's OAuth2 popup flow in Debian's Chromium against a real
 * authorization server (oidc-provider), all started and stopped by test/e2e/global-setup.mjs.
 * Run: npx playwright test -c playwright.config.ts   (JSON report: reports/e2e.json)
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  globalSetup: './test/e2e/global-setup.mjs',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Generous for a loaded 2-core machine; a passing test takes 3–10 s.
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    // Failures keep a screenshot and the page's ARIA snapshot; add --trace on for a full trace.
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
});
