// A click while PKCE is still hashing opens a blank popup inside the gesture and sends it on once
// the challenge exists; only while that flow is still the pending one.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConnectionForm } from '../../src';
import { regionalOAuth2Auth } from '../../stories/fixtures/auth-definitions';
import { deferred } from '../connection-form/render-form';
import { fakePopup } from './fake-window';
import { HOST_APP, settle, stubWindowOpen, submitButton } from './oauth2-form-kit';

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
        await new Promise((resolve) => setTimeout(resolve, 0));
      }),
  };
}

async function clickBeforePkce() {
  const popup = fakePopup();
  const open = stubWindowOpen(popup);
  // Held from before the form mounts, which is when it starts hashing.
  const digests = holdDigests();
  const user = userEvent.setup();
  render(<ConnectionForm auth={regionalOAuth2Auth} oauth2={HOST_APP} onConnect={() => {}} />);
  await user.type(screen.getByRole('textbox', { name: 'Region' }), 'eu');
  fireEvent.click(submitButton());
  expect(open).toHaveBeenCalledTimes(1);
  expect(open.mock.calls[0]![0]).toBe('about:blank');
  return { popup, digests };
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
    const { popup, digests } = await clickBeforePkce();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(digests.spy).toHaveBeenCalled();
    digests.release();
    // The challenge exists now: a popup that was going to be sent on has been.
    await digests.finished();
    await settle();
    expect(popup.location.replace).not.toHaveBeenCalled();
  });
});
