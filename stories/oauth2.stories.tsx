import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, mocked, userEvent, within } from 'storybook/test';
import { ConnectionForm } from '../src';
import { regionalOAuth2Auth } from './fixtures/auth-definitions';
import {
  DENIED_DESCRIPTION,
  ERROR_DESCRIPTION,
  FAKE_CODE,
  fakeProvider,
  installFakeProvider,
  lastAuthorizationRequest,
} from './oauth2-demo/fake-provider';
import { connectInRegion, expectAnnounced, HOST_CLIENT_ID, hostApp, REDIRECT_URL } from './oauth2-demo/oauth2-play';
import type { Canvas } from './play-helpers';

/**
 * `PieceAuth.OAuth2` with PKCE and a `{region}` placeholder in its URLs and scope, connected
 * through the host's own OAuth app, in every state of the popup flow. The provider is scripted
 * (`parameters.oauthProvider`, see stories/oauth2-demo/fake-provider.ts): these stories never
 * open a real window. "OAuth2 full flow" has the real thing.
 */
const meta = {
  title: 'ConnectionForm/OAuth2',
  component: ConnectionForm,
  args: { auth: regionalOAuth2Auth, oauth2: hostApp, onConnect: fn() },
  beforeEach: installFakeProvider,
} satisfies Meta<typeof ConnectionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const connectButton = (canvas: Canvas) => canvas.getByRole('button', { name: 'Connect' });

/** Nothing clicked yet: the region the URLs need, and Connect. */
export const Ready: Story = {
  parameters: { oauthProvider: 'silent' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Sign in with your account in the region you picked.')).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: 'Region' })).toBeRequired();
    await expect(connectButton(canvas)).toBeEnabled();
    // No client id / secret: the host's app is used.
    await expect(canvas.queryByLabelText('Client ID')).toBeNull();
    await expect(canvas.getByRole('status')).toHaveTextContent('');
  },
};

/** The popup is open and the form waits for it, with Cancel. A second click opens nothing. */
export const Waiting: Story = {
  parameters: { oauthProvider: 'silent' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await connectInRegion(canvas);
    await expectAnnounced(canvas, 'Waiting for you to finish signing in, in the popup window…');
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toBeVisible();
    await expect(connectButton(canvas)).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(connectButton(canvas));
    await expect(fakeProvider().opens).toBe(1);
  },
};

/** Cancel ends the wait; what the user typed stays. */
export const WaitingThenCancelled: Story = {
  parameters: { oauthProvider: 'silent' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await connectInRegion(canvas);
    await expectAnnounced(canvas, 'Waiting for you to finish signing in, in the popup window…');
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }));
    await expectAnnounced(canvas, '');
    await expect(canvas.queryByRole('button', { name: 'Cancel' })).toBeNull();
    await expect(connectButton(canvas)).not.toHaveAttribute('aria-disabled');
    await expect(canvas.getByRole('textbox', { name: 'Region' })).toHaveValue('eu');
    await expect(args.onConnect).not.toHaveBeenCalled();
  },
};

/** The browser blocked the popup: Try again (a fresh click) or open the page in a new tab. */
export const Blocked: Story = {
  parameters: { oauthProvider: 'block' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await connectInRegion(canvas);
    await expectAnnounced(canvas, 'The browser blocked the sign-in window. Try again, or open the sign-in page in a new tab.');
    // A button, not a link: the URL (with its state) never appears in the page (issue 12).
    await expect(canvas.queryByRole('link', { name: /sign-in page/ })).toBeNull();
    await expect(canvasElement.outerHTML).not.toContain('eu.auth.example.com');
    await userEvent.click(canvas.getByRole('button', { name: 'Open the sign-in page in a new tab' }));
    await expect(fakeProvider().opens).toBe(2);
    // What the new tab opened: the definition's own query stays, {region} is filled, PKCE S256.
    const href = lastAuthorizationRequest();
    await expect(`${href.origin}${href.pathname}`).toBe('https://eu.auth.example.com/oauth/authorize');
    await expect(href.searchParams.get('audience')).toBe('api');
    await expect(href.searchParams.get('code_challenge_method')).toBe('S256');
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(fakeProvider().opens).toBe(3);
    await expectAnnounced(canvas, /The browser blocked the sign-in window/);
    await expect(canvas.getByRole('button', { name: 'Open the sign-in page in a new tab' })).toBeVisible();
  },
};

/** The user closed the window without answering: after a grace period the form says so. */
export const ClosedByTheUser: Story = {
  parameters: { oauthProvider: 'close' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await connectInRegion(canvas);
    await expectAnnounced(
      canvas,
      'The sign-in window seems to be closed. If you finished signing in, this updates by itself; otherwise try again.',
    );
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled();
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toBeVisible();
  },
};

/**
 * A provider's Cross-Origin-Opener-Policy makes the window read as closed while the user is
 * still signing in: the form keeps listening, and the late result still connects.
 */
export const SeemedClosedButFinished: Story = {
  parameters: { oauthProvider: 'approve-after-close' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await connectInRegion(canvas);
    await expectAnnounced(canvas, /seems to be closed/);
    fakeProvider().respond();
    await expectAnnounced(canvas, 'Connected.');
    await expect(args.onConnect).toHaveBeenCalledTimes(1);
  },
};

/** Nothing came back before `oauth2.timeoutMs` (here 300 ms; 5 minutes by default). */
export const TimedOut: Story = {
  args: { oauth2: { ...hostApp, timeoutMs: 300 } },
  parameters: { oauthProvider: 'silent' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await connectInRegion(canvas);
    await expectAnnounced(canvas, 'Signing in took too long. Try again.');
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled();
    await expect(canvas.getByRole('textbox', { name: 'Region' })).toHaveValue('eu');
    await expect(args.onConnect).not.toHaveBeenCalled();
  },
};

/** The user clicked Deny at the provider (`error=access_denied`). */
export const DeniedByTheProvider: Story = {
  parameters: { oauthProvider: 'deny' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await connectInRegion(canvas);
    await expectAnnounced(canvas, `Access was denied. Reason: ${DENIED_DESCRIPTION.replace(/\.$/, '')}. Try again to grant access.`);
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled();
    await expect(args.onConnect).not.toHaveBeenCalled();
  },
};

/** Any other provider error; its `error_description` (markup included) is shown as plain text. */
export const ProviderError: Story = {
  parameters: { oauthProvider: 'error' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await connectInRegion(canvas);
    await expectAnnounced(canvas, `The provider reported an error (temporarily_unavailable). Reason: ${ERROR_DESCRIPTION}. Try again.`);
    await expect(canvas.queryByRole('img')).toBeNull();
    await expect(args.onConnect).not.toHaveBeenCalled();
  },
};

/** A code whose `iss` is not the configured issuer is refused (RFC 9207), not emitted. */
export const UnexpectedIssuer: Story = {
  args: { oauth2: { ...hostApp, issuer: 'https://eu.auth.example.com' } },
  parameters: { oauthProvider: 'wrong-issuer' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await connectInRegion(canvas);
    await expectAnnounced(canvas, 'The sign-in response was refused. Reason: The response came from an unexpected issuer. Try again.');
    await expect(args.onConnect).not.toHaveBeenCalled();
  },
};

/** The provider approved: the value is emitted once, and the button offers Reconnect. */
export const Connected: Story = {
  parameters: { oauthProvider: 'approve' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await connectInRegion(canvas);
    await expectAnnounced(canvas, 'Connected.');
    await expect(canvas.getByRole('button', { name: 'Reconnect' })).toBeEnabled();
    await expect(args.onConnect).toHaveBeenCalledTimes(1);
    await expect(args.onConnect).toHaveBeenCalledWith(
      {
        type: 'PLATFORM_OAUTH2',
        client_id: HOST_CLIENT_ID,
        redirect_url: REDIRECT_URL,
        code: FAKE_CODE,
        // Activepieces' name for the PKCE verifier, which the server needs for the token request.
        code_challenge: expect.stringMatching(/^[A-Za-z0-9._~-]{43,128}$/),
        scope: 'read:eu offline',
        props: { region: 'eu' },
      },
      {},
    );
    const request = lastAuthorizationRequest();
    await expect(`${request.origin}${request.pathname}`).toBe('https://eu.auth.example.com/oauth/authorize');
    await expect(Object.fromEntries(request.searchParams)).toMatchObject({
      audience: 'api',
      response_type: 'code',
      client_id: HOST_CLIENT_ID,
      redirect_uri: REDIRECT_URL,
      scope: 'read:eu offline',
      code_challenge_method: 'S256',
    });
    await expect(request.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    // The verifier only leaves the flow in the emitted value, never in the URL (security note 4).
    const [emitted] = mocked(args.onConnect).mock.lastCall ?? [];
    await expect(emitted).toBeDefined();
    const verifier = (emitted as { code_challenge: string }).code_challenge;
    await expect(request.href).not.toContain(verifier);
  },
};

/** Every control disabled. */
export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('textbox', { name: 'Region' })).toBeDisabled();
    await expect(connectButton(canvas)).toBeDisabled();
  },
};
