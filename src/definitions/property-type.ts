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

/**
 * One of the {@link PropertyType} tags.
 *
 * @example
 * ```ts
 * const masked = (prop: { type: PropertyType }) => prop.type === PropertyType.SECRET_TEXT;
 * ```
 */
export type PropertyType = (typeof PropertyType)[keyof typeof PropertyType];

/**
 * Property types that can appear inside an auth's `props` and get a form control (or a note).
 *
 * @example
 * ```tsx
 * const widgets: Partial<Record<InputPropertyType, ComponentType<FieldWidgetProps>>> = {
 *   STATIC_DROPDOWN: MySelect,
 * };
 * <ConnectionForm auth={auth} components={widgets} onConnect={save} />;
 * ```
 */
export type InputPropertyType =
  | 'SHORT_TEXT'
  | 'LONG_TEXT'
  | 'MARKDOWN'
  | 'NUMBER'
  | 'CHECKBOX'
  | 'STATIC_DROPDOWN'
  | 'STATIC_MULTI_SELECT_DROPDOWN'
  | 'SECRET_TEXT';

/**
 * Auth definition types; `NO_AUTH` stands for `PieceAuth.None()` (which is `undefined`).
 *
 * @example
 * ```ts
 * const icons: Record<AuthType, string> = {
 *   SECRET_TEXT: 'key',
 *   BASIC_AUTH: 'user',
 *   CUSTOM_AUTH: 'sliders',
 *   OAUTH2: 'link',
 * };
 * const icon = auth ? icons[auth.type] : undefined; // auth: AuthDefinition | undefined
 * ```
 */
export type AuthType = 'SECRET_TEXT' | 'BASIC_AUTH' | 'CUSTOM_AUTH' | 'OAUTH2';

/**
 * How a markdown note is presented, as in Activepieces' `MarkdownVariant`.
 *
 * @example
 * ```ts
 * const note = Property.MarkDown({
 *   value: 'Keys expire after **90 days**.',
 *   variant: MarkdownVariant.WARNING,
 * });
 * ```
 */
export const MarkdownVariant = {
  BORDERLESS: 'BORDERLESS',
  INFO: 'INFO',
  WARNING: 'WARNING',
  TIP: 'TIP',
} as const;

/**
 * One of the {@link MarkdownVariant} values.
 *
 * @example
 * ```ts
 * const variant: MarkdownVariant = 'TIP'; // the same as MarkdownVariant.TIP
 * Property.MarkDown({ value: 'Use a key with **read** access only.', variant });
 * ```
 */
export type MarkdownVariant = (typeof MarkdownVariant)[keyof typeof MarkdownVariant];

/**
 * OAuth2 grant types, as in Activepieces' `OAuth2GrantType`.
 *
 * @example
 * ```ts
 * const auth = PieceAuth.OAuth2({
 *   authUrl: 'https://api.example.com/oauth/authorize',
 *   tokenUrl: 'https://api.example.com/oauth/token',
 *   required: true,
 *   scope: [],
 *   grantType: OAuth2GrantType.CLIENT_CREDENTIALS, // no popup: the form asks for a client id and secret
 * });
 * ```
 */
export const OAuth2GrantType = {
  AUTHORIZATION_CODE: 'authorization_code',
  CLIENT_CREDENTIALS: 'client_credentials',
} as const;

/**
 * One of the {@link OAuth2GrantType} values.
 *
 * @example
 * ```ts
 * function grantOf(value: OAuth2ConnectionValue<unknown>): OAuth2GrantType {
 *   return value.grant_type ?? OAuth2GrantType.AUTHORIZATION_CODE;
 * }
 * ```
 */
export type OAuth2GrantType = (typeof OAuth2GrantType)[keyof typeof OAuth2GrantType];

/**
 * The grant type that lets the user choose between authorization code and client credentials.
 *
 * @example
 * ```ts
 * const auth = PieceAuth.OAuth2({
 *   authUrl: 'https://auth.example.com/authorize',
 *   tokenUrl: 'https://auth.example.com/token',
 *   required: true,
 *   scope: ['read'],
 *   grantType: BOTH_CLIENT_CREDENTIALS_AND_AUTHORIZATION_CODE, // the form shows a grant type picker
 * });
 * ```
 */
export const BOTH_CLIENT_CREDENTIALS_AND_AUTHORIZATION_CODE = 'both_client_credentials_and_authorization_code' as const;

/**
 * Where the access token goes in requests, as in Activepieces' `OAuth2AuthorizationMethod`.
 *
 * @example
 * ```ts
 * const auth = PieceAuth.OAuth2({
 *   authUrl: 'https://auth.example.com/authorize',
 *   tokenUrl: 'https://auth.example.com/token',
 *   required: true,
 *   scope: ['read'],
 *   authorizationMethod: OAuth2AuthorizationMethod.BODY, // emitted as authorization_method: 'BODY'
 * });
 * ```
 */
export const OAuth2AuthorizationMethod = {
  HEADER: 'HEADER',
  BODY: 'BODY',
} as const;

/**
 * One of the {@link OAuth2AuthorizationMethod} values.
 *
 * @example
 * ```ts
 * const method: OAuth2AuthorizationMethod | undefined = value.authorization_method; // 'HEADER' | 'BODY'
 * ```
 */
export type OAuth2AuthorizationMethod = (typeof OAuth2AuthorizationMethod)[keyof typeof OAuth2AuthorizationMethod];

/**
 * The display name Activepieces gives an auth definition that has none.
 *
 * @example
 * ```ts
 * const auth = PieceAuth.BasicAuth({ username: { displayName: 'Email' }, password: { displayName: 'Password' } });
 * auth.displayName === DEFAULT_CONNECTION_DISPLAY_NAME; // true: 'Connection'
 * ```
 */
export const DEFAULT_CONNECTION_DISPLAY_NAME = 'Connection';
