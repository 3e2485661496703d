// Issue 12 item 8: a timeout longer than a timer can take (2^31 - 1 ms) used to overflow
// setTimeout and fire at once; NaN and 0 fired at once for the OAuth2 flow too. Each is now
// clamped or read as documented (validateTimeoutMs: 0 / NaN / Infinity = never; oauth2.timeoutMs:
// clamped, NaN / 0 / negative = the default 5 minutes).
import { act, fireEvent, screen } from '@testing-library/react';
import { PieceAuth, type ValidationResult } from '../../src';
import { defaultMessages } from '../../src/messages/messages';
import { apiKeyAuth, plainOAuth2Auth } from '../../stories/fixtures/auth-definitions';
import { REDIRECT_URL, fakePopup } from '../oauth/fake-window';
import { formStatus, pkceReady, renderOAuth2Form, stubWindowOpen, submitButton } from '../oauth/oauth2-form-kit';
import { connectButton, deferred, renderForm } from './render-form';

afterEach(() => {
  // The spy first: it is set on the fake setTimeout, which restoring it after would put back.
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * From here on setTimeout and clearTimeout are fake (promises, React's scheduler and the popup's
 * closed poll stay real), with their delays recorded. A fake timer, like Node's and a browser's,
 * overflows a delay above 2^31 - 1 ms to 1 ms: an unclamped timer fires at the first advance.
 * Call it once the user has typed (user-event waits on setTimeout) and submit with fireEvent.
 */
function fakeTimeouts() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const spy = vi.spyOn(window, 'setTimeout');
  return () => spy.mock.calls.map(([, ms]) => ms).filter((ms): ms is number => typeof ms === 'number');
}

/** Moves the fake clock on by `ms`, running each timer due and the promises it sets off. */
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe.each([2 ** 31, 2 ** 40, Number.MAX_SAFE_INTEGER, Infinity, NaN, 0, -5])('validateTimeoutMs %s', (validateTimeoutMs) => {
  it('never times out at once: the form keeps checking, and no timer longer than 2^31 - 1 ms is set', async () => {
    const pending = deferred<ValidationResult>();
    const auth = PieceAuth.SecretText({ ...apiKeyAuth, validate: () => pending.promise });
    const { user } = renderForm(auth, { validateTimeoutMs });
    await user.type(screen.getByLabelText('API Key'), 'sk-1');
    const delays = fakeTimeouts();
    fireEvent.click(connectButton());
    // One ms short of the longest timer: an overflowed one would have fired long ago.
    await advance(MAX_TIMER_MS - 1);
    expect(screen.getByRole('status')).toHaveTextContent('Checking connection…');
    expect(delays().every((ms) => ms <= MAX_TIMER_MS)).toBe(true);
    // A finite timeout above it is clamped to it and ends the check there; 0, NaN, a negative
    // number and Infinity mean no timeout at all.
    await advance(1);
    const clamped = Number.isFinite(validateTimeoutMs) && validateTimeoutMs > 0;
    expect(screen.getByRole('status')).toHaveTextContent(clamped ? defaultMessages.validateTimeout : 'Checking connection…');
  });
});

describe.each([2 ** 31, 2 ** 40, Infinity, NaN, 0, -1])('oauth2.timeoutMs %s', (timeoutMs) => {
  it('keeps the flow waiting (no instant timeout), and still ends it with a timer a browser can set', async () => {
    stubWindowOpen(fakePopup());
    renderOAuth2Form(plainOAuth2Auth, { oauth2: { clientId: 'c', redirectUrl: REDIRECT_URL, timeoutMs } });
    await pkceReady();
    const delays = fakeTimeouts();
    fireEvent.click(submitButton());
    const expected = timeoutMs > 0 ? MAX_TIMER_MS : 300_000;
    // One ms short of the flow's timeout: an overflowed timer would have fired long ago.
    await advance(expected - 1);
    expect(formStatus()).toHaveTextContent(/Waiting for you to finish signing in/);
    const flowTimer = Math.max(...delays());
    expect(flowTimer).toBeLessThanOrEqual(MAX_TIMER_MS);
    expect(flowTimer).toBe(expected);
    // And the flow does end, at its timeout.
    await advance(1);
    expect(formStatus()).toHaveTextContent(defaultMessages.oauthTimeout);
  });
});
