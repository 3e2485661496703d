import type {
  BasicAuthConnectionValue,
  CustomAuthConnectionValue,
  NoAuthConnectionValue,
  SecretTextConnectionValue,
} from '../definitions/connection-value';
import type { OAuth2AuthorizationMethod, OAuth2GrantType } from '../definitions/property-type';
import type { PropsValue } from '../definitions/props-value';

/**
 * The token fields Activepieces keeps for every OAuth2 connection (`BaseOAuth2ConnectionValue`
 * in `@activepieces/shared`), as `formatOAuth2Response` normalises a token response.
 *
 * @example
 * ```ts
 * const expiresAt = (value: StoredOAuth2Fields<unknown>) => (value.claimed_at + (value.expires_in ?? 3600)) * 1000;
 * ```
 */
export interface StoredOAuth2Fields<V> {
  access_token: string;
  /** Absent when the provider issued none (client credentials, or a provider without refresh). */
  refresh_token?: string | undefined;
  /** Seconds from `claimed_at`; Activepieces assumes 3600 when absent. */
  expires_in?: number | undefined;
  /** As the provider sent it; absent when it sent none (GitHub's form replies, some others). */
  token_type?: string | undefined;
  /** The granted scope when the provider said, else the requested one. */
  scope: string;
  /** When the token was issued, in seconds since the epoch (Activepieces' clock unit). */
  claimed_at: number;
  /** The definition's `tokenUrl` with its placeholders filled: where refreshes go. */
  token_url: string;
  client_id: string;
  /** The token response's non-standard fields (`id_token`, Slack's `team`, ...). */
  data: Record<string, unknown>;
  props?: V | undefined;
  authorization_method?: OAuth2AuthorizationMethod | undefined;
  grant_type?: OAuth2GrantType | undefined;
}

/**
 * A claimed OAuth2 connection made with the user's own OAuth app (or client credentials):
 * Activepieces' `OAuth2ConnectionValueWithApp`. It holds the user's client secret, for refreshes.
 *
 * @example
 * ```ts
 * const stored: StoredOAuth2ConnectionValue<{}> = await claimConnection(auth, value, options);
 * await db.save({ value: await encrypt(JSON.stringify(stored)) }); // secrets inside: encrypt at rest
 * ```
 */
export interface StoredOAuth2ConnectionValue<V> extends StoredOAuth2Fields<V> {
  type: 'OAUTH2';
  client_secret: string;
  redirect_url: string;
}

/**
 * A claimed OAuth2 connection made with the host's own OAuth app: Activepieces'
 * `PlatformOAuth2ConnectionValue`. No client secret: refreshes use the server's own.
 *
 * @example
 * ```ts
 * const stored = (await claimConnection(githubAuth, value, options)) as StoredPlatformOAuth2ConnectionValue<{}>;
 * stored.access_token; // use it on the server; never send it to the browser
 * ```
 */
export interface StoredPlatformOAuth2ConnectionValue<V> extends StoredOAuth2Fields<V> {
  type: 'PLATFORM_OAUTH2';
  redirect_url: string;
}

type TypeTag<A> = A extends { type: infer T extends string } ? `${T}` : never;
// biome-ignore lint/complexity/noBannedTypes: `{}` is the props of a definition without props, and intersects to nothing.
type PropsOf<A> = A extends { props?: infer P } ? (unknown extends P ? {} : NonNullable<P>) : {};

/**
 * What `claimConnection` returns and a host stores for a definition: Activepieces' stored
 * connection value (`AppConnectionValue`), inferred from the definition. An array of
 * definitions gives a union discriminated on `type`.
 *
 * @example
 * ```ts
 * const stored: StoredConnectionValue<typeof githubAuth> = await claimConnection(githubAuth, body.value, options);
 * if (stored.type !== 'NO_AUTH') await connections.save(userId, stored);
 * ```
 */
export type StoredConnectionValue<A> = A extends readonly (infer E)[]
  ? StoredConnectionValue<E>
  : A extends undefined
    ? NoAuthConnectionValue
    : TypeTag<A> extends 'SECRET_TEXT'
      ? SecretTextConnectionValue
      : TypeTag<A> extends 'BASIC_AUTH'
        ? BasicAuthConnectionValue
        : TypeTag<A> extends 'CUSTOM_AUTH'
          ? CustomAuthConnectionValue<PropsValue<PropsOf<A>>>
          : TypeTag<A> extends 'OAUTH2'
            ? StoredOAuth2ConnectionValue<PropsValue<PropsOf<A>>> | StoredPlatformOAuth2ConnectionValue<PropsValue<PropsOf<A>>>
            : never;

/**
 * Either stored OAuth2 shape, whatever the props.
 *
 * @example
 * ```ts
 * const isOAuth2 = (v: { type: string }): v is AnyStoredOAuth2Value => v.type === 'OAUTH2' || v.type === 'PLATFORM_OAUTH2';
 * ```
 */
export type AnyStoredOAuth2Value =
  | StoredOAuth2ConnectionValue<Record<string, unknown>>
  | StoredPlatformOAuth2ConnectionValue<Record<string, unknown>>;

/**
 * Any stored connection value.
 *
 * @example
 * ```ts
 * async function save(id: string, value: AnyStoredConnectionValue) {
 *   await db.put(id, await encrypt(JSON.stringify(value)));
 * }
 * ```
 */
export type AnyStoredConnectionValue =
  | SecretTextConnectionValue
  | BasicAuthConnectionValue
  | CustomAuthConnectionValue<Record<string, unknown>>
  | AnyStoredOAuth2Value
  | NoAuthConnectionValue;
