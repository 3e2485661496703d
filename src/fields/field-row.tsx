import { memo, useId, type ComponentType } from 'react';
import { useFormState, type Control } from 'react-hook-form';
import { Markdown } from '../markdown/markdown';
import type { Messages } from '../messages/messages';
import type { FieldModel } from '../schema/field-model';
import type { FormValues } from '../schema/form-schema';
import { BINDING_KIND, inputBinding, useValueBinding } from './field-bindings';
import { FieldLabel } from './field-label';
import type { FieldWidgetProps } from './field-widget-props';
import { useFieldErrorStore, useStoredFieldError, type FieldErrorStore } from './field-error-store';
import { widgetFor } from './field-widgets';
import { useFormParts } from './form-parts';

/**
 * Props of {@link FieldRow}.
 *
 * @example
 * ```tsx
 * const row = (field: FieldModel): FieldRowProps => ({ field, control: cf.control, messages: cf.messages, widget: MyInput });
 * ```
 */
export type FieldRowProps = {
  field: FieldModel;
  control: Control<FormValues>;
  messages: Messages;
  /** The widget to render; the built-in one for the field's type by default. */
  widget?: ComponentType<FieldWidgetProps> | undefined;
};

/**
 * One field: its widget, its markdown help and its error, tied together with ids. It subscribes
 * to its own error only, so another field's error or a keystroke elsewhere does not re-render it.
 *
 * @example
 * ```tsx
 * const cf = useConnectionForm(awsAuth, { onConnect: save });
 * return (
 *   <form onSubmit={cf.submit} noValidate>
 *     {cf.fields.map((field) => (
 *       <FieldRow key={field.name} field={field} control={cf.control} messages={cf.messages} />
 *     ))}
 *     <button aria-disabled={cf.busy}>Connect</button>
 *   </form>
 * );
 * ```
 */
export const FieldRow = memo(function FieldRow(props: FieldRowProps) {
  const store = useFieldErrorStore();
  return store ? <RowFromStore {...props} store={store} /> : <RowFromFormState {...props} />;
});

function RowFromStore(props: FieldRowProps & { store: FieldErrorStore }) {
  return <Row {...props} message={useStoredFieldError(props.store, props.field.name)} />;
}

function RowFromFormState(props: FieldRowProps) {
  const { errors } = useFormState({ control: props.control, name: props.field.name, exact: true });
  const error = errors[props.field.name]?.message;
  return <Row {...props} message={typeof error === 'string' ? error : undefined} />;
}

function Row(props: FieldRowProps & { message: string | undefined }) {
  const { field, control, messages, message } = props;
  const base = useId();
  const isNote = field.type === 'MARKDOWN';
  const helpId = field.description && !isNote ? `${base}help` : undefined;
  const errorId = message ? `${base}error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  const Widget = props.widget ?? widgetFor(field.type);
  const { part } = useFormParts();
  const ids = { control: `${base}control`, label: `${base}label`, description: helpId, error: errorId };
  const widgetProps = {
    field,
    control,
    ids,
    id: ids.control,
    describedBy,
    invalid: Boolean(message),
    messages,
    label: <FieldLabel htmlFor={ids.control} id={ids.label} label={field.label} required={field.required} />,
  };
  // data-type names the definition's property type, an unsupported one included (hosts style by it).
  return (
    <div
      {...part('field')}
      data-type={field.type === 'UNSUPPORTED' ? field.rawType : field.type}
      data-required={field.required || undefined}
      data-invalid={message ? '' : undefined}
    >
      {BINDING_KIND[field.type] === 'value' ? (
        <ControlledWidget Widget={Widget} {...widgetProps} />
      ) : (
        <Widget {...widgetProps} input={BINDING_KIND[field.type] === 'input' ? inputBinding(field, control) : undefined} />
      )}
      {helpId && <Markdown id={helpId} {...part('field-description', 'ck-help')} source={field.description ?? ''} />}
      {errorId && (
        <p id={errorId} {...part('error')}>
          {message}
        </p>
      )}
    </div>
  );
}

/** A controlled field's widget: its own component, so only it re-renders as the value changes. */
function ControlledWidget({ Widget, ...props }: Omit<FieldWidgetProps, 'input'> & { Widget: ComponentType<FieldWidgetProps> }) {
  return <Widget {...props} input={useValueBinding(props.field, props.control)} />;
}
