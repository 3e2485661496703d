import * as z from 'zod/mini';
import type { Messages } from '../messages/messages';
import type { FieldModel } from './field-model';
import { defaultRaw, schemaEntryFor } from './property-schemas';

/**
 * Raw form values (what the controls hold), keyed by field name.
 *
 * @example
 * ```ts
 * const cf = useConnectionForm(auth, { onConnect: save });
 * const values: FormValues = cf.form.getValues(); // e.g. { accessKeyId: 'AKIA…', region: '1' }
 * ```
 */
export type FormValues = Record<string, unknown>;

/**
 * The zod schema of a form's raw values: parsing it turns what the controls hold into emitted
 * values (numbers, dropdown values, `undefined` for empty optional fields) and reports each
 * problem at its field's name.
 *
 * @example
 * ```ts
 * const schema = createFormSchema(describeFields(awsAuth), defaultMessages);
 * // A dropdown's control holds the index of its option, as a string.
 * schema.safeParse({ accessKeyId: 'AKIA…', secretAccessKey: '', region: '1' }).error?.issues;
 * // [{ path: ['secretAccessKey'], message: 'Secret Access Key is required.', … }]
 * ```
 */
export function createFormSchema(fields: readonly FieldModel[], messages: Messages) {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const field of fields) {
    if (field.type === 'MARKDOWN') continue;
    shape[field.name] = schemaEntryFor(field.type).form(field, messages);
  }
  return z.object(shape);
}

/**
 * The controls' initial values: each property's `defaultValue`, or empty. `initial` gives a
 * value per field name that wins where present (a connection being edited).
 *
 * @example
 * ```ts
 * const fields = describeFields(awsAuth);
 * getDefaultFormValues(fields); // { accessKeyId: '', secretAccessKey: '', region: '' }
 * const savedProps: Record<string, unknown> = { accessKeyId: 'AKIA…', region: 'eu-west-1' };
 * getDefaultFormValues(fields, (field) => savedProps[field.key]); // { accessKeyId: 'AKIA…', secretAccessKey: '', region: '1' }
 * ```
 */
export function getDefaultFormValues(fields: readonly FieldModel[], initial?: (field: FieldModel) => unknown): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (field.type === 'MARKDOWN') continue;
    // A saved secret's control starts empty: the secret itself never enters a control.
    const given = field.saved ? '' : initial?.(field);
    values[field.name] = given === undefined ? defaultRaw(field) : schemaEntryFor(field.type).raw(field, given);
  }
  return values;
}
