// `<ConnectionForm>`'s `onConnect` parameter is inferred from `auth` with no annotation.
// A `.test-d.ts` cannot hold JSX, so the cases here call the component the way JSX resolves a
// generic function component (its props as the one argument); the same cases written as JSX
// live in connection-form-jsx.tsx, imported below so this project type-checks them too.
import { describe, expectTypeOf, it } from 'vitest';
import { ConnectionForm, PieceAuth, Property } from '../../src';
import type { ConnectionValue } from '../../src';
import './connection-form-jsx';

const apiKey = PieceAuth.SecretText({ displayName: 'API Key', required: true });
const basic = PieceAuth.BasicAuth({ username: { displayName: 'User' }, password: { displayName: 'Password' } });
const custom = PieceAuth.CustomAuth({
  required: true,
  props: {
    host: Property.ShortText({ displayName: 'Host', required: true }),
    port: Property.Number({ displayName: 'Port', required: false }),
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
  },
});

describe("ConnectionForm's onConnect", () => {
  it('receives the SecretText value', () => {
    ConnectionForm({
      auth: apiKey,
      onConnect: (value) => {
        expectTypeOf(value).toEqualTypeOf<{ type: 'SECRET_TEXT'; secret_text: string }>();
      },
    });
  });

  it('receives the BasicAuth value', () => {
    ConnectionForm({
      auth: basic,
      onConnect: (value) => {
        expectTypeOf(value).toEqualTypeOf<{ type: 'BASIC_AUTH'; username: string; password: string }>();
      },
    });
  });

  it('receives the CustomAuth value with typed props', () => {
    ConnectionForm({
      auth: custom,
      onConnect: async (value) => {
        expectTypeOf(value).toEqualTypeOf<{
          type: 'CUSTOM_AUTH';
          props: { host: string; env: 'production' | 'sandbox'; port?: number };
        }>();
      },
    });
  });

  it('receives NO_AUTH for PieceAuth.None()', () => {
    ConnectionForm({
      auth: PieceAuth.None(),
      onConnect: (value) => {
        expectTypeOf(value).toEqualTypeOf<{ type: 'NO_AUTH' }>();
      },
    });
  });

  it('receives a union that narrows on type for an array of auths', () => {
    ConnectionForm({
      auth: [apiKey, custom],
      onConnect: (value) => {
        expectTypeOf(value).toEqualTypeOf<ConnectionValue<[typeof apiKey, typeof custom]>>();
        if (value.type === 'CUSTOM_AUTH') expectTypeOf(value.props.env).toEqualTypeOf<'production' | 'sandbox'>();
        else expectTypeOf(value.secret_text).toEqualTypeOf<string>();
      },
    });
  });

  it('rejects a handler that expects another value', () => {
    ConnectionForm({
      auth: apiKey,
      // @ts-expect-error a SecretText auth never emits a BasicAuth value.
      onConnect: (value: { type: 'BASIC_AUTH'; username: string; password: string }) => {
        void value;
      },
    });
  });
});

describe("ConnectionForm's validate", () => {
  it('receives what the definition would and the value to be emitted', () => {
    ConnectionForm({
      auth: custom,
      onConnect: () => {},
      validate: ({ auth, value, signal }) => {
        expectTypeOf(auth).toEqualTypeOf<{ host: string; env: 'production' | 'sandbox'; port?: number }>();
        expectTypeOf(value).toEqualTypeOf<ConnectionValue<typeof custom>>();
        expectTypeOf(signal).toEqualTypeOf<AbortSignal>();
        return { valid: true };
      },
    });
  });
});
