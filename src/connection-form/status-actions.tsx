import type { Messages } from '../messages/messages';
import { useFormParts } from '../fields/form-parts';
import { viewOf } from './status-view';
import type { ValidationStatus } from './validation-status';

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
  const view = viewOf(status);
  const { part } = useFormParts();
  const label = view.submit === 'idle' ? (props.idleLabel ?? messages.submit) : messages[view.submit];
  return (
    <>
      <div {...part('actions')}>
        <button
          type="submit"
          {...part('submit-button', 'ck-button ck-submit')}
          disabled={disabled}
          // aria-disabled rather than disabled while busy, so keyboard focus stays on the button.
          aria-disabled={view.busy || undefined}
          // Connected: Reconnect is there, but no longer the action the form is asking for.
          data-variant={view.submit === 'reconnect' ? 'secondary' : undefined}
        >
          {label}
        </button>
        {view.cancellable && (
          <button type="button" {...part('cancel-button', 'ck-button ck-cancel')} onClick={props.onCancel}>
            {messages.cancel}
          </button>
        )}
        {/* A button, not a link: an href would put the authorization URL, with its state, in
            an attribute any script, extension or session-replay tool reads. */}
        {view.newTab && props.onOpenSignInPage && (
          <button type="button" {...part('open-in-new-tab-button', 'ck-button ck-secondary')} onClick={props.onOpenSignInPage}>
            {messages.openInNewTab}
          </button>
        )}
      </div>
      {/* Rendered from the start so that screen readers pick up changes (WCAG 4.1.3). */}
      <div {...part('status')} role="status" aria-live="polite" data-state={status.state}>
        {status.state === 'connected' && (
          <svg {...part('status-icon')} aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
            <circle cx="8" cy="8" r="8" fill="currentColor" />
            <path
              d="M4.5 8.2 7 10.6l4.6-5"
              fill="none"
              stroke="var(--ck-color-bg, #fff)"
              strokeWidth="1.8"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
        )}
        {status.message}
      </div>
    </>
  );
}
