import { useState } from 'react';
import type { FieldWidgetProps } from './field-widget-props';
import { useFormParts } from './form-parts';

/**
 * SecretText: a masked input with a reveal toggle. It stays uncontrolled: React mirrors a
 * controlled input's value into the `value` attribute, which would put the secret in the DOM.
 * `new-password` keeps browsers from filling in the user's own site password (security note 14).
 * When editing, a saved secret shows as an empty control saying so: left empty, it is kept.
 */
export function SecretField({ field, input, label, id, describedBy, invalid, messages }: FieldWidgetProps<'SECRET_TEXT'>) {
  const [revealed, setRevealed] = useState(false);
  // A secret saved with the connection being edited: the control starts empty, never holding it.
  const savedId = field.saved ? `${id}-saved` : undefined;
  const { part } = useFormParts();
  return (
    <>
      {label}
      <div {...part('input-group', 'ck-secret')}>
        <input
          {...part('input')}
          type={revealed ? 'text' : 'password'}
          id={id}
          {...input}
          required={field.required}
          autoComplete="new-password"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          placeholder={field.saved ? messages.savedSecretPlaceholder : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={[savedId, describedBy].filter(Boolean).join(' ') || undefined}
        />
        <button
          type="button"
          {...part('reveal-button', 'ck-reveal')}
          aria-pressed={revealed}
          aria-controls={id}
          aria-label={messages.showLabel(field.label)}
          onClick={() => setRevealed((r) => !r)}
        >
          {messages.show}
        </button>
      </div>
      {savedId && (
        <p {...part('saved-secret', 'ck-help ck-saved')} id={savedId}>
          {messages.savedSecretHelp}
        </p>
      )}
    </>
  );
}
