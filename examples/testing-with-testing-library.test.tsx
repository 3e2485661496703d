import { cleanup, render, screen } from '@testing-library/react';
import { ConnectionForm, type ConnectionValue } from 'connection-kit';
import { captureConnection, fillConnectionForm, mockOAuth2Popup, submitConnectionForm } from 'connection-kit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { awsAuth } from './custom-auth';
import { githubAuth } from './oauth2';

const oauth2 = { clientId: 'test-client', redirectUrl: 'http://localhost:3000/oauth/callback' };

// Vitest's default `globals: false` leaves each test's form mounted; the helpers then find two.
afterEach(cleanup);

describe('our AWS connection form', () => {
  it('emits the credentials the user entered', async () => {
    const connection = captureConnection<ConnectionValue<typeof awsAuth>>();
    render(<ConnectionForm auth={awsAuth} onConnect={connection.onConnect} />);

    // Keyed like the emitted value; the dropdown is picked by option value.
    await fillConnectionForm(awsAuth, { accessKeyId: 'AKIA1', secretAccessKey: 's3cret', region: 'eu-west-1' });
    await submitConnectionForm();

    expect(await connection.value()).toEqual({
      type: 'CUSTOM_AUTH',
      props: { accessKeyId: 'AKIA1', secretAccessKey: 's3cret', region: 'eu-west-1' },
    });
  });
});

describe('our GitHub connection form', () => {
  it('connects once the provider approves', async () => {
    const popup = mockOAuth2Popup();
    const connection = captureConnection<ConnectionValue<typeof githubAuth>>();
    render(<ConnectionForm auth={githubAuth} oauth2={oauth2} onConnect={connection.onConnect} />);

    await submitConnectionForm(); // "opens" the popup
    expect(popup.url().searchParams.get('client_id')).toBe('test-client');
    await popup.approve('the-code'); // as the redirect page would, for the pending state

    expect(await connection.value()).toMatchObject({ type: 'PLATFORM_OAUTH2', code: 'the-code' });
    popup.restore();
  });

  it('shows the provider’s refusal', async () => {
    const popup = mockOAuth2Popup();
    render(<ConnectionForm auth={githubAuth} oauth2={oauth2} onConnect={() => {}} />);

    await submitConnectionForm();
    await popup.deny('The user cancelled');

    expect(screen.getByRole('status').textContent).toMatch(/^Access was denied/);
    popup.restore();
  });
});
