// @vitest-environment node
// Server rendering, as a Next.js or Remix host does it: there is no `window` or `document` in
// this environment, so any touch of them at import or render throws a ReferenceError here.
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionForm, PieceAuth, defaultMessages, type AuthInput } from '../../src';
import { describeFields } from '../../src/headless-entry';
import { fr } from '../../src/messages/locales/fr';
import * as fixtures from '../../stories/fixtures/auth-definitions';

const HOST_OAUTH2 = { clientId: 'host-client', redirectUrl: 'https://app.example.com/oauth/callback' };

/** What `renderToString` puts in the HTML for a text node or attribute value. */
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

/**
 * The HTML every field of a definition must put on the page (an array shows its first method):
 * its label as an element's whole text, or the named error of a type the kit cannot render.
 */
function expectedFieldHtml(auth: AuthInput, withClientFields: boolean): string[] {
  const shown = Array.isArray(auth) ? auth[0] : auth;
  if (!shown) return [];
  const fields = describeFields(shown)
    .filter((field) => field.type !== 'MARKDOWN')
    .map((field) =>
      field.type === 'UNSUPPORTED'
        ? escapeHtml(defaultMessages.unsupportedType(field.rawType, field.label))
        : `>${escapeHtml(field.label)}<`,
    );
  const client = [defaultMessages.clientId, defaultMessages.clientSecret].map((label) => `>${label}<`);
  return shown.type === 'OAUTH2' && withClientFields ? [...client, ...fields] : fields;
}

const render = (auth: AuthInput, props: Partial<Parameters<typeof ConnectionForm>[0]> = {}) =>
  renderToString(<ConnectionForm auth={auth} onConnect={() => {}} {...props} />);

let consoleProblems: string[];
beforeEach(() => {
  consoleProblems = [];
  // React reports server-rendering problems on console.error; the kit's own definition warnings
  // ("connection-kit: ...") are for the author and allowed.
  for (const level of ['error', 'warn'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      const text = args.map(String).join(' ');
      if (!text.startsWith('connection-kit:')) consoleProblems.push(`console.${level}: ${text}`);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  expect(consoleProblems).toEqual([]);
});

describe('server rendering with no DOM', () => {
  it('runs where there is no window or document (the kit imported without touching them)', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    expect(typeof ConnectionForm).toBe('function');
  });

  const definitions = Object.entries(fixtures).filter(([name]) => name !== 'malformedAuth') as [string, AuthInput][];

  describe.each(definitions)('the %s fixture', (_name, auth) => {
    it('renders to HTML with a form, every label and the submit button', () => {
      const html = render(auth);
      expect(html).toMatch(/^<div data-slot="root" class="ck-root"/);
      expect(html).toContain('<form');
      for (const part of expectedFieldHtml(auth, true)) expect(html).toContain(part);
      expect(html).toContain(`>${defaultMessages.submit}</button>`);
      expect(html).toContain('role="status"');
    });

    it('renders in French with messages={fr}', () => {
      expect(render(auth, { messages: fr })).toContain(`>${fr.submit}</button>`);
    });
  });

  const popupOAuth2 = [
    fixtures.regionalOAuth2Auth,
    fixtures.optionalRegionOAuth2Auth,
    fixtures.eitherGrantOAuth2Auth,
    fixtures.slackLikeAuth,
  ];

  it.each(
    popupOAuth2.map(
      (auth) =>
        [
          describeFields(Array.isArray(auth) ? auth[0] : auth)
            .map((f) => f.label)
            .join(', ') || 'no props',
          auth,
        ] as const,
    ),
  )('renders an OAuth2 definition with the host OAuth2 config (props: %s), without client fields', (_props, auth) => {
    const html = render(auth as AuthInput, { oauth2: HOST_OAUTH2 });
    for (const part of expectedFieldHtml(auth as AuthInput, false)) expect(html).toContain(part);
    // The host's own app: no Client ID / Client Secret for the user to fill.
    expect(html).not.toContain(`>${defaultMessages.clientId}<`);
    expect(html).not.toContain(`>${defaultMessages.clientSecret}<`);
  });

  it('renders client credentials with the host OAuth2 config: the user still brings a client id and secret', () => {
    const html = render(fixtures.clientCredentialsOAuth2Auth, { oauth2: HOST_OAUTH2 });
    expect(html).toContain(`>${defaultMessages.clientSecret}<`);
  });

  it('renders a definition it cannot show as the named error panel', () => {
    expect(render(fixtures.malformedAuth)).toContain(escapeHtml(defaultMessages.brokenDefinition));
  });

  it('renders PieceAuth.None() as the no-credentials note', () => {
    expect(render(PieceAuth.None())).toContain(escapeHtml(defaultMessages.noAuthNeeded));
  });

  it('renders a disabled form, and the same HTML twice (nothing random or time-based at render)', () => {
    const html = render(fixtures.everyPropertyAuth, { disabled: true });
    expect(html).toMatch(/<fieldset[^>]*disabled=""/);
    expect(render(fixtures.everyPropertyAuth, { disabled: true })).toBe(html);
  });
});
