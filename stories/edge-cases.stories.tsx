import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ConnectionForm } from '../src';
import { longHelpAuth, malformedAuth, manyOptionsAuth, unsupportedPropAuth } from './fixtures/auth-definitions';
import { expectStatus, page, submit } from './play-helpers';

/** Definitions that stress the layout and the widgets: long lists, long help, bad input. */
const meta = {
  title: 'ConnectionForm/Edge cases',
  component: ConnectionForm,
  args: { auth: manyOptionsAuth, onConnect: fn() },
} satisfies Meta<typeof ConnectionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** 60 options: the listbox scrolls, and typeahead finds an option far down the list. */
export const DropdownWithManyOptions: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const trigger = canvas.getByRole('combobox', { name: 'Data centre' });
    await userEvent.click(trigger);
    const listbox = await page(canvasElement).findByRole('listbox');
    await expect(within(listbox).getAllByRole('option')).toHaveLength(60);
    // Typeahead (ARIA listbox pattern), then Enter to choose.
    await userEvent.keyboard('Syd');
    await waitFor(() => expect(within(listbox).getByRole('option', { name: 'Sydney' })).toHaveAttribute('data-highlighted'));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(trigger).toHaveTextContent('Sydney'));
    await expect(trigger).toHaveFocus();
    await submit(canvas);
    await expectStatus(canvas, 'Connected.');
    await expect(args.onConnect).toHaveBeenCalledTimes(1);
    await expect(args.onConnect).toHaveBeenCalledWith({ type: 'CUSTOM_AUTH', props: { dataCentre: 'sydney' } }, {});
  },
};

/** The listbox left open, so axe checks the portalled options (colours, roles) in both themes. */
export const DropdownOpen: Story = {
  parameters: {
    a11y: {
      config: {
        // While open, Radix Select marks the rest of the page aria-hidden (the `aria-hidden`
        // package's hideOthers) and traps focus in the listbox, so nothing behind it is reachable;
        // axe cannot see the trap and only exempts role="dialog" modals. Upstream behaviour, see
        // radix-ui/primitives#2459. Every other rule still runs, and every other story runs this one.
        rules: [{ id: 'aria-hidden-focus', enabled: false }],
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    canvas.getByRole('combobox', { name: 'Data centre' }).focus();
    await userEvent.keyboard('{ArrowDown}');
    const listbox = await page(canvasElement).findByRole('listbox');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await waitFor(() => expect(within(listbox).getByRole('option', { name: 'Atlanta' })).toHaveFocus());
  },
};

/** Long author-written help: nested lists, a code block, a note and links, rendered safely. */
export const LongMarkdownHelp: Story = {
  args: { auth: longHelpAuth },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const steps = canvas.getAllByRole('list');
    await expect(steps[0]!.tagName).toBe('OL');
    await expect(within(steps[0]!).getAllByRole('listitem').length).toBeGreaterThanOrEqual(6);
    await expect(canvas.getByText(/curl --request POST/)).toBeVisible();
    const docs = canvas.getByRole('link', { name: 'token documentation' });
    await expect(docs).toHaveAttribute('href', 'https://docs.example.com/tokens');
    await expect(docs).toHaveAttribute('target', '_blank');
    await expect(docs).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(canvas.getByRole('link', { name: 'support@example.com' })).toHaveAttribute('href', 'mailto:support@example.com');
    // A javascript: URL is never a link (security note 16).
    await expect(canvas.queryByRole('link', { name: 'link' })).toBeNull();
    await expect(canvas.getByLabelText('Access token')).toHaveAccessibleDescription(/Starts with glpat-/);
  },
};

/** A property type the kit has no widget for shows a named message, not a silent text box. */
export const UnsupportedPropertyType: Story = {
  args: { auth: unsupportedPropAuth },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/Payload uses the property type "JSON"/)).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: 'URL' })).toBeVisible();
  },
};

/** With the fixable fields filled, the status names the field the form cannot fill in, not a count to fix. */
export const UnsupportedPropertyTypeSubmitted: Story = {
  args: { auth: unsupportedPropAuth, onConnect: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'URL' }), 'https://hooks.example.com');
    await submit(canvas);
    await expectStatus(canvas, 'This form cannot fill in Payload, so the connection cannot be saved until the piece is updated.');
    await expect(args.onConnect).not.toHaveBeenCalled();
  },
};

/** Something that is not an auth definition: an error panel instead of a blank area. */
export const BrokenDefinition: Story = {
  args: { auth: malformedAuth },
  play: async ({ canvasElement }) => {
    const alert = within(canvasElement).getByRole('alert');
    await expect(alert).toHaveTextContent('This connection form cannot be shown');
    await expect(alert).toHaveTextContent('auth.type is "NOPE"');
  },
};
