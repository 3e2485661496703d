import { openOAuth2Popup, openSignInTab, waitForOAuth2Callback, type PopupFlowOptions } from '../../src/oauth/popup-flow';
import { FLOW_NONCE_KEY, callbackChannelName } from '../../src/oauth/callback-message';
import { ORIGIN, PENDING, broadcast, callback, fakePopup, fakeWindow, settled, flowNonce } from './fake-window';

const STATE = 'state-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const URL_ = `https://auth.example.com/oauth/authorize?state=${STATE}`;

function start(options: Partial<PopupFlowOptions> & { popupBlocked?: boolean } = {}) {
  const popup = fakePopup();
  const fake = fakeWindow(options.popupBlocked ? null : popup);
  const flow = openOAuth2Popup({
    url: URL_,
    state: STATE,
    expectedOrigin: ORIGIN,
    timeoutMs: 60_000,
    window: fake.asWindow,
    ...options,
  });
  return { ...fake, popup, flow };
}

afterEach(() => {
  // Spies first: one set on a fake setTimeout would otherwise put the fake back.
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('opening the popup', () => {
  it('opens the exact URL once, as a centred 600×700 popup named after the flow', () => {
    const { win, flow } = start();
    expect(win.open).toHaveBeenCalledTimes(1);
    const [url, name, features] = win.open.mock.calls[0]!;
    expect(url).toBe(URL_);
    expect(name).toMatch(/^ck-oauth2-/);
    expect(features).toContain('width=600');
    expect(features).toContain('height=700');
    expect(features).toContain('left=500');
    expect(features).toContain('top=150');
    flow.cancel();
  });
});

describe('a flow waiting for its callback', () => {
  it('settles with the code from a message with the expected origin, tag and state', async () => {
    const { post, flow } = start();
    post(callback(STATE, { code: 'abc' }));
    await expect(flow.result).resolves.toEqual({ type: 'code', code: 'abc' });
  });

  it.each([
    ['another origin', 'https://evil.example'],
    ['the opaque origin', 'null'],
    ['another port', 'http://127.0.0.1:55555'],
    ['https instead of http', 'https://127.0.0.1:5555'],
    ['no origin', ''],
  ])('ignores a message from %s', async (_, origin) => {
    const { post, flow } = start();
    post(callback(STATE, { code: 'forged' }), origin);
    expect(await settled(flow.result)).toBe(PENDING);
    post(callback(STATE, { code: 'real' }));
    await expect(flow.result).resolves.toEqual({ type: 'code', code: 'real' });
  });

  it.each([
    ['no tag', { state: STATE, code: 'x' }],
    ['another tag', { tag: 'someone-else', state: STATE, code: 'x' }],
    ['a string', `connection-kit:oauth2-callback ${STATE} x`],
    ['null', null],
    ['no state', { tag: 'connection-kit:oauth2-callback', code: 'x' }],
    ['a numeric state', { tag: 'connection-kit:oauth2-callback', state: 1, code: 'x' }],
  ])('ignores a message with %s', async (_, data) => {
    const { post, flow } = start();
    post(data);
    expect(await settled(flow.result)).toBe(PENDING);
    flow.cancel();
  });

  it.each([
    ['another flow', 'state-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'],
    ['a prefix of it', STATE.slice(0, -1)],
    ['it plus a suffix', `${STATE}x`],
    ['an empty string', ''],
  ])("ignores a callback carrying %s's state, even an error", async (_, state) => {
    const { post, flow } = start();
    post(callback(state, { code: 'x' }));
    post(callback(state, { error: 'access_denied' }));
    expect(await settled(flow.result)).toBe(PENDING);
    flow.cancel();
  });

  it('settles once: the first delivery wins and a replay is ignored', async () => {
    const { post, flow, remove } = start();
    post(callback(STATE, { code: 'first' }));
    post(callback(STATE, { code: 'second' }));
    post(callback(STATE, { error: 'access_denied' }));
    await expect(flow.result).resolves.toEqual({ type: 'code', code: 'first' });
    expect(remove.mock.calls.filter(([type]) => type === 'message')).toHaveLength(1);
  });

  it('settles as denied, with the description, on access_denied', async () => {
    const { post, flow } = start();
    post(callback(STATE, { error: 'access_denied', error_description: 'The user said no' }));
    await expect(flow.result).resolves.toEqual({ type: 'denied', description: 'The user said no' });
  });

  it('settles as a provider error for any other error, even with a code', async () => {
    const { post, flow } = start();
    post(callback(STATE, { error: 'server_error', error_description: 'Try later', code: 'abc' }));
    await expect(flow.result).resolves.toEqual({ type: 'provider-error', error: 'server_error', description: 'Try later' });
  });

  it('refuses a callback with neither a code nor an error', async () => {
    const { post, flow } = start();
    post(callback(STATE));
    await expect(flow.result).resolves.toMatchObject({ type: 'invalid-callback' });
  });

  it('closes the popup it opened when the flow ends without a code', async () => {
    const { post, flow, popup } = start();
    post(callback(STATE, { error: 'access_denied' }));
    await flow.result;
    expect(popup.close).toHaveBeenCalled();
  });
});

describe('a flow that expects an issuer (RFC 9207)', () => {
  const issuer = 'https://auth.example.com';

  it('refuses a callback from another issuer as invalid, before reading its code', async () => {
    const { post, flow } = start({ expectedIssuer: issuer });
    post(callback(STATE, { code: 'abc', iss: 'https://evil.example' }));
    await expect(flow.result).resolves.toMatchObject({ type: 'invalid-callback', reason: expect.stringMatching(/issuer/) });
  });

  it('refuses an error from another issuer as invalid too', async () => {
    const { post, flow } = start({ expectedIssuer: issuer });
    post(callback(STATE, { error: 'access_denied', iss: 'https://evil.example' }));
    await expect(flow.result).resolves.toMatchObject({ type: 'invalid-callback' });
  });

  it('accepts a callback from the expected issuer', async () => {
    const { post, flow } = start({ expectedIssuer: issuer });
    post(callback(STATE, { code: 'abc', iss: issuer }));
    await expect(flow.result).resolves.toEqual({ type: 'code', code: 'abc' });
  });
});

describe('a flow whose provider always sends iss (requireIssuer, RFC 9207)', () => {
  const issuer = 'https://auth.example.com';

  it('refuses a code without iss, and an error without iss, as invalid', async () => {
    const a = start({ expectedIssuer: issuer, requireIssuer: true });
    a.post(callback(STATE, { code: 'mixed-up' }));
    await expect(a.flow.result).resolves.toMatchObject({ type: 'invalid-callback', reason: expect.stringMatching(/no iss/) });
    const b = start({ expectedIssuer: issuer, requireIssuer: true });
    broadcast(STATE, callback(STATE, { error: 'access_denied' }));
    await expect(b.flow.result).resolves.toMatchObject({ type: 'invalid-callback' });
  });

  it('accepts a callback with the expected iss', async () => {
    const { post, flow } = start({ expectedIssuer: issuer, requireIssuer: true });
    post(callback(STATE, { code: 'abc', iss: issuer }));
    await expect(flow.result).resolves.toEqual({ type: 'code', code: 'abc' });
  });

  it('without requireIssuer, still accepts a response without iss (the provider may not send it)', async () => {
    const { post, flow } = start({ expectedIssuer: issuer });
    post(callback(STATE, { code: 'abc' }));
    await expect(flow.result).resolves.toEqual({ type: 'code', code: 'abc' });
  });

  it('throws a clear error when requireIssuer comes without expectedIssuer', () => {
    const fake = fakeWindow(null);
    expect(() =>
      waitForOAuth2Callback({
        state: STATE,
        nonce: flowNonce(STATE),
        requireIssuer: true,
        expectedOrigin: ORIGIN,
        timeoutMs: 1000,
        window: fake.asWindow,
      }),
    ).toThrow(/requireIssuer needs expectedIssuer/);
  });
});

describe('a callback delivered on the BroadcastChannel', () => {
  it('completes the flow without any window message (COOP cut window.opener)', async () => {
    const { flow } = start();
    broadcast(STATE, callback(STATE, { code: 'via-channel' }));
    await expect(flow.result).resolves.toEqual({ type: 'code', code: 'via-channel' });
  });

  it("is ignored when it carries another state, even on this flow's channel", async () => {
    const { flow } = start();
    const channel = new BroadcastChannel(callbackChannelName(STATE));
    // With this flow's nonce: only the state is wrong.
    channel.postMessage(callback('state-other', { code: 'x', nonce: flow.nonce }));
    channel.close();
    broadcast('state-other', callback('state-other', { code: 'x', nonce: flow.nonce }));
    // The genuine one on the channel after it, so it arrives after it: had the other state's been
    // accepted, it would have been the result (the first delivery wins).
    broadcast(STATE, callback(STATE, { code: 'real' }));
    await expect(flow.result).resolves.toEqual({ type: 'code', code: 'real' });
  });

  it('reaches a flow that only listens (the page was opened from a link)', async () => {
    const fake = fakeWindow(null);
    const flow = waitForOAuth2Callback({
      state: STATE,
      nonce: flowNonce(STATE),
      expectedOrigin: ORIGIN,
      timeoutMs: 60_000,
      window: fake.asWindow,
    });
    broadcast(STATE, callback(STATE, { code: 'from-tab' }));
    await expect(flow.result).resolves.toEqual({ type: 'code', code: 'from-tab' });
    expect(fake.messageListeners()).toBe(0);
  });
});

describe('a blocked popup', () => {
  it('settles as blocked at once, with no listener or timer left', async () => {
    vi.useFakeTimers();
    const { flow, add, messageListeners } = start({ popupBlocked: true });
    await expect(settled(flow.result)).resolves.toEqual({ type: 'blocked' });
    expect(add).not.toHaveBeenCalled();
    expect(messageListeners()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is blocked too when window.open returns a window that is already closed, or throws', async () => {
    const closed = fakePopup();
    closed.closed = true;
    const a = fakeWindow(closed);
    const fromClosed = openOAuth2Popup({ url: URL_, state: STATE, expectedOrigin: ORIGIN, timeoutMs: 1000, window: a.asWindow });
    const b = fakeWindow(null);
    b.win.open.mockImplementation(() => {
      throw new Error('SecurityError');
    });
    const fromThrow = openOAuth2Popup({ url: URL_, state: STATE, expectedOrigin: ORIGIN, timeoutMs: 1000, window: b.asWindow });
    await expect(fromClosed.result).resolves.toEqual({ type: 'blocked' });
    await expect(fromThrow.result).resolves.toEqual({ type: 'blocked' });
    expect(a.messageListeners() + b.messageListeners()).toBe(0);
  });
});

describe('a flow that runs out of time', () => {
  it.each([2 ** 31 + 5_000, Infinity])(
    'holds a timeoutMs of %s (clamped to 2^31 - 1 ms) instead of timing out at once',
    async (timeoutMs) => {
      // Fake timeouts (they overflow a delay above 2^31 - 1 to 1 ms, as Node and browsers do); the
      // closed-popup poll stays a real interval, or the clock would step through 8.6 million of them.
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const timers = vi.spyOn(globalThis, 'setTimeout');
      const { flow } = start({ timeoutMs });
      expect(timers.mock.calls.map(([, ms]) => ms)).toContain(2 ** 31 - 1);
      expect(timers.mock.calls.every(([, ms]) => (ms ?? 0) <= 2 ** 31 - 1)).toBe(true);
      // An overflowed timer would have fired after 1 ms; the clamped one waits its 2^31 - 1 ms.
      vi.advanceTimersByTime(2 ** 31 - 2);
      expect(await settled(flow.result)).toBe(PENDING);
      vi.advanceTimersByTime(1);
      expect(await settled(flow.result)).toEqual({ type: 'timeout' });
    },
  );

  it('settles as timeout after timeoutMs and not before', async () => {
    vi.useFakeTimers();
    const { flow } = start({ timeoutMs: 5_000 });
    vi.advanceTimersByTime(4_999);
    expect(await settled(flow.result)).toBe(PENDING);
    vi.advanceTimersByTime(1);
    expect(await settled(flow.result)).toEqual({ type: 'timeout' });
  });

  it('leaves no timer, listener or open popup, and ignores a late callback', async () => {
    vi.useFakeTimers();
    const close = vi.spyOn(BroadcastChannel.prototype, 'close');
    const { flow, popup, post, messageListeners } = start({ timeoutMs: 5_000 });
    vi.advanceTimersByTime(5_000);
    await flow.result;
    expect(vi.getTimerCount()).toBe(0);
    expect(messageListeners()).toBe(0);
    expect(close).toHaveBeenCalled();
    expect(popup.close).toHaveBeenCalled();
    post(callback(STATE, { code: 'late' }));
    await expect(flow.result).resolves.toEqual({ type: 'timeout' });
  });
});

describe('a flow that is aborted or cancelled', () => {
  it('settles as cancelled when its AbortSignal aborts, and forgets its listeners', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const removeAbort = vi.spyOn(controller.signal, 'removeEventListener');
    const { flow, popup, messageListeners } = start({ signal: controller.signal });
    controller.abort();
    await expect(flow.result).resolves.toEqual({ type: 'cancelled' });
    expect(messageListeners()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(removeAbort).toHaveBeenCalledWith('abort', expect.any(Function));
    expect(popup.closed).toBe(true);
  });

  it('settles as cancelled at once when the signal was already aborted', async () => {
    vi.useFakeTimers();
    const { flow, messageListeners } = start({ signal: AbortSignal.abort() });
    expect(await settled(flow.result)).toEqual({ type: 'cancelled' });
    expect(messageListeners()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('settles as cancelled on cancel(), closes the popup and ignores the callback that follows', async () => {
    const { flow, popup, post } = start();
    flow.cancel();
    post(callback(STATE, { code: 'after-cancel' }));
    await expect(flow.result).resolves.toEqual({ type: 'cancelled' });
    expect(popup.close).toHaveBeenCalled();
  });
});

describe('a flow that settled with a code', () => {
  it('leaves no listener, timer, channel or abort listener behind', async () => {
    vi.useFakeTimers();
    const close = vi.spyOn(BroadcastChannel.prototype, 'close');
    const controller = new AbortController();
    const removeAbort = vi.spyOn(controller.signal, 'removeEventListener');
    const { flow, post, messageListeners } = start({ signal: controller.signal });
    expect(messageListeners()).toBe(1);
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    post(callback(STATE, { code: 'abc' }));
    await flow.result;
    expect(messageListeners()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(close).toHaveBeenCalledTimes(1);
    expect(removeAbort).toHaveBeenCalledWith('abort', expect.any(Function));
  });
});

describe('a popup that reads as closed', () => {
  it('hints once after the grace period, and the flow keeps waiting for a late delivery', async () => {
    vi.useFakeTimers();
    const onClosedHint = vi.fn();
    const { flow, popup, post } = start({ onClosedHint, closedGraceMs: 1_500 });
    vi.advanceTimersByTime(1_000);
    popup.closed = true; // COOP makes `closed` read true while the user is still consenting
    vi.advanceTimersByTime(1_000);
    expect(onClosedHint).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onClosedHint).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(onClosedHint).toHaveBeenCalledTimes(1);
    expect(await settled(flow.result)).toBe(PENDING);
    post(callback(STATE, { code: 'late' }));
    await expect(flow.result).resolves.toEqual({ type: 'code', code: 'late' });
  });

  it('does not hint when the popup reads closed only briefly', async () => {
    vi.useFakeTimers();
    const onClosedHint = vi.fn();
    const { flow, popup } = start({ onClosedHint, closedGraceMs: 1_500 });
    popup.closed = true;
    vi.advanceTimersByTime(1_000);
    popup.closed = false;
    vi.advanceTimersByTime(1_000);
    popup.closed = true;
    vi.advanceTimersByTime(1_000);
    expect(onClosedHint).not.toHaveBeenCalled();
    flow.cancel();
  });
});

describe("a flow's nonce", () => {
  it("is written to the opener's sessionStorage for the window.open only, and required of every delivery", async () => {
    const { win, post, flow } = start();
    const nonce = flow.nonce;
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(win.sessionStorage.getItem(FLOW_NONCE_KEY)).toBeNull();
    post(callback(STATE, { code: 'no-nonce', nonce: undefined }));
    post(callback(STATE, { code: 'wrong-nonce', nonce: `${nonce}x` }));
    // Window messages are handled synchronously: the flow is still waiting after them.
    expect(await settled(flow.result)).toBe(PENDING);
    broadcast(STATE, callback(STATE, { code: 'wrong-nonce', nonce: nonce.toUpperCase() }));
    // The genuine one on the channel after the forged one, so it arrives after it: had that been
    // accepted, it would have been the result.
    broadcast(STATE, callback(STATE, { code: 'real', nonce }));
    await expect(flow.result).resolves.toEqual({ type: 'code', code: 'real' });
  });

  it('must be given to waitForOAuth2Callback: a missing or short one throws a clear error', () => {
    const fake = fakeWindow(null);
    for (const nonce of [undefined, '', 'short']) {
      expect(() =>
        waitForOAuth2Callback({ state: STATE, nonce: nonce as string, expectedOrigin: ORIGIN, timeoutMs: 1000, window: fake.asWindow }),
      ).toThrow(/nonce must be the flow's random nonce/);
    }
    expect(fake.messageListeners()).toBe(0);
  });

  it('travels to the new tab openSignInTab opens: a tab (no features) with an opener, the nonce in storage just for the open', () => {
    const tab = fakePopup();
    const fake = fakeWindow(tab);
    let during: string | null = null;
    fake.win.open.mockImplementation(() => {
      during = fake.win.sessionStorage.getItem(FLOW_NONCE_KEY);
      return tab;
    });
    expect(openSignInTab(URL_, 'the-flow-nonce-0123456789abc', fake.asWindow)).toBe(tab);
    expect(fake.win.open).toHaveBeenCalledWith(URL_, '_blank');
    expect(during).toBe('the-flow-nonce-0123456789abc');
    expect(fake.win.sessionStorage.getItem(FLOW_NONCE_KEY)).toBeNull();
  });
});
