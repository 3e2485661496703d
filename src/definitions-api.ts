// The definitions part of the public API, listed once: the main entry (src/index.ts) and
// connection-kit/definitions (src/definitions-entry.ts) both re-export this file, so the two can
// never drift apart. Every name is listed explicitly; test/package/exports.test.ts pins the list.
// No React and no DOM here: connection-kit/definitions runs on servers.
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
export type { AuthType, InputPropertyType } from './definitions/property-type';
export type {
  AuthDefinition,
  AuthInput,
  BasicAuthProperty,
  BasicAuthPropertyValue,
  CustomAuthProperty,
  OAuth2Property,
  OAuth2PropertyValue,
  SecretTextAuth,
} from './definitions/auth-types';
export type {
  AnyConnectionValue,
  AuthValue,
  BasicAuthConnectionValue,
  ConnectionValue,
  CustomAuthConnectionValue,
  EditedConnectionValue,
  InitialConnectionValue,
  NoAuthConnectionValue,
  OAuth2ConnectionValue,
  OAuth2TokenFields,
  PlatformOAuth2ConnectionValue,
  SecretTextConnectionValue,
} from './definitions/connection-value';
export type {
  CheckboxProperty,
  CustomAuthProp,
  CustomAuthProps,
  DropdownOption,
  DropdownState,
  LongTextProperty,
  MarkDownProperty,
  NumberProperty,
  OAuth2Prop,
  OAuth2Props,
  PropertyBase,
  SecretTextProperty,
  ShortTextProperty,
  StaticDropdownProperty,
  StaticMultiSelectDropdownProperty,
} from './definitions/property-types';
export type { AuthValidator, ServerContext, ValidateParams, ValidationResult } from './definitions/validation';
export type { PropsValue } from './definitions/props-value';
export { KEPT_SECRET, isKeptSecret } from './definitions/kept-secret';
export type { KeptSecret } from './definitions/kept-secret';
export { translateAuth } from './definitions/translate-auth';
export type { TranslatableKind, TranslateContext, TranslateText } from './definitions/translate-auth';
export { defaultMessages } from './messages/messages';
export type { Messages } from './messages/messages';
