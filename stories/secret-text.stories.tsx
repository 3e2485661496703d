import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ConnectionForm } from '../src';
import { apiKeyAuth } from './fixtures/auth-definitions';
import { expectFieldError, expectStatus, neverSettles, submit } from './play-helpers';

/** A single API key (`PieceAuth.SecretText`), whose `validate` accepts keys starting "sk-". */
const meta = {
  title: 'ConnectionForm/SecretText',
  component: ConnectionForm,
  args: { auth: apiKeyAuth, onConnect: fn() },
} satisfies Meta<typeof ConnectionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const KEY = 'sk-live-4f9c2a';

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText('API Key');
    await expect(input).toHaveAttribute('type', 'password');
    await expect(input).toBeRequired();
    await expect(input).toHaveAccessibleDescription(expect.stringContaining('Find your API key'));
    await expect(canvas.getByRole('button', { name: 'Connect' })).toBeEnabled();
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText('API Key');
    await userEvent.type(input, KEY);
    await expect(input).toHaveValue(KEY);
    // The secret stays out of every DOM attribute (security note 15).
    await expect(canvasElement.outerHTML).not.toContain(KEY);
  },
};

export const SchemaErrors: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await submit(canvas);
    await expectFieldError(canvas, 'API Key', 'API Key is required.');
    await expect(canvas.getByLabelText('API Key')).toHaveFocus();
    await expectStatus(canvas, 'Fix the highlighted field.');
    await expect(args.onConnect).not.toHaveBeenCalled();
  },
};

export const Validating: Story = {
  args: { validate: neverSettles, validateTimeoutMs: 0 },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('API Key'), KEY);
    await submit(canvas);
    await expectStatus(canvas, 'Checking connection…');
    const busy = canvas.getByRole('button', { name: 'Checking connection…' });
    await expect(busy).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toBeVisible();
    // A second submit while busy is ignored (security note 18).
    await userEvent.click(busy);
    await expect(args.onConnect).not.toHaveBeenCalled();
  },
};

export const ValidateReturnedInvalid: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('API Key'), 'pk-wrong');
    await submit(canvas);
    await expectStatus(canvas, 'Connection failed: Invalid API key');
    await expect(canvas.getByLabelText('API Key')).toHaveValue('pk-wrong');
    await expect(args.onConnect).not.toHaveBeenCalled();
  },
};

export const ValidateThrew: Story = {
  args: {
    validate: async ({ auth }) => {
      throw new Error(`Upstream returned 503 for ${String(auth)}`);
    },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('API Key'), KEY);
    await submit(canvas);
    await expectStatus(canvas, /could not be checked.*Upstream returned 503 for •••.*Try again/);
    // The typed key is redacted from the error (security note 19).
    await expect(canvas.getByRole('status')).not.toHaveTextContent(KEY);
    await expect(canvas.getByRole('button', { name: 'Connect' })).toBeEnabled();
    await expect(args.onConnect).not.toHaveBeenCalled();
  },
};

export const ValidateTimedOut: Story = {
  args: { validate: neverSettles, validateTimeoutMs: 50 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('API Key'), KEY);
    await submit(canvas);
    await expectStatus(canvas, 'Checking the connection took too long. Try again.');
  },
};

export const Connected: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('API Key'), KEY);
    await submit(canvas);
    await expectStatus(canvas, 'Connected.');
    await expect(args.onConnect).toHaveBeenCalledTimes(1);
    await expect(args.onConnect).toHaveBeenCalledWith({ type: 'SECRET_TEXT', secret_text: KEY }, {});
  },
};

export const SecretRevealed: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('API Key'), KEY);
    const toggle = canvas.getByRole('button', { name: 'Show API Key' });
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByLabelText('API Key')).toHaveAttribute('type', 'text');
    await expect(canvas.getByLabelText('API Key')).toHaveValue(KEY);
  },
};

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText('API Key')).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Show API Key' })).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Connect' })).toBeDisabled();
  },
};
