// Every real piece's auth in fixtures/pieces renders as Activepieces means it: the right control
// for every prop, required marks, defaults, rendered markdown; non-OAuth2 definitions emit a value
// Activepieces' own upsert schema accepts; OAuth2 definitions open the right authorization URL.
import { UpsertAppConnectionRequestBody } from '@activepieces/shared';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { ConnectionForm, type AuthDefinition, type AuthInput } from '../../src';
import { createConnectionValueSchema } from '../../src/definitions-entry';
import {
  choose,
  controlFor,
  expectDefault,
  expectMarkdownRendered,
  expectRequiredMark,
  helpOf,
  optionsOf,
  visibleForm,
  type Prop,
} from './form-expectations';
import { hostChoosers } from '../../src/oauth/host-policy';
import { methodsOf, pieceFixture, pieceFixtures, type PieceFixture } from './piece-fixtures';

const HOST = { clientId: 'cid', redirectUrl: 'https://app.example.com/cb' } as const;

/** The body a host posts to Activepieces' `POST /v1/app-connections` with an emitted value. */
const upsertRequest = (value: { type: string }) => ({
  type: value.type,
  value,
  externalId: 'conn',
  displayName: 'Conn',
  pieceName: '@activepieces/piece-x',
  projectId: 'project',
});

/** The props a method shows, as Activepieces defines them (SecretText and BasicAuth included). */
function propsOf(auth: AuthDefinition): [string, Prop][] {
  const a = auth as unknown as Record<string, any>;
  switch (auth.type) {
    case 'SECRET_TEXT':
      return [['secret_text', { type: 'SECRET_TEXT', displayName: a.displayName, required: true, description: a.description }]];
    case 'BASIC_AUTH':
      return [
        ['username', { type: 'SHORT_TEXT', required: true, ...a.username }],
        ['password', { type: 'SECRET_TEXT', required: true, ...a.password }],
      ];
    default:
      return Object.entries((a.props ?? {}) as Record<string, Prop>);
  }
}

/**
 * Whether a definition lets a free-text prop choose the host of its URLs (Gitea, HTTP OAuth2):
 * then it connects with the user's own app (Client ID / Secret typed into the form), the way
 * those pieces are used, and not with the host's `clientId`.
 */
const ownApp = (auth: AuthInput) =>
  (Array.isArray(auth) ? auth : [auth]).some(
    (a) => a?.type === 'OAUTH2' && (hostChoosers(a.authUrl, a.props).length > 0 || hostChoosers(a.tokenUrl, a.props).length > 0),
  );

function setup(auth: AuthInput) {
  const user = userEvent.setup({ delay: null });
  const onConnect = vi.fn();
  const oauth2 = ownApp(auth) ? { redirectUrl: HOST.redirectUrl } : HOST;
  const { container } = render(<ConnectionForm auth={auth} oauth2={oauth2} onConnect={onConnect} />);
  return { user, onConnect, container };
}

/** A placeholder at the very start of a URL template stands for a whole origin (or URL). */
const leading = (auth: AuthDefinition & Record<string, any>, key: string) =>
  [auth.authUrl, auth.tokenUrl].some((t) => typeof t === 'string' && t.startsWith(`{${key}}`));

/** Shows method `index` of an auth array with the method picker. */
async function pickMethod(user: UserEvent, fixture: PieceFixture, index: number) {
  if (!Array.isArray(fixture.auth)) return;
  const picker = screen.getByRole('group', { name: 'Authentication method' });
  await user.click(within(picker).getAllByRole('radio')[index]!);
}

/**
 * Fills a prop the way a user would and returns the value it must emit (undefined: left out).
 * Defaults are kept; required dropdowns get their second option (S3 repeats a value there).
 */
async function fill(user: UserEvent, control: HTMLElement, key: string, prop: Prop, url = false): Promise<unknown> {
  const d = prop.defaultValue;
  switch (prop.type) {
    case 'SHORT_TEXT':
    case 'LONG_TEXT':
    case 'SECRET_TEXT':
      if (typeof d === 'string') return d;
      if (url) {
        // What a user of HTTP OAuth2 types: their provider's endpoint.
        await user.type(control, `https://${key.toLowerCase()}.example.com/${key}`);
        return `https://${key.toLowerCase()}.example.com/${key}`;
      }
      await user.type(control, `${key}-1`);
      return `${key}-1`;
    case 'NUMBER':
      if (typeof d === 'number') return d;
      await user.type(control, '42');
      return 42;
    case 'CHECKBOX':
      return d === true;
    case 'STATIC_DROPDOWN': {
      const options = optionsOf(prop);
      if (options.some((o) => o.value === d)) return d;
      if (prop.required !== true) return undefined;
      const index = Math.min(1, options.length - 1);
      await choose(user, control, index, false);
      return options[index]!.value;
    }
    case 'STATIC_MULTI_SELECT_DROPDOWN': {
      if (prop.required !== true) return Array.isArray(d) && d.length ? d : undefined;
      const first = optionsOf(prop)[0]!;
      await user.click(within(control).getByRole('checkbox', { name: first.label }));
      return [first.value];
    }
    default:
      throw new Error(`cannot fill a ${prop.type}`);
  }
}

/**
 * `{name}` placeholders filled from the props' values, as Activepieces fills them; a leading one
 * is a whole origin and goes in as it is.
 */
const fillPlaceholders = (template: string, values: Record<string, unknown>, encode: (s: string) => string) =>
  template.replace(/\{([^{}]+)\}/g, (_, name: string, at: number) => (at === 0 ? String : encode)(String(values[name])));

const cases = pieceFixtures.flatMap((fixture) =>
  methodsOf(fixture).map((method) => ({
    fixture,
    ...method,
    title: `${fixture.package}@${fixture.version} ${method.path} (${method.auth.type})`,
  })),
);

it('covers every fixture, every auth type, and both places older and newer pieces keep auth', () => {
  expect(pieceFixtures.length).toBeGreaterThanOrEqual(8);
  expect(new Set(cases.map((c) => c.auth.type))).toEqual(new Set(['SECRET_TEXT', 'BASIC_AUTH', 'CUSTOM_AUTH', 'OAUTH2']));
  expect(pieceFixtures.some((f) => f.from === 'piece.auth')).toBe(true);
  expect(pieceFixtures.some((f) => f.from.endsWith('.props.authentication'))).toBe(true);
});

describe.each(cases)('$title', ({ fixture, index, auth }) => {
  it('shows the right control for every prop, with its label, required mark, default and rendered help', async () => {
    const { user, container } = setup(fixture.auth);
    await pickMethod(user, fixture, index);
    const form = visibleForm(container);
    const description = auth.type === 'SECRET_TEXT' ? undefined : auth.description;
    if (description?.trim()) expectMarkdownRendered(form, description);
    const props = propsOf(auth);
    const notes = props.filter(([, p]) => p.type === 'MARKDOWN');
    expect(within(form).queryAllByRole('note')).toHaveLength(notes.length);
    for (const [i, [, note]] of notes.entries()) expectMarkdownRendered(within(form).getAllByRole('note')[i]!, String(note.description));
    for (const [key, prop] of props.filter(([, p]) => p.type !== 'MARKDOWN')) {
      const control = controlFor(form, key, prop);
      expectRequiredMark(control, prop);
      expectDefault(control, prop);
      if (prop.description?.trim()) expectMarkdownRendered(helpOf(control), prop.description);
    }
  });

  if (auth.type !== 'OAUTH2') {
    it("emits, once filled in and submitted, a value Activepieces' upsert schema accepts", async () => {
      const { user, container, onConnect } = setup(fixture.auth);
      await pickMethod(user, fixture, index);
      const form = visibleForm(container);
      const values: Record<string, unknown> = {};
      for (const [key, prop] of propsOf(auth).filter(([, p]) => p.type !== 'MARKDOWN')) {
        const value = await fill(user, controlFor(form, key, prop), key, prop);
        if (value !== undefined) values[key] = value;
      }
      await user.click(within(form).getByRole('button', { name: 'Connect' }));
      await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));

      const value = onConnect.mock.calls[0]![0];
      const expected = auth.type === 'CUSTOM_AUTH' ? { type: 'CUSTOM_AUTH', props: values } : { type: auth.type, ...values };
      expect(value).toEqual(expected);
      const upsert = UpsertAppConnectionRequestBody.safeParse(upsertRequest(value));
      expect(upsert.error?.issues).toBeUndefined();
      expect(createConnectionValueSchema(fixture.auth).safeParse(value).success).toBe(true);
    });
  } else {
    it('opens the authorization URL with client id, redirect uri, scope, state, filled placeholders and its own query kept', async () => {
      await expectAuthorizationUrl(fixture.auth, index);
    });
  }
});

/** Fills the OAuth2 method's props, clicks Connect and checks the URL the popup opens. */
async function expectAuthorizationUrl(authInput: AuthInput, index: number) {
  const auth = (Array.isArray(authInput) ? authInput[index] : authInput) as AuthDefinition & Record<string, any>;
  const popup = { closed: false, close: vi.fn(), location: { replace: vi.fn() } };
  const open = vi.spyOn(window, 'open').mockImplementation(() => popup as unknown as Window);
  const { user, container } = setup(authInput);
  if (Array.isArray(authInput))
    await user.click(within(screen.getByRole('group', { name: 'Authentication method' })).getAllByRole('radio')[index]!);
  const form = visibleForm(container);
  const values: Record<string, unknown> = {};
  for (const [key, prop] of propsOf(auth)) values[key] = await fill(user, controlFor(form, key, prop), key, prop, leading(auth, key));
  if (ownApp(authInput)) {
    await user.type(within(form).getByLabelText(/^Client ID/), HOST.clientId);
    await user.type(within(form).getByLabelText(/^Client Secret/), 'own-secret');
  }

  await user.click(within(form).getByRole('button', { name: 'Connect' }));
  expect(open).toHaveBeenCalledTimes(1);
  let opened = String(open.mock.calls[0]![0]);
  // With PKCE still hashing, the popup opens blank inside the click and is sent on at once.
  if (opened === 'about:blank') opened = await waitFor(() => String(popup.location.replace.mock.calls[0]![0]));
  const url = new URL(opened);

  const expected = new URL(fillPlaceholders(auth.authUrl, values, encodeURIComponent));
  expect(url.origin + url.pathname).toBe(expected.origin + expected.pathname);
  for (const [name, value] of expected.searchParams) expect([name, url.searchParams.get(name)]).toEqual([name, value]);
  const query = Object.fromEntries(url.searchParams);
  expect(query).toMatchObject({
    response_type: 'code',
    client_id: HOST.clientId,
    redirect_uri: HOST.redirectUrl,
    scope: (auth.scope as string[]).map((s) => fillPlaceholders(s, values, String)).join(' '),
  });
  expect(query.state).toMatch(/^[\w-]{22,}$/);
  if (auth.pkce) {
    expect(query.code_challenge_method).toBe(auth.pkceMethod ?? 'S256');
    expect(query.code_challenge).toMatch(/^[\w-]{43,128}$/);
  } else {
    expect(query.code_challenge).toBeUndefined();
    expect(query.code_challenge_method).toBeUndefined();
  }
  expect(decodeURIComponent(opened)).not.toMatch(/\{[^{}]*\}/);
  expect(await screen.findByText(/Waiting for you to finish signing in/)).toBeInTheDocument();
  open.mockRestore();
}

describe('real OAuth2 definitions with pkce: true added (no published piece in the corpus asks for it)', () => {
  it('square: S256 challenge on the authorization URL', async () => {
    await expectAuthorizationUrl({ ...(pieceFixture('square').auth as object), pkce: true } as AuthInput, 0);
  });

  it('intercom: the plain method when asked, with the {region} placeholder still filled', async () => {
    const [oauth2, token] = pieceFixture('intercom').auth as AuthDefinition[];
    await expectAuthorizationUrl([{ ...oauth2!, pkce: true, pkceMethod: 'plain' } as AuthDefinition, token!], 0);
  });
});
