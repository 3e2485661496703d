import type { Control } from 'react-hook-form';
import type { Messages } from '../messages/messages';
import type { FieldModel } from '../schema/field-model';
import type { FormValues } from '../schema/form-schema';

/**
 * What every field widget receives from its row.
 *
 * @example
 * ```tsx
 * function MySelect({ field, control, id, describedBy, invalid }: FieldWidgetProps) {
 *   const { field: input } = useController({ control, name: field.name }); // react-hook-form
 *   // The control holds the index of the chosen option, as a string ('' for none).
 *   const { options } = field.property.options as DropdownState<unknown>;
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
export interface FieldWidgetProps {
  field: FieldModel;
  control: Control<FormValues>;
  /** The control's `id`; its label points here. */
  id: string;
  /** Ids of the help text and the error message, for `aria-describedby`. */
  describedBy?: string | undefined;
  invalid: boolean;
  messages: Messages;
}
