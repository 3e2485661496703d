import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ConnectionForm } from '../src';
import { everyPropertyAuth } from './fixtures/auth-definitions';
import { choose, expectFieldError, expectStatus, neverSettles, submit } from './play-helpers';

/**
 * `PieceAuth.CustomAuth` with every property type: a markdown note, short and long text, a
 * number, a checkbox, a secret, a dropdown and a multi-select, plus markdown help above them.
 */
const meta = {
  title: 'ConnectionForm/CustomAuth',
  component: ConnectionForm,
  args: { auth: everyPropertyAuth, onConnect: fn() },
} satisfies Meta<typeof ConnectionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const TOKEN = 'tok_9f8e7d6c';

async function fill(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByRole('textbox', { name: 'Notes' }), 'Reporting replica');
  await userEvent.clear(canvas.getByRole('spinbutton', { name: 'Port' }));
  await userEvent.type(canvas.getByRole('spinbutton', { name: 'Port' }), '6543');
  await userEvent.click(canvas.getByRole('checkbox', { name: 'Use SSL' }));
  await userEvent.type(canvas.getByLabelText('Token'), TOKEN);
  await choose(canvasElement, 'Environment', 'Sandbox');
  const scopes = within(canvas.getByRole('group', { name: 'Scopes' }));
  await userEvent.click(scopes.getByRole('checkbox', { name: 'Read' }));
  await userEvent.click(scopes.getByRole('checkbox', { name: 'Write' }));
}

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('note')).toHaveTextContent('Use a sandbox account while testing.');
    await expect(canvas.getByRole('textbox', { name: 'Host' })).toHaveValue('db.example.com');
    await expect(canvas.getByRole('spinbutton', { name: 'Port' })).toHaveValue(5432);
    await expect(canvas.getByRole('checkbox', { name: 'Use SSL' })).toBeChecked();
    await expect(canvas.getByRole('combobox', { name: 'Environment' })).toHaveTextContent('Pick an environment');
    await expect(canvas.getByRole('link', { name: 'the docs' })).toHaveAttribute('href', 'https://example.com/docs');
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fill(canvasElement);
    await expect(canvas.getByRole('spinbutton', { name: 'Port' })).toHaveValue(6543);
    await expect(canvas.getByRole('checkbox', { name: 'Use SSL' })).not.toBeChecked();
    await expect(canvas.getByRole('combobox', { name: 'Environment' })).toHaveTextContent('Sandbox');
    await expect(canvas.getByRole('checkbox', { name: 'Write' })).toBeChecked();
    await expect(canvasElement.outerHTML).not.toContain(TOKEN);
  },
};

export const SchemaErrors: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.clear(canvas.getByRole('textbox', { name: 'Host' }));
    await submit(canvas);
    await expectFieldError(canvas, 'Host', 'Host is required.');
    await expectFieldError(canvas, 'Token', 'Token is required.');
    await expectFieldError(canvas, 'Environment', 'Choose a value for Environment.');
    await expect(canvas.getByRole('textbox', { name: 'Host' })).toHaveFocus();
    await expectStatus(canvas, 'Fix the 3 highlighted fields.');
    await expect(args.onConnect).not.toHaveBeenCalled();
  },
};

export const Validating: Story = {
  args: { validate: neverSettles, validateTimeoutMs: 0 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fill(canvasElement);
    await submit(canvas);
    await expectStatus(canvas, 'Checking connection…');
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toBeVisible();
  },
};

export const ValidateReturnedInvalid: Story = {
  args: { validate: async () => ({ valid: false, error: 'Host not reachable on port 6543' }) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await fill(canvasElement);
    await submit(canvas);
    await expectStatus(canvas, 'Connection failed: Host not reachable on port 6543');
    await expect(canvas.getByRole('combobox', { name: 'Environment' })).toHaveTextContent('Sandbox');
    await expect(args.onConnect).not.toHaveBeenCalled();
  },
};

export const ValidateThrew: Story = {
  args: {
    validate: async () => {
      throw new Error('certificate has expired');
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fill(canvasElement);
    await submit(canvas);
    await expectStatus(canvas, 'The connection could not be checked. Reason: certificate has expired. Try again.');
  },
};

export const Connected: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await fill(canvasElement);
    await submit(canvas);
    await expectStatus(canvas, 'Connected.');
    await expect(args.onConnect).toHaveBeenCalledTimes(1);
    await expect(args.onConnect).toHaveBeenCalledWith(
      {
        type: 'CUSTOM_AUTH',
        props: {
          host: 'db.example.com',
          notes: 'Reporting replica',
          port: 6543,
          ssl: false,
          token: TOKEN,
          environment: 'sandbox',
          scopes: ['read', 'write'],
        },
      },
      {},
    );
  },
};

export const SecretRevealed: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Token'), TOKEN);
    await userEvent.click(canvas.getByRole('button', { name: 'Show Token' }));
    await expect(canvas.getByRole('textbox', { name: 'Token' })).toHaveValue(TOKEN);
  },
};

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const control of [
      canvas.getByRole('textbox', { name: 'Host' }),
      canvas.getByRole('spinbutton', { name: 'Port' }),
      canvas.getByRole('checkbox', { name: 'Use SSL' }),
      canvas.getByRole('combobox', { name: 'Environment' }),
      canvas.getByRole('checkbox', { name: 'Admin' }),
      canvas.getByRole('button', { name: 'Connect' }),
    ]) {
      await expect(control).toBeDisabled();
    }
  },
};
