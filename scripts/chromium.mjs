// How every browser run of this repo launches Chromium: Debian's package (nothing here may
// download a browser of its own; scripts/test-all.sh installs it when missing), quiet on a
// closed network (no background fetches, updates, sync or QUIC). Used by vite.config.ts (vitest
// browser mode), playwright.config.ts, the bench and the e2e test that needs its own browser.
// The example apps under examples/ are packages of their own and keep their own copy.

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Playwright's `launchOptions` (a fresh object per call: callers may add to it). */
export const chromiumLaunchOptions = () => ({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
