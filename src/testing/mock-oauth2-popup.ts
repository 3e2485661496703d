import { CALLBACK_MESSAGE_TAG } from '../oauth/callback-message';

/** A stand-in for the OAuth2 popup, returned by {@link mockOAuth2Popup}. */
export interface MockOAuth2Popup {
  /** The authorization URL of the latest `window.open` call. */
  url: () => URL;
  /** The pending flow's `state`. */
  state: () => string;
  /** Delivers a code for the pending state, as the redirect page would. */
  approve: (code?: string) => void;
  /** Delivers `error=access_denied`. */
  deny: (description?: string) => void;
  /** Delivers another provider error. */
  fail: (error: string, description?: string) => void;
  /** Marks the popup closed by the user. */
  close: () => void;
  /** Puts `window.open` back. */
  restore: () => void;
}

/**
 * Replaces `window.open` for a host's own tests: the form's Connect click "opens" a fake popup,
 * and the test completes or fails the flow as the provider and the redirect page would.
 * `blocked: true` makes `window.open` return null, as a popup blocker does.
 *
 * @example
 * ```ts
 * const popup = mockOAuth2Popup();
 * await user.click(screen.getByRole('button', { name: 'Connect' }));
 * popup.approve('the-code');
 * expect(await screen.findByText('Connected.')).toBeInTheDocument();
 * popup.restore();
 * ```
 */
export function mockOAuth2Popup(options: { blocked?: boolean } = {}): MockOAuth2Popup {
  const original = window.open;
  let last: URL | undefined;
  const fake = { closed: false, close() { fake.closed = true; }, location: { replace(u: string) { last = new URL(u); } } };
  window.open = ((url?: string | URL) => {
    last = new URL(String(url), window.location.href);
    fake.closed = false;
    return options.blocked ? null : (fake as unknown as Window);
  }) as typeof window.open;
  const url = () => {
    if (!last) throw new Error('mockOAuth2Popup: no popup has been opened yet.');
    return last;
  };
  const state = () => url().searchParams.get('state') ?? '';
  const deliver = (data: Record<string, string | undefined>) => {
    const origin = new URL(url().searchParams.get('redirect_uri') ?? window.location.href).origin;
    window.dispatchEvent(new MessageEvent('message', { origin, data: { tag: CALLBACK_MESSAGE_TAG, state: state(), ...data } }));
  };
  return {
    url,
    state,
    approve: (code = 'test-code') => deliver({ code }),
    deny: (description) => deliver({ error: 'access_denied', error_description: description }),
    fail: (error, description) => deliver({ error, error_description: description }),
    close: () => {
      fake.closed = true;
    },
    restore: () => {
      window.open = original;
    },
  };
}
