import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useForm, type Control, type Resolver, type UseFormReturn } from 'react-hook-form';
import type { AuthDefinition, AuthInput, OAuth2Property } from '../definitions/auth-types';
import type { OAuth2Props } from '../definitions/property-types';
import type { InitialConnectionValue } from '../definitions/connection-value';
import { defaultMessages, type Messages } from '../messages/messages';
import { buildAuthModel } from '../schema/auth-model';
import type { FieldModel } from '../schema/field-model';
import type { FormValues } from '../schema/form-schema';
import { normalizeAuthInput } from '../schema/normalize-auth-input';
import { translateAuth } from '../definitions/translate-auth';
import { kindOf } from '../schema/auth-kinds';
import { collectSecrets, detailsOf, toPropsValue } from '../schema/to-connection-value';
import type { ConnectionFormOptions } from './connection-form-props';
import { isKeptSecret } from '../definitions/kept-secret';
import { DEFAULT_CONNECTION_DISPLAY_NAME } from '../definitions/property-type';
import { findDefinitionProblem } from './definition-error-panel';
import { methodLabels } from './method-picker';
import { FORM_HELPERS, loadOAuth2Flow, useOAuth2Flow } from './use-oauth2-flow';
import { basicAuthSecrets as basicAuthForms, redact } from './redact';
import { useValidationRun, type RunValidator } from './use-validation-run';
import type { ValidationStatus } from './validation-status';
import { withBadNumberInput } from './with-bad-number-input';
import { createFieldErrorStore, type FieldErrorStore } from '../fields/field-error-store';

const DEFAULT_TIMEOUT_MS = 30_000;

/** For BasicAuth, the base64 `username:password` of an Authorization header, to redact too. */
function basicAuthSecrets(auth: AuthDefinition | undefined, parsed: FormValues): string[] {
  const { username, password } = parsed;
  if (auth?.type !== 'BASIC_AUTH' || typeof password !== 'string' || !password) return [];
  return basicAuthForms(String(username ?? ''), password);
}
const BUSY = new Set<ValidationStatus['state']>(['validating', 'oauth-waiting', 'oauth-exchanging']);

/**
 * An OAuth2 grant the user can be asked for.
 *
 * @example
 * ```tsx
 * {cf.oauth2?.canChooseGrant && (
 *   <select value={cf.oauth2.grant} onChange={(e) => cf.oauth2?.setGrant(e.target.value as OAuth2Grant)}>
 *     <option value="authorization_code">Sign in with the provider</option>
 *     <option value="client_credentials">Client credentials</option>
 *   </select>
 * )}
 * ```
 */
export type OAuth2Grant = 'authorization_code' | 'client_credentials';

/**
 * Everything a host needs to render its own connection form (see {@link useConnectionForm}).
 *
 * @example
 * ```tsx
 * function Actions({ cf }: { cf: ConnectionFormState }) {
 *   return cf.busy ? (
 *     <button type="button" onClick={cf.cancel}>Cancel</button>
 *   ) : (
 *     <button type="submit" aria-disabled={cf.disabled}>Connect</button>
 *   );
 * }
 * ```
 */
export interface ConnectionFormState {
  /** Why the definition cannot be rendered at all, or undefined. */
  problem: string | undefined;
  messages: Messages;
  /** The alternative methods (one entry unless `auth` is an array), labelled for a picker. */
  methods: { label: string; type: string }[];
  /** The selected method's index, and how to change it (what was typed is kept per method). */
  method: number;
  selectMethod: (index: number) => void;
  /** The selected method's definition. */
  auth: AuthDefinition | undefined;
  /** Its fields, in order: render each (e.g. with `FieldRow`) bound to `control`. */
  fields: FieldModel[];
  control: Control<FormValues>;
  /** Per-field error messages for `FieldErrorStoreContext` (one subscription for all rows). */
  errorStore: FieldErrorStore;
  form: UseFormReturn<FormValues>;
  /** True when the form edits a saved connection (`initialValue`). */
  editing: boolean;
  /** Where the submit stands; `status.message` is what to show and announce. */
  status: ValidationStatus;
  /** True while `validate`, an OAuth2 popup or a token exchange is pending. */
  busy: boolean;
  disabled: boolean;
  /**
   * The form's submit handler. For the OAuth2 popup flow it opens the popup synchronously, so
   * call it directly from the click or submit event.
   */
  submit: (event?: FormEvent) => void;
  /** Cancels a pending `validate` or OAuth2 flow. */
  cancel: () => void;
  /** OAuth2 only: the grant in use, whether the user may choose it, and the URL to register. */
  oauth2?:
    | {
        grant: OAuth2Grant;
        setGrant: (grant: OAuth2Grant) => void;
        canChooseGrant: boolean;
        /** Set when the user brings their own OAuth app and must register this redirect URL. */
        redirectUrlToRegister?: string | undefined;
        /**
         * When `status.state` is `oauth-blocked`: opens the sign-in page in a new tab. Call it from
         * a click (a button, not a link: the URL, with its `state`, never leaves the flow).
         */
        openSignInPage: () => void;
      }
    | undefined;
}

/** The connection name to prefill: the host's default, else a display name that says something. */
function prefilledName(auth: AuthDefinition | undefined, hostDefault: string | undefined): string {
  if (hostDefault) return hostDefault;
  const own = typeof auth?.displayName === 'string' ? auth.displayName.trim() : '';
  return own && own !== DEFAULT_CONNECTION_DISPLAY_NAME ? own : DEFAULT_CONNECTION_DISPLAY_NAME;
}

/** Whether a `validate` auth argument holds a kept secret's marker (top level or one prop deep). */
const holdsKeptSecret = (auth: unknown) =>
  isKeptSecret(auth) || (typeof auth === 'object' && auth !== null && Object.values(auth).some(isKeptSecret));

function definitionValidator(auth: AuthDefinition | undefined): RunValidator | undefined {
  const validate = auth?.validate as ((p: object) => ReturnType<RunValidator>) | undefined;
  if (typeof validate !== 'function') return undefined;
  // Exactly Activepieces' `{ auth, server }`, plus the signal. A kept secret is a marker the
  // definition cannot use: the browser never saw the secret, so the host's server checks it.
  return ({ auth: value, server, signal }) => (holdsKeptSecret(value) ? { valid: true } : validate({ auth: value, server, signal }));
}

/** The method of `methods` that `initial` (a saved connection value) belongs to, by its type. */
function methodOf(methods: readonly (AuthDefinition | undefined)[], initial: unknown): number {
  const type = (initial as { type?: unknown } | undefined)?.type;
  const wanted = type === 'PLATFORM_OAUTH2' ? 'OAUTH2' : type === 'NO_AUTH' ? undefined : type;
  return Math.max(
    0,
    methods.findIndex((m) => m?.type === wanted),
  );
}

function initialGrant(auth: AuthDefinition | undefined, initial?: unknown): OAuth2Grant {
  if (auth?.type !== 'OAUTH2') return 'authorization_code';
  const saved = (initial as { grant_type?: unknown } | undefined)?.grant_type;
  const both = auth.grantType === 'both_client_credentials_and_authorization_code';
  return auth.grantType === 'client_credentials' || (both && saved === 'client_credentials') ? 'client_credentials' : 'authorization_code';
}

/**
 * The headless core of {@link ConnectionForm}: fields, state, submit and the OAuth2 actions of
 * one definition, for hosts that render their own UI. `<ConnectionForm>` is built on it.
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
): ConnectionFormState {
  const disabled = options.disabled ?? false;
  const messages = useMemo<Messages>(() => ({ ...defaultMessages, ...options.messages }), [options.messages]);
  const { translate } = options;
  // Translated once per definition: every label, option and help text below reads the copy.
  const methods = useMemo(() => {
    const list = normalizeAuthInput(auth);
    return translate ? translateAuth(list, translate) : list;
  }, [auth, translate]);
  const problem = useMemo(() => findDefinitionProblem(auth), [auth]);
  const labels = useMemo(() => methodLabels(methods, messages), [methods, messages]);
  // Read once: a saved connection is where the form starts, not something it follows.
  const [initial] = useState(() => options.initialValue);
  const initialMethod = useMemo(() => methodOf(methods, initial), [methods, initial]);
  const [selected, setSelected] = useState(initialMethod);
  const method = Math.min(selected, methods.length - 1);
  const current = problem ? undefined : methods[method];
  const oauth = current?.type === 'OAUTH2' ? (current as OAuth2Property<OAuth2Props>) : undefined;
  const [grant, setGrant] = useState<OAuth2Grant>(() => initialGrant(current, initial));
  // `clientId: ''` (or blank) is no client id: the user's own app, its fields shown, and never an
  // empty `client_id=` sent. Normalised here, once, for everything that reads the config.
  const oauth2Config = useMemo(
    () => options.oauth2 && { ...options.oauth2, clientId: options.oauth2.clientId?.trim() ? options.oauth2.clientId : undefined },
    [options.oauth2],
  );
  const withClientFields = Boolean(oauth && (grant === 'client_credentials' || !oauth2Config?.clientId));
  const { connectionName, defaultConnectionName } = options;
  // The saved value belongs to one method: the others start from their defaults.
  const initialOf = useCallback((index: number) => (index === initialMethod ? initial : undefined), [initialMethod, initial]);
  const modelOptions = useCallback(
    (index: number, auth: AuthDefinition | undefined, withClient: boolean) => ({
      withClientFields: withClient,
      initial: initialOf(index),
      connectionName:
        typeof connectionName === 'string' ? connectionName : connectionName ? prefilledName(auth, defaultConnectionName) : undefined,
    }),
    [initialOf, connectionName, defaultConnectionName],
  );
  const model = useMemo(
    () => buildAuthModel(current, messages, modelOptions(method, current, withClientFields)),
    [current, messages, method, withClientFields, modelOptions],
  );
  const resolver = useMemo(() => {
    // The schema (and so the resolver) is built when validation first needs it, not at mount.
    let resolve: Resolver<FormValues> | undefined;
    const lazy: Resolver<FormValues> = (values, context, options) => {
      resolve ??= zodResolver(model.schema) as unknown as Resolver<FormValues>;
      return resolve(values, context, options);
    };
    return withBadNumberInput(lazy, model.fields, messages);
  }, [model, messages]);
  const form = useForm<FormValues>({
    defaultValues: model.defaultValues,
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: true,
  });
  const run = useValidationRun({
    hostValidator: options.validate as RunValidator | undefined,
    definitionValidator: definitionValidator(current),
    onConnect: options.onConnect as (value: never, details: never) => unknown,
    server: options.server,
    timeoutMs: options.validateTimeoutMs ?? DEFAULT_TIMEOUT_MS,
    messages,
  });
  const flow = useOAuth2Flow({ auth: oauth, config: oauth2Config, model, form, run, messages });
  const popupFlow = Boolean(oauth) && grant === 'authorization_code';
  const chooseGrant = useCallback(
    (next: OAuth2Grant) => {
      if (next === grant) return;
      // A grant the user switched away from must not emit later, as a method (security note 17).
      run.cancel();
      flow.cancel();
      setGrant(next);
    },
    [grant, run.cancel, flow.cancel],
  );

  // What the user typed per method, so switching back restores it.
  const saved = useRef(new Map<number, FormValues>());
  const selectMethod = useCallback(
    (index: number) => {
      if (index === method) return;
      // A method the user switched away from must not emit later (security note 17).
      run.cancel();
      flow.cancel();
      saved.current.set(method, form.getValues());
      const next = methods[index];
      setSelected(index);
      setGrant(initialGrant(next, initialOf(index)));
      const nextModel = buildAuthModel(next, messages, modelOptions(index, next, false));
      form.reset(saved.current.get(index) ?? nextModel.defaultValues);
    },
    [method, methods, messages, form, run.cancel, flow.cancel, initialOf, modelOptions],
  );

  // Keep the values of fields that stay when the grant (and so the client fields) changes.
  // Only when the model changes after mount: a reset on mount re-renders every row for nothing.
  const resetFor = useRef(model);
  useEffect(() => {
    if (resetFor.current === model) return;
    resetFor.current = model;
    const values = form.getValues();
    // keepFieldsRef: the mounted inputs stay registered (no re-render needed to re-register them).
    form.reset({ ...model.defaultValues, ...values }, { keepErrors: false, keepFieldsRef: true });
  }, [model, form]);

  // Build the schema once the browser is idle after mount, so neither the first paint nor the
  // first submit pays for it.
  useEffect(() => {
    const warm = () => void model.schema;
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(warm, { timeout: 1_000 });
      return () => cancelIdleCallback(id);
    }
    const timer = setTimeout(warm, 50);
    return () => clearTimeout(timer);
  }, [model]);

  // One errors subscription for all rows (see fields/field-error-store.ts).
  const errorStore = useMemo(createFieldErrorStore, []);
  useEffect(() => form.subscribe({ formState: { errors: true }, callback: ({ errors }) => errorStore.set(errors) }), [form, errorStore]);

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
        value = flowModule.clientCredentialsValue(
          FORM_HELPERS,
          oauth,
          toPropsValue(fields, parsed),
          options.oauth2?.redirectUrl ?? '',
          parsed,
        );
      } else {
        const kind = kindOf(current);
        const made = kind.value(fields, parsed);
        value = made;
        validateAuth = made && kind.validateArg(made);
      }
      return run.start({
        validateAuth,
        value,
        secrets: [...collectSecrets(fields, parsed), ...model.savedSecrets, ...basicAuthSecrets(current, parsed)],
        details: detailsOf(parsed),
      });
    },
    (errors) => run.reportFieldErrors(errors, model.fields),
  );

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (disabled || problem) return;
    // The popup must open inside this very event (Enter or click): no await before it.
    if (popupFlow) flow.connect();
    // While a run is pending, another submit is ignored (security note 18).
    else if (!run.isRunning()) void submitFields();
  };

  return {
    problem,
    messages,
    methods: methods.map((m, i) => ({ label: labels[i]!, type: m?.type ?? 'NO_AUTH' })),
    method,
    selectMethod,
    auth: current,
    editing: initial !== undefined,
    fields: model.fields,
    errorStore,
    control: form.control,
    form,
    status: run.status,
    busy: BUSY.has(run.status.state),
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
      redirectUrlToRegister: popupFlow && withClientFields ? options.oauth2?.redirectUrl : undefined,
      openSignInPage: flow.openSignInPage,
    },
  };
}
