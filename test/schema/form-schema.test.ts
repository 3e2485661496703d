import { describe, expect, it } from 'vitest';
import { PieceAuth, Property, defaultMessages } from '../../src';
import { createFormSchema, describeFields, getDefaultFormValues } from '../../src/headless-entry';
import type { AuthDefinition } from '../../src';
import { plainApiKeyAuth } from '../../stories/fixtures/auth-definitions';

const modelOf = (auth: AuthDefinition) => {
  const fields = describeFields(auth);
  return { fields, schema: createFormSchema(fields, defaultMessages), defaults: getDefaultFormValues(fields) };
};

/** The messages of a failed parse, keyed by field name. */
const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

const withDefaults = PieceAuth.CustomAuth({
  required: true,
  props: {
    note: Property.MarkDown({ value: 'Hello' }),
    host: Property.ShortText({ displayName: 'Host', required: true, defaultValue: 'db.example.com' }),
    notes: Property.LongText({ displayName: 'Notes', required: false, defaultValue: 'line 1\nline 2' }),
    token: PieceAuth.SecretText({ displayName: 'Token', required: false, defaultValue: 'preset' }),
    port: Property.Number({ displayName: 'Port', required: true, defaultValue: 5432 }),
    zero: Property.Number({ displayName: 'Zero', required: false, defaultValue: 0 }),
    ssl: Property.Checkbox({ displayName: 'SSL', required: false, defaultValue: true }),
    env: Property.StaticDropdown({
      displayName: 'Env',
      required: true,
      defaultValue: 'sandbox',
      options: {
        options: [
          { label: 'Production', value: 'production' },
          { label: 'Sandbox', value: 'sandbox' },
        ],
      },
    }),
    retries: Property.StaticDropdown({
      displayName: 'Retries',
      required: false,
      defaultValue: 3,
      options: {
        options: [
          { label: 'None', value: 0 },
          { label: 'Three', value: 3 },
        ],
      },
    }),
    verbose: Property.StaticDropdown({
      displayName: 'Verbose',
      required: false,
      defaultValue: false,
      options: {
        options: [
          { label: 'Yes', value: true },
          { label: 'No', value: false },
        ],
      },
    }),
    scopes: Property.StaticMultiSelectDropdown({
      displayName: 'Scopes',
      required: false,
      defaultValue: ['admin', 'read'],
      options: {
        options: [
          { label: 'Read', value: 'read' },
          { label: 'Write', value: 'write' },
          { label: 'Admin', value: 'admin' },
        ],
      },
    }),
  },
});

describe('getDefaultFormValues', () => {
  it("honours every property type's defaultValue and leaves markdown out", () => {
    expect(modelOf(withDefaults).defaults).toEqual({
      host: 'db.example.com',
      notes: 'line 1\nline 2',
      token: 'preset',
      port: '5432',
      zero: '0',
      ssl: true,
      env: '1',
      retries: '1',
      verbose: '1',
      scopes: ['2', '0'],
    });
  });

  it('turns the defaults back into the same values when parsed', () => {
    const { schema, defaults } = modelOf(withDefaults);
    expect(schema.parse(defaults)).toEqual({
      host: 'db.example.com',
      notes: 'line 1\nline 2',
      token: 'preset',
      port: 5432,
      zero: 0,
      ssl: true,
      env: 'sandbox',
      retries: 3,
      verbose: false,
      scopes: ['admin', 'read'],
    });
  });

  it('honours the defaultValue of a SecretText auth', () => {
    const { defaults, schema } = modelOf(PieceAuth.SecretText({ displayName: 'API Key', required: true, defaultValue: 'sk-test' }));
    expect(defaults).toEqual({ secret_text: 'sk-test' });
    expect(schema.parse(defaults)).toEqual({ secret_text: 'sk-test' });
  });

  it('starts empty without defaults: blank text, unchecked, no choice', () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: {
        host: Property.ShortText({ displayName: 'Host', required: true }),
        port: Property.Number({ displayName: 'Port', required: false }),
        ssl: Property.Checkbox({ displayName: 'SSL', required: false }),
        env: Property.StaticDropdown({ displayName: 'Env', required: false, options: { options: [{ label: 'A', value: 'a' }] } }),
        tags: Property.StaticMultiSelectDropdown({
          displayName: 'Tags',
          required: false,
          options: { options: [{ label: 'A', value: 'a' }] },
        }),
      },
    });
    expect(modelOf(auth).defaults).toEqual({ host: '', port: '', ssl: false, env: '', tags: [] });
  });

  it('matches a dropdown default that is not among the options to no choice', () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: {
        env: Property.StaticDropdown({
          displayName: 'Env',
          required: false,
          defaultValue: 'gone' as 'a',
          options: { options: [{ label: 'A', value: 'a' }] },
        }),
      },
    });
    expect(modelOf(auth).defaults).toEqual({ env: '' });
  });

  it('matches object-valued dropdown defaults by value, not by identity', () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: {
        plan: Property.StaticDropdown({
          displayName: 'Plan',
          required: true,
          defaultValue: { tier: 'pro', seats: 5 },
          options: {
            options: [
              { label: 'Free', value: { tier: 'free', seats: 1 } },
              { label: 'Pro', value: { tier: 'pro', seats: 5 } },
            ],
          },
        }),
      },
    });
    const { defaults, schema } = modelOf(auth);
    expect(defaults).toEqual({ plan: '1' });
    expect(schema.parse(defaults)).toEqual({ plan: { tier: 'pro', seats: 5 } });
  });

  it('matches an object default whose keys are written in another order', () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: {
        plan: Property.StaticDropdown({
          displayName: 'Plan',
          required: true,
          // Same object as the second option, keys in another order.
          defaultValue: { seats: 5, tier: 'pro' } as { tier: 'pro'; seats: 5 },
          options: {
            options: [
              { label: 'Free', value: { tier: 'free', seats: 1 } },
              { label: 'Pro', value: { tier: 'pro', seats: 5 } },
            ],
          },
        }),
      },
    });
    expect(modelOf(auth).defaults).toEqual({ plan: '1' });
  });

  it('maps a default that repeats an option value to the first such option', () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: {
        region: Property.StaticDropdown({
          displayName: 'Region',
          required: true,
          defaultValue: 'us-east-1',
          options: {
            options: [
              { label: 'EU', value: 'eu-west-1' },
              { label: 'Default', value: 'us-east-1' },
              { label: 'US East', value: 'us-east-1' },
            ],
          },
        }),
      },
    });
    expect(modelOf(auth).defaults).toEqual({ region: '1' });
  });
});

describe('createFormSchema', () => {
  const auth = PieceAuth.CustomAuth({
    required: true,
    props: {
      note: Property.MarkDown({ value: 'Hello' }),
      host: Property.ShortText({ displayName: 'Host', required: true }),
      notes: Property.LongText({ displayName: 'Notes', required: false }),
      token: PieceAuth.SecretText({ displayName: 'Token', required: true }),
      port: Property.Number({ displayName: 'Port', required: true }),
      timeout: Property.Number({ displayName: 'Timeout', required: false }),
      ssl: Property.Checkbox({ displayName: 'SSL', required: true }),
      env: Property.StaticDropdown({
        displayName: 'Env',
        required: true,
        options: {
          options: [
            { label: 'Production', value: 'production' },
            { label: 'Sandbox', value: 'sandbox' },
          ],
        },
      }),
      retries: Property.StaticDropdown({
        displayName: 'Retries',
        required: false,
        options: {
          options: [
            { label: 'None', value: 0 },
            { label: 'Three', value: 3 },
          ],
        },
      }),
      scopes: Property.StaticMultiSelectDropdown({
        displayName: 'Scopes',
        required: true,
        options: {
          options: [
            { label: 'Read', value: 'read' },
            { label: 'Write', value: 'write' },
          ],
        },
      }),
      tags: Property.StaticMultiSelectDropdown({
        displayName: 'Tags',
        required: false,
        options: { options: [{ label: 'A', value: 'a' }] },
      }),
    },
  });
  const { schema } = modelOf(auth);
  const filled = {
    host: 'db',
    notes: '',
    token: 's3cret',
    port: '5432',
    timeout: '',
    ssl: false,
    env: '1',
    retries: '',
    scopes: ['1', '0'],
    tags: [],
  };

  it('turns raw control values into emitted values, empty optional ones into undefined', () => {
    expect(schema.parse(filled)).toEqual({
      host: 'db',
      notes: undefined,
      token: 's3cret',
      port: 5432,
      timeout: undefined,
      ssl: false,
      env: 'sandbox',
      retries: undefined,
      scopes: ['write', 'read'],
      tags: undefined,
    });
  });

  it('parses numbers, including decimals, exponents and surrounding spaces', () => {
    expect(schema.parse({ ...filled, port: ' 80 ', timeout: '2.5' })).toMatchObject({ port: 80, timeout: 2.5 });
    expect(schema.parse({ ...filled, port: '1e3', timeout: '-0.25' })).toMatchObject({ port: 1000, timeout: -0.25 });
    expect(schema.parse({ ...filled, port: '0' })).toMatchObject({ port: 0 });
  });

  it('rejects text that is not a finite number, naming the label', () => {
    for (const port of ['abc', '12px', 'Infinity']) {
      const result = schema.safeParse({ ...filled, port });
      expect(result.success).toBe(false);
      expect(errorsOf(result)).toEqual({ port: 'Port must be a number.' });
    }
    expect(errorsOf(schema.safeParse({ ...filled, timeout: 'soon' }))).toEqual({ timeout: 'Timeout must be a number.' });
  });

  it('rejects every blank or whitespace-only required field with a message naming its label', () => {
    const result = schema.safeParse({ ...filled, host: '', token: '   ', port: ' \t ', env: '', scopes: [] });
    expect(result.success).toBe(false);
    expect(errorsOf(result)).toEqual({
      host: 'Host is required.',
      token: 'Token is required.',
      port: 'Port is required.',
      env: 'Choose a value for Env.',
      scopes: 'Choose at least one value for Scopes.',
    });
  });

  it('accepts an unchecked required checkbox as false', () => {
    expect(schema.parse({ ...filled, ssl: false })).toMatchObject({ ssl: false });
    expect(schema.parse({ ...filled, ssl: true })).toMatchObject({ ssl: true });
  });

  it('keeps the labels of a custom messages object', () => {
    const custom = createFormSchema(describeFields(auth), { ...defaultMessages, required: (label) => `Fill in ${label}` });
    expect(errorsOf(custom.safeParse({ ...filled, host: ' ' }))).toEqual({ host: 'Fill in Host' });
  });

  it('emits the value of the chosen option even when values repeat', () => {
    const repeated = PieceAuth.CustomAuth({
      required: true,
      props: {
        region: Property.StaticDropdown({
          displayName: 'Region',
          required: true,
          options: {
            options: [
              { label: 'Default', value: 'us-east-1' },
              { label: 'US East', value: 'us-east-1' },
              { label: 'EU', value: 'eu-west-1' },
            ],
          },
        }),
      },
    });
    const m = modelOf(repeated);
    expect(m.schema.parse({ region: '1' })).toEqual({ region: 'us-east-1' });
    expect(m.schema.parse({ region: '2' })).toEqual({ region: 'eu-west-1' });
  });

  it('reports a raw dropdown value that is not an option index instead of dropping it', () => {
    const m = modelOf(withDefaults);
    const filled = { ...m.defaults, host: 'h', port: '1' };
    for (const raw of ['sandbox', '2', '-1', '1.0', ' 1']) {
      expect(errorsOf(m.schema.safeParse({ ...filled, env: raw })), raw).toEqual({ env: 'Choose a value for Env.' });
      expect(errorsOf(m.schema.safeParse({ ...filled, retries: raw })), raw).toEqual({ retries: 'Choose a value for Retries.' });
    }
    expect(m.schema.parse({ ...filled, env: '0', retries: '' })).toMatchObject({ env: 'production', retries: undefined });
  });

  it('requires the secret of a SecretText auth and the fields of a BasicAuth', () => {
    const secret = modelOf(plainApiKeyAuth);
    expect(secret.defaults).toEqual({ secret_text: '' });
    expect(errorsOf(secret.schema.safeParse({ secret_text: '  ' }))).toEqual({ secret_text: 'API Key is required.' });
    expect(secret.schema.parse({ secret_text: 'sk-1' })).toEqual({ secret_text: 'sk-1' });

    const basic = modelOf(PieceAuth.BasicAuth({ username: { displayName: 'User' }, password: { displayName: 'Pass' } }));
    expect(basic.defaults).toEqual({ username: '', password: '' });
    expect(errorsOf(basic.schema.safeParse({ username: '', password: ' ' }))).toEqual({
      username: 'User is required.',
      password: 'Pass is required.',
    });
  });

  it('rejects a required prop of a type the kit cannot render, and ignores an optional one', () => {
    const fields = describeFields({
      type: 'CUSTOM_AUTH',
      displayName: 'X',
      required: true,
      valueSchema: undefined,
      props: {
        file: { type: 'FILE', displayName: 'File', required: true, valueSchema: undefined },
        color: { type: 'COLOR', displayName: 'Color', required: false, valueSchema: undefined },
      },
    } as unknown as AuthDefinition);
    const unsupported = createFormSchema(fields, defaultMessages);
    const result = unsupported.safeParse(getDefaultFormValues(fields));
    expect(errorsOf(result)).toEqual({ file: 'File uses the property type "FILE", which connection-kit cannot render.' });
  });
});
