import type { AuthDefinition, BasicAuthPropertyValue } from './auth-types';
import type { OAuth2AuthorizationMethod, OAuth2GrantType } from './property-type';
import type { KeptSecret } from './kept-secret';
import type { PropsValue } from './props-value';

/**
 * Emitted for `PieceAuth.SecretText`: Activepieces' `{ type: 'SECRET_TEXT', secret_text }`.
 * `S`, the type of a secret, is `string` (or `string | KeptSecret` when editing).
 *
 * @example
 * ```ts
 * const created: SecretTextConnectionValue = { type: 'SECRET_TEXT', secret_text: 'sk-proj-…' };
 * const edited: SecretTextConnectionValue<string | KeptSecret> = { type: 'SECRET_TEXT', secret_text: KEPT_SECRET };
 * ```
 */
export interface SecretTextConnectionValue<S = string> {
  type: 'SECRET_TEXT';
  secret_text: S;
}

/**
 * Emitted for `PieceAuth.BasicAuth`.
 *
 * @example
 * ```ts
 * const value: BasicAuthConnectionValue = { type: 'BASIC_AUTH', username: 'ada@example.com', password: 'ATATT3x…' };
 * ```
 */
export interface BasicAuthConnectionValue<S = string> extends Omit<BasicAuthPropertyValue, 'password'> {
  type: 'BASIC_AUTH';
  password: S;
}

/**
 * Emitted for `PieceAuth.CustomAuth`.
 *
 * @example
 * ```ts
 * const value: CustomAuthConnectionValue<{ host: string; port?: number | undefined }> = {
 *   type: 'CUSTOM_AUTH',
 *   props: { host: 'db.example.com', port: 5432 },
 * };
 * ```
 */
export interface CustomAuthConnectionValue<V> {
  type: 'CUSTOM_AUTH';
  props: V;
}

/**
 * Tokens, present when the host's `oauth2.exchange` traded the code in the browser's session.
 *
 * @example
 * ```ts
 * // Without oauth2.exchange, the server still has to trade value.code for tokens.
 * const exchanged = (value: OAuth2TokenFields) => value.access_token !== undefined;
 * ```
 */
export interface OAuth2TokenFields {
  access_token?: string | undefined;
  refresh_token?: string | undefined;
  expires_in?: number | undefined;
  token_type?: string | undefined;
  /** The whole token response, as Activepieces keeps it. */
  data?: Record<string, unknown> | undefined;
}

/**
 * Emitted for `PieceAuth.OAuth2` when the user brought their own OAuth app (or for client
 * credentials): Activepieces' `OAUTH2` upsert value, so the host's server exchanges the code as
 * Activepieces does. `code_challenge` is Activepieces' name for the PKCE verifier.
 *
 * @example
 * ```ts
 * // On the server: trade the code for tokens with the user's own client id and secret.
 * async function exchangeCode(value: OAuth2ConnectionValue<unknown>, tokenUrl: string) {
 *   const res = await fetch(tokenUrl, {
 *     method: 'POST',
 *     headers: { Accept: 'application/json' },
 *     body: new URLSearchParams({
 *       grant_type: 'authorization_code',
 *       code: value.code,
 *       redirect_uri: value.redirect_url,
 *       client_id: value.client_id,
 *       client_secret: value.client_secret,
 *       ...(value.code_challenge ? { code_verifier: value.code_challenge } : {}),
 *     }),
 *   });
 *   return res.json();
 * }
 * ```
 */
export interface OAuth2ConnectionValue<V, S = string> extends OAuth2TokenFields {
  type: 'OAUTH2';
  client_id: string;
  client_secret: S;
  redirect_url: string;
  code: string;
  code_challenge?: string | undefined;
  scope: string;
  props?: V | undefined;
  authorization_method?: OAuth2AuthorizationMethod | undefined;
  grant_type?: OAuth2GrantType | undefined;
}

/**
 * Emitted for `PieceAuth.OAuth2` when the host configured its own app (`oauth2.clientId`):
 * Activepieces' `PLATFORM_OAUTH2` upsert value. It has no client secret: the host's server adds
 * its own when it exchanges the code.
 *
 * @example
 * ```ts
 * // On the server: trade the code for tokens with the host's own client secret.
 * async function exchangeCode(value: PlatformOAuth2ConnectionValue<unknown>, tokenUrl: string) {
 *   const res = await fetch(tokenUrl, {
 *     method: 'POST',
 *     headers: { Accept: 'application/json' },
 *     body: new URLSearchParams({
 *       grant_type: 'authorization_code',
 *       code: value.code,
 *       redirect_uri: value.redirect_url,
 *       client_id: value.client_id,
 *       client_secret: process.env.GITHUB_CLIENT_SECRET!,
 *       ...(value.code_challenge ? { code_verifier: value.code_challenge } : {}),
 *     }),
 *   });
 *   return res.json();
 * }
 * ```
 */
export interface PlatformOAuth2ConnectionValue<V> extends OAuth2TokenFields {
  type: 'PLATFORM_OAUTH2';
  client_id: string;
  redirect_url: string;
  code: string;
  code_challenge?: string | undefined;
  scope: string;
  props?: V | undefined;
  authorization_method?: OAuth2AuthorizationMethod | undefined;
}

/**
 * Emitted when the piece needs no auth (`PieceAuth.None()`).
 *
 * @example
 * ```ts
 * const value: NoAuthConnectionValue = { type: 'NO_AUTH' }; // from <ConnectionForm auth={PieceAuth.None()} …/>
 * ```
 */
export interface NoAuthConnectionValue {
  type: 'NO_AUTH';
}

type TypeTag<A> = A extends { type: infer T extends string } ? `${T}` : never;
// biome-ignore lint/complexity/noBannedTypes: `{}` is the identity of `&`: no props adds no keys.
type PropsOf<A> = A extends { props?: infer P } ? (unknown extends P ? {} : NonNullable<P>) : {};

/**
 * The connection value `<ConnectionForm auth={auth}>` emits, inferred from the definition.
 * An array of definitions gives a union discriminated on `type`.
 *
 * @example
 * ```ts
 * const auth = PieceAuth.CustomAuth({
 *   required: true,
 *   props: { apiKey: PieceAuth.SecretText({ displayName: 'API key', required: true }) },
 * });
 * type V = ConnectionValue<typeof auth>;
 * // { type: 'CUSTOM_AUTH'; props: { apiKey: string } }
 * ```
 */
export type ConnectionValue<A, S = string> = A extends readonly (infer E)[]
  ? ConnectionValue<E, S>
  : A extends undefined
    ? NoAuthConnectionValue
    : TypeTag<A> extends 'SECRET_TEXT'
      ? SecretTextConnectionValue<S>
      : TypeTag<A> extends 'BASIC_AUTH'
        ? BasicAuthConnectionValue<S>
        : TypeTag<A> extends 'CUSTOM_AUTH'
          ? CustomAuthConnectionValue<PropsValue<PropsOf<A>, S>>
          : TypeTag<A> extends 'OAUTH2'
            ? OAuth2ConnectionValue<PropsValue<PropsOf<A>, S>, S> | PlatformOAuth2ConnectionValue<PropsValue<PropsOf<A>, S>>
            : never;

/**
 * What `<ConnectionForm initialValue={...}>` emits when it edits a saved connection: a
 * {@link ConnectionValue} where every secret the user did not retype is the {@link KeptSecret}
 * marker.
 *
 * @example
 * ```ts
 * type V = EditedConnectionValue<typeof auth>;
 * // { type: 'CUSTOM_AUTH'; props: { apiKey: string | KeptSecret; region: 'eu' | 'us' } }
 * ```
 */
export type EditedConnectionValue<A> = ConnectionValue<A, string | KeptSecret>;

type DistributivePartial<V> = V extends { type: infer T; props?: infer P }
  ? { type: T } & Partial<Omit<V, 'type' | 'props'>> & { props?: Partial<P> | undefined }
  : V extends { type: infer T }
    ? { type: T } & Partial<Omit<V, 'type'>>
    : never;

/**
 * A saved connection to edit (the `initialValue` of `<ConnectionForm>`): the value the form
 * emitted before, with any part left out. A secret the host has saved but will not send to the
 * browser is given as `KEPT_SECRET`; the form then shows it as saved, to be replaced or kept.
 * `type` picks the method of an array of auths.
 *
 * @example
 * ```ts
 * const initial: InitialConnectionValue<typeof auth> = {
 *   type: 'CUSTOM_AUTH',
 *   props: { region: 'eu', apiKey: KEPT_SECRET },
 * };
 * ```
 */
export type InitialConnectionValue<A> = DistributivePartial<EditedConnectionValue<A>>;

/**
 * What a definition's `validate` receives as `auth`: the secret string for SecretText, the props
 * object for CustomAuth, `{ username, password }` for BasicAuth, the token value for OAuth2.
 *
 * @example
 * ```ts
 * const openaiAuth = PieceAuth.SecretText({ displayName: 'API Key', required: true });
 * type OpenAIAuth = AuthValue<typeof openaiAuth>; // string
 * type AwsAuth = AuthValue<typeof awsAuth>; // { accessKeyId: string; secretAccessKey: string; region: … }
 * ```
 */
export type AuthValue<A> = A extends readonly (infer E)[] ? AuthValue<E> : A extends { valueSchema: infer V } ? V : undefined;

/**
 * Any connection value the kit can emit.
 *
 * @example
 * ```ts
 * async function saveConnection(value: AnyConnectionValue, displayName: string) {
 *   await fetch('/api/connections', { method: 'POST', body: JSON.stringify({ displayName, type: value.type, value }) });
 * }
 * ```
 */
export type AnyConnectionValue = ConnectionValue<AuthDefinition | undefined>;
