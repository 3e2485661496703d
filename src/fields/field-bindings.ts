import { useController, type Control, type ControllerRenderProps } from 'react-hook-form';
import type { FieldModel } from '../schema/field-model';
import type { FormValues } from '../schema/form-schema';
import { sameValue } from '../schema/same-value';
import type { DropdownBinding, FieldBindings, FieldInputBinding, MultiSelectBinding } from './field-widget-props';
import { initialValueOf } from './initial-value';

/**
 * How each field type is bound: `input` (uncontrolled, registered: typing re-renders nothing,
 * and a secret stays out of the DOM), `value` (controlled, in the definition's own values), or
 * nothing (a note, an unsupported type).
 */
export const BINDING_KIND = {
  SHORT_TEXT: 'input',
  LONG_TEXT: 'input',
  SECRET_TEXT: 'input',
  NUMBER: 'input',
  CHECKBOX: 'value',
  STATIC_DROPDOWN: 'value',
  STATIC_MULTI_SELECT_DROPDOWN: 'value',
  MARKDOWN: 'none',
  UNSUPPORTED: 'none',
} as const satisfies Record<FieldModel['type'], 'input' | 'value' | 'none'>;

/** A registered field's binding; the default is in the HTML for all but a secret. */
export function inputBinding(field: FieldModel, control: Control<FormValues>): FieldInputBinding {
  const { name, onChange, onBlur, ref } = control.register(field.name);
  return { name, onChange, onBlur, ref, defaultValue: field.type === 'SECRET_TEXT' ? undefined : initialValueOf(control, field.name) };
}

// The form holds a dropdown's choice as its option's index, as a string ('' for none): real
// definitions repeat values and use objects. Widgets see the option's own value.
const indexOf = (stored: unknown): number => (typeof stored === 'string' && stored !== '' ? Number(stored) : -1);

function valueBinding(field: FieldModel, c: ControllerRenderProps<FormValues>): FieldBindings[FieldModel['type']] {
  const common = { name: c.name, ref: c.ref, onBlur: c.onBlur };
  if (field.type === 'CHECKBOX') return { ...common, value: c.value === true, onChange: (checked: boolean) => c.onChange(checked) };
  if (field.type === 'STATIC_DROPDOWN') {
    const { options } = field;
    const index = indexOf(c.value);
    const onIndexChange = (i: number) => c.onChange(i >= 0 && i < options.length ? String(i) : '');
    return {
      ...common,
      index,
      value: options[index]?.value,
      onIndexChange,
      onChange: (value: unknown) => onIndexChange(options.findIndex((o) => sameValue(o.value, value))),
    } satisfies DropdownBinding;
  }
  if (field.type === 'STATIC_MULTI_SELECT_DROPDOWN') {
    const { options } = field;
    const indexes = (Array.isArray(c.value) ? c.value : []).map(indexOf).filter((i) => i >= 0);
    const onIndexesChange = (next: number[]) =>
      c.onChange(
        [...new Set(next)]
          .filter((i) => i >= 0 && i < options.length)
          .sort((a, b) => a - b)
          .map(String),
      );
    return {
      ...common,
      indexes,
      value: indexes.map((i) => options[i]?.value),
      onIndexesChange,
      onChange: (values: unknown[]) => onIndexesChange(values.map((v) => options.findIndex((o) => sameValue(o.value, v)))),
    } satisfies MultiSelectBinding;
  }
  return undefined;
}

/** A controlled field's binding: the row re-renders when its value changes, as the widget would. */
export function useValueBinding(field: FieldModel, control: Control<FormValues>) {
  const { field: c } = useController({ name: field.name, control });
  return valueBinding(field, c);
}
