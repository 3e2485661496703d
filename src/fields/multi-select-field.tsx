import type { FieldWidgetProps } from './field-widget-props';
import { CheckboxBox } from './checkbox-box';
import { useFormParts } from './form-parts';

/**
 * StaticMultiSelectDropdown: a group of checkboxes in a fieldset, the most robust accessible
 * multi-choice control (every option visible, native keyboard and screen reader support).
 */
export function MultiSelectField({ field, input, id, describedBy, invalid, messages }: FieldWidgetProps<'STATIC_MULTI_SELECT_DROPDOWN'>) {
  const { options, disabled } = field;
  const { indexes } = input;
  const { part } = useFormParts();
  const toggle = (index: number, on: boolean) => input.onIndexesChange(on ? [...indexes, index] : indexes.filter((i) => i !== index));
  return (
    <fieldset
      {...part('choice-group')}
      id={id}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      disabled={disabled === true}
    >
      <legend {...part('label')} data-required={field.required || undefined}>
        {field.label}
        {/* A group cannot be aria-required, so its legend says it. */}
        {field.required && <span className="ck-visually-hidden">{` (${messages.requiredMarker})`}</span>}
      </legend>
      {options.length === 0 && <p {...part('field-description', 'ck-help')}>{messages.noOptions}</p>}
      {options.map((option, index) => {
        const key = String(index);
        return (
          <div {...part('checkbox-row', 'ck-checkbox')} key={key}>
            <CheckboxBox>
              <input
                {...part('checkbox', '')}
                type="checkbox"
                id={`${id}-${key}`}
                ref={index === 0 ? input.ref : undefined}
                checked={indexes.includes(index)}
                onChange={(e) => toggle(index, e.currentTarget.checked)}
                onBlur={input.onBlur}
              />
            </CheckboxBox>
            <label {...part('checkbox-label', '')} htmlFor={`${id}-${key}`}>
              {String(option.label)}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
