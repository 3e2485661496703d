// Editing a saved connection: `initialValue` prefills the form, saved secrets stay out of the
// DOM and are kept (KEPT_SECRET, or the host's string) unless replaced; OAuth2 shows Reconnect.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConnectionForm, KEPT_SECRET, PieceAuth, isKeptSecret, type AuthInput } from '../../src';
import {
  accountKeyAuth,
  apiKeyAuth,
  basicAuth,
  everyPropertyAuth,
  plainApiKeyAuth,
  regionalOAuth2Auth,
  slackLikeAuth,
} from '../../stories/fixtures/auth-definitions';
import { callback, fakePopup, REDIRECT_URL } from '../oauth/fake-window';
import { deliver, openedUrl, pkceReady, stubWindowOpen, trackPkce } from '../oauth/oauth2-form-kit';

afterEach(() => vi.restoreAllMocks());

const save = () => screen.getByRole('button', { name: 'Save' });

/** Renders the form editing `initialValue`, with spies on `onConnect` and on `validate`. */
function renderEdit<A extends AuthInput>(auth: A, initialValue: unknown, extra: Record<string, unknown> = {}) {
  const user = userEvent.setup();
  const onConnect = vi.fn();
  render(<ConnectionForm auth={auth} initialValue={initialValue as never} onConnect={onConnect} {...(extra as object)} />);
  return { user, onConnect };
}

describe('editing a custom auth', () => {
  const initial = {
    type: 'CUSTOM_AUTH',
    props: {
      host: 'db.internal',
      notes: 'main',
      port: 6543,
      ssl: false,
      token: KEPT_SECRET,
      environment: 'sandbox',
      scopes: ['read', 'admin'],
    },
  };

  it('prefills every non-secret control from the saved value', () => {
    renderEdit(everyPropertyAuth, initial);
    expect(screen.getByRole('textbox', { name: /^Host/ })).toHaveValue('db.internal');
    expect(screen.getByRole('textbox', { name: /^Notes/ })).toHaveValue('main');
    expect(screen.getByRole('spinbutton', { name: /^Port/ })).toHaveValue(6543);
    expect(screen.getByRole('checkbox', { name: /^Use SSL/ })).not.toBeChecked();
    expect(screen.getByRole('combobox', { name: /^Environment/ })).toHaveTextContent('Sandbox');
    const scopes = within(screen.getByRole('group', { name: /^Scopes/ }));
    expect(scopes.getByRole('checkbox', { name: 'Read' })).toBeChecked();
    expect(scopes.getByRole('checkbox', { name: 'Write' })).not.toBeChecked();
    expect(scopes.getByRole('checkbox', { name: 'Admin' })).toBeChecked();
  });

  it('shows the saved secret as an empty, optional control that says it is saved', () => {
    renderEdit(everyPropertyAuth, initial);
    const token = screen.getByLabelText(/^Token/);
    expect(token).toHaveValue('');
    expect(token).toHaveAttribute('type', 'password');
    expect(token).not.toBeRequired();
    expect(token).toHaveAttribute('placeholder', 'Saved — type to replace');
    expect(token).toHaveAccessibleDescription(expect.stringContaining('Leave this empty to keep it'));
  });

  it('says Save, and emits KEPT_SECRET for the untouched secret with the edited props', async () => {
    const { user, onConnect } = renderEdit(everyPropertyAuth, initial);
    await user.clear(screen.getByRole('textbox', { name: /^Host/ }));
    await user.type(screen.getByRole('textbox', { name: /^Host/ }), 'db2.internal');
    await user.click(save());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    const [value, details] = onConnect.mock.calls[0]!;
    expect(value).toEqual({
      type: 'CUSTOM_AUTH',
      props: {
        host: 'db2.internal',
        notes: 'main',
        port: 6543,
        ssl: false,
        token: KEPT_SECRET,
        environment: 'sandbox',
        scopes: ['read', 'admin'],
      },
    });
    expect(isKeptSecret(value.props.token)).toBe(true);
    expect(details).toEqual({});
  });

  it('emits the new secret when the user types one, and keeps it again once cleared', async () => {
    const { user, onConnect } = renderEdit(everyPropertyAuth, initial);
    const token = screen.getByLabelText(/^Token/);
    await user.type(token, 'tok-new');
    await user.click(save());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0].props.token).toBe('tok-new');
    await user.clear(token);
    await user.click(screen.getByRole('button', { name: 'Reconnect' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(2));
    expect(onConnect.mock.calls[1]![0].props.token).toEqual(KEPT_SECRET);
  });
});

describe("a definition's validate while editing", () => {
  const validate = vi.fn(async () => ({ valid: true as const }));
  const auth = PieceAuth.CustomAuth({ ...accountKeyAuth, validate });
  beforeEach(() => validate.mockClear());

  it('is not run while a secret is the KEPT_SECRET marker (the browser never saw it)', async () => {
    const { user, onConnect } = renderEdit(auth, { type: 'CUSTOM_AUTH', props: { account: 'acme', apiKey: KEPT_SECRET } });
    await user.click(save());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(validate).not.toHaveBeenCalled();
  });

  it('runs with the new secret once the user replaces it', async () => {
    const { user, onConnect } = renderEdit(auth, { type: 'CUSTOM_AUTH', props: { account: 'acme', apiKey: KEPT_SECRET } });
    await user.type(screen.getByLabelText(/^API key/), 'k-2');
    await user.click(save());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(validate).toHaveBeenCalledWith(expect.objectContaining({ auth: { account: 'acme', apiKey: 'k-2' } }));
  });

  it('runs with the saved string when the host gave one, which never reaches the DOM', async () => {
    const { user, onConnect } = renderEdit(auth, { type: 'CUSTOM_AUTH', props: { account: 'acme', apiKey: 'k-saved-123' } });
    expect(document.body.outerHTML).not.toContain('k-saved-123');
    await user.click(save());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(validate).toHaveBeenCalledWith(expect.objectContaining({ auth: { account: 'acme', apiKey: 'k-saved-123' } }));
    expect(onConnect.mock.calls[0]![0]).toEqual({ type: 'CUSTOM_AUTH', props: { account: 'acme', apiKey: 'k-saved-123' } });
    expect(document.body.outerHTML).not.toContain('k-saved-123');
  });

  it('redacts the saved string from error text even after the user replaced it', async () => {
    const onConnect = vi.fn(async () => {
      throw new Error('rotation failed: old key k-saved-123 still active');
    });
    const user = userEvent.setup();
    render(
      <ConnectionForm
        auth={auth}
        initialValue={{ type: 'CUSTOM_AUTH', props: { account: 'acme', apiKey: 'k-saved-123' } }}
        onConnect={onConnect}
      />,
    );
    await user.type(screen.getByLabelText(/^API key/), 'k-new-456');
    await user.click(save());
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('rotation failed'));
    expect(document.body.outerHTML).not.toContain('k-saved-123');
  });

  it('runs the host validate with the kept marker in the value', async () => {
    const hostValidate = vi.fn(() => ({ valid: true as const }));
    const { user, onConnect } = renderEdit(
      auth,
      { type: 'CUSTOM_AUTH', props: { account: 'acme', apiKey: KEPT_SECRET } },
      { validate: hostValidate },
    );
    await user.click(save());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(hostValidate).toHaveBeenCalledWith(
      expect.objectContaining({ value: { type: 'CUSTOM_AUTH', props: { account: 'acme', apiKey: KEPT_SECRET } } }),
    );
  });
});

describe('editing a SecretText and a BasicAuth', () => {
  it('keeps the API key, or emits the replacement', async () => {
    const { user, onConnect } = renderEdit(plainApiKeyAuth, {
      type: 'SECRET_TEXT',
      secret_text: KEPT_SECRET,
    });
    await user.click(save());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toEqual({ type: 'SECRET_TEXT', secret_text: KEPT_SECRET });
  });

  it("runs a SecretText's validate on a replacement and shows its verdict", async () => {
    const { user, onConnect } = renderEdit(apiKeyAuth, { type: 'SECRET_TEXT', secret_text: KEPT_SECRET });
    await user.type(screen.getByLabelText(/^API Key/), 'nope');
    await user.click(save());
    expect(await screen.findByText('Connection failed: Invalid API key')).toBeVisible();
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('prefills the username and keeps the password', async () => {
    const { user, onConnect } = renderEdit(basicAuth, { type: 'BASIC_AUTH', username: 'ada', password: KEPT_SECRET });
    expect(screen.getByRole('textbox', { name: /^Username/ })).toHaveValue('ada');
    expect(screen.getByLabelText(/^Password/)).toHaveValue('');
    await user.click(save());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toEqual({ type: 'BASIC_AUTH', username: 'ada', password: KEPT_SECRET });
  });

  it('still requires a secret the saved value does not have', async () => {
    const { user, onConnect } = renderEdit(basicAuth, { type: 'BASIC_AUTH', username: 'ada' });
    await user.click(save());
    expect(await screen.findByText('Password is required.')).toBeVisible();
    expect(onConnect).not.toHaveBeenCalled();
  });
});

describe('editing one of several methods', () => {
  it("opens on the saved value's method, with its secret saved", async () => {
    const { user, onConnect } = renderEdit(
      slackLikeAuth,
      { type: 'CUSTOM_AUTH', props: { botToken: KEPT_SECRET } },
      {
        oauth2: { clientId: 'c', redirectUrl: REDIRECT_URL },
      },
    );
    expect(screen.getByRole('radio', { name: 'Authenticate with Bot token' })).toBeChecked();
    expect(screen.getByLabelText(/^Bot token/, { selector: 'input[type=password]' })).toHaveAttribute(
      'placeholder',
      'Saved — type to replace',
    );
    await user.click(save());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toEqual({ type: 'CUSTOM_AUTH', props: { botToken: KEPT_SECRET } });
  });
});

describe('editing an OAuth2 connection', () => {
  it('prefills the props and the own app, says Reconnect, and emits the new code with the kept client secret', async () => {
    trackPkce();
    const open = stubWindowOpen(fakePopup());
    const onConnect = vi.fn();
    render(
      <ConnectionForm
        auth={regionalOAuth2Auth}
        oauth2={{ redirectUrl: REDIRECT_URL }}
        initialValue={{ type: 'OAUTH2', client_id: 'my-app', client_secret: KEPT_SECRET, props: { region: 'eu' } }}
        onConnect={onConnect}
      />,
    );
    expect(screen.getByRole('textbox', { name: /^Region/ })).toHaveValue('eu');
    expect(screen.getByRole('textbox', { name: /^Client ID/ })).toHaveValue('my-app');
    expect(screen.getByLabelText(/^Client Secret/)).toHaveAttribute('placeholder', 'Saved — type to replace');
    await pkceReady();
    fireEvent.click(screen.getByRole('button', { name: 'Reconnect' }));
    const url = openedUrl(open);
    expect(url.searchParams.get('client_id')).toBe('my-app');
    expect(url.hostname).toBe('eu.auth.example.com');
    deliver(callback(url.searchParams.get('state')!, { code: 'new-code' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toMatchObject({
      type: 'OAUTH2',
      client_id: 'my-app',
      client_secret: KEPT_SECRET,
      code: 'new-code',
      props: { region: 'eu' },
    });
  });
});

describe('the connection name field', () => {
  it("is prefilled with the definition's display name and reaches onConnect as details.displayName", async () => {
    const user = userEvent.setup();
    const onConnect = vi.fn();
    render(<ConnectionForm auth={basicAuth} connectionName onConnect={onConnect} />);
    const name = screen.getByRole('textbox', { name: /^Connection name/ });
    expect(name).toHaveValue('Credentials');
    await user.clear(name);
    await user.type(name, 'Prod DB');
    await user.type(screen.getByRole('textbox', { name: /^Username/ }), 'ada');
    await user.type(screen.getByLabelText(/^Password/), 'pw');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]).toEqual([{ type: 'BASIC_AUTH', username: 'ada', password: 'pw' }, { displayName: 'Prod DB' }]);
  });

  it('takes the name to prefill from the host, and is required', async () => {
    const { user, onConnect } = renderEdit(
      basicAuth,
      { type: 'BASIC_AUTH', username: 'ada', password: KEPT_SECRET },
      { connectionName: 'Staging' },
    );
    const name = screen.getByRole('textbox', { name: /^Connection name/ });
    expect(name).toHaveValue('Staging');
    await user.clear(name);
    await user.click(save());
    expect(await screen.findByText('Connection name is required.')).toBeVisible();
    expect(onConnect).not.toHaveBeenCalled();
  });
});

describe('KEPT_SECRET', () => {
  it('survives a JSON round trip and is never mistaken for a string or a look-alike', () => {
    expect(isKeptSecret(JSON.parse(JSON.stringify(KEPT_SECRET)))).toBe(true);
    expect(isKeptSecret('kept')).toBe(false);
    expect(isKeptSecret({ kept: 'true' })).toBe(false);
    expect(isKeptSecret({ kept: true, value: 'x' })).toBe(false);
  });
});
