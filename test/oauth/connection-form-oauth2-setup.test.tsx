import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ConnectionForm, type OAuth2ExchangeParams, type OAuth2TokenResponse } from '../../src';
import { s256Challenge } from '../../src/oauth/pkce';
import {
  clientCredentialsOAuth2Auth,
  eitherGrantOAuth2Auth,
  optionalRegionOAuth2Auth,
  regionalOAuth2Auth,
} from '../../stories/fixtures/auth-definitions';
import { deferred } from '../connection-form/render-form';
import { REDIRECT_URL, callback, fakePopup } from './fake-window';
import {
  HOST_APP,
  deliver,
  formStatus,
  openedState,
  openedUrl,
  pkceReady,
  renderOAuth2Form,
  stubWindowOpen,
  submitButton,
} from './oauth2-form-kit';

const TOKENS: OAuth2TokenResponse = { access_token: 'at-1', refresh_token: 'rt-1', expires_in: 3600, token_type: 'bearer' };
const NEXT_TOKENS: OAuth2TokenResponse = { ...TOKENS, access_token: 'at-2', refresh_token: 'rt-2' };

afterEach(() => vi.restoreAllMocks());

describe('a {region} placeholder whose prop is empty', () => {
  it('shows a clear error naming the prop and opens no popup', async () => {
    const open = stubWindowOpen(fakePopup());
    const { user, onConnect } = renderOAuth2Form(optionalRegionOAuth2Auth, { oauth2: HOST_APP });
    await user.click(submitButton());
    expect(open).not.toHaveBeenCalled();
    expect(formStatus()).toHaveTextContent('authUrl needs a value for {region}: fill in the "region" field first.');
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('opens the filled-in URL once the prop has a value', async () => {
    const open = stubWindowOpen(fakePopup());
    const { user } = renderOAuth2Form(optionalRegionOAuth2Auth, { oauth2: HOST_APP });
    await user.click(submitButton());
    await user.type(screen.getByRole('textbox', { name: 'Region' }), 'eu');
    await user.click(submitButton());
    expect(open).toHaveBeenCalledTimes(1);
    expect(openedUrl(open).hostname).toBe('eu.example.com');
  });
});

describe('a required prop left empty', () => {
  it('shows the field error and opens no popup', async () => {
    const open = stubWindowOpen(fakePopup());
    const { user } = renderOAuth2Form(regionalOAuth2Auth, { oauth2: HOST_APP });
    await user.click(submitButton());
    expect(open).not.toHaveBeenCalled();
    expect(await screen.findByText('Region is required.')).toBeVisible();
  });
});

describe('a host that gives no clientId (the user brings their own app)', () => {
  const ownApp = { redirectUrl: REDIRECT_URL };

  it('asks for a Client ID and a Client Secret and shows the redirect URL to register, with a Copy button', async () => {
    const { user } = renderOAuth2Form(regionalOAuth2Auth, { oauth2: ownApp });
    expect(screen.getByRole('textbox', { name: 'Client ID' })).toBeVisible();
    expect(screen.getByLabelText('Client Secret')).toHaveAttribute('type', 'password');
    expect(screen.getByText(REDIRECT_URL)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByText('Copied.')).toBeVisible());
    await expect(navigator.clipboard.readText()).resolves.toBe(REDIRECT_URL);
  });

  it('opens no popup until the Client ID and Client Secret are filled in', async () => {
    const open = stubWindowOpen(fakePopup());
    const { user } = renderOAuth2Form(regionalOAuth2Auth, { oauth2: ownApp });
    await user.type(screen.getByRole('textbox', { name: 'Region' }), 'eu');
    await user.click(submitButton());
    expect(open).not.toHaveBeenCalled();
    expect(await screen.findByText('Client ID is required.')).toBeVisible();
    expect(await screen.findByText('Client Secret is required.')).toBeVisible();
  });

  it("uses the user's client id in the URL and emits OAUTH2 with their client secret", async () => {
    const open = stubWindowOpen(fakePopup());
    const { user, onConnect } = renderOAuth2Form(regionalOAuth2Auth, { oauth2: ownApp });
    await user.type(screen.getByRole('textbox', { name: 'Client ID' }), 'my-app');
    await user.type(screen.getByLabelText('Client Secret'), 'my-secret-123');
    await user.type(screen.getByRole('textbox', { name: 'Region' }), 'eu');
    await pkceReady();
    fireEvent.click(submitButton());
    const url = openedUrl(open);
    expect(url.searchParams.get('client_id')).toBe('my-app');
    expect(url.toString()).not.toContain('my-secret-123');
    deliver(callback(url.searchParams.get('state')!, { code: 'abc' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toEqual({
      type: 'OAUTH2',
      client_id: 'my-app',
      client_secret: 'my-secret-123',
      grant_type: 'authorization_code',
      redirect_url: REDIRECT_URL,
      code: 'abc',
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      scope: 'read:eu offline',
      props: { region: 'eu' },
    });
  });
});

describe('a host that exchanges the code itself', () => {
  async function exchangeForm(exchange: (p: OAuth2ExchangeParams) => Promise<OAuth2TokenResponse>, extra = {}) {
    const validate = vi.fn(async () => ({ valid: true as const }));
    const auth = { ...regionalOAuth2Auth, validate };
    const open = stubWindowOpen(fakePopup());
    const view = renderOAuth2Form(auth, { oauth2: { ...HOST_APP, exchange, ...extra } });
    await view.user.type(screen.getByRole('textbox', { name: 'Region' }), 'eu');
    await pkceReady();
    await view.user.click(submitButton());
    return { ...view, open, validate, url: openedUrl(open) };
  }

  it('gets the code, the verifier and the tokenUrl with its placeholders filled', async () => {
    const exchange = vi.fn(async (_: OAuth2ExchangeParams) => TOKENS);
    const { url } = await exchangeForm(exchange);
    deliver(callback(url.searchParams.get('state')!, { code: 'abc' }));
    await waitFor(() => expect(exchange).toHaveBeenCalledTimes(1));
    const params = exchange.mock.calls[0]![0];
    expect(params).toMatchObject({
      code: 'abc',
      codeVerifier: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      tokenUrl: 'https://eu.auth.example.com/oauth/token',
      redirectUrl: REDIRECT_URL,
      clientId: 'client-1',
      scope: 'read:eu offline',
      props: { region: 'eu' },
    });
    expect(params.clientSecret).toBeUndefined();
    expect(params.signal).toBeInstanceOf(AbortSignal);
    await expect(s256Challenge(params.codeVerifier!)).resolves.toBe(url.searchParams.get('code_challenge'));
  });

  it('says who is connected when the tokens carry an ID token, and never names a token', async () => {
    const claims = btoa(JSON.stringify({ sub: '1', email: 'ada@example.com' })).replace(/=+$/, '');
    const exchange = vi.fn(async () => ({ ...TOKENS, id_token: `e30.${claims}.` }));
    const { url, onConnect } = await exchangeForm(exchange);
    deliver(callback(url.searchParams.get('state')!, { code: 'abc' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(formStatus()).toHaveTextContent('Connected as ada@example.com.'));
  });

  it("emits a value carrying the tokens, after the definition's validate got { access_token, props, data }", async () => {
    const exchange = vi.fn(async () => TOKENS);
    const { url, validate, onConnect } = await exchangeForm(exchange);
    deliver(callback(url.searchParams.get('state')!, { code: 'abc' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(validate).toHaveBeenCalledTimes(1);
    expect((validate.mock.calls[0] as unknown[])[0]).toMatchObject({
      auth: { access_token: 'at-1', props: { region: 'eu' }, data: TOKENS },
    });
    expect(onConnect.mock.calls[0]![0]).toMatchObject({
      type: 'PLATFORM_OAUTH2',
      code: 'abc',
      access_token: 'at-1',
      refresh_token: 'rt-1',
      expires_in: 3600,
      token_type: 'bearer',
      data: TOKENS,
    });
  });

  it('shows a failed exchange without echoing the code or the verifier', async () => {
    const exchange = vi.fn(async (p: OAuth2ExchangeParams) => {
      throw new Error(`invalid_grant for ${p.code} / ${p.codeVerifier}`);
    });
    const { url, onConnect } = await exchangeForm(exchange);
    deliver(callback(url.searchParams.get('state')!, { code: 'code-4242-unique' }));
    await waitFor(() => expect(formStatus()).toHaveTextContent(/Signing in could not be completed. Reason: invalid_grant/));
    const verifier = exchange.mock.calls[0]![0].codeVerifier!;
    expect(document.body.outerHTML).not.toContain('code-4242-unique');
    expect(document.body.outerHTML).not.toContain(verifier);
    expect(onConnect).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: 'Region' })).toHaveValue('eu');
  });

  it('aborts the exchange and emits nothing when the user cancels while it runs', async () => {
    const pending = deferred<OAuth2TokenResponse>();
    const exchange = vi.fn((_: OAuth2ExchangeParams) => pending.promise);
    const { url, open, user, onConnect } = await exchangeForm(exchange);
    deliver(callback(url.searchParams.get('state')!, { code: 'abc' }));
    await waitFor(() => expect(formStatus()).toHaveTextContent('Finishing sign-in…'));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(exchange.mock.calls[0]![0].signal.aborted).toBe(true);
    // The cancelled exchange answers first; then a new flow's exchange answers with other tokens:
    // the one emission is the new flow's, so the late answer emitted nothing.
    pending.resolve(TOKENS);
    exchange.mockImplementation(async () => NEXT_TOKENS);
    await pkceReady();
    await user.click(submitButton());
    deliver(callback(openedState(open, 1), { code: 'next' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(exchange).toHaveBeenCalledTimes(2);
    expect(onConnect.mock.calls[0]![0]).toMatchObject({ code: 'next', access_token: NEXT_TOKENS.access_token });
  });

  it('aborts the exchange and emits nothing when the form unmounts while it runs', async () => {
    const pending = deferred<OAuth2TokenResponse>();
    const exchange = vi.fn((_: OAuth2ExchangeParams) => pending.promise);
    const { url, open, user, unmount, onConnect } = await exchangeForm(exchange);
    deliver(callback(url.searchParams.get('state')!, { code: 'abc' }));
    await waitFor(() => expect(exchange).toHaveBeenCalledTimes(1));
    unmount();
    expect(exchange.mock.calls[0]![0].signal.aborted).toBe(true);
    // The unmounted form's exchange answers first; then a form mounted next, with the same
    // onConnect, connects with other tokens: its value is the one emission.
    pending.resolve(TOKENS);
    exchange.mockImplementation(async () => NEXT_TOKENS);
    render(<ConnectionForm auth={regionalOAuth2Auth} oauth2={{ ...HOST_APP, exchange }} onConnect={onConnect} />);
    await user.type(screen.getByRole('textbox', { name: 'Region' }), 'us');
    await pkceReady();
    await user.click(submitButton());
    deliver(callback(openedState(open, 1), { code: 'next-form' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(exchange).toHaveBeenCalledTimes(2);
    expect(onConnect.mock.calls[0]![0]).toMatchObject({
      code: 'next-form',
      access_token: NEXT_TOKENS.access_token,
      props: { region: 'us' },
    });
  });
});

describe('a client-credentials definition', () => {
  it('asks for the client id and secret, opens no popup and emits OAUTH2 with grant_type client_credentials', async () => {
    const open = stubWindowOpen(fakePopup());
    const { user, onConnect } = renderOAuth2Form(clientCredentialsOAuth2Auth, { oauth2: HOST_APP });
    expect(screen.queryByText(REDIRECT_URL)).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Client ID' }), 'machine-1');
    await user.type(screen.getByLabelText('Client Secret'), 'machine-secret');
    await user.click(submitButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(open).not.toHaveBeenCalled();
    expect(onConnect.mock.calls[0]![0]).toEqual({
      type: 'OAUTH2',
      client_id: 'machine-1',
      client_secret: 'machine-secret',
      grant_type: 'client_credentials',
      code: 'FAKE_CODE',
      redirect_url: REDIRECT_URL,
      scope: 'api',
      props: {},
    });
  });
});

describe('a definition that offers both grant types', () => {
  it('disables the grant choice with the rest of a disabled form', () => {
    renderOAuth2Form(eitherGrantOAuth2Auth, { oauth2: HOST_APP, disabled: true });
    const group = screen.getByRole('group', { name: 'Grant type' });
    for (const radio of within(group).getAllByRole('radio')) expect(radio).toBeDisabled();
  });

  it('shows a "Grant type" radio group, authorization code first', () => {
    renderOAuth2Form(eitherGrantOAuth2Auth, { oauth2: HOST_APP });
    const group = screen.getByRole('group', { name: 'Grant type' });
    expect(within(group).getByRole('radio', { name: 'Authorization code' })).toBeChecked();
    expect(within(group).getByRole('radio', { name: 'Client credentials' })).not.toBeChecked();
    expect(screen.queryByRole('textbox', { name: 'Client ID' })).not.toBeInTheDocument();
  });

  it('uses the popup for authorization code and no popup for client credentials', async () => {
    const open = stubWindowOpen(fakePopup(), fakePopup());
    const { user, onConnect } = renderOAuth2Form(eitherGrantOAuth2Auth, { oauth2: HOST_APP });
    await pkceReady();
    await user.click(submitButton());
    expect(open).toHaveBeenCalledTimes(1);
    expect(openedUrl(open).searchParams.get('code_challenge_method')).toBe('S256');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    await user.click(screen.getByRole('radio', { name: 'Client credentials' }));
    await user.type(screen.getByRole('textbox', { name: 'Client ID' }), 'machine-1');
    await user.type(screen.getByLabelText('Client Secret'), 'machine-secret');
    await user.click(submitButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(open).toHaveBeenCalledTimes(1);
    expect(onConnect.mock.calls[0]![0]).toMatchObject({
      type: 'OAUTH2',
      grant_type: 'client_credentials',
      client_id: 'machine-1',
      client_secret: 'machine-secret',
    });
  });

  it('goes back to the popup when switched back to authorization code', async () => {
    const open = stubWindowOpen(fakePopup());
    const { user, onConnect } = renderOAuth2Form(eitherGrantOAuth2Auth, { oauth2: HOST_APP });
    await user.click(screen.getByRole('radio', { name: 'Client credentials' }));
    await user.click(screen.getByRole('radio', { name: 'Authorization code' }));
    expect(screen.queryByRole('textbox', { name: 'Client ID' })).not.toBeInTheDocument();
    await pkceReady();
    await user.click(submitButton());
    expect(open).toHaveBeenCalledTimes(1);
    deliver(callback(openedState(open), { code: 'abc' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toMatchObject({ type: 'PLATFORM_OAUTH2', code: 'abc', client_id: 'client-1' });
  });
});
