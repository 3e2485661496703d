/**
 * `connection-kit/definitions`: the auth definitions, their types and the pure schema functions,
 * with no React and no DOM. A server imports this entry to share definitions with its frontend
 * and to check the connection values the form emits.
 *
 * @example
 * ```ts
 * import { PieceAuth, createConnectionValueSchema } from 'connection-kit/definitions';
 *
 * const auth = PieceAuth.SecretText({ displayName: 'API Key', required: true });
 * const result = createConnectionValueSchema(auth).safeParse(body.value);
 * if (!result.success) return reply.status(400).send(result.error.issues);
 * ```
 *
 * Everything here but `checkAuthDefinition`, `createConnectionValueSchema`, `parseAuthDefinition`
 * and `toClientAuth` is also exported by the main entry, `connection-kit` (both re-export
 * src/definitions-api.ts): those four run on a server or before the form, and a page that loads
 * the main entry without a bundler (an import map, a CDN) would download them for nothing. Keep
 * this file free of React, the components and `window`/`document`: `test/package` walks its
 * imports, and `scripts/check-package.mjs` imports the built file in bare Node with React
 * unresolvable.
 */
export * from './definitions-api';
export { checkAuthDefinition } from './definition-check/check-auth-definition';
export { createConnectionValueSchema } from './schema/connection-value-schema';
export type { ConnectionValueSchema } from './schema/connection-value-schema';
export { parseAuthDefinition } from './definition-check/parse-auth-definition';
export type { ParsedAuth, ParseAuthDefinitionResult } from './definition-check/parse-auth-definition';
export { toClientAuth } from './definitions/client-auth';
export type { ClientAuth } from './definitions/client-auth';
export type { DefinitionProblem } from './definition-check/definition-problem';
