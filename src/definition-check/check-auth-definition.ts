import type { AuthType } from '../definitions/property-type';
import { type DefinitionProblem, isObject, isText, kindOf, show, type Obj, type Report } from './definition-problem';
import { checkOAuth2 } from './oauth2-checks';
import { checkProps } from './prop-checks';

type AuthCheck = (auth: Obj, path: string, report: Report) => void;

/** What each auth type needs beyond its `type`. */
const AUTH_CHECKS = {
  SECRET_TEXT: (auth, path, report) => {
    // The one masked field is labelled with the auth's own display name.
    if (!isText(auth.displayName)) {
      report(`${path}.displayName`, `is ${show(auth.displayName)}: the secret field needs a label`, "Add displayName: 'API Key'.");
    }
  },
  BASIC_AUTH: (auth, path, report) => {
    for (const key of ['username', 'password']) {
      const part = auth[key];
      if (!isObject(part) || !isText(part.displayName))
        report(`${path}.${key}`, `is ${show(part)}: the field needs a label`, `Add ${key}: { displayName: '...' }.`);
    }
  },
  CUSTOM_AUTH: (auth, path, report) => checkProps(auth.props, `${path}.props`, report),
  OAUTH2: (auth, path, report) => {
    if (auth.props !== undefined) checkProps(auth.props, `${path}.props`, report, true);
    checkOAuth2(auth, path, report);
  },
} satisfies Record<AuthType, AuthCheck>;

const KNOWN_TYPES: readonly string[] = ['SECRET_TEXT', 'BASIC_AUTH', 'CUSTOM_AUTH', 'OAUTH2'];
const AUTH_TYPES = KNOWN_TYPES.join(', ');

/**
 * The checks that keep the form from rendering at all: an object, a known `type`, object
 * `props`. Cheap, so `<ConnectionForm>` runs them in production too.
 */
export function checkShape(method: unknown, path: string, report: Report): method is Obj & { type: AuthType } {
  if (!isObject(method)) {
    report(
      path,
      `must be an auth definition object, got ${kindOf(method)}`,
      'Build it with PieceAuth.SecretText, BasicAuth, CustomAuth or OAuth2.',
    );
    return false;
  }
  if (typeof method.type !== 'string' || !KNOWN_TYPES.includes(method.type)) {
    report(
      `${path}.type`,
      `is ${show(method.type)}, not an auth type the kit supports`,
      `Use one of ${AUTH_TYPES} (build it with PieceAuth.*).`,
    );
    return false;
  }
  if (method.props !== undefined && !isObject(method.props)) {
    report(
      `${path}.props`,
      `must be an object mapping keys to properties, got ${kindOf(method.props)}`,
      'Pass props: { key: Property.ShortText({ ... }) }.',
    );
    return false;
  }
  return true;
}

/**
 * Checks an auth definition (or an array of them) the way `<ConnectionForm auth>` would read it,
 * and lists every problem with its path and a fix. Pure, no React: use it in a piece's unit
 * tests or a build step. `<ConnectionForm>` runs it in development, shows the errors in place of
 * the form and logs the warnings once.
 *
 * @example
 * ```ts
 * const problems = checkAuthDefinition(PieceAuth.OAuth2({
 *   authUrl: 'http://example.com/authorize', tokenUrl: 'https://example.com/token', required: true, scope: [],
 * }));
 * // [{ path: 'auth.authUrl', message: 'is http:, not https (http only on localhost)',
 * //    fix: 'Use the https:// URL.', severity: 'error' }]
 * ```
 */
export function checkAuthDefinition(auth: unknown): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const report: Report = (path, message, fix, severity = 'error') => problems.push({ path, message, fix, severity });
  const seen = new Map<string, string>();
  (Array.isArray(auth) ? auth : [auth]).forEach((method, i) => {
    const path = Array.isArray(auth) ? `auth[${i}]` : 'auth';
    // PieceAuth.None() is undefined, alone or (shown as "No authentication") in an array.
    if (method === undefined || !checkShape(method, path, report)) return;
    const type = method.type;
    const first = seen.get(type);
    if (first) {
      report(`${path}.type`, `repeats ${type} of ${first}: the emitted value names only its type`, 'Keep one method per auth type.');
    } else seen.set(type, path);
    // Method names are rendered as text: an object there would crash React.
    if (method.displayName !== undefined && typeof method.displayName !== 'string') {
      report(`${path}.displayName`, `is ${show(method.displayName)}, not a string`, 'Use a string.');
    }
    AUTH_CHECKS[type](method, path, report);
  });
  return problems;
}
