import type { Messages } from '../messages/messages';
import { useFormParts } from '../fields/form-parts';
import type { ValidationStatus } from './validation-status';

const BUSY = new Set<ValidationStatus['state']>(['validating', 'oauth-waiting', 'oauth-exchanging']);
const RETRY = new Set<ValidationStatus['state']>(['oauth-blocked', 'oauth-closed', 'oauth-timeout', 'oauth-denied', 'oauth-error']);
// States where something is still listening and may be abandoned explicitly.
const CANCELLABLE = new Set<ValidationStatus['state']>([...BUSY, 'oauth-closed', 'oauth-blocked']);

/** The submit button, Cancel while something is pending, and the live status line. */
export function StatusActions(props: {
  status: ValidationStatus;
  messages: Messages;
  disabled: boolean;
  onCancel: () => void;
  /** The submit button's idle label: Connect, or Save / Reconnect when editing. */
  idleLabel?: string | undefined;
  /** After a blocked popup: opens the sign-in page in a new tab (from the click). */
  onOpenSignInPage?: (() => void) | undefined;
}) {
  const { status, messages, disabled } = props;
  const busy = BUSY.has(status.state);
  const { part } = useFormParts();
  const label =
    status.state === 'validating'
      ? messages.validating
      : status.state === 'connected'
        ? messages.reconnect
        : RETRY.has(status.state)
          ? messages.retry
          : (props.idleLabel ?? messages.submit);
  return (
    <>
      <div {...part('actions')}>
        <button
          type="submit"
          {...part('submit-button', 'ck-button ck-submit')}
          disabled={disabled}
          // aria-disabled rather than disabled while busy, so keyboard focus stays on the button.
          aria-disabled={busy || undefined}
        >
          {label}
        </button>
        {CANCELLABLE.has(status.state) && (
          <button type="button" {...part('cancel-button', 'ck-button ck-cancel')} onClick={props.onCancel}>
            {messages.cancel}
          </button>
        )}
        {/* A button, not a link: an href would put the authorization URL, with its state, in
            an attribute any script, extension or session-replay tool reads. */}
        {status.state === 'oauth-blocked' && props.onOpenSignInPage && (
          <button type="button" {...part('open-in-new-tab-button', 'ck-button ck-secondary')} onClick={props.onOpenSignInPage}>
            {messages.openInNewTab}
          </button>
        )}
      </div>
      {/* Rendered from the start so that screen readers pick up changes (WCAG 4.1.3). */}
      <div {...part('status')} role="status" aria-live="polite" data-state={status.state}>
        {status.message}
      </div>
    </>
  );
}
