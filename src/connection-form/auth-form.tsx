import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { FieldRow } from '../fields/field-row';
import { Markdown } from '../markdown/markdown';
import type { Messages } from '../messages/messages';
import type { AuthModel } from '../schema/auth-model';
import type { FormValues } from '../schema/form-schema';
import { collectSecrets, toConnectionValue, toValidateAuth } from '../schema/to-connection-value';
import { useValidationRun, type RunOptions } from './use-validation-run';

/** One auth method's form: its fields, submit and status. */
export function AuthForm(props: {
  model: AuthModel;
  messages: Messages;
  run: Omit<RunOptions, 'messages'>;
  disabled: boolean;
  hidden: boolean;
}) {
  const { model, messages, disabled, hidden } = props;
  const resolver = useMemo(() => zodResolver(model.schema) as unknown as Resolver<FormValues>, [model]);
  const form = useForm<FormValues>({
    defaultValues: model.defaultValues,
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: true,
  });
  const run = useValidationRun({ ...props.run, messages });
  const { status } = run;
  const busy = status.state === 'validating';

  // A method the user switched away from must not emit later (security note 17).
  useEffect(() => {
    if (hidden) run.cancel();
  }, [hidden, run.cancel]);

  const onSubmit = form.handleSubmit(
    (parsed) => {
      const { auth, fields } = model;
      return run.start({
        validateAuth: toValidateAuth(auth, fields, parsed),
        value: toConnectionValue(auth, fields, parsed),
        secrets: collectSecrets(fields, parsed),
      });
    },
    (errors) => run.reportFieldErrors(Object.keys(errors).length),
  );

  const description = model.auth && model.auth.type !== 'SECRET_TEXT' ? model.auth.description : undefined;
  return (
    <form
      className="ck-form"
      noValidate
      hidden={hidden}
      data-state={status.state}
      aria-busy={busy || undefined}
      onSubmit={(event) => {
        // While a run is pending, Enter in a field must not start another one (note 18).
        if (run.isRunning()) event.preventDefault();
        else void onSubmit(event);
      }}
    >
      {description && <Markdown className="ck-description" source={description} />}
      {!model.auth && <p className="ck-description">{messages.noAuthNeeded}</p>}
      <fieldset className="ck-fields" disabled={disabled}>
        {model.fields.map((field) => (
          <FieldRow key={field.name} field={field} control={form.control} messages={messages} />
        ))}
      </fieldset>
      <div className="ck-actions">
        <button
          type="submit"
          className="ck-button ck-submit"
          disabled={disabled}
          // aria-disabled rather than disabled while busy, so keyboard focus stays on the button.
          aria-disabled={busy || undefined}
        >
          {busy ? messages.validating : messages.submit}
        </button>
        {busy && (
          <button type="button" className="ck-button ck-cancel" onClick={run.cancel}>
            {messages.cancel}
          </button>
        )}
      </div>
      {/* Rendered from the start so that screen readers pick up changes (WCAG 4.1.3). */}
      <div className="ck-status" role="status" aria-live="polite" data-state={status.state}>
        {status.message}
      </div>
    </form>
  );
}
