/**
 * The `type` tags Activepieces puts on properties and auth definitions.
 *
 * Activepieces declares these as a TypeScript string enum; a plain `as const` object keeps the
 * same runtime strings (so definitions built with `@activepieces/pieces-framework` match) without
 * an enum's runtime cost, and its members are assignable both ways.
 *
 * @example
 * ```ts
 * if (prop.type === PropertyType.SECRET_TEXT) maskIt();
 * ```
 */
export const PropertyType = {
  SHORT_TEXT: 'SHORT_TEXT',
  LONG_TEXT: 'LONG_TEXT',
  MARKDOWN: 'MARKDOWN',
  NUMBER: 'NUMBER',
  CHECKBOX: 'CHECKBOX',
  STATIC_DROPDOWN: 'STATIC_DROPDOWN',
  STATIC_MULTI_SELECT_DROPDOWN: 'STATIC_MULTI_SELECT_DROPDOWN',
  SECRET_TEXT: 'SECRET_TEXT',
  OAUTH2: 'OAUTH2',
  BASIC_AUTH: 'BASIC_AUTH',
  CUSTOM_AUTH: 'CUSTOM_AUTH',
} as const;

/** One of the {@link PropertyType} tags. */
export type PropertyType = (typeof PropertyType)[keyof typeof PropertyType];

/** Property types that can appear inside an auth's `props` and get a form control (or a note). */
export type InputPropertyType =
  | 'SHORT_TEXT'
  | 'LONG_TEXT'
  | 'MARKDOWN'
  | 'NUMBER'
  | 'CHECKBOX'
  | 'STATIC_DROPDOWN'
  | 'STATIC_MULTI_SELECT_DROPDOWN'
  | 'SECRET_TEXT';

/** Auth definition types; `NO_AUTH` stands for `PieceAuth.None()` (which is `undefined`). */
export type AuthType = 'SECRET_TEXT' | 'BASIC_AUTH' | 'CUSTOM_AUTH' | 'OAUTH2';

/** How a markdown note is presented, as in Activepieces' `MarkdownVariant`. */
export const MarkdownVariant = {
  BORDERLESS: 'BORDERLESS',
  INFO: 'INFO',
  WARNING: 'WARNING',
  TIP: 'TIP',
} as const;

/** One of the {@link MarkdownVariant} values. */
export type MarkdownVariant = (typeof MarkdownVariant)[keyof typeof MarkdownVariant];

/** OAuth2 grant types, as in Activepieces' `OAuth2GrantType`. */
export const OAuth2GrantType = {
  AUTHORIZATION_CODE: 'authorization_code',
  CLIENT_CREDENTIALS: 'client_credentials',
} as const;

/** One of the {@link OAuth2GrantType} values. */
export type OAuth2GrantType = (typeof OAuth2GrantType)[keyof typeof OAuth2GrantType];

/** The grant type that lets the user choose between authorization code and client credentials. */
export const BOTH_CLIENT_CREDENTIALS_AND_AUTHORIZATION_CODE =
  'both_client_credentials_and_authorization_code' as const;

/** Where the access token goes in requests, as in Activepieces' `OAuth2AuthorizationMethod`. */
export const OAuth2AuthorizationMethod = {
  HEADER: 'HEADER',
  BODY: 'BODY',
} as const;

/** One of the {@link OAuth2AuthorizationMethod} values. */
export type OAuth2AuthorizationMethod =
  (typeof OAuth2AuthorizationMethod)[keyof typeof OAuth2AuthorizationMethod];

/** The display name Activepieces gives an auth definition that has none. */
export const DEFAULT_CONNECTION_DISPLAY_NAME = 'Connection';
