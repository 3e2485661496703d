// The default look, as pictures: the key states of the form in light and dark, in real Chromium,
// compared with the reference screenshots checked in beside this file
// (__screenshots__/look.browser.test.tsx/). A change in look is then a visible diff; after an
// intended one, refresh them with `npx vitest run --project browser test/browser/look -u`.
import { cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { ConnectionForm } from '../../src';
import '../../src/styles/connection-kit.css';
import { apiKeyOrBasicAuth, everyPropertyAuth, regionalOAuth2Auth } from '../../stories/fixtures/auth-definitions';

// Vitest's default viewport (414 px) is narrower than the frame: the picture would be clipped.
beforeAll(async () => {
  await page.viewport(720, 1000);
});

afterEach(() => {
  vi.restoreAllMocks();
  cleanup();
});

type Theme = 'light' | 'dark';

/** The form on a page of its theme's background, a fixed width, so the pictures are comparable. */
function Frame({ theme, children }: { theme: Theme; children: ReactNode }) {
  return (
    <div data-testid="frame" data-theme={theme} style={{ width: 560, padding: 16, background: theme === 'dark' ? '#0b1120' : '#f8fafc' }}>
      {children}
    </div>
  );
}

function renderInFrame(theme: Theme, form: ReactNode) {
  render(<Frame theme={theme}>{form}</Frame>);
}

/** No caret and no hover in the picture: only the state itself. */
async function still() {
  (document.activeElement as HTMLElement | null)?.blur();
  await userEvent.unhover(document.body);
}

const shot = (name: string) =>
  expect(page.getByTestId('frame')).toMatchScreenshot(name, { comparatorOptions: { allowedMismatchedPixelRatio: 0.01 } });

describe.each(['light', 'dark'] as const)('the default look (%s)', (theme) => {
  it('the method picker: a card per method, saying what it asks for', async () => {
    renderInFrame(theme, <ConnectionForm auth={apiKeyOrBasicAuth} onConnect={vi.fn()} />);
    await still();
    await shot(`method-picker-${theme}`);
  });

  it('every property type with its errors after a submit', async () => {
    renderInFrame(theme, <ConnectionForm auth={everyPropertyAuth} onConnect={vi.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await expect.element(page.getByText('Fix the 2 highlighted fields.')).toBeVisible();
    await still();
    await shot(`field-errors-${theme}`);
  });

  it('connected: the status icon, who is connected, Reconnect secondary', async () => {
    renderInFrame(theme, <ConnectionForm auth={apiKeyOrBasicAuth} onConnect={vi.fn()} />);
    await userEvent.click(screen.getByRole('radio', { name: 'Authenticate with Credentials' }));
    await userEvent.fill(screen.getByRole('textbox', { name: 'Username' }), 'ada@example.com');
    await userEvent.fill(screen.getByLabelText('Password'), 'pw-secret');
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await expect.element(page.getByText('Connected as ada@example.com.')).toBeVisible();
    await still();
    await shot(`connected-${theme}`);
  });

  it('a blocked popup: Try again, Cancel and the new tab, equally tall, on shared baselines', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    renderInFrame(
      theme,
      <ConnectionForm
        auth={regionalOAuth2Auth}
        oauth2={{ clientId: 'client-1', redirectUrl: `${location.origin}/oauth2/callback` }}
        onConnect={vi.fn()}
      />,
    );
    await userEvent.fill(screen.getByRole('textbox', { name: 'Region' }), 'eu');
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await expect.element(page.getByRole('button', { name: 'Open the sign-in page in a new tab' })).toBeVisible();
    // One baseline: the actions are equally tall (so buttons on one row share their centre) and
    // Try again and Cancel share a row; the new-tab button wraps below in a dialog this narrow.
    const boxes = ['Try again', 'Cancel', 'Open the sign-in page in a new tab'].map((name) =>
      screen.getByRole('button', { name }).getBoundingClientRect(),
    );
    expect(new Set(boxes.map((box) => Math.round(box.height))).size).toBe(1);
    expect(Math.round(boxes[0]!.top)).toBe(Math.round(boxes[1]!.top));
    await still();
    await shot(`oauth2-blocked-${theme}`);
  });
});
