// Security and accessibility checks that need a real browser (Debian's Chromium): author links
// open without an opener, the ready-made callback page loads nothing and strips the code from
// its URL, and every auth type can be completed with the keyboard alone, with a visible focus
// indicator on every control. The forms come from test/e2e/app/security-app.tsx.
import type { Locator, Page } from '@playwright/test';
import { expect, status, test, type AppInfo } from './fixtures';

const TAG = 'connection-kit:oauth2-callback';

/** The security variant of the test app, showing one auth type. */
const formUrl = (app: AppInfo, auth: string, extra: Record<string, string> = {}) =>
  app.url({ fixture: 'security', auth, other: app.otherOrigin, ...extra });

/** Presses Tab until `target` has focus (so it is reachable by keyboard), at most `max` times. */
async function tabTo(page: Page, target: Locator, max = 25) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${String(target)} was not reached with ${max} presses of Tab`);
}

type Rgba = [number, number, number, number];

function parseColor(color: string): Rgba {
  const m = /rgba?\(([^)]+)\)/.exec(color);
  if (!m) throw new Error(`unexpected colour ${color}`);
  const [r, g, b, a = 1] = m[1]!
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  return [r!, g!, b!, a];
}

/** WCAG relative luminance contrast of two opaque colours. */
function contrast(a: Rgba, b: Rgba): number {
  const lum = ([r, g, bl]: Rgba) => {
    const c = [r, g, bl].map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** How the page's focused element is drawn, and what its focus ring is drawn on. */
function activeElementFocusStyle(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return undefined;
    const s = getComputedStyle(el);
    const inset = parseFloat(s.outlineOffset) < 0;
    let node: Element | null = inset ? el : el.parentElement;
    let background = 'rgb(255, 255, 255)';
    for (; node; node = node.parentElement) {
      const bg = getComputedStyle(node).backgroundColor;
      if (!/rgba\(.*,\s*0\)$/.test(bg) && bg !== 'transparent') {
        background = bg;
        break;
      }
    }
    return {
      element: `${el.tagName.toLowerCase()}#${el.id}[${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''}]`,
      inKit: Boolean(el.closest('.ck-root, .ck-select-content')),
      focusVisible: el.matches(':focus-visible'),
      outlineStyle: s.outlineStyle,
      outlineWidth: parseFloat(s.outlineWidth),
      outlineColor: s.outlineColor,
      boxShadow: s.boxShadow,
      background,
    };
  });
}

type FocusStyle = NonNullable<Awaited<ReturnType<typeof activeElementFocusStyle>>>;

/**
 * A visible focus indicator (WCAG 2.4.7 / 2.4.13): the element matches :focus-visible and has a
 * solid outline of 2px or more, or a box-shadow ring, and the outline contrasts 3:1 with what it
 * is drawn on (the element's own background for an inset outline).
 */
function expectVisibleIndicator(info: FocusStyle) {
  expect(info.focusVisible, `${info.element} matches :focus-visible`).toBe(true);
  const outline = info.outlineStyle !== 'none' && info.outlineStyle !== 'hidden' && info.outlineWidth >= 2;
  expect(outline || info.boxShadow !== 'none', `a visible focus indicator: ${JSON.stringify(info)}`).toBe(true);
  if (outline) {
    const ratio = contrast(parseColor(info.outlineColor), parseColor(info.background));
    expect(ratio, `${info.element}: outline ${info.outlineColor} on ${info.background}`).toBeGreaterThanOrEqual(3);
  }
}

/** `target` has the keyboard focus and shows it. */
async function expectFocusIndicator(target: Locator) {
  await expect(target).toBeFocused();
  const info = await activeElementFocusStyle(target.page());
  expectVisibleIndicator(info!);
}

/**
 * Opens the callback page at `path` in a popup of `page` (blank first, so the e2e init scripts
 * see it load), as the form opens its popup: with a flow nonce in sessionStorage for the
 * window.open only, so the page has one to deliver with.
 */
async function openCallback(page: Page, path: string) {
  const popupEvent = page.waitForEvent('popup');
  await page.evaluate(() => {
    sessionStorage.setItem('connection-kit:oauth2-flow-nonce', 'e2e-nonce-0123456789abcdefghijklmnopqrstuvw');
    (window as unknown as { __cb: Window | null }).__cb = window.open('', 'cb', 'popup');
    sessionStorage.removeItem('connection-kit:oauth2-flow-nonce');
  });
  const popup = await popupEvent;
  const closed = popup.waitForEvent('close'); // it delivers, then closes itself
  await page.evaluate((url) => {
    (window as unknown as { __cb: Window }).__cb.location.href = url;
  }, path);
  await closed;
}

const emitted = (page: Page) => page.evaluate(() => ({ value: window.__connected, count: window.__connectCount ?? 0 }));

// ---------------------------------------------------------------------------------------------

test.describe('author links in markdown help', () => {
  for (const [name, where] of [
    ['other-origin docs', 'another origin'],
    ['our own guide', 'the app’s own origin'],
  ] as const) {
    test(`a link to ${where} opens in a new tab with no window.opener and no referrer`, async ({ page, context, app }) => {
      await page.goto(formUrl(app, 'secret-text'));
      const link = page.getByRole('link', { name });
      await expect(link).toHaveAttribute('target', '_blank');
      await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
      // Keyboard: Tab to the link (its focus ring shows), Enter opens it.
      await tabTo(page, link);
      await expectFocusIndicator(link);
      const opened = context.waitForEvent('page');
      await page.keyboard.press('Enter');
      const tab = await opened;
      await tab.waitForLoadState('domcontentloaded');
      expect(new URL(tab.url()).origin).toBe(where === 'another origin' ? app.otherOrigin : app.origin);
      expect(await tab.evaluate(() => ({ opener: window.opener, referrer: document.referrer }))).toEqual({ opener: null, referrer: '' });
      // The app itself stayed where it was, form and all.
      expect(page.url()).toBe(formUrl(app, 'secret-text'));
      await expect(page.getByRole('button', { name: 'Connect' })).toBeVisible();
      await tab.close();
    });
  }
});

test.describe('the ready-made callback page (dist/oauth2-callback.html)', () => {
  test('is self-contained: one inline script, no external resource, no network API, no referrer', async ({ request, app }) => {
    const html = await (await request.get(`${app.origin}/callback`)).text();
    expect(html.match(/<script\b/gi)).toHaveLength(1);
    expect(html).not.toMatch(/<script[^>]*\bsrc\s*=/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|style|base|source|video|audio)\b/i);
    expect(html).not.toMatch(/@import|\burl\(|\bsrcset\s*=|\bhref\s*=/); // (the script's `new URL(` is no CSS url())
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
    const script = html.slice(html.indexOf('<script>') + 8, html.lastIndexOf('</script>'));
    expect(script).not.toMatch(
      /\bfetch\(|XMLHttpRequest|sendBeacon|WebSocket|EventSource|\bimport\(|importScripts|localStorage|document\.cookie/,
    );
    // Changed in issue 12: sessionStorage is read now, for one key only: the flow's nonce.
    expect(script).toContain('connection-kit:oauth2-flow-nonce');
  });

  test('loads nothing, and strips code, state and iss from its URL before anything else', async ({
    page,
    app,
    requests,
    callbackVisits,
  }) => {
    await page.goto(formUrl(app, 'landing'));
    await openCallback(page, '/callback?code=e2e-code-7f3a&state=e2e-state-1&iss=https%3A%2F%2Fissuer.example');
    await expect.poll(() => callbackVisits(page)).toHaveLength(1);
    const [visit] = await callbackVisits(page);
    expect(new URL(visit!.before).searchParams.get('code')).toBe('e2e-code-7f3a');
    expect(visit!.after).toBe(`${app.origin}/callback`);
    const fromCallback = requests.filter((r) => r.frameUrl.startsWith(`${app.origin}/callback`) && !r.navigation);
    expect(fromCallback).toEqual([]);
    const withCode = requests.filter((r) => r.url.includes('e2e-code-7f3a'));
    expect(
      withCode.map((r) => r.navigation),
      'only its own navigation carried the code',
    ).toEqual([true]);
  });

  test('refuses implicit-flow tokens in the fragment: they are stripped and never passed on', async ({ page, app, callbackVisits }) => {
    await page.goto(formUrl(app, 'landing'));
    await page.evaluate((name) => {
      const heard: unknown[] = [];
      (window as unknown as { __heard: unknown[] }).__heard = heard;
      new BroadcastChannel(name).onmessage = (event) => heard.push(event.data);
      window.addEventListener('message', (event) => heard.push(event.data));
    }, 'connection-kit:oauth2:e2e-state-2');
    await openCallback(page, '/callback#access_token=e2e-token-9c1d&token_type=bearer&state=e2e-state-2');
    await expect.poll(() => callbackVisits(page)).toEqual([expect.objectContaining({ after: `${app.origin}/callback` })]);
    const heard = () => page.evaluate(() => (window as unknown as { __heard: unknown[] }).__heard);
    // Changed in issue 12: once, by postMessage to its opener (it used to broadcast as well).
    await expect.poll(heard).toHaveLength(1);
    // A fixed wait on purpose: a second delivery would come from the callback's own window, and
    // nothing this page can send is ordered after another window's messages, so no event can
    // say "it sent nothing more". Its script posts synchronously, so 300 ms is ample.
    await page.waitForTimeout(300);
    await expect.poll(heard).toHaveLength(1);
    for (const message of await heard()) {
      expect(message).toMatchObject({ tag: TAG, state: 'e2e-state-2', error: 'unsupported_response_type' });
      expect(message).not.toHaveProperty('code');
      expect(JSON.stringify(message)).not.toContain('e2e-token-9c1d');
    }
  });

  // Changed in issue 12: the proof that the page delivered was its broadcast on the channel,
  // which it no longer sends while it has an opener. It now closes itself only once it has
  // delivered, which is the proof; its opener's tab first visited the app so that its
  // sessionStorage copy holds a nonce, the strongest case for an opener on another origin.
  test('posts to its opener only on its own origin: an opener on another origin hears nothing', async ({ page, context, app }) => {
    await page.goto(formUrl(app, 'landing'));
    await page.evaluate((name) => {
      const heard: unknown[] = [];
      (window as unknown as { __heard: unknown[] }).__heard = heard;
      new BroadcastChannel(name).onmessage = (event) => heard.push(event.data);
    }, 'connection-kit:oauth2:e2e-state-3');
    const other = await context.newPage();
    await other.goto(formUrl(app, 'landing'));
    await other.evaluate(() => sessionStorage.setItem('connection-kit:oauth2-flow-nonce', 'e2e-nonce-0123456789abcdefghijklmnopqrstuvw'));
    await other.goto(`${app.otherOrigin}/other.html`);
    await other.evaluate(() => {
      const got: unknown[] = [];
      (window as unknown as { __got: unknown[] }).__got = got;
      window.addEventListener('message', (event) => got.push(event.data));
    });
    const popup = other.waitForEvent('popup');
    await other.evaluate((url) => window.open(url, 'cb', 'popup'), `${app.origin}/callback?code=e2e-code-3&state=e2e-state-3`);
    await (await popup).waitForEvent('close'); // it delivered (to its opener), then closed itself
    // A fixed wait on purpose: what the closed window posted is in flight to another window and
    // origin, and no message from here is ordered after it, so no event marks its absence.
    await other.waitForTimeout(500);
    expect(await other.evaluate(() => (window as unknown as { __got: unknown[] }).__got)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __heard: unknown[] }).__heard), 'nor anyone on the channel').toEqual([]);
  });
});

test.describe('keyboard only', () => {
  test('SecretText: Tab, type, Space and Enter on the reveal toggle, Enter on Connect', async ({ page, app }) => {
    await page.goto(formUrl(app, 'secret-text'));
    const input = page.getByLabel('API Key', { exact: true });
    await tabTo(page, input);
    await expectFocusIndicator(input);
    await page.keyboard.type('sk-e2e-4f1b9c');
    await page.keyboard.press('Tab');
    const toggle = page.getByRole('button', { name: 'Show API Key' });
    await expectFocusIndicator(toggle);
    await page.keyboard.press('Space');
    await expect(input).toHaveAttribute('type', 'text');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Enter');
    await expect(input).toHaveAttribute('type', 'password');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    // A real browser serialises no attribute holding the secret either.
    expect(await page.content()).not.toContain('sk-e2e-4f1b9c');
    const connect = page.getByRole('button', { name: 'Connect' });
    await tabTo(page, connect);
    await expectFocusIndicator(connect);
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveText('Connected.');
    expect(await emitted(page)).toEqual({ value: { type: 'SECRET_TEXT', secret_text: 'sk-e2e-4f1b9c' }, count: 1 });
    expect(await page.content()).not.toContain('sk-e2e-4f1b9c');
  });

  test('BasicAuth: Tab and Shift+Tab between fields, Space on Connect', async ({ page, app }) => {
    await page.goto(formUrl(app, 'basic-auth'));
    const username = page.getByLabel('Username');
    await tabTo(page, username);
    await expectFocusIndicator(username);
    await page.keyboard.type('alice');
    await page.keyboard.press('Tab');
    const password = page.getByLabel('Password', { exact: true });
    await expectFocusIndicator(password);
    await page.keyboard.type('pa55-e2e-word');
    await page.keyboard.press('Shift+Tab');
    await expect(username).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expectFocusIndicator(page.getByRole('button', { name: 'Show Password' }));
    const connect = page.getByRole('button', { name: 'Connect' });
    await tabTo(page, connect);
    await expectFocusIndicator(connect);
    await page.keyboard.press('Space');
    await expect(status(page)).toHaveText('Connected as alice.');
    expect(await emitted(page)).toEqual({ value: { type: 'BASIC_AUTH', username: 'alice', password: 'pa55-e2e-word' }, count: 1 });
  });

  test('CustomAuth: arrows, Escape and Enter in the dropdown, Space on the checkbox, Enter on Connect', async ({ page, app }) => {
    await page.goto(formUrl(app, 'custom-auth'));
    await tabTo(page, page.getByLabel('Host'));
    await page.keyboard.type('db.example.com');
    await page.keyboard.press('Tab');
    await expectFocusIndicator(page.getByLabel('Token', { exact: true }));
    await page.keyboard.type('tok-e2e-77aa');
    const region = page.getByRole('combobox', { name: 'Region' });
    await tabTo(page, region);
    await expectFocusIndicator(region);

    // Open with ArrowDown, move, then Escape: closed, nothing chosen, focus back on the trigger.
    await page.keyboard.press('ArrowDown');
    const listbox = page.getByRole('listbox');
    await expect(listbox).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await expect(listbox).toBeHidden();
    await expect(region).toBeFocused();
    await expect(region).toHaveText(/Pick a region/);
    await expect(region).toHaveAttribute('aria-expanded', 'false');

    // Open with Enter, arrow to "EU West" (its highlight shows), choose it with Enter.
    await page.keyboard.press('Enter');
    await expect(listbox).toBeVisible();
    const eu = page.getByRole('option', { name: 'EU West' });
    for (let i = 0; i < 5 && !(await eu.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
    await expectFocusIndicator(eu);
    await page.keyboard.press('Enter');
    await expect(listbox).toBeHidden();
    await expect(region).toBeFocused();
    await expect(region).toHaveText(/EU West/);

    const ssl = page.getByRole('checkbox', { name: 'Use SSL' });
    await tabTo(page, ssl);
    await expectFocusIndicator(ssl);
    await page.keyboard.press('Space');
    await expect(ssl).toBeChecked();

    const connect = page.getByRole('button', { name: 'Connect' });
    await tabTo(page, connect);
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveText('Connected.');
    expect(await emitted(page)).toEqual({
      value: { type: 'CUSTOM_AUTH', props: { host: 'db.example.com', token: 'tok-e2e-77aa', region: 'eu-west-1', ssl: true } },
      count: 1,
    });
  });

  test('OAuth2: Enter on Connect opens the popup; sign-in and consent by keyboard; connected', async ({ page, app }) => {
    await page.goto(formUrl(app, 'oauth2'));
    const workspace = page.getByLabel('Workspace');
    await tabTo(page, workspace);
    await page.keyboard.type('acme');
    const connect = page.getByRole('button', { name: 'Connect' });
    await tabTo(page, connect);
    await expectFocusIndicator(connect);
    const opened = page.waitForEvent('popup');
    await page.keyboard.press('Enter'); // a key press is a user gesture: the popup may open
    const popup = await opened;
    await expect(status(page)).toHaveText(/^Waiting for you to finish signing in/);
    // Focus stays on the (aria-disabled) button, and Cancel is the next stop.
    await expect(connect).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();

    // The provider's pages, by keyboard too (their fields and button are autofocused).
    const login = popup.getByPlaceholder('Enter any login');
    await expect(login).toBeFocused();
    await popup.keyboard.type('alice');
    await popup.keyboard.press('Tab');
    await popup.keyboard.type('any password');
    await popup.keyboard.press('Enter');
    const consent = popup.getByRole('button', { name: 'Continue' });
    await expect(consent).toBeFocused();
    const closed = popup.waitForEvent('close');
    await popup.keyboard.press('Enter');
    await closed;

    await expect(status(page)).toHaveText('Connected.');
    const { value, count } = await emitted(page);
    expect(count).toBe(1);
    expect(value).toMatchObject({
      type: 'PLATFORM_OAUTH2',
      client_id: app.clientId,
      props: { workspace: 'acme' },
      redirect_url: `${app.origin}/callback`,
    });
    expect(String((value as { code: string }).code).length).toBeGreaterThan(10);
  });
});

test.describe('focus indicators', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`every control of every auth type shows a 3:1 focus indicator when tabbed to (${theme})`, async ({ page, app }) => {
      for (const auth of ['secret-text', 'basic-auth', 'custom-auth', 'oauth2']) {
        await page.goto(formUrl(app, auth, theme === 'dark' ? { theme: 'dark' } : {}));
        await expect(page.getByRole('button', { name: 'Connect' })).toBeVisible();
        // Every control a keyboard user can reach in the form.
        const count = await page.evaluate(
          () =>
            [...document.querySelectorAll('.ck-root *')].filter(
              (el) => (el as HTMLElement).tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
            ).length,
        );
        expect(count).toBeGreaterThan(2);
        const seen = new Set<string>();
        for (let i = 0; i < count + 3; i++) {
          await page.keyboard.press('Tab');
          const info = await activeElementFocusStyle(page);
          if (!info?.inKit) continue;
          seen.add(info.element);
          expectVisibleIndicator(info);
        }
        expect(seen.size, `${auth}: controls reached by Tab`).toBe(count);
      }
    });
  }
});
