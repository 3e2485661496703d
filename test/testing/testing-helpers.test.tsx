import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConnectionForm, s256Challenge, type ConnectionValue } from '../../src';
import { captureConnection, fillConnectionForm, mockOAuth2Popup, submitConnectionForm } from '../../src/testing';
import { basicAuth, everyPropertyAuth, regionalOAuth2Auth } from '../../stories/fixtures/auth-definitions';

describe('filling a form from a plain value object', () => {
  it('fills every property type and reads back the emitted value', async () => {
    const user = userEvent.setup();
    const connection = captureConnection<ConnectionValue<typeof everyPropertyAuth>>();
    render(<ConnectionForm auth={everyPropertyAuth} onConnect={connection.onConnect} />);
    await fillConnectionForm(
      everyPropertyAuth,
      { host: 'db.local', notes: 'hi', port: 6543, ssl: false, token: 'tok', environment: 'sandbox', scopes: ['write', 'read'] },
      { user },
    );
    await submitConnectionForm({ user });
    expect(await connection.value()).toEqual({
      type: 'CUSTOM_AUTH',
      props: { host: 'db.local', notes: 'hi', port: 6543, ssl: false, token: 'tok', environment: 'sandbox', scopes: ['read', 'write'] },
    });
  });

  it('names a dropdown value that is not among the options', async () => {
    render(<ConnectionForm auth={everyPropertyAuth} onConnect={() => {}} />);
    await expect(fillConnectionForm(everyPropertyAuth, { environment: 'staging' })).rejects.toThrow(
      'Environment has no option with value "staging"',
    );
  });

  it('fills basic auth by its own labels', async () => {
    const connection = captureConnection();
    render(<ConnectionForm auth={basicAuth} onConnect={connection.onConnect} />);
    await fillConnectionForm(basicAuth, { username: 'ada', password: 'pw' });
    await submitConnectionForm();
    expect(await connection.value()).toEqual({ type: 'BASIC_AUTH', username: 'ada', password: 'pw' });
  });

  it('captureConnection rejects when nothing is emitted in time', async () => {
    await expect(captureConnection({ timeoutMs: 20 }).value()).rejects.toThrow('onConnect was not called');
  });
});

describe('a simulated OAuth2 popup', () => {
  const oauth2 = { clientId: 'cid', redirectUrl: 'http://localhost:3000/callback' };
  let popup: ReturnType<typeof mockOAuth2Popup> | undefined;
  afterEach(() => popup?.restore());

  it('approving delivers a code for the pending state and the form emits', async () => {
    popup = mockOAuth2Popup();
    const connection = captureConnection<ConnectionValue<typeof regionalOAuth2Auth>>();
    render(<ConnectionForm auth={regionalOAuth2Auth} oauth2={oauth2} onConnect={connection.onConnect} />);
    await fillConnectionForm(regionalOAuth2Auth, { region: 'eu' });
    await submitConnectionForm();
    expect(popup.url().host).toBe('eu.auth.example.com');
    popup.approve('code-1');
    const value = await connection.value();
    expect(value).toMatchObject({ type: 'PLATFORM_OAUTH2', code: 'code-1', client_id: 'cid', props: { region: 'eu' } });
    expect(await s256Challenge(String(value.code_challenge ?? ''))).toBe(popup.url().searchParams.get('code_challenge'));
    expect(await screen.findByText('Connected.')).toBeInTheDocument();
  });

  it('denying shows the provider’s refusal and keeps the typed region', async () => {
    popup = mockOAuth2Popup();
    render(<ConnectionForm auth={regionalOAuth2Auth} oauth2={oauth2} onConnect={() => {}} />);
    await fillConnectionForm(regionalOAuth2Auth, { region: 'us' });
    await submitConnectionForm();
    popup.deny('The user said no');
    expect(await screen.findByText(/Access was denied\. Reason: The user said no\./)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Region' })).toHaveValue('us');
  });

  it('a blocked popup shows the recovery choices', async () => {
    popup = mockOAuth2Popup({ blocked: true });
    render(<ConnectionForm auth={regionalOAuth2Auth} oauth2={oauth2} onConnect={() => {}} />);
    await fillConnectionForm(regionalOAuth2Auth, { region: 'eu' });
    await submitConnectionForm();
    expect(await screen.findByRole('link', { name: 'Open the sign-in page in a new tab' })).toHaveAttribute(
      'href',
      expect.stringContaining('eu.auth.example.com'),
    );
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
