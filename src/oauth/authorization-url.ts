import type { OAuth2Property } from '../definitions/auth-types';
import type { OAuth2Props } from '../definitions/property-types';
import { fillPlaceholders } from './fill-placeholders';
import { fillUrlTemplate, type HostPolicy } from './host-policy';

/**
 * What the authorization URL is built from, besides the definition.
 *
 * @example
 * ```ts
 * const pair = await createPkcePair();
 * const params: AuthorizationUrlParams = {
 *   clientId: 'your-app-id',
 *   redirectUrl: 'https://app.example.com/oauth/callback',
 *   state: createState(),
 *   props: {},
 *   pkce: { challenge: pair.challenge, method: pair.method },
 * };
 * const url = buildAuthorizationUrl(githubAuth, params);
 * ```
 */
export interface AuthorizationUrlParams {
  clientId: string;
  redirectUrl: string;
  state: string;
  /** The OAuth2 props' values, for `{placeholder}`s. */
  props: Readonly<Record<string, unknown>>;
  /** The PKCE challenge and its method, when the definition has `pkce: true`. */
  pkce?: { challenge: string; method: 'S256' | 'plain' } | undefined;
  /**
   * Which host a free-text `{prop}` may choose (see {@link HostPolicy}); without it, such a
   * placeholder is refused.
   */
  hostPolicy?: HostPolicy | undefined;
}

/** What the URL builders read of a definition; `props` tells a StaticDropdown from free text. */
type Definition = Pick<OAuth2Property<OAuth2Props>, 'authUrl' | 'scope' | 'prompt' | 'extra' | 'pkce' | 'props'>;

/**
 * The protocol parameters (security notes 3, 5, 6; issue 12 item 6). The kit sets the first six
 * itself (code flow, this client, this redirect URI, this state, this PKCE pair); the others
 * would change the protocol under it, so neither the `authUrl`'s own query nor the definition's
 * `extra` may carry any of them (they are dropped; `checkAuthDefinition` warns):
 * `response_mode` (how the code travels back), `request` / `request_uri` (JAR, RFC 9101: the
 * request object's parameters supersede the query), credentials and token-endpoint parameters
 * that never belong in a URL, `dpop_jkt` (binds the code to a key the host does not hold) and
 * OIDC's `registration`. A deny-list rather than an allowlist: providers need parameters of
 * their own (`audience`, `access_type`, `user_scope`, `resource`, `duration`…) that no list
 * could foresee, while the set that changes the protocol is small and fixed by the specs.
 * Compared without case, for servers that read parameter names that way.
 */
export const PROTOCOL_PARAMS: ReadonlySet<string> = new Set([
  'response_type',
  'client_id',
  'redirect_uri',
  'state',
  'code_challenge',
  'code_challenge_method',
  'response_mode',
  'request',
  'request_uri',
  'client_secret',
  'client_assertion',
  'client_assertion_type',
  'code',
  'code_verifier',
  'grant_type',
  'access_token',
  'id_token',
  'refresh_token',
  'dpop_jkt',
  'registration',
]);

const isProtocolParam = (key: string) => PROTOCOL_PARAMS.has(key.toLowerCase());

/**
 * The scope string: the definition's scopes, placeholders filled, joined with spaces (RFC 6749 §3.3).
 *
 * @example
 * ```ts
 * scopeString({ scope: ['repo', 'read:{org}'] }, { org: 'acme' }); // 'repo read:acme'
 * ```
 */
export function scopeString(auth: Pick<Definition, 'scope'>, props: Readonly<Record<string, unknown>>): string {
  return (auth.scope ?? []).map((s) => fillPlaceholders(s, props, 'scope', String)).join(' ');
}

/**
 * The authorization request URL (RFC 6749 §4.1.1): the definition's `authUrl` with its own query
 * kept and its placeholders filled, then `response_type=code`, `client_id`, `redirect_uri`,
 * `scope`, `state`, `prompt` (`consent` unless the definition says otherwise; left out for
 * `'omit'`), `access_type=offline`, PKCE, and last the definition's `extra`, which wins except
 * over the protocol parameters ({@link PROTOCOL_PARAMS}: never taken from `extra` or the
 * `authUrl`'s query).
 *
 * @example
 * ```ts
 * buildAuthorizationUrl(slackAuth, { clientId, redirectUrl, state, props: {} });
 * // https://slack.com/oauth/v2/authorize?user_scope=…&response_type=code&client_id=…
 * ```
 */
export function buildAuthorizationUrl(auth: Definition, params: AuthorizationUrlParams): string {
  const url = fillUrlTemplate(auth.authUrl, auth.props, params.props, 'authUrl', params.hostPolicy);
  const query = url.searchParams;
  // The authUrl's own query keeps its provider parameters (Slack's user_scope), not these.
  for (const key of [...query.keys()]) if (isProtocolParam(key)) query.delete(key);
  query.set('response_type', 'code');
  query.set('client_id', params.clientId);
  query.set('redirect_uri', params.redirectUrl);
  query.set('scope', scopeString(auth, params.props));
  query.set('state', params.state);
  const prompt = auth.prompt ?? 'consent';
  if (prompt !== 'omit') query.set('prompt', prompt);
  query.set('access_type', 'offline');
  if (auth.pkce && params.pkce) {
    query.set('code_challenge', params.pkce.challenge);
    query.set('code_challenge_method', params.pkce.method);
  }
  for (const [key, value] of Object.entries(auth.extra ?? {})) {
    if (!isProtocolParam(key)) query.set(key, String(value));
  }
  return url.toString();
}

/**
 * The token endpoint: the definition's `tokenUrl` with its `{prop}` placeholders filled, held to
 * the same rules as the authorization URL (https, http only on loopback; a free-text value that
 * chooses the host only with `policy.ownCredentials` or `policy.allowedHosts`), since the code,
 * the PKCE verifier and a client secret are sent there. Throws an OAuth2ConfigError that says
 * what to fix.
 *
 * @example
 * ```ts
 * buildTokenUrl({ tokenUrl: 'https://{region}.auth.example.com/oauth/token' }, { region: 'eu' });
 * // 'https://eu.auth.example.com/oauth/token'
 * buildTokenUrl({ tokenUrl: 'http://auth.example.com/token' }, {}); // throws OAuth2ConfigError
 * buildTokenUrl(giteaAuth, { baseUrl: 'https://git.acme.dev' }, { allowedHosts: ['git.acme.dev'] });
 * // 'https://git.acme.dev/login/oauth/access_token'
 * ```
 */
export function buildTokenUrl(
  auth: Pick<OAuth2Property<OAuth2Props>, 'tokenUrl' | 'props'>,
  props: Readonly<Record<string, unknown>>,
  policy?: HostPolicy,
): string {
  return fillUrlTemplate(auth.tokenUrl, auth.props, props, 'tokenUrl', policy).toString();
}
