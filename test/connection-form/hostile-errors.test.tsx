// Issue 12 item 10: whatever a validate, onConnect or exchange rejects with, the form classifies
// it without throwing: a revoked Proxy (whose prototype cannot be read, so `instanceof` throws),
// an Error whose message getter throws, a Proxy that throws on every trap. The form shows a
// retryable error instead of staying on "Checking connection…" with an unhandled rejection.
import { screen, waitFor } from '@testing-library/react';
import { PieceAuth } from '../../src';
import { redact } from '../../src/connection-form/redact';
import { apiKeyAuth, plainOAuth2Auth } from '../../stories/fixtures/auth-definitions';
import { REDIRECT_URL, callback, fakePopup } from '../oauth/fake-window';
import { deliver, formStatus, pkceReady, renderOAuth2Form, signInUrl, stubWindowOpen, submitButton } from '../oauth/oauth2-form-kit';
import { connectButton, renderForm } from './render-form';

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

const throwingEverywhere = () =>
  new Proxy(
    {},
    new Proxy(
      {},
      {
        get: () => () => {
          throw new Error('trap');
        },
      },
    ),
  );

function messageThrows() {
  const error = new Error('x');
  Object.defineProperty(error, 'message', {
    get() {
      throw new Error('getter');
    },
  });
  return error;
}

const HOSTILE: [string, () => unknown][] = [
  ['a revoked Proxy', revoked],
  ['a Proxy that throws on every trap', throwingEverywhere],
  ['an Error whose message getter throws', messageThrows],
];

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  // A rejection of our own, left unhandled now, after everything the test did: Node reports
  // unhandled rejections in the order they happened, so once ours is reported every earlier one
  // has been too. (While this file listens, Vitest leaves them to it.)
  const sentinel = new Error('the last unhandled rejection');
  void Promise.reject(sentinel);
  await waitFor(() => expect(unhandled).toContain(sentinel));
  process.off('unhandledRejection', onUnhandled);
  vi.restoreAllMocks();
  expect(unhandled).toEqual([sentinel]);
});

describe.each(HOSTILE)('%s', (_, make) => {
  it('rejected by validate: a retryable error, the form filled and usable', async () => {
    const validate = vi.fn(() => Promise.reject(make()));
    const { user, onConnect } = renderForm(PieceAuth.SecretText({ ...apiKeyAuth, validate }));
    await user.type(screen.getByLabelText('API Key'), 'sk-1');
    await user.click(connectButton());
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('The connection could not be checked. Try again.'));
    expect(connectButton()).toBeEnabled();
    expect(screen.getByLabelText('API Key')).toHaveValue('sk-1');
    expect(onConnect).not.toHaveBeenCalled();
    await user.click(connectButton());
    await waitFor(() => expect(validate).toHaveBeenCalledTimes(2));
  });

  it('answered by validate (as its result): an error, not a stuck form', async () => {
    const validate = vi.fn(async () => make() as never);
    const { user } = renderForm(PieceAuth.SecretText({ ...apiKeyAuth, validate }));
    await user.type(screen.getByLabelText('API Key'), 'sk-1');
    await user.click(connectButton());
    await waitFor(() => expect(screen.getByRole('status')).not.toHaveTextContent('Checking connection…'));
    expect(connectButton()).toBeEnabled();
  });

  it('rejected by onConnect: "could not be saved"', async () => {
    const { user } = renderForm(apiKeyAuth, { onConnect: () => Promise.reject(make()) });
    await user.type(screen.getByLabelText('API Key'), 'sk-1');
    await user.click(connectButton());
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('The connection could not be saved. Try again.'));
  });

  it('rejected by the host’s OAuth2 exchange: "could not be completed"', async () => {
    const open = stubWindowOpen(fakePopup());
    const { user } = renderOAuth2Form(plainOAuth2Auth, {
      oauth2: { clientId: 'c', redirectUrl: REDIRECT_URL, exchange: () => Promise.reject(make()) },
    });
    await pkceReady();
    await user.click(submitButton());
    deliver(callback((await signInUrl(open)).searchParams.get('state')!, { code: 'code-1' }));
    await waitFor(() => expect(formStatus()).toHaveTextContent('Signing in could not be completed. Try again.'));
  });

  it('given to redact: an empty text, never a throw', () => {
    expect(redact(make(), ['secret-1'])).toBe('');
  });
});
