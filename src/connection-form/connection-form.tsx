import { useMemo, useState } from 'react';
import type { AuthDefinition, AuthInput } from '../definitions/auth-types';
import { defaultMessages, type Messages } from '../messages/messages';
import { normalizeAuthInput } from '../schema/normalize-auth-input';
import { AuthForm } from './auth-form';
import type { ConnectionFormProps } from './connection-form-props';
import { DefinitionErrorPanel, findDefinitionProblem } from './definition-error-panel';
import { MethodPicker, methodLabels } from './method-picker';
import type { RunValidator } from './use-validation-run';

const DEFAULT_TIMEOUT_MS = 30_000;

/** The definition's own `validate`, called with exactly Activepieces' `{ auth, server }` (+ signal). */
function definitionValidator(auth: AuthDefinition | undefined): RunValidator | undefined {
  const validate = auth?.validate as ((p: object) => ReturnType<RunValidator>) | undefined;
  if (typeof validate !== 'function') return undefined;
  return ({ auth: value, server, signal }) => validate({ auth: value, server, signal });
}

/**
 * Renders the inputs an auth definition describes, runs its `validate`, and only then emits the
 * typed connection value.
 *
 * @example
 * ```tsx
 * const auth = PieceAuth.SecretText({ displayName: 'API Key', required: true });
 *
 * <ConnectionForm
 *   auth={auth}
 *   onConnect={(value) => save(value)} // value: { type: 'SECRET_TEXT'; secret_text: string }
 * />
 * ```
 */
export function ConnectionForm<A extends AuthInput>(props: ConnectionFormProps<A>) {
  const { auth, disabled = false, className } = props;
  const messages = useMemo<Messages>(() => ({ ...defaultMessages, ...props.messages }), [props.messages]);
  const methods = useMemo(() => normalizeAuthInput(auth), [auth]);
  const problem = useMemo(() => findDefinitionProblem(methods), [methods]);
  const labels = useMemo(() => methodLabels(methods, messages), [methods, messages]);
  const [selected, setSelected] = useState(0);
  const current = Math.min(selected, methods.length - 1);

  if (problem) {
    return (
      <div className={['ck-root', className].filter(Boolean).join(' ')} data-state="broken">
        <DefinitionErrorPanel problem={problem} messages={messages} />
      </div>
    );
  }
  return (
    <div
      className={['ck-root', className].filter(Boolean).join(' ')}
      data-auth-type={methods[current]?.type ?? 'NO_AUTH'}
      data-disabled={disabled || undefined}
    >
      {methods.length > 1 && (
        <MethodPicker labels={labels} selected={current} onSelect={setSelected} messages={messages} disabled={disabled} />
      )}
      {methods.map((method, index) => (
        <AuthForm
          // Every method stays mounted, so switching back keeps what the user typed.
          key={index}
          auth={method}
          oauth2={props.oauth2}
          messages={messages}
          disabled={disabled}
          hidden={index !== current}
          run={{
            hostValidator: props.validate as RunValidator | undefined,
            definitionValidator: definitionValidator(method),
            onConnect: props.onConnect as (value: never) => unknown,
            server: props.server,
            timeoutMs: props.validateTimeoutMs ?? DEFAULT_TIMEOUT_MS,
          }}
        />
      ))}
    </div>
  );
}
