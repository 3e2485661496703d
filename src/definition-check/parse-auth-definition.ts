import type { AuthDefinition } from '../definitions/auth-types';
import type { ClientAuth } from '../definitions/client-auth';
import { checkAuthDefinition } from './check-auth-definition';
import type { DefinitionProblem } from './definition-problem';

/**
 * An auth definition read from JSON: one definition, an array of them, or `undefined` (JSON
 * `null`: the piece needs no auth). Plain data, without `validate`.
 *
 * @example
 * ```tsx
 * const [auth, setAuth] = useState<ParsedAuth>();
 * <ConnectionForm auth={auth} onConnect={save} />;
 * ```
 */
export type ParsedAuth = ClientAuth<AuthDefinition> | ClientAuth<AuthDefinition>[] | undefined;

/**
 * What {@link parseAuthDefinition} answers: the definition and its warnings, or every error.
 *
 * @example
 * ```ts
 * const result: ParseAuthDefinitionResult = parseAuthDefinition(body);
 * if (!result.ok) console.error(result.errors.map((e) => `${e.path} ${e.message}. ${e.fix}`).join('\n'));
 * ```
 */
export type ParseAuthDefinitionResult =
  | { ok: true; auth: ParsedAuth; warnings: DefinitionProblem[] }
  | { ok: false; errors: DefinitionProblem[] };

/**
 * Reads an auth definition sent as JSON (from the host's API, or a file written by
 * `npx connection-kit pieces --json`): the parsed value or the JSON text itself. It runs
 * {@link checkAuthDefinition} and answers `{ ok: false, errors }`, every error with its path and a
 * fix, or `{ ok: true, auth, warnings }` with a definition `<ConnectionForm auth>` accepts. JSON
 * `null` is `PieceAuth.None()`. For the value's exact type, import the TypeScript module the CLI
 * writes instead: JSON carries no types.
 *
 * @example
 * ```ts
 * import { parseAuthDefinition } from 'connection-kit/definitions';
 *
 * const res = await fetch(`/api/pieces/${name}/auth`);
 * const result = parseAuthDefinition(await res.json());
 * if (!result.ok) throw new Error(result.errors.map((e) => `${e.path} ${e.message}`).join('; '));
 * render(<ConnectionForm auth={result.auth} onConnect={save} />);
 * ```
 */
export function parseAuthDefinition(json: unknown): ParseAuthDefinitionResult {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      // Only the position: V8's message quotes the text, which is not ours to echo.
      const at = /position (\d+)/.exec(String(error))?.[1];
      const message = `is not valid JSON${at ? ` (at character ${at})` : ''}`;
      return { ok: false, errors: [{ path: 'auth', message, fix: 'Send the output of JSON.stringify(definition).', severity: 'error' }] };
    }
  }
  if (value === null) value = undefined;
  const problems = checkAuthDefinition(value);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, auth: value as ParsedAuth, warnings: problems };
}
