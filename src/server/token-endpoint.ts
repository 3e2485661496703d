import * as oauth from 'oauth4webapi';
import { redact } from '../connection-form/redact';
import type { OAuth2AuthorizationMethod } from '../definitions/property-type';
import { ReconnectNeededError, TokenEndpointError } from './server-errors';

/** One request to a token endpoint (RFC 6749 §3.2), described without any transport detail. */
export interface TokenRequest {
  /** Already filled and checked (https, or http on loopback). */
  tokenUrl: string;
  grantType: 'authorization_code' | 'refresh_token' | 'client_credentials';
  /** The grant's own parameters (`code`, `redirect_uri`, `code_verifier`, `scope`, props, ...). */
  parameters: Record<string, string>;
  clientId: string;
  clientSecret?: string | undefined;
  /** HEADER = HTTP Basic (client_secret_basic); BODY = in the form (client_secret_post). Activepieces' default is BODY. */
  authorizationMethod: OAuth2AuthorizationMethod;
  fetch?: typeof fetch | undefined;
  signal?: AbortSignal | undefined;
  /** Default 20 s, as Activepieces' refresh. */
  timeoutMs?: number | undefined;
  /** A refresh's `invalid_grant` means "reconnect"; a claim's means a bad or spent code. */
  invalidGrantMeansReconnect?: boolean | undefined;
}

/** A token endpoint's success answer, parsed and checked (`access_token` is a string). */
export type TokenResponse = Record<string, unknown> & { access_token: string };

/**
 * Sends the token request with oauth4webapi (form-encoded body, `Accept: application/json`,
 * client authentication per RFC 6749 §2.3.1, no redirects followed) and reads the answer with
 * {@link readTokenResponse}, which accepts what real providers send (see there).
 */
export async function requestToken(request: TokenRequest): Promise<TokenResponse> {
  const url = new URL(request.tokenUrl);
  const as: oauth.AuthorizationServer = { issuer: url.origin, token_endpoint: url.href };
  const client: oauth.Client = { client_id: request.clientId };
  const clientAuth =
    request.clientSecret === undefined
      ? oauth.None()
      : request.authorizationMethod === 'HEADER'
        ? basicAsActivepieces(request.clientSecret)
        : oauth.ClientSecretPost(request.clientSecret);
  const timeout = AbortSignal.timeout(request.timeoutMs ?? 20_000);
  const options: oauth.TokenEndpointRequestOptions = {
    signal: request.signal ? eitherSignal(request.signal, timeout) : timeout,
    // buildTokenUrl already allows http only on loopback (development and tests).
    [oauth.allowInsecureRequests]: url.protocol === 'http:',
    ...(request.fetch ? { [oauth.customFetch]: request.fetch } : {}),
  };
  const secrets = secretsOf(request);
  let response: Response;
  try {
    const parameters = new URLSearchParams(request.parameters);
    response =
      request.grantType === 'refresh_token'
        ? await oauth.refreshTokenGrantRequest(as, client, clientAuth, request.parameters.refresh_token ?? '', {
            ...options,
            additionalParameters: withoutKey(parameters, 'refresh_token'),
          })
        : request.grantType === 'client_credentials'
          ? await oauth.clientCredentialsGrantRequest(as, client, clientAuth, parameters, options)
          : // authorizationCodeGrantRequest wants the callback parameters it validated itself; the
            // browser checked this callback's state, so the generic request sends the same body.
            await oauth.genericTokenEndpointRequest(as, client, clientAuth, 'authorization_code', parameters, options);
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'could not be reached';
    throw new TokenEndpointError('network_error', `the token endpoint ${reason}${detail(error, secrets)}`, undefined);
  }
  return readTokenResponse(response, secrets, request.invalidGrantMeansReconnect ?? false);
}

/** Aborts when either does: `AbortSignal.any`, which Node gained in 20.3, or the same by hand. */
function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b]);
  const controller = new AbortController();
  for (const signal of [a, b]) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

/**
 * HEADER as Activepieces sends it: `Basic base64(client_id:client_secret)`, the two joined as
 * they are. oauth4webapi's `ClientSecretBasic` form-encodes both first (RFC 6749 §2.3.1), so
 * `-` and `.` become `%2D` and `%2E`; providers that do not decode them (many of those pieces
 * talk to) would refuse ids like Google's `….apps.googleusercontent.com`.
 */
function basicAsActivepieces(clientSecret: string): oauth.ClientAuth {
  return (_as, client, _body, headers) => {
    const bytes = new TextEncoder().encode(`${client.client_id}:${clientSecret}`);
    headers.set('authorization', `Basic ${btoa(String.fromCharCode(...bytes))}`);
  };
}

/** What must never appear in an error: the client secret, the code, the verifier, tokens, and the props sent along. */
function secretsOf(request: TokenRequest): string[] {
  const { code, code_verifier, refresh_token, redirect_uri: _r, scope: _s, ...props } = request.parameters;
  // Short prop values ("eu", "1") would scrub ordinary words; secrets are longer.
  const longProps = Object.values(props).filter((v) => v.length >= 8);
  return [request.clientSecret, code, code_verifier, refresh_token, ...longProps].filter((s): s is string => Boolean(s));
}

function withoutKey(params: URLSearchParams, key: string): URLSearchParams {
  const copy = new URLSearchParams(params);
  copy.delete(key);
  return copy;
}

function detail(error: unknown, secrets: readonly string[]): string {
  const text = error instanceof Error ? redact(error.message, secrets) : '';
  return text ? ` (${text})` : '';
}

/**
 * Reads a token endpoint's answer as Activepieces (axios) does, where oauth4webapi's
 * `processGenericTokenEndpointResponse` is stricter than the providers pieces talk to:
 * - a form-encoded body (GitHub, some older servers) is read like JSON;
 * - HTTP 200 with `ok: false` or an `error` (Slack) is an error, not a token;
 * - a missing `token_type`, or one other than Bearer/DPoP (Slack's `bot`), is kept as sent;
 * - an `id_token` is kept in `data`, not verified: a piece's definition names no issuer to check
 *   it against, and the connection does not authenticate the user.
 * Every error carries the provider's `error`/`error_description` with the request's secrets scrubbed.
 */
async function readTokenResponse(
  response: Response,
  secrets: readonly string[],
  invalidGrantMeansReconnect: boolean,
): Promise<TokenResponse> {
  const body = parseBody(await response.text().catch(() => ''), response.headers.get('content-type') ?? '');
  const error = typeof body?.error === 'string' ? body.error : body?.ok === false ? 'provider_error' : undefined;
  if (!response.ok || error !== undefined) {
    const description = typeof body?.error_description === 'string' ? redact(body.error_description, secrets) : undefined;
    const code = error === undefined ? 'http_error' : redact(error, secrets);
    if (code === 'invalid_grant' && invalidGrantMeansReconnect) throw new ReconnectNeededError(description, response.status);
    throw new TokenEndpointError(code, description, response.status);
  }
  if (!body)
    throw new TokenEndpointError('invalid_response', 'the token endpoint answered neither JSON nor a form-encoded body', response.status);
  if (typeof body.access_token !== 'string' || body.access_token === '') {
    throw new TokenEndpointError('invalid_response', 'the token response has no access_token', response.status);
  }
  return body as TokenResponse;
}

/** A JSON object, a form-encoded body, or undefined. */
function parseBody(text: string, contentType: string): Record<string, unknown> | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const json: unknown = JSON.parse(trimmed);
      return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
  const form = /application\/x-www-form-urlencoded/i.test(contentType) || /^[\w.~-]+=[^\s<>]*(&[\w.~-]+=[^\s<>]*)*$/.test(trimmed);
  return form && trimmed !== '' ? Object.fromEntries(new URLSearchParams(trimmed)) : undefined;
}
