import { checkAuthDefinition, checkShape } from '../definition-check/check-auth-definition';
import type { DefinitionProblem, Report } from '../definition-check/definition-problem';
import type { Messages } from '../messages/messages';
import { useFormParts } from '../fields/form-parts';

// Module-scoped, so the library's own build needs no Node types.
declare const process: { env: Record<string, string | undefined> };

/**
 * Development unless NODE_ENV says production. Written as the plain `process.env.NODE_ENV` that
 * bundlers replace (an optional chain escapes some of them; a `typeof process` guard would be
 * false in a bundled browser build, which has no `process` global); where nothing replaced it
 * and there is no `process`, a plain browser, the throw means production.
 */
export function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
}

/**
 * The errors of the full checks in development, their warnings logged; undefined in production.
 * The `if` is what a production build's minifier folds (`"production" !== 'production'`),
 * dropping checkAuthDefinition, the warning log and the sorting by severity from the bundle
 * (production's shape checks find errors only); the caller's try stands for a missing `process`.
 * Bundlers do not inline calls, so this cannot be `isDevelopment() ? ... : ...`.
 */
function developmentErrors(auth: unknown): DefinitionProblem[] | undefined {
  if (process.env.NODE_ENV !== 'production') {
    const problems = checkAuthDefinition(auth);
    // An inline array is a new object on every render: its first method stands for it.
    warnOnce(Array.isArray(auth) ? auth[0] : auth, problems);
    return problems.filter((p) => p.severity === 'error');
  }
  return undefined;
}

/** Only the checks without which the form cannot render at all: what production runs. */
function shapeProblems(auth: unknown): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const report: Report = (path, message, fix) => problems.push({ path, message, fix, severity: 'error' });
  if (Array.isArray(auth)) {
    for (const [i, method] of auth.entries()) if (method !== undefined) checkShape(method, `auth[${i}]`, report);
  } else if (auth !== undefined) checkShape(auth, 'auth', report);
  return problems;
}

const warned = new WeakSet<object>();

/** Logs a definition's warnings once per definition object (re-renders and StrictMode included). */
function warnOnce(auth: unknown, problems: readonly DefinitionProblem[]) {
  const warnings = problems.filter((p) => p.severity === 'warning');
  if (!warnings.length || typeof auth !== 'object' || auth === null || warned.has(auth)) return;
  warned.add(auth);
  console.warn(`connection-kit: this auth definition renders, but:\n${warnings.map((p) => `- ${formatProblem(p)}`).join('\n')}`);
}

/** One problem as a sentence: `auth.scope is "read", not an array of strings. Fix: ...` */
const formatProblem = (p: DefinitionProblem) => `${p.path} ${p.message}. Fix: ${p.fix}`;

/**
 * What keeps a definition from rendering, one problem per line (`path message. Fix: ...`), or
 * undefined. `auth` is the host's value as given, so paths say `auth[0]` for a one-method array.
 */
export function findDefinitionProblem(auth: unknown): string | undefined {
  let errors: DefinitionProblem[] | undefined;
  try {
    errors = developmentErrors(auth);
  } catch {
    // No `process` and nothing replaced NODE_ENV: a plain browser, production.
  }
  errors ??= shapeProblems(auth);
  return errors.length ? errors.map(formatProblem).join('\n') : undefined;
}

/**
 * Shown instead of the form when the definition cannot be rendered: never a blank area. Lists
 * every problem of `problem` (one per line, as {@link findDefinitionProblem} writes them).
 */
export function DefinitionErrorPanel({ problem, messages }: { problem: string; messages: Messages }) {
  const { part } = useFormParts();
  return (
    <div {...part('definition-error')} role="alert">
      <p {...part('definition-error-title')}>{messages.brokenDefinition}</p>
      <ul>
        {problem.split('\n').map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one fixed message; lines may repeat.
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
