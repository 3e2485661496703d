// Test doubles for the OAuth2 popup flow: a popup, an opener window and callback messages.
import type { Mock } from 'vitest';
import { CALLBACK_MESSAGE_TAG, callbackChannelName } from '../../src/oauth/callback-message';

/** The redirect page's origin in every test. */
export const ORIGIN = 'http://127.0.0.1:5555';
export const REDIRECT_URL = `${ORIGIN}/cb`;

export interface FakePopup {
  closed: boolean;
  close: Mock<() => void>;
  location: { replace: Mock<(url: string) => void> };
}

/** A popup as `window.open` returns it: `close()` makes `closed` read true. */
export function fakePopup(): FakePopup {
  const popup: FakePopup = {
    closed: false,
    close: vi.fn(() => {
      popup.closed = true;
    }),
    location: { replace: vi.fn() },
  };
  return popup;
}

/** A callback message in the kit's shape. */
export function callback(state: string, fields: Record<string, unknown> = {}) {
  return { tag: CALLBACK_MESSAGE_TAG, state, ...fields };
}

/**
 * An opener window: a real EventTarget with `open` stubbed, and spies on its listeners.
 * `messageListeners()` counts the 'message' listeners still attached.
 */
export function fakeWindow(popup: FakePopup | null) {
  const win = Object.assign(new EventTarget(), {
    open: vi.fn((_url?: string, _name?: string, _features?: string) => popup),
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
