import type { FieldWidgetProps } from './field-widget-props';
import { useFormParts } from './form-parts';

/**
 * A property type with no widget gets a visible message naming it, never a silent text box:
 * a wrong guess would emit a value of the wrong type.
 */
export function UnsupportedField({ field, id, messages }: FieldWidgetProps<'UNSUPPORTED'>) {
  return (
    <p {...useFormParts().part('unsupported')} id={id}>
      {messages.unsupportedType(field.rawType, field.label)}
    </p>
  );
}
