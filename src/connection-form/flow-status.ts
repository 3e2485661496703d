import type { Messages } from '../messages/messages';
import type { OAuth2FlowFailure, OAuth2FlowState } from '../oauth/oauth2-flow-machine';
import type { redact as Redact } from './redact';
import type { ValidationStatus } from './validation-status';

/** A failed flow in words: the provider's own text scrubbed of every secret the flow knows. */
function failureStatus(failure: OAuth2FlowFailure, messages: Messages, redact: typeof Redact): ValidationStatus {
  switch (failure.reason) {
    case 'timeout':
      return { state: 'oauth-timeout', message: messages.oauthTimeout };
    case 'denied':
      return { state: 'oauth-denied', message: messages.oauthDenied(redact(failure.description, failure.scrub)) };
    case 'provider-error':
      return {
        state: 'oauth-error',
        message: messages.oauthProviderError(redact(failure.error, failure.scrub), redact(failure.description, failure.scrub)),
      };
    case 'invalid-callback':
      return { state: 'oauth-error', message: messages.oauthInvalidCallback(failure.detail) };
    case 'exchange-failed':
      return { state: 'oauth-error', message: messages.oauthExchangeFailed(redact(failure.error, failure.scrub)) };
    case 'config':
      return { state: 'error', message: failure.message ?? messages.oauthNotConfigured };
  }
}

/**
 * What the form shows for where its OAuth2 flow stands; undefined when the flow has nothing to
 * say (idle, or done: the validation run's status shows then). The form's status is this, or
 * else the run's: `status-view.ts` turns it into buttons. In the OAuth2 chunk, so `redact` (of the
 * main chunk) comes in as an argument.
 * @public read off the lazily imported module (`loadOAuth2Flow`), which knip cannot follow.
 */
export function flowStatus(state: OAuth2FlowState, messages: Messages, redact: typeof Redact): ValidationStatus | undefined {
  switch (state.name) {
    case 'idle':
    case 'done':
      return undefined;
    case 'waiting':
      return { state: 'oauth-waiting', message: messages.oauthWaiting };
    case 'closed':
      return { state: 'oauth-closed', message: messages.oauthClosed };
    case 'blocked':
      return { state: 'oauth-blocked', message: messages.oauthBlocked };
    case 'exchanging':
      return { state: 'oauth-exchanging', message: messages.oauthExchanging };
    case 'failed':
      return failureStatus(state.failure, messages, redact);
  }
}
