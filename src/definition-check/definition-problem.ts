/**
 * One thing wrong with an auth definition, as {@link checkAuthDefinition} reports it.
 *
 * @example
 * ```ts
 * { path: 'auth.props.region.options', message: 'is missing: a dropdown needs options',
 *   fix: "Pass options: { options: [{ label: 'EU', value: 'eu' }] }.", severity: 'error' }
 * ```
 */
export interface DefinitionProblem {
  /** Where, as a JavaScript path from the `auth` that was checked: `auth[1].props.region`. */
  path: string;
  /** What is wrong, as a sentence that follows the path. */
  message: string;
  /** What to change. */
  fix: string;
  /**
   * `error`: the form cannot work with it, so in development `<ConnectionForm>` shows the error
   * panel instead of fields. `warning`: it renders; logged once per definition in development.
   */
  severity: 'error' | 'warning';
}

/** Records a problem; `severity` defaults to `'error'`. */
export type Report = (path: string, message: string, fix: string, severity?: DefinitionProblem['severity']) => void;

export type Obj = Record<string, unknown>;

export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** A key react-hook-form and `props.key` can use as is (the same rule as the form's field names). */
export const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `path.key`, or `path["a-b"]` for a key that is not an identifier. */
export const keyPath = (path: string, key: string) => (IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);

/** A value as it appears in a message: short JSON where possible, else its kind. */
export function show(v: unknown): string {
  try {
    const json = JSON.stringify(v);
    if (json !== undefined) return json.length > 60 ? `${json.slice(0, 57)}...` : json;
  } catch {
    // BigInt, cycles: fall through.
  }
  return v === undefined ? 'undefined' : `a ${typeof v}`;
}

/** What kind of value `v` is, for "got ..." messages. */
export const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);
