import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import type { AuthDefinition, OAuth2Property } from '../definitions/auth-types';
import { FieldRow } from '../fields/field-row';
import { Markdown } from '../markdown/markdown';
import type { Messages } from '../messages/messages';
import type { OAuth2HostConfig } from '../oauth/oauth2-host-config';
import { buildAuthModel } from '../schema/auth-model';
import type { FormValues } from '../schema/form-schema';
import { collectSecrets, toConnectionValue, toPropsValue, toValidateAuth } from '../schema/to-connection-value';
import { toOAuth2Value } from '../oauth/oauth2-value';
import { scopeString } from '../oauth/authorization-url';
import { GrantPicker, RedirectUrlHint } from './oauth2-setup';
import { StatusActions } from './status-actions';
import { useOAuth2Flow } from './use-oauth2-flow';
import { useValidationRun, type RunOptions } from './use-validation-run';
import { withBadNumberInput } from './with-bad-number-input';

type Grant = 'authorization_code' | 'client_credentials';

function initialGrant(auth: AuthDefinition | undefined): Grant {
  return auth?.type === 'OAUTH2' && auth.grantType === 'client_credentials' ? 'client_credentials' : 'authorization_code';
}

/** One auth method's form: its fields, submit and status. */
export function AuthForm(props: {
  auth: AuthDefinition | undefined;
  oauth2: OAuth2HostConfig | undefined;
  messages: Messages;
  run: Omit<RunOptions, 'messages'>;
  disabled: boolean;
  hidden: boolean;
}) {
  const { auth, oauth2, messages, disabled, hidden } = props;
  const oauth = auth?.type === 'OAUTH2' ? (auth as OAuth2Property<any>) : undefined;
  const [grant, setGrant] = useState<Grant>(() => initialGrant(auth));
  const withClientFields = Boolean(oauth && (grant === 'client_credentials' || !oauth2?.clientId));
  const model = useMemo(() => buildAuthModel(auth, messages, withClientFields), [auth, messages, withClientFields]);
  const resolver = useMemo(
    () => withBadNumberInput(zodResolver(model.schema) as unknown as Resolver<FormValues>, model.fields, messages),
    [model, messages],
  );
  const form = useForm<FormValues>({
    defaultValues: model.defaultValues,
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: true,
  });
  const run = useValidationRun({ ...props.run, messages });
  const flow = useOAuth2Flow({ auth: oauth, config: oauth2, model, form, run, messages });
  const popupFlow = Boolean(oauth) && grant === 'authorization_code';

  // A method the user switched away from must not emit later (security note 17).
  useEffect(() => {
    if (hidden) {
      run.cancel();
      flow.cancel();
    }
  }, [hidden, run.cancel, flow.cancel]);

  const submitFields = form.handleSubmit(
    (parsed) => {
      const { fields } = model;
      const value = oauth
        ? toOAuth2Value({
            auth: oauth,
            props: toPropsValue(fields, parsed),
            scope: scopeString(oauth, toPropsValue(fields, parsed)),
            redirectUrl: oauth2?.redirectUrl ?? '',
            clientId: String(parsed.__client_id ?? ''),
            clientSecret: String(parsed.__client_secret ?? ''),
            grant: 'client_credentials',
          })
        : toConnectionValue(auth, fields, parsed);
      return run.start({ validateAuth: toValidateAuth(auth, fields, parsed), value, secrets: collectSecrets(fields, parsed) });
    },
    (errors) => run.reportFieldErrors(Object.keys(errors).length),
  );

  const description = auth && auth.type !== 'SECRET_TEXT' ? auth.description : undefined;
  return (
    <form
      className="ck-form"
      noValidate
      hidden={hidden}
      data-state={run.status.state}
      aria-busy={run.status.state === 'validating' || undefined}
      onSubmit={(event) => {
        // The popup must open inside this very event (Enter or click): no await before it.
        if (popupFlow) {
          event.preventDefault();
          flow.connect();
        } else if (run.isRunning()) {
          // While a run is pending, Enter in a field must not start another one (note 18).
          event.preventDefault();
        } else void submitFields(event);
      }}
    >
      {description && <Markdown className="ck-description" source={description} />}
      {!auth && <p className="ck-description">{messages.noAuthNeeded}</p>}
      {oauth?.grantType === 'both_client_credentials_and_authorization_code' && (
        <GrantPicker grant={grant} onChange={setGrant} messages={messages} />
      )}
      {popupFlow && withClientFields && oauth2?.redirectUrl && <RedirectUrlHint url={oauth2.redirectUrl} messages={messages} />}
      <fieldset className="ck-fields" disabled={disabled}>
        {model.fields.map((field) => (
          <FieldRow key={field.name} field={field} control={form.control} messages={messages} />
        ))}
      </fieldset>
      <StatusActions
        status={run.status}
        messages={messages}
        disabled={disabled}
        onCancel={() => {
          flow.cancel();
          run.cancel();
        }}
      />
    </form>
  );
}
