import type { FieldWidgetProps } from './field-widget-props';
import { FieldLabel } from './field-label';
import { initialValueOf } from './initial-value';
import { useFormParts } from './form-parts';

/**
 * ShortText and LongText: an uncontrolled `<input>` or `<textarea>` registered with
 * react-hook-form, so typing re-renders nothing.
 */
export function TextField({ field, control, id, describedBy, invalid }: FieldWidgetProps) {
  const common = {
    id,
    ...control.register(field.name),
    defaultValue: initialValueOf(control, field.name),
    required: field.required,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
  };
  const { part } = useFormParts();
  return (
    <>
      <FieldLabel htmlFor={id} label={field.label} required={field.required} />
      {field.type === 'LONG_TEXT' ? (
        <textarea {...part('textarea', 'ck-input ck-textarea')} rows={4} {...common} />
      ) : (
        <input {...part('input')} type="text" {...common} />
      )}
    </>
  );
}
