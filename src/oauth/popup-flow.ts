import { openWindow, popupName, withFlowNonce } from './open-window';
import { createState } from './random';
import { asCallbackMessage, callbackChannelName, carriesTokens, type OAuth2CallbackMessage } from './callback-message';

/**
 * How an authorization attempt ended. Every case is a value, not an exception.
 *
 * @example
 * ```ts
 * const outcome: OAuth2Outcome = await flow.result;
 * switch (outcome.type) {
 *   case 'code':
 *     return api.connect({ code: outcome.code });
 *   case 'denied':
 *     return show('You declined access.');
 *   case 'blocked':
 *     return show('Allow pop-ups for this site, then try again.');
 *   default:
 *     return show(`Sign-in did not finish (${outcome.type}).`);
 * }
 * ```
 */
export type OAuth2Outcome =
  | { type: 'code'; code: string }
  | { type: 'denied'; description?: string | undefined }
  | { type: 'provider-error'; error: string; description?: string | undefined }
  | { type: 'invalid-callback'; reason: string }
  | { type: 'blocked' }
  | { type: 'timeout' }
  | { type: 'cancelled' };

/**
 * Options of {@link waitForOAuth2Callback}.
 *
 * @example
 * ```ts
 * const options: CallbackWaitOptions = {
 *   state,
 *   nonce, // the one the sign-in window was opened with (openSignInTab, openOAuth2Popup)
 *   expectedOrigin: 'https://app.example.com',
 *   timeoutMs: 300_000,
 *   signal: controller.signal,
 * };
 * ```
 */
export interface CallbackWaitOptions {
  /** This flow's `state`; deliveries carrying any other are ignored. */
  state: string;
  /**
   * This flow's nonce (at least 128 bits, e.g. from `createState()`), which its sign-in window
   * was opened with (`openOAuth2Popup`, `openSignInTab`); deliveries without it are ignored, so
   * a callback URL opened anywhere else never completes the flow, even with the right `state`.
   */
  nonce: string;
  /** The exact origin of the redirect page; messages from any other origin are ignored. */
  expectedOrigin: string;
  /** When the provider reports `iss` (RFC 9207), it must equal this. */
  expectedIssuer?: string | undefined;
  /**
   * The provider always sends `iss` (RFC 9207; its metadata says
   * `authorization_response_iss_parameter_supported`): a response without it is refused too.
   * Needs `expectedIssuer`.
   */
  requireIssuer?: boolean | undefined;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /**
   * Called once the popup has read as closed for `closedGraceMs`. Only a hint: a provider's
   * Cross-Origin-Opener-Policy makes `closed` read true while the user is still consenting, so
   * the flow keeps listening until a result, the timeout or a cancel (security note 10).
   */
  onClosedHint?: (() => void) | undefined;
  closedGraceMs?: number | undefined;
  /** The popup to watch and close; none when the user opened the page from a link. */
  popup?: Window | undefined;
  /** For tests. */
  window?: Window | undefined;
}

/**
 * Options of {@link openOAuth2Popup}.
 *
 * @example
 * ```ts
 * const state = createState();
 * const options: PopupFlowOptions = {
 *   url: buildAuthorizationUrl(githubAuth, { clientId, redirectUrl, state, props: {} }),
 *   state,
 *   expectedOrigin: new URL(redirectUrl).origin,
 *   timeoutMs: 300_000,
 *   onClosedHint: () => setHint('Closed the sign-in window? Connect again.'),
 * };
 * ```
 */
export interface PopupFlowOptions extends Omit<CallbackWaitOptions, 'popup' | 'nonce'> {
  /** The flow's nonce (see {@link CallbackWaitOptions.nonce}); a fresh one by default. */
  nonce?: string | undefined;
  /** The authorization URL, already built. */
  url: string;
  /** Window features; a centred 600×700 popup by default. */
  features?: string | undefined;
}

/**
 * A running flow.
 *
 * @example
 * ```ts
 * const flow: PopupFlow = openOAuth2Popup(options);
 * cancelButton.onclick = flow.cancel;
 * const outcome = await flow.result;
 * ```
 */
export interface PopupFlow {
  /** Settles exactly once. */
  result: Promise<OAuth2Outcome>;
  /** Ends the flow as `cancelled` and closes the popup. */
  cancel: () => void;
  /** The popup, while the flow may still need to navigate it. */
  popup?: Window | undefined;
  /** The flow's nonce: give it to {@link openSignInTab} to offer the page in a new tab. */
  nonce: string;
}

/** The longest delay setTimeout holds. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const IMPLICIT_REFUSED = 'The response carried tokens (an implicit-flow response); only the code flow is accepted.';

function outcomeOf(message: OAuth2CallbackMessage, expectedIssuer: string | undefined, requireIssuer: boolean): OAuth2Outcome {
  if (message.iss !== undefined && expectedIssuer !== undefined && message.iss !== expectedIssuer) {
    return { type: 'invalid-callback', reason: 'The response came from an unexpected issuer.' };
  }
  // A mix-up attacker's response carries no iss, or another one (RFC 9207 §2.4).
  if (message.iss === undefined && requireIssuer) {
    return { type: 'invalid-callback', reason: 'The response did not say which issuer sent it (no iss), and this provider always does.' };
  }
  if (message.error === 'access_denied') return { type: 'denied', description: message.error_description };
  if (message.error) return { type: 'provider-error', error: message.error, description: message.error_description };
  if (!message.code) return { type: 'invalid-callback', reason: 'The response carried no authorization code.' };
  return { type: 'code', code: message.code };
}

/**
 * Opens the authorization popup and waits for its result. Call it synchronously inside the
 * click handler: browsers only allow `window.open` during the user's gesture. A blocked popup
 * settles as `blocked` at once, with no listener left behind.
 *
 * @example
 * ```ts
 * button.addEventListener('click', async () => {
 *   const flow = openOAuth2Popup(options); // synchronously, inside the click
 *   const outcome = await flow.result;
 *   if (outcome.type === 'code') await api.connect({ code: outcome.code });
 * });
 * ```
 */
export function openOAuth2Popup(options: PopupFlowOptions): PopupFlow {
  const win = options.window ?? window;
  const nonce = options.nonce ?? createState();
  const popup = openWindow(options.url, popupName(), nonce, win, options.features);
  if (!popup) return { result: Promise.resolve({ type: 'blocked' }), cancel: () => {}, nonce };
  return waitForOAuth2Callback({ ...options, nonce, popup });
}

/**
 * Opens the sign-in page in a new tab, carrying the flow's nonce: the fallback once a popup was
 * blocked. Call it inside a click. The tab is opened *with* an opener, as the popup is: a
 * `noopener` tab gets no copy of this page's sessionStorage, so it could not prove that this form
 * opened it, and a callback that cannot prove it is never accepted (docs/security.md). Returns
 * the tab, or undefined if the browser refused it.
 *
 * @example
 * ```ts
 * const flow = openOAuth2Popup(options);
 * if ((await flow.result).type === 'blocked') {
 *   const listening = waitForOAuth2Callback({ ...options, nonce: flow.nonce });
 *   newTabButton.onclick = () => openSignInTab(options.url, flow.nonce);
 *   const outcome = await listening.result;
 * }
 * ```
 */
export function openSignInTab(url: string, nonce: string, win: Window = window): Window | undefined {
  let tab: Window | null = null;
  try {
    tab = withFlowNonce(win, nonce, () => win.open(url, '_blank'));
  } catch {
    tab = null;
  }
  return tab ?? undefined;
}

/**
 * Waits for the redirect page's delivery of one `state`. The result is accepted only from the
 * exact expected origin (or the per-state BroadcastChannel), with the kit's tag and this flow's
 * `state`; the first delivery wins and every listener, timer and channel goes with it
 * (security notes 2, 9, 11).
 *
 * @example
 * ```ts
 * // The popup was blocked: listen, and open the page in a new tab from a click (openSignInTab).
 * const flow = waitForOAuth2Callback({ state, nonce, expectedOrigin: new URL(redirectUrl).origin, timeoutMs: 300_000 });
 * const outcome = await flow.result;
 * ```
 */
export function waitForOAuth2Callback(options: CallbackWaitOptions): PopupFlow {
  const win = options.window ?? window;
  if (options.requireIssuer && !options.expectedIssuer) {
    throw new TypeError('waitForOAuth2Callback: requireIssuer needs expectedIssuer, the issuer every response must name.');
  }
  if (typeof options.nonce !== 'string' || options.nonce.length < 22) {
    throw new TypeError(
      "waitForOAuth2Callback: nonce must be the flow's random nonce (at least 128 bits, e.g. createState()), the one its sign-in window was opened with.",
    );
  }
  const opened = options.popup;
  let settle!: (outcome: OAuth2Outcome) => void;
  const result = new Promise<OAuth2Outcome>((resolve) => {
    settle = resolve;
  });
  let done = false;
  let closedSince: number | undefined;
  let hinted = false;
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(callbackChannelName(options.state));

  const finish = (outcome: OAuth2Outcome) => {
    if (done) return;
    done = true;
    win.removeEventListener('message', onMessage);
    channel?.close();
    clearTimeout(timeout);
    clearInterval(poll);
    options.signal?.removeEventListener('abort', onAbort);
    if (opened && outcome.type !== 'code' && !opened.closed) {
      try {
        opened.close();
      } catch {
        // Cross-origin COOP pages may refuse; nothing more to do.
      }
    }
    settle(outcome);
  };
  const deliver = (data: unknown) => {
    const message = asCallbackMessage(data);
    // Reject on state and nonce before reading anything else (security note 2): the nonce proves
    // the delivery comes from the window this flow opened, not from its URL opened elsewhere.
    if (!message || message.state !== options.state || message.nonce !== options.nonce) return;
    // Tokens in the response mean an implicit flow, which this client never asked for.
    if (carriesTokens(data)) return finish({ type: 'invalid-callback', reason: IMPLICIT_REFUSED });
    finish(outcomeOf(message, options.expectedIssuer, options.requireIssuer === true));
  };
  const onMessage = (event: MessageEvent) => {
    if (event.origin === options.expectedOrigin) deliver(event.data);
  };
  const onAbort = () => finish({ type: 'cancelled' });

  win.addEventListener('message', onMessage);
  if (channel) channel.onmessage = (event) => deliver(event.data);
  // A delay above 2^31 - 1 ms overflows setTimeout and fires at once: clamp it (about 24.8 days).
  const timeout = setTimeout(() => finish({ type: 'timeout' }), Math.min(options.timeoutMs, MAX_TIMER_MS));
  const grace = options.closedGraceMs ?? 1500;
  const poll = setInterval(() => {
    if (!opened?.closed) {
      closedSince = undefined;
      return;
    }
    closedSince ??= Date.now();
    if (!hinted && Date.now() - closedSince >= grace) {
      hinted = true;
      options.onClosedHint?.();
    }
  }, 250);
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort);

  return { result, cancel: () => finish({ type: 'cancelled' }), popup: opened, nonce: options.nonce };
}
