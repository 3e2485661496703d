// The main entry point: everything a form needs, named explicitly. The OAuth2 protocol building
// blocks are in connection-kit/oauth2 (src/oauth2-entry.ts), checkAuthDefinition in
// connection-kit/definitions.
export { ConnectionForm } from './connection-form/connection-form';
export type { ConnectionFormProps, ConnectionFormRenderProps, EmittedValue, HostValidator } from './connection-form/connection-form-props';
export type { ValidationStatus } from './connection-form/validation-status';
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
export type * from './definitions/auth-types';
export type * from './definitions/connection-value';
export { KEPT_SECRET, isKeptSecret } from './definitions/kept-secret';
export { translateAuth } from './definitions/translate-auth';
export type { TranslatableKind, TranslateContext, TranslateText } from './definitions/translate-auth';
export type { KeptSecret } from './definitions/kept-secret';
export type * from './definitions/property-types';
export type { PropsValue } from './definitions/props-value';
export type * from './definitions/validation';
export type { InputPropertyType, AuthType } from './definitions/property-type';
export { createConnectionValueSchema } from './schema/connection-value-schema';
export { createFormSchema, getDefaultFormValues } from './schema/form-schema';
export type { FormValues } from './schema/form-schema';
export { describeFields } from './schema/field-model';
export type { FieldModel } from './schema/field-model';
export { defaultMessages } from './messages/messages';
export type { Messages } from './messages/messages';
export type { OAuth2HostConfig, OAuth2ExchangeParams, OAuth2TokenResponse } from './oauth/oauth2-host-config';
export { useConnectionForm } from './connection-form/use-connection-form';
export type { ConnectionFormState, OAuth2Grant } from './connection-form/use-connection-form';
export type { ConnectionFormOptions } from './connection-form/connection-form-props';
export { FieldRow } from './fields/field-row';
export { FIELD_WIDGETS } from './fields/field-widgets';
export type { FieldWidgetProps } from './fields/field-widget-props';
