// A scripted OAuth2 provider for the OAuth2 stories: it stands in for `window.open` and for the
// redirect page, so every story test gets the same outcome in the same order, with no network.
// A story picks the behaviour with `parameters.oauthProvider`; the stories' `beforeEach`
// installs it and its cleanup puts the real `window.open` back.
import { CALLBACK_MESSAGE_TAG, FLOW_NONCE_KEY } from '../../src/oauth2-entry';

/**
 * What the fake provider does once the form opens its popup:
 * - `approve`: the user allows; the redirect page delivers a `code`, then the window closes.
 * - `deny`: the user refuses (`error=access_denied`).
 * - `error`: the provider fails (`temporarily_unavailable`), with a description containing markup.
 * - `wrong-issuer`: a code arrives, but with an `iss` that is not the configured issuer.
 * - `block`: the browser blocks the popup (`window.open` returns null).
 * - `close`: the user closes the window without answering.
 * - `approve-after-close`: the window reads as closed at once (as a provider's
 *   Cross-Origin-Opener-Policy makes it) and the code arrives only when the play function calls
 *   `fakeProvider().respond()` (after seeing the "closed" state: no race with its grace period).
 * - `silent`: the window stays open and nothing ever arrives.
 */
export type FakeProviderBehaviour = 'approve' | 'deny' | 'error' | 'wrong-issuer' | 'block' | 'close' | 'approve-after-close' | 'silent';

/** The code the fake provider issues, and the texts it answers with. */
export const FAKE_CODE = 'fake-code-7f3a9c';
export const DENIED_DESCRIPTION = 'The user clicked Deny.';
export const ERROR_DESCRIPTION = '<img src=x onerror=alert(1)> Maintenance until 10:00 UTC';
const WRONG_ISSUER = 'https://issuer.attacker.example';

// Long enough for the flow to register its listener after `window.open` returns, short enough
// to keep the tests quick.
const ANSWER_DELAY_MS = 60;

interface FakePopup {
  closed: boolean;
  close(): void;
  focus(): void;
  location: { href: string; replace(url: string): void };
}

interface Installed {
  /** Every URL a popup was sent to, the last one being where it is now. */
  urls: string[];
  /** How many times the form called `window.open`. */
  opens: number;
  /** Delivers an answer held back (`approve-after-close`). */
  respond: () => void;
}

let current: Installed | undefined;

/** What the fake provider has seen so far in the current story. */
export function fakeProvider(): Readonly<Installed> {
  if (!current) throw new Error('fakeProvider(): this story has no parameters.oauthProvider.');
  return current;
}

/** The authorization request the popup was last sent to, parsed. */
export function lastAuthorizationRequest(): URL {
  const url = fakeProvider().urls.at(-1);
  if (!url) throw new Error('The form has not opened a popup.');
  return new URL(url);
}

function answer(behaviour: FakeProviderBehaviour, state: string, nonce: string): Record<string, string> | undefined {
  const base = { tag: CALLBACK_MESSAGE_TAG, state, nonce };
  switch (behaviour) {
    case 'approve':
    case 'approve-after-close':
      return { ...base, code: FAKE_CODE };
    case 'wrong-issuer':
      return { ...base, code: FAKE_CODE, iss: WRONG_ISSUER };
    case 'deny':
      return { ...base, error: 'access_denied', error_description: DENIED_DESCRIPTION };
    case 'error':
      return { ...base, error: 'temporarily_unavailable', error_description: ERROR_DESCRIPTION };
    default:
      return undefined;
  }
}

/**
 * A `beforeEach` for the OAuth2 stories: installs the behaviour named by
 * `parameters.oauthProvider` (nothing when it is unset) and returns the cleanup that restores
 * `window.open` and cancels whatever the fake provider still had scheduled.
 */
export function installFakeProvider({ parameters }: { parameters: { oauthProvider?: FakeProviderBehaviour } }) {
  const behaviour = parameters.oauthProvider;
  if (!behaviour) return undefined;
  const win = window;
  const realOpen = win.open;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };
  const installed: Installed = {
    urls: [],
    opens: 0,
    respond: () => {
      throw new Error('The fake provider holds no answer back.');
    },
  };
  current = installed;

  // What the redirect page does: post the result to the opener from the redirect URL's origin.
  // The popup's nonce: what the form's sessionStorage held at window.open (a real popup's copy).
  const nonces = new WeakMap<FakePopup, string>();
  const arrive = (popup: FakePopup, url: string) => {
    installed.urls.push(url);
    popup.location.href = url;
    if (url === 'about:blank') return; // The form sends the popup on once PKCE is ready.
    const request = new URL(url);
    const state = request.searchParams.get('state') ?? '';
    const redirectUri = request.searchParams.get('redirect_uri') ?? '';
    const data = answer(behaviour, state, nonces.get(popup) ?? '');
    if (behaviour === 'close') later(ANSWER_DELAY_MS, () => popup.close());
    // Not inside `window.open` itself: a window that is closed on arrival counts as blocked.
    if (behaviour === 'approve-after-close') later(0, () => (popup.closed = true));
    if (!data) return;
    const deliver = () => {
      win.dispatchEvent(new MessageEvent('message', { data, origin: new URL(redirectUri).origin }));
      popup.closed = true;
    };
    if (behaviour === 'approve-after-close') installed.respond = deliver;
    else later(ANSWER_DELAY_MS, deliver);
  };

  win.open = ((url?: string | URL) => {
    installed.opens += 1;
    if (behaviour === 'block') {
      installed.urls.push(String(url ?? 'about:blank'));
      return null;
    }
    const popup: FakePopup = {
      closed: false,
      close() {
        popup.closed = true;
      },
      focus() {},
      location: { href: 'about:blank', replace: (next) => arrive(popup, next) },
    };
    nonces.set(popup, win.sessionStorage.getItem(FLOW_NONCE_KEY) ?? '');
    arrive(popup, String(url ?? 'about:blank'));
    return popup as unknown as Window;
  }) as typeof window.open;

  return () => {
    for (const timer of timers) clearTimeout(timer);
    win.open = realOpen;
    if (current === installed) current = undefined;
  };
}
