import * as z from 'zod/mini';
import type { AuthInput } from '../definitions/auth-types';
import { defaultMessages, type Messages } from '../messages/messages';
import { describeFields } from './field-model';
import { schemaEntryFor } from './property-schemas';
import { normalizeAuthInput } from './normalize-auth-input';

const nonEmpty = z.string().check(z.minLength(1));
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

function schemaFor(auth: ReturnType<typeof normalizeAuthInput>[number], messages: Messages) {
  if (!auth) return z.object({ type: z.literal('NO_AUTH') });
  const fields = describeFields(auth);
  const props = () => {
    const entries = fields.filter((f) => f.type !== 'MARKDOWN').map((f) => [f.key, schemaEntryFor(f.type).value(f, messages)] as const);
    // zod's object shapes cannot hold these keys; they are checked one by one below.
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
              schema.safeParse(v && typeof v === 'object' && Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined)
                .success,
          ),
        ),
        z.object(shape),
      ),
    );
  };
  switch (auth.type) {
    case 'SECRET_TEXT':
      return z.object({ type: z.literal('SECRET_TEXT'), secret_text: schemaEntryFor('SECRET_TEXT').value(fields[0]!, messages) });
    case 'BASIC_AUTH':
      return z.object({ type: z.literal('BASIC_AUTH'), username: nonEmpty, password: nonEmpty });
    case 'CUSTOM_AUTH':
      return z.object({ type: z.literal('CUSTOM_AUTH'), props: props() });
    case 'OAUTH2': {
      const common = {
        client_id: nonEmpty,
        redirect_url: nonEmpty,
        code: nonEmpty,
        code_challenge: z.optional(z.string()),
        scope: z.string(),
        props: z.optional(props()),
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
    }
  }
}

/**
 * A zod schema that checks a connection value against its definition, with no React involved:
 * a host's server can check what its frontend sent with the same rules the form applied.
 *
 * @example
 * ```ts
 * const schema = createConnectionValueSchema(auth);
 * const result = schema.safeParse(req.body.value);
 * if (!result.success) return res.status(400).send(result.error.issues);
 * ```
 */
export function createConnectionValueSchema(auth: AuthInput, messages: Messages = defaultMessages) {
  const schemas = normalizeAuthInput(auth).map((a) => schemaFor(a, messages));
  return schemas.length === 1 ? schemas[0]! : z.union(schemas);
}
