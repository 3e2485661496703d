import { memo, type ComponentType } from 'react';
import type { InputPropertyType } from '../definitions/property-type';
import { CheckboxField } from './checkbox-field';
import type { FieldWidgetProps, FieldWidgets } from './field-widget-props';
import { MarkdownNote } from './markdown-note';
import { MultiSelectField } from './multi-select-field';
import { NumberField } from './number-field';
import { SecretField } from './secret-field';
import { StaticDropdownField } from './static-dropdown-field';
import { TextField } from './text-field';
import { UnsupportedField } from './unsupported-field';

/**
 * The widget for each property type; `satisfies` makes a new type fail to compile until it has one.
 *
 * @example
 * ```tsx
 * // The kit's own secret input, inside the host's layout:
 * function MySecret(props: FieldWidgetProps) {
 *   return (
 *     <div className="my-field">
 *       <FIELD_WIDGETS.SECRET_TEXT {...props} />
 *     </div>
 *   );
 * }
 * <ConnectionForm auth={auth} components={{ SECRET_TEXT: MySecret }} onConnect={save} />;
 * ```
 */
export const FIELD_WIDGETS = {
  SHORT_TEXT: memo(TextField),
  LONG_TEXT: memo(TextField),
  NUMBER: memo(NumberField),
  CHECKBOX: memo(CheckboxField),
  STATIC_DROPDOWN: memo(StaticDropdownField),
  STATIC_MULTI_SELECT_DROPDOWN: memo(MultiSelectField),
  SECRET_TEXT: memo(SecretField),
  MARKDOWN: memo(MarkdownNote),
} satisfies FieldWidgets;

/** The widget for a field's type (the host's from `overrides` first), or the visible "unsupported" message. */
export function widgetFor(type: string, overrides?: Partial<FieldWidgets> | undefined): ComponentType<FieldWidgetProps> {
  const own = Object.hasOwn(FIELD_WIDGETS, type) ? (type as InputPropertyType) : undefined;
  // Each widget takes the fields of its own type, and `type` is the type of the field it renders.
  return ((own && (overrides?.[own] ?? FIELD_WIDGETS[own])) ?? UnsupportedField) as ComponentType<FieldWidgetProps>;
}
