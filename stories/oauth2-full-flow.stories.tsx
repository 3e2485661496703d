import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ConnectionForm, PieceAuth, Property, type OAuth2HostConfig } from '../src';
import { FAKE_CODE, installFakeProvider, lastAuthorizationRequest } from './oauth2-demo/fake-provider';
import { expectAnnounced } from './oauth2-demo/oauth2-play';

// Storybook serves the demo provider's page (stories/oauth2-demo/public/authorize.html) and the
// kit's callback page next to iframe.html, so both URLs are relative to this page.
const here = new URL('.', window.location.href).href;

/** An OAuth2 definition whose provider is the demo page Storybook serves. */
const demoProviderAuth = PieceAuth.OAuth2({
  displayName: 'Demo provider',
  description: 'Signs in with a fake provider page that Storybook serves itself: no network, no account.',
  authUrl: `${here}authorize.html?tenant={region}`,
  tokenUrl: `${here}token`,
  required: true,
  scope: ['profile', 'read:{region}'],
  pkce: true,
  props: { region: Property.ShortText({ displayName: 'Region', required: true, defaultValue: 'eu' }) },
});

const demoHost: OAuth2HostConfig = {
  clientId: 'storybook-demo',
  redirectUrl: `${here}oauth2-callback.html`,
  // The demo page answers with `iss` = its origin (RFC 9207); any other issuer is refused.
  issuer: window.location.origin,
};

// Story tests run in a headless browser, where nobody clicks Allow: there the scripted provider
// answers for the page. A person browsing Storybook gets the real popup.
const underTest = import.meta.env.MODE === 'test';

/**
 * The whole popup flow with real windows: click **Connect**, and a popup opens the demo
 * provider's page, which shows what the form asked for (client id, scope, state, PKCE
 * challenge). **Allow** sends it to the kit's callback page (`oauth2-callback.html`, built from
 * `src/`), which hands the code back to this form and closes the popup: the form says
 * "Connected." **Deny** shows the denied state; closing the popup shows the closed state.
 * The emitted value appears in the Actions panel (`onConnect`).
 */
const meta = {
  title: 'ConnectionForm/OAuth2 full flow',
  component: ConnectionForm,
  args: { auth: demoProviderAuth, oauth2: demoHost, onConnect: fn() },
  beforeEach: installFakeProvider,
} satisfies Meta<typeof ConnectionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const FullFlow: Story = {
  name: 'Full flow (click through)',
  parameters: { oauthProvider: underTest ? 'approve' : undefined },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('textbox', { name: 'Region' })).toHaveValue('eu');
    await expect(canvas.getByRole('button', { name: 'Connect' })).toBeEnabled();
    if (!underTest) return; // The rest is the reader's to click.
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    await expectAnnounced(canvas, 'Connected.');
    const request = lastAuthorizationRequest();
    await expect(`${request.origin}${request.pathname}`).toBe(`${window.location.origin}${new URL(here).pathname}authorize.html`);
    await expect(request.searchParams.get('tenant')).toBe('eu');
    await expect(args.onConnect).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'PLATFORM_OAUTH2',
        client_id: 'storybook-demo',
        redirect_url: demoHost.redirectUrl,
        code: FAKE_CODE,
        scope: 'profile read:eu',
      }),
      {},
    );
  },
};
