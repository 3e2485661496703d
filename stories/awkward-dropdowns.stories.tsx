import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ConnectionForm } from '../src';
import { awkwardDropdownAuth } from './fixtures/auth-definitions';
import { choose, expectFieldError, expectStatus, neverSettles, page, submit } from './play-helpers';

/**
 * Dropdowns as real pieces write them: a repeated option value, number and boolean values,
 * a numeric default, and a dropdown the definition disables.
 */
const meta = {
  title: 'ConnectionForm/AwkwardDropdowns',
  component: ConnectionForm,
  args: { auth: awkwardDropdownAuth, onConnect: fn() },
} satisfies Meta<typeof ConnectionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

async function fill(canvasElement: HTMLElement) {
  // The second of two options sharing the value "us-east-1".
  await choose(canvasElement, 'Region', 'US East (N. Virginia)');
  await choose(canvasElement, 'Verbose', 'Yes');
}

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('combobox', { name: 'Region' })).toHaveAttribute('aria-required', 'true');
    await expect(canvas.getByRole('combobox', { name: 'Retries' })).toHaveTextContent('Three');
    await expect(canvas.getByRole('combobox', { name: 'Plan' })).toBeDisabled();
    await expect(canvas.getByRole('combobox', { name: 'Plan' })).toHaveTextContent('Set by your admin');
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fill(canvasElement);
    await choose(canvasElement, 'Retries', 'None');
    await expect(canvas.getByRole('combobox', { name: 'Region' })).toHaveTextContent('US East (N. Virginia)');
    await expect(canvas.getByRole('combobox', { name: 'Retries' })).toHaveTextContent('None');
  },
};

export const OptionsOpen: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('combobox', { name: 'Region' }));
    const listbox = await page(canvasElement).findByRole('listbox');
    const options = within(listbox).getAllByRole('option');
    await expect(options.map((o) => o.textContent)).toEqual(['Default', 'US East (N. Virginia)', 'EU (Ireland)']);
    await userEvent.keyboard('{Escape}');
    await expect(canvas.getByRole('combobox', { name: 'Region' })).toHaveAttribute('aria-expanded', 'false');
  },
};

export const SchemaErrors: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await submit(canvas);
    await expectFieldError(canvas, 'Region', 'Choose a value for Region.');
    await expect(canvas.getByRole('combobox', { name: 'Region' })).toHaveFocus();
    await expectStatus(canvas, 'Fix the highlighted field.');
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
  },
};

export const ValidateReturnedInvalid: Story = {
  args: { validate: async () => ({ valid: false, error: 'Region not enabled for this account' }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fill(canvasElement);
    await submit(canvas);
    await expectStatus(canvas, 'Connection failed: Region not enabled for this account');
    await expect(canvas.getByRole('combobox', { name: 'Region' })).toHaveTextContent('US East (N. Virginia)');
  },
};

export const ValidateThrew: Story = {
  args: {
    validate: async () => {
      throw new Error('Rate limited');
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fill(canvasElement);
    await submit(canvas);
    await expectStatus(canvas, 'The connection could not be checked. Reason: Rate limited. Try again.');
  },
};

export const Connected: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await fill(canvasElement);
    await submit(canvas);
    await expectStatus(canvas, 'Connected.');
    // Values keep their types (number, boolean), whatever the option index was.
    await expect(args.onConnect).toHaveBeenCalledTimes(1);
    await expect(args.onConnect).toHaveBeenCalledWith(
      {
        type: 'CUSTOM_AUTH',
        props: { region: 'us-east-1', retries: 3, verbose: true },
      },
      {},
    );
  },
};

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const combobox of canvas.getAllByRole('combobox')) await expect(combobox).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Connect' })).toBeDisabled();
  },
};
