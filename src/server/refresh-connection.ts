import type { AuthInput, OAuth2Property } from '../definitions/auth-types';
import type { OAuth2Props } from '../definitions/property-types';
import { buildTokenUrl } from '../oauth/authorization-url';
import type { HostPolicy } from '../oauth/host-policy';
import type { OAuth2App } from './claim-connection';
import { clientCredentialsParameters } from './claim-connection';
import { formatTokenResponse } from './format-token-response';
import { definitionFor } from './run-validate';
import { ConnectionError } from './server-errors';
import type { AnyStoredConnectionValue, AnyStoredOAuth2Value } from './stored-connection-value';
import { requestToken } from './token-endpoint';

/** Activepieces refreshes 15 minutes before expiry, and assumes an hour when `expires_in` is absent. */
const REFRESH_THRESHOLD_S = 15 * 60;
const DEFAULT_EXPIRES_IN_S = 60 * 60;

/**
 * An exclusive lock shared by every server process, so only one of them refreshes a connection
 * at a time: with rotating refresh tokens, a second process refreshing with the same (now spent)
 * token gets `invalid_grant`, and some providers then revoke the whole grant. `run` holds the
 * lock named `key` while `task` runs, and releases it however `task` ends.
 *
 * @example
 * ```ts
 * // Postgres (postgres.js): a transaction-scoped advisory lock, released at COMMIT or ROLLBACK.
 * const postgresLock: RefreshLock = {
 *   run: (key, task) =>
 *     sql.begin(async (tx) => {
 *       await tx`select pg_advisory_xact_lock(hashtext(${key}))`;
 *       return task();
 *     }),
 * };
 * ```
 */
export interface RefreshLock {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/**
 * How to refresh a stored connection.
 *
 * @example
 * ```ts
 * const options: RefreshOptions = {
 *   oauth2App: { clientId: process.env.GITHUB_CLIENT_ID!, clientSecret: process.env.GITHUB_CLIENT_SECRET! },
 *   key: connectionId,
 *   lock: postgresLock,
 *   load: async () => decrypt(await db.connections.value(connectionId)),
 *   save: async (value) => db.connections.update(connectionId, await encrypt(JSON.stringify(value))),
 * };
 * ```
 */
export interface RefreshOptions {
  /** The host's own OAuth app: refreshing a `PLATFORM_OAUTH2` value needs its secret. */
  oauth2App?: OAuth2App | undefined;
  /** Refresh even if the token is not due yet. */
  force?: boolean | undefined;
  /**
   * Names the connection for the single flight and the lock: the host's connection id. Without
   * it, refreshes of the same stored value (same refresh token) in this process share a request.
   */
  key?: string | undefined;
  /** A lock across server processes; with it, `key`, `load` and `save` are needed. */
  lock?: RefreshLock | undefined;
  /** Reads the latest stored value, inside the lock: another process may have refreshed it. */
  load?: (() => Promise<AnyStoredConnectionValue>) | undefined;
  /** Stores the refreshed value, inside the lock, before the next process reads it. */
  save?: ((value: AnyStoredConnectionValue) => Promise<void>) | undefined;
  allowedHosts?: HostPolicy['allowedHosts'] | undefined;
  fetch?: typeof fetch | undefined;
  /** The clock in ms since the epoch. Defaults to `Date.now`. */
  now?: (() => number) | undefined;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
}

/**
 * Whether Activepieces would refresh this value now (`oauth2Util.isExpired`): an OAuth2 value
 * whose `claimed_at + expires_in` (an hour when absent) is less than 15 minutes away, unless it is
 * an authorization-code connection without a refresh token (nothing to refresh with). Other auth
 * types never expire.
 *
 * @example
 * ```ts
 * if (isRefreshDue(stored)) stored = await refreshConnection(auth, stored, options);
 * ```
 */
export function isRefreshDue(value: AnyStoredConnectionValue, nowMs: number = Date.now()): boolean {
  if (value.type !== 'OAUTH2' && value.type !== 'PLATFORM_OAUTH2') return false;
  const grant = value.grant_type ?? 'authorization_code';
  if (grant === 'authorization_code' && !value.refresh_token) return false;
  const expiresIn = value.expires_in ?? DEFAULT_EXPIRES_IN_S;
  return Math.round(nowMs / 1000) + REFRESH_THRESHOLD_S >= value.claimed_at + expiresIn;
}

/** Refreshes under way in this process, by key: concurrent callers share one request. */
const inFlight = new Map<string, Promise<AnyStoredConnectionValue>>();
/**
 * Recent results by the key of the value they replaced, for a caller that read the old value
 * before the refresh was saved: it gets the new value instead of spending the old refresh token.
 */
const recent = new Map<string, { value: AnyStoredConnectionValue; at: number }>();
const RECENT_MS = 60_000;

/**
 * Refreshes an OAuth2 connection when it is due, as Activepieces does on read: `grant_type=
 * refresh_token` for authorization-code connections (the old refresh token is kept when the
 * provider sends none), a new client-credentials request for those; the answer is merged over
 * the stored value (fields the provider left out keep their old values). `invalid_grant` is a
 * {@link ReconnectNeededError}. Concurrent refreshes of one connection in this process share one
 * request; across processes, pass a {@link RefreshLock}. Values that are not due, and other auth
 * types, come back unchanged.
 *
 * @example
 * ```ts
 * import { refreshConnection, ReconnectNeededError } from 'connection-kit/server';
 *
 * const fresh = await refreshConnection(githubAuth, stored, { oauth2App, key: connectionId, save });
 * await fetch('https://api.github.com/user', { headers: { Authorization: `Bearer ${fresh.access_token}` } });
 * ```
 */
export async function refreshConnection<V extends AnyStoredConnectionValue>(
  auth: AuthInput,
  stored: V,
  options: RefreshOptions = {},
): Promise<V> {
  const now = options.now ?? Date.now;
  if (stored.type !== 'OAUTH2' && stored.type !== 'PLATFORM_OAUTH2') return stored;
  if (!options.force && !isRefreshDue(stored, now())) return stored;
  if (options.lock && (!options.key || !options.load || !options.save)) {
    throw new ConnectionError(
      'configuration',
      'A refresh lock needs key (the connection id), load and save: the next process must read what this one saved.',
    );
  }
  const key = options.key ?? defaultKey(stored);
  for (const [k, entry] of recent) if (now() - entry.at > RECENT_MS) recent.delete(k);
  const remembered = recent.get(key);
  if (remembered && !options.lock && !options.force) return remembered.value as V;
  let flight = inFlight.get(key);
  if (!flight) {
    flight = (options.lock ? underLock(auth, stored, options, key) : refreshAndSave(auth, stored, options)).finally(() =>
      inFlight.delete(key),
    );
    inFlight.set(key, flight);
    flight.then((value) => recent.set(key, { value, at: now() })).catch(() => {});
  }
  return (await flight) as V;
}

async function underLock(auth: AuthInput, stored: AnyStoredOAuth2Value, options: RefreshOptions, key: string) {
  return options.lock!.run(key, async () => {
    const latest = await options.load!();
    if (latest.type !== 'OAUTH2' && latest.type !== 'PLATFORM_OAUTH2') return latest;
    // Another process refreshed while we waited for the lock: its result is the one to use.
    const rotated = latest.refresh_token !== stored.refresh_token || latest.claimed_at !== stored.claimed_at;
    const due = isRefreshDue(latest, (options.now ?? Date.now)());
    if (!due && (rotated || !options.force)) return latest;
    return refreshAndSave(auth, latest, options);
  });
}

async function refreshAndSave(auth: AuthInput, stored: AnyStoredOAuth2Value, options: RefreshOptions): Promise<AnyStoredOAuth2Value> {
  const fresh = await refreshOnce(auth, stored, options);
  await options.save?.(fresh);
  return fresh;
}

function defaultKey(value: AnyStoredOAuth2Value): string {
  return `${value.type}\u0000${value.client_id}\u0000${value.token_url}\u0000${value.refresh_token ?? value.access_token}`;
}

async function refreshOnce(auth: AuthInput, stored: AnyStoredOAuth2Value, options: RefreshOptions): Promise<AnyStoredOAuth2Value> {
  const definition = definitionFor(auth, stored.type) as OAuth2Property<OAuth2Props> | undefined;
  if (!definition) throw new ConnectionError('configuration', `The definition has no OAuth2 method for a ${stored.type} value.`);
  const own = stored.type === 'OAUTH2';
  const secret = own ? stored.client_secret : options.oauth2App?.clientSecret;
  if (secret === undefined) {
    throw new ConnectionError(
      'configuration',
      "Refreshing a PLATFORM_OAUTH2 value needs the host's OAuth app: pass oauth2App ({ clientId, clientSecret }).",
    );
  }
  const props = stored.props ?? {};
  // The server's own definition decides where the refresh token goes, as it did for the claim.
  const tokenUrl = buildTokenUrl(definition, props, { allowedHosts: options.allowedHosts, ownCredentials: own });
  const grant = stored.grant_type ?? 'authorization_code';
  const tokens = await requestToken({
    tokenUrl,
    grantType: grant === 'client_credentials' ? 'client_credentials' : 'refresh_token',
    parameters:
      grant === 'client_credentials' ? clientCredentialsParameters(stored.scope, props) : { refresh_token: stored.refresh_token ?? '' },
    clientId: stored.client_id,
    clientSecret: secret,
    authorizationMethod: stored.authorization_method ?? 'BODY',
    invalidGrantMeansReconnect: true,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  // Activepieces' mergeNonNull: what the provider left out keeps its stored value.
  return {
    ...stored,
    ...formatTokenResponse(tokens, (options.now ?? Date.now)()),
    token_url: tokenUrl,
    props: stored.props,
  } as AnyStoredOAuth2Value;
}
