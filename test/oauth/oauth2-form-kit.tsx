// Helpers for driving <ConnectionForm> through the OAuth2 popup flow in jsdom.
import { act, configure, render, screen, waitFor, within, type BoundFunctions, type queries } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockInstance } from 'vitest';
import { ConnectionForm, type AuthInput, type ConnectionFormProps } from '../../src';
import { ORIGIN, REDIRECT_URL, fakePopup, recordOpen, type FakePopup } from './fake-window';

// The flow crosses crypto.subtle and BroadcastChannel, which run outside the JS thread: leave
// room for a loaded machine before a `findBy`/`waitFor` gives up.
configure({ asyncUtilTimeout: 3_000 });

/** The host's set-up with its own app. */
export const HOST_APP = { clientId: 'client-1', redirectUrl: REDIRECT_URL } as const;

/**
 * Stubs `window.open`: each call returns the next of `popups` (the last one repeats).
 * `null` means the browser blocked the popup.
 */
export function stubWindowOpen(...popups: (FakePopup | null)[]) {
  const queue = popups.length ? [...popups] : [fakePopup()];
  return vi.spyOn(window, 'open').mockImplementation((url?: string | URL) => {
    const popup = (queue.length > 1 ? queue.shift() : queue[0]) ?? null;
    recordOpen(url, popup);
    return popup as unknown as Window;
  });
}

const digests: Promise<unknown>[] = [];

/**
 * Records every SHA-256 the kit starts, so {@link pkceReady} can wait for exactly those. Call it
 * before rendering (renderOAuth2Form does); vi.restoreAllMocks() removes it.
 */
export function trackPkce() {
  digests.length = 0;
  const digest = crypto.subtle.digest.bind(crypto.subtle);
  vi.spyOn(crypto.subtle, 'digest').mockImplementation((...args: Parameters<SubtleCrypto['digest']>) => {
    const pending = digest(...args);
    digests.push(pending);
    return pending;
  });
}

/** Renders the form with an `onConnect` spy and a user-event session. */
export function renderOAuth2Form<A extends AuthInput>(auth: A, props: Partial<Omit<ConnectionFormProps<A>, 'auth'>> = {}) {
  trackPkce();
  const user = userEvent.setup();
  const onConnect = vi.fn<ConnectionFormProps<A>['onConnect']>();
  const view = render(<ConnectionForm auth={auth} onConnect={props.onConnect ?? onConnect} {...props} />);
  return { ...view, user, onConnect };
}

type Scope = BoundFunctions<typeof queries>;

/** The form's submit button, by its current label. */
export const submitButton = (name: string | RegExp = 'Connect', scope: Scope = screen) => scope.getByRole('button', { name });

/** The form's live status line (the last status region in `scope`). */
export function formStatus(scope: Scope = screen): HTMLElement {
  const regions = scope.getAllByRole('status');
  return regions[regions.length - 1]!;
}

/** `scope` for the element itself. */
export const inside = (element: HTMLElement) => within(element);

/** The URL `window.open` was called with, on its `call`-th call. */
export function openedUrl(open: MockInstance<typeof window.open>, call = 0): URL {
  const args = open.mock.calls[call];
  if (!args) throw new Error(`window.open was called ${open.mock.calls.length} times, not ${call + 1}`);
  return new URL(String(args[0]));
}

/** The `state` of the `call`-th authorization URL. */
export const openedState = (open: MockInstance<typeof window.open>, call = 0) => openedUrl(open, call).searchParams.get('state')!;

/** Dispatches a `message` event on the window, as the redirect page's postMessage would. */
export function deliver(data: unknown, origin = ORIGIN) {
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { origin, data }));
  });
}

/** Lets every PKCE pair started so far finish hashing (crypto.subtle is asynchronous). */
export async function pkceReady() {
  await act(async () => {
    await Promise.allSettled(digests);
    // Not a wait for "nothing happened": one macrotask turn runs every promise chained on the
    // digests (the pair, then what the kit does with it), however deep; no timer is involved.
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/**
 * The sign-in URL of the `call`-th popup: what `window.open` got, or, when the kit opened
 * `about:blank` because PKCE was still hashing, where it then sent the popup.
 */
export async function signInUrl(open: MockInstance<typeof window.open>, call = 0): Promise<URL> {
  const raw = String(open.mock.calls[call]?.[0]);
  if (raw !== 'about:blank') return openedUrl(open, call);
  const popup = open.mock.results[call]?.value as FakePopup | null;
  if (!popup) throw new Error(`window.open call ${call} opened about:blank and was blocked: no sign-in URL`);
  await waitFor(() => expect(popup.location.replace).toHaveBeenCalled());
  return new URL(popup.location.replace.mock.calls.at(-1)![0]);
}
