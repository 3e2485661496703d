// The default stylesheet in Chromium's real cascade: every rule of the host's that is not in a
// cascade layer wins over the kit's (whatever the load order and specificity), and dark mode
// follows data-theme="dark" or a `.dark` ancestor (shadcn's and Tailwind's convention), with
// `color-scheme` so native controls (the checkbox) are drawn dark too.
import { cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ConnectionForm } from '../../src';
import '../../src/styles/connection-kit.css';
import { awsAuth, everyPropertyAuth } from '../../stories/fixtures/auth-definitions';

// The dark theme's --ck-color-input-bg (#1f2937) and the light one's (#ffffff).
const DARK_INPUT_BG = 'rgb(31, 41, 55)';
const LIGHT_INPUT_BG = 'rgb(255, 255, 255)';

const hostStyles: HTMLStyleElement[] = [];
/** A host stylesheet, put before every other style element (so it loads first) or after them. */
function hostCss(css: string, where: 'first' | 'last') {
  const style = document.createElement('style');
  style.textContent = css;
  if (where === 'first') document.head.prepend(style);
  else document.head.append(style);
  hostStyles.push(style);
}
afterEach(() => {
  for (const style of hostStyles.splice(0)) style.remove();
  cleanup();
});

const renderIn = (wrap: (form: ReactNode) => ReactNode, auth: typeof awsAuth | typeof everyPropertyAuth = awsAuth) =>
  render(wrap(<ConnectionForm auth={auth} onConnect={vi.fn()} />));
const accessKeyInput = () => screen.getByRole('textbox', { name: /^Access Key ID/ });

describe('the kit stylesheet, in its cascade layer', () => {
  it.each(['first', 'last'] as const)('loses to a host rule of zero specificity loaded %s', (where) => {
    // :where() has specificity 0, below every kit selector: the host wins by being unlayered,
    // not by specificity or order.
    hostCss(':where(.ck-input) { border-radius: 0px; min-height: 3rem; } :where(.ck-root) { max-width: none; padding: 0px; }', where);
    const { container } = renderIn((form) => form);
    const input = accessKeyInput();
    expect(getComputedStyle(input).borderRadius).toBe('0px');
    expect(getComputedStyle(input).minHeight).toBe('48px');
    const root = container.querySelector('.ck-root')!;
    expect(getComputedStyle(root).maxWidth).toBe('none');
    expect(getComputedStyle(root).paddingTop).toBe('0px');
  });

  it('still styles the form where the host says nothing', () => {
    renderIn((form) => form);
    expect(getComputedStyle(accessKeyInput()).borderRadius).toBe('4px');
    expect(getComputedStyle(accessKeyInput()).backgroundColor).toBe(LIGHT_INPUT_BG);
  });

  it('takes its new variables: root padding and width, input height, popover background', async () => {
    const { container } = renderIn((form) => form);
    // Set on .ck-root, as the README says: it declares the defaults itself.
    const root = container.querySelector<HTMLElement>('.ck-root')!;
    root.style.setProperty('--ck-root-padding', '3px');
    root.style.setProperty('--ck-root-max-width', '300px');
    root.style.setProperty('--ck-input-height', '50px');
    expect(getComputedStyle(root).paddingTop).toBe('3px');
    expect(getComputedStyle(root).maxWidth).toBe('300px');
    expect(getComputedStyle(accessKeyInput()).minHeight).toBe('50px');
    hostCss('.ck-select-content { --ck-color-popover-bg: rgb(1, 2, 3); }', 'last');
    await userEvent.click(screen.getByRole('combobox', { name: /^Region/ }));
    expect(getComputedStyle(await screen.findByRole('listbox')).backgroundColor).toBe('rgb(1, 2, 3)');
    await userEvent.keyboard('{Escape}');
  });
});

describe('dark mode', () => {
  it.each([
    ['data-theme="dark" on a wrapper', (form: ReactNode) => <div data-theme="dark">{form}</div>],
    ['the class "dark" on a wrapper (shadcn)', (form: ReactNode) => <div className="dark">{form}</div>],
  ])('follows %s, sets color-scheme: dark, and carries it to the listbox', async (_name, wrap) => {
    const { container } = renderIn(wrap);
    const root = container.querySelector('.ck-root')!;
    expect(getComputedStyle(accessKeyInput()).backgroundColor).toBe(DARK_INPUT_BG);
    expect(getComputedStyle(root).colorScheme).toBe('dark');
    await userEvent.click(screen.getByRole('combobox', { name: /^Region/ }));
    const listbox = await screen.findByRole('listbox');
    expect(container.contains(listbox)).toBe(false);
    expect(getComputedStyle(listbox).backgroundColor).toBe(DARK_INPUT_BG);
    await userEvent.keyboard('{Escape}');
  });

  it('draws the native checkbox dark (color-scheme reaches it)', () => {
    renderIn((form) => <div className="dark">{form}</div>, everyPropertyAuth);
    expect(getComputedStyle(screen.getByRole('checkbox', { name: 'Use SSL' })).colorScheme).toBe('dark');
  });

  it('stays light with no theme around it', () => {
    const { container } = renderIn((form) => form);
    expect(getComputedStyle(container.querySelector('.ck-root')!).colorScheme).toBe('light');
  });
});

describe('parts and icons, in the default theme', () => {
  it("lets a class given through classNames win over the kit's rule for that part", () => {
    // Unlayered and of the same specificity as the kit's `.ck-input`: wins by the layer alone.
    hostCss('.host-tall { min-height: 60px; border-radius: 0px; }', 'first');
    render(<ConnectionForm auth={awsAuth} classNames={{ input: 'host-tall' }} onConnect={vi.fn()} />);
    expect(getComputedStyle(accessKeyInput()).minHeight).toBe('60px');
    expect(getComputedStyle(accessKeyInput()).borderRadius).toBe('0px');
    // The kit's other rules for the part still apply.
    expect(getComputedStyle(accessKeyInput()).backgroundColor).toBe(LIGHT_INPUT_BG);
  });

  it('draws the chosen option’s ✓ itself (not text), and shows a host icon in its place', async () => {
    const { unmount } = renderIn((form) => form);
    await userEvent.click(screen.getByRole('combobox', { name: /^Region/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'EU (Ireland)' }));
    await userEvent.click(screen.getByRole('combobox', { name: /^Region/ }));
    const chosen = await screen.findByRole('option', { name: 'EU (Ireland)' });
    const mark = chosen.querySelector('[data-slot="select-item-indicator"]')!;
    expect(getComputedStyle(mark, '::before').content).toMatch(/^"✓"/);
    expect(chosen).toHaveTextContent(/^EU \(Ireland\)$/);
    await userEvent.keyboard('{Escape}');
    unmount();

    render(<ConnectionForm auth={awsAuth} icons={{ check: <svg aria-hidden="true" width="12" height="12" /> }} onConnect={vi.fn()} />);
    await userEvent.click(screen.getByRole('combobox', { name: /^Region/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'EU (Ireland)' }));
    await userEvent.click(screen.getByRole('combobox', { name: /^Region/ }));
    const withIcon = (await screen.findByRole('option', { name: 'EU (Ireland)' })).querySelector('[data-slot="select-item-indicator"]')!;
    expect(withIcon.querySelector('svg')).not.toBeNull();
    expect(getComputedStyle(withIcon, '::before').content).toBe('none');
    await userEvent.keyboard('{Escape}');
  });

  it('draws the checkbox box with icons.checkbox, showing the icon only while checked, in light and dark', async () => {
    for (const dark of [false, true]) {
      const { unmount } = render(
        <div className={dark ? 'dark' : undefined}>
          <ConnectionForm
            auth={everyPropertyAuth}
            icons={{ checkbox: <svg aria-hidden="true" width="12" height="12" /> }}
            onConnect={vi.fn()}
          />
        </div>,
      );
      const ssl = screen.getByRole('checkbox', { name: 'Use SSL' });
      const icon = ssl.parentElement!.querySelector('[data-slot="checkbox-indicator"]')!;
      expect(getComputedStyle(ssl).appearance).toBe('none');
      expect(ssl).toBeChecked();
      // The accent colour of the theme: #1d4ed8 light, #93c5fd dark.
      expect(getComputedStyle(ssl).backgroundColor).toBe(dark ? 'rgb(147, 197, 253)' : 'rgb(29, 78, 216)');
      expect(getComputedStyle(icon).visibility).toBe('visible');
      // A real click on the drawn box reaches the input under the icon.
      await userEvent.click(ssl);
      expect(ssl).not.toBeChecked();
      expect(getComputedStyle(icon).visibility).toBe('hidden');
      expect(getComputedStyle(ssl).backgroundColor).toBe(dark ? DARK_INPUT_BG : LIGHT_INPUT_BG);
      unmount();
    }
  });
});
