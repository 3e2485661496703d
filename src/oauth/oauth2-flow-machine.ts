import type { OAuth2Outcome } from './popup-flow';

/**
 * Why a sign-in ended without a connection value: outcomes, not messages (the form words them,
 * `connection-form/flow-status.ts`). `scrub` lists what the provider's text must never show:
 * what the user typed and what the flow learned (code, verifier, tokens).
 */
export type OAuth2FlowFailure =
  | { reason: 'timeout' }
  | { reason: 'denied'; description: string; scrub: readonly string[] }
  | { reason: 'provider-error'; error: string; description: string; scrub: readonly string[] }
  | { reason: 'invalid-callback'; detail: string }
  | { reason: 'exchange-failed'; error: unknown; scrub: readonly string[] }
  /** The definition or the host's `oauth2` cannot make a safe URL; `message` names what. */
  | { reason: 'config'; message: string | undefined };

/**
 * Where one form's authorization-code flow stands.
 * - `idle`: no flow (none yet, cancelled, or the form switched method);
 * - `waiting`: the sign-in window is open and the flow listens for its callback;
 * - `closed`: still listening, but the window has read as closed for a while (only a hint: a
 *   provider's COOP makes `closed` read true during consent); a new click replaces the flow;
 * - `blocked`: the browser refused the popup; the flow listens for a new tab opened from a
 *   click (`openSignInPage`), and a new click replaces it;
 * - `exchanging`: a code arrived and the host's `exchange` runs;
 * - `failed`: it ended without a value (see {@link OAuth2FlowFailure});
 * - `done`: the value was handed to the validation run.
 */
export type OAuth2FlowState =
  | { name: 'idle' }
  | { name: 'waiting' }
  | { name: 'closed' }
  | { name: 'blocked' }
  | { name: 'exchanging' }
  | { name: 'failed'; failure: OAuth2FlowFailure }
  | { name: 'done' };

/** What can happen to a flow: the user's actions, and what the window and the exchange report. */
export type OAuth2FlowEvent =
  | { type: 'start' }
  | { type: 'config-error'; message: string | undefined }
  | { type: 'closed-hint' }
  | { type: 'blocked' }
  /** A code arrived: `exchange` says whether the host's exchange runs before the value exists. */
  | { type: 'code'; exchange: boolean }
  | { type: 'exchanged' }
  | { type: 'failed'; failure: OAuth2FlowFailure }
  | { type: 'cancel' };

export const IDLE: OAuth2FlowState = { name: 'idle' };

type Name = OAuth2FlowState['name'];

/** Still listening for the callback. */
const LISTENING: readonly Name[] = ['waiting', 'closed', 'blocked'];
/** A click may start a flow here: nothing runs, or what runs looks abandoned (security note 13). */
const STARTABLE: readonly Name[] = ['idle', 'closed', 'blocked', 'failed', 'done'];

/** Whether a click may start a flow now (replacing an abandoned one). */
export const canStart = (state: OAuth2FlowState): boolean => STARTABLE.includes(state.name);

/**
 * The next state: pure, and total. An event that does not apply to the state (a late callback
 * after a cancel, a second click while waiting) leaves it as it is, the same object.
 */
export function transition(state: OAuth2FlowState, event: OAuth2FlowEvent): OAuth2FlowState {
  const listening = LISTENING.includes(state.name);
  switch (event.type) {
    case 'start':
      return canStart(state) ? { name: 'waiting' } : state;
    case 'config-error':
      return canStart(state) ? { name: 'failed', failure: { reason: 'config', message: event.message } } : state;
    case 'closed-hint':
      return state.name === 'waiting' ? { name: 'closed' } : state;
    case 'blocked':
      return state.name === 'waiting' ? { name: 'blocked' } : state;
    case 'code':
      return listening ? { name: event.exchange ? 'exchanging' : 'done' } : state;
    case 'exchanged':
      return state.name === 'exchanging' ? { name: 'done' } : state;
    case 'failed':
      return listening || state.name === 'exchanging' ? { name: 'failed', failure: event.failure } : state;
    case 'cancel':
      return state.name === 'idle' ? state : IDLE;
  }
}

/**
 * The event a callback listener's outcome is. `exchange`: the host exchanges the code;
 * `scrub`: what the provider's text must not show.
 */
export function eventOf(outcome: OAuth2Outcome, exchange: boolean, scrub: readonly string[]): OAuth2FlowEvent {
  switch (outcome.type) {
    case 'code':
      return { type: 'code', exchange };
    case 'blocked':
      return { type: 'blocked' };
    case 'cancelled':
      return { type: 'cancel' };
    case 'timeout':
      return { type: 'failed', failure: { reason: 'timeout' } };
    case 'denied':
      return { type: 'failed', failure: { reason: 'denied', description: outcome.description ?? '', scrub } };
    case 'provider-error':
      return { type: 'failed', failure: { reason: 'provider-error', error: outcome.error, description: outcome.description ?? '', scrub } };
    case 'invalid-callback':
      return { type: 'failed', failure: { reason: 'invalid-callback', detail: outcome.reason } };
  }
}
