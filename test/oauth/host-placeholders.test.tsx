// Issue 12 item 5: placeholders that choose the host of authUrl / tokenUrl. The real definitions
// of Zoho Bigin (`{domain}/oauth/v2/auth`, a dropdown of whole origins), Gitea (`{baseUrl}/…`,
// free text, the user's own app) and HTTP OAuth2 (`{authUrl}` / `{tokenUrl}`) render, open the
// right authorization URL and connect; a free-text host with the host app's client id is refused
// before any popup opens, unless the host allows that host.
import { screen, waitFor, within } from '@testing-library/react';
import type { AuthDefinition, OAuth2HostConfig } from '../../src';
import { PieceAuth, Property } from '../../src';
import { pieceFixture } from '../conformance/piece-fixtures';
import { choose } from '../conformance/form-expectations';
import { REDIRECT_URL, callback, fakePopup } from './fake-window';
import { HOST_APP, deliver, formStatus, pkceReady, renderOAuth2Form, signInUrl, stubWindowOpen, submitButton } from './oauth2-form-kit';

afterEach(() => vi.restoreAllMocks());

const fixture = (name: string) => pieceFixture(name).auth as AuthDefinition;
const OWN_APP = { redirectUrl: REDIRECT_URL } as const;

function exchangeSpy() {
  return vi.fn<NonNullable<OAuth2HostConfig['exchange']>>(async () => ({ access_token: 'at-1' }));
}

async function typeOwnApp(user: ReturnType<typeof renderOAuth2Form>['user']) {
  await user.type(screen.getByLabelText(/^Client ID/), 'my-client');
  await user.type(screen.getByLabelText(/^Client Secret/), 'my-secret');
}

/** Clicks Connect, answers the sign-in with a code and waits for onConnect. */
async function connect(view: ReturnType<typeof renderOAuth2Form>) {
  const open = stubWindowOpen(fakePopup());
  await pkceReady();
  await view.user.click(submitButton());
  const url = await signInUrl(open);
  deliver(callback(url.searchParams.get('state')!, { code: 'code-1' }));
  await waitFor(() => expect(view.onConnect).toHaveBeenCalledTimes(1));
  return { url, value: view.onConnect.mock.calls[0]![0] as Record<string, any> };
}

describe('Zoho Bigin: {domain} at the start, filled from a StaticDropdown of whole origins', () => {
  it('renders, opens the chosen data centre’s accounts host and hands the token URL on it to exchange', async () => {
    const exchange = exchangeSpy();
    const view = renderOAuth2Form(fixture('zoho-bigin'), { oauth2: { ...HOST_APP, exchange } });
    // China (.com.cn), the one option with a host of its own.
    const combobox = screen.getByRole('combobox', { name: /Your Data Center Region/ });
    await choose(view.user, combobox, 4, false);
    const { url, value } = await connect(view);
    expect(url.origin + url.pathname).toBe('https://accounts.zoho.com.cn/oauth/v2/auth');
    expect(url.searchParams.get('client_id')).toBe(HOST_APP.clientId);
    expect(exchange.mock.calls[0]![0].tokenUrl).toBe('https://accounts.zoho.com.cn/oauth/v2/token');
    expect(value.props).toEqual({ domain: 'https://accounts.zoho.com.cn' });
  });
});

describe('Gitea: a free-text {baseUrl} that chooses the whole host', () => {
  it('connects with the user’s own app on the instance they typed', async () => {
    const exchange = exchangeSpy();
    const view = renderOAuth2Form(fixture('gitea'), { oauth2: { ...OWN_APP, exchange } });
    const base = screen.getByRole('textbox', { name: /Base URL/ });
    await view.user.clear(base);
    await view.user.type(base, 'https://git.acme.dev/');
    await typeOwnApp(view.user);
    const { url, value } = await connect(view);
    expect(url.origin + url.pathname).toBe('https://git.acme.dev/login/oauth/authorize');
    expect(url.searchParams.get('client_id')).toBe('my-client');
    expect(exchange.mock.calls[0]![0].tokenUrl).toBe('https://git.acme.dev/login/oauth/access_token');
    expect(value).toMatchObject({ client_id: 'my-client', props: { baseUrl: 'https://git.acme.dev/' } });
  });

  it('with the host’s client id, opens no popup for a host it did not allow, and says how to allow it', async () => {
    const open = stubWindowOpen(fakePopup());
    const view = renderOAuth2Form(fixture('gitea'), { oauth2: HOST_APP });
    await pkceReady();
    await view.user.click(submitButton());
    expect(open).not.toHaveBeenCalled();
    expect(formStatus()).toHaveTextContent(/"baseUrl" chooses the host \(gitea\.com\)/);
    expect(formStatus()).toHaveTextContent(/oauth2\.allowedHosts: \['gitea\.com'\]/);
    expect(formStatus()).toHaveTextContent(/leave oauth2\.clientId out/);
    expect(view.onConnect).not.toHaveBeenCalled();
  });

  it.each([
    ['a list', ['gitea.com']],
    ['a predicate', (host: string) => host === 'gitea.com'],
  ])('with the host’s client id, connects to a host the host allows with %s', async (_, allowedHosts) => {
    const view = renderOAuth2Form(fixture('gitea'), { oauth2: { ...HOST_APP, allowedHosts } });
    const { url } = await connect(view);
    expect(url.origin + url.pathname).toBe('https://gitea.com/login/oauth/authorize');
  });
});

describe('HTTP OAuth2: authUrl and tokenUrl typed by the user', () => {
  it('connects with the user’s own app to the URLs they typed', async () => {
    const exchange = exchangeSpy();
    const view = renderOAuth2Form(fixture('http-oauth2'), { oauth2: { ...OWN_APP, exchange } });
    await view.user.type(screen.getByRole('textbox', { name: /Authorize URL/ }), 'https://id.example.org/oauth2/authorize');
    await view.user.type(screen.getByRole('textbox', { name: /Token URL/ }), 'https://id.example.org/oauth2/token');
    await view.user.type(screen.getByRole('textbox', { name: /Scopes/ }), 'read write');
    await typeOwnApp(view.user);
    const { url, value } = await connect(view);
    expect(url.origin + url.pathname).toBe('https://id.example.org/oauth2/authorize');
    expect(url.searchParams.get('scope')).toBe('read write');
    expect(exchange.mock.calls[0]![0].tokenUrl).toBe('https://id.example.org/oauth2/token');
    expect(value.props).toMatchObject({ authUrl: 'https://id.example.org/oauth2/authorize' });
  });

  it.each([
    ['http on another host', 'http://id.example.org/authorize', /must use https/],
    ['a user name', 'https://admin@id.example.org/authorize', /without user, query or fragment/],
    ['a fragment', 'https://id.example.org/authorize#x', /without user, query or fragment/],
    ['no scheme', 'id.example.org/authorize', /not an absolute URL/],
  ])('refuses an authorize URL with %s before any popup opens', async (_, authUrl, message) => {
    const open = stubWindowOpen(fakePopup());
    const view = renderOAuth2Form(fixture('http-oauth2'), { oauth2: OWN_APP });
    await view.user.type(screen.getByRole('textbox', { name: /Authorize URL/ }), authUrl);
    await view.user.type(screen.getByRole('textbox', { name: /Token URL/ }), 'https://id.example.org/token');
    await view.user.type(screen.getByRole('textbox', { name: /Scopes/ }), 'read');
    await typeOwnApp(view.user);
    await pkceReady();
    await view.user.click(submitButton());
    expect(open).not.toHaveBeenCalled();
    expect(formStatus()).toHaveTextContent(message);
  });
});

describe('the attack: a free-text {instance} as the whole host, with the host app’s client id', () => {
  const auth = PieceAuth.OAuth2({
    authUrl: 'https://{instance}/oauth/authorize',
    tokenUrl: 'https://{instance}/oauth/token',
    required: true,
    scope: ['read'],
    props: { instance: Property.ShortText({ displayName: 'Instance', required: true }) },
  });

  it('sends neither the authorization request nor the token request to the host the user typed', async () => {
    const open = stubWindowOpen(fakePopup());
    const exchange = exchangeSpy();
    const view = renderOAuth2Form(auth, { oauth2: { ...HOST_APP, exchange } });
    await view.user.type(screen.getByRole('textbox', { name: /Instance/ }), 'evil.example');
    await pkceReady();
    await view.user.click(submitButton());
    expect(open).not.toHaveBeenCalled();
    expect(exchange).not.toHaveBeenCalled();
    expect(within(formStatus()).getByText(/"instance" chooses the host \(evil\.example\)/)).toBeInTheDocument();
  });
});

describe('a fixed authUrl with a free-text {tokenUrl}', () => {
  it('is refused at Connect, before the user signs in for an exchange that could not happen', async () => {
    const auth = PieceAuth.OAuth2({
      authUrl: 'https://auth.example.com/authorize',
      tokenUrl: '{tokenUrl}',
      required: true,
      scope: [],
      props: { tokenUrl: Property.ShortText({ displayName: 'Token URL', required: true }) },
    });
    const open = stubWindowOpen(fakePopup());
    const view = renderOAuth2Form(auth, { oauth2: HOST_APP });
    await view.user.type(screen.getByRole('textbox', { name: /Token URL/ }), 'https://evil.example/token');
    await pkceReady();
    await view.user.click(submitButton());
    expect(open).not.toHaveBeenCalled();
    expect(formStatus()).toHaveTextContent(/tokenUrl: "tokenUrl" chooses the host \(evil\.example\)/);
  });
});
