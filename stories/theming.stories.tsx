import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ConnectionForm } from '../src';
import { manyOptionsAuth } from './fixtures/auth-definitions';
import { page } from './play-helpers';

/**
 * A host that themes only part of its page: data-theme="dark" on a card around the form, not
 * on <html>. The card also clips its overflow, as cards and dialogs often do.
 */
const meta = {
  title: 'ConnectionForm/Theming',
  component: ConnectionForm,
  args: { auth: manyOptionsAuth, onConnect: fn() },
  render: (args) => (
    <section
      aria-label="Data centre settings"
      data-theme="dark"
      style={{ background: '#0b1120', padding: '1rem', overflow: 'hidden', borderRadius: '8px' }}
    >
      <ConnectionForm {...args} />
    </section>
  ),
} satisfies Meta<typeof ConnectionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

// The dark theme's --ck-color-input-bg (#1f2937) and --ck-color-fg (#f3f4f6).
const DARK_INPUT_BG = 'rgb(31, 41, 55)';
const DARK_FG = 'rgb(243, 244, 246)';

/**
 * The dropdown's listbox renders in a portal on <body>, outside the dark card, yet takes the
 * form's dark theme; it sits right under its trigger and is not clipped by the card.
 */
export const DarkOnAWrapperDropdownOpen: Story = {
  name: 'Dark on a wrapper, dropdown open',
  parameters: {
    a11y: {
      config: {
        // Left open so that axe checks the listbox's colours. While open, Radix Select marks the
        // rest of the page aria-hidden and traps focus in the listbox; see the same exemption and
        // its reason in edge-cases.stories.tsx (DropdownOpen). Every other rule runs.
        rules: [{ id: 'aria-hidden-focus', enabled: false }],
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const card = canvas.getByRole('region', { name: 'Data centre settings' });
    // The theme is on the card (and the story frame), never on the page itself.
    await expect(document.documentElement).not.toHaveAttribute('data-theme');
    await expect(document.body).not.toHaveAttribute('data-theme');

    const trigger = canvas.getByRole('combobox', { name: 'Data centre' });
    await userEvent.click(trigger);
    const listbox = await page(canvasElement).findByRole('listbox');
    await expect(card.contains(listbox)).toBe(false);

    // Dark, like the form it belongs to.
    const colours = (el: Element) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, text: style.color };
    };
    await expect(colours(trigger).background).toBe(DARK_INPUT_BG);
    await expect(colours(trigger.closest('form')!).text).toBe(DARK_FG);
    await expect(colours(listbox)).toEqual({ background: DARK_INPUT_BG, text: DARK_FG });
    await expect(getComputedStyle(listbox).colorScheme).toBe('dark');

    // Positioned by Radix: 4px under the trigger, aligned with it, at least as wide.
    const t = trigger.getBoundingClientRect();
    const l = listbox.getBoundingClientRect();
    await expect(Math.abs(l.top - (t.bottom + 4))).toBeLessThanOrEqual(1);
    await expect(Math.abs(l.left - t.left)).toBeLessThanOrEqual(1);
    await expect(l.width).toBeGreaterThanOrEqual(t.width - 1);

    // It reaches past the card's bottom edge, and what shows there is the listbox, not clipped.
    const c = card.getBoundingClientRect();
    await expect(l.bottom).toBeGreaterThan(c.bottom + 20);
    const below = document.elementFromPoint(l.left + l.width / 2, c.bottom + 10);
    await expect(listbox.contains(below)).toBe(true);
    await expect(within(listbox).getAllByRole('option')).toHaveLength(60);
  },
};
