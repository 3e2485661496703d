import { useState } from 'react';
import type { FieldWidgetProps } from './field-widget-props';
import { FieldLabel } from './field-label';

/**
 * SecretText: a masked input with a reveal toggle. It stays uncontrolled: React mirrors a
 * controlled input's value into the `value` attribute, which would put the secret in the DOM.
 * `new-password` keeps browsers from filling in the user's own site password (security note 14).
 * When editing, a saved secret shows as an empty control saying so: left empty, it is kept.
 */
export function SecretField({ field, control, id, describedBy, invalid, messages }: FieldWidgetProps) {
  const [revealed, setRevealed] = useState(false);
  // A secret saved with the connection being edited: the control starts empty, never holding it.
  const savedId = field.saved ? `${id}-saved` : undefined;
  return (
    <>
      <FieldLabel htmlFor={id} label={field.label} required={field.required} />
      <div className="ck-secret">
        <input
          className="ck-input"
          type={revealed ? 'text' : 'password'}
          id={id}
          {...control.register(field.name)}
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
          className="ck-reveal"
          aria-pressed={revealed}
          aria-controls={id}
          aria-label={messages.showLabel(field.label)}
          onClick={() => setRevealed((r) => !r)}
        >
          {messages.show}
        </button>
      </div>
      {savedId && (
        <p className="ck-help ck-saved" id={savedId}>
          {messages.savedSecretHelp}
        </p>
      )}
    </>
  );
}
