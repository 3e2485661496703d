const MAX = 300;

/**
 * The text of what was thrown: a string, or an Error's message; '' for anything else. Never
 * throws: `instanceof` on a revoked Proxy and a throwing `message` getter both throw, and a
 * classification that throws leaves the form stuck with an unhandled rejection.
 */
function messageOf(detail: unknown): string {
  if (typeof detail === 'string') return detail;
  try {
    if (!(detail instanceof Error)) return '';
    const message: unknown = detail.message;
    return typeof message === 'string' ? message : '';
  } catch {
    return '';
  }
}

/** Fragments at least this long of a secret are redacted (V8's JSON.parse error quotes 10). */
const FRAGMENT = 8;

const lowerHex = (text: string) => text.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());

/** `encodeURIComponent`, or undefined for a lone surrogate (which it refuses with a URIError). */
function uriEncoded(text: string): string | undefined {
  try {
    return encodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** A base64 string and its base64url form. */
const withUrlSafe = (b64: string) => [b64, b64.replace(/\+/g, '-').replace(/\//g, '_')];

/** The UTF-8 bytes of `text` in base64, padding dropped (the padded form starts with it). */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/=+$/, '');
}

/**
 * What a BasicAuth `validate` sends as `Authorization: Basic …`: base64 of `username:password`
 * (its UTF-8 bytes, as Node's Buffer and fetch libraries write it, and its Latin-1 bytes, as
 * `btoa` does), standard and base64url, as more secrets to redact. Not the pair
 * itself: the username alone is no secret, and its fragments must stay readable.
 *
 * @example
 * ```ts
 * redact(`401 for Basic ${btoa('alice:pw-12345')}`, ['pw-12345', ...basicAuthSecrets('alice', 'pw-12345')]);
 * // '401 for Basic •••='
 * ```
 */
export function basicAuthSecrets(username: string, password: string): string[] {
  const pair = `${username}:${password}`;
  const forms = [base64(pair)];
  if (/^[\u0000-\u00ff]*$/.test(pair)) forms.push(btoa(pair).replace(/=+$/, ''));
  return [...new Set(forms.flatMap(withUrlSafe))];
}

/**
 * The forms a `validate` or an HTTP client is likely to have turned a secret into before quoting
 * it: as typed and trimmed; URL-encoded (`encodeURIComponent`) and form-encoded
 * (`URLSearchParams`: space as `+`, `!'()~` encoded), each with upper- and lower-case hex;
 * JSON-escaped (also with non-ASCII as `\u` escapes); base64 and base64url (the value of a Basic
 * Authorization header when the secret is `username:password`).
 */
function formsOf(secret: string): string[] {
  const forms: string[] = [];
  for (const s of new Set([secret, secret.trim()])) {
    const uri = uriEncoded(s);
    const form = new URLSearchParams([['', s]]).toString().slice(1);
    const json = JSON.stringify(s).slice(1, -1);
    const b64 = base64(s);
    forms.push(
      s,
      json,
      json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    );
    // A short secret's base64 is a short string of its own that innocent text may hold.
    if (b64.length >= FRAGMENT) forms.push(...withUrlSafe(b64));
    for (const encoded of uri === undefined ? [form] : [form, uri]) forms.push(encoded, lowerHex(encoded));
  }
  return forms;
}

/**
 * Error text safe to show: every secret the user typed is replaced, in each of the forms above
 * and as any fragment of 8 or more characters of those forms, and the text is cut short. A
 * `validate` that throws `new Error(\`bad key ${key}\`)` must not put the key on screen, nor
 * `JSON.parse`'s "Unexpected token … "sk-s3cret-"... is not valid JSON". Shorter fragments are
 * left alone, so ordinary words are not eaten; a whole secret is replaced however short.
 * Linear in the text and the secrets' length.
 */
export function redact(detail: unknown, secrets: readonly string[]): string {
  let text = messageOf(detail);
  if (!text || !secrets.length) return cut(text);
  const forms = new Set<string>();
  for (const secret of secrets) for (const form of formsOf(secret)) if (form) forms.add(form);
  // Longest first, so a secret that contains another goes whole.
  for (const form of [...forms].sort((a, b) => b.length - a.length)) text = text.split(form).join('•••');
  return cut(redactFragments(text, forms));
}

/** Replaces every run of the text covered by some 8-character window of a form with •••. */
function redactFragments(text: string, forms: Set<string>): string {
  const windows = new Set<string>();
  for (const form of forms) for (let i = 0; i + FRAGMENT <= form.length; i++) windows.add(form.slice(i, i + FRAGMENT));
  if (!windows.size) return text;
  let out = '';
  // The current run of redacted text ends before `coveredTo`; what follows `kept` is still to copy.
  let coveredTo = -1;
  let kept = 0;
  for (let i = 0; i + FRAGMENT <= text.length; i++) {
    if (!windows.has(text.slice(i, i + FRAGMENT))) continue;
    // A window that starts after the run ends (not one that overlaps or touches it) starts a new run.
    if (i > coveredTo) out += `${text.slice(kept, i)}•••`;
    coveredTo = i + FRAGMENT;
    kept = coveredTo;
  }
  return out + text.slice(kept);
}

const cut = (text: string) => (text.length > MAX ? `${text.slice(0, MAX)}…` : text);
