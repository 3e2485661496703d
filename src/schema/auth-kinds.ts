import * as z from 'zod/mini';
import type { AuthDefinition } from '../definitions/auth-types';
import type { AnyConnectionValue } from '../definitions/connection-value';
import type { Messages } from '../messages/messages';
import { type FieldModel, fromProps, text } from './field-model';
import type { FormValues } from './form-schema';
import { schemaEntryFor } from './property-schemas';
import { secretOf, toPropsValue } from './to-connection-value';

/** The `type` of a connection value's definition: an auth's own, or `NO_AUTH` for none. */
export type AuthKindName = AuthDefinition['type'] | 'NO_AUTH';

/** The definitions of one kind. */
type AuthOfKind<K extends AuthKindName> = K extends 'NO_AUTH' ? undefined : Extract<AuthDefinition, { type: K }>;

/**
 * Everything that depends on the kind of auth, in one place: the form, the emitted value, the
 * definition's `validate`, the server's value schema and the testing helpers all read this row
 * instead of switching on `auth.type` themselves.
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
  /** The zod schema of this kind's connection values, for the fields `fields` returned. */
  schema(fields: readonly FieldModel[], messages: Messages): z.ZodMiniType;
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

const nonEmpty = z.string().check(z.minLength(1));

/**
 * The wire shapes of connection values as zod schemas, generic in the props' schema. Their output
 * types are checked against `ConnectionValue`'s interfaces in test/types/connection-value-schema.test-d.ts,
 * so the type, the builders in this table and the server's schema cannot drift apart.
 */
export const WIRE = {
  noAuth: () => z.object({ type: z.literal('NO_AUTH') }),
  secretText: (secret: z.ZodMiniType<string>) => z.object({ type: z.literal('SECRET_TEXT'), secret_text: secret }),
  basicAuth: () => z.object({ type: z.literal('BASIC_AUTH'), username: nonEmpty, password: nonEmpty }),
  customAuth: <P extends z.ZodMiniType>(props: P) => z.object({ type: z.literal('CUSTOM_AUTH'), props }),
  oauth2: <P extends z.ZodMiniType>(props: P) => {
    const common = {
      client_id: nonEmpty,
      redirect_url: nonEmpty,
      code: nonEmpty,
      code_challenge: z.optional(z.string()),
      scope: z.string(),
      props: z.optional(props),
      authorization_method: z.optional(z.enum(['HEADER', 'BODY'])),
      access_token: z.optional(z.string()),
      refresh_token: z.optional(z.string()),
      expires_in: z.optional(z.number()),
      token_type: z.optional(z.string()),
      data: z.optional(z.record(z.string(), z.unknown())),
    };
    return z.union([
      z.object({
        type: z.literal('OAUTH2'),
        ...common,
        client_secret: nonEmpty,
        grant_type: z.optional(z.enum(['authorization_code', 'client_credentials'])),
      }),
      // The host's own OAuth app: no client secret in the browser.
      z.object({ type: z.literal('PLATFORM_OAUTH2'), ...common }),
    ]);
  },
};

// zod's object shapes cannot hold these keys; they are checked one by one below.
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** The schema of a Custom or OAuth2 value's `props`. */
function propsSchema(fields: readonly FieldModel[], messages: Messages) {
  const entries = fields.filter((f) => f.type !== 'MARKDOWN').map((f) => [f.key, schemaEntryFor(f.type).value(f, messages)] as const);
  const special = entries.filter(([key]) => RESERVED.has(key));
  const shape = Object.fromEntries(entries.filter(([key]) => !RESERVED.has(key)));
  return z.pipe(
    // Parse a prototype-free copy: a left-out optional `toString` must not read as the inherited one.
    z.transform((v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.assign(Object.create(null), v) : v)),
    z.pipe(
      // Checked on the input, before the object step drops keys it cannot represent.
      z.custom<Record<string, unknown>>((v) =>
        special.every(
          ([key, schema]) =>
            schema.safeParse(v && typeof v === 'object' && Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined).success,
        ),
      ),
      z.object(shape),
    ),
  );
}

/** The one table keyed by auth kind (like `PROPERTY_SCHEMAS` for property types). */
export const AUTH_KINDS = {
  NO_AUTH: {
    fields: () => [],
    valuesIn: 'top',
    value: () => ({ type: 'NO_AUTH' }),
    validateArg: () => undefined,
    schema: () => WIRE.noAuth(),
    kitKeys: [],
  },
  SECRET_TEXT: {
    fields: (auth) => [
      {
        name: 'secret_text',
        key: 'secret_text',
        type: 'SECRET_TEXT',
        label: text(auth.displayName, 'API key'),
        description: typeof auth.description === 'string' ? auth.description : undefined,
        required: true,
        property: auth as unknown as Record<string, unknown>,
      },
    ],
    valuesIn: 'top',
    // The parsed secret is a string, or KEPT_SECRET while editing; the emitted type says string.
    value: (_, parsed) => ({ type: 'SECRET_TEXT', secret_text: secretOf(parsed.secret_text) as string }),
    validateArg: (value) => value.secret_text,
    // The secret's own schema (its required and length rules) gives a string.
    schema: ([field], messages) => WIRE.secretText(schemaEntryFor('SECRET_TEXT').value(field!, messages) as z.ZodMiniType<string>),
    kitKeys: [],
  },
  BASIC_AUTH: {
    fields: (auth) =>
      (['username', 'password'] as const).map((key) => ({
        name: key,
        key,
        type: key === 'username' ? 'SHORT_TEXT' : 'SECRET_TEXT',
        label: text(auth[key]?.displayName, key),
        description: typeof auth[key]?.description === 'string' ? auth[key]?.description : undefined,
        required: true,
        property: auth[key] ?? {},
      })),
    valuesIn: 'top',
    value: (_, parsed) => ({ type: 'BASIC_AUTH', username: String(parsed.username), password: secretOf(parsed.password) as string }),
    validateArg: (value) => ({ username: value.username, password: value.password }),
    schema: () => WIRE.basicAuth(),
    kitKeys: [],
  },
  CUSTOM_AUTH: {
    fields: (auth) => fromProps(auth.props),
    valuesIn: 'props',
    value: (fields, parsed) => ({ type: 'CUSTOM_AUTH', props: toPropsValue(fields, parsed) }),
    validateArg: (value) => value.props,
    schema: (fields, messages) => WIRE.customAuth(propsSchema(fields, messages)),
    kitKeys: [],
  },
  OAUTH2: {
    fields: (auth) => fromProps(auth.props),
    valuesIn: 'props',
    value: () => undefined,
    validateArg: (value) => value,
    schema: (fields, messages) => WIRE.oauth2(propsSchema(fields, messages)),
    kitKeys: ['client_id', 'client_secret', 'grant_type'],
  },
} satisfies { [K in AuthKindName]: AuthKind<AuthOfKind<K>> };

// A definition whose `type` is none of the above (a malformed one the check reports): no fields,
// no value, so the form shows its error panel instead of guessing.
const UNKNOWN_KIND: AuthKind<unknown> = {
  fields: () => [],
  valuesIn: 'top',
  value: () => undefined,
  validateArg: () => undefined,
  schema: () => z.never(),
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
