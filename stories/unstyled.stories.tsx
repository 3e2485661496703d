/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ConnectionForm } from '../src';
import { everyPropertyAuth } from './fixtures/auth-definitions';
import { choose, expectStatus, page, submit } from './play-helpers';
import acmeStylesheet from './unstyled/acme-design-system.css?inline';

/**
 * A host that brings its own design system: the kit's stylesheet (`connection-kit/styles.css`)
 * is not loaded, and a small host stylesheet (stories/unstyled/acme-design-system.css) styles
 * the form through its class, ARIA attributes and the kit's `data-*` state attributes. The
 * host stylesheet lives only while the story is shown.
 */
const meta = {
  title: 'ConnectionForm/Unstyled (host design system)',
  component: ConnectionForm,
  args: { auth: everyPropertyAuth, className: 'acme-connection', onConnect: fn() },
  parameters: { kitStylesheet: false },
  render: (args) => (
    <>
      <style>{acmeStylesheet}</style>
      <ConnectionForm {...args} />
    </>
  ),
} satisfies Meta<typeof ConnectionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const style = (el: Element, pseudo?: string) => getComputedStyle(el, pseudo);
/** The form's root: the element that carries the host's class. */
const rootOf = (el: Element) => el.closest('[data-auth-type]')!;

/** Styled by the host alone: its font and border, its required marker, none of the kit's. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const host = canvas.getByRole('textbox', { name: 'Host' });
    const root = rootOf(host);
    await expect(root).toHaveClass('acme-connection');
    await expect(root).toHaveAttribute('data-auth-type', 'CUSTOM_AUTH');
    await expect(style(root).fontFamily).toMatch(/^Georgia/);
    await expect(style(root).borderTopWidth).toBe('2px');
    // The kit's " *" marker is gone; the host's " (required)" is keyed on data-required.
    const tokenLabel = canvasElement.querySelector(`label[for="${canvas.getByLabelText('Token').id}"]`)!;
    await expect(tokenLabel).toHaveAttribute('data-required');
    await expect(style(tokenLabel, '::after').content).toContain('(required)');
    await expect(style(host).borderBottomWidth).toBe('2px');
    await expect(style(host).borderTopWidth).toBe('0px');
    // What only the kit's stylesheet would set is unset: its inputs are rounded (4px).
    await expect(style(host).borderRadius).toBe('0px');
  },
};

/** The host colours invalid fields and the status line from data-invalid and data-state. */
export const SchemaErrors: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await submit(canvas);
    await expectStatus(canvas, 'Fix the 2 highlighted fields.');
    const status = canvas.getByRole('status');
    await expect(status).toHaveAttribute('data-state', 'fields-invalid');
    const token = canvas.getByLabelText('Token');
    await expect(token.closest('[data-type]')).toHaveAttribute('data-invalid');
    const danger = style(status).color;
    await expect(style(token).borderBottomColor).toBe(danger);
    await expect(style(canvas.getByRole('textbox', { name: 'Host' })).borderBottomColor).not.toBe(danger);
    await expect(args.onConnect).not.toHaveBeenCalled();
  },
};

/** Connected: data-state="connected" turns the host's status line to its success colour. */
export const Connected: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Token'), 'tok_acme');
    await choose(canvasElement, 'Environment', 'Sandbox');
    await submit(canvas);
    await expectStatus(canvas, 'Connected.');
    const status = canvas.getByRole('status');
    await expect(status).toHaveAttribute('data-state', 'connected');
    // --acme-ok: #15803d in light, #86efac in dark.
    await expect(['rgb(21, 128, 61)', 'rgb(134, 239, 172)']).toContain(style(status).color);
    await expect(args.onConnect).toHaveBeenCalledTimes(1);
  },
};

/**
 * The listbox, portalled to <body>, styled by the host too: its background is the form's, the
 * highlighted option (Radix's data-highlighted) has the host's accent.
 */
export const DropdownOpen: Story = {
  parameters: {
    a11y: {
      // Left open so that axe checks the host's listbox colours. While open, Radix Select marks
      // the rest of the page aria-hidden and traps focus in the listbox; see the same exemption
      // and its reason in edge-cases.stories.tsx (DropdownOpen). Every other rule runs.
      config: { rules: [{ id: 'aria-hidden-focus', enabled: false }] },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const trigger = canvas.getByRole('combobox', { name: 'Environment' });
    await expect(trigger).toHaveAttribute('data-placeholder');
    // Found before opening: an open Select hides the rest of the page from the accessibility tree.
    const connect = canvas.getByRole('button', { name: 'Connect' });
    trigger.focus();
    await userEvent.keyboard('{ArrowDown}');
    const listbox = await page(canvasElement).findByRole('listbox');
    await userEvent.keyboard('{ArrowDown}');
    const sandbox = within(listbox).getByRole('option', { name: 'Sandbox' });
    await waitFor(() => expect(sandbox).toHaveAttribute('data-highlighted'));
    await expect(style(listbox).backgroundColor).toBe(style(rootOf(trigger)).backgroundColor);
    await expect(style(listbox).fontFamily).toMatch(/^Georgia/);
    await expect(style(sandbox).backgroundColor).toBe(style(connect).backgroundColor);
  },
};
