// What every locale test shares: the messages flattened to paths, sample arguments, and a
// check that finds the kit's English text on a page or in a message.
import { defaultMessages } from '../../../src';

/** Keys whose text is a technical name, the same in every language. */
export const SAME_IN_EVERY_LANGUAGE = new Set(['authTypeNames.OAUTH2']);

/** Testing Library and jest-dom collapse whitespace, no-break spaces included, on the page side. */
export const shown = (text: string) => text.replace(/\s+/g, ' ');

export type Entry = [path: string, english: unknown, french: unknown];

/** Every message as `[path, english, french]`, nested records flattened to `a.b` paths. */
export function entries(en: Record<string, unknown>, other: Record<string, unknown>, prefix = ''): Entry[] {
  return Object.keys(en).flatMap((key): Entry[] => {
    const path = `${prefix}${key}`;
    const value = en[key];
    return value && typeof value === 'object'
      ? entries(value as Record<string, unknown>, (other[key] ?? {}) as Record<string, unknown>, `${path}.`)
      : [[path, value, other[key]]];
  });
}

/** A message's text with sample arguments (`count` messages get numbers). */
export function sample(message: unknown, args: unknown[]): string {
  return typeof message === 'function' ? (message as (...a: unknown[]) => string)(...args) : String(message);
}
export const SAMPLE_ARGS = ['Token', 'JSON'];
export const argsFor = (path: string, fn: unknown) =>
  path === 'fixErrors' ? [3] : SAMPLE_ARGS.slice(0, typeof fn === 'function' ? fn.length : 0);

/**
 * English fragments of the built-in messages, e.g. "is required" from `required`: with the
 * arguments cut out, split into sentences, kept when long enough to mean something.
 */
export const ENGLISH_FRAGMENTS = entries(defaultMessages as unknown as Record<string, unknown>, {})
  .filter(([path]) => !SAME_IN_EVERY_LANGUAGE.has(path))
  .flatMap(([path, message]) => [
    ...sample(
      message,
      argsFor(path, message).map((arg) => (typeof arg === 'number' ? 1 : '\u0000')),
    ).split('\u0000'),
    ...(path === 'fixErrors' ? [sample(message, [3])] : []),
  ])
  .flatMap((text) => text.split(/[.:…(),"]+/))
  .map((text) => text.replace(/\b\d+\b/g, '').trim())
  .filter((text) => text.length >= 4);

/** Every string an author wrote in a definition: display names, option labels, placeholders. */
export function authorStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(authorStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(authorStrings);
  return [];
}

/**
 * The kit's own text on the page: visible text and accessible names, without the author's help
 * (markdown), the author's labels and options, and the author-facing definition diagnostics.
 */
export function kitText(auth: unknown, extraAuthorText: string[] = []): string {
  const page = document.body.cloneNode(true) as HTMLElement;
  for (const el of page.querySelectorAll('.ck-markdown, .ck-definition-error li, select[aria-hidden="true"]')) el.remove();
  const attributes = [...page.querySelectorAll('*')].flatMap((el) =>
    ['aria-label', 'placeholder', 'title', 'alt'].map((name) => el.getAttribute(name) ?? ''),
  );
  let text = [page.textContent ?? '', ...attributes].join('\n');
  const author = [...authorStrings(auth), ...extraAuthorText].filter((s) => s.length > 1).sort((a, b) => b.length - a.length);
  for (const s of author) text = text.split(s).join('\n');
  return text;
}

/** The English fragments found in the kit's own text. */
export function englishIn(text: string): string[] {
  const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return ENGLISH_FRAGMENTS.filter((fragment) => new RegExp(`(^|[^\\p{L}])${escapeRegExp(fragment)}($|[^\\p{L}])`, 'u').test(text));
}
