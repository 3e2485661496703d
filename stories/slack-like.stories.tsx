import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ConnectionForm } from '../src';
import { slackLikeAuth } from './fixtures/auth-definitions';
import { expectStatus, neverSettles, submit, type Canvas } from './play-helpers';

/**
 * Two alternative methods, as Slack offers: OAuth2 or a bot token. The user picks one; these
 * stories use the bot token (the OAuth2 flow has stories of its own).
 */
const meta = {
  title: 'ConnectionForm/MultiAuth (Slack-like)',
  component: ConnectionForm,
  args: { auth: slackLikeAuth, onConnect: fn() },
} satisfies Meta<typeof ConnectionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const TOKEN = 'xoxb-1234-5678-abcdef';

// The method radio and the secret field are both labelled "Bot token": pick the field.
const tokenField = (canvas: Canvas) => canvas.getByLabelText('Bot token');

async function pickBotToken(canvas: Canvas) {
  await userEvent.click(canvas.getByRole('radio', { name: 'Authenticate with Bot token' }));
  await expect(canvas.getByRole('radio', { name: 'Authenticate with Bot token' })).toBeChecked();
}

async function fill(canvas: Canvas) {
  await pickBotToken(canvas);
  await userEvent.type(tokenField(canvas), TOKEN);
}

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const picker = canvas.getByRole('group', { name: 'Authentication method' });
    const radios = within(picker).getAllByRole('radio');
    await expect(radios).toHaveLength(2);
    await expect(radios[0]).toBeChecked();
    // Only the selected method's fields are rendered.
    await expect(canvas.queryByLabelText('Bot token')).toBeNull();
    await expect(canvas.getAllByRole('button', { name: 'Connect' })).toHaveLength(1);
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fill(canvas);
    await expect(tokenField(canvas)).toHaveValue(TOKEN);
    await expect(canvasElement.outerHTML).not.toContain(TOKEN);
  },
};

export const SwitchingKeepsInput: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fill(canvas);
    const radios = canvas.getAllByRole('radio');
    await userEvent.click(radios[0]!);
    // Only the selected method's fields are rendered; the form keeps every method's values,
    // so switching back restores what the user typed.
    await expect(canvas.queryByLabelText('Bot token')).toBeNull();
    await pickBotToken(canvas);
    await expect(tokenField(canvas)).toHaveValue(TOKEN);
  },
};

export const SchemaErrors: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await pickBotToken(canvas);
    await submit(canvas);
    await expect(tokenField(canvas)).toHaveAttribute('aria-invalid', 'true');
    await expect(tokenField(canvas)).toHaveAccessibleDescription('Bot token is required.');
    await expect(tokenField(canvas)).toHaveFocus();
    await expectStatus(canvas, 'Fix the highlighted field.');
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
  },
};

export const ValidateReturnedInvalid: Story = {
  args: { validate: async () => ({ valid: false, error: 'invalid_auth' }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fill(canvas);
    await submit(canvas);
    await expectStatus(canvas, 'Connection failed: invalid_auth');
  },
};

export const ValidateThrew: Story = {
  args: {
    validate: async () => {
      throw new Error('slack.com did not answer');
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fill(canvas);
    await submit(canvas);
    await expectStatus(canvas, 'The connection could not be checked. Reason: slack.com did not answer. Try again.');
  },
};

export const Connected: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await fill(canvas);
    await submit(canvas);
    await expectStatus(canvas, 'Connected.');
    await expect(args.onConnect).toHaveBeenCalledTimes(1);
    await expect(args.onConnect).toHaveBeenCalledWith({ type: 'CUSTOM_AUTH', props: { botToken: TOKEN } }, {});
  },
};

export const SecretRevealed: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fill(canvas);
    await userEvent.click(canvas.getByRole('button', { name: 'Show Bot token' }));
    await expect(canvas.getByRole('textbox', { name: 'Bot token' })).toHaveValue(TOKEN);
  },
};

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const radio of canvas.getAllByRole('radio')) await expect(radio).toBeDisabled();
  },
};
