import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ConnectionForm } from '../src';
import {
  clientCredentialsOAuth2Auth,
  eitherGrantOAuth2Auth,
  optionalRegionOAuth2Auth,
  regionalOAuth2Auth,
} from './fixtures/auth-definitions';
import { FAKE_CODE, fakeProvider, installFakeProvider, lastAuthorizationRequest } from './oauth2-demo/fake-provider';
import { connectInRegion, expectAnnounced, HOST_CLIENT_ID, hostApp, ownApp, REDIRECT_URL } from './oauth2-demo/oauth2-play';
import type { Canvas } from './play-helpers';

/**
 * How the host sets OAuth2 up changes the form: the user's own app (no host `clientId`), client
 * credentials (no popup), a choice of grant types, or no set-up at all. The provider is the
 * scripted one of stories/oauth2-demo/fake-provider.ts (`parameters.oauthProvider`).
 */
const meta = {
  title: 'ConnectionForm/OAuth2 set-up',
  component: ConnectionForm,
  args: { auth: regionalOAuth2Auth, oauth2: ownApp, onConnect: fn() },
  beforeEach: installFakeProvider,
} satisfies Meta<typeof ConnectionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const CLIENT_ID = 'my-own-app';
const CLIENT_SECRET = 'own-app-secret-9d2e71';

async function fillOwnApp(canvas: Canvas) {
  await userEvent.type(canvas.getByRole('textbox', { name: 'Client ID' }), CLIENT_ID);
  await userEvent.type(canvas.getByLabelText('Client Secret'), CLIENT_SECRET);
}

const copied: string[] = [];

/**
 * Records what Copy writes. Headless test runs have no real user gesture, so the browser refuses
 * the clipboard; the real write is still attempted (it works for a person clicking in Storybook).
 */
function recordClipboard() {
  const clipboard = navigator.clipboard;
  const own = Object.getOwnPropertyDescriptor(clipboard, 'writeText');
  const real = clipboard.writeText.bind(clipboard);
  copied.length = 0;
  clipboard.writeText = (text: string) => {
    copied.push(text);
    return real(text).catch(() => undefined);
  };
  return () => {
    if (own) Object.defineProperty(clipboard, 'writeText', own);
    else delete (clipboard as Partial<Clipboard>).writeText;
  };
}

/** No host `clientId`: the user brings their own app and registers the redirect URL shown. */
export const OwnApp: Story = {
  parameters: { oauthProvider: 'silent' },
  beforeEach: recordClipboard,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('textbox', { name: 'Client ID' })).toBeRequired();
    const secret = canvas.getByLabelText('Client Secret');
    await expect(secret).toHaveAttribute('type', 'password');
    await expect(secret).toBeRequired();
    await expect(canvas.getByText(REDIRECT_URL)).toBeVisible();
    await expect(canvas.getByText('Register this redirect URL with your OAuth app.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Copy' }));
    await expectAnnounced(canvas, 'Copied.');
    await expect(copied).toEqual([REDIRECT_URL]);
  },
};

/** The user's own app connected: the value carries their client id and secret. */
export const OwnAppConnected: Story = {
  parameters: { oauthProvider: 'approve' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await fillOwnApp(canvas);
    await connectInRegion(canvas);
    await expectAnnounced(canvas, 'Connected.');
    await expect(args.onConnect).toHaveBeenCalledTimes(1);
    await expect(args.onConnect).toHaveBeenCalledWith(
      {
        type: 'OAUTH2',
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        grant_type: 'authorization_code',
        redirect_url: REDIRECT_URL,
        code: FAKE_CODE,
        code_challenge: expect.stringMatching(/^[A-Za-z0-9._~-]{43,128}$/),
        scope: 'read:eu offline',
        props: { region: 'eu' },
      },
      {},
    );
    const request = lastAuthorizationRequest();
    await expect(request.searchParams.get('client_id')).toBe(CLIENT_ID);
    // The secret goes only into the emitted value: not into the URL, not into the DOM.
    await expect(request.href).not.toContain(CLIENT_SECRET);
    await expect(canvasElement.outerHTML).not.toContain(CLIENT_SECRET);
  },
};

/** Client credentials: no popup, no redirect URL; submit emits the value directly. */
export const ClientCredentials: Story = {
  args: { auth: clientCredentialsOAuth2Auth, oauth2: hostApp },
  parameters: { oauthProvider: 'block' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByText('Register this redirect URL with your OAuth app.')).toBeNull();
    await fillOwnApp(canvas);
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    await expectAnnounced(canvas, 'Connected.');
    await expect(fakeProvider().opens).toBe(0);
    await expect(args.onConnect).toHaveBeenCalledTimes(1);
    await expect(args.onConnect).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'OAUTH2',
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        grant_type: 'client_credentials',
        scope: 'api',
        props: {},
      }),
      {},
    );
  },
};

/** Both grant types: the user picks one; client credentials asks for the client's id and secret. */
export const BothGrantTypes: Story = {
  args: { auth: eitherGrantOAuth2Auth, oauth2: hostApp },
  parameters: { oauthProvider: 'block' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const grant = within(canvas.getByRole('group', { name: 'Grant type' }));
    await expect(grant.getByRole('radio', { name: 'Authorization code' })).toBeChecked();
    await expect(canvas.queryByRole('textbox', { name: 'Client ID' })).toBeNull();
    await userEvent.click(grant.getByRole('radio', { name: 'Client credentials' }));
    await expect(grant.getByRole('radio', { name: 'Client credentials' })).toBeChecked();
    await fillOwnApp(canvas);
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    await expectAnnounced(canvas, 'Connected.');
    await expect(fakeProvider().opens).toBe(0);
    await expect(args.onConnect).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'OAUTH2', client_id: CLIENT_ID, grant_type: 'client_credentials' }),
      {},
    );
  },
};

/** Both grant types, keeping the authorization code: the popup flow, with the host's app. */
export const BothGrantTypesAuthorizationCode: Story = {
  args: { auth: eitherGrantOAuth2Auth, oauth2: hostApp },
  parameters: { oauthProvider: 'approve' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    await expectAnnounced(canvas, 'Connected.');
    await expect(fakeProvider().opens).toBe(1);
    await expect(args.onConnect).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'PLATFORM_OAUTH2', client_id: HOST_CLIENT_ID, code: FAKE_CODE, scope: 'api' }),
      {},
    );
  },
};

/** A `{region}` placeholder whose optional prop was left empty: a clear error, no popup. */
export const MissingPlaceholderValue: Story = {
  args: { auth: optionalRegionOAuth2Auth, oauth2: hostApp },
  parameters: { oauthProvider: 'approve' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    await expectAnnounced(canvas, 'authUrl needs a value for {region}: fill in the "region" field first.');
    await expect(fakeProvider().opens).toBe(0);
    await expect(args.onConnect).not.toHaveBeenCalled();
  },
};

/** The host passed no `oauth2` set-up: the form says what is missing instead of failing silently. */
export const NotConfigured: Story = {
  args: { oauth2: undefined },
  parameters: { oauthProvider: 'approve' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await connectInRegion(canvas);
    await expectAnnounced(canvas, /^OAuth2 is not set up: the host app must pass oauth2=\{\{ redirectUrl \}\}/);
    await expect(fakeProvider().opens).toBe(0);
  },
};

/** The own-app form disabled: its fields and Connect. */
export const OwnAppDisabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('textbox', { name: 'Client ID' })).toBeDisabled();
    await expect(canvas.getByLabelText('Client Secret')).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Connect' })).toBeDisabled();
  },
};
