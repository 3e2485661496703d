/**
 * What went wrong on the server side of a connection, as a machine-readable code. The handler
 * answers each with its own HTTP status (see `statusOf`).
 *
 * @example
 * ```ts
 * const code: ConnectionErrorCode = 'reconnect_needed'; // ask the user to connect again
 * ```
 */
export type ConnectionErrorCode =
  | 'invalid_request'
  | 'invalid_value'
  | 'not_found'
  | 'configuration'
  | 'token_request_failed'
  | 'reconnect_needed'
  | 'validation_failed';

/**
 * The base of every error `connection-kit/server` throws on purpose. Its message names what is
 * wrong and never contains a secret, a code, a verifier or a token: it is safe to log and to
 * show.
 *
 * @example
 * ```ts
 * try {
 *   await claimConnection(auth, value, options);
 * } catch (error) {
 *   if (error instanceof ConnectionError) return Response.json({ error: error.code, message: error.message }, { status: 400 });
 *   throw error;
 * }
 * ```
 */
export class ConnectionError extends Error {
  override name = 'ConnectionError';
  constructor(
    readonly code: ConnectionErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The value the browser sent does not fit the definition (`createConnectionValueSchema`), or
 * does not fit the server's configuration (another redirect URI or client id).
 *
 * @example
 * ```ts
 * if (error instanceof InvalidConnectionValueError) console.warn(error.issues); // paths and messages, no values
 * ```
 */
export class InvalidConnectionValueError extends ConnectionError {
  override name = 'InvalidConnectionValueError';
  constructor(
    message: string,
    /** Where the value is wrong and why: paths and messages only, never the values. */
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super('invalid_value', message);
  }
}

/**
 * The token endpoint refused the request, or answered with something that is not a token
 * response: `error` and `errorDescription` are the provider's (RFC 6749 §5.2), scrubbed of
 * every secret the request carried.
 *
 * @example
 * ```ts
 * if (error instanceof TokenEndpointError && error.error === 'invalid_client') alertOps('check the client secret');
 * ```
 */
export class TokenEndpointError extends ConnectionError {
  override name = 'TokenEndpointError';
  constructor(
    /** The provider's `error` code, or `invalid_response` / `http_error` / `network_error`. */
    readonly error: string,
    readonly errorDescription: string | undefined,
    /** The token endpoint's HTTP status; undefined when no answer came. */
    readonly status: number | undefined,
    code: ConnectionErrorCode = 'token_request_failed',
  ) {
    super(
      code,
      `The token endpoint answered ${error}${errorDescription ? `: ${errorDescription}` : ''}${status ? ` (HTTP ${status})` : ''}.`,
    );
  }
}

/**
 * A refresh was refused with `invalid_grant`: the refresh token was revoked, expired or already
 * used. The connection cannot be repaired on the server; the user has to connect again.
 *
 * @example
 * ```ts
 * try {
 *   stored = await refreshConnection(auth, stored, options);
 * } catch (error) {
 *   if (error instanceof ReconnectNeededError) await markConnection(id, 'needs-reconnect');
 *   else throw error;
 * }
 * ```
 */
export class ReconnectNeededError extends TokenEndpointError {
  override name = 'ReconnectNeededError';
  constructor(errorDescription: string | undefined, status: number | undefined) {
    super('invalid_grant', errorDescription, status, 'reconnect_needed');
  }
}

/**
 * The definition's own `validate` answered `{ valid: false, error }` (or threw): Activepieces
 * refuses such a connection, and so does `claimConnection`. `error` is the definition's text,
 * scrubbed of every secret of the connection.
 *
 * @example
 * ```ts
 * if (error instanceof ConnectionRejectedError) return Response.json({ message: error.message }, { status: 422 });
 * ```
 */
export class ConnectionRejectedError extends ConnectionError {
  override name = 'ConnectionRejectedError';
  constructor(message: string) {
    super('validation_failed', message);
  }
}
