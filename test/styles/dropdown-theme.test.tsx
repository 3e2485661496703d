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

describe('the stylesheet', () => {
  it('gives the listbox the dark theme when it carries data-theme="dark" itself', () => {
    const darkRule = stylesheet.match(/([^{}]*)\{[^{}]*--ck-color-bg: #111827;/)?.[1] ?? '';
    expect(darkRule.split(',').map((s) => s.trim())).toContain('.ck-select-content[data-theme="dark"]');
  });
});
