import type { FieldWidgetProps } from './field-widget-props';
import { initiallyChecked } from './initial-value';

/**
 * Checkbox: unchecked is a value (`false`), so it is never marked required, as in Activepieces.
 */
export function CheckboxField({ field, control, id, describedBy, invalid }: FieldWidgetProps) {
  return (
    <div className="ck-checkbox">
      <input
        type="checkbox"
        id={id}
        {...control.register(field.name)}
        defaultChecked={initiallyChecked(control, field.name)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      />
      <label className="ck-label" htmlFor={id}>
        {field.label}
      </label>
    </div>
  );
}
