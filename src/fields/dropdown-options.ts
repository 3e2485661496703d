import type { DropdownOption, DropdownState } from '../definitions/property-types';
import type { FieldModel } from '../schema/field-model';

/** A dropdown property's `options` object, tolerating definitions that leave parts out. */
export function dropdownState(field: FieldModel): DropdownState<unknown> {
  const state = (field.property.options ?? {}) as Partial<DropdownState<unknown>>;
  const options = Array.isArray(state.options)
    ? (state.options as unknown[]).filter((o): o is DropdownOption<unknown> => typeof o === 'object' && o !== null)
    : [];
  return {
    options,
    disabled: state.disabled === true,
    placeholder: typeof state.placeholder === 'string' ? state.placeholder : undefined,
  };
}
