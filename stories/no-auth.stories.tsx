import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, within } from 'storybook/test';
import { ConnectionForm, PieceAuth } from '../src';
import { expectStatus, neverSettles, submit } from './play-helpers';

/** A piece that needs no credentials (`PieceAuth.None()`): one Connect button. */
const meta = {
  title: 'ConnectionForm/None',
  component: ConnectionForm,
  args: { auth: PieceAuth.None(), onConnect: fn() },
} satisfies Meta<typeof ConnectionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('This service needs no credentials.')).toBeVisible();
    await expect(canvas.queryAllByRole('textbox')).toHaveLength(0);
    await expect(canvas.getByRole('button', { name: 'Connect' })).toBeEnabled();
  },
};

export const Validating: Story = {
  args: { validate: neverSettles, validateTimeoutMs: 0 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await submit(canvas);
    await expectStatus(canvas, 'Checking connection…');
  },
};

export const ValidateReturnedInvalid: Story = {
  args: { validate: async () => ({ valid: false, error: 'Service is in maintenance' }) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await submit(canvas);
    await expectStatus(canvas, 'Connection failed: Service is in maintenance');
    await expect(args.onConnect).not.toHaveBeenCalled();
  },
};

export const ValidateThrew: Story = {
  args: {
    validate: async () => {
      throw new Error('offline');
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await submit(canvas);
    await expectStatus(canvas, 'The connection could not be checked. Reason: offline. Try again.');
  },
};

export const Connected: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await submit(canvas);
    await expectStatus(canvas, 'Connected.');
    await expect(args.onConnect).toHaveBeenCalledTimes(1);
    await expect(args.onConnect).toHaveBeenCalledWith({ type: 'NO_AUTH' }, {});
  },
};

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Connect' })).toBeDisabled();
  },
};
