import { CALLBACK_MESSAGE_TAG, FLOW_NONCE_KEY, callbackChannelName, type OAuth2CallbackMessage } from './callback-message';

/**
 * Options of {@link completeOAuth2Redirect}.
 *
 * @example
 * ```ts
 * // A redirect page on auth.example.com for a form on app.example.com, left open to show a message:
 * const options: CompleteOAuth2RedirectOptions = { targetOrigin: 'https://app.example.com', close: false };
 * completeOAuth2Redirect(options);
 * ```
 */
export interface CompleteOAuth2RedirectOptions {
  /**
   * The origin of the page that opened the popup. Defaults to this page's own origin: the
   * redirect page is normally served by the same app as the form. Must be an absolute http(s)
   * origin such as `https://app.example.com` (no path, no trailing slash); anything else,
   * `"*"` included, throws.
   */
  targetOrigin?: string | undefined;
  /** Close the popup once the result is delivered. Default true. */
  close?: boolean | undefined;
  /** For tests: the window to read and post from. */
  window?: Window | undefined;
}

/**
 * What {@link completeOAuth2Redirect} did.
 *
 * @example
 * ```ts
 * const result: CompleteOAuth2RedirectResult = completeOAuth2Redirect();
 * if (!result.delivered) document.body.textContent = result.reason;
 * ```
 */
export type CompleteOAuth2RedirectResult = { delivered: true; state: string } | { delivered: false; reason: string };

/**
 * Call this on the page your OAuth2 `redirectUrl` points to. It reads `code`, `state`, `iss`,
 * `error` and `error_description` from the query, removes them from the address bar and
 * history, and delivers them to the form that opened the popup — by `postMessage` to the opener
 * with an exact target origin or, only when there is no opener (a provider's
 * Cross-Origin-Opener-Policy severed it), on a `BroadcastChannel` named after `state`. Each
 * delivery carries the flow's nonce from this window's sessionStorage (FLOW_NONCE_KEY): a page
 * without it (its URL opened from a link, by another site, in another tab) delivers nothing, and
 * neither does a page shown inside a frame.
 *
 * @example
 * ```ts
 * // oauth-callback.ts, loaded by https://app.example.com/oauth/callback
 * import { completeOAuth2Redirect } from 'connection-kit/oauth2';
 * completeOAuth2Redirect();
 * ```
 */
export function completeOAuth2Redirect(options: CompleteOAuth2RedirectOptions = {}): CompleteOAuth2RedirectResult {
  const win = options.window ?? window;
  // Checked first, before the page is touched: a wrong value is a set-up mistake to fix, and
  // "*" would hand the code to whatever page opened this one.
  if (options.targetOrigin !== undefined) checkTargetOrigin(options.targetOrigin);
  const url = new URL(win.location.href);
  // Copies: `url.searchParams` is live and is emptied by the strip below.
  const query = new URLSearchParams(url.search);
  const hash = new URLSearchParams(url.hash.slice(1));
  // An implicit-flow response carries its state in the fragment (RFC 6749 §4.2.2): read it
  // there too, so the form hears the refusal below instead of waiting for its timeout.
  const state = query.get('state') ?? hash.get('state');
  // Strip the code and state from the URL before anything else can read or log it.
  url.search = '';
  url.hash = '';
  win.history.replaceState(null, '', url.toString());

  // Framed (by any page, of any origin): a page that frames this one chose its URL, so nothing
  // it carries may reach a form (and clickjacking is no way to complete a sign-in).
  if (isFramed(win))
    return { delivered: false, reason: 'The callback page is shown inside a frame; it only works as the sign-in window itself.' };
  if (!state) return { delivered: false, reason: 'The callback URL has no state parameter.' };
  // The flow's nonce, in this window's copy of the opener's sessionStorage: only the window the
  // form opened has it. Read once and removed, so a reload or a later page cannot reuse it.
  const nonce = takeNonce(win);
  if (!nonce) {
    return {
      delivered: false,
      reason:
        'This page was not opened by the sign-in window of a connection form (it may have been opened from a link). Start again from the form.',
    };
  }
  const message: OAuth2CallbackMessage = { tag: CALLBACK_MESSAGE_TAG, state, nonce };
  for (const key of ['code', 'iss', 'error', 'error_description'] as const) {
    const value = query.get(key);
    if (value !== null) message[key] = value;
  }
  // An implicit-flow response (tokens in the fragment) is never passed on (security note 6).
  if (hash.has('access_token') || hash.has('id_token') || query.has('access_token') || query.has('id_token')) {
    delete message.code;
    message.error = 'unsupported_response_type';
    message.error_description = 'The provider returned tokens in the redirect; only the code flow is accepted.';
  }

  const targetOrigin = options.targetOrigin ?? win.location.origin;
  // With an opener, only the opener hears the result (postMessage with an exact target origin:
  // an opener on another origin hears nothing). The channel is only for a window whose opener a
  // Cross-Origin-Opener-Policy severed, as oidc-client-ts does.
  if (win.opener) {
    try {
      win.opener.postMessage(message, targetOrigin);
    } catch {
      // A closed or unreachable opener: nothing to deliver to.
    }
  } else if (typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(callbackChannelName(state));
    channel.postMessage(message);
    channel.close();
  }
  if (options.close !== false) setTimeout(() => win.close(), 50);
  return { delivered: true, state };
}

/** The flow's nonce from this window's sessionStorage, removed; undefined if there is none. */
function takeNonce(win: Window): string | undefined {
  try {
    const nonce = win.sessionStorage.getItem(FLOW_NONCE_KEY);
    win.sessionStorage.removeItem(FLOW_NONCE_KEY);
    return nonce || undefined;
  } catch {
    return undefined;
  }
}

/** Throws unless `value` is exactly an http(s) origin (what `new URL(value).origin` gives back). */
function checkTargetOrigin(value: unknown): void {
  let origin: string | undefined;
  try {
    const url = new URL(String(value));
    if (url.protocol === 'https:' || url.protocol === 'http:') origin = url.origin;
  } catch {
    origin = undefined;
  }
  if (typeof value !== 'string' || origin !== value) {
    throw new TypeError(
      `completeOAuth2Redirect: targetOrigin must be the exact origin of the page with the form, such as "https://app.example.com" (scheme, host and port only; no path, no trailing slash, never "*"); got ${JSON.stringify(String(value))}.`,
    );
  }
}

/** Whether this page runs in a frame. A cross-origin `top` still compares by identity. */
function isFramed(win: Window): boolean {
  try {
    return win.top !== win.self;
  } catch {
    return true;
  }
}
