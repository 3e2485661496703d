import type { FieldWidgetProps } from './field-widget-props';
import { initiallyChecked } from './initial-value';
import { CheckboxBox } from './checkbox-box';
import { useFormParts } from './form-parts';

/**
 * Checkbox: unchecked is a value (`false`), so it is never marked required, as in Activepieces.
 */
export function CheckboxField({ field, control, id, describedBy, invalid }: FieldWidgetProps) {
  const { part } = useFormParts();
  return (
    <div {...part('checkbox-row', 'ck-checkbox')}>
      <CheckboxBox>
        <input
          {...part('checkbox', '')}
          type="checkbox"
          id={id}
          {...control.register(field.name)}
          defaultChecked={initiallyChecked(control, field.name)}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
      </CheckboxBox>
      <label {...part('label')} htmlFor={id}>
        {field.label}
      </label>
    </div>
  );
}
