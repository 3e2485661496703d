// A server-rendered form hydrates in the browser without a mismatch and then works. The server
// half runs with `window` and `document` removed, as on a server; the browser half in jsdom.
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { hydrateRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionForm, type AuthInput, type ConnectionFormProps } from '../../src';
import { fr } from '../../src/messages/locales/fr';
import * as fixtures from '../../stories/fixtures/auth-definitions';

const HOST_OAUTH2 = { clientId: 'host-client', redirectUrl: 'https://app.example.com/oauth/callback' };

let roots: Root[] = [];
let problems: string[];

beforeEach(() => {
  problems = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => problems.push(`console.error: ${args.map(String).join(' ')}`));
});
afterEach(() => {
  act(() => {
    for (const root of roots) root.unmount();
  });
  roots = [];
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

/** Renders `element` as a server would (no window, no document), then hydrates it here. */
async function serverRenderThenHydrate(element: React.ReactElement) {
  vi.stubGlobal('window', undefined);
  vi.stubGlobal('document', undefined);
  let html: string;
  try {
    html = renderToString(element);
  } finally {
    vi.unstubAllGlobals();
  }
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  // Radix Select re-keys its hidden native <select> once its items have registered, by design.
  const serverNodes = [...container.querySelectorAll('*')].filter((node) => !node.closest('select[aria-hidden="true"]'));
  await act(async () => {
    roots.push(
      hydrateRoot(container, element, {
        onRecoverableError: (error) => problems.push(`recoverable: ${String(error)}`),
      }),
    );
  });
  // On a mismatch React throws the server's DOM away and renders anew: its nodes get detached.
  const replaced = serverNodes.filter((node) => !node.isConnected);
  return { html, container, replaced };
}

function form<A extends AuthInput>(auth: A, props: Partial<ConnectionFormProps<A>> = {}) {
  return <ConnectionForm auth={auth} onConnect={() => {}} {...props} />;
}

describe('a server-rendered form', () => {
  const definitions = Object.entries(fixtures) as [string, AuthInput][];

  it.each(definitions)('hydrates the %s fixture without a mismatch', async (_name, auth) => {
    const { replaced } = await serverRenderThenHydrate(form(auth));
    expect(problems).toEqual([]);
    // Hydration adopted every server-rendered element instead of rendering anew.
    expect(replaced).toEqual([]);
  });

  it('hydrates an OAuth2 form with the host config, and in French', async () => {
    const { replaced } = await serverRenderThenHydrate(form(fixtures.regionalOAuth2Auth, { oauth2: HOST_OAUTH2, messages: fr }));
    expect(problems).toEqual([]);
    expect(replaced).toEqual([]);
    expect(screen.getByRole('button', { name: fr.submit })).toBeInTheDocument();
  });

  it('shows the defaults in the server-rendered HTML, before hydration (Host, Port, Use SSL)', async () => {
    vi.stubGlobal('window', undefined);
    vi.stubGlobal('document', undefined);
    let html: string;
    try {
      html = renderToString(form(fixtures.everyPropertyAuth));
    } finally {
      vi.unstubAllGlobals();
    }
    // Parsed as a browser would before any script runs.
    const page = new DOMParser().parseFromString(html, 'text/html');
    const byLabel = (label: string) =>
      page.getElementById([...page.querySelectorAll('label')].find((l) => l.textContent?.startsWith(label))!.htmlFor) as HTMLInputElement;
    expect(byLabel('Host').value).toBe('db.example.com');
    expect(byLabel('Port').value).toBe('5432');
    expect(byLabel('Use SSL').checked).toBe(true);
    expect(byLabel('Notes').value).toBe('');
    // Hydrating that HTML keeps it, and the values are the form's.
    const { replaced } = await serverRenderThenHydrate(form(fixtures.everyPropertyAuth));
    expect(problems).toEqual([]);
    expect(replaced).toEqual([]);
    expect(screen.getByRole('spinbutton', { name: /Port/ })).toHaveValue(5432);
    expect(screen.getByRole('checkbox', { name: 'Use SSL' })).toBeChecked();
  });

  it('shows an edited connection’s saved values in the server-rendered HTML, but never its saved secret', () => {
    const html = renderToString(
      <ConnectionForm
        auth={fixtures.everyPropertyAuth}
        initialValue={{
          type: 'CUSTOM_AUTH',
          props: { host: 'pg.internal', port: 6543, ssl: false, token: 'tok-SAVED-secret', environment: 'sandbox' },
        }}
        onConnect={() => {}}
      />,
    );
    expect(html).toContain('value="pg.internal"');
    expect(html).toContain('value="6543"');
    expect(html).not.toContain('tok-SAVED-secret');
  });

  it('works once hydrated: typing and submitting emits the value', async () => {
    const user = userEvent.setup();
    const onConnect = vi.fn();
    await serverRenderThenHydrate(form(fixtures.apiKeyAuth, { onConnect }));
    await user.type(screen.getByLabelText('API Key'), 'sk-hydrated');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await vi.waitFor(() => expect(onConnect).toHaveBeenCalledWith({ type: 'SECRET_TEXT', secret_text: 'sk-hydrated' }, {}));
    expect(problems).toEqual([]);
  });
});
