import { isKeptSecret, type KeptSecret } from '../definitions/kept-secret';
import type { FieldModel } from './field-model';
import type { FormValues } from './form-schema';
import { KIT_FIELD_NAMES } from './kit-fields';

/** Parsed form values keyed by prop key, leaving out empty optional props and notes. */
export function toPropsValue(fields: readonly FieldModel[], parsed: FormValues): Record<string, unknown> {
  // fromEntries defines own properties, so a key such as `__proto__` stays a plain prop.
  return Object.fromEntries(
    fields.filter((f) => f.type !== 'MARKDOWN' && !f.internal && parsed[f.name] !== undefined).map((f) => [f.key, parsed[f.name]]),
  );
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

/** The OAuth2 client the user typed into the kit's Client ID / Client Secret fields (their own app). */
export function clientOf(parsed: FormValues): { clientId: string; clientSecret: string | KeptSecret } {
  return { clientId: String(parsed[KIT_FIELD_NAMES.client_id] ?? ''), clientSecret: secretOf(parsed[KIT_FIELD_NAMES.client_secret]) };
}

/** What `onConnect` learns besides the value: the connection name, when the form asked for it. */
export function detailsOf(parsed: FormValues): { displayName?: string | undefined } {
  const name = parsed[KIT_FIELD_NAMES.display_name];
  return typeof name === 'string' ? { displayName: name } : {};
}
