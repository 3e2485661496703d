import { act, screen, waitFor } from '@testing-library/react';
import { PieceAuth, type ValidateParams, type ValidationResult } from '../../src';
import { apiKeyAuth, apiKeyOrBasicAuth, awsAuth, basicAuth } from '../../stories/fixtures/auth-definitions';
import { chooseOption, connectButton, deferred, renderForm } from './render-form';

const SECRET = 'sk-s3cret-value-42';
const ORIGIN_SERVER = { apiUrl: window.location.origin, publicUrl: window.location.origin };

/** A SecretText auth like the fixture's, with a `validate` the test controls. */
function apiKeyWith(validate: (params: ValidateParams<string>) => Promise<ValidationResult>) {
  const spy = vi.fn(validate);
  return { auth: PieceAuth.SecretText({ ...apiKeyAuth, validate: spy }), validate: spy };
}

/** A `validate` that stays pending until the test settles it. */
function pendingValidate() {
  const pending = deferred<ValidationResult>();
  const { auth, validate } = apiKeyWith(() => pending.promise);
  return { auth, validate, pending, signal: () => validate.mock.calls[0]![0].signal! };
}

const status = () => screen.getByRole('status');

/** Every text the status region shows from now on, read at each change of the page as it renders. */
function recordStatus() {
  const seen: string[] = [];
  const observer = new MutationObserver(() => seen.push(screen.queryByRole('status')?.textContent ?? ''));
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  return () => {
    observer.disconnect();
    return seen;
  };
}

/** Replaces the API key and submits again. */
async function resubmitWith(user: ReturnType<typeof renderForm>['user'], key: string) {
  await user.clear(screen.getByLabelText('API Key'));
  await typeKeyAndSubmit(user, key);
}

async function typeKeyAndSubmit(user: ReturnType<typeof renderForm>['user'], key = SECRET) {
  await user.type(screen.getByLabelText('API Key'), key);
  await user.click(connectButton());
}

describe('a definition’s validate', () => {
  it('receives a SecretText’s string as auth, with server and an AbortSignal, and nothing else', async () => {
    const { auth, validate } = apiKeyWith(async () => ({ valid: true }));
    const { user, onConnect } = renderForm(auth);
    await typeKeyAndSubmit(user);
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(validate).toHaveBeenCalledTimes(1);
    const params = validate.mock.calls[0]![0];
    expect(Object.keys(params).sort()).toEqual(['auth', 'server', 'signal']);
    expect(params.auth).toBe(SECRET);
    expect(params.server).toEqual(ORIGIN_SERVER);
    expect(params.signal).toBeInstanceOf(AbortSignal);
    expect(params.signal!.aborted).toBe(false);
  });

  it('receives a BasicAuth’s { username, password }', async () => {
    const validate = vi.fn(async (_: ValidateParams<{ username: string; password: string }>) => ({ valid: true }) as const);
    const { user, onConnect } = renderForm(PieceAuth.BasicAuth({ ...basicAuth, validate }));
    await user.type(screen.getByRole('textbox', { name: 'Username' }), 'ada');
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(validate.mock.calls[0]![0].auth).toStrictEqual({ username: 'ada', password: 'pw' });
  });

  it('receives a CustomAuth’s props object (not the { type, props } value)', async () => {
    const validate = vi.fn(async (_: ValidateParams<unknown>) => ({ valid: true }) as const);
    const { user, onConnect } = renderForm(PieceAuth.CustomAuth({ ...awsAuth, validate }));
    await user.type(screen.getByRole('textbox', { name: 'Access Key ID' }), 'AKIA1');
    await user.type(screen.getByLabelText('Secret Access Key'), 'sak');
    await chooseOption(user, 'Region', 'US West (Oregon)');
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(validate.mock.calls[0]![0].auth).toStrictEqual({
      accessKeyId: 'AKIA1',
      secretAccessKey: 'sak',
      region: 'us-west-2',
    });
  });

  it('receives the host’s server context when one is given', async () => {
    const { auth, validate } = apiKeyWith(async () => ({ valid: true }));
    const server = { apiUrl: 'https://api.example.com', publicUrl: 'https://app.example.com' };
    const { user, onConnect } = renderForm(auth, { server });
    await typeKeyAndSubmit(user);
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(validate.mock.calls[0]![0].server).toStrictEqual(server);
  });

  it('runs when Enter is pressed in a field, as when the button is clicked', async () => {
    const { auth, validate } = apiKeyWith(async () => ({ valid: true }));
    const { user, onConnect } = renderForm(auth);
    await user.type(screen.getByLabelText('API Key'), `${SECRET}{Enter}`);
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(validate).toHaveBeenCalledTimes(1);
  });

  it('is not called, and nothing is emitted, while a field is invalid', async () => {
    const { auth, validate } = apiKeyWith(async () => ({ valid: true }));
    const { user, onConnect } = renderForm(auth);
    await user.click(connectButton());
    expect(await screen.findByText('API Key is required.')).toBeVisible();
    expect(validate).not.toHaveBeenCalled();
    expect(onConnect).not.toHaveBeenCalled();
  });
});

describe('while validate is pending', () => {
  it('labels the submit button "Checking connection…", marks it disabled and announces it', async () => {
    const { auth } = pendingValidate();
    const { user } = renderForm(auth);
    await typeKeyAndSubmit(user);
    const busy = await screen.findByRole('button', { name: 'Checking connection…' });
    expect(busy).toHaveAttribute('aria-disabled', 'true');
    expect(status()).toHaveTextContent('Checking connection…');
  });

  it('ignores a second submit that arrives before the first has started validating', async () => {
    const { auth, validate, pending } = pendingValidate();
    const { user, onConnect } = renderForm(auth);
    await user.type(screen.getByLabelText('API Key'), SECRET);
    // Two clicks in the same task: the second lands while the schema still parses the first.
    act(() => {
      connectButton().click();
      connectButton().click();
    });
    await screen.findByRole('button', { name: 'Checking connection…' });
    await act(async () => pending.resolve({ valid: true }));
    await waitFor(() => expect(status()).toHaveTextContent('Connected.'));
    expect(validate).toHaveBeenCalledTimes(1);
    expect(onConnect).toHaveBeenCalledTimes(1);
  });

  it('ignores further clicks and Enter, then emits exactly once', async () => {
    const { auth, validate, pending } = pendingValidate();
    const { user, onConnect } = renderForm(auth);
    await typeKeyAndSubmit(user);
    const busy = await screen.findByRole('button', { name: 'Checking connection…' });
    await user.click(busy);
    await user.dblClick(busy);
    await user.type(screen.getByLabelText('API Key'), '{Enter}');
    expect(validate).toHaveBeenCalledTimes(1);
    await act(async () => pending.resolve({ valid: true }));
    await waitFor(() => expect(status()).toHaveTextContent('Connected.'));
    expect(validate).toHaveBeenCalledTimes(1);
    expect(onConnect).toHaveBeenCalledTimes(1);
  });

  it('offers Cancel, which aborts the signal, returns to idle and drops the late result', async () => {
    const { auth, pending, signal } = pendingValidate();
    const { user, onConnect } = renderForm(auth);
    await typeKeyAndSubmit(user);
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(signal().aborted).toBe(true);
    expect(connectButton()).not.toHaveAttribute('aria-disabled');
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    await act(async () => pending.resolve({ valid: true }));
    expect(status()).not.toHaveTextContent('Connected.');
    expect(screen.getByLabelText('API Key')).toHaveValue(SECRET);
    // Then a new run with another key (validate answers valid at once now): its value is the one
    // emission, so the late answer of the cancelled run, handled before it, emitted nothing.
    await resubmitWith(user, 'sk-next');
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toEqual({ type: 'SECRET_TEXT', secret_text: 'sk-next' });
  });

  it('applies only the newest run’s result after a cancel and a new submit', async () => {
    const first = deferred<ValidationResult>();
    const second = deferred<ValidationResult>();
    const { auth, validate } = apiKeyWith(() => (validate.mock.calls.length === 1 ? first.promise : second.promise));
    const { user, onConnect } = renderForm(auth);
    await typeKeyAndSubmit(user);
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    await user.click(connectButton());
    await waitFor(() => expect(validate).toHaveBeenCalledTimes(2));
    const shown = recordStatus();
    // The stale answer settles first, so it is handled first: had it been applied, it would have
    // shown before the newest run's answer.
    await act(async () => first.resolve({ valid: false, error: 'stale answer' }));
    expect(status()).toHaveTextContent('Checking connection…');
    await act(async () => second.resolve({ valid: true }));
    await waitFor(() => expect(status()).toHaveTextContent('Connected.'));
    expect(onConnect).toHaveBeenCalledTimes(1);
    expect(shown().join('\n')).not.toContain('stale answer');
  });

  it('aborts the signal on unmount and never emits, even if validate answers later', async () => {
    const { auth, pending, signal } = pendingValidate();
    const { user, onConnect, unmount } = renderForm(auth);
    await typeKeyAndSubmit(user);
    await screen.findByRole('button', { name: 'Checking connection…' });
    unmount();
    expect(signal().aborted).toBe(true);
    pending.resolve({ valid: true });
    // A form mounted next, with the same onConnect, connects another key: its value is the one
    // emission, so the late answer to the unmounted form emitted nothing.
    const next = apiKeyWith(async () => ({ valid: true }));
    renderForm(next.auth, { onConnect });
    await typeKeyAndSubmit(user, 'sk-next');
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toEqual({ type: 'SECRET_TEXT', secret_text: 'sk-next' });
  });

  it('aborts the signal and never emits when the user switches to another method', async () => {
    const pending = deferred<ValidationResult>();
    const validate = vi.fn((_: ValidateParams<string>) => pending.promise);
    const auth = [PieceAuth.SecretText({ ...apiKeyOrBasicAuth[0], validate }), apiKeyOrBasicAuth[1]] as const;
    const { user, onConnect } = renderForm(auth);
    await user.type(screen.getByLabelText('API Key'), SECRET);
    await user.click(connectButton());
    await screen.findByRole('button', { name: 'Checking connection…' });
    await user.click(screen.getByRole('radio', { name: 'Authenticate with Credentials' }));
    expect(validate.mock.calls[0]![0].signal!.aborted).toBe(true);
    await act(async () => pending.resolve({ valid: true }));
    // Then the method switched to connects: its value is the one emission.
    await user.type(screen.getByRole('textbox', { name: 'Username' }), 'ada');
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toEqual({ type: 'BASIC_AUTH', username: 'ada', password: 'pw' });
  });
});

describe('when validate answers { valid: false, error }', () => {
  it('shows the error in the status region and keeps the form filled and editable', async () => {
    const { user, onConnect } = renderForm(apiKeyAuth);
    await typeKeyAndSubmit(user, 'pk-wrong');
    await waitFor(() => expect(status()).toHaveTextContent('Connection failed: Invalid API key'));
    const input = screen.getByLabelText('API Key');
    expect(input).toHaveValue('pk-wrong');
    expect(input).toBeEnabled();
    expect(connectButton()).not.toHaveAttribute('aria-disabled');
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('lets the user fix the value and resubmit successfully', async () => {
    const { user, onConnect } = renderForm(apiKeyAuth);
    await typeKeyAndSubmit(user, 'pk-wrong');
    await waitFor(() => expect(status()).toHaveTextContent('Connection failed: Invalid API key'));
    const input = screen.getByLabelText('API Key');
    await user.clear(input);
    await user.type(input, 'sk-right');
    await user.click(connectButton());
    await waitFor(() => expect(status()).toHaveTextContent('Connected.'));
    expect(onConnect).toHaveBeenCalledTimes(1);
    expect(onConnect).toHaveBeenCalledWith({ type: 'SECRET_TEXT', secret_text: 'sk-right' }, {});
  });

  it('does not echo the secret when the error text contains it', async () => {
    const { auth } = apiKeyWith(async ({ auth: key }) => ({ valid: false, error: `Key ${key} was revoked` }));
    const { user } = renderForm(auth);
    await typeKeyAndSubmit(user);
    await waitFor(() => expect(status()).toHaveTextContent(/^Connection failed: Key .+ was revoked$/));
    expect(status()).not.toHaveTextContent(SECRET);
    expect(document.body.outerHTML).not.toContain(SECRET);
  });
});

describe('when validate throws or rejects', () => {
  it.each([
    [
      'throws synchronously',
      (key: string) => {
        throw new Error(`401 for key ${key}`);
      },
    ],
    [
      'rejects',
      async (key: string) => {
        throw new Error(`401 for key ${key}`);
      },
    ],
  ])('shows a retryable error without the secret when it %s with the secret in its message', async (_, fail) => {
    const validate = vi.fn(({ auth }: ValidateParams<string>) => fail(auth) as Promise<ValidationResult>);
    const { user, onConnect } = renderForm(PieceAuth.SecretText({ ...apiKeyAuth, validate }));
    await typeKeyAndSubmit(user);
    await waitFor(() => expect(status()).toHaveTextContent(/^The connection could not be checked\..*Try again\.$/));
    expect(status()).toHaveTextContent('401 for key');
    expect(status()).not.toHaveTextContent(SECRET);
    expect(document.body.outerHTML).not.toContain(SECRET);
    expect(onConnect).not.toHaveBeenCalled();
    expect(screen.getByLabelText('API Key')).toHaveValue(SECRET);
    await user.click(connectButton());
    await waitFor(() => expect(validate).toHaveBeenCalledTimes(2));
  });
});

describe('when validate throws after normalising the secret', () => {
  it('does not echo a secret pasted with surrounding whitespace that validate trimmed', async () => {
    const validate = vi.fn(async ({ auth }: ValidateParams<string>): Promise<ValidationResult> => {
      throw new Error(`401 for key ${auth.trim()}`);
    });
    const { user } = renderForm(PieceAuth.SecretText({ ...apiKeyAuth, validate }));
    await user.click(screen.getByLabelText('API Key'));
    // A key copied from a dashboard often carries a space at either end.
    await user.paste(` ${SECRET} `);
    await user.click(connectButton());
    await waitFor(() => expect(status()).toHaveTextContent(/^The connection could not be checked\./));
    expect(status()).not.toHaveTextContent(SECRET);
  });
});

describe('when validate never settles and validateTimeoutMs is set', () => {
  it('shows the timeout message, aborts the signal and lets the user retry', async () => {
    const { auth, validate, signal } = pendingValidate();
    const { user, onConnect } = renderForm(auth, { validateTimeoutMs: 50 });
    await typeKeyAndSubmit(user);
    await waitFor(() => expect(status()).toHaveTextContent('Checking the connection took too long. Try again.'));
    expect(signal().aborted).toBe(true);
    expect(screen.getByLabelText('API Key')).toHaveValue(SECRET);
    expect(onConnect).not.toHaveBeenCalled();
    await user.click(connectButton());
    await waitFor(() => expect(validate).toHaveBeenCalledTimes(2));
  });
});

describe('a host validate prop', () => {
  it('replaces the definition’s and receives { auth, value, server, signal }', async () => {
    const { auth, validate: definitionValidate } = apiKeyWith(async () => ({ valid: false, error: 'definition ran' }));
    const hostValidate = vi.fn(async () => ({ valid: true }) as const);
    const { user, onConnect } = renderForm(auth, { validate: hostValidate });
    await typeKeyAndSubmit(user);
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(definitionValidate).not.toHaveBeenCalled();
    expect(hostValidate).toHaveBeenCalledTimes(1);
    const params = (hostValidate.mock.calls[0] as unknown[])[0] as Record<string, unknown>;
    expect(Object.keys(params).sort()).toEqual(['auth', 'server', 'signal', 'value']);
    expect(params.auth).toBe(SECRET);
    expect(params.value).toStrictEqual({ type: 'SECRET_TEXT', secret_text: SECRET });
    expect(params.server).toEqual(ORIGIN_SERVER);
    expect(params.signal).toBeInstanceOf(AbortSignal);
  });

  it('runs for PieceAuth.None() too, with the NO_AUTH value', async () => {
    const hostValidate = vi.fn(async () => ({ valid: false, error: 'Service unreachable' }) as const);
    const { user, onConnect } = renderForm(PieceAuth.None(), { validate: hostValidate });
    await user.click(connectButton());
    await waitFor(() => expect(status()).toHaveTextContent('Connection failed: Service unreachable'));
    expect((hostValidate.mock.calls[0] as unknown[])[0]).toMatchObject({ value: { type: 'NO_AUTH' } });
    expect(onConnect).not.toHaveBeenCalled();
  });
});

describe('when validate answers something other than a validation result', () => {
  it.each([
    ['undefined', undefined],
    ['a string', 'ok'],
    ['valid: "yes"', { valid: 'yes' }],
    ['a non-string error', { valid: false, error: 42 }],
  ])('shows the "unexpected result" error for %s and emits nothing', async (_, garbage) => {
    const { auth } = apiKeyWith(async () => garbage as ValidationResult);
    const { user, onConnect } = renderForm(auth);
    await typeKeyAndSubmit(user);
    await waitFor(() => expect(status()).toHaveTextContent('The connection check returned an unexpected result. Try again.'));
    expect(onConnect).not.toHaveBeenCalled();
  });
});

describe('the host’s onConnect', () => {
  it('keeps the form busy while its promise is pending, and is called once', async () => {
    const saving = deferred<void>();
    const onConnect = vi.fn(() => saving.promise);
    const { user } = renderForm(apiKeyAuth, { onConnect });
    await typeKeyAndSubmit(user, 'sk-1');
    const busy = await screen.findByRole('button', { name: 'Checking connection…' });
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    await user.click(busy);
    await act(async () => saving.resolve());
    await waitFor(() => expect(status()).toHaveTextContent('Connected.'));
    expect(onConnect).toHaveBeenCalledTimes(1);
  });

  it('shows a retryable save error when it rejects, without the secret', async () => {
    const onConnect = vi.fn(async (value: { secret_text: string }) => {
      throw new Error(`disk full while saving ${value.secret_text}`);
    });
    const { user } = renderForm(apiKeyAuth, { onConnect: onConnect as never });
    await typeKeyAndSubmit(user, 'sk-saved-secret');
    await waitFor(() => expect(status()).toHaveTextContent(/^The connection could not be saved\..*disk full.*Try again\.$/));
    expect(status()).not.toHaveTextContent('sk-saved-secret');
    expect(status()).not.toHaveTextContent('Connected.');
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(2));
  });

  it('shows a server’s { valid: false, error } as the connection’s error, scrubbed, the form kept filled; the next answer connects', async () => {
    const answers: ValidationResult[] = [{ valid: false, error: `Acme refused key ${SECRET}` }, { valid: true }];
    const onConnect = vi.fn(async () => answers.shift());
    const { user } = renderForm(apiKeyAuth, { onConnect });
    await typeKeyAndSubmit(user);
    await waitFor(() => expect(status()).toHaveTextContent(/^Connection failed: Acme refused key \S+$/));
    expect(status()).not.toHaveTextContent(SECRET);
    expect(screen.getByLabelText('API Key')).toHaveValue(SECRET);
    await user.click(connectButton());
    await waitFor(() => expect(status()).toHaveTextContent('Connected.'));
    expect(onConnect).toHaveBeenCalledTimes(2);
  });

  it('treats any other answer of onConnect (undefined, { valid: true }, a stray value) as saved', async () => {
    for (const answer of [undefined, { valid: true }, 'ok']) {
      const { user, unmount } = renderForm(apiKeyAuth, { onConnect: vi.fn(async () => answer as never) });
      await typeKeyAndSubmit(user);
      await waitFor(() => expect(status()).toHaveTextContent('Connected.'));
      unmount();
    }
  });
});
