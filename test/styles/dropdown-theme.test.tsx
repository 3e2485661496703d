// The dropdown's listbox renders in a portal on <body>, outside any themed wrapper: it carries
// the form's theme itself, as data-theme, which the stylesheet matches
// (.ck-select-content[data-theme="dark"]). Real colours are checked in Chromium by the story
// ConnectionForm/Theming → "Dark on a wrapper, dropdown open".
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ConnectionForm } from '../../src';
import { awsAuth } from '../../stories/fixtures/auth-definitions';
import { stylesheet } from './read-stylesheet';

async function openRegionIn(wrap: (form: ReactNode) => ReactNode) {
  const user = userEvent.setup();
  const { container } = render(wrap(<ConnectionForm auth={awsAuth} onConnect={() => {}} />));
  await user.click(screen.getByRole('combobox', { name: 'Region' }));
  const listbox = await screen.findByRole('listbox');
  expect(container.contains(listbox)).toBe(false);
  return listbox;
}

describe('the dropdown listbox', () => {
  it('takes data-theme="dark" from a wrapper around the form', async () => {
    const listbox = await openRegionIn((form) => <div data-theme="dark">{form}</div>);
    expect(listbox).toHaveAttribute('data-theme', 'dark');
  });

  it("takes a host's own theme name from the nearest wrapper that has one", async () => {
    const listbox = await openRegionIn((form) => (
      <div data-theme="light">
        <section data-theme="brand">{form}</section>
      </div>
    ));
    expect(listbox).toHaveAttribute('data-theme', 'brand');
  });

  it('is dark when any wrapper is dark, as the stylesheet makes the form itself', async () => {
    const listbox = await openRegionIn((form) => (
      <div data-theme="dark">
        <div data-theme="light">{form}</div>
      </div>
    ));
    expect(listbox).toHaveAttribute('data-theme', 'dark');
  });

  it('is dark under a wrapper with the class "dark" (shadcn, Tailwind)', async () => {
    const listbox = await openRegionIn((form) => <div className="dark">{form}</div>);
    expect(listbox).toHaveAttribute('data-theme', 'dark');
  });

  it('carries data-theme="system", which the stylesheet resolves with prefers-color-scheme', async () => {
    const listbox = await openRegionIn((form) => <div data-theme="system">{form}</div>);
    expect(listbox).toHaveAttribute('data-theme', 'system');
  });

  it('has no data-theme when nothing around the form has one', async () => {
    const listbox = await openRegionIn((form) => form);
    expect(listbox).not.toHaveAttribute('data-theme');
  });

  it('follows the form when its wrapper changes theme between two openings', async () => {
    const user = userEvent.setup();
    const view = (theme: string) => (
      <div data-theme={theme}>
        <ConnectionForm auth={awsAuth} onConnect={() => {}} />
      </div>
    );
    const { rerender } = render(view('light'));
    const region = screen.getByRole('combobox', { name: 'Region' });
    await user.click(region);
    expect(await screen.findByRole('listbox')).toHaveAttribute('data-theme', 'light');
    await user.keyboard('{Escape}');
    rerender(view('dark'));
    await user.click(region);
    expect(await screen.findByRole('listbox')).toHaveAttribute('data-theme', 'dark');
  });
});

/** Every rule whose body sets the dark background: selectors and declarations. */
const darkRules = () =>
  [...stylesheet.matchAll(/([^{}]*)\{([^{}]*--ck-color-bg: #111827;[^{}]*)\}/g)].map((m) => ({
    selectors: m[1]!
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .split(',')
      .map((s) => s.trim()),
    declarations: m[2]!
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean),
  }));

describe('the stylesheet', () => {
  it('gives the listbox the dark theme when it carries data-theme="dark" itself', () => {
    expect(darkRules()[0]!.selectors).toContain('.ck-select-content[data-theme="dark"]');
  });

  it('has one dark theme for data-theme="dark" and .dark, and the same values for data-theme="system" in a dark preference', () => {
    const [dark, system] = darkRules();
    expect(darkRules()).toHaveLength(2);
    expect(dark!.selectors).toEqual(expect.arrayContaining(['.dark .ck-root', '.dark .ck-select-content', '[data-theme="dark"] .ck-root']));
    expect(system!.selectors).toEqual([
      '[data-theme="system"] .ck-root',
      '.ck-root[data-theme="system"]',
      '.ck-select-content[data-theme="system"]',
    ]);
    expect(stylesheet).toMatch(/@media \(prefers-color-scheme: dark\) \{\s*\[data-theme="system"\] \.ck-root/);
    // A colour changed in one copy and not the other fails here.
    expect(system!.declarations).toEqual(dark!.declarations);
  });

  it('puts every rule in the connection-kit cascade layer', () => {
    const code = stylesheet.replace(/\/\*[\s\S]*?\*\//g, '').trim();
    expect(code.startsWith('@layer connection-kit {')).toBe(true);
    // The layer's block closes at the very end: nothing after it.
    let depth = 0;
    let closedAt = -1;
    for (let i = code.indexOf('{'); i < code.length; i++) {
      if (code[i] === '{') depth++;
      if (code[i] === '}' && --depth === 0) {
        closedAt = i;
        break;
      }
    }
    expect(closedAt).toBe(code.length - 1);
  });
});
