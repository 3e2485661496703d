// Issue 12 item 8: a timeout longer than a timer can take (2^31 - 1 ms) used to overflow
// setTimeout and fire at once; NaN and 0 fired at once for the OAuth2 flow too. Each is now
// clamped or read as documented (validateTimeoutMs: 0 / NaN / Infinity = never; oauth2.timeoutMs:
// clamped, NaN / 0 / negative = the default 5 minutes).
import { act, screen } from '@testing-library/react';
import { PieceAuth, type ValidationResult } from '../../src';
import { apiKeyAuth, plainOAuth2Auth } from '../../stories/fixtures/auth-definitions';
import { REDIRECT_URL, fakePopup } from '../oauth/fake-window';
import { formStatus, pkceReady, renderOAuth2Form, stubWindowOpen, submitButton } from '../oauth/oauth2-form-kit';
import { connectButton, deferred, renderForm } from './render-form';

afterEach(() => vi.restoreAllMocks());

/** Long enough for an overflowed timer (Node and browsers fire it after ~1 ms) to have fired. */
const turns = () => act(() => new Promise((resolve) => setTimeout(resolve, 60)));

/** The delays the kit passed to setTimeout, as the spy saw them. */
function timerDelays() {
  const spy = vi.spyOn(window, 'setTimeout');
  return () => spy.mock.calls.map(([, ms]) => ms).filter((ms): ms is number => typeof ms === 'number');
}

describe.each([2 ** 31, 2 ** 40, Number.MAX_SAFE_INTEGER, Infinity, NaN, 0, -5])('validateTimeoutMs %s', (validateTimeoutMs) => {
  it('never times out at once: the form keeps checking, and no timer longer than 2^31 - 1 ms is set', async () => {
    const pending = deferred<ValidationResult>();
    const auth = PieceAuth.SecretText({ ...apiKeyAuth, validate: () => pending.promise });
    const delays = timerDelays();
    const { user } = renderForm(auth, { validateTimeoutMs });
    await user.type(screen.getByLabelText('API Key'), 'sk-1');
    await user.click(connectButton());
    await turns();
    expect(screen.getByRole('status')).toHaveTextContent('Checking connection…');
    expect(delays().every((ms) => ms <= 2 ** 31 - 1)).toBe(true);
  });
});

describe.each([2 ** 31, 2 ** 40, Infinity, NaN, 0, -1])('oauth2.timeoutMs %s', (timeoutMs) => {
  it('keeps the flow waiting (no instant timeout), and still ends it with a timer a browser can set', async () => {
    stubWindowOpen(fakePopup());
    const delays = timerDelays();
    const { user } = renderOAuth2Form(plainOAuth2Auth, { oauth2: { clientId: 'c', redirectUrl: REDIRECT_URL, timeoutMs } });
    await pkceReady();
    await user.click(submitButton());
    await turns();
    expect(formStatus()).toHaveTextContent(/Waiting for you to finish signing in/);
    const flowTimer = Math.max(...delays());
    expect(flowTimer).toBeLessThanOrEqual(2 ** 31 - 1);
    expect(flowTimer).toBe(timeoutMs > 0 ? 2 ** 31 - 1 : 300_000);
  });
});
