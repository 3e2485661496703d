// The kit's OAuth2 popup flow, end to end: Debian's Chromium, the test app (the kit's
// <ConnectionForm> built from src/), the kit's ready-made callback page, and a real
// authorization server (oidc-provider) whose token endpoint checks PKCE.
import type { Page } from '@playwright/test';
import { authorizationRequests, expect, signIn, signInAndConsent, status, test, type AppInfo } from './fixtures';

const TAG = 'connection-kit:oauth2-callback';
const channelName = (state: string) => `connection-kit:oauth2:${state}`;

/** base64url(SHA-256(ASCII(verifier))): the S256 challenge (RFC 7636 §4.2), with Web Crypto. */
async function s256(verifier: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return btoa(String.fromCharCode(...digest))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

const WAITING = 'Waiting for you to finish signing in, in the popup window…';

/** Status lines of a flow still under way (the "seems to be closed" hint included: still listening). */
const PENDING = /^(Waiting for you to finish signing in|Finishing sign-in|Checking connection|The sign-in window seems to be closed)/;

/**
 * Waits until the flow has settled, then checks how: a wrong outcome fails at once with the
 * status the user actually sees, instead of after the whole expect timeout.
 */
async function expectOutcome(page: Page, expected: string | RegExp) {
  await expect(status(page)).not.toHaveText(PENDING);
  await expect(status(page)).toHaveText(expected, { timeout: 1500 });
}

/** The connection value the form emitted (what the host's onConnect received). */
type Emitted = Record<string, unknown> & { props?: Record<string, unknown>; data?: Record<string, unknown> };
const emitted = (page: Page) => page.evaluate(() => window.__connected as Emitted | undefined);

/** Opens the test app and starts the flow: returns the popup and the authorization request. */
async function startFlow(page: Page, app: AppInfo, requests: Parameters<typeof authorizationRequests>[0]) {
  const before = authorizationRequests(requests, app.issuer).length;
  const popupEvent = page.waitForEvent('popup');
  await page.getByRole('button', { name: /^(Connect|Try again|Reconnect)$/ }).click();
  const popup = await popupEvent;
  await expect.poll(() => authorizationRequests(requests, app.issuer).length).toBe(before + 1);
  const authRequest = authorizationRequests(requests, app.issuer)[before]!;
  return { popup, authRequest, state: authRequest.searchParams.get('state')! };
}

test('1. connects with PKCE S256: popup sign-in and consent, real token exchange', async ({
  page,
  app,
  requests,
  callbackVisits,
  request,
}) => {
  await page.goto(app.url());
  await page.getByLabel('Workspace').fill('acme');
  const { popup, authRequest, state } = await startFlow(page, app, requests);
  await expect(status(page)).toHaveText(WAITING);

  // The authorization request: code flow, exact redirect URI, 256-bit state, S256 challenge.
  const q = authRequest.searchParams;
  expect(q.get('response_type')).toBe('code');
  expect(q.get('client_id')).toBe(app.clientId);
  expect(q.get('redirect_uri')).toBe(`${app.origin}/callback`);
  expect(q.get('scope')).toBe('openid');
  expect(state).toMatch(/^[A-Za-z0-9_-]{43,}$/);
  expect(q.get('code_challenge_method')).toBe('S256');
  expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(q.has('code_verifier')).toBe(false);

  // Listen to what reaches the app window, and on the flow's BroadcastChannel, to see exactly
  // what the callback page delivers, and where.
  await page.evaluate(
    ({ name, tag }) => {
      const w = window as unknown as { __heard: unknown[]; __onChannel: unknown[] };
      const heard: unknown[] = [];
      w.__heard = heard;
      const onChannel: unknown[] = [];
      w.__onChannel = onChannel;
      window.addEventListener('message', (event) => {
        if ((event.data as { tag?: unknown } | null)?.tag === tag) heard.push({ origin: event.origin, ...event.data });
      });
      new BroadcastChannel(name).onmessage = (event) => onChannel.push(event.data);
    },
    { name: channelName(state), tag: TAG },
  );
  const closed = popup.waitForEvent('close');
  await signInAndConsent(popup);
  await closed;

  // The callback page got the code, state and iss, stripped them from its URL before anything
  // else, loaded nothing (no request came from it), and delivered all three.
  await expect.poll(async () => (await callbackVisits(page)).length).toBe(1);
  const [visit] = await callbackVisits(page);
  const redirected = new URL(visit!.before);
  expect(redirected.pathname).toBe('/callback');
  expect(redirected.searchParams.get('state')).toBe(state);
  const code = redirected.searchParams.get('code');
  expect(code).toBeTruthy();
  expect(redirected.searchParams.get('iss')).toBe(app.issuer);
  expect(visit!.after).toBe(`${app.origin}/callback`);
  expect(visit!.hasOpener).toBe(true);
  const fromCallback = requests.filter((r) => r.frameUrl.startsWith(`${app.origin}/callback`) && !r.navigation);
  expect(fromCallback).toEqual([]);
  type Heard = { origin: string; nonce: string } & Record<string, unknown>;
  const heard = () => page.evaluate(() => (window as unknown as { __heard: Heard[] }).__heard);
  await expect.poll(async () => (await heard()).length).toBeGreaterThan(0);
  // Issue 12: with an opener, by postMessage to it only (no longer also on the channel), with
  // the flow's nonce, which the popup had in its copy of the opener's sessionStorage.
  expect(await heard(), 'what the callback page delivered').toEqual([
    { origin: app.origin, tag: TAG, state, nonce: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), code, iss: app.issuer },
  ]);
  expect(await page.evaluate(() => (window as unknown as { __onChannel: unknown[] }).__onChannel), 'nothing on the channel').toEqual([]);
  const [{ nonce }] = (await heard()) as [Heard];
  expect(
    requests.filter((r) => r.url.includes(nonce)),
    'the nonce is in no URL',
  ).toEqual([]);
  expect(await page.content(), 'the nonce is not in the page').not.toContain(nonce);
  expect(await page.evaluate(() => Object.keys(sessionStorage)), 'the nonce was only in sessionStorage for the window.open').toEqual([]);

  await expectOutcome(page, 'Connected.');
  const value = await emitted(page);
  expect(value).toMatchObject({
    type: 'PLATFORM_OAUTH2',
    client_id: app.clientId,
    redirect_url: `${app.origin}/callback`,
    scope: 'openid',
    props: { workspace: 'acme' },
    token_type: 'Bearer',
  });
  expect(value).not.toHaveProperty('client_secret');
  const verifier = String(value!.code_challenge);
  expect(verifier, 'the PKCE verifier, handed to the host').toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
  expect(await s256(verifier), 'S256(verifier) equals the code_challenge sent').toBe(q.get('code_challenge'));
  expect(value!.code).toBe(code);
  expect(typeof value!.access_token).toBe('string');
  expect(String(value!.access_token).length).toBeGreaterThan(20);
  // The verifier never travelled in a URL (security note 4).
  expect(requests.filter((r) => r.url.includes(verifier))).toEqual([]);

  // The access token is real: the provider's userinfo endpoint accepts it.
  const userinfo = await request.get(`${app.issuer}/me`, {
    headers: { authorization: `Bearer ${String(value!.access_token)}` },
  });
  expect(userinfo.status()).toBe(200);
  expect(await userinfo.json()).toMatchObject({ sub: 'alice' });

  // A replayed callback (same state, code and nonce) is processed at most once: it goes first,
  // then a second genuine flow; exactly two exchanges and emissions follow, the replay's code
  // not among the second's (a replay accepted would have been handled before the new flow began).
  await page.evaluate(
    ({ message, name }) => {
      window.postMessage(message, location.origin);
      const channel = new BroadcastChannel(name);
      channel.postMessage(message);
      channel.close();
    },
    { message: { tag: TAG, state, nonce, code: value!.code, iss: app.issuer }, name: channelName(state) },
  );
  await expect(status(page), 'a replay changes nothing').toHaveText('Connected.');
  const second = await startFlow(page, app, requests);
  expect(second.state).not.toBe(state);
  await signInAndConsent(second.popup);
  await expect.poll(() => page.evaluate(() => window.__connectCount)).toBe(2);
  await expectOutcome(page, 'Connected.');
  const exchanged = await page.evaluate(() => window.__exchanges?.map((e) => e.code));
  expect(exchanged).toHaveLength(2);
  expect(exchanged![0]).toBe(value!.code);
  expect(exchanged![1]).not.toBe(value!.code);
  expect(String((await emitted(page))!.code)).toBe(exchanged![1]);
});

test('1b. the token endpoint refuses a wrong PKCE verifier (the check is real)', async ({ page, app, requests }) => {
  await page.goto(app.url({ tamperVerifier: 1 }));
  const { popup } = await startFlow(page, app, requests);
  await signInAndConsent(popup);
  await expectOutcome(page, /^Signing in could not be completed\. Reason: .*invalid_grant/);
  expect(await emitted(page)).toBeUndefined();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('2. denying consent shows "Access was denied" and keeps the form values', async ({ page, app, requests }) => {
  await page.goto(app.url());
  await page.getByLabel('Workspace').fill('acme');
  const { popup } = await startFlow(page, app, requests);
  await signIn(popup);
  // oidc-provider's dev consent page: "[ Cancel ]" aborts the interaction -> error=access_denied.
  const closed = popup.waitForEvent('close');
  await popup.getByRole('link', { name: '[ Cancel ]' }).click();
  await closed;
  await expectOutcome(page, /^Access was denied\. Reason: End-User aborted interaction\./);
  await expect(page.getByLabel('Workspace')).toHaveValue('acme');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  expect(await emitted(page)).toBeUndefined();
  expect(await page.evaluate(() => window.__exchanges)).toBeUndefined();
});

test('3. closing the popup shows "seems to be closed" after the grace period; Cancel ends the flow', async ({ page, app, requests }) => {
  await page.goto(app.url());
  const { popup, state } = await startFlow(page, app, requests);
  await expect(status(page)).toHaveText(WAITING);
  await popup.close();
  await expect(status(page)).toContainText('The sign-in window seems to be closed.');
  // Still pending (closed is only a hint): Cancel is offered and ends it.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(status(page)).toHaveText('');
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  // A new attempt is a new flow with a new state.
  const again = await startFlow(page, app, requests);
  expect(again.state).not.toBe(state);
  await expect(status(page)).toHaveText(WAITING);
  await again.popup.close();
});

// Changed in issue 12: the fallback was a link whose href held the authorization URL (state and
// challenge in the DOM), opened noopener, whose callback delivered on the BroadcastChannel to
// anyone who knew the state. It is a button now: its click opens a tab with an opener, which
// carries the flow's nonce like the popup does.
test('4. a blocked popup offers Try again and a new-tab button; signing in from the tab connects', async ({
  page,
  context,
  app,
  requests,
  callbackVisits,
}) => {
  // The popup blocker refuses the first window.open (the popup) only.
  await page.addInitScript(() => {
    const open = window.open.bind(window);
    let calls = 0;
    window.open = (...args: Parameters<typeof window.open>) => (++calls === 1 ? null : open(...args));
  });
  await page.goto(app.url());
  await page.getByLabel('Workspace').fill('acme');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(status(page)).toContainText('The browser blocked the sign-in window');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.getByRole('link', { name: /sign-in page/ })).toHaveCount(0);
  const html = await page.content();
  expect(html).not.toContain(`${app.issuer}/auth`);
  expect(html).not.toContain('code_challenge');

  const tabEvent = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Open the sign-in page in a new tab' }).click();
  const tab = await tabEvent;
  await expect.poll(() => authorizationRequests(requests, app.issuer).length).toBe(1);
  const sent = authorizationRequests(requests, app.issuer)[0]!;
  expect(sent.searchParams.get('code_challenge_method')).toBe('S256');
  await signInAndConsent(tab);
  await expectOutcome(page, 'Connected.');
  const value = await emitted(page);
  expect(value).toMatchObject({ type: 'PLATFORM_OAUTH2', props: { workspace: 'acme' } });
  expect(String(value!.code_challenge).length).toBeGreaterThanOrEqual(43);
  expect(typeof value!.access_token).toBe('string');
  await expect
    .poll(() => callbackVisits(page))
    .toEqual([expect.objectContaining({ path: '/callback', hasOpener: true, after: `${app.origin}/callback` })]);
});

test('4b. after a blocked popup, "Try again" opens the popup inside its own click', async ({ page, app, requests }) => {
  // window.open returns null the first time only, as when the user then allows popups.
  await page.addInitScript(() => {
    const open = window.open.bind(window);
    let calls = 0;
    window.open = (...args: Parameters<typeof window.open>) => {
      calls += 1;
      (window as unknown as { __openCalls: number }).__openCalls = calls;
      return calls === 1 ? null : open(...args);
    };
  });
  await page.goto(app.url());
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(status(page)).toContainText('The browser blocked the sign-in window');
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __openCalls: number }).__openCalls), {
      message: '"Try again" must call window.open again (security note 8: a retry inside a fresh click)',
      timeout: 3000,
    })
    .toBe(2);
  // Wait for the popup itself: it reaches the context's page list a moment after window.open.
  const popup = await popupOpened;
  await signInAndConsent(popup);
  await expectOutcome(page, 'Connected.');
  expect(authorizationRequests(requests, app.issuer)).toHaveLength(1);
});

test('5. a callback page with COOP same-origin still delivers (BroadcastChannel)', async ({ page, app, requests, callbackVisits }) => {
  await page.goto(app.url({ redirect: 'callback-coop' }));
  const { popup, authRequest } = await startFlow(page, app, requests);
  expect(authRequest.searchParams.get('redirect_uri')).toBe(`${app.origin}/callback-coop`);
  await signInAndConsent(popup);
  await expectOutcome(page, 'Connected.');
  const value = await emitted(page);
  expect(value).toMatchObject({ type: 'PLATFORM_OAUTH2', redirect_url: `${app.origin}/callback-coop` });
  expect(typeof value!.access_token).toBe('string');
  // COOP really severed the opener: only the BroadcastChannel could have delivered.
  await expect
    .poll(() => callbackVisits(page))
    .toEqual([expect.objectContaining({ path: '/callback-coop', hasOpener: false, after: `${app.origin}/callback-coop` })]);
});

test("5b. a provider whose pages are served with COOP same-origin: the popup's copy of sessionStorage keeps the nonce, the channel delivers", async ({
  page,
  app,
  requests,
  callbackVisits,
}) => {
  await page.goto(app.url({ providerCoop: 1 }));
  const { popup, authRequest } = await startFlow(page, app, requests);
  expect(authRequest.searchParams.get('e2e_coop')).toBe('1');
  await signInAndConsent(popup);
  await expectOutcome(page, 'Connected.');
  const value = await emitted(page);
  expect(value).toMatchObject({ type: 'PLATFORM_OAUTH2', redirect_url: `${app.origin}/callback` });
  expect(typeof value!.access_token).toBe('string');
  // The provider's COOP severed the opener (and cleared window.name) on the way: only the channel
  // could have delivered, with the nonce that survived in the popup's sessionStorage.
  await expect
    .poll(() => callbackVisits(page))
    .toEqual([expect.objectContaining({ path: '/callback', hasOpener: false, after: `${app.origin}/callback` })]);
});

test('6. forged messages (other origins, wrong state, no tag) are ignored; the real one connects', async ({ page, app, requests }) => {
  await page.goto(app.url());
  const { popup, state } = await startFlow(page, app, requests);
  await expect(popup.getByPlaceholder('Enter any login')).toBeVisible();

  // A page on another origin, framed in the app, that even knows the right state.
  await page.evaluate(
    (src) =>
      new Promise<void>((resolve) => {
        const frame = document.createElement('iframe');
        frame.title = 'another origin';
        frame.src = src;
        frame.onload = () => resolve();
        document.body.append(frame);
      }),
    `${app.otherOrigin}/other.html`,
  );
  const other = page.frame({ url: `${app.otherOrigin}/other.html` })!;
  const forged = { tag: TAG, state, code: 'forged-code', iss: app.issuer };
  await other.evaluate(
    ({ message, name }) => {
      window.parent.postMessage(message, '*');
      const channel = new BroadcastChannel(name);
      channel.postMessage(message);
      channel.close();
    },
    { message: forged, name: channelName(state) },
  );
  // The provider's page in the popup (another origin) posting to its opener.
  await popup.evaluate((message) => window.opener.postMessage(message, '*'), { ...forged, code: 'forged-by-popup' });
  // The app's own origin, with a guessed state, and with the right state but without the tag.
  await page.evaluate(
    ({ tag, state }) => {
      window.postMessage({ tag, state: 'guessed-state-guessed-state-guessed-state-00', code: 'forged-guess' }, location.origin);
      window.postMessage({ state, code: 'forged-untagged' }, location.origin);
    },
    { tag: TAG, state },
  );
  // No wait for 'nothing happened': each forgery was dispatched before the genuine callback
  // below, so one that got through would be exchanged first; the end checks the only exchange
  // and emission are the genuine code's.
  await expect(status(page)).toHaveText(WAITING);
  expect(await page.evaluate(() => window.__exchanges)).toBeUndefined();
  expect(await emitted(page)).toBeUndefined();

  // The real completion still works.
  await signInAndConsent(popup);
  await expectOutcome(page, 'Connected.');
  const value = await emitted(page);
  expect(String(value!.code)).not.toMatch(/^forged/);
  expect(await page.evaluate(() => window.__exchanges?.map((e) => e.code))).toEqual([value!.code]);
});

test('7. a flow that is not completed in time shows "took too long"; Try again starts afresh', async ({ page, app, requests }) => {
  await page.goto(app.url({ timeoutMs: 3000 }));
  const { popup, state } = await startFlow(page, app, requests);
  await expect(status(page)).toHaveText(WAITING);
  const closed = popup.waitForEvent('close');
  await expectOutcome(page, 'Signing in took too long. Try again.');
  await closed; // the kit closes the popup it opened
  const again = await startFlow(page, app, requests);
  expect(again.state).not.toBe(state);
  await expect(status(page)).toHaveText(WAITING);
  await again.popup.close();
});
