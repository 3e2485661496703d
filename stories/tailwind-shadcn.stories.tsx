/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useLayoutEffect } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ConnectionForm } from '../src';
import { shadcnClassNames, shadcnIcons } from '../examples/tailwind-shadcn';
import { everyPropertyAuth } from './fixtures/auth-definitions';
import { expectStatus, page, submit } from './play-helpers';
import appCss from './tailwind-shadcn/app.css?inline';

/**
 * A Tailwind v4 + shadcn/ui host: its CSS entry is the README's recipe
 * (examples/tailwind-shadcn.css: the layer order, Tailwind, the kit's stylesheet and shadcn's
 * tokens mapped onto the kit's variables) plus shadcn's own tokens, compiled by
 * @tailwindcss/vite; `classNames` and `icons` (examples/tailwind-shadcn.tsx) add shadcn's
 * shadows, card and chevron with utility classes. Dark is shadcn's: the class `dark` on <html>
 * (as next-themes sets it), switched here by the toolbar's theme. The stylesheet lives only while
 * the story is shown; the kit's own injected copy is off (`kitStylesheet: false`), since the
 * recipe imports it, as a host's CSS does.
 */
const meta = {
  title: 'ConnectionForm/Tailwind + shadcn',
  component: ConnectionForm,
  args: { auth: everyPropertyAuth, classNames: shadcnClassNames, icons: shadcnIcons, onConnect: fn() },
  parameters: { kitStylesheet: false },
  render: (args, { globals }) => (
    <ShadcnPage dark={globals.theme === 'dark'}>
      <ConnectionForm {...args} />
    </ShadcnPage>
  ),
} satisfies Meta<typeof ConnectionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

function ShadcnPage({ dark, children }: { dark: boolean; children: ReactNode }) {
  useLayoutEffect(() => {
    document.documentElement.classList.toggle('dark', dark);
    return () => document.documentElement.classList.remove('dark');
  }, [dark]);
  return (
    <div className="bg-background p-6 text-foreground">
      <style>{appCss}</style>
      <div className="mx-auto max-w-md">{children}</div>
    </div>
  );
}

/** The computed colour a CSS colour value (e.g. `var(--primary)`) has here. */
function colour(value: string, property: 'color' | 'backgroundColor' = 'backgroundColor') {
  const probe = document.createElement('div');
  probe.style[property] = value;
  document.body.append(probe);
  const computed = getComputedStyle(probe)[property];
  probe.remove();
  return computed;
}

const style = (el: Element) => getComputedStyle(el);

/** shadcn's look, from its tokens and the recipe's utilities, over the kit's layout. */
export const Empty: Story = {
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    const host = canvas.getByRole('textbox', { name: 'Host' });
    const root = host.closest('[data-slot="root"]')!;
    // shadcn's card colour of the theme the toolbar picked (its tokens, switched by .dark on <html>).
    await expect(style(root).backgroundColor).toBe(globals.theme === 'dark' ? 'oklch(0.205 0 0)' : 'oklch(1 0 0)');
    // Tailwind compiled the recipe's utilities: the card's shadow and radius (rounded-xl = --radius + 4px).
    await expect(style(root).boxShadow).not.toBe('none');
    await expect(style(root).borderTopLeftRadius).toBe('14px');
    await expect(style(root).backgroundColor).toBe(colour('var(--card)'));
    // shadcn's tokens through the kit's variables: primary button, input border, 14px text, 36px inputs.
    const connect = canvas.getByRole('button', { name: 'Connect' });
    await expect(style(connect).backgroundColor).toBe(colour('var(--primary)'));
    await expect(style(connect).color).toBe(colour('var(--primary-foreground)', 'color'));
    await expect(style(host).borderTopColor).toBe(colour('var(--input)'));
    await expect(style(host).fontSize).toBe('14px');
    await expect(style(host).minHeight).toBe('36px');
    // The kit's layer sits above Tailwind's preflight (base): its input radius (--radius - 2px) holds.
    await expect(style(host).borderTopLeftRadius).toBe('8px');
    await expect(style(host).boxShadow).not.toBe('none');
    // The chevron is the icon given, not the kit's ▾.
    const trigger = canvas.getByRole('combobox', { name: 'Environment' });
    await expect(trigger).not.toHaveTextContent('▾');
    await expect(trigger.querySelector('svg')).not.toBeNull();
    // The checkbox is drawn as shadcn's: a primary box with the check icon, still the native input.
    const ssl = canvas.getByRole('checkbox', { name: 'Use SSL' });
    await expect(ssl).toBeChecked();
    await expect(style(ssl).appearance).toBe('none');
    await expect(style(ssl).backgroundColor).toBe(colour('var(--primary)'));
    const tick = ssl.parentElement!.querySelector('svg')!;
    await expect(style(tick.parentElement!).visibility).toBe('visible');
    await userEvent.click(canvas.getByText('Use SSL'));
    await expect(ssl).not.toBeChecked();
    await expect(style(tick.parentElement!).visibility).toBe('hidden');
  },
};

/** The listbox, portalled to <body>, in shadcn's popover colours and the theme of the page. */
export const DropdownOpen: Story = {
  parameters: {
    a11y: {
      config: {
        // Left open so that axe checks the listbox's colours; see the same exemption and its
        // reason in edge-cases.stories.tsx (DropdownOpen). Every other rule runs.
        rules: [{ id: 'aria-hidden-focus', enabled: false }],
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('combobox', { name: 'Environment' }));
    const listbox = await page(canvasElement).findByRole('listbox');
    await expect(canvasElement.contains(listbox)).toBe(false);
    await expect(listbox).toHaveAttribute('data-slot', 'select-content');
    await expect(style(listbox).backgroundColor).toBe(colour('var(--popover)'));
    await expect(style(listbox).boxShadow).not.toBe('none');
    await userEvent.keyboard('{ArrowDown}');
    const option = within(listbox).getByRole('option', { name: 'Sandbox' });
    await waitFor(() => expect(option).toHaveFocus());
    await expect(style(option).backgroundColor).toBe(colour('var(--accent)'));
  },
};

/** Errors in shadcn's destructive colour; the status line says what to fix. */
export const FieldErrors: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await submit(canvas);
    await expectStatus(canvas, 'Fix the 2 highlighted fields.');
    const error = canvas.getByText('Token is required.');
    await expect(style(error).color).toBe(colour('var(--destructive)', 'color'));
    await expect(args.onConnect).not.toHaveBeenCalled();
  },
};
