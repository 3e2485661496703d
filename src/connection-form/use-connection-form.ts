import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { AuthInput } from '../definitions/auth-types';
import type { InitialConnectionValue } from '../definitions/connection-value';
import { createFieldErrorStore } from '../fields/field-error-store';
import { defaultMessages, type Messages } from '../messages/messages';
import type { FormValues } from '../schema/form-schema';
import type { ConnectionFormOptions } from './connection-form-props';
import type { ConnectionFormState, MethodOf, OAuth2Grant } from './connection-form-state';
import { definitionValidator, initialGrant, needsClientFields, prefilledName } from './method-helpers';
import { useAuthMethods } from './use-auth-methods';
import { type ModelOptionsOf, useFormModel } from './use-form-model';
import { useOAuth2Flow } from './use-oauth2-flow';
import { useSubmission } from './use-submission';
import { type RunValidator, useValidationRun } from './use-validation-run';
import { viewOf } from './status-view';

export type { ConnectionFormState, OAuth2Grant } from './connection-form-state';

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The headless core of {@link ConnectionForm}: fields, state, submit and the OAuth2 actions of
 * one definition, for hosts that render their own UI. `<ConnectionForm>` is built on it.
 * The pieces: the method list and grant (here), the model and its form (`useFormModel`), the
 * validation run (`useValidationRun`), the OAuth2 flow (`useOAuth2Flow`) and the submit
 * (`useSubmission`).
 *
 * @example
 * ```tsx
 * const cf = useConnectionForm(auth, { onConnect: save });
 * return (
 *   <form onSubmit={cf.submit} noValidate>
 *     {cf.fields.map((f) => <MyField key={f.name} field={f} control={cf.control} />)}
 *     <button aria-disabled={cf.busy}>Connect</button>
 *     <p role="status">{cf.status.message}</p>
 *   </form>
 * );
 * ```
 */
export function useConnectionForm<A extends AuthInput, I extends InitialConnectionValue<A> | undefined = undefined>(
  auth: A,
  options: ConnectionFormOptions<A, I>,
): ConnectionFormState<A> {
  const disabled = options.disabled ?? false;
  const messages = useMemo<Messages>(() => ({ ...defaultMessages, ...options.messages }), [options.messages]);
  const { connectionName, defaultConnectionName } = options;
  const { methods, problem, labels, initial, initialOf, method, setSelected, current, oauth, grant, setGrant } = useAuthMethods(
    auth,
    options.translate,
    options.initialValue,
    messages,
  );
  // `clientId: ''` (or blank) is no client id: the user's own app, its fields shown, and never an
  // empty `client_id=` sent. Normalised here, once, for everything that reads the config.
  const oauth2Config = useMemo(
    () => options.oauth2 && { ...options.oauth2, clientId: options.oauth2.clientId?.trim() ? options.oauth2.clientId : undefined },
    [options.oauth2],
  );
  const hostClientId = oauth2Config?.clientId;
  const popupFlow = Boolean(oauth) && grant === 'authorization_code';

  const optionsOf = useCallback<ModelOptionsOf>(
    (index, auth, withClientFields) => ({
      withClientFields,
      initial: initialOf(index),
      connectionName:
        typeof connectionName === 'string' ? connectionName : connectionName ? prefilledName(auth, defaultConnectionName) : undefined,
    }),
    [initialOf, connectionName, defaultConnectionName],
  );
  const { model, form, switchTo } = useFormModel(current, method, needsClientFields(current, grant, hostClientId), messages, optionsOf);
  const run = useValidationRun({
    hostValidator: options.validate as RunValidator | undefined,
    definitionValidator: definitionValidator(current),
    onConnect: options.onConnect as (value: never, details: never) => unknown,
    server: options.server,
    timeoutMs: options.validateTimeoutMs ?? DEFAULT_TIMEOUT_MS,
    messages,
  });
  const flow = useOAuth2Flow({ auth: oauth, config: oauth2Config, model, form, run, messages });
  // What the form shows: the OAuth2 flow's state while it has one, else the validation run's.
  const status = flow.status ?? run.status;

  const chooseGrant = useCallback(
    (next: OAuth2Grant) => {
      if (next === grant) return;
      // A grant the user switched away from must not emit later, as a method (security note 17).
      run.cancel();
      flow.cancel();
      setGrant(next);
    },
    [grant, run.cancel, flow.cancel, setGrant],
  );
  // What the user typed per method, so switching back restores it.
  const typed = useRef(new Map<number, FormValues>());
  const selectMethod = useCallback(
    (index: number) => {
      if (index === method) return;
      // A method the user switched away from must not emit later (security note 17).
      run.cancel();
      flow.cancel();
      typed.current.set(method, form.getValues());
      const next = methods[index];
      const nextGrant = initialGrant(next, initialOf(index));
      setSelected(index);
      setGrant(nextGrant);
      switchTo(index, next, needsClientFields(next, nextGrant, hostClientId), typed.current.get(index));
    },
    [method, methods, form, run.cancel, flow.cancel, initialOf, switchTo, hostClientId, setSelected, setGrant],
  );

  // One errors subscription for all rows (see fields/field-error-store.ts).
  const errorStore = useMemo(createFieldErrorStore, []);
  useEffect(() => form.subscribe({ formState: { errors: true }, callback: ({ errors }) => errorStore.set(errors) }), [form, errorStore]);

  const submit = useSubmission({
    oauth,
    popupFlow,
    model,
    form,
    run,
    flow,
    messages,
    redirectUrl: options.oauth2?.redirectUrl,
    blocked: disabled || Boolean(problem),
  });

  return {
    problem,
    messages,
    methods: methods.map((m, i) => ({ label: labels[i]!, type: m?.type ?? 'NO_AUTH' })),
    method,
    selectMethod,
    // One of `auth`'s own methods (or its translated copy, the same shape).
    auth: current as MethodOf<A> | undefined,
    editing: initial !== undefined,
    fields: model.fields,
    errorStore,
    control: form.control,
    form,
    status,
    busy: viewOf(status).busy,
    disabled,
    submit,
    cancel: () => {
      flow.cancel();
      run.cancel();
    },
    oauth2: oauth && {
      grant,
      setGrant: chooseGrant,
      canChooseGrant: oauth.grantType === 'both_client_credentials_and_authorization_code',
      redirectUrlToRegister: popupFlow && !hostClientId ? options.oauth2?.redirectUrl : undefined,
      openSignInPage: flow.openSignInPage,
    },
  };
}
