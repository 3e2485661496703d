import type { ValidationStatus } from './validation-status';

/** What the form shows for a status, and which actions exist in it. */
export interface StatusView {
  /** Something is running: the submit button is aria-disabled and the form `busy`. */
  busy: boolean;
  /** The submit button's label: Connect (or Save / Reconnect when editing), Validating…, Reconnect, Try again. */
  submit: 'idle' | 'validating' | 'reconnect' | 'retry';
  /** Something is still listening and may be abandoned explicitly: a Cancel button. */
  cancellable: boolean;
  /** A pending OAuth2 flow that looks abandoned (blocked, or its window seems closed): a new click replaces it. */
  restartable: boolean;
  /** The popup was blocked: the sign-in page may be opened in a new tab instead. */
  newTab: boolean;
}

type State = ValidationStatus['state'];

// Lists rather than a row per status: the same decisions in a third of the bytes.
const RUNNING: readonly State[] = ['validating', 'oauth-waiting', 'oauth-exchanging'];
/** A pending OAuth2 flow that looks abandoned: still listening, but a new click may replace it. */
const ABANDONED: readonly State[] = ['oauth-closed', 'oauth-blocked'];
const FAILED: readonly State[] = [...ABANDONED, 'oauth-timeout', 'oauth-denied', 'oauth-error'];

/**
 * What the form shows for `status`, the one place that decides buttons and labels: the submit
 * button, Cancel, the new-tab button and whether a click may replace a pending OAuth2 flow all
 * read it (test/connection-form/status-view.test.ts holds every status to its row).
 */
export function viewOf({ state }: ValidationStatus): StatusView {
  const busy = RUNNING.includes(state);
  const restartable = ABANDONED.includes(state);
  return {
    busy,
    submit: state === 'validating' ? 'validating' : state === 'connected' ? 'reconnect' : FAILED.includes(state) ? 'retry' : 'idle',
    cancellable: busy || restartable,
    restartable,
    newTab: state === 'oauth-blocked',
  };
}
