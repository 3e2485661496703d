/**
 * Stands in an emitted connection value for a secret the user left as it was while editing a
 * saved connection: the browser never saw the stored secret, so it cannot send it back. The host's
 * server puts its stored secret in its place before it saves or validates the connection.
 * Serialises to JSON as `{"kept":true}`, which no secret (always a string) can be mistaken for.
 *
 * @example
 * ```ts
 * // On the server, before saving an edited connection:
 * function secretToSave(emitted: string | KeptSecret, stored: string): string {
 *   return isKeptSecret(emitted) ? stored : emitted;
 * }
 * ```
 */
export interface KeptSecret {
  readonly kept: true;
}

/**
 * The {@link KeptSecret} marker: pass it in `initialValue` for each secret the connection has
 * saved, and find it (with {@link isKeptSecret}) in the emitted value where the user kept one.
 *
 * @example
 * ```ts
 * <ConnectionForm auth={auth} initialValue={{ type: 'SECRET_TEXT', secret_text: KEPT_SECRET }} onConnect={save} />
 * // save receives { type: 'SECRET_TEXT', secret_text: KEPT_SECRET } unless the user typed a new key
 * ```
 *
 * Not frozen (deep-merge utilities, Storybook's args among them, write into nested objects); its
 * identity does not matter, as {@link isKeptSecret} checks its shape, which survives JSON.
 */
export const KEPT_SECRET: KeptSecret = { kept: true };

/**
 * Whether `value` is the {@link KeptSecret} marker (also after a JSON round trip).
 *
 * @example
 * ```ts
 * const secret = isKeptSecret(value.secret_text) ? await vault.read(connectionId) : value.secret_text;
 * ```
 */
export function isKeptSecret(value: unknown): value is KeptSecret {
  return typeof value === 'object' && value !== null && (value as { kept?: unknown }).kept === true && Object.keys(value).length === 1;
}
