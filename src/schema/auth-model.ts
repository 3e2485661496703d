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

/** The Client ID / Client Secret fields of a user's own OAuth app. */
function clientFields(messages: Messages): FieldModel[] {
  return (['client_id', 'client_secret'] as const).map((key) => {
    const label = key === 'client_id' ? messages.clientId : messages.clientSecret;
    return {
      name: `__${key}`,
      key,
      type: key === 'client_id' ? 'SHORT_TEXT' : 'SECRET_TEXT',
      label,
      required: true,
      property: { displayName: label, required: true },
      internal: key,
    };
  });
}

/**
 * Derives fields, schema and defaults for one auth method. Pure: no React, no DOM.
 * `withClientFields` adds the OAuth2 Client ID and Client Secret fields (own app, or client
 * credentials).
 */
export function buildAuthModel(
  auth: AuthDefinition | undefined,
  messages: Messages,
  withClientFields = false,
): AuthModel {
  const fields = withClientFields ? [...clientFields(messages), ...describeFields(auth)] : describeFields(auth);
  return {
    auth,
    fields,
    schema: createFormSchema(fields, messages),
    defaultValues: getDefaultFormValues(fields),
  };
}
