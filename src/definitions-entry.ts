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
 * Everything here but `checkAuthDefinition`, `parseAuthDefinition` and `toClientAuth` is also exported by the main entry, `connection-kit`. Keep this file free of
 * React, the components and `window`/`document`: `test/package` walks its imports, and
 * `scripts/check-package.mjs` imports the built file in bare Node with React unresolvable.
 */
export { PieceAuth } from './definitions/piece-auth';
export { Property } from './definitions/property';
export {
  BOTH_CLIENT_CREDENTIALS_AND_AUTHORIZATION_CODE,
  DEFAULT_CONNECTION_DISPLAY_NAME,
  MarkdownVariant,
  OAuth2AuthorizationMethod,
  OAuth2GrantType,
  PropertyType,
} from './definitions/property-type';
export type { InputPropertyType, AuthType } from './definitions/property-type';
export type * from './definitions/auth-types';
export type * from './definitions/connection-value';
export { KEPT_SECRET, isKeptSecret } from './definitions/kept-secret';
export { translateAuth } from './definitions/translate-auth';
export type { TranslatableKind, TranslateContext, TranslateText } from './definitions/translate-auth';
export type { KeptSecret } from './definitions/kept-secret';
export type * from './definitions/property-types';
export type { PropsValue } from './definitions/props-value';
export type * from './definitions/validation';
export { createConnectionValueSchema } from './schema/connection-value-schema';
export { createFormSchema, getDefaultFormValues } from './schema/form-schema';
export type { FormValues } from './schema/form-schema';
export { describeFields } from './schema/field-model';
export type { FieldModel } from './schema/field-model';
export { defaultMessages } from './messages/messages';
export type { Messages } from './messages/messages';
export { checkAuthDefinition } from './definition-check/check-auth-definition';
export { parseAuthDefinition } from './definition-check/parse-auth-definition';
export type { ParsedAuth, ParseAuthDefinitionResult } from './definition-check/parse-auth-definition';
export { toClientAuth } from './definitions/client-auth';
export type { ClientAuth } from './definitions/client-auth';
export type { DefinitionProblem } from './definition-check/definition-problem';
