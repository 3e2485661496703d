import type { AuthDefinition } from '../definitions/auth-types';
import type { Messages } from '../messages/messages';
import { describeFields, type FieldModel } from './field-model';
import { createFormSchema, getDefaultFormValues, type FormValues } from './form-schema';

/** Everything the form needs for one auth method, derived once per definition. */
export interface AuthModel {
  auth: AuthDefinition | undefined;
  fields: FieldModel[];
  schema: ReturnType<typeof createFormSchema>;
  defaultValues: FormValues;
}

/** Derives fields, schema and defaults for one auth method. Pure: no React, no DOM. */
export function buildAuthModel(auth: AuthDefinition | undefined, messages: Messages): AuthModel {
  const fields = describeFields(auth);
  return {
    auth,
    fields,
    schema: createFormSchema(fields, messages),
    defaultValues: getDefaultFormValues(fields),
  };
}
