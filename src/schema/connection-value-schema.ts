import * as z from 'zod/mini';
import type { AuthInput } from '../definitions/auth-types';
import type { ConnectionValue } from '../definitions/connection-value';
import { defaultMessages, type Messages } from '../messages/messages';
import { type AuthKindName, describeFields } from './auth-kinds';
import type { FieldModel } from './field-model';
import { normalizeAuthInput } from './normalize-auth-input';
import { schemaEntryFor } from './property-schemas';

// A function, not a module-level schema: a bundler cannot know that zod's builders are pure, so
// a schema built at the top level stays in every bundle that holds this module, used or not (it
// kept zod's string checks in every form and in an import of PieceAuth alone: 3.9 kB there).
const nonEmpty = () => z.string().check(z.minLength(1));

/**
 * The wire shapes of connection values as zod schemas, generic in the props' schema. Their output
 * types are checked against `ConnectionValue`'s interfaces in test/types/connection-value-schema.test-d.ts,
 * so the type, the builders in auth-kinds.ts and the server's schema cannot drift apart.
 */
export const WIRE = {
  noAuth: () => z.object({ type: z.literal('NO_AUTH') }),
  secretText: (secret: z.ZodMiniType<string>) => z.object({ type: z.literal('SECRET_TEXT'), secret_text: secret }),
  basicAuth: () => z.object({ type: z.literal('BASIC_AUTH'), username: nonEmpty(), password: nonEmpty() }),
  customAuth: <P extends z.ZodMiniType>(props: P) => z.object({ type: z.literal('CUSTOM_AUTH'), props }),
  oauth2: <P extends z.ZodMiniType>(props: P) => {
    const common = {
      client_id: nonEmpty(),
      redirect_url: nonEmpty(),
      code: nonEmpty(),
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
        client_secret: nonEmpty(),
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

/** The value-schema column of `AUTH_KINDS` (see auth-kinds.ts for why it lives here). */
const VALUE_SCHEMAS = {
  NO_AUTH: () => WIRE.noAuth(),
  // The secret's own schema (its required and length rules) gives a string.
  SECRET_TEXT: ([field], messages) => WIRE.secretText(schemaEntryFor(field!.type).value(field!, messages) as z.ZodMiniType<string>),
  BASIC_AUTH: () => WIRE.basicAuth(),
  CUSTOM_AUTH: (fields, messages) => WIRE.customAuth(propsSchema(fields, messages)),
  OAUTH2: (fields, messages) => WIRE.oauth2(propsSchema(fields, messages)),
} satisfies Record<AuthKindName, (fields: readonly FieldModel[], messages: Messages) => z.ZodMiniType>;

/**
 * A zod schema whose output is the connection value type of `A` (see `ConnectionValue`): what
 * `createConnectionValueSchema(auth)` returns.
 *
 * @example
 * ```ts
 * const schema: ConnectionValueSchema<typeof auth> = createConnectionValueSchema(auth);
 * const value = schema.parse(body.value); // ConnectionValue<typeof auth>
 * ```
 */
export type ConnectionValueSchema<A> = z.ZodMiniType<ConnectionValue<A>>;

/**
 * A zod schema that checks a connection value against its definition, with no React involved:
 * a host's server can check what its frontend sent with the same rules the form applied. Its
 * output is typed from the definition, as `onConnect`'s value is.
 *
 * @example
 * ```ts
 * const schema = createConnectionValueSchema(auth);
 * const result = schema.safeParse(req.body.value);
 * if (!result.success) return res.status(400).send(result.error.issues);
 * result.data; // ConnectionValue<typeof auth>
 * ```
 */
export function createConnectionValueSchema<const A extends AuthInput>(
  auth: A,
  messages: Messages = defaultMessages,
): ConnectionValueSchema<A> {
  const schemas = normalizeAuthInput(auth).map((a) => {
    const kind: string = a?.type ?? 'NO_AUTH';
    // A malformed type (checkAuthDefinition reports it) accepts no value.
    return Object.hasOwn(VALUE_SCHEMAS, kind) ? VALUE_SCHEMAS[kind as AuthKindName](describeFields(a), messages) : z.never();
  });
  // Built at runtime from the definition, so zod cannot infer the props; the wire shapes above
  // are checked against ConnectionValue by type tests, and the values the form emits against
  // this schema by a property test (test/schema/emitted-value-parses.test.ts).
  return (schemas.length === 1 ? schemas[0]! : z.union(schemas)) as ConnectionValueSchema<A>;
}
