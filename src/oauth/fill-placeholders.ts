import { OAuth2ConfigError } from './oauth2-error';

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** The `{name}` placeholders a template uses. */
export function placeholdersIn(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/**
 * Fills `{prop}` placeholders (Activepieces' syntax, e.g. `https://{region}.api.example.com`)
 * with the OAuth2 props' values, URL-encoded so a value cannot add a path or a query. A
 * placeholder with no value is an error before any popup opens.
 */
export function fillPlaceholders(
  template: string,
  values: Readonly<Record<string, unknown>>,
  what: string,
  encode: (value: string) => string = encodeURIComponent,
): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null || value === '') {
      throw new OAuth2ConfigError(`${what} needs a value for {${name}}: fill in the "${name}" field first.`);
    }
    const text = String(value);
    // `.` and `..` survive encoding (`%2e%2e` is a dot-segment too) and would climb the path.
    if (text === '.' || text === '..') {
      throw new OAuth2ConfigError(`${what}: "${name}" cannot be "${text}".`);
    }
    return encode(text);
  });
}
