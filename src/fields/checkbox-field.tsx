import type { FieldWidgetProps } from './field-widget-props';
import { CheckboxBox } from './checkbox-box';
import { useFormParts } from './form-parts';

/**
 * Checkbox: unchecked is a value (`false`), so it is never marked required, as in Activepieces.
 */
export function CheckboxField({ field, input, id, describedBy, invalid }: FieldWidgetProps<'CHECKBOX'>) {
  const { part } = useFormParts();
  return (
    <div {...part('checkbox-row', 'ck-checkbox')}>
      <CheckboxBox>
        <input
          {...part('checkbox', '')}
          type="checkbox"
          id={id}
          name={input.name}
          ref={input.ref}
          checked={input.value}
          onChange={(e) => input.onChange(e.currentTarget.checked)}
          onBlur={input.onBlur}
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
