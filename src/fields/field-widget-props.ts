import type { ComponentType, ReactElement } from 'react';
import type { Control } from 'react-hook-form';
import type { InputPropertyType } from '../definitions/property-type';
import type { Messages } from '../messages/messages';
import type { FieldModelOf, FieldType } from '../schema/field-model';
import type { FormValues } from '../schema/form-schema';

/**
 * A text, number or secret field's binding: spread it on a native `<input>` or `<textarea>`
 * (`<input {...input} />`). It is uncontrolled, so typing re-renders nothing and a secret never
 * reaches the `value` attribute; `defaultValue` (never set for a secret) puts the default in the
 * server-rendered HTML.
 *
 * @example
 * ```tsx
 * const HostText = ({ input, ids }: FieldWidgetProps<'SHORT_TEXT'>) => <input id={ids.control} {...input} />;
 * ```
 */
export interface FieldInputBinding {
  name: string;
  ref: (element: HTMLInputElement | HTMLTextAreaElement | null) => void;
  onChange: (event: { target: unknown; type?: unknown }) => unknown;
  onBlur: (event: { target: unknown; type?: unknown }) => unknown;
  defaultValue?: string | undefined;
}

/**
 * A checkbox, dropdown or multi-select's binding: controlled, in the definition's own values.
 * `ref` takes the element to focus when the field is invalid on submit.
 *
 * @example
 * ```tsx
 * const HostSwitch = ({ input, ids }: FieldWidgetProps<'CHECKBOX'>) => (
 *   <button id={ids.control} ref={input.ref} role="switch" aria-checked={input.value} onClick={() => input.onChange(!input.value)} onBlur={input.onBlur} />
 * );
 * ```
 */
export interface FieldValueBinding<V> {
  name: string;
  ref: (element: HTMLElement | null) => void;
  value: V;
  onChange: (value: V) => void;
  onBlur: () => void;
}

/**
 * A dropdown's binding: `value` is the chosen option's own value (`undefined` for none), and
 * `index` its position in `field.options` (-1 for none), for a select whose items need string
 * keys; two options with an equal value stay apart by index.
 *
 * @example
 * ```tsx
 * const HostSelect = ({ field, input, ids }: FieldWidgetProps<'STATIC_DROPDOWN'>) => (
 *   <select id={ids.control} ref={input.ref} value={input.index} onChange={(e) => input.onIndexChange(Number(e.target.value))} onBlur={input.onBlur}>
 *     <option value={-1}>Choose…</option>
 *     {field.options.map((option, i) => <option key={i} value={i}>{option.label}</option>)}
 *   </select>
 * );
 * ```
 */
export interface DropdownBinding extends FieldValueBinding<unknown> {
  index: number;
  onIndexChange: (index: number) => void;
}

/**
 * A multi-select's binding: the chosen options' values, and their indexes in `field.options`.
 *
 * @example
 * ```ts
 * const toggle = (input: MultiSelectBinding, i: number) =>
 *   input.onIndexesChange(input.indexes.includes(i) ? input.indexes.filter((x) => x !== i) : [...input.indexes, i]);
 * ```
 */
export interface MultiSelectBinding extends FieldValueBinding<unknown[]> {
  indexes: number[];
  onIndexesChange: (indexes: number[]) => void;
}

/**
 * The binding each field type's widget gets as `input`: one row per type.
 *
 * @example
 * ```ts
 * type CheckboxBinding = FieldBindings['CHECKBOX']; // FieldValueBinding<boolean>
 * ```
 */
export interface FieldBindings {
  SHORT_TEXT: FieldInputBinding;
  LONG_TEXT: FieldInputBinding;
  SECRET_TEXT: FieldInputBinding;
  NUMBER: FieldInputBinding;
  CHECKBOX: FieldValueBinding<boolean>;
  STATIC_DROPDOWN: DropdownBinding;
  STATIC_MULTI_SELECT_DROPDOWN: MultiSelectBinding;
  /** A note has no value. */
  MARKDOWN: undefined;
  UNSUPPORTED: undefined;
}

/**
 * The ids that tie a field's parts together.
 *
 * @example
 * ```tsx
 * <input id={ids.control} aria-describedby={[ids.description, ids.error].filter(Boolean).join(' ') || undefined} {...input} />
 * ```
 */
export interface FieldIds {
  /** The control's `id`: the label's `htmlFor` points here. */
  control: string;
  /** The label's own `id`, for a control named by `aria-labelledby` (a button-based combobox). */
  label: string;
  /** The help text's id, when the field has one. */
  description?: string | undefined;
  /** The error message's id, while there is one. */
  error?: string | undefined;
}

/**
 * What every field widget receives from its row; `T` narrows `field` and `input` to the
 * widget's type. A widget needs nothing else: no react-hook-form import, no index bookkeeping.
 *
 * @example
 * ```tsx
 * function MySelect({ field, input, label, ids, describedBy, invalid }: FieldWidgetProps<'STATIC_DROPDOWN'>) {
 *   return (
 *     <>
 *       {label}
 *       <select
 *         id={ids.control}
 *         ref={input.ref}
 *         value={String(input.index)}
 *         onChange={(e) => input.onIndexChange(Number(e.target.value))}
 *         onBlur={input.onBlur}
 *         aria-describedby={describedBy}
 *         aria-invalid={invalid || undefined}
 *       >
 *         <option value="-1">Choose…</option>
 *         {field.options.map((option, index) => <option key={index} value={String(index)}>{option.label}</option>)}
 *       </select>
 *     </>
 *   );
 * }
 * <ConnectionForm auth={awsAuth} components={{ STATIC_DROPDOWN: MySelect }} onConnect={save} />;
 * ```
 */
export interface FieldWidgetProps<T extends FieldType = FieldType> {
  field: FieldModelOf<T>;
  /** The value binding of this field (see {@link FieldBindings}). */
  input: FieldBindings[T];
  /** The kit's label for the control (`<label htmlFor={ids.control} id={ids.label}>`), ready to place. */
  label: ReactElement;
  ids: FieldIds;
  /** The control's `id` (`ids.control`). */
  id: string;
  /** `ids.description` and `ids.error` joined, for `aria-describedby`. */
  describedBy?: string | undefined;
  invalid: boolean;
  messages: Messages;
  /** react-hook-form's control, for a widget that needs more than its binding. */
  control: Control<FormValues>;
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
