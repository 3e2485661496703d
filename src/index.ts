// The one public entry point: everything a host imports, named explicitly.
export { ConnectionForm } from './connection-form/connection-form';
export type { ConnectionFormProps, HostValidator } from './connection-form/connection-form-props';
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
export { completeOAuth2Redirect } from './oauth/complete-oauth2-redirect';
export type { CompleteOAuth2RedirectOptions, CompleteOAuth2RedirectResult } from './oauth/complete-oauth2-redirect';
export { buildAuthorizationUrl, scopeString } from './oauth/authorization-url';
export type { AuthorizationUrlParams } from './oauth/authorization-url';
export { createPkcePair, s256Challenge } from './oauth/pkce';
export type { PkcePair } from './oauth/pkce';
export { createState } from './oauth/random';
export { OAuth2ConfigError } from './oauth/oauth2-error';
export { openOAuth2Popup, waitForOAuth2Callback } from './oauth/popup-flow';
export type { OAuth2Outcome, PopupFlow, PopupFlowOptions, CallbackWaitOptions } from './oauth/popup-flow';
export { CALLBACK_MESSAGE_TAG, callbackChannelName } from './oauth/callback-message';
export type { OAuth2CallbackMessage } from './oauth/callback-message';
export type { OAuth2HostConfig, OAuth2ExchangeParams, OAuth2TokenResponse } from './oauth/oauth2-host-config';
export { useConnectionForm } from './connection-form/use-connection-form';
export type { ConnectionFormState, OAuth2Grant } from './connection-form/use-connection-form';
export type { ConnectionFormOptions } from './connection-form/connection-form-props';
export { FieldRow } from './fields/field-row';
export { FIELD_WIDGETS } from './fields/field-widgets';
export type { FieldWidgetProps } from './fields/field-widget-props';
export { checkAuthDefinition } from './definition-check/check-auth-definition';
export type { DefinitionProblem } from './definition-check/definition-problem';
