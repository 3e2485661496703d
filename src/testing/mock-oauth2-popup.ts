import { getConfig } from '@testing-library/dom';
import { CALLBACK_MESSAGE_TAG, FLOW_NONCE_KEY } from '../oauth/callback-message';

/**
 * A stand-in for the OAuth2 popup, returned by {@link mockOAuth2Popup}.
 *
 * @example
 * ```tsx
 * const popup: MockOAuth2Popup = mockOAuth2Popup();
 * await submitConnectionForm();
 * expect(popup.url().searchParams.get('code_challenge_method')).toBe('S256');
 * await popup.approve('the-code');
 * popup.restore();
 * ```
 */
export interface MockOAuth2Popup {
  /**
   * The URL the form opened last (throws if it opened none). When the click came before PKCE
   * was ready, the form opens the popup blank and sends it on a moment later: after
   * `submitConnectionForm()` (which waits for that) this is the authorization URL; after a
   * click of your own, await {@link MockOAuth2Popup.authorizationUrl} instead.
   */
  url: () => URL;
  /** The authorization URL, waiting for a popup opened blank to be sent there. */
  authorizationUrl: () => Promise<URL>;
  /** The pending flow's `state`: the `state` parameter of {@link MockOAuth2Popup.url}. */
  state: () => string;
  /** How many times the form called `window.open` (a blocked call counts too). */
  opened: () => number;
  /** Whether the popup is closed: by {@link MockOAuth2Popup.close}, or by the form after a failure. */
  closed: () => boolean;
  /**
   * The provider approved: delivers `code` (default `'test-code'`) with the pending `state` and
   * the flow's nonce (what the last `window.open` found in sessionStorage, as a real popup's copy
   * holds it) from the redirect URL's origin, as the redirect page does. `iss` adds RFC 9207's
   * issuer.
   */
  approve: (code?: string, options?: { iss?: string | undefined }) => Promise<void>;
  /** The user refused at the provider: delivers `error=access_denied`, with an optional description. */
  deny: (description?: string) => Promise<void>;
  /** Any other provider error (`invalid_scope`, `server_error`, ...), with an optional description. */
  fail: (error: string, description?: string) => Promise<void>;
  /**
   * The user closed the popup. The form notices within about two seconds (it waits that long in
   * case a provider's Cross-Origin-Opener-Policy only made the popup look closed).
   */
  close: () => void;
  /** Puts the original `window.open` back. */
  restore: () => void;
}

/**
 * Replaces `window.open` so that an OAuth2 `<ConnectionForm>` can be tested without a provider:
 * the Connect click "opens" a fake popup (or, with `blocked: true`, is refused as by a popup
 * blocker), and the test then approves, denies or fails the flow as the provider and the
 * redirect page would. Each result is posted to the window for the pending `state`, from the
 * origin of the `redirect_uri` in the authorization URL, so the form accepts it as a real one.
 *
 * Deliveries run inside Testing Library's async wrapper (React's `act` with
 * `@testing-library/react`); await them. Call `restore()` when the test ends.
 *
 * @example
 * ```tsx
 * const popup = mockOAuth2Popup();
 * const connection = captureConnection<ConnectionValue<typeof githubAuth>>();
 * render(<ConnectionForm auth={githubAuth} oauth2={{ clientId: 'cid', redirectUrl }} onConnect={connection.onConnect} />);
 * await submitConnectionForm();
 * expect(popup.url().searchParams.get('client_id')).toBe('cid');
 * await popup.approve('the-code');
 * expect(await connection.value()).toMatchObject({ type: 'PLATFORM_OAUTH2', code: 'the-code' });
 * popup.restore();
 * ```
 *
 * @example
 * ```tsx
 * const popup = mockOAuth2Popup();
 * render(<ConnectionForm auth={githubAuth} oauth2={{ clientId: 'cid', redirectUrl }} onConnect={save} />);
 * await submitConnectionForm();
 * await popup.deny('The user said no');
 * expect(await screen.findByText(/Access was denied/)).toBeInTheDocument();
 * expect(save).not.toHaveBeenCalled();
 * popup.restore();
 * ```
 */
export function mockOAuth2Popup(options: { blocked?: boolean | undefined } = {}): MockOAuth2Popup {
  const original = window.open;
  let last: URL | undefined;
  // The flow's nonce, as the real popup gets it: in its copy of sessionStorage at window.open.
  let nonce: string | null = null;
  let calls = 0;
  const navigated = new Set<() => void>();
  const fake = {
    closed: false,
    close() {
      fake.closed = true;
    },
    // The form opens the popup blank when PKCE is not ready at the click, and sends it on.
    location: {
      replace(u: string | URL) {
        last = new URL(String(u), window.location.href);
        for (const done of [...navigated]) done();
      },
    },
  };
  window.open = ((url?: string | URL) => {
    calls += 1;
    last = new URL(String(url ?? 'about:blank'), window.location.href);
    nonce = window.sessionStorage.getItem(FLOW_NONCE_KEY);
    fake.closed = false;
    return options.blocked ? null : (fake as unknown as Window);
  }) as typeof window.open;

  const url = () => {
    if (!last) throw new Error('mockOAuth2Popup: the form has not opened a popup yet (submit the form first).');
    return last;
  };
  /** The authorization URL, once a popup opened blank has been sent there (no timers: fake ones are fine). */
  const authorizationUrl = async (): Promise<URL> => {
    if (url().href !== 'about:blank') return url();
    if (options.blocked) {
      throw new Error(
        "mockOAuth2Popup: the blocked popup was opened blank (PKCE was not ready at the click), so it has no URL; click the form's 'Open the sign-in page in a new tab' button to open it.",
      );
    }
    await getConfig().asyncWrapper(
      () =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => {
            navigated.delete(done);
            reject(new Error('mockOAuth2Popup: the popup was opened blank and never sent to the authorization URL.'));
          }, 5000);
          const done = () => {
            clearTimeout(timer);
            navigated.delete(done);
            resolve();
          };
          navigated.add(done);
        }),
    );
    return url();
  };
  const deliver = async (data: Record<string, string | undefined>) => {
    const sent = await authorizationUrl();
    const redirect = sent.searchParams.get('redirect_uri');
    if (!redirect) throw new Error(`mockOAuth2Popup: the popup's URL has no redirect_uri: ${sent.href}`);
    const message = { tag: CALLBACK_MESSAGE_TAG, state: sent.searchParams.get('state') ?? '', nonce: nonce ?? '', ...data };
    // The window's own constructor: where jsdom's globals were copied onto Node's, the global
    // MessageEvent may be Node's, which jsdom's dispatchEvent refuses.
    const event = new window.MessageEvent('message', { origin: new URL(redirect).origin, data: message });
    const config = getConfig();
    // As user-event does: the event inside `act`, the updates after it awaited.
    await config.asyncWrapper(async () => {
      config.eventWrapper(() => {
        window.dispatchEvent(event);
      });
    });
  };
  // submitConnectionForm waits, after its click, for a popup opened blank to be sent on.
  const settle = async () => {
    if (last?.href === 'about:blank' && !options.blocked) await authorizationUrl();
  };
  mockedPopups.add(settle);
  return {
    url,
    authorizationUrl,
    state: () => url().searchParams.get('state') ?? '',
    opened: () => calls,
    closed: () => fake.closed,
    approve: (code = 'test-code', more = {}) => deliver({ code, ...(more.iss === undefined ? {} : { iss: more.iss }) }),
    deny: (description) => deliver({ error: 'access_denied', error_description: description }),
    fail: (error, description) => deliver({ error, error_description: description }),
    close: () => {
      fake.closed = true;
    },
    restore: () => {
      window.open = original;
      mockedPopups.delete(settle);
    },
  };
}

/** The mocks in place, each waiting for its popup to leave about:blank. */
const mockedPopups = new Set<() => Promise<void>>();

/** For submitConnectionForm: lets every mocked popup opened blank by the click reach its URL. */
export async function settleMockedPopups(): Promise<void> {
  for (const settle of [...mockedPopups]) await settle();
}
