// A click while PKCE is still hashing opens a blank popup inside the gesture and sends it on once
// the challenge exists; only while that flow is still the pending one.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConnectionForm } from '../../src';
import { regionalOAuth2Auth } from '../../stories/fixtures/auth-definitions';
import { deferred } from '../connection-form/render-form';
import { fakePopup, type FakePopup } from './fake-window';
import { HOST_APP, stubWindowOpen, submitButton } from './oauth2-form-kit';

afterEach(() => vi.restoreAllMocks());

/** Holds every SHA-256 until `release()`, so the click lands before PKCE is ready. */
function holdDigests() {
  const digest = crypto.subtle.digest.bind(crypto.subtle);
  const gate = deferred<void>();
  const spy = vi.spyOn(crypto.subtle, 'digest').mockImplementation(async (...args: Parameters<SubtleCrypto['digest']>) => {
    await gate.promise;
    return digest(...args);
  });
  return {
    spy,
    release: () => gate.resolve(),
    /** Every held SHA-256 has run to its end, and what awaited it (the PKCE pair) with it. */
    finished: () =>
      act(async () => {
        await Promise.allSettled(spy.mock.results.map((result) => result.value as Promise<unknown>));
        // Not a wait for "nothing happened": one macrotask turn runs every promise chained on the
        // digests (createPkcePair, then the runner's navigation), however deep; no timer is involved.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }),
  };
}

async function clickBeforePkce(...next: FakePopup[]) {
  const popup = fakePopup();
  const open = stubWindowOpen(popup, ...next);
  // Held from before the form mounts, which is when it starts hashing.
  const digests = holdDigests();
  const user = userEvent.setup();
  render(<ConnectionForm auth={regionalOAuth2Auth} oauth2={HOST_APP} onConnect={() => {}} />);
  await user.type(screen.getByRole('textbox', { name: 'Region' }), 'eu');
  fireEvent.click(submitButton());
  expect(open).toHaveBeenCalledTimes(1);
  expect(open.mock.calls[0]![0]).toBe('about:blank');
  return { popup, open, digests };
}

describe('a popup opened blank while PKCE hashes', () => {
  it('is sent to the sign-in URL once the challenge exists', async () => {
    const { popup, digests } = await clickBeforePkce();
    digests.release();
    // Hashing runs off the JS thread: wait for the navigation itself, not a fixed delay.
    await waitFor(() => expect(popup.location.replace).toHaveBeenCalledTimes(1));
    const url = new URL(popup.location.replace.mock.calls[0]![0]);
    expect(url.hostname).toBe('eu.auth.example.com');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  });

  it('is not sent anywhere once the user cancelled', async () => {
    const next = fakePopup();
    const { popup, open, digests } = await clickBeforePkce(next);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(digests.spy).toHaveBeenCalled();
    // The next click comes while hashing is still held too: a new flow, with a blank popup of its own.
    fireEvent.click(submitButton());
    expect(open).toHaveBeenCalledTimes(2);
    expect(open.mock.calls[1]![0]).toBe('about:blank');
    digests.release();
    // The new flow's popup is sent on (the navigation works in this very test)...
    await waitFor(() => expect(next.location.replace).toHaveBeenCalledTimes(1));
    // ...and once every challenge exists and what awaited it has run, the cancelled flow's never was.
    await digests.finished();
    expect(popup.location.replace).not.toHaveBeenCalled();
    expect(next.location.replace).toHaveBeenCalledTimes(1);
    expect(new URL(next.location.replace.mock.calls[0]![0]).hostname).toBe('eu.auth.example.com');
  });
});
