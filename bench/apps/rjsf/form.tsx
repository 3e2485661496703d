/**
 * What many reach for: @rjsf/core with its ajv8 validator, the same form as a JSON Schema.
 * Defaults everywhere except `noHtml5Validate` (so the browser's own bubbles do not block the
 * submit and rjsf's errors show, as in the other apps).
 */
import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { benchFields, noopValidate, REGIONS, type FieldSpec } from '../../forms';

function toSchema(field: FieldSpec): RJSFSchema {
  const base = { title: field.label, ...(field.description ? { description: field.description } : {}) };
  switch (field.kind) {
    case 'text':
    case 'secret':
    case 'longtext':
      return { ...base, type: 'string' };
    case 'dropdown':
      return { ...base, type: 'string', enum: REGIONS.map((r) => r.value) };
    case 'checkbox':
      return { ...base, type: 'boolean', default: false };
    case 'number':
      return { ...base, type: 'number' };
  }
}

function benchSchema(extra: number) {
  const fields = benchFields(extra);
  const schema: RJSFSchema = {
    type: 'object',
    description: 'Connect to your database.',
    required: fields.filter((f) => f.required).map((f) => f.key),
    properties: Object.fromEntries(fields.map((f) => [f.key, toSchema(f)])),
  };
  const uiSchema: UiSchema = {
    apiKey: { 'ui:widget': 'password' },
    region: { 'ui:enumNames': REGIONS.map((r) => r.label) },
    notes: { 'ui:widget': 'textarea' },
  };
  return { extra, schema, uiSchema };
}

// Built once per page, outside render.
let cached: ReturnType<typeof benchSchema> | undefined;

export function BenchForm({ extra, onValue }: { extra: number; onValue: (value: unknown) => void }) {
  if (cached?.extra !== extra) cached = benchSchema(extra);
  return (
    <Form
      schema={cached.schema}
      uiSchema={cached.uiSchema}
      validator={validator}
      noHtml5Validate
      onSubmit={async ({ formData }) => {
        const result = await noopValidate(formData);
        if (result.valid) onValue({ type: 'CUSTOM_AUTH', props: formData });
      }}
    />
  );
}
