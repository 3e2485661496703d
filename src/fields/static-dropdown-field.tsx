import * as Select from '@radix-ui/react-select';
import { useController } from 'react-hook-form';
import type { FieldWidgetProps } from './field-widget-props';
import { FieldLabel } from './field-label';
import { dropdownState } from './dropdown-options';

// Radix reserves '' for "no value", so the optional "None" item needs a value of its own.
const NONE = '__ck_none__';

/**
 * StaticDropdown: a Radix Select (ARIA combobox + listbox). Items are keyed by option index
 * because real definitions repeat values and use numbers, booleans or objects as values.
 */
export function StaticDropdownField({ field, control, id, describedBy, invalid, messages }: FieldWidgetProps) {
  const { field: input } = useController({ name: field.name, control });
  const { options, placeholder, disabled } = dropdownState(field);
  const empty = options.length === 0;
  return (
    <>
      <FieldLabel htmlFor={id} label={field.label} required={field.required} />
      <Select.Root
        value={typeof input.value === 'string' ? input.value : ''}
        onValueChange={(v) => input.onChange(v === NONE ? '' : v)}
        disabled={disabled === true || empty}
      >
        <Select.Trigger
          id={id}
          ref={input.ref}
          onBlur={input.onBlur}
          className="ck-input ck-select-trigger"
          aria-required={field.required || undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        >
          <Select.Value placeholder={empty ? messages.noOptions : placeholder || messages.selectPlaceholder} />
          <Select.Icon className="ck-select-icon" aria-hidden="true">
            ▾
          </Select.Icon>
        </Select.Trigger>
        <Select.Portal>
          <Select.Content className="ck-select-content" position="popper" sideOffset={4}>
            <Select.Viewport className="ck-select-viewport">
              {!field.required && (
                <Select.Item className="ck-select-item" value={NONE}>
                  <Select.ItemText>{messages.none}</Select.ItemText>
                </Select.Item>
              )}
              {options.map((option, index) => (
                <Select.Item className="ck-select-item" key={index} value={String(index)}>
                  <Select.ItemText>{String(option.label)}</Select.ItemText>
                </Select.Item>
              ))}
            </Select.Viewport>
          </Select.Content>
        </Select.Portal>
      </Select.Root>
    </>
  );
}
