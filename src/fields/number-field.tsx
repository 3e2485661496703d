import type { FieldWidgetProps } from './field-widget-props';
import { useFormParts } from './form-parts';

/** Number: a number input; the schema turns its text into a `number` on submit. */
export function NumberField({ field, input, label, id, describedBy, invalid }: FieldWidgetProps<'NUMBER'>) {
  return (
    <>
      {label}
      <input
        {...useFormParts().part('input')}
        type="number"
        inputMode="decimal"
        step="any"
        id={id}
        {...input}
        required={field.required}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      />
    </>
  );
}
