import { isKeptSecret } from '../definitions/kept-secret';
import { InvalidConnectionValueError } from './server-errors';
import type { AnyStoredConnectionValue } from './stored-connection-value';

type Fields = Record<string, unknown>;

const isObject = (x: unknown): x is Fields => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `fields` with each KEPT_SECRET marker replaced by the saved string at the same key. */
function restore(fields: Fields, saved: Fields, where: string, sameType: boolean, missing: string[]): Fields {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => {
      if (!isKeptSecret(value)) return [key, value];
      const kept = sameType ? saved[key] : undefined;
      if (typeof kept !== 'string') missing.push(`${where}${key}`);
      return [key, kept];
    }),
  );
}

/**
 * An edited connection value as the form emitted it, with every `KEPT_SECRET` marker (a secret
 * the user left as it was: the browser never saw it) replaced by the secret saved in `stored`,
 * at the same place: `secret_text`, `password`, `client_secret` or a secret prop. Run it before
 * `claimConnection`, which then validates the whole value as if it had been typed again.
 * A marker with no saved secret behind it (the user switched to another auth method, or the
 * value was forged) is an {@link InvalidConnectionValueError} naming the field, never a silent
 * empty secret.
 *
 * @example
 * ```ts
 * const saved = await store.get(id);
 * const value = await claimConnection(auth, restoreKeptSecrets(body.value, saved.value), options);
 * ```
 */
export function restoreKeptSecrets(edited: unknown, stored: AnyStoredConnectionValue): unknown {
  if (!isObject(edited)) return edited;
  const saved = stored as unknown as Fields;
  const sameType = edited.type === saved.type;
  const missing: string[] = [];
  const { props, ...top } = edited;
  const restored = restore(top, saved, '', sameType, missing);
  if (isObject(props)) restored.props = restore(props, isObject(saved.props) ? saved.props : {}, 'props.', sameType, missing);
  else if (props !== undefined) restored.props = props;
  if (missing.length > 0) {
    const issues = missing.map((path) => ({ path, message: 'Kept, but the saved connection has no secret here: enter it again.' }));
    throw new InvalidConnectionValueError(
      `The connection value keeps secrets the saved connection does not have (${missing.join(', ')}).`,
      issues,
    );
  }
  return restored;
}
