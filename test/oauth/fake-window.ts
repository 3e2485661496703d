// Test doubles for the OAuth2 popup flow: a popup, an opener window and callback messages.
import type { Mock } from 'vitest';
import { CALLBACK_MESSAGE_TAG, FLOW_NONCE_KEY, callbackChannelName } from '../../src/oauth/callback-message';

/** The redirect page's origin in every test. */
export const ORIGIN = 'http://127.0.0.1:5555';
export const REDIRECT_URL = `${ORIGIN}/cb`;

export interface FakePopup {
  closed: boolean;
  close: Mock<() => void>;
  location: { replace: Mock<(url: string) => void> };
}

/** The nonce of a flow a test starts with waitForOAuth2Callback itself. */
export const NONCE = 'test-nonce-0123456789abcdefghijklmnopqrstu';

// What a real sign-in window holds: the nonce that was in the opener's sessionStorage at its
// window.open (its copy), for the state of the URL it was opened with or sent to.
const noncesByState = new Map<string, string>();
const nonceOfPopup = new WeakMap<object, string>();

function remember(url: string | URL | undefined, nonce: string) {
  try {
    const state = new URL(String(url)).searchParams.get('state');
    if (state) noncesByState.set(state, nonce);
  } catch {
    // about:blank or no URL: the nonce is tied to the popup, and to its state once it is sent on.
  }
}

/**
 * Call from a `window.open` stand-in: records the nonce the opener's sessionStorage holds at
 * that moment, as the real window's copy would.
 */
export function recordOpen(url: string | URL | undefined, popup: object | null, storage: Storage = window.sessionStorage) {
  const nonce = storage.getItem(FLOW_NONCE_KEY);
  // A blocked window (null) never existed, so it holds no copy.
  if (!nonce || !popup) return;
  remember(url, nonce);
  nonceOfPopup.set(popup, nonce);
}

/** For a flow a test starts itself with waitForOAuth2Callback: its nonce, which callback() then sends. */
export function flowNonce(state: string): string {
  noncesByState.set(state, NONCE);
  return NONCE;
}

/** The nonce the sign-in window of `state` holds (NONCE for flows a test started itself). */
export function nonceFor(state: string): string {
  return noncesByState.get(state) ?? NONCE;
}

/** A popup as `window.open` returns it: `close()` makes `closed` read true. */
export function fakePopup(): FakePopup {
  const popup: FakePopup = {
    closed: false,
    close: vi.fn(() => {
      popup.closed = true;
    }),
    location: {
      replace: vi.fn((url: string) => {
        const nonce = nonceOfPopup.get(popup);
        if (nonce) remember(url, nonce);
      }),
    },
  };
  return popup;
}

/**
 * A callback message in the kit's shape, as the redirect page in the flow's own window sends it:
 * with the nonce that window holds (override `nonce` in `fields` to forge one).
 */
export function callback(state: string, fields: Record<string, unknown> = {}) {
  return { tag: CALLBACK_MESSAGE_TAG, state, nonce: nonceFor(state), ...fields };
}

/** A Storage in memory, for fake windows. */
export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, String(v)),
    removeItem: (k: string) => void items.delete(k),
    clear: () => items.clear(),
  };
}

/**
 * An opener window: a real EventTarget with `open` stubbed, and spies on its listeners.
 * `messageListeners()` counts the 'message' listeners still attached.
 */
export function fakeWindow(popup: FakePopup | null) {
  const sessionStorage = memoryStorage();
  const win = Object.assign(new EventTarget(), {
    sessionStorage,
    open: vi.fn((url?: string, _name?: string, _features?: string) => {
      recordOpen(url, popup, sessionStorage);
      return popup;
    }),
    screenX: 100,
    screenY: 50,
    outerWidth: 1400,
    outerHeight: 900,
    location: { origin: ORIGIN, href: `${ORIGIN}/app` },
  });
  const add = vi.spyOn(win, 'addEventListener');
  const remove = vi.spyOn(win, 'removeEventListener');
  const messageListeners = () => {
    const added = add.mock.calls.filter(([type]) => type === 'message').map(([, fn]) => fn);
    const removed = new Set(remove.mock.calls.filter(([type]) => type === 'message').map(([, fn]) => fn));
    return added.filter((fn) => !removed.has(fn)).length;
  };
  return {
    win,
    /** For the `window` option, which is typed as a real Window. */
    asWindow: win as unknown as Window,
    add,
    remove,
    messageListeners,
    post(data: unknown, origin = ORIGIN) {
      win.dispatchEvent(new MessageEvent('message', { origin, data }));
    },
  };
}

/** Posts `data` on the BroadcastChannel of `state`, as the redirect page does. */
export function broadcast(state: string, data: unknown) {
  const channel = new BroadcastChannel(callbackChannelName(state));
  channel.postMessage(data);
  channel.close();
}

export const PENDING = Symbol('pending');

/** The outcome if `result` has already settled, else PENDING. Works under fake timers. */
export function settled<T>(result: Promise<T>): Promise<T | typeof PENDING> {
  return Promise.race([result, Promise.resolve(PENDING)]);
}
