import type { AuthDefinition } from '../definitions/auth-types';
import type { AnyConnectionValue } from '../definitions/connection-value';
import { isKeptSecret, type KeptSecret } from '../definitions/kept-secret';
import type { FieldModel } from './field-model';
import type { FormValues } from './form-schema';

/** Parsed form values keyed by prop key, leaving out empty optional props and notes. */
export function toPropsValue(fields: readonly FieldModel[], parsed: FormValues): Record<string, unknown> {
  // fromEntries defines own properties, so a key such as `__proto__` stays a plain prop.
  return Object.fromEntries(
    fields.filter((f) => f.type !== 'MARKDOWN' && !f.internal && parsed[f.name] !== undefined).map((f) => [f.key, parsed[f.name]]),
  );
}

/**
 * What the definition's `validate` receives, with exactly the shapes Activepieces passes:
 * the string for SecretText, `{ username, password }` for BasicAuth, the props for CustomAuth.
 */
export function toValidateAuth(auth: AuthDefinition | undefined, fields: readonly FieldModel[], parsed: FormValues): unknown {
  switch (auth?.type) {
    case 'SECRET_TEXT':
      return parsed.secret_text;
    case 'BASIC_AUTH':
      return { username: parsed.username, password: parsed.password };
    case 'CUSTOM_AUTH':
      return toPropsValue(fields, parsed);
    default:
      return undefined;
  }
}

/**
 * The connection value for a non-OAuth2 definition, in Activepieces' wire shapes
 * (`{ type: 'SECRET_TEXT', secret_text }`, `{ type: 'BASIC_AUTH', username, password }`,
 * `{ type: 'CUSTOM_AUTH', props }`, `{ type: 'NO_AUTH' }`). OAuth2 values come from the OAuth2
 * flow, which adds the code and client fields to the props built here.
 */
export function toConnectionValue(
  auth: AuthDefinition | undefined,
  fields: readonly FieldModel[],
  parsed: FormValues,
): AnyConnectionValue | undefined {
  switch (auth?.type) {
    case undefined:
      return { type: 'NO_AUTH' };
    case 'SECRET_TEXT':
      return { type: 'SECRET_TEXT', secret_text: secretOf(parsed.secret_text) as string };
    case 'BASIC_AUTH':
      return { type: 'BASIC_AUTH', username: String(parsed.username), password: secretOf(parsed.password) as string };
    case 'CUSTOM_AUTH':
      return { type: 'CUSTOM_AUTH', props: toPropsValue(fields, parsed) };
    default:
      return undefined;
  }
}

/** Every secret the user typed, so error text can be scrubbed of them before it is shown. */
export function collectSecrets(fields: readonly FieldModel[], parsed: FormValues): string[] {
  return fields
    .filter((f) => f.type === 'SECRET_TEXT')
    .map((f) => parsed[f.name])
    .filter((v): v is string => typeof v === 'string' && v !== '');
}

/** A parsed secret as emitted: the string typed (or given), or a kept secret's marker. */
export const secretOf = (v: unknown): string | KeptSecret => (isKeptSecret(v) ? v : String(v ?? ''));

/** What `onConnect` learns besides the value: the connection name, when the form asked for it. */
export function detailsOf(parsed: FormValues): { displayName?: string | undefined } {
  return typeof parsed.__display_name === 'string' ? { displayName: parsed.__display_name } : {};
}
