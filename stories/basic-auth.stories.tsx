import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ConnectionForm } from '../src';
import { basicAuth } from './fixtures/auth-definitions';
import { expectFieldError, expectStatus, neverSettles, submit, type Canvas } from './play-helpers';

/** A username and a password (`PieceAuth.BasicAuth`). */
const meta = {
  title: 'ConnectionForm/BasicAuth',
  component: ConnectionForm,
  args: { auth: basicAuth, onConnect: fn() },
} satisfies Meta<typeof ConnectionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const PASSWORD = 'correct horse battery';

async function fill(canvas: Canvas) {
  await userEvent.type(canvas.getByRole('textbox', { name: 'Username' }), 'ada@example.com');
  await userEvent.type(canvas.getByLabelText('Password'), PASSWORD);
}

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('textbox', { name: 'Username' })).toBeRequired();
    await expect(canvas.getByRole('textbox', { name: 'Username' })).toHaveAccessibleDescription('The account you sign in with');
    await expect(canvas.getByLabelText('Password')).toHaveAttribute('type', 'password');
    await expect(canvas.getByText('Enter your username and password')).toBeVisible();
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fill(canvas);
    await expect(canvas.getByRole('textbox', { name: 'Username' })).toHaveValue('ada@example.com');
    await expect(canvas.getByLabelText('Password')).toHaveValue(PASSWORD);
    await expect(canvasElement.outerHTML).not.toContain(PASSWORD);
  },
};

export const SchemaErrors: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await submit(canvas);
    await expectFieldError(canvas, 'Username', 'Username is required.');
    await expectFieldError(canvas, 'Password', 'Password is required.');
    await expect(canvas.getByRole('textbox', { name: 'Username' })).toHaveFocus();
    await expectStatus(canvas, 'Fix the 2 highlighted fields.');
    await expect(args.onConnect).not.toHaveBeenCalled();
  },
};

export const Validating: Story = {
  args: { validate: neverSettles, validateTimeoutMs: 0 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fill(canvas);
    await submit(canvas);
    await expectStatus(canvas, 'Checking connection…');
    await expect(canvas.getByRole('button', { name: 'Checking connection…' })).toHaveAttribute('aria-disabled', 'true');
  },
};

export const ValidateReturnedInvalid: Story = {
  args: { validate: async () => ({ valid: false, error: 'Wrong username or password' }) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await fill(canvas);
    await submit(canvas);
    await expectStatus(canvas, 'Connection failed: Wrong username or password');
    await expect(canvas.getByLabelText('Password')).toHaveValue(PASSWORD);
    await expect(args.onConnect).not.toHaveBeenCalled();
  },
};

export const ValidateThrew: Story = {
  args: {
    validate: async () => {
      throw new TypeError('Failed to fetch');
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fill(canvas);
    await submit(canvas);
    await expectStatus(canvas, 'The connection could not be checked. Reason: Failed to fetch. Try again.');
    await expect(canvas.getByRole('button', { name: 'Connect' })).toBeEnabled();
  },
};

export const Connected: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await fill(canvas);
    await submit(canvas);
    await expectStatus(canvas, 'Connected as ada@example.com.');
    await expect(args.onConnect).toHaveBeenCalledTimes(1);
    await expect(args.onConnect).toHaveBeenCalledWith(
      {
        type: 'BASIC_AUTH',
        username: 'ada@example.com',
        password: PASSWORD,
      },
      {},
    );
  },
};

export const SecretRevealed: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fill(canvas);
    const toggle = canvas.getByRole('button', { name: 'Show Password' });
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByRole('textbox', { name: 'Password' })).toHaveValue(PASSWORD);
  },
};

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('textbox', { name: 'Username' })).toBeDisabled();
    await expect(canvas.getByLabelText('Password')).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Connect' })).toBeDisabled();
  },
};
