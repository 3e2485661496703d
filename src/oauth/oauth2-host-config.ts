import type { KeptSecret } from '../definitions/kept-secret';
import type { OAuth2AuthorizationMethod } from '../definitions/property-type';
import type { HostPolicy } from './host-policy';

/**
 * What the host's `exchange` receives: everything needed for the token request. It is built in
 * the page: a server route that does the exchange must not take `tokenUrl` or `clientSecret` from
 * it (send the value to `claimConnection` from `connection-kit/server` instead, which uses the
 * server's own definition and secrets).
 *
 * @example
 * ```tsx
 * async function exchange(params: OAuth2ExchangeParams): Promise<OAuth2TokenResponse> {
 *   const res = await fetch('/api/oauth2/github/token', {
 *     method: 'POST',
 *     headers: { 'Content-Type': 'application/json' },
 *     body: JSON.stringify({ code: params.code, codeVerifier: params.codeVerifier, redirectUrl: params.redirectUrl }),
 *     signal: params.signal,
 *   });
 *   if (!res.ok) throw new Error(`The token exchange failed (${res.status}).`);
 *   return res.json();
 * }
 * <ConnectionForm auth={githubAuth} oauth2={{ clientId, redirectUrl, exchange }} onConnect={save} />;
 * ```
 */
export interface OAuth2ExchangeParams {
  code: string;
  /** The PKCE verifier, when the definition uses PKCE. */
  codeVerifier?: string | undefined;
  redirectUrl: string;
  clientId: string;
  /**
   * The user's own client secret, when they brought their own app; `KEPT_SECRET` when the user
   * kept the one saved with the connection being edited (look it up on your server).
   */
  clientSecret?: string | KeptSecret | undefined;
  /** The definition's `tokenUrl`, placeholders filled. */
  tokenUrl: string;
  scope: string;
  props: Record<string, unknown>;
  authorizationMethod?: OAuth2AuthorizationMethod | undefined;
  signal: AbortSignal;
}

/**
 * A token endpoint's answer (RFC 6749 §5.1).
 *
 * @example
 * ```ts
 * const tokens: OAuth2TokenResponse = await res.json();
 * const expiresAt = tokens.expires_in === undefined ? undefined : Date.now() + tokens.expires_in * 1000;
 * ```
 */
export interface OAuth2TokenResponse {
  access_token: string;
  refresh_token?: string | undefined;
  expires_in?: number | undefined;
  token_type?: string | undefined;
  scope?: string | undefined;
  [key: string]: unknown;
}

/**
 * The host's OAuth2 set-up, passed as `<ConnectionForm oauth2={...}>`.
 *
 * @example
 * ```tsx
 * <ConnectionForm
 *   auth={slackAuth}
 *   oauth2={{ clientId: 'your-app-id', redirectUrl: 'https://app.example.com/oauth/callback' }}
 *   onConnect={(value) => api.saveConnection(value)} // the server exchanges value.code
 * />
 * ```
 */
export interface OAuth2HostConfig {
  /**
   * Your OAuth app's client id. Leave it out to let users bring their own app: the form then
   * asks for a Client ID and a Client Secret and shows the redirect URL to register.
   */
  clientId?: string | undefined;
  /**
   * The exact redirect URL registered with the provider. Its page must call
   * `completeOAuth2Redirect()` (or be the kit's ready-made callback page).
   */
  redirectUrl: string;
  /**
   * How long to wait for the user to finish in the popup, in ms. Default 300 000 (5 minutes).
   * Every flow ends: more than 2^31 - 1 (about 24.8 days, the longest a browser timer waits),
   * Infinity included, is clamped to it; NaN, 0 or a negative number means the default.
   */
  timeoutMs?: number | undefined;
  /** The authorization server's issuer; a response with a different `iss` is refused (RFC 9207). */
  issuer?: string | undefined;
  /**
   * Hosts a free-text `{prop}` may choose for `authUrl` / `tokenUrl` while `clientId` is yours
   * (Gitea's `{baseUrl}`, Salesforce's `https://{environment}/…`): a list of `URL.host` values or
   * a predicate. Without it such a definition connects only when users bring their own app.
   * Dropdown values and a label under a fixed suffix (`https://{account}.snowflakecomputing.com`)
   * need no consent.
   */
  allowedHosts?: HostPolicy['allowedHosts'] | undefined;
  /**
   * Your provider always sends `iss` (RFC 9207; its metadata has
   * `authorization_response_iss_parameter_supported: true`): then a response without `iss` is
   * refused too, as a mix-up attack's would be. Needs `issuer`. Default false, because the kit
   * cannot know whether a provider sends it.
   */
  requireIssuer?: boolean | undefined;
  /**
   * Trade the code for tokens yourself (e.g. through your server). Then the emitted value also
   * carries the tokens, and the definition's `validate` runs with them.
   */
  exchange?: ((params: OAuth2ExchangeParams) => Promise<OAuth2TokenResponse>) | undefined;
}
