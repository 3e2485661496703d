import type { AuthInput, OAuth2Property } from '../definitions/auth-types';
import type { OAuth2Props } from '../definitions/property-types';
import type { ServerContext } from '../definitions/validation';
import { buildTokenUrl, scopeString } from '../oauth/authorization-url';
import type { HostPolicy } from '../oauth/host-policy';
import { createConnectionValueSchema } from '../schema/connection-value-schema';
import { formatTokenResponse } from './format-token-response';
import { definitionFor, runValidate } from './run-validate';
import { ConnectionError, InvalidConnectionValueError } from './server-errors';
import type { AnyStoredConnectionValue, AnyStoredOAuth2Value, StoredConnectionValue } from './stored-connection-value';
import { requestToken } from './token-endpoint';

/**
 * The host's own OAuth app, for values the form emitted with `oauth2.clientId`
 * (`PLATFORM_OAUTH2`). The secret lives on the server only.
 *
 * @example
 * ```ts
 * const app: OAuth2App = { clientId: process.env.GITHUB_CLIENT_ID!, clientSecret: process.env.GITHUB_CLIENT_SECRET! };
 * ```
 */
export interface OAuth2App {
  clientId: string;
  clientSecret: string;
}

/**
 * What the server adds to what the browser sent: its own secrets and settings, never taken
 * from the request.
 *
 * @example
 * ```ts
 * const options: ClaimOptions = {
 *   redirectUrl: 'https://app.example.com/oauth/callback',
 *   oauth2App: { clientId: process.env.GITHUB_CLIENT_ID!, clientSecret: process.env.GITHUB_CLIENT_SECRET! },
 *   server: { apiUrl: 'https://app.example.com/api/', publicUrl: 'https://app.example.com/' },
 * };
 * ```
 */
export interface ClaimOptions {
  /**
   * The redirect URI registered with the provider (the form's `oauth2.redirectUrl`). An
   * authorization-code value with another `redirect_url` is refused before any request.
   */
  redirectUrl?: string | undefined;
  /** The host's own OAuth app, for `PLATFORM_OAUTH2` values (a map per definition is the handler's job). */
  oauth2App?: OAuth2App | undefined;
  /** Passed to the definition's `validate`, as Activepieces passes its `server`. */
  server?: ServerContext | undefined;
  /** Hosts a `{placeholder}` in `tokenUrl` may produce (see the host-placeholder rule). */
  allowedHosts?: HostPolicy['allowedHosts'] | undefined;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch | undefined;
  /** The clock, in ms since the epoch, for `claimed_at`. Defaults to `Date.now`. */
  now?: (() => number) | undefined;
  signal?: AbortSignal | undefined;
  /** For the token request; default 20 s. */
  timeoutMs?: number | undefined;
  /**
   * For the definition's `validate`; default 30 s (the form's own default). A validate that
   * ignores its `signal` (most pieces' do) is still answered in time: a
   * {@link ConnectionRejectedError} saying the check did not finish, and the request goes on.
   */
  validateTimeoutMs?: number | undefined;
}

const NO_SERVER: ServerContext = { apiUrl: '', publicUrl: '' };

/**
 * Claims a connection on the server, as Activepieces' `appConnectionService.upsert` does: checks
 * what the form emitted against the server's own copy of the definition, trades an OAuth2 code
 * (or client credentials) for tokens at the definition's `tokenUrl`, normalises the answer into
 * the stored shape, runs the definition's `validate`, and returns the value to store (encrypted).
 * Nothing that decides where a secret goes (token URL, client secret, redirect URI) is read from
 * the browser's value.
 *
 * @example
 * ```ts
 * import { claimConnection } from 'connection-kit/server';
 *
 * const stored = await claimConnection(githubAuth, body.value, {
 *   redirectUrl: 'https://app.example.com/oauth/callback',
 *   oauth2App: { clientId: process.env.GITHUB_CLIENT_ID!, clientSecret: process.env.GITHUB_CLIENT_SECRET! },
 * });
 * await db.connections.insert({ userId, value: await encrypt(JSON.stringify(stored)) });
 * ```
 */
export async function claimConnection<const A extends AuthInput>(
  auth: A,
  value: unknown,
  options: ClaimOptions = {},
): Promise<StoredConnectionValue<A>> {
  const parsed = createConnectionValueSchema(auth).safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
    const where = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    throw new InvalidConnectionValueError(`The connection value does not fit the definition (${where}).`, issues);
  }
  const checked = parsed.data as AnyStoredConnectionValue | OAuth2Emitted;
  const definition = definitionFor(auth, checked.type);
  const stored: AnyStoredConnectionValue =
    checked.type === 'OAUTH2' || checked.type === 'PLATFORM_OAUTH2'
      ? await claimOAuth2(definition as OAuth2Property<OAuth2Props>, checked as OAuth2Emitted, options)
      : (checked as AnyStoredConnectionValue);
  await runValidate(
    definition,
    stored,
    options.server ?? NO_SERVER,
    options.signal,
    [options.oauth2App?.clientSecret],
    options.validateTimeoutMs,
  );
  return stored as StoredConnectionValue<A>;
}

/** The OAuth2 value as the schema lets it through (both shapes). */
interface OAuth2Emitted {
  type: 'OAUTH2' | 'PLATFORM_OAUTH2';
  client_id: string;
  client_secret?: string | undefined;
  redirect_url: string;
  code: string;
  code_challenge?: string | undefined;
  props?: Record<string, unknown> | undefined;
  authorization_method?: 'HEADER' | 'BODY' | undefined;
  grant_type?: 'authorization_code' | 'client_credentials' | undefined;
}

async function claimOAuth2(
  definition: OAuth2Property<OAuth2Props>,
  value: OAuth2Emitted,
  options: ClaimOptions,
): Promise<AnyStoredOAuth2Value> {
  if ((value as { access_token?: unknown }).access_token !== undefined) {
    // Tokens from the page cannot be trusted, and its exchange has spent the code already.
    throw new InvalidConnectionValueError(
      'The value already carries tokens (the page exchanged the code with oauth2.exchange): leave oauth2.exchange out and let the server claim the code.',
    );
  }
  const props = value.props ?? {};
  const grant = value.type === 'OAUTH2' ? (value.grant_type ?? 'authorization_code') : 'authorization_code';
  const allowed = definition.grantType ?? 'authorization_code';
  if (allowed !== 'both_client_credentials_and_authorization_code' && allowed !== grant) {
    throw new InvalidConnectionValueError(`The definition allows the ${allowed} grant only, and the value asks for ${grant}.`);
  }
  const own = value.type === 'OAUTH2';
  const app = own ? { clientId: value.client_id, clientSecret: value.client_secret! } : options.oauth2App;
  if (!app) {
    throw new ConnectionError(
      'configuration',
      "A PLATFORM_OAUTH2 value needs the host's OAuth app on the server: pass oauth2App ({ clientId, clientSecret }).",
    );
  }
  if (app.clientId !== value.client_id) {
    throw new InvalidConnectionValueError("The value's client_id is not the client id of this server's OAuth app.");
  }
  const code = grant === 'authorization_code';
  if (code) checkRedirect(value.redirect_url, options.redirectUrl);
  if (code && definition.pkce && !value.code_challenge) {
    throw new InvalidConnectionValueError('The definition uses PKCE, and the value has no code_challenge (the PKCE verifier).');
  }
  const tokenUrl = buildTokenUrl(definition, props, { allowedHosts: options.allowedHosts, ownCredentials: own });
  const scope = scopeString(definition, props);
  // From the server's definition, as the token URL: Activepieces' default is BODY.
  const authorizationMethod = definition.authorizationMethod ?? 'BODY';
  const tokens = await requestToken({
    tokenUrl,
    grantType: grant,
    parameters: code
      ? { code: value.code, redirect_uri: value.redirect_url, ...(value.code_challenge ? { code_verifier: value.code_challenge } : {}) }
      : clientCredentialsParameters(scope, props),
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    authorizationMethod,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  const formatted = formatTokenResponse(tokens, (options.now ?? Date.now)());
  const common = {
    ...formatted,
    scope: formatted.scope ?? scope,
    token_url: tokenUrl,
    client_id: app.clientId,
    redirect_url: value.redirect_url,
    props,
    authorization_method: authorizationMethod,
    grant_type: grant,
  };
  return own ? { type: 'OAUTH2', ...common, client_secret: app.clientSecret } : { type: 'PLATFORM_OAUTH2', ...common };
}

/** RFC 6749 §4.1.3: the token request repeats the redirect URI, which must be the registered one. */
function checkRedirect(sent: string, registered: string | undefined) {
  if (registered === undefined) {
    throw new ConnectionError(
      'configuration',
      'Claiming an authorization code needs redirectUrl: the redirect URI registered with the provider.',
    );
  }
  if (sent !== registered) {
    throw new InvalidConnectionValueError("The value's redirect_url is not the redirect URI registered for this server.");
  }
}

/**
 * The client-credentials body Activepieces sends: the scope (placeholders filled) and every prop
 * as a parameter of its own (e.g. an `audience`).
 */
export function clientCredentialsParameters(scope: string, props: Readonly<Record<string, unknown>>): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const [key, v] of Object.entries(props)) if (v !== undefined && v !== null) parameters[key] = String(v);
  if (scope) parameters.scope = scope;
  return parameters;
}
