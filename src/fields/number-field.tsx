import type { FieldWidgetProps } from './field-widget-props';
import { FieldLabel } from './field-label';
import { initialValueOf } from './initial-value';
import { useFormParts } from './form-parts';

/** Number: a number input; the schema turns its text into a `number` on submit. */
export function NumberField({ field, control, id, describedBy, invalid }: FieldWidgetProps) {
  return (
    <>
      <FieldLabel htmlFor={id} label={field.label} required={field.required} />
      <input
        {...useFormParts().part('input')}
        type="number"
        inputMode="decimal"
        step="any"
        id={id}
        {...control.register(field.name)}
        defaultValue={initialValueOf(control, field.name)}
        required={field.required}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      />
    </>
  );
}
