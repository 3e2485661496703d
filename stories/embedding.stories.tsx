import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ConnectionForm, type ConnectionValue } from '../src';
import { FieldRow, useConnectionForm } from '../src/headless-entry';
import { ar } from '../src/messages/locales/ar';
import { fr } from '../src/messages/locales/fr';
import { apiKeyAuth, awsAuth, everyPropertyAuth } from './fixtures/auth-definitions';
import { HostSwitch, HostToggleGroup, NativeSelect } from './fixtures/native-select';
import { choose, page } from './play-helpers';

/**
 * Fitting the kit into a host's app: the headless hook under the host's own markup, a host
 * widget replacing a property type's control (`components`), another language (`messages`) and
 * right-to-left layout.
 */
const meta = {
  title: 'Embedding',
  component: ConnectionForm,
  args: { auth: awsAuth, onConnect: fn() },
} satisfies Meta<typeof ConnectionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A host's own form around `useConnectionForm`: its markup and button, the kit's rows. */
function HostForm(props: { onConnect: (value: ConnectionValue<typeof apiKeyAuth>) => void }) {
  const cf = useConnectionForm(apiKeyAuth, { onConnect: props.onConnect });
  return (
    <form onSubmit={cf.submit} noValidate aria-label="Host form" style={{ display: 'grid', gap: 8, maxWidth: 420 }}>
      {cf.fields.map((field) => (
        <FieldRow key={field.name} field={field} control={cf.control} messages={cf.messages} />
      ))}
      <button type="submit" aria-disabled={cf.busy}>
        Save connection
      </button>
      <p role="status">{cf.status.message}</p>
    </form>
  );
}

/** `useConnectionForm`: the host renders the form; validate and the typed value are the kit's. */
export const HeadlessHook: Story = {
  render: (args) => <HostForm onConnect={args.onConnect as never} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const form = canvas.getByRole('form', { name: 'Host form' });
    await userEvent.type(within(form).getByLabelText(/^API Key/), 'bad');
    await userEvent.click(canvas.getByRole('button', { name: 'Save connection' }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Connection failed: Invalid API key'));
    await userEvent.clear(within(form).getByLabelText(/^API Key/));
    await userEvent.type(within(form).getByLabelText(/^API Key/), 'sk-host');
    await userEvent.click(canvas.getByRole('button', { name: 'Save connection' }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Connected.'));
    await expect(args.onConnect).toHaveBeenCalledWith({ type: 'SECRET_TEXT', secret_text: 'sk-host' }, {});
  },
};

/** `components={{ STATIC_DROPDOWN: NativeSelect }}`: the other types keep the kit's widgets. */
export const ComponentsOverride: Story = {
  args: { components: { STATIC_DROPDOWN: NativeSelect } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const region = canvas.getByRole('combobox', { name: 'Region' });
    await expect(region.tagName).toBe('SELECT');
    await expect(canvas.getByLabelText('Secret Access Key')).toHaveAttribute('type', 'password');
    await userEvent.type(canvas.getByRole('textbox', { name: 'Access Key ID' }), 'AKIA');
    await userEvent.type(canvas.getByLabelText('Secret Access Key'), 'shh');
    await userEvent.selectOptions(region, 'EU (Ireland)');
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    await waitFor(() =>
      expect(args.onConnect).toHaveBeenCalledWith(
        { type: 'CUSTOM_AUTH', props: { accessKeyId: 'AKIA', secretAccessKey: 'shh', region: 'eu-west-1' } },
        {},
      ),
    );
  },
};

/**
 * Host widgets built from their props alone (no react-hook-form import): a native select, a
 * switch and a toggle group, bound to the definition's own values (`input`), with the kit's ids.
 */
export const HostWidgets: Story = {
  args: {
    auth: everyPropertyAuth,
    components: { STATIC_DROPDOWN: NativeSelect, CHECKBOX: HostSwitch, STATIC_MULTI_SELECT_DROPDOWN: HostToggleGroup },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const ssl = canvas.getByRole('switch', { name: 'Use SSL' });
    await expect(ssl).toHaveAttribute('aria-checked', 'true');
    await userEvent.click(ssl);
    const scopes = canvas.getByRole('group', { name: 'Scopes' });
    await userEvent.click(within(scopes).getByRole('button', { name: 'Write' }));
    await userEvent.type(canvas.getByLabelText('Token'), 't0k');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Environment' }), 'Production');
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(args.onConnect).toHaveBeenCalledTimes(1));
    await expect(args.onConnect).toHaveBeenCalledWith(
      expect.objectContaining({ props: expect.objectContaining({ ssl: false, scopes: ['write'], environment: 'production' }) }),
      {},
    );
  },
};

/** `messages={fr}` from `connection-kit/locales/fr`: every built-in string, errors included. */
export const French: Story = {
  args: { messages: fr },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Connecter' }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(/champs/));
    await expect(canvas.getByRole('textbox', { name: /^Access Key ID/ })).toHaveAccessibleDescription(
      expect.stringContaining('obligatoire'),
    );
    await expect(canvas.getByRole('button', { name: 'Afficher Secret Access Key' })).toBeVisible();
  },
};

/**
 * Arabic (`connection-kit/locales/ar`) inside `dir="rtl"`: the form mirrors, and so does the
 * dropdown in its portal; errors count fields with Arabic plural forms.
 */
export const RightToLeft: Story = {
  args: { messages: ar },
  render: (args) => (
    <div dir="rtl" lang="ar">
      <ConnectionForm {...args} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const host = canvas.getByRole('textbox', { name: /^Access Key ID/ });
    const label = canvasElement.querySelector(`label[for="${host.id}"]`)!;
    // The label's text sits at the right edge of the input, as Arabic or Hebrew text does.
    const text = document.createRange();
    text.selectNodeContents(label);
    const textBox = text.getBoundingClientRect();
    const inputBox = host.getBoundingClientRect();
    await expect(Math.abs(inputBox.right - textBox.right)).toBeLessThan(4);
    await expect(textBox.left - inputBox.left).toBeGreaterThan(inputBox.width / 3);
    await expect(getComputedStyle(host).direction).toBe('rtl');
    await choose(canvasElement, 'Region', 'EU (Ireland)');
    await userEvent.click(canvas.getByRole('combobox', { name: /^Region/ }));
    const listbox = await page(canvasElement).findByRole('listbox');
    await expect(getComputedStyle(listbox).direction).toBe('rtl');
    await userEvent.keyboard('{Escape}');
    await userEvent.click(canvas.getByRole('button', { name: ar.submit }));
    // Two fields left empty: the dual form, no digit.
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(ar.fixErrors(2)));
    await expect(host).toHaveAccessibleDescription(expect.stringContaining(ar.required('Access Key ID')));
    await expect(canvas.getByRole('button', { name: ar.showLabel('Secret Access Key') })).toBeVisible();
  },
};
