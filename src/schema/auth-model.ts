import * as z from 'zod/mini';
import type { AuthDefinition } from '../definitions/auth-types';
import { isKeptSecret } from '../definitions/kept-secret';
import type { Messages } from '../messages/messages';
import { describeFields, kindOf } from './auth-kinds';
import type { FieldModel } from './field-model';
import { KIT_FIELD_NAMES } from './kit-fields';
import { createFormSchema, getDefaultFormValues, type FormValues } from './form-schema';

/** Everything the form needs for one auth method, derived once per definition. */
export interface AuthModel {
  auth: AuthDefinition | undefined;
  fields: FieldModel[];
  /** The form's zod schema, built on first read. */
  readonly schema: ReturnType<typeof createFormSchema>;
  defaultValues: FormValues;
  /**
   * Secrets the host gave as strings in `initial`: never in a control, but redacted from error
   * text like typed ones, replaced or not.
   */
  savedSecrets: readonly string[];
}

/** What else shapes a model besides the definition. */
export interface AuthModelOptions {
  /** Adds the OAuth2 Client ID and Client Secret fields (own app, or client credentials). */
  withClientFields?: boolean | undefined;
  /** A saved connection value of this method to edit (see `InitialConnectionValue`). */
  initial?: unknown | undefined;
  /** Adds a connection name field prefilled with this text. */
  connectionName?: string | undefined;
}

/** The Client ID / Client Secret fields of a user's own OAuth app. */
function clientFields(messages: Messages): FieldModel[] {
  return (['client_id', 'client_secret'] as const).map((key) => {
    const label = key === 'client_id' ? messages.clientId : messages.clientSecret;
    return {
      name: KIT_FIELD_NAMES[key],
      key,
      type: key === 'client_id' ? 'SHORT_TEXT' : 'SECRET_TEXT',
      label,
      required: true,
      property: { displayName: label, required: true },
      internal: key,
    };
  });
}

function nameField(messages: Messages, prefill: string): FieldModel {
  const label = messages.connectionName;
  return {
    name: KIT_FIELD_NAMES.display_name,
    key: 'displayName',
    type: 'SHORT_TEXT',
    label,
    required: true,
    property: { displayName: label, required: true, defaultValue: prefill },
    internal: 'display_name',
  };
}

const asRecord = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * Where a field's value sits in a connection value: where its kind keeps it (the props of
 * Custom and OAuth2 auths), the top level for the kit's own (`client_id`, `client_secret`).
 */
function valueAt(auth: AuthDefinition | undefined, initial: unknown, field: FieldModel): unknown {
  const top = asRecord(initial);
  const inProps = !field.internal && kindOf(auth).valuesIn === 'props';
  const source = inProps ? asRecord(top.props) : top;
  return Object.hasOwn(source, field.key) ? source[field.key] : undefined;
}

const isSavedSecret = (v: unknown) => (typeof v === 'string' && v !== '') || isKeptSecret(v);

/**
 * Derives fields, schema and defaults for one auth method. Pure: no React, no DOM.
 *
 * With `initial`, non-secret fields start from its values, and each secret it holds (a string
 * or `KEPT_SECRET`) is a saved one: its control starts empty and, left empty, parses to that
 * same string or marker. The strings stay in the schema's closure, never in a control.
 */
export function buildAuthModel(auth: AuthDefinition | undefined, messages: Messages, options: AuthModelOptions = {}): AuthModel {
  const { initial } = options;
  const own = describeFields(auth);
  const fields = [
    ...(options.connectionName !== undefined ? [nameField(messages, options.connectionName)] : []),
    ...(options.withClientFields ? clientFields(messages) : []),
    ...own,
  ].map((field) =>
    initial !== undefined && field.type === 'SECRET_TEXT' && isSavedSecret(valueAt(auth, initial, field))
      ? { ...field, saved: true, required: false }
      : field,
  );
  // Saved secrets the host gave as strings: a kept one parses to its string again.
  const savedStrings = fields.flatMap((f) => {
    const v = f.saved ? valueAt(auth, initial, f) : undefined;
    return typeof v === 'string' ? [[f.name, v] as const] : [];
  });
  // Built on first use, not with the model: building zod schemas is most of what a model costs,
  // and the form needs the schema only once the user submits (useConnectionForm warms it up
  // when the browser is idle after mount).
  let schema: AuthModel['schema'] | undefined;
  return {
    auth,
    fields,
    get schema() {
      schema ??= savedStrings.length
        ? withSavedStrings(createFormSchema(fields, messages), savedStrings)
        : createFormSchema(fields, messages);
      return schema;
    },
    defaultValues: getDefaultFormValues(fields, initial === undefined ? undefined : (f) => valueAt(auth, initial, f)),
    savedSecrets: savedStrings.map(([, value]) => value),
  };
}

/** The schema, with each kept secret of `saved` parsed to the string the host gave for it. */
function withSavedStrings(schema: ReturnType<typeof createFormSchema>, saved: readonly (readonly [string, string])[]) {
  // An overwrite runs after the fields parsed and keeps the schema's type and error paths.
  return schema.check(
    z.overwrite((values: Record<string, unknown>) => {
      const restored = { ...values };
      for (const [name, value] of saved) if (isKeptSecret(restored[name])) restored[name] = value;
      return restored;
    }),
  );
}
