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

const IDLE: StatusView = { busy: false, submit: 'idle', cancellable: false, restartable: false, newTab: false };
const RUNNING: StatusView = { ...IDLE, busy: true, cancellable: true };
const FAILED: StatusView = { ...IDLE, submit: 'retry' };
const ABANDONED: StatusView = { ...FAILED, cancellable: true, restartable: true };

/**
 * One row per status, the one place that decides buttons and labels: the submit button, Cancel,
 * the new-tab button and whether a click may replace a pending OAuth2 flow all read it.
 */
export const STATUS_VIEWS: { readonly [S in ValidationStatus['state']]: StatusView } = {
  idle: IDLE,
  'fields-invalid': IDLE,
  invalid: IDLE,
  error: IDLE,
  timeout: IDLE,
  validating: { ...RUNNING, submit: 'validating' },
  connected: { ...IDLE, submit: 'reconnect' },
  'oauth-waiting': RUNNING,
  'oauth-exchanging': RUNNING,
  'oauth-closed': ABANDONED,
  'oauth-blocked': { ...ABANDONED, newTab: true },
  'oauth-timeout': FAILED,
  'oauth-denied': FAILED,
  'oauth-error': FAILED,
};

/** The view of `status`. */
export const viewOf = (status: ValidationStatus): StatusView => STATUS_VIEWS[status.state];
