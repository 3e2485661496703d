// Issue 12 item 7: redaction (src/connection-form/redact.ts) recognises a secret in the forms a
// validate or an HTTP client quotes it in (form-encoded as URLSearchParams writes it, with either
// hex case; JSON-escaped; base64 of username:password), and any fragment of 8 or more characters
// (V8's JSON.parse error quotes the first 10); shorter fragments of innocent text are left alone.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { ConnectionForm, PieceAuth, type ValidationResult } from '../../src';
import { basicAuthSecrets, redact } from '../../src/connection-form/redact';
import { loginAuth } from '../../stories/fixtures/auth-definitions';
import { formStatus, submitButton } from '../oauth/oauth2-form-kit';

/** Secrets as users paste them: any printable text, never containing the redaction mark. */
const secretArb = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 24 })
  .filter((s) => s.trim() !== '' && !s.includes('•') && !/[\u0000-\u001f\u007f-\u009f]/.test(s));

const lowerHex = (s: string) => s.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
const formEncoded = (s: string) => new URLSearchParams({ k: s }).toString().slice(2);
const viaUrl = (s: string) => {
  const url = new URL('https://api.example.com/x');
  url.searchParams.set('key', s);
  return url.search.slice('?key='.length);
};

/** How a validate, or the HTTP client it uses, writes a secret into an error. */
const ENCODINGS: [string, (s: string) => string][] = [
  ['as typed', (s) => s],
  ['trimmed', (s) => s.trim()],
  ['encodeURIComponent', encodeURIComponent],
  ['encodeURIComponent, lower-case hex', (s) => lowerHex(encodeURIComponent(s))],
  ["URLSearchParams (space as +, !'()~ encoded)", formEncoded],
  ['URLSearchParams, lower-case hex', (s) => lowerHex(formEncoded(s))],
  ['URL.searchParams', viaUrl],
  ['JSON.stringify', (s) => JSON.stringify(s)],
  [
    'JSON with \\u escapes',
    (s) => JSON.stringify(s).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  ],
];

describe('redact (property)', () => {
  it.each(ENCODINGS)('removes a secret written %s, wherever it sits in the text', (name, encode) => {
    fc.assert(
      fc.property(secretArb, fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (secret, before, after) => {
        const shown = redact(new Error(`${before}${encode(secret)}${after}`), [secret]);
        // The JSON form without its quotes is the escaped secret. Only the JSON forms: a secret
        // that is itself a quote must not be stripped to nothing (a fast-check counterexample).
        const written = name.startsWith('JSON') ? encode(secret).slice(1, -1) : encode(secret);
        expect(shown).not.toContain(written);
        if (written.length >= 8) expect(shown).not.toContain(written.slice(0, 8));
      }),
      { numRuns: 150 },
    );
  });

  it('removes every fragment of 8 or more characters of a secret, as JSON.parse quotes it', () => {
    fc.assert(
      fc.property(
        secretArb.filter((s) => s.length >= 8),
        fc.nat(),
        fc.nat(),
        (secret, a, b) => {
          const start = a % (secret.length - 7);
          const end = start + 8 + (b % (secret.length - start - 7));
          const fragment = secret.slice(start, end);
          const shown = redact(`token was ${fragment}, then`, [secret]);
          expect(shown).not.toContain(fragment);
          for (let i = 0; i + 8 <= fragment.length; i++) expect(shown).not.toContain(fragment.slice(i, i + 8));
        },
      ),
      { numRuns: 200 },
    );
    const secret = 'sk-s3cret-value-42';
    let parseError: unknown;
    try {
      JSON.parse(secret);
    } catch (error) {
      parseError = error;
    }
    expect((parseError as Error).message).toContain('sk-s3cret-');
    expect(redact(parseError, [secret])).not.toMatch(/s3cret|sk-s3cre|3cret-/);
  });

  it('removes the base64 of username:password (a Basic Authorization header), standard and base64url', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 16 }), secretArb, (username, password) => {
        const b64 = btoa(String.fromCharCode(...new TextEncoder().encode(`${username}:${password}`)));
        const url = b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
        const secrets = [password, ...basicAuthSecrets(username, password)];
        expect(redact(`401: Authorization: Basic ${b64}`, secrets)).not.toContain(b64.replace(/=+$/, ''));
        expect(redact(`401: token ${url}`, secrets)).not.toContain(url);
      }),
      { numRuns: 150 },
    );
  });

  it('leaves innocent text alone: a fragment shorter than 8 characters of a secret, and text that shares none', () => {
    const letters = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 10, maxLength: 30 });
    fc.assert(
      fc.property(letters, fc.nat(), fc.nat({ max: 6 }), (secret, a, extra) => {
        const start = a % (secret.length - 7);
        const short = secret.slice(start, start + 1 + extra);
        const text = `Error 42: ${short} is not allowed (code 7).`;
        expect(redact(text, [secret])).toBe(text);
      }),
      { numRuns: 200 },
    );
    // A short secret's own base64 is not hunted for in ordinary text.
    expect(redact('status YQ, code abc.', ['a'])).toBe('st•••tus YQ, code •••bc.');
    expect(redact('The password is wrong', ['hunter2'])).toBe('The password is wrong');
  });

  it('never throws and stays within 300 characters and the ellipsis, whatever the text and secrets', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 600 }),
        fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { maxLength: 4 }),
        (text, secrets) => {
          const shown = redact(text, secrets);
          expect(shown.length).toBeLessThanOrEqual(301);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('a validate that quotes the credentials in another form, at the form', () => {
  it.each([
    ['a form-encoded body', (user: string, pw: string) => `POST failed: body=username=${user}&password=${formEncoded(pw)}`],
    ['a JSON body', (user: string, pw: string) => `400 ${JSON.stringify({ username: user, password: pw })}`],
    ['a Basic Authorization header', (user: string, pw: string) => `401 with Authorization: Basic ${btoa(`${user}:${pw}`)}`],
    [
      'a JSON.parse error of the password',
      (_: string, pw: string) => {
        try {
          JSON.parse(pw);
        } catch (error) {
          return (error as Error).message;
        }
        return '';
      },
    ],
  ])('shows none of the password for %s', async (_, quote) => {
    const password = `p@ss w0rd!'()~"é-${Math.random().toString(36).slice(2, 8)}`;
    const validate = vi.fn(async (): Promise<ValidationResult> => ({ valid: false, error: quote('alice', password) }));
    const auth = PieceAuth.BasicAuth({ ...loginAuth, validate: validate as never });
    const user = userEvent.setup({ delay: null });
    render(<ConnectionForm auth={auth} onConnect={() => {}} />);
    await user.type(screen.getByLabelText('User'), 'alice');
    await user.click(screen.getByLabelText('Password', { selector: 'input' }));
    await user.paste(password);
    await user.click(submitButton());
    await waitFor(() => expect(validate).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(formStatus()).toHaveTextContent('•••'));
    const shown = formStatus().textContent!;
    for (const form of [
      password,
      formEncoded(password),
      JSON.stringify(password).slice(1, -1),
      btoa(`alice:${password}`).replace(/=+$/, ''),
    ]) {
      expect(shown).not.toContain(form.slice(0, 8));
    }
  });
});
