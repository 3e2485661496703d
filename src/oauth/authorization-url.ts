import type { OAuth2Property } from '../definitions/auth-types';
import { fillPlaceholders } from './fill-placeholders';
import type { HostPolicy } from './host-policy';
import { parseSafeUrl } from './safe-url';

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
  pkce?: { challenge: string; method: 'S256' | 'plain' };
}

type Definition = Pick<OAuth2Property<any>, 'authUrl' | 'scope' | 'prompt' | 'extra' | 'pkce'>;

/**
 * The parameters that make the request a code flow for this client, redirect URI, state and PKCE
 * pair (security notes 3, 5, 6): the kit sets them, and neither the `authUrl`'s own query nor
 * the definition's `extra` may replace them (e.g. `response_type: 'token'`, a fixed `state`, or
 * `code_challenge_method: 'plain'`; a definition asks for plain PKCE with `pkceMethod`).
 */
const PROTOCOL_PARAMS = new Set(['response_type', 'client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method']);

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
 * over the protocol parameters (`response_type`, `client_id`, `redirect_uri`, `state`, PKCE).
 *
 * @example
 * ```ts
 * buildAuthorizationUrl(slackAuth, { clientId, redirectUrl, state, props: {} });
 * // https://slack.com/oauth/v2/authorize?user_scope=…&response_type=code&client_id=…
 * ```
 */
export function buildAuthorizationUrl(auth: Definition, params: AuthorizationUrlParams): string {
  const url = parseSafeUrl(fillPlaceholders(auth.authUrl, params.props, 'authUrl'), 'authUrl');
  const query = url.searchParams;
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
  } else {
    // A challenge in the authUrl's own query would bind the code to a verifier nobody has.
    query.delete('code_challenge');
    query.delete('code_challenge_method');
  }
  for (const [key, value] of Object.entries(auth.extra ?? {})) {
    if (!PROTOCOL_PARAMS.has(key)) query.set(key, String(value));
  }
  return url.toString();
}

/**
 * The token endpoint for the host's `exchange`: the definition's `tokenUrl` with its `{prop}`
 * placeholders filled, held to the same rule as the authorization URL (https, http only on
 * loopback), since the code, the PKCE verifier and a client secret are sent there.
 *
 * @example
 * ```ts
 * buildTokenUrl({ tokenUrl: 'https://{region}.auth.example.com/oauth/token' }, { region: 'eu' });
 * // 'https://eu.auth.example.com/oauth/token'
 * buildTokenUrl({ tokenUrl: 'http://auth.example.com/token' }, {}); // throws OAuth2ConfigError
 * ```
 */
export function buildTokenUrl(
  auth: Pick<OAuth2Property<any>, 'tokenUrl'> & { props?: unknown },
  props: Readonly<Record<string, unknown>>,
  policy?: HostPolicy,
): string;
// The policy is for the host-placeholder rule (a separate change); until it lands the
// implementation takes no third parameter, so the browser bundles stay byte for byte the same.
export function buildTokenUrl(auth: Pick<OAuth2Property<any>, 'tokenUrl'>, props: Readonly<Record<string, unknown>>): string {
  return parseSafeUrl(fillPlaceholders(auth.tokenUrl, props, 'tokenUrl'), 'tokenUrl').toString();
}
