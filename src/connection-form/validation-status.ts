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
 *   error, exchanging). For `oauth-blocked`, `oauth2.openSignInPage()` opens the sign-in page
 *   in a new tab; the status never carries its URL (its `state` must stay in memory).
 *
 * @example
 * ```tsx
 * function StatusLine({ cf }: { cf: ConnectionFormState }) {
 *   return (
 *     <>
 *       <p role="status" data-state={cf.status.state}>{cf.status.message}</p>
 *       {cf.status.state === 'oauth-blocked' && (
 *         <button type="button" onClick={cf.oauth2?.openSignInPage}>Open the sign-in page in a new tab</button>
 *       )}
 *     </>
 *   );
 * }
 * <StatusLine cf={cf} />;
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
};
