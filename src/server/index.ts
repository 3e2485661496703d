/**
 * `connection-kit/server`: the server half of a connection, as Activepieces' server does it.
 * Claims what `<ConnectionForm>` emitted (an OAuth2 code is traded for tokens at the
 * definition's own `tokenUrl`, client credentials are requested, every auth type is run through
 * the definition's `validate`), refreshes OAuth2 tokens when due, and serves both as a
 * Web-standard `(Request) => Promise<Response>` handler. No React, no DOM: Web `fetch`,
 * `Request`/`Response` and WebCrypto only (Node >= 20, Bun, Deno, edge runtimes).
 *
 * @example
 * ```ts
 * import { claimConnection, refreshConnection } from 'connection-kit/server';
 *
 * const stored = await claimConnection(githubAuth, body.value, { redirectUrl, oauth2App });
 * const fresh = await refreshConnection(githubAuth, stored, { oauth2App, key: connectionId });
 * ```
 *
 * Keep this file and everything it imports free of React and `window`/`document`:
 * `test/server` walks its imports, and `scripts/check-package.mjs` runs the built file in bare Node.
 */
export { claimConnection } from './claim-connection';
export type { ClaimOptions, OAuth2App } from './claim-connection';
export { refreshConnection, isRefreshDue } from './refresh-connection';
export { restoreKeptSecrets } from './restore-kept-secrets';
export type { RefreshLock, RefreshOptions } from './refresh-connection';
export { createConnectionHandler } from './connection-handler';
export type { ConnectionHandlerOptions, ConnectionRecord, ConnectionStore } from './connection-handler';
export type { ConnectionView } from './connection-view';
export {
  ConnectionError,
  ConnectionRejectedError,
  InvalidConnectionValueError,
  ReconnectNeededError,
  TokenEndpointError,
} from './server-errors';
export type { ConnectionErrorCode } from './server-errors';
export type {
  AnyStoredConnectionValue,
  AnyStoredOAuth2Value,
  StoredConnectionValue,
  StoredOAuth2ConnectionValue,
  StoredOAuth2Fields,
  StoredPlatformOAuth2ConnectionValue,
} from './stored-connection-value';
export { OAuth2ConfigError } from '../oauth/oauth2-error';
export type { HostPolicy } from '../oauth/host-policy';
