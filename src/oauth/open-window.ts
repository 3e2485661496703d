import { FLOW_NONCE_KEY } from './callback-message';
import { randomBase64Url } from './random';

/** Window features of the sign-in popup: 600×700, centred on the opener. */
function centredFeatures(win: Window): string {
  const width = 600;
  const height = 700;
  const left = Math.max(0, Math.round(win.screenX + (win.outerWidth - width) / 2));
  const top = Math.max(0, Math.round(win.screenY + (win.outerHeight - height) / 2));
  return `popup=yes,width=${width},height=${height},left=${left},top=${top}`;
}

/**
 * A name for a sign-in window: random, so that no page can guess it to navigate the window by
 * name (`window.open(url, name)`), and unrelated to `state`, which every page the window loads
 * could otherwise read from `window.name`.
 */
export function popupName(): string {
  return `ck-oauth2-${randomBase64Url(12)}`;
}

/**
 * Runs `open` with the flow's nonce in `win.sessionStorage`, removed again at once: the window
 * opened meanwhile keeps it in its copy of the opener's sessionStorage (FLOW_NONCE_KEY), nothing
 * else does. Storage that throws (disabled by the user) carries no nonce: the window then
 * cannot deliver, and the flow ends by its timeout or Cancel.
 */
export function withFlowNonce<T>(win: Window, nonce: string, open: () => T): T {
  let storage: Storage | undefined;
  try {
    storage = win.sessionStorage;
    storage.setItem(FLOW_NONCE_KEY, nonce);
  } catch {
    storage = undefined;
  }
  try {
    return open();
  } finally {
    try {
      storage?.removeItem(FLOW_NONCE_KEY);
    } catch {
      // Left behind only if storage fails between two calls; the window has its copy anyway.
    }
  }
}

/**
 * `win.open(url, name, features)` as a popup carrying `nonce` (see withFlowNonce); undefined when
 * the browser refused it (a popup blocker: `null`, an exception, or a window closed at once).
 * Only works inside a user gesture.
 */
export function openWindow(
  url: string,
  name: string,
  nonce: string,
  win: Window = window,
  features = centredFeatures(win),
): Window | undefined {
  let popup: Window | null = null;
  try {
    popup = withFlowNonce(win, nonce, () => win.open(url, name, features));
  } catch {
    popup = null;
  }
  return popup && !popup.closed ? popup : undefined;
}
