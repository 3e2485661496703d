const MAX = 300;

/**
 * Error text safe to show: every secret the user typed is replaced, and the text is cut short.
 * A `validate` that throws `new Error(\`bad key ${key}\`)` must not put the key on screen.
 */
export function redact(detail: unknown, secrets: readonly string[]): string {
  let text =
    detail instanceof Error ? detail.message : typeof detail === 'string' ? detail : '';
  // Longest first, so a secret that contains another is removed whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    text = text.split(secret).join('•••');
  }
  return text.length > MAX ? `${text.slice(0, MAX)}…` : text;
}
