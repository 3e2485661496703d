// Security notes 4 and 15: a typed secret (and the OAuth2 code and PKCE verifier) never reaches a
// DOM attribute, the console, a shown error message, web storage, history, or any callback
// before the final hand-off to the host (onConnect / exchange / validate).
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import fc from 'fast-check';
import { ConnectionForm, PieceAuth, Property, type AuthInput, type ValidationResult } from '../../src';
import { defaultMessages, type Messages } from '../../src/messages/messages';
import { loginAuth, plainApiKeyAuth, plainOAuth2Auth } from '../../stories/fixtures/auth-definitions';
import { REDIRECT_URL, callback, fakePopup } from '../oauth/fake-window';
import { deliver, formStatus, openedState, pkceReady, signInUrl, stubWindowOpen, submitButton, trackPkce } from '../oauth/oauth2-form-kit';
import { trackLeaks } from './leak-tracker';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  localStorage.clear();
  sessionStorage.clear();
});

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const;

/** Spies on every console method; `text()` is everything logged, errors with their stacks. */
function spyConsole() {
  const spies = CONSOLE_METHODS.map((m) => vi.spyOn(console, m).mockImplementation(() => {}));
  const show = (arg: unknown): string =>
    arg instanceof Error ? `${arg.name}: ${arg.message}\n${arg.stack ?? ''}` : typeof arg === 'string' ? arg : safeJson(arg);
  return { text: () => spies.flatMap((s) => s.mock.calls.flat().map(show)).join('\n') };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Every attribute value in the document, as written. */
const attributeValues = () =>
  [document.documentElement, ...document.querySelectorAll('*')].flatMap((el) =>
    el.getAttributeNames().map((n) => el.getAttribute(n) ?? ''),
  );

/** user-event's keyboard syntax: `{` and `[` start a key descriptor, so double them. */
const typed = (text: string) => text.replace(/[{[]/g, (c) => c + c);

/** Secrets a user might type: any script, emoji, quotes, markup characters; no control characters. */
const typableSecret = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 14 })
  .filter((s) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(s));

// ---------------------------------------------------------------------------------------------
// The four kinds of secret input, each with how to find its control.

interface SecretCase {
  name: string;
  auth: AuthInput;
  label: string;
  props?: Record<string, unknown>;
  fill?: (user: UserEvent) => Promise<void>;
}

const CASES: SecretCase[] = [
  { name: 'a SecretText auth', auth: plainApiKeyAuth, label: 'API Key' },
  { name: 'a BasicAuth password', auth: loginAuth, label: 'Password' },
  {
    name: 'a SecretText prop of a CustomAuth',
    auth: PieceAuth.CustomAuth({
      displayName: 'Service',
      required: true,
      props: {
        host: Property.ShortText({ displayName: 'Host', required: true }),
        token: PieceAuth.SecretText({ displayName: 'Token', required: true }),
      },
    }),
    label: 'Token',
  },
  {
    name: "an OAuth2 app's Client Secret",
    auth: plainOAuth2Auth,
    label: 'Client Secret',
    props: { oauth2: { redirectUrl: REDIRECT_URL } },
  },
];

describe('a typed secret and the DOM (property)', () => {
  it.each(CASES)(
    '$name: typing any secret changes no attribute anywhere, masked or revealed',
    async ({ auth, label, props }) => {
      await fc.assert(
        fc.asyncProperty(typableSecret, fc.constantFrom('masked', 'revealed', 'revealed-then-masked'), async (secret, mode) => {
          const user = userEvent.setup({ delay: null });
          const { unmount } = render(<ConnectionForm auth={auth} onConnect={() => {}} {...props} />);
          try {
            const input = screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;
            const toggle = screen.getByRole('button', { name: `Show ${label}` });
            // The page as it looks empty, in each mode.
            await user.click(toggle);
            const revealedBaseline = document.body.outerHTML;
            await user.click(toggle);
            const maskedBaseline = document.body.outerHTML;
            const attributesBefore = attributeValues().join('\u0000');

            if (mode === 'revealed') await user.click(toggle);
            await user.click(input);
            await user.keyboard(typed(secret));
            expect(input.value).toBe(secret);
            expect(input.getAttribute('value')).toBeNull();
            if (mode === 'revealed-then-masked') {
              await user.click(toggle);
              expect(input).toHaveAttribute('type', 'text');
              expect(document.body.outerHTML).toBe(revealedBaseline);
              await user.click(toggle);
            }
            expect(input).toHaveAttribute('type', mode === 'revealed' ? 'text' : 'password');
            // Not one character of the page changed: no attribute mirrors the value.
            expect(document.body.outerHTML).toBe(mode === 'revealed' ? revealedBaseline : maskedBaseline);
            if (!attributesBefore.includes(secret)) {
              expect(attributeValues().some((value) => value.includes(secret))).toBe(false);
            }
          } finally {
            unmount();
          }
        }),
        { numRuns: 10 },
      );
    },
    40_000,
  );

  it('a pasted secret with control characters, markup and quotes stays out of the DOM too', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', minLength: 8, maxLength: 40 }).filter((s) => s.trim().length >= 8 && !/[\r\n]/.test(s)),
        async (secret) => {
          const user = userEvent.setup({ delay: null });
          const { unmount } = render(<ConnectionForm auth={CASES[0]!.auth} onConnect={() => {}} />);
          try {
            const baseline = document.body.outerHTML;
            await user.click(screen.getByLabelText('API Key'));
            await user.paste(secret);
            expect((screen.getByLabelText('API Key') as HTMLInputElement).value).toBe(secret);
            expect(document.body.outerHTML).toBe(baseline);
          } finally {
            unmount();
          }
        },
      ),
      { numRuns: 10 },
    );
  }, 30_000);
});

describe('a secret in what validate throws or answers (property)', () => {
  const PREFIX = '401 for key <';
  const SUFFIX = '> on GET';
  // Long enough not to occur in the surrounding text by chance, never blank.
  const secretArb = typableSecret.filter(
    (s) => s.trim().length >= 4 && !/[<>]/.test(s) && !PREFIX.includes(s.trim()) && !SUFFIX.includes(s.trim()),
  );
  /** How a validate is likely to have quoted what it was given. */
  const quoted = fc.constantFrom(
    ['as typed', (s: string) => s],
    ['trimmed', (s: string) => s.trim()],
    ['URL-encoded', (s: string) => encodeURIComponent(s)],
    ['trimmed and URL-encoded', (s: string) => encodeURIComponent(s.trim())],
  ) as fc.Arbitrary<[string, (s: string) => string]>;

  it('is redacted from the shown message, the DOM and the console, for a throw, a rejection and { valid: false }', async () => {
    await fc.assert(
      fc.asyncProperty(
        secretArb,
        quoted,
        fc.constantFrom('throws', 'rejects', 'answers invalid', 'throws a string'),
        fc.constantFrom('SecretText', 'BasicAuth'),
        async (secret, [, quote], how, kind) => {
          const logged = spyConsole();
          const message = `${PREFIX}${quote(secret)}${SUFFIX}`;
          const validate = vi.fn((): Promise<ValidationResult> | ValidationResult => {
            if (how === 'throws') throw new Error(message);
            if (how === 'throws a string') throw message;
            if (how === 'rejects') return Promise.reject(new Error(message));
            return { valid: false, error: message };
          });
          const auth =
            kind === 'SecretText'
              ? PieceAuth.SecretText({ ...plainApiKeyAuth, validate: validate as never })
              : PieceAuth.BasicAuth({ ...loginAuth, password: { displayName: 'API Key' }, validate: validate as never });
          const user = userEvent.setup({ delay: null });
          const onConnect = vi.fn();
          const { unmount } = render(<ConnectionForm auth={auth} onConnect={onConnect} />);
          try {
            if (kind === 'BasicAuth') await user.type(screen.getByLabelText('User'), 'alice');
            // A short secret may occur in the page's own attributes (`autocomplete="username"`).
            const inAttributesBefore = attributeValues().some((v) => v.includes(secret.trim()));
            await user.click(screen.getByLabelText('API Key', { selector: 'input' }));
            await user.paste(secret);
            await user.click(submitButton());
            await waitFor(() => expect(validate).toHaveBeenCalledTimes(1));
            const redacted = `${PREFIX}•••${SUFFIX}`;
            const expected = how === 'answers invalid' ? defaultMessages.invalid(redacted) : defaultMessages.validateFailed(redacted);
            await waitFor(() => expect(formStatus().textContent).toBe(expected));
            expect(onConnect).not.toHaveBeenCalled();
            if (!inAttributesBefore) expect(attributeValues().some((v) => v.includes(secret.trim()))).toBe(false);
            expect(logged.text()).not.toContain(secret.trim());
            expect(logged.text()).not.toContain(quote(secret));
          } finally {
            unmount();
            vi.restoreAllMocks();
          }
        },
      ),
      { numRuns: 16 },
    );
  }, 40_000);

  it('is redacted when the host’s onConnect rejects with it', async () => {
    const secret = 'pw-"quoted" & <b>-9f2e';
    const onConnect = vi.fn(async (value: { secret_text: string }) => {
      throw new Error(`could not store ${value.secret_text} (${encodeURIComponent(value.secret_text)})`);
    });
    const logged = spyConsole();
    const user = userEvent.setup({ delay: null });
    render(<ConnectionForm auth={CASES[0]!.auth} onConnect={onConnect as never} />);
    await user.click(screen.getByLabelText('API Key'));
    await user.paste(secret);
    await user.click(submitButton());
    await waitFor(() => expect(formStatus().textContent).toBe(defaultMessages.saveFailed('could not store ••• (•••)')));
    expect(document.body.outerHTML).not.toContain('9f2e');
    expect(logged.text()).not.toContain('9f2e');
  });
});

describe('a saved secret given in initialValue (editing a connection)', () => {
  // Prefixed with a mark the page never contains, so that finding it in the page means a leak
  // (fast-check likes words such as "name", which the page's own attributes do contain).
  const savedArb = fc
    .string({ unit: 'grapheme', minLength: 5, maxLength: 20 })
    .filter((s) => s.trim().length >= 5 && !/[<>]/.test(s) && !/[\u0000-\u001f]/.test(s))
    .map((s) => `§${s}`);

  it('never reaches the DOM or the console, and a validate that quotes it is redacted (property)', async () => {
    await fc.assert(
      fc.asyncProperty(savedArb, fc.constantFrom('SecretText', 'BasicAuth', 'CustomAuth'), async (saved, kind) => {
        const logged = spyConsole();
        const validate = vi.fn(async (): Promise<ValidationResult> => {
          throw new Error(`401 for <${saved}>`);
        });
        const [auth, initialValue] =
          kind === 'SecretText'
            ? [PieceAuth.SecretText({ ...plainApiKeyAuth, validate }), { type: 'SECRET_TEXT', secret_text: saved }]
            : kind === 'BasicAuth'
              ? [
                  PieceAuth.BasicAuth({ ...loginAuth, validate: validate as never }),
                  { type: 'BASIC_AUTH', username: 'ada', password: saved },
                ]
              : [
                  PieceAuth.CustomAuth({
                    displayName: 'Service',
                    required: true,
                    props: {
                      host: Property.ShortText({ displayName: 'Host', required: true }),
                      token: PieceAuth.SecretText({ displayName: 'Token', required: true }),
                    },
                    validate: validate as never,
                  }),
                  { type: 'CUSTOM_AUTH', props: { host: 'db', token: saved } },
                ];
        const user = userEvent.setup({ delay: null });
        const onConnect = vi.fn();
        const { container, unmount } = render(<ConnectionForm auth={auth} initialValue={initialValue as never} onConnect={onConnect} />);
        try {
          expect(document.body.outerHTML.includes(saved)).toBe(false);
          await user.click(container.querySelector<HTMLButtonElement>('button[type="submit"]')!);
          await waitFor(() => expect(validate).toHaveBeenCalledTimes(1));
          await waitFor(() => expect(formStatus().textContent).toBe(defaultMessages.validateFailed('401 for <•••>')));
          expect(document.body.outerHTML.includes(saved)).toBe(false);
          expect(logged.text().includes(saved)).toBe(false);
          expect(onConnect).not.toHaveBeenCalled();
        } finally {
          unmount();
          vi.restoreAllMocks();
        }
      }),
      { numRuns: 12 },
    );
  }, 30_000);
});

describe('intermediate callbacks and side channels', () => {
  /** Every Messages function, wrapped to record what it is given. */
  function recordingMessages() {
    const calls: unknown[][] = [];
    const messages = Object.fromEntries(
      Object.entries(defaultMessages).map(([key, value]) => [
        key,
        typeof value === 'function'
          ? (...args: unknown[]) => {
              calls.push([key, ...args]);
              return (value as (...a: unknown[]) => string)(...args);
            }
          : value,
      ]),
    ) as unknown as Messages;
    return { messages, text: () => JSON.stringify(calls) };
  }

  /** Records storage writes, history entries and postMessage calls made while the test runs. */
  function spySideChannels() {
    const storage = vi.spyOn(Storage.prototype, 'setItem');
    const push = vi.spyOn(window.history, 'pushState');
    const replace = vi.spyOn(window.history, 'replaceState');
    const post = vi.spyOn(window, 'postMessage');
    return {
      text: () =>
        JSON.stringify([
          storage.mock.calls,
          push.mock.calls,
          replace.mock.calls,
          post.mock.calls,
          { ...localStorage },
          { ...sessionStorage },
          document.cookie,
          location.href,
        ]),
    };
  }

  it('an OAuth2 flow with the user’s own app: the client secret, verifier and code reach only exchange and onConnect', async () => {
    const tracker = trackLeaks();
    const logged = spyConsole();
    const side = spySideChannels();
    const recorded = recordingMessages();
    const popup = fakePopup();
    const open = stubWindowOpen(popup);
    trackPkce();
    const CLIENT_SECRET = 'cs-7d1e0b9a-unique';
    const CODE = 'code-51c3a8f0-unique';
    const exchange = vi.fn(async () => ({ access_token: 'at-9b77e2c4-unique', refresh_token: 'rt-0f2d33aa-unique' }));
    const validate = vi.fn(async () => ({ valid: true as const }));
    const auth = PieceAuth.OAuth2({ ...plainOAuth2Auth, pkce: true, validate });
    const onConnect = vi.fn();
    const user = userEvent.setup({ delay: null });
    render(
      <ConnectionForm auth={auth} oauth2={{ redirectUrl: REDIRECT_URL, exchange }} messages={recorded.messages} onConnect={onConnect} />,
    );
    await user.type(screen.getByLabelText('Client ID'), 'my-client');
    await user.click(screen.getByLabelText('Client Secret', { selector: 'input' }));
    await user.paste(CLIENT_SECRET);
    await pkceReady();
    await user.click(submitButton());
    const state = openedState(open);
    deliver(callback(state, { code: CODE }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(formStatus()).toHaveTextContent('Connected.'));

    const value = onConnect.mock.calls[0]![0] as { code_challenge: string; client_secret: string; code: string };
    const verifier = value.code_challenge;
    // The final hand-off has them all (so the checks below look for the right strings).
    expect(value).toMatchObject({ type: 'OAUTH2', client_secret: CLIENT_SECRET, code: CODE });
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((exchange.mock.calls[0] as unknown[])[0]).toMatchObject({ code: CODE, codeVerifier: verifier, clientSecret: CLIENT_SECRET });

    const anywhereElse = {
      'the authorization URL': String(open.mock.calls[0]![0]),
      'the popup navigation': JSON.stringify(popup.location.replace.mock.calls),
      'the Messages callbacks': recorded.text(),
      'the console': logged.text(),
      'storage, history, postMessage, cookies, location': side.text(),
      'the kit’s BroadcastChannel posts': JSON.stringify(tracker.channelPosts()),
      'DOM attributes': attributeValues().join(' '),
      'the DOM': document.body.outerHTML,
    };
    for (const [where, text] of Object.entries(anywhereElse)) {
      for (const secret of [CLIENT_SECRET, verifier, CODE, 'at-9b77e2c4-unique', 'rt-0f2d33aa-unique']) {
        expect([where, text.includes(secret)]).toEqual([where, false]);
      }
    }
  });

  it('a provider error or exchange failure that quotes the client secret, code or verifier shows none of them', async () => {
    const recorded = recordingMessages();
    const open = stubWindowOpen(fakePopup(), fakePopup());
    trackPkce();
    const CLIENT_SECRET = 'cs-3a4b5c6d-unique';
    const exchange = vi.fn(async (p: { code: string; codeVerifier?: string; clientSecret?: unknown }) => {
      throw new Error(`invalid_grant: code=${p.code} verifier=${p.codeVerifier} secret=${String(p.clientSecret)}`);
    });
    const auth = PieceAuth.OAuth2({ ...plainOAuth2Auth, pkce: true });
    const user = userEvent.setup({ delay: null });
    render(
      <ConnectionForm
        auth={auth}
        oauth2={{ redirectUrl: REDIRECT_URL, exchange: exchange as never }}
        messages={recorded.messages}
        onConnect={() => {}}
      />,
    );
    await user.type(screen.getByLabelText('Client ID'), 'my-client');
    await user.click(screen.getByLabelText('Client Secret', { selector: 'input' }));
    await user.paste(CLIENT_SECRET);
    await pkceReady();
    await user.click(submitButton());
    deliver(callback(openedState(open), { error: 'invalid_client', error_description: `bad client secret ${CLIENT_SECRET}` }));
    await waitFor(() => expect(formStatus()).toHaveTextContent(/invalid_client/));
    expect(formStatus().textContent).not.toContain(CLIENT_SECRET);

    await user.click(submitButton('Try again'));
    await pkceReady();
    await act(async () => {});
    // The retry may open a blank popup sent on once PKCE is ready: read the state from where it went.
    deliver(callback((await signInUrl(open, 1)).searchParams.get('state')!, { code: 'code-8e8e8e8e-unique' }));
    await waitFor(() => expect(exchange).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(formStatus()).toHaveTextContent(/invalid_grant/));
    const verifier = exchange.mock.calls[0]![0].codeVerifier!;
    for (const secret of [CLIENT_SECRET, 'code-8e8e8e8e-unique', verifier]) {
      expect(formStatus().textContent).not.toContain(secret);
      expect(document.body.outerHTML).not.toContain(secret);
      expect(recorded.text()).not.toContain(secret);
    }
  });
});
