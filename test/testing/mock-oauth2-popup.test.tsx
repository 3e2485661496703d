// mockOAuth2Popup against real OAuth2 <ConnectionForm>s: every way a popup flow ends, delivered
// the way the redirect page delivers it, and what the form then shows and emits.
import { render, screen } from '@testing-library/react';
import type { FormEvent } from 'react';
import { ConnectionForm, type ConnectionValue } from '../../src';
import userEvent from '@testing-library/user-event';
import { FLOW_NONCE_KEY, s256Challenge } from '../../src/oauth2-entry';
import { captureConnection, fillConnectionForm, mockOAuth2Popup, submitConnectionForm, type MockOAuth2Popup } from '../../src/testing';
import { regionalOAuth2Auth, slackLikeAuth } from '../../stories/fixtures/auth-definitions';

const redirectUrl = 'http://localhost:3000/callback';
const platform = { clientId: 'cid', redirectUrl };

let popup: MockOAuth2Popup | undefined;
afterEach(() => {
  popup?.restore();
  popup = undefined;
});

describe('mockOAuth2Popup: approve', () => {
  it('delivers a code for the pending state; the form emits the platform value with the PKCE verifier', async () => {
    const errors = vi.spyOn(console, 'error');
    popup = mockOAuth2Popup();
    const connection = captureConnection<ConnectionValue<typeof regionalOAuth2Auth>>();
    render(<ConnectionForm auth={regionalOAuth2Auth} oauth2={platform} onConnect={connection.onConnect} />);
    await fillConnectionForm(regionalOAuth2Auth, { region: 'eu' });
    await submitConnectionForm();
    expect(popup.opened()).toBe(1);
    expect(popup.url().host).toBe('eu.auth.example.com');
    expect(popup.state()).toBe(popup.url().searchParams.get('state'));
    expect(popup.state()).not.toBe('');
    await popup.approve('code-1');
    // Awaiting the delivery is enough: it ran inside Testing Library's wrapper, which let the
    // form settle, and React saw no update outside act().
    expect(screen.getByRole('status')).toHaveTextContent('Connected.');
    expect(connection.values).toHaveLength(1);
    expect(errors.mock.calls.flat().join('\n')).not.toMatch(/not wrapped in act/);
    const value = await connection.value();
    expect(value).toMatchObject({
      type: 'PLATFORM_OAUTH2',
      code: 'code-1',
      client_id: 'cid',
      redirect_url: redirectUrl,
      props: { region: 'eu' },
    });
    expect(await s256Challenge(String(value.code_challenge ?? ''))).toBe(popup.url().searchParams.get('code_challenge'));
    errors.mockRestore();
  });

  it('with the user’s own app: Client ID and Client Secret go into the OAUTH2 value', async () => {
    popup = mockOAuth2Popup();
    const connection = captureConnection<ConnectionValue<typeof regionalOAuth2Auth>>();
    render(<ConnectionForm auth={regionalOAuth2Auth} oauth2={{ redirectUrl }} onConnect={connection.onConnect} />);
    await fillConnectionForm(regionalOAuth2Auth, { client_id: 'my-app', client_secret: 'my-secret', region: 'us' });
    await submitConnectionForm();
    expect(popup.url().searchParams.get('client_id')).toBe('my-app');
    await popup.approve();
    expect(await connection.value()).toMatchObject({
      type: 'OAUTH2',
      client_id: 'my-app',
      client_secret: 'my-secret',
      code: 'test-code',
      grant_type: 'authorization_code',
      props: { region: 'us' },
    });
  });

  it('checks iss against oauth2.issuer as the form does: a wrong issuer is refused, the right one connects', async () => {
    popup = mockOAuth2Popup();
    const connection = captureConnection();
    render(
      <ConnectionForm
        auth={regionalOAuth2Auth}
        oauth2={{ ...platform, issuer: 'https://eu.auth.example.com' }}
        onConnect={connection.onConnect}
      />,
    );
    await fillConnectionForm(regionalOAuth2Auth, { region: 'eu' });
    await submitConnectionForm();
    await popup.approve('c', { iss: 'https://evil.example.com' });
    expect(await screen.findByText(/The sign-in response was refused/)).toBeInTheDocument();
    expect(connection.values).toEqual([]);
    await submitConnectionForm();
    expect(popup.opened()).toBe(2);
    await popup.approve('c2', { iss: 'https://eu.auth.example.com' });
    expect(await connection.value()).toMatchObject({ code: 'c2' });
  });

  it('completes the OAuth2 method of an array of auths', async () => {
    popup = mockOAuth2Popup();
    const connection = captureConnection<ConnectionValue<typeof slackLikeAuth>>();
    render(<ConnectionForm auth={slackLikeAuth} oauth2={platform} onConnect={connection.onConnect} />);
    await fillConnectionForm(slackLikeAuth, {}, { method: 'OAUTH2' });
    await submitConnectionForm();
    expect(popup.url().searchParams.get('user_scope')).toBe('search:read');
    await popup.approve('slack-code');
    expect(await connection.value()).toMatchObject({ type: 'PLATFORM_OAUTH2', code: 'slack-code', scope: 'chat:write channels:read' });
  });
});

describe('mockOAuth2Popup: the flow fails', () => {
  it('deny: the provider’s refusal is shown, the typed region kept, the popup closed, nothing emitted', async () => {
    popup = mockOAuth2Popup();
    const onConnect = vi.fn();
    render(<ConnectionForm auth={regionalOAuth2Auth} oauth2={platform} onConnect={onConnect} />);
    await fillConnectionForm(regionalOAuth2Auth, { region: 'us' });
    await submitConnectionForm();
    expect(popup.closed()).toBe(false);
    await popup.deny('The user said no');
    expect(screen.getByRole('status')).toHaveTextContent(/^Access was denied\. Reason: The user said no\./);
    expect(screen.getByRole('textbox', { name: 'Region' })).toHaveValue('us');
    expect(popup.closed()).toBe(true);
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('fail: another provider error, with its description; Try again starts a new flow the mock follows', async () => {
    popup = mockOAuth2Popup();
    const connection = captureConnection();
    render(<ConnectionForm auth={regionalOAuth2Auth} oauth2={platform} onConnect={connection.onConnect} />);
    await fillConnectionForm(regionalOAuth2Auth, { region: 'eu' });
    await submitConnectionForm();
    const firstState = popup.state();
    await popup.fail('invalid_scope', 'read:eu is unknown');
    expect(
      await screen.findByText('The provider reported an error (invalid_scope). Reason: read:eu is unknown. Try again.'),
    ).toBeInTheDocument();
    await submitConnectionForm(); // "Try again"
    expect(popup.state()).not.toBe(firstState);
    await popup.approve('second');
    expect(await connection.value()).toMatchObject({ code: 'second' });
  });

  // Changed in issue 12: the fallback was a link whose href held the authorization URL; it is a
  // button now, whose click opens the URL (window.open, which the mock records).
  it('blocked: window.open returns null, the form offers Try again and a new-tab button', async () => {
    popup = mockOAuth2Popup({ blocked: true });
    render(<ConnectionForm auth={regionalOAuth2Auth} oauth2={platform} onConnect={() => {}} />);
    await fillConnectionForm(regionalOAuth2Auth, { region: 'eu' });
    await submitConnectionForm();
    await userEvent.click(await screen.findByRole('button', { name: 'Open the sign-in page in a new tab' }));
    expect(popup.opened()).toBe(2);
    expect(popup.url().hostname).toBe('eu.auth.example.com');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    await submitConnectionForm();
    expect(popup.opened()).toBe(3);
  });

  it('close: the form reports the closed window after its grace period', async () => {
    popup = mockOAuth2Popup();
    render(<ConnectionForm auth={regionalOAuth2Auth} oauth2={platform} onConnect={() => {}} />);
    await fillConnectionForm(regionalOAuth2Auth, { region: 'eu' });
    await submitConnectionForm();
    popup.close();
    expect(await screen.findByText(/The sign-in window seems to be closed/, {}, { timeout: 4000 })).toBeInTheDocument();
  });
});

describe('mockOAuth2Popup: set-up', () => {
  it('says when no popup was opened yet, and restore() puts window.open back', async () => {
    const original = window.open;
    const mock = mockOAuth2Popup();
    expect(window.open).not.toBe(original);
    expect(() => mock.url()).toThrow('the form has not opened a popup yet');
    await expect(mock.approve()).rejects.toThrow('the form has not opened a popup yet');
    mock.restore();
    expect(window.open).toBe(original);
  });

  it('waits for a popup opened blank to be sent to the authorization URL before delivering', async () => {
    popup = mockOAuth2Popup();
    const received: unknown[] = [];
    const listen = (event: MessageEvent) => received.push({ origin: event.origin, ...event.data });
    window.addEventListener('message', listen);
    // What the form does when PKCE is still hashing at the click (with its flow's nonce in
    // sessionStorage for the window.open only, as the real popup's copy gets it).
    sessionStorage.setItem(FLOW_NONCE_KEY, 'n-1');
    const opened = window.open('about:blank', 'ck-oauth2', 'popup=yes')!;
    sessionStorage.removeItem(FLOW_NONCE_KEY);
    setTimeout(
      () => opened.location.replace('https://auth.example.com/authorize?state=s-1&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback'),
      50,
    );
    await popup.approve('c-1');
    window.removeEventListener('message', listen);
    expect(received).toEqual([
      { origin: 'http://localhost:3000', tag: 'connection-kit:oauth2-callback', state: 's-1', nonce: 'n-1', code: 'c-1' },
    ]);
  });

  it('submitConnectionForm waits for it too, so url() is the authorization URL right after', async () => {
    popup = mockOAuth2Popup();
    const target = 'https://auth.example.com/authorize?state=s-2&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback';
    // A stand-in for a form whose click came before PKCE was ready.
    const openBlank = (event: FormEvent) => {
      event.preventDefault();
      const opened = window.open('about:blank', 'ck-oauth2', 'popup=yes')!;
      setTimeout(() => opened.location.replace(target), 50);
    };
    render(
      <form onSubmit={openBlank}>
        <button type="submit">Connect</button>
      </form>,
    );
    await submitConnectionForm();
    expect(popup.url().href).toBe(target);
    expect(popup.state()).toBe('s-2');
  });

  it('with a real form whose PKCE is still hashing at the click: url() after submitConnectionForm, then approve', async () => {
    // Hold every SHA-256 until released, so the Connect click comes before PKCE is ready.
    const digest = crypto.subtle.digest.bind(crypto.subtle);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const held = vi.spyOn(crypto.subtle, 'digest').mockImplementation(async (...args: Parameters<typeof digest>) => {
      await gate;
      return digest(...args);
    });
    popup = mockOAuth2Popup();
    // Released by the click's window.open itself: only then may the hashing finish (a timer
    // could fire before a slow click and let PKCE be ready first).
    const mocked = window.open;
    const open = vi.spyOn(window, 'open').mockImplementation((...args) => {
      const opened = mocked(...args);
      release();
      return opened;
    });
    const connection = captureConnection();
    render(<ConnectionForm auth={regionalOAuth2Auth} oauth2={platform} onConnect={connection.onConnect} />);
    await fillConnectionForm(regionalOAuth2Auth, { region: 'eu' });
    await submitConnectionForm();
    held.mockRestore();
    expect(open.mock.calls[0]![0]).toBe('about:blank');
    expect(popup.url().host).toBe('eu.auth.example.com');
    await popup.approve('late');
    expect(await connection.value()).toMatchObject({ code: 'late' });
    open.mockRestore();
  });

  it('a blocked popup opened blank has no URL, and says where to find it', async () => {
    popup = mockOAuth2Popup({ blocked: true });
    expect(window.open('about:blank')).toBeNull();
    await expect(popup.authorizationUrl()).rejects.toThrow("click the form's 'Open the sign-in page in a new tab' button to open it");
  });
});
