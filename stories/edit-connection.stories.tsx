import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ConnectionForm, KEPT_SECRET } from '../src';
import { basicAuth, everyPropertyAuth, regionalOAuth2Auth } from './fixtures/auth-definitions';
import { FAKE_CODE, installFakeProvider } from './oauth2-demo/fake-provider';
import { expectAnnounced, ownApp } from './oauth2-demo/oauth2-play';
import { expectStatus } from './play-helpers';

/**
 * Editing a saved connection (`initialValue`): non-secret fields are prefilled, each saved
 * secret shows as saved and is emitted as `KEPT_SECRET` unless the user types a new one, and
 * the button says Save (Reconnect for OAuth2). `connectionName` adds a name field.
 */
const meta = {
  title: 'ConnectionForm/Edit a saved connection',
  component: ConnectionForm,
  args: {
    auth: everyPropertyAuth,
    initialValue: {
      type: 'CUSTOM_AUTH',
      props: { host: 'db.internal', port: 6543, ssl: false, token: KEPT_SECRET, environment: 'sandbox', scopes: ['read'] },
    },
    onConnect: fn(),
  },
} satisfies Meta<typeof ConnectionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The saved values, the saved token as an empty control that says so, and Save. */
export const Prefilled: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('textbox', { name: /^Host/ })).toHaveValue('db.internal');
    await expect(canvas.getByRole('spinbutton', { name: /^Port/ })).toHaveValue(6543);
    await expect(canvas.getByRole('combobox', { name: /^Environment/ })).toHaveTextContent('Sandbox');
    const token = canvas.getByLabelText(/^Token/);
    await expect(token).toHaveValue('');
    await expect(token).toHaveAccessibleDescription(expect.stringContaining('Leave this empty to keep it'));
    await expect(canvas.getByRole('button', { name: 'Save' })).toBeEnabled();
  },
};

/** Saved without touching the token: it is emitted as the KEPT_SECRET marker. */
export const SavedKeepingTheSecret: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expectStatus(canvas, 'Connected.');
    await expect(args.onConnect).toHaveBeenCalledWith(
      {
        type: 'CUSTOM_AUTH',
        props: { host: 'db.internal', port: 6543, ssl: false, token: KEPT_SECRET, environment: 'sandbox', scopes: ['read'] },
      },
      {},
    );
  },
};

/** A new token typed over the saved one replaces it. */
export const SecretReplaced: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText(/^Token/), 'tok-rotated');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expectStatus(canvas, 'Connected.');
    await expect(args.onConnect).toHaveBeenCalledWith(
      expect.objectContaining({ props: expect.objectContaining({ token: 'tok-rotated' }) }),
      {},
    );
    await expect(canvasElement.outerHTML).not.toContain('tok-rotated');
  },
};

/** A name for the connection, prefilled by the host, reaching onConnect as details.displayName. */
export const WithConnectionName: Story = {
  args: {
    auth: basicAuth,
    initialValue: { type: 'BASIC_AUTH', username: 'ada@example.com', password: KEPT_SECRET },
    connectionName: 'Production database',
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const name = canvas.getByRole('textbox', { name: /^Connection name/ });
    await expect(name).toHaveValue('Production database');
    await userEvent.clear(name);
    await userEvent.type(name, 'Prod DB (read-only)');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expectStatus(canvas, 'Connected as ada@example.com.');
    await expect(args.onConnect).toHaveBeenCalledWith(
      { type: 'BASIC_AUTH', username: 'ada@example.com', password: KEPT_SECRET },
      { displayName: 'Prod DB (read-only)' },
    );
  },
};

/**
 * OAuth2 with the user's own app: region and client id prefilled, the client secret kept, and
 * Reconnect runs the popup flow again for a new code.
 */
export const OAuth2Reconnect: Story = {
  args: {
    auth: regionalOAuth2Auth,
    oauth2: ownApp,
    initialValue: { type: 'OAUTH2', client_id: 'my-own-app', client_secret: KEPT_SECRET, props: { region: 'eu' } },
  },
  parameters: { oauthProvider: 'approve' },
  beforeEach: installFakeProvider,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('textbox', { name: /^Region/ })).toHaveValue('eu');
    await expect(canvas.getByRole('textbox', { name: /^Client ID/ })).toHaveValue('my-own-app');
    await userEvent.click(canvas.getByRole('button', { name: 'Reconnect' }));
    await expectAnnounced(canvas, 'Connected.');
    await expect(args.onConnect).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'OAUTH2', client_id: 'my-own-app', client_secret: KEPT_SECRET, code: FAKE_CODE }),
      {},
    );
  },
};
