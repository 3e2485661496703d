import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConnectionForm } from '../../src';
import { s256Challenge } from '../../src/oauth/pkce';
import { regionalOAuth2Auth, slackLikeAuth } from '../../stories/fixtures/auth-definitions';
import { REDIRECT_URL, broadcast, callback, fakePopup } from './fake-window';
import {
  HOST_APP,
  deliver,
  formStatus,
  openedState,
  openedUrl,
  pkceReady,
  renderOAuth2Form,
  signInUrl,
  stubWindowOpen,
  submitButton,
  trackPkce,
} from './oauth2-form-kit';

const WAITING = /Waiting for you to finish signing in/;

/** Renders the regional PKCE definition with the host's app, types the region and waits for PKCE. */
async function regionalForm(oauth2: Partial<typeof HOST_APP> & { timeoutMs?: number; issuer?: string; requireIssuer?: boolean } = {}) {
  const view = renderOAuth2Form(regionalOAuth2Auth, { oauth2: { ...HOST_APP, ...oauth2 } });
  await view.user.type(screen.getByRole('textbox', { name: 'Region' }), 'eu');
  await pkceReady();
  return view;
}

afterEach(() => vi.restoreAllMocks());

describe('connecting with the popup, host app and PKCE', () => {
  it('opens the popup synchronously inside the click, with state, client_id, redirect_uri and an S256 challenge', async () => {
    const open = stubWindowOpen(fakePopup());
    await regionalForm();
    fireEvent.click(submitButton());
    // No await since the click: the popup opened within the user's gesture.
    expect(open).toHaveBeenCalledTimes(1);
    const url = openedUrl(open);
    expect(url.origin + url.pathname).toBe('https://eu.auth.example.com/oauth/authorize');
    expect(url.searchParams.get('audience')).toBe('api');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe('client-1');
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URL);
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('scope')).toBe('read:eu offline');
  });

  it('emits the PLATFORM_OAUTH2 value with the code and the verifier of the challenge it sent', async () => {
    const open = stubWindowOpen(fakePopup());
    const { user, onConnect } = await regionalForm();
    await user.click(submitButton());
    const url = openedUrl(open);
    deliver(callback(url.searchParams.get('state')!, { code: 'abc' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    const value = onConnect.mock.calls[0]![0] as unknown as Record<string, unknown>;
    expect(value).toEqual({
      type: 'PLATFORM_OAUTH2',
      client_id: 'client-1',
      redirect_url: REDIRECT_URL,
      code: 'abc',
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      scope: 'read:eu offline',
      props: { region: 'eu' },
    });
    await expect(s256Challenge(value.code_challenge as string)).resolves.toBe(url.searchParams.get('code_challenge'));
    await waitFor(() => expect(formStatus()).toHaveTextContent('Connected.'));
  });

  it('shows the waiting status with a Cancel button while the popup is open', async () => {
    stubWindowOpen(fakePopup());
    const { user } = await regionalForm();
    await user.click(submitButton());
    expect(formStatus()).toHaveTextContent(WAITING);
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeVisible();
  });

  it('runs one flow at a time: a second click while waiting opens no second popup', async () => {
    const open = stubWindowOpen(fakePopup(), fakePopup());
    const { user } = await regionalForm();
    await user.click(submitButton());
    await user.click(submitButton());
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('sends a popup opened before PKCE was ready on to the real URL once the challenge exists', async () => {
    const popup = fakePopup();
    const open = stubWindowOpen(popup);
    // No props to type: the click comes right after mount, while SHA-256 is still hashing.
    const { onConnect } = renderOAuth2Form(
      { ...regionalOAuth2Auth, props: {}, authUrl: 'https://auth.example.com/a', tokenUrl: 'https://auth.example.com/t', scope: ['x'] },
      { oauth2: HOST_APP },
    );
    fireEvent.click(submitButton());
    expect(open).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(popup.location.replace).toHaveBeenCalledTimes(1));
    const target = new URL(popup.location.replace.mock.calls[0]![0]);
    expect(target.origin + target.pathname).toBe('https://auth.example.com/a');
    expect(target.searchParams.get('code_challenge_method')).toBe('S256');
    deliver(callback(target.searchParams.get('state')!, { code: 'abc' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    const verifier = (onConnect.mock.calls[0]![0] as { code_challenge: string }).code_challenge;
    await expect(s256Challenge(verifier)).resolves.toBe(target.searchParams.get('code_challenge'));
  });
});

describe('a blocked popup', () => {
  const newTab = () => screen.getByRole('button', { name: 'Open the sign-in page in a new tab' });

  // Changed in issue 12: this used to check a link whose href was the authorization URL (with
  // its state and challenge) in the DOM. Now the URL never leaves the flow: a button opens it.
  it('shows the blocked status, Try again, and a button (not a link) that opens the sign-in page in a new tab', async () => {
    const open = stubWindowOpen(null, fakePopup());
    const { user } = await regionalForm();
    await user.click(submitButton());
    expect(formStatus()).toHaveTextContent(/blocked the sign-in window/);
    expect(submitButton('Try again')).toBeVisible();
    expect(screen.queryByRole('link', { name: /sign-in page/ })).toBeNull();
    const state = openedState(open);
    expect(document.documentElement.outerHTML).not.toContain(state);
    expect(document.documentElement.outerHTML).not.toContain('eu.auth.example.com');
    expect(screen.getByRole('textbox', { name: 'Region' })).toHaveValue('eu');

    fireEvent.click(newTab());
    // Inside the click: a tab (no window features) at the same authorization URL.
    expect(open).toHaveBeenCalledTimes(2);
    expect(open.mock.calls[1]![0]).toBe(open.mock.calls[0]![0]);
    expect(open.mock.calls[1]![1]).toBe('_blank');
    expect(open.mock.calls[1]![2]).toBeUndefined();
    expect(document.documentElement.outerHTML).not.toContain(state);
  });

  it('still completes when the page opened in the new tab delivers on the BroadcastChannel', async () => {
    const open = stubWindowOpen(null, fakePopup());
    const { user, onConnect } = await regionalForm();
    await user.click(submitButton());
    await user.click(newTab());
    const state = openedState(open);
    broadcast(state, callback(state, { code: 'from-tab' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toMatchObject({ type: 'PLATFORM_OAUTH2', code: 'from-tab' });
  });

  it('ignores the callback of its state from a window it did not open (no nonce, or another)', async () => {
    const open = stubWindowOpen(null, fakePopup());
    const { user, onConnect } = await regionalForm();
    await user.click(submitButton());
    const state = openedState(open);
    broadcast(state, callback(state, { code: 'attacker', nonce: undefined }));
    broadcast(state, callback(state, { code: 'attacker', nonce: '' }));
    broadcast(state, callback(state, { code: 'attacker', nonce: 'a-nonce-of-another-window-000000000000000' }));
    deliver(callback(state, { code: 'attacker', nonce: 'a-nonce-of-another-window-000000000000000' }));
    // The window message was handled synchronously and left the flow waiting for the new tab.
    expect(formStatus()).toHaveTextContent(/blocked/);
    await user.click(newTab());
    // Sent after the forged ones on the same channel, so it arrives after them: had one of them
    // been accepted, it would have been emitted first (the first delivery wins).
    broadcast(state, callback(state, { code: 'genuine' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toMatchObject({ code: 'genuine' });
  });

  // Security note 8: the retry must open the popup inside its own fresh click.
  it('opens the popup again, with a fresh state, when the user clicks Try again', async () => {
    const open = stubWindowOpen(null, fakePopup());
    const { user } = await regionalForm();
    await user.click(submitButton());
    expect(formStatus()).toHaveTextContent(/blocked/);
    fireEvent.click(submitButton('Try again'));
    expect(open).toHaveBeenCalledTimes(2);
    const retry = await signInUrl(open, 1);
    expect(retry.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(retry.searchParams.get('state')).not.toBe(openedState(open, 0));
    expect(retry.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await waitFor(() => expect(formStatus()).toHaveTextContent(WAITING));
  });

  it('offers the new tab again when the popup is blocked a second time, after Try again, for the new flow', async () => {
    const open = stubWindowOpen(null);
    const { user } = await regionalForm();
    await user.click(submitButton());
    // The retry's PKCE pair is hashed in the background; wait for it so the retry opens the
    // sign-in URL itself rather than a blank popup (which would carry no state to compare).
    await pkceReady();
    await user.click(submitButton('Try again'));
    expect(open).toHaveBeenCalledTimes(2);
    expect(String(open.mock.calls[1]![0])).not.toBe('about:blank');
    await waitFor(() => expect(formStatus()).toHaveTextContent(/blocked/));
    await user.click(newTab());
    expect(open).toHaveBeenCalledTimes(3);
    const tab = openedUrl(open, 2);
    expect(tab.origin + tab.pathname).toBe('https://eu.auth.example.com/oauth/authorize');
    expect(tab.searchParams.get('state')).toBe(openedState(open, 1));
    expect(tab.searchParams.get('state')).not.toBe(openedState(open, 0));
    expect(tab.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('offers the new tab when the popup is blocked on a click right after mount, before PKCE was ready', async () => {
    const open = stubWindowOpen(null);
    renderOAuth2Form(
      { ...regionalOAuth2Auth, props: {}, authUrl: 'https://auth.example.com/a', tokenUrl: 'https://auth.example.com/t', scope: ['x'] },
      { oauth2: HOST_APP },
    );
    fireEvent.click(submitButton());
    await waitFor(() => expect(formStatus()).toHaveTextContent(/blocked/));
    fireEvent.click(newTab());
    expect(openedUrl(open, open.mock.calls.length - 1).searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('opens nothing from the new-tab button once the flow has ended (Cancel)', async () => {
    const open = stubWindowOpen(null);
    const { user } = await regionalForm();
    await user.click(submitButton());
    const button = newTab();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(button);
    expect(open).toHaveBeenCalledTimes(1);
  });
});

describe('oauth2.requireIssuer (RFC 9207)', () => {
  const issuer = 'https://auth.example.com';

  it('refuses a response without iss at the form: nothing emitted, the refusal shown, Try again offered', async () => {
    const open = stubWindowOpen(fakePopup());
    const { user, onConnect } = await regionalForm({ issuer, requireIssuer: true });
    await user.click(submitButton());
    deliver(callback(openedState(open), { code: 'from-a-mixed-up-provider' }));
    await waitFor(() => expect(formStatus()).toHaveTextContent(/did not say which issuer sent it/));
    expect(onConnect).not.toHaveBeenCalled();
    expect(submitButton('Try again')).toBeVisible();
  });

  it('connects with the expected iss', async () => {
    const open = stubWindowOpen(fakePopup());
    const { user, onConnect } = await regionalForm({ issuer, requireIssuer: true });
    await user.click(submitButton());
    deliver(callback(openedState(open), { code: 'abc', iss: issuer }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
  });

  it('without issuer is a set-up error that names the fix, and opens no window', async () => {
    const open = stubWindowOpen(fakePopup());
    const { user } = await regionalForm({ requireIssuer: true });
    await user.click(submitButton());
    expect(formStatus()).toHaveTextContent('oauth2.requireIssuer is set but oauth2.issuer is not');
    expect(open).not.toHaveBeenCalled();
  });
});

describe('a callback that reports a failure', () => {
  it('shows access_denied as a denial with its description, keeps the props and closes the popup', async () => {
    const popup = fakePopup();
    const open = stubWindowOpen(popup);
    const { user, onConnect } = await regionalForm();
    await user.click(submitButton());
    deliver(callback(openedState(open), { error: 'access_denied', error_description: 'The user said no' }));
    await waitFor(() => expect(formStatus()).toHaveTextContent('Access was denied. Reason: The user said no. Try again to grant access.'));
    expect(submitButton('Try again')).toBeVisible();
    expect(screen.getByRole('textbox', { name: 'Region' })).toHaveValue('eu');
    expect(popup.closed).toBe(true);
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('shows another provider error with its description as plain text, even when it looks like HTML', async () => {
    const open = stubWindowOpen(fakePopup());
    const { user, onConnect } = await regionalForm();
    await user.click(submitButton());
    const description = '<img src=x onerror="alert(1)"><b>boom</b>';
    deliver(callback(openedState(open), { error: 'server_error', error_description: description }));
    await waitFor(() => expect(formStatus()).toHaveTextContent('The provider reported an error (server_error).'));
    expect(formStatus().textContent).toContain(description);
    expect(document.querySelector('img')).toBeNull();
    expect(formStatus().querySelector('b')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Region' })).toHaveValue('eu');
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('refuses a callback from an unexpected issuer', async () => {
    const open = stubWindowOpen(fakePopup());
    const { user, onConnect } = await regionalForm({ issuer: 'https://auth.example.com' });
    await user.click(submitButton());
    deliver(callback(openedState(open), { code: 'abc', iss: 'https://evil.example' }));
    // The refusal is the flow's end: it emits nothing after it.
    await waitFor(() => expect(formStatus()).toHaveTextContent(/sign-in response was refused.*unexpected issuer/));
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('lets the user try again with a fresh state, and ignores the spent one', async () => {
    const open = stubWindowOpen(fakePopup(), fakePopup());
    const { user, onConnect } = await regionalForm();
    await user.click(submitButton());
    const first = openedState(open);
    deliver(callback(first, { error: 'access_denied' }));
    await waitFor(() => expect(submitButton('Try again')).toBeVisible());
    await user.click(submitButton('Try again'));
    expect(open).toHaveBeenCalledTimes(2);
    const second = (await signInUrl(open, 1)).searchParams.get('state')!;
    expect(second).not.toBe(first);
    // The replay first: had it been accepted, it would have been the one emission.
    deliver(callback(first, { code: 'replayed' }));
    deliver(callback(second, { code: 'fresh' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toMatchObject({ code: 'fresh' });
  });
});

describe('a flow nobody finishes', () => {
  it('times out after timeoutMs, closes the popup and keeps the props', async () => {
    const popup = fakePopup();
    stubWindowOpen(popup);
    const { user, onConnect } = await regionalForm({ timeoutMs: 60 });
    await user.click(submitButton());
    await waitFor(() => expect(formStatus()).toHaveTextContent('Signing in took too long. Try again.'));
    expect(popup.closed).toBe(true);
    expect(submitButton('Try again')).toBeVisible();
    expect(screen.getByRole('textbox', { name: 'Region' })).toHaveValue('eu');
    expect(onConnect).not.toHaveBeenCalled();
  });
});

describe('a popup that reads as closed', () => {
  it('says it seems closed after the grace period, and a late delivery still completes', async () => {
    const popup = fakePopup();
    const open = stubWindowOpen(popup);
    const { user, onConnect } = await regionalForm();
    await user.click(submitButton());
    popup.closed = true; // what COOP makes it read while the user is still consenting
    await waitFor(() => expect(formStatus()).toHaveTextContent(/seems to be closed/), { timeout: 3_000 });
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeVisible();
    deliver(callback(openedState(open), { code: 'late' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toMatchObject({ code: 'late' });
  });
});

describe('cancelling a flow', () => {
  it('emits nothing, closes the popup, ignores a later delivery with the old state and keeps the props', async () => {
    const popup = fakePopup();
    const open = stubWindowOpen(popup);
    const { user, onConnect } = await regionalForm();
    await user.click(submitButton());
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(popup.closed).toBe(true);
    expect(formStatus()).not.toHaveTextContent(WAITING);
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    const cancelled = openedState(open);
    deliver(callback(cancelled, { code: 'too-late' }));
    broadcast(cancelled, callback(cancelled, { code: 'too-late' }));
    expect(screen.getByRole('textbox', { name: 'Region' })).toHaveValue('eu');
    // Then a new flow's genuine callback, by the same two routes after the late ones: the only
    // emission is its value, so the late delivery of the cancelled flow emitted nothing.
    await pkceReady();
    await user.click(submitButton());
    const next = (await signInUrl(open, 1)).searchParams.get('state')!;
    deliver(callback(next, { code: 'next-flow' }));
    broadcast(next, callback(next, { code: 'next-flow' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toMatchObject({ code: 'next-flow', props: { region: 'eu' } });
  });

  it('also happens when the user switches to another auth method mid-flow', async () => {
    const popup = fakePopup();
    const open = stubWindowOpen(popup);
    const { user, onConnect } = renderOAuth2Form(slackLikeAuth, { oauth2: HOST_APP });
    await pkceReady();
    await user.click(submitButton());
    expect(open).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('radio', { name: 'Authenticate with Bot token' }));
    expect(popup.closed).toBe(true);
    deliver(callback(openedState(open), { code: 'abc' }));
    // Then the method the user switched to connects: its value is the only emission.
    await user.type(screen.getByLabelText('Bot token'), 'xoxb-1');
    await user.click(submitButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toEqual({ type: 'CUSTOM_AUTH', props: { botToken: 'xoxb-1' } });
  });
});

describe('messages that are not this flow’s result', () => {
  it('ignores a forged message from another origin, then accepts the genuine one', async () => {
    const open = stubWindowOpen(fakePopup());
    const { user, onConnect } = await regionalForm();
    await user.click(submitButton());
    const state = openedState(open);
    deliver(callback(state, { code: 'forged' }), 'https://evil.example');
    deliver(callback(state, { error: 'access_denied' }), 'https://evil.example');
    // Window messages are handled synchronously: the flow is still waiting after the forged ones.
    expect(formStatus()).toHaveTextContent(WAITING);
    deliver(callback(state, { code: 'abc' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toMatchObject({ code: 'abc' });
  });

  it('ignores a message with an unknown state', async () => {
    const open = stubWindowOpen(fakePopup());
    const { user, onConnect } = await regionalForm();
    await user.click(submitButton());
    deliver(callback('not-the-state', { code: 'forged' }));
    expect(formStatus()).toHaveTextContent(WAITING);
    // The genuine one after it is the one emission: the first delivery would have won.
    deliver(callback(openedState(open), { code: 'abc' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toMatchObject({ code: 'abc' });
  });
});

describe('two forms on one page', () => {
  it('never receive each other’s results', async () => {
    const open = stubWindowOpen(fakePopup(), fakePopup());
    const user = userEvent.setup();
    const onA = vi.fn();
    const onB = vi.fn();
    trackPkce();
    render(
      <>
        <section aria-label="Form A">
          <ConnectionForm auth={regionalOAuth2Auth} oauth2={HOST_APP} onConnect={onA} />
        </section>
        <section aria-label="Form B">
          <ConnectionForm auth={regionalOAuth2Auth} oauth2={HOST_APP} onConnect={onB} />
        </section>
      </>,
    );
    const a = within(screen.getByRole('region', { name: 'Form A' }));
    const b = within(screen.getByRole('region', { name: 'Form B' }));
    await user.type(a.getByRole('textbox', { name: 'Region' }), 'eu');
    await user.type(b.getByRole('textbox', { name: 'Region' }), 'us');
    await pkceReady();
    await user.click(submitButton('Connect', a));
    await user.click(submitButton('Connect', b));
    const stateA = openedState(open, 0);
    const stateB = openedState(open, 1);
    expect(stateA).not.toBe(stateB);

    deliver(callback(stateB, { code: 'for-b' }));
    await waitFor(() => expect(onB).toHaveBeenCalledTimes(1));
    expect(onB.mock.calls[0]![0]).toMatchObject({ code: 'for-b', props: { region: 'us' } });
    expect(onA).not.toHaveBeenCalled();
    expect(formStatus(a)).toHaveTextContent(WAITING);

    deliver(callback(stateA, { code: 'for-a' }));
    await waitFor(() => expect(onA).toHaveBeenCalledTimes(1));
    expect(onA.mock.calls[0]![0]).toMatchObject({ code: 'for-a', props: { region: 'eu' } });
    expect(onB).toHaveBeenCalledTimes(1);
  });
});

describe('unmounting during a flow', () => {
  it('removes its message listener, closes the popup and emits nothing', async () => {
    const popup = fakePopup();
    const open = stubWindowOpen(popup, fakePopup());
    const add = vi.spyOn(window, 'addEventListener');
    const remove = vi.spyOn(window, 'removeEventListener');
    const { user, onConnect, unmount } = await regionalForm();
    await user.click(submitButton());
    const listeners = add.mock.calls.filter(([type]) => type === 'message').map(([, fn]) => fn);
    expect(listeners).toHaveLength(1);
    unmount();
    expect(remove).toHaveBeenCalledWith('message', listeners[0]);
    expect(popup.closed).toBe(true);
    deliver(callback(openedState(open), { code: 'abc' }));
    // A form mounted next, with the same onConnect, connects: its value is the only emission, so
    // the late delivery to the unmounted one emitted nothing.
    render(<ConnectionForm auth={regionalOAuth2Auth} oauth2={HOST_APP} onConnect={onConnect} />);
    await user.type(screen.getByRole('textbox', { name: 'Region' }), 'us');
    await pkceReady();
    await user.click(submitButton());
    deliver(callback(openedState(open, 1), { code: 'next-form' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toMatchObject({ code: 'next-form', props: { region: 'us' } });
  });
});

describe('the PKCE verifier and the code', () => {
  it('never appear in the DOM, the console, web storage or the authorization URL', async () => {
    const consoleSpies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(() => {}),
    );
    const open = stubWindowOpen(fakePopup());
    const { user, onConnect } = await regionalForm();
    await user.click(submitButton());
    const waitingHtml = document.body.outerHTML;
    const code = 'code-7f3a9c2e-unique';
    deliver(callback(openedState(open), { code }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(formStatus()).toHaveTextContent('Connected.'));
    const verifier = (onConnect.mock.calls[0]![0] as { code_challenge: string }).code_challenge;
    expect(verifier).toHaveLength(43);

    for (const secret of [verifier, code]) {
      expect(waitingHtml).not.toContain(secret);
      expect(document.body.outerHTML).not.toContain(secret);
      expect(String(open.mock.calls[0]![0])).not.toContain(secret);
      expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain(secret);
      for (const spy of consoleSpies) expect(JSON.stringify(spy.mock.calls)).not.toContain(secret);
    }
  });
});
