import type { FormEvent } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { OAuth2Property } from '../definitions/auth-types';
import type { OAuth2Props } from '../definitions/property-types';
import type { Messages } from '../messages/messages';
import { kindOf } from '../schema/auth-kinds';
import type { AuthModel } from '../schema/auth-model';
import type { FormValues } from '../schema/form-schema';
import { clientOf, collectSecrets, detailsOf, toPropsValue } from '../schema/to-connection-value';
import { basicAuthSecrets, redact } from './redact';
import { loadOAuth2Flow, type useOAuth2Flow } from './use-oauth2-flow';
import type { useValidationRun } from './use-validation-run';

interface SubmissionOptions {
  /** Set for an OAuth2 method. */
  oauth: OAuth2Property<OAuth2Props> | undefined;
  /** The authorization-code grant of an OAuth2 method: a submit opens the popup. */
  popupFlow: boolean;
  model: AuthModel;
  form: UseFormReturn<FormValues>;
  run: ReturnType<typeof useValidationRun>;
  flow: ReturnType<typeof useOAuth2Flow>;
  messages: Messages;
  redirectUrl: string | undefined;
  /** Submits are ignored while disabled or while the definition cannot be rendered. */
  blocked: boolean;
}

/** Every secret of a parsed form, so error text can be scrubbed of them (BasicAuth: its header too). */
function secretsOf(model: AuthModel, parsed: FormValues): string[] {
  const { username, password } = parsed;
  const header =
    model.auth?.type === 'BASIC_AUTH' && typeof password === 'string' && password ? basicAuthSecrets(String(username ?? ''), password) : [];
  return [...collectSecrets(model.fields, parsed), ...model.savedSecrets, ...header];
}

/**
 * The form's submit: for the OAuth2 popup flow it opens the popup inside the event; otherwise
 * it parses the fields, builds the value (the kind's row, or the client-credentials value of
 * the OAuth2 module) and starts the validation run that emits it.
 */
export function useSubmission({ oauth, popupFlow, model, form, run, flow, messages, redirectUrl, blocked }: SubmissionOptions) {
  const submitFields = form.handleSubmit(
    async (parsed) => {
      const { fields } = model;
      let value: unknown;
      // An OAuth2 definition's validate takes the tokens, which only the popup flow has.
      let validateAuth: unknown;
      if (oauth) {
        // The client_credentials grant (no popup): its value is built by the OAuth2 module.
        let flowModule: Awaited<ReturnType<typeof loadOAuth2Flow>>;
        try {
          flowModule = await loadOAuth2Flow();
        } catch (error) {
          return run.report({ state: 'oauth-error', message: messages.oauthExchangeFailed(redact(error, [])) });
        }
        value = flowModule.clientCredentialsValue(oauth, toPropsValue(fields, parsed), redirectUrl ?? '', clientOf(parsed));
      } else {
        const kind = kindOf(model.auth);
        const made = kind.value(fields, parsed);
        value = made;
        validateAuth = made && kind.validateArg(made);
      }
      return run.start({ validateAuth, value, secrets: secretsOf(model, parsed), details: detailsOf(parsed) });
    },
    (errors) => run.reportFieldErrors(errors, model.fields),
  );

  return (event?: FormEvent) => {
    event?.preventDefault();
    if (blocked) return;
    // The popup must open inside this very event (Enter or click): no await before it.
    if (popupFlow) flow.connect();
    // While a run is pending, another submit is ignored (security note 18).
    else if (!run.isRunning()) void submitFields();
  };
}
