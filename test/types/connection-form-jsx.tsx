// Type-only: the onConnect inference cases of connection-form.test-d.ts written as JSX.
// Checked by `tsc` and, through the import in connection-form.test-d.ts, by the `types` project.
import { PieceAuth as APAuth, Property as APProperty } from '@activepieces/pieces-framework';
import { expectTypeOf } from 'vitest';
import { ConnectionForm, PieceAuth, Property } from '../../src';

const apiKey = PieceAuth.SecretText({ displayName: 'API Key', required: true });
const basic = PieceAuth.BasicAuth({ username: { displayName: 'User' }, password: { displayName: 'Password' } });
const custom = PieceAuth.CustomAuth({
  required: true,
  props: {
    host: Property.ShortText({ displayName: 'Host', required: true }),
    ssl: Property.Checkbox({ displayName: 'SSL', required: false }),
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
  },
});

export const secretText = (
  <ConnectionForm
    auth={apiKey}
    onConnect={(v) => {
      expectTypeOf(v).toEqualTypeOf<{ type: 'SECRET_TEXT'; secret_text: string }>();
    }}
  />
);

export const basicAuth = (
  <ConnectionForm
    auth={basic}
    onConnect={(v) => {
      expectTypeOf(v).toEqualTypeOf<{ type: 'BASIC_AUTH'; username: string; password: string }>();
    }}
  />
);

export const customAuth = (
  <ConnectionForm
    auth={custom}
    onConnect={(v) => {
      expectTypeOf(v).toEqualTypeOf<{ type: 'CUSTOM_AUTH'; props: { host: string; scopes: ('read' | 'write')[]; ssl?: boolean } }>();
    }}
  />
);

export const none = (
  <ConnectionForm
    auth={PieceAuth.None()}
    onConnect={(v) => {
      expectTypeOf(v).toEqualTypeOf<{ type: 'NO_AUTH' }>();
    }}
  />
);

export const alternatives = (
  <ConnectionForm
    auth={[apiKey, basic] as const}
    onConnect={(v) => {
      if (v.type === 'BASIC_AUTH') expectTypeOf(v.password).toEqualTypeOf<string>();
      else expectTypeOf(v).toEqualTypeOf<{ type: 'SECRET_TEXT'; secret_text: string }>();
    }}
  />
);

// Definitions built with the real Activepieces builders are accepted as they are.
const realCustom = APAuth.CustomAuth({
  required: true,
  props: {
    apiKey: APAuth.SecretText({ displayName: 'API Key', required: true }),
    region: APProperty.StaticDropdown({
      displayName: 'Region',
      required: false,
      options: {
        options: [
          { label: 'EU', value: 'eu' as const },
          { label: 'US', value: 'us' as const },
        ],
      },
    }),
  },
  validate: async ({ auth }) => (auth.apiKey ? { valid: true } : { valid: false, error: 'empty' }),
});

export const real = (
  <>
    <ConnectionForm
      auth={APAuth.SecretText({ displayName: 'API Key', required: true })}
      onConnect={(v) => {
        expectTypeOf(v).toEqualTypeOf<{ type: 'SECRET_TEXT'; secret_text: string }>();
      }}
    />
    <ConnectionForm
      auth={realCustom}
      onConnect={(v) => {
        expectTypeOf(v).toEqualTypeOf<{ type: 'CUSTOM_AUTH'; props: { apiKey: string; region?: 'eu' | 'us' } }>();
      }}
    />
  </>
);

// onConnect answers nothing, or the server's verdict on the connection; nothing else.
declare function saveRecord(value: unknown): Promise<{ id: string }>;
export const answers = (
  <>
    <ConnectionForm auth={apiKey} onConnect={async () => {}} />
    <ConnectionForm auth={apiKey} onConnect={async () => ({ valid: false, error: 'The server refused the key.' })} />
    <ConnectionForm auth={apiKey} onConnect={() => ({ valid: true })} />
    {/* @ts-expect-error a saved record is not a verdict: await it and answer nothing */}
    <ConnectionForm auth={apiKey} onConnect={(v) => saveRecord(v)} />
    {/* @ts-expect-error a verdict needs its error */}
    <ConnectionForm auth={apiKey} onConnect={async () => ({ valid: false })} />
  </>
);
