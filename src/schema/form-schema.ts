import * as z from 'zod/mini';
import type { Messages } from '../messages/messages';
import type { FieldModel } from './field-model';
import { schemaEntryFor } from './property-schemas';

/** Raw form values (what the controls hold), keyed by field name. */
export type FormValues = Record<string, unknown>;

/**
 * The zod schema of a form's raw values: parsing it turns what the controls hold into emitted
 * values (numbers, dropdown values, `undefined` for empty optional fields) and reports each
 * problem at its field's name.
 */
export function createFormSchema(fields: readonly FieldModel[], messages: Messages) {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const field of fields) {
    if (field.type === 'MARKDOWN') continue;
    shape[field.name] = schemaEntryFor(field.type).form(field, messages);
  }
  return z.object(shape);
}

/** The controls' initial values: each property's `defaultValue`, or empty. */
export function getDefaultFormValues(fields: readonly FieldModel[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (field.type === 'MARKDOWN') continue;
    values[field.name] = schemaEntryFor(field.type).defaultRaw(field);
  }
  return values;
}
