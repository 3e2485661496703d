import type { ComponentType } from 'react';
import type { Control } from 'react-hook-form';
import type { InputPropertyType } from '../definitions/property-type';
import type { Messages } from '../messages/messages';
import type { FieldModelOf, FieldType } from '../schema/field-model';
import type { FormValues } from '../schema/form-schema';

/**
 * What every field widget receives from its row; `T` narrows `field` to the widget's type.
 *
 * @example
 * ```tsx
 * function MySelect({ field, control, id, describedBy, invalid }: FieldWidgetProps<'STATIC_DROPDOWN'>) {
 *   const { field: input } = useController({ control, name: field.name }); // react-hook-form
 *   // The control holds the index of the chosen option, as a string ('' for none).
 *   const { options } = field;
 *   return (
 *     <>
 *       <label htmlFor={id}>{field.label}</label>
 *       <select id={id} aria-describedby={describedBy} aria-invalid={invalid} {...input} value={String(input.value)}>
 *         <option value="">Choose…</option>
 *         {options.map((option, index) => <option key={index} value={String(index)}>{option.label}</option>)}
 *       </select>
 *     </>
 *   );
 * }
 * <ConnectionForm auth={awsAuth} components={{ STATIC_DROPDOWN: MySelect }} onConnect={save} />;
 * ```
 */
export interface FieldWidgetProps<T extends FieldType = FieldType> {
  field: FieldModelOf<T>;
  control: Control<FormValues>;
  /** The control's `id`; its label points here. */
  id: string;
  /** Ids of the help text and the error message, for `aria-describedby`. */
  describedBy?: string | undefined;
  invalid: boolean;
  messages: Messages;
}

/**
 * A widget per property type, each taking the fields of its own type (`components` takes any of
 * them; a widget typed with plain `FieldWidgetProps` fits every type).
 *
 * @example
 * ```tsx
 * const components: Partial<FieldWidgets> = { STATIC_DROPDOWN: MySelect, CHECKBOX: MySwitch };
 * <ConnectionForm auth={awsAuth} components={components} onConnect={save} />;
 * ```
 */
export type FieldWidgets = { [T in InputPropertyType]: ComponentType<FieldWidgetProps<T>> };
