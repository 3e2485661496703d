// Type-only: what onConnect receives when the form edits a saved connection, written as JSX.
// Checked by `tsc` and, through the import in edit-connection.test-d.ts, by the `types` project.
import { expectTypeOf } from 'vitest';
import { ConnectionForm, KEPT_SECRET, PieceAuth, Property, type KeptSecret } from '../../src';

const apiKey = PieceAuth.SecretText({ displayName: 'API Key', required: true });
const basic = PieceAuth.BasicAuth({ username: { displayName: 'User' }, password: { displayName: 'Password' } });
const custom = PieceAuth.CustomAuth({
  required: true,
  props: {
    host: Property.ShortText({ displayName: 'Host', required: true }),
    token: PieceAuth.SecretText({ displayName: 'Token', required: true }),
    note: PieceAuth.SecretText({ displayName: 'Optional secret', required: false }),
  },
});

export const newConnection = (
  <ConnectionForm
    auth={custom}
    onConnect={(v, details) => {
      expectTypeOf(v).toEqualTypeOf<{ type: 'CUSTOM_AUTH'; props: { host: string; token: string; note?: string } }>();
      expectTypeOf(details.displayName).toEqualTypeOf<string | undefined>();
    }}
  />
);

export const editedCustom = (
  <ConnectionForm
    auth={custom}
    initialValue={{ type: 'CUSTOM_AUTH', props: { host: 'h', token: KEPT_SECRET } }}
    onConnect={(v) => {
      expectTypeOf(v).toEqualTypeOf<{
        type: 'CUSTOM_AUTH';
        props: { host: string; token: string | KeptSecret; note?: string | KeptSecret };
      }>();
    }}
  />
);

export const editedSecretText = (
  <ConnectionForm
    auth={apiKey}
    initialValue={{ type: 'SECRET_TEXT', secret_text: KEPT_SECRET }}
    onConnect={(v) => {
      expectTypeOf(v).toEqualTypeOf<{ type: 'SECRET_TEXT'; secret_text: string | KeptSecret }>();
    }}
  />
);

export const editedBasic = (
  <ConnectionForm
    auth={basic}
    initialValue={{ type: 'BASIC_AUTH', username: 'ada' }}
    onConnect={(v) => {
      expectTypeOf(v).toEqualTypeOf<{ type: 'BASIC_AUTH'; username: string; password: string | KeptSecret }>();
    }}
  />
);

export const wrongType = (
  // @ts-expect-error the saved value is of another auth type than the definition.
  <ConnectionForm auth={apiKey} initialValue={{ type: 'BASIC_AUTH', username: 'ada' }} onConnect={() => {}} />
);

export const wrongProp = (
  <ConnectionForm
    auth={custom}
    // @ts-expect-error a non-secret prop cannot be kept.
    initialValue={{ type: 'CUSTOM_AUTH', props: { host: KEPT_SECRET } }}
    onConnect={() => {}}
  />
);
