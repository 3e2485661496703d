import type { FieldError, Resolver } from 'react-hook-form';
import type { Messages } from '../messages/messages';
import type { FieldModel } from '../schema/field-model';
import type { FormValues } from '../schema/form-schema';

/**
 * Adds "must be a number" errors that the schema cannot see. A number input holding text it
 * cannot parse ("12abc" in Firefox, "1-2" anywhere) reports its value as "", so an optional
 * number would silently be left out; the input's `validity.badInput` still tells the truth.
 */
export function withBadNumberInput(
  resolver: Resolver<FormValues>,
  fields: readonly FieldModel[],
  messages: Messages,
): Resolver<FormValues> {
  const numbers = fields.filter((f) => f.type === 'NUMBER');
  if (numbers.length === 0) return resolver;
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    const errors: Record<string, FieldError> = { ...(result.errors as Record<string, FieldError>) };
    let bad = false;
    for (const field of numbers) {
      const ref = options.fields[field.name]?.ref as HTMLInputElement | undefined;
      if (ref?.validity?.badInput) {
        bad = true;
        errors[field.name] = { type: 'badInput', message: messages.notANumber(field.label), ref };
      }
    }
    return bad ? { values: {}, errors } : result;
  };
}
