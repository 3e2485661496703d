import type { FieldWidgetProps } from './field-widget-props';
import { useFormParts } from './form-parts';

/**
 * ShortText and LongText: an uncontrolled `<input>` or `<textarea>` registered with
 * react-hook-form, so typing re-renders nothing.
 */
export function TextField({ field, input, label, id, describedBy, invalid }: FieldWidgetProps<'SHORT_TEXT' | 'LONG_TEXT'>) {
  const common = {
    id,
    ...input,
    required: field.required,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
  };
  const { part } = useFormParts();
  return (
    <>
      {label}
      {field.type === 'LONG_TEXT' ? (
        <textarea {...part('textarea', 'ck-input ck-textarea')} rows={4} {...common} />
      ) : (
        <input {...part('input')} type="text" {...common} />
      )}
    </>
  );
}
