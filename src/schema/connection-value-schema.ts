import * as z from 'zod/mini';
import type { AuthInput } from '../definitions/auth-types';
import type { ConnectionValue } from '../definitions/connection-value';
import { defaultMessages, type Messages } from '../messages/messages';
import { describeFields, kindOf } from './auth-kinds';
import { normalizeAuthInput } from './normalize-auth-input';

/** A zod schema whose output is the connection value type of `A` (see `ConnectionValue`). */
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
  const schemas = normalizeAuthInput(auth).map((a) => kindOf(a).schema(describeFields(a), messages));
  // Built at runtime from the definition, so zod cannot infer the props; the wire shapes in
  // auth-kinds.ts are checked against ConnectionValue by type tests, and the values the form
  // emits against this schema by a property test (test/schema/emitted-value-parses.test.ts).
  return (schemas.length === 1 ? schemas[0]! : z.union(schemas)) as ConnectionValueSchema<A>;
}
