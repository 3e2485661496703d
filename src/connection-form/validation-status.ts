/**
 * Where a submit stands. `message` is what the form shows and announces for it.
 * - `idle`: nothing submitted yet (or cancelled);
 * - `fields-invalid`: the schema found field errors;
 * - `validating`: `validate` is running;
 * - `invalid`: `validate` answered `{ valid: false, error }`;
 * - `error`: `validate` (or the host's `onConnect`) threw, or answered nonsense;
 * - `timeout`: `validate` did not settle in time;
 * - `connected`: the value was emitted;
 * - `oauth-*`: where an OAuth2 popup flow stands (waiting, closed, blocked, timeout, denied,
 *   error, exchanging).
 *
 * @example
 * ```tsx
 * function StatusLine({ status }: { status: ValidationStatus }) {
 *   return (
 *     <p role="status" data-state={status.state}>
 *       {status.message}
 *       {status.url && <a href={status.url} target="_blank" rel="noopener noreferrer">Open the sign-in page</a>}
 *     </p>
 *   );
 * }
 * <StatusLine status={cf.status} />;
 * ```
 */
export type ValidationStatus = {
  state:
    | 'idle'
    | 'fields-invalid'
    | 'validating'
    | 'invalid'
    | 'error'
    | 'timeout'
    | 'connected'
    | 'oauth-waiting'
    | 'oauth-closed'
    | 'oauth-blocked'
    | 'oauth-timeout'
    | 'oauth-denied'
    | 'oauth-error'
    | 'oauth-exchanging';
  message: string;
  /** For `oauth-blocked`: the authorization URL, offered as a plain link. */
  url?: string;
};
