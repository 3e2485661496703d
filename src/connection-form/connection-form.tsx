import { DirectionProvider } from '@radix-ui/react-direction';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AuthInput } from '../definitions/auth-types';
import type { InitialConnectionValue } from '../definitions/connection-value';
import { widgetFor } from '../fields/field-widgets';
import { FieldRow } from '../fields/field-row';
import { FieldErrorStoreContext } from '../fields/field-error-store';
import { FormPartsContext, partsWith } from '../fields/form-parts';
import { PortalContainerContext } from '../fields/portal-container';
import { Markdown } from '../markdown/markdown';
import type { ConnectionFormProps } from './connection-form-props';
import { DefinitionErrorPanel } from './definition-error-panel';
import { RedirectUrlHint } from './oauth2-setup';
import { RadioChoice } from './radio-choice';
import { StatusActions } from './status-actions';
import { useConnectionForm } from './use-connection-form';

/**
 * Renders the inputs an auth definition describes, runs its `validate`, and only then emits the
 * typed connection value. Built on {@link useConnectionForm}.
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
export function ConnectionForm<A extends AuthInput, I extends InitialConnectionValue<A> | undefined = undefined>(
  props: ConnectionFormProps<A, I>,
) {
  const { auth, components, className, classNames, icons, dir, portalContainer, ...options } = props;
  // Memoised: every part below reads it, and the form re-renders on each status change.
  const parts = useMemo(() => ({ classNames, icons }), [classNames, icons]);
  const part = partsWith(classNames);
  const cf = useConnectionForm(auth, options);
  const root = useRef<HTMLDivElement>(null);
  // Radix writes dir="ltr" on the dropdown unless told otherwise: follow the page's direction
  // (read after mount, as there is no DOM on the server) unless the host passes `dir`.
  const [pageDir, setPageDir] = useState<'ltr' | 'rtl'>('ltr');
  useIsomorphicLayoutEffect(() => {
    const found = root.current?.parentElement?.closest('[dir]')?.getAttribute('dir');
    setPageDir(found === 'rtl' ? 'rtl' : 'ltr');
  }, []);
  const rootPart = part('root', className ? `ck-root ${className}` : 'ck-root');
  if (cf.problem) {
    return (
      <FormPartsContext.Provider value={parts}>
        <div {...rootPart} data-state="broken" ref={root}>
          <DefinitionErrorPanel problem={cf.problem} messages={cf.messages} />
        </div>
      </FormPartsContext.Provider>
    );
  }
  const { auth: current, messages, oauth2 } = cf;
  const description = current && current.type !== 'SECRET_TEXT' ? current.description : undefined;
  return (
    <FormPartsContext.Provider value={parts}>
      <DirectionProvider dir={dir ?? pageDir}>
        <div {...rootPart} ref={root} dir={dir} data-auth-type={current?.type ?? 'NO_AUTH'} data-disabled={cf.disabled || undefined}>
          {cf.methods.length > 1 && (
            <RadioChoice
              slot="method-picker"
              legend={messages.authMethod}
              choices={cf.methods.map((m, index) => ({ value: index, label: m.label, hint: messages.methodHints[m.type] }))}
              selected={cf.method}
              onSelect={cf.selectMethod}
              disabled={cf.disabled}
              nameOf={messages.methodChoice}
            />
          )}
          <form
            {...part('form')}
            noValidate
            data-state={cf.status.state}
            aria-busy={cf.status.state === 'validating' || undefined}
            onSubmit={cf.submit}
          >
            {description && <Markdown {...part('description')} source={description} />}
            {!current && <p {...part('description')}>{messages.noAuthNeeded}</p>}
            {oauth2?.canChooseGrant && (
              <RadioChoice
                slot="grant-picker"
                legend={messages.grantType}
                choices={[
                  { value: 'authorization_code', label: messages.authorizationCode },
                  { value: 'client_credentials', label: messages.clientCredentials },
                ]}
                selected={oauth2.grant}
                onSelect={oauth2.setGrant}
                disabled={cf.disabled}
              />
            )}
            {oauth2?.redirectUrlToRegister && <RedirectUrlHint url={oauth2.redirectUrlToRegister} messages={messages} />}
            {/* Keyed by method: another method's fields are other elements, not reused ones. */}
            <FieldErrorStoreContext.Provider value={cf.errorStore}>
              <PortalContainerContext.Provider value={portalContainer}>
                <fieldset {...part('fields')} disabled={cf.disabled} key={cf.method}>
                  {cf.fields.map((field) => (
                    <FieldRow
                      key={field.name}
                      field={field}
                      control={cf.control}
                      messages={messages}
                      widget={widgetFor(field.type, components)}
                    />
                  ))}
                </fieldset>
              </PortalContainerContext.Provider>
            </FieldErrorStoreContext.Provider>
            <StatusActions
              status={cf.status}
              messages={messages}
              disabled={cf.disabled}
              onCancel={cf.cancel}
              onOpenSignInPage={cf.oauth2?.openSignInPage}
              idleLabel={cf.editing ? (oauth2 && oauth2.grant === 'authorization_code' ? messages.reconnect : messages.save) : undefined}
            />
          </form>
        </div>
      </DirectionProvider>
    </FormPartsContext.Provider>
  );
}

const useIsomorphicLayoutEffect = typeof window === 'undefined' ? () => {} : useLayoutEffect;
