const MAX = 300;

/**
 * The text of what was thrown: a string, or an Error's message; '' for anything else. Never
 * throws: `instanceof` on a revoked Proxy and a throwing `message` getter both throw, and a
 * classification that throws leaves the form stuck with an unhandled rejection.
 */
export function messageOf(detail: unknown): string {
  if (typeof detail === 'string') return detail;
  try {
    if (!(detail instanceof Error)) return '';
    const message: unknown = detail.message;
    return typeof message === 'string' ? message : '';
  } catch {
    return '';
  }
}

/**
 * Error text safe to show: every secret the user typed is replaced, and the text is cut short.
 * A `validate` that throws `new Error(\`bad key ${key}\`)` must not put the key on screen.
 */
export function redact(detail: unknown, secrets: readonly string[]): string {
  let text = messageOf(detail);
  // Also the forms a validate is likely to have turned the secret into before quoting it
  // (trimmed, URL-encoded). Longest first, so a secret that contains another goes whole.
  const forms = new Set<string>();
  for (const secret of secrets) {
    for (const form of [secret, secret.trim(), encodeURIComponent(secret), encodeURIComponent(secret.trim())]) {
      if (form) forms.add(form);
    }
  }
  for (const secret of [...forms].sort((a, b) => b.length - a.length)) {
    text = text.split(secret).join('•••');
  }
  return text.length > MAX ? `${text.slice(0, MAX)}…` : text;
}
