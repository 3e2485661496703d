import type { AuthDefinition } from '../definitions/auth-types';
import type { AnyConnectionValue } from '../definitions/connection-value';
import { authoredParts, type FieldModel, fromProps } from './field-model';
import type { FormValues } from './form-schema';
import { secretOf, toPropsValue } from './to-connection-value';

/** The `type` of a connection value's definition: an auth's own, or `NO_AUTH` for none. */
export type AuthKindName = AuthDefinition['type'] | 'NO_AUTH';

/** The definitions of one kind. */
type AuthOfKind<K extends AuthKindName> = K extends 'NO_AUTH' ? undefined : Extract<AuthDefinition, { type: K }>;

/**
 * Everything that depends on the kind of auth, in one place: the form, the emitted value, the
 * definition's `validate` and the testing helpers read this row instead of switching on
 * `auth.type` themselves. The value schemas are the one column kept apart, in
 * connection-value-schema.ts (`VALUE_SCHEMAS`, keyed the same way): they pull zod's unions,
 * enums and records, which a browser form never needs, and a table is one object that a bundler
 * cannot split.
 */
export interface AuthKind<A> {
  /** The fields the definition itself shows, in order (the kit's own are added by auth-model.ts). */
  fields(auth: A): FieldModel[];
  /** Where those fields' values sit in a connection value: at its top level, or in its `props`. */
  valuesIn: 'top' | 'props';
  /**
   * The connection value a submitted form makes from its parsed values; `undefined` for OAuth2,
   * whose value the OAuth2 flow builds around `toPropsValue` (it needs the code or the token).
   */
  value(fields: readonly FieldModel[], parsed: FormValues): AnyConnectionValue | undefined;
  /**
   * What the definition's `validate` receives for a value of this kind, as Activepieces' engine
   * passes it (`executeValidateAuth`): the string, `{ username, password }`, the props, or (OAuth2)
   * the whole value.
   */
  validateArg(value: ValueParts): unknown;
  /** Keys the testing helpers accept for the kit's own controls of this kind, besides `displayName`. */
  kitKeys: readonly string[];
}

/** What `validateArg` reads of a connection value, or of a stored one (its tokens filled in). */
interface ValueParts {
  type: string;
  secret_text?: unknown;
  username?: unknown;
  password?: unknown;
  props?: unknown;
}

/** The one table keyed by auth kind (like `PROPERTY_SCHEMAS` for property types). */
// Annotated rather than `satisfies`: an inferred type would name the definitions by a path
// (an import of the package root) that the published declarations cannot resolve.
export const AUTH_KINDS: { readonly [K in AuthKindName]: AuthKind<AuthOfKind<K>> } = {
  NO_AUTH: {
    fields: () => [],
    valuesIn: 'top',
    value: () => ({ type: 'NO_AUTH' }),
    validateArg: () => undefined,
    kitKeys: [],
  },
  SECRET_TEXT: {
    fields: (auth) => [
      {
        name: 'secret_text',
        key: 'secret_text',
        type: 'SECRET_TEXT',
        ...authoredParts(auth as unknown as Record<string, unknown>, 'API key'),
        required: true,
      },
    ],
    valuesIn: 'top',
    // The parsed secret is a string, or KEPT_SECRET while editing; the emitted type says string.
    value: (_, parsed) => ({ type: 'SECRET_TEXT', secret_text: secretOf(parsed.secret_text) as string }),
    validateArg: (value) => value.secret_text,
    kitKeys: [],
  },
  BASIC_AUTH: {
    fields: (auth) =>
      (['username', 'password'] as const).map((key) => ({
        name: key,
        key,
        type: key === 'username' ? 'SHORT_TEXT' : 'SECRET_TEXT',
        ...authoredParts(auth[key] ?? {}, key),
        required: true,
      })),
    valuesIn: 'top',
    value: (_, parsed) => ({ type: 'BASIC_AUTH', username: String(parsed.username), password: secretOf(parsed.password) as string }),
    validateArg: (value) => ({ username: value.username, password: value.password }),
    kitKeys: [],
  },
  CUSTOM_AUTH: {
    fields: (auth) => fromProps(auth.props),
    valuesIn: 'props',
    value: (fields, parsed) => ({ type: 'CUSTOM_AUTH', props: toPropsValue(fields, parsed) }),
    validateArg: (value) => value.props,
    kitKeys: [],
  },
  OAUTH2: {
    fields: (auth) => fromProps(auth.props),
    valuesIn: 'props',
    value: () => undefined,
    validateArg: (value) => value,
    kitKeys: ['client_id', 'client_secret', 'grant_type'],
  },
};

// A definition whose `type` is none of the above (a malformed one the check reports): no fields,
// no value, so the form shows its error panel instead of guessing.
const UNKNOWN_KIND: AuthKind<unknown> = {
  fields: () => [],
  valuesIn: 'top',
  value: () => undefined,
  validateArg: () => undefined,
  kitKeys: [],
};

/** The row of `auth`'s kind. */
export function kindOf(auth: AuthDefinition | undefined): AuthKind<AuthDefinition | undefined> {
  const name: string = auth?.type ?? 'NO_AUTH';
  // Each row takes the definitions of its own kind, and `name` picked the row of `auth`'s kind.
  return (Object.hasOwn(AUTH_KINDS, name) ? AUTH_KINDS[name as AuthKindName] : UNKNOWN_KIND) as AuthKind<AuthDefinition | undefined>;
}

/**
 * The fields an auth definition shows, in order. A SecretText auth is a single masked field
 * labelled with the auth's display name; a BasicAuth is a username and a password labelled from
 * its `username` / `password` entries; Custom and OAuth2 auths show their `props`.
 *
 * @example
 * ```ts
 * describeFields(PieceAuth.SecretText({ displayName: 'API Key', required: true }));
 * // [{ name: 'secret_text', key: 'secret_text', type: 'SECRET_TEXT', label: 'API Key', required: true, … }]
 * ```
 */
export function describeFields(auth: AuthDefinition | undefined): FieldModel[] {
  return kindOf(auth).fields(auth);
}
