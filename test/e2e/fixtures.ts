import { test as base, expect, type Page, type Request } from '@playwright/test';

/** Where the servers of this run listen (set by global-setup.mjs). */
export interface AppInfo {
  origin: string;
  issuer: string;
  otherOrigin: string;
  clientId: string;
  /** The test app's URL with the given query parameters. */
  url: (query?: Record<string, string | number>) => string;
}

/** One request any page of the test's browser context made. */
export interface RecordedRequest {
  url: string;
  /** The URL of the frame that made it, at the time ('' when Playwright cannot tell). */
  frameUrl: string;
  navigation: boolean;
}

/** What the callback page looked like: as it loaded, and after it rewrote its own URL. */
export interface CallbackVisit {
  path: string;
  /** `location.href` as the page loaded (what the provider redirected to). */
  before: string;
  /** `location.href` after the page's last `history.replaceState` (= `before` if none). */
  after: string;
  /** Whether `window.opener` was reachable from the callback page. */
  hasOpener: boolean;
}

declare global {
  interface Window {
    __e2eCallbackVisits?: CallbackVisit[];
  }
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through playwright.config.ts (its globalSetup starts the servers)`);
  return value;
}

const isLoopback = (url: string) => {
  const { protocol, hostname } = new URL(url);
  // localhost: the other-origin server reached under another site name (cross-site frames).
  return !/^https?:$/.test(protocol) || hostname === '127.0.0.1' || hostname === 'localhost';
};

export const test = base.extend<{
  app: AppInfo;
  requests: RecordedRequest[];
  callbackVisits: (page: Page) => Promise<CallbackVisit[]>;
}>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this destructuring; there are none.
  app: async ({}, use) => {
    const origin = env('E2E_APP_ORIGIN');
    await use({
      origin,
      issuer: env('E2E_ISSUER'),
      otherOrigin: env('E2E_OTHER_ORIGIN'),
      clientId: env('E2E_CLIENT_ID'),
      url: (query = {}) => {
        const url = new URL('/', origin);
        for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
        return url.toString();
      },
    });
  },

  // Every test records every request of its context, keeps the run off the network (anything not
  // on 127.0.0.1 is aborted), and at the end fails if a page other than the provider's own dev
  // pages asked for anything off 127.0.0.1 (oidc-provider's dev pages @import a Google font).
  requests: [
    async ({ context, app }, use) => {
      const requests: RecordedRequest[] = [];
      await context.route(
        (url) => !isLoopback(url.toString()),
        (route) => route.abort('blockedbyclient'),
      );
      context.on('request', (request: Request) => {
        let frameUrl = '';
        try {
          frameUrl = request.frame().url();
        } catch {
          // Not attached to a frame (e.g. a service worker): nothing to attribute.
        }
        requests.push({ url: request.url(), frameUrl, navigation: request.isNavigationRequest() });
      });
      await use(requests);
      const thirdParty = requests.filter((r) => !isLoopback(r.url) && !r.frameUrl.startsWith(`${app.issuer}/`));
      expect(thirdParty, 'requests off 127.0.0.1 from the app or the callback page').toEqual([]);
    },
    { auto: true },
  ],

  // Each visit of /callback* reports itself on a BroadcastChannel to the app's pages, which stay
  // open: its URL and opener as it loads, then every URL it replaces its own with, synchronously
  // (the page closes itself 50 ms after its script, and the opener may close it even sooner:
  // too soon for anything that needs a round trip to Playwright). `callbackVisits(page)` reads
  // what an app page heard.
  callbackVisits: [
    async ({ context, app }, use) => {
      await context.addInitScript((appOrigin: string) => {
        if (location.origin !== appOrigin) return;
        const channel = new BroadcastChannel('e2e:callback-visits');
        if (location.pathname.startsWith('/callback')) {
          channel.postMessage({ kind: 'load', path: location.pathname, url: location.href, hasOpener: window.opener !== null });
          const replaceState = history.replaceState.bind(history);
          history.replaceState = (...args: Parameters<History['replaceState']>) => {
            replaceState(...args);
            channel.postMessage({ kind: 'replaceState', url: location.href });
          };
        } else {
          const visits: CallbackVisit[] = [];
          window.__e2eCallbackVisits = visits;
          channel.onmessage = (event: MessageEvent<{ kind: string; url: string; path: string; hasOpener: boolean }>) => {
            const { kind, url, path, hasOpener } = event.data;
            if (kind === 'load') visits.push({ path, before: url, after: url, hasOpener });
            else if (visits.length > 0) visits[visits.length - 1]!.after = url;
          };
        }
      }, app.origin);
      await use((page: Page) => page.evaluate(() => window.__e2eCallbackVisits ?? []));
    },
    { auto: true }, // installed before any page loads, whether or not the test reads it
  ],
});

export { expect };

/** The form's live status line. */
export const status = (page: Page) => page.getByRole('status');

/** The authorization requests (to `<issuer>/auth`) made so far, parsed. */
export function authorizationRequests(requests: RecordedRequest[], issuer: string): URL[] {
  return requests.filter((r) => r.url.startsWith(`${issuer}/auth?`)).map((r) => new URL(r.url));
}

/**
 * Signs in on oidc-provider's dev login page (if it shows: a session may already exist) and
 * lands on its consent page ("Authorize", with a Continue button and a "[ Cancel ]" abort link).
 */
export async function signIn(popup: Page, login = 'alice') {
  const loginField = popup.getByPlaceholder('Enter any login');
  const continueButton = popup.getByRole('button', { name: 'Continue' });
  await expect(loginField.or(continueButton)).toBeVisible();
  if (await loginField.isVisible()) {
    await loginField.fill(login);
    await popup.getByPlaceholder('and password').fill('any password');
    await popup.getByRole('button', { name: 'Sign-in' }).click();
  }
  await expect(popup.getByRole('heading', { name: 'Authorize' })).toBeVisible();
}

/** Signs in and grants consent. */
export async function signInAndConsent(popup: Page, login?: string) {
  await signIn(popup, login);
  await popup.getByRole('button', { name: 'Continue' }).click();
}
