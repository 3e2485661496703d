// The French locale is complete, and with messages={fr} the form shows no English of its own:
// buttons, states, field errors (the zod messages) and OAuth2 set-up all come from it.
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PieceAuth, defaultMessages, type AuthInput, type Messages, type ValidationResult } from '../../../src';
import { fr } from '../../../src/messages/locales/fr';
import * as fixtures from '../../../stories/fixtures/auth-definitions';
import { chooseOption, deferred, renderForm } from '../../connection-form/render-form';

/** Keys whose text is a technical name, the same in every language. */
const SAME_IN_EVERY_LANGUAGE = new Set(['authTypeNames.OAUTH2']);

/** Testing Library and jest-dom collapse whitespace, no-break spaces included, on the page side. */
const shown = (text: string) => text.replace(/\s+/g, ' ');

type Entry = [path: string, english: unknown, french: unknown];

/** Every message as `[path, english, french]`, nested records flattened to `a.b` paths. */
function entries(en: Record<string, unknown>, other: Record<string, unknown>, prefix = ''): Entry[] {
  return Object.keys(en).flatMap((key): Entry[] => {
    const path = `${prefix}${key}`;
    const value = en[key];
    return value && typeof value === 'object'
      ? entries(value as Record<string, unknown>, (other[key] ?? {}) as Record<string, unknown>, `${path}.`)
      : [[path, value, other[key]]];
  });
}

/** A message's text with sample arguments (`count` messages get numbers). */
function sample(message: unknown, args: unknown[]): string {
  return typeof message === 'function' ? (message as (...a: unknown[]) => string)(...args) : String(message);
}
const SAMPLE_ARGS = ['Token', 'JSON'];
const argsFor = (path: string, fn: unknown) =>
  path === 'fixErrors' ? [3] : SAMPLE_ARGS.slice(0, typeof fn === 'function' ? fn.length : 0);

/**
 * English fragments of the built-in messages, e.g. "is required" from `required`: with the
 * arguments cut out, split into sentences, kept when long enough to mean something.
 */
const ENGLISH_FRAGMENTS = entries(defaultMessages as unknown as Record<string, unknown>, {})
  .filter(([path]) => !SAME_IN_EVERY_LANGUAGE.has(path))
  .flatMap(([path, message]) => [
    ...sample(message, argsFor(path, message).map((arg) => (typeof arg === 'number' ? 1 : '\u0000'))).split('\u0000'),
    ...(path === 'fixErrors' ? [sample(message, [3])] : []),
  ])
  .flatMap((text) => text.split(/[.:…(),"]+/))
  .map((text) => text.replace(/\b\d+\b/g, '').trim())
  .filter((text) => text.length >= 4);

/** Every string an author wrote in a definition: display names, option labels, placeholders. */
function authorStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(authorStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(authorStrings);
  return [];
}

/**
 * The kit's own text on the page: visible text and accessible names, without the author's help
 * (markdown), the author's labels and options, and the author-facing definition diagnostics.
 */
function kitText(auth: unknown, extraAuthorText: string[] = []): string {
  const page = document.body.cloneNode(true) as HTMLElement;
  page.querySelectorAll('.ck-markdown, .ck-definition-error li, select[aria-hidden="true"]').forEach((el) => el.remove());
  const attributes = [...page.querySelectorAll('*')].flatMap((el) =>
    ['aria-label', 'placeholder', 'title', 'alt'].map((name) => el.getAttribute(name) ?? ''),
  );
  let text = [page.textContent ?? '', ...attributes].join('\n');
  const author = [...authorStrings(auth), ...extraAuthorText].filter((s) => s.length > 1).sort((a, b) => b.length - a.length);
  for (const s of author) text = text.split(s).join('\n');
  return text;
}

/** The English fragments found in the kit's own text. */
function englishIn(text: string): string[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return ENGLISH_FRAGMENTS.filter((fragment) => new RegExp(`(^|[^\\p{L}])${escape(fragment)}($|[^\\p{L}])`, 'u').test(text));
}

describe('the French messages', () => {
  const all = entries(defaultMessages as unknown as Record<string, unknown>, fr as unknown as Record<string, unknown>);

  it('have every key of the English ones, and no other', () => {
    const frenchOnly = entries(fr as unknown as Record<string, unknown>, defaultMessages as unknown as Record<string, unknown>);
    expect(frenchOnly.map(([path]) => path).sort()).toEqual(all.map(([path]) => path).sort());
  });

  it.each(all)('translate %s (same kind and arity, different text)', (path, english, french) => {
    expect(typeof french).toBe(typeof english);
    if (typeof english === 'function') expect((french as () => string).length).toBe(english.length);
    const args = argsFor(path, english);
    const [en, fra] = [sample(english, args), sample(french, args)];
    expect(fra.trim()).not.toBe('');
    if (SAME_IN_EVERY_LANGUAGE.has(path)) expect(fra).toBe(en);
    else {
      expect(fra).not.toBe(en);
      expect(englishIn(fra)).toEqual([]);
    }
    // What the caller passes in (labels, details) still reaches the text.
    for (const arg of args) expect(fra).toContain(String(arg));
  });

  it('say "1 field" and "n fields" apart', () => {
    expect(fr.fixErrors(1)).toBe('Corrigez le champ signalé.');
    expect(fr.fixErrors(2)).toBe('Corrigez les 2 champs signalés.');
  });

  it('drop an empty reason instead of printing "Motif : ."', () => {
    expect(fr.validateFailed('')).toBe('La connexion n’a pas pu être vérifiée. Réessayez.');
    expect(fr.validateFailed('HTTP 500.  ')).toBe('La connexion n’a pas pu être vérifiée. Motif\u00a0: HTTP 500. Réessayez.');
  });
});

describe('a form with messages={fr}', () => {
  it('labels the submit button in French and shows French required errors', async () => {
    const { user, onConnect } = renderForm(fixtures.everyPropertyAuth, { messages: fr });
    await user.click(screen.getByRole('button', { name: 'Connecter' }));
    expect(await screen.findByText(shown(fr.required('Token')))).toBeVisible();
    expect(screen.getByText(shown('Choisissez une valeur pour «\u00a0Environment\u00a0».'))).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('Corrigez les 2 champs signalés.');
    expect(screen.getByRole('button', { name: 'Afficher Token' })).toHaveTextContent('Afficher');
    expect(englishIn(kitText(fixtures.everyPropertyAuth))).toEqual([]);
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('shows the checking, failed and connected states in French', async () => {
    const check = deferred<ValidationResult>();
    const validate = vi.fn((): Promise<ValidationResult> => check.promise);
    const { user, onConnect } = renderForm(fixtures.apiKeyAuth, { messages: fr, validate });
    await user.type(screen.getByLabelText('API Key'), 'sk-1');
    await user.click(screen.getByRole('button', { name: 'Connecter' }));
    expect(await screen.findByRole('button', { name: 'Vérification de la connexion…' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Annuler' })).toBeInTheDocument();
    await act(async () => check.resolve({ valid: false, error: 'Invalid API key' }));
    expect(await screen.findByText(shown('Échec de la connexion\u00a0: Invalid API key'))).toBeInTheDocument();
    expect(englishIn(kitText(fixtures.apiKeyAuth, ['Invalid API key']))).toEqual([]);

    validate.mockResolvedValue({ valid: true });
    await user.click(screen.getByRole('button', { name: 'Connecter' }));
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Connexion établie.'));
    expect(screen.getByRole('button', { name: 'Reconnecter' })).toBeInTheDocument();
    expect(onConnect).toHaveBeenCalledWith({ type: 'SECRET_TEXT', secret_text: 'sk-1' }, {});
  });

  it('reports a thrown validate and a timeout in French', async () => {
    const validate = vi.fn<() => Promise<ValidationResult>>().mockRejectedValueOnce(new Error('HTTP 503'));
    const { user } = renderForm(fixtures.apiKeyAuth, { messages: fr, validate, validateTimeoutMs: 50 });
    await user.type(screen.getByLabelText('API Key'), 'sk-1');
    await user.click(screen.getByRole('button', { name: 'Connecter' }));
    expect(await screen.findByText(shown('La connexion n’a pas pu être vérifiée. Motif\u00a0: HTTP 503. Réessayez.'))).toBeInTheDocument();
    validate.mockImplementation(() => new Promise(() => {}));
    await user.click(screen.getByRole('button', { name: 'Connecter' }));
    expect(await screen.findByText(shown(fr.validateTimeout))).toBeInTheDocument();
  });

  it('names the methods and the method picker in French', () => {
    renderForm(fixtures.slackLikeAuth, { messages: fr });
    expect(screen.getByRole('group', { name: 'Méthode d’authentification' })).toBeInTheDocument();
    expect(englishIn(kitText(fixtures.slackLikeAuth))).toEqual([]);
  });

  it('shows the own-app OAuth2 set-up in French', () => {
    const oauth2 = { redirectUrl: 'https://app.example.com/oauth/callback' };
    renderForm(fixtures.regionalOAuth2Auth, { messages: fr, oauth2 });
    expect(screen.getByLabelText('ID client')).toBeInTheDocument();
    expect(screen.getByLabelText('Secret client')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copier' })).toBeInTheDocument();
    expect(englishIn(kitText(fixtures.regionalOAuth2Auth, [oauth2.redirectUrl]))).toEqual([]);
  });

  it('shows the grant picker in French', () => {
    renderForm(fixtures.eitherGrantOAuth2Auth, { messages: fr, oauth2: { clientId: 'c', redirectUrl: 'https://app.example.com/cb' } });
    const group = screen.getByRole('group', { name: 'Type d’autorisation' });
    expect(within(group).getByRole('radio', { name: 'Code d’autorisation' })).toBeInTheDocument();
    expect(within(group).getByRole('radio', { name: 'Identifiants client' })).toBeInTheDocument();
  });

  it('says in French that OAuth2 is not set up when the host gave no config', async () => {
    const { user } = renderForm(fixtures.slackLikeAuth, { messages: fr });
    await user.type(screen.getByLabelText('ID client'), 'id');
    await user.type(screen.getByLabelText('Secret client'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Connecter' }));
    expect(await screen.findByText(shown(fr.oauthNotConfigured))).toBeInTheDocument();
  });

  it('offers "Aucune sélection" in an optional dropdown and keeps dropdown chrome French', async () => {
    const { user } = renderForm(fixtures.awkwardDropdownAuth, { messages: fr });
    await chooseOption(user, 'Retries', 'Aucune sélection');
    expect(englishIn(kitText(fixtures.awkwardDropdownAuth))).toEqual([]);
  });

  it.each([
    ['PieceAuth.None()', PieceAuth.None(), fr.noAuthNeeded],
    ['a property type the kit cannot render', fixtures.unsupportedPropAuth, fr.unsupportedType('JSON', 'Payload')],
    ['a definition it cannot show', fixtures.malformedAuth, fr.brokenDefinition],
  ] as [string, AuthInput, string][])('explains %s in French', (_name, auth, text) => {
    renderForm(auth, { messages: fr });
    expect(screen.getByText(shown(text))).toBeInTheDocument();
    expect(englishIn(kitText(auth))).toEqual([]);
  });

  it('is checked against English text that the check does find', () => {
    // Guards the guard: the same page in English is caught.
    renderForm(fixtures.everyPropertyAuth);
    expect(englishIn(kitText(fixtures.everyPropertyAuth))).toEqual(expect.arrayContaining(['Connect', 'Show']));
  });
});

// A missing key fails to compile: `fr` is declared as `Messages`.
const _typed: Messages = fr;
void _typed;
