// Definitions built with the real `@activepieces/pieces-framework` builders get the same
// `ConnectionValue` as the same definitions built with ours.
import { PieceAuth as APAuth, Property as APProperty } from '@activepieces/pieces-framework';
import { describe, expectTypeOf, it } from 'vitest';
import { PieceAuth, Property } from '../../src';
import type { AuthInput, ConnectionValue } from '../../src';

describe('ConnectionValue of definitions built with the real builders', () => {
  it('is the same for SecretText', () => {
    const real = APAuth.SecretText({ displayName: 'API Key', required: true });
    const ours = PieceAuth.SecretText({ displayName: 'API Key', required: true });
    expectTypeOf<ConnectionValue<typeof real>>().toEqualTypeOf<ConnectionValue<typeof ours>>();
    expectTypeOf<ConnectionValue<typeof real>>().toEqualTypeOf<{ type: 'SECRET_TEXT'; secret_text: string }>();
  });

  it('is the same for BasicAuth', () => {
    const real = APAuth.BasicAuth({
      displayName: 'Credentials',
      required: true,
      username: { displayName: 'Username' },
      password: { displayName: 'Password' },
    });
    const ours = PieceAuth.BasicAuth({
      displayName: 'Credentials',
      required: true,
      username: { displayName: 'Username' },
      password: { displayName: 'Password' },
    });
    expectTypeOf<ConnectionValue<typeof real>>().toEqualTypeOf<ConnectionValue<typeof ours>>();
    expectTypeOf<ConnectionValue<typeof real>>().toEqualTypeOf<{ type: 'BASIC_AUTH'; username: string; password: string }>();
  });

  it('is the same for CustomAuth with every prop type', () => {
    // `as const` on the option values: the real StaticDropdown's `T` is not a const type
    // parameter, so without it the real builder itself widens the values to `string`.
    const real = APAuth.CustomAuth({
      required: true,
      props: {
        note: APProperty.MarkDown({ value: 'Read this first.' }),
        host: APProperty.ShortText({ displayName: 'Host', required: true }),
        notes: APProperty.LongText({ displayName: 'Notes', required: false }),
        token: APAuth.SecretText({ displayName: 'Token', required: true }),
        port: APProperty.Number({ displayName: 'Port', required: true }),
        ssl: APProperty.Checkbox({ displayName: 'SSL', required: false }),
        env: APProperty.StaticDropdown({
          displayName: 'Env',
          required: true,
          options: {
            options: [
              { label: 'Production', value: 'production' as const },
              { label: 'Sandbox', value: 'sandbox' as const },
            ],
          },
        }),
        ports: APProperty.StaticMultiSelectDropdown({
          displayName: 'Ports',
          required: false,
          options: {
            options: [
              { label: 'HTTP', value: 80 as const },
              { label: 'HTTPS', value: 443 as const },
            ],
          },
        }),
      },
    });
    const ours = PieceAuth.CustomAuth({
      required: true,
      props: {
        note: Property.MarkDown({ value: 'Read this first.' }),
        host: Property.ShortText({ displayName: 'Host', required: true }),
        notes: Property.LongText({ displayName: 'Notes', required: false }),
        token: PieceAuth.SecretText({ displayName: 'Token', required: true }),
        port: Property.Number({ displayName: 'Port', required: true }),
        ssl: Property.Checkbox({ displayName: 'SSL', required: false }),
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
        ports: Property.StaticMultiSelectDropdown({
          displayName: 'Ports',
          required: false,
          options: {
            options: [
              { label: 'HTTP', value: 80 },
              { label: 'HTTPS', value: 443 },
            ],
          },
        }),
      },
    });
    expectTypeOf<ConnectionValue<typeof real>>().toEqualTypeOf<ConnectionValue<typeof ours>>();
    expectTypeOf<ConnectionValue<typeof real>>().toEqualTypeOf<{
      type: 'CUSTOM_AUTH';
      props: {
        host: string;
        token: string;
        port: number;
        env: 'production' | 'sandbox';
        notes?: string;
        ssl?: boolean;
        ports?: (80 | 443)[];
      };
    }>();
  });

  it('reads what the real dropdown builder inferred', () => {
    const real = APAuth.CustomAuth({
      required: true,
      props: {
        env: APProperty.StaticDropdown({
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
    expectTypeOf<ConnectionValue<typeof real>>().toEqualTypeOf<{ type: 'CUSTOM_AUTH'; props: { env: string } }>();
  });

  it('is the same for None and for arrays of auths', () => {
    expectTypeOf<ConnectionValue<ReturnType<typeof APAuth.None>>>().toEqualTypeOf<{ type: 'NO_AUTH' }>();
    const real = [
      APAuth.SecretText({ displayName: 'Token', required: true }),
      APAuth.CustomAuth({ required: true, props: { key: APProperty.ShortText({ displayName: 'Key', required: true }) } }),
    ];
    const ours = [
      PieceAuth.SecretText({ displayName: 'Token', required: true }),
      PieceAuth.CustomAuth({ required: true, props: { key: Property.ShortText({ displayName: 'Key', required: true }) } }),
    ];
    expectTypeOf<ConnectionValue<typeof real>>().toEqualTypeOf<ConnectionValue<typeof ours>>();
    expectTypeOf<ConnectionValue<typeof real>>().toEqualTypeOf<
      { type: 'SECRET_TEXT'; secret_text: string } | { type: 'CUSTOM_AUTH'; props: { key: string } }
    >();
  });

  it('are accepted wherever the kit takes an auth', () => {
    const secret = APAuth.SecretText({ displayName: 'API Key', required: false });
    const basic = APAuth.BasicAuth({ required: true, username: { displayName: 'U' }, password: { displayName: 'P' } });
    const custom = APAuth.CustomAuth({
      required: true,
      props: { key: APProperty.ShortText({ displayName: 'Key', required: true }) },
      validate: async ({ auth }) => (auth.key ? { valid: true } : { valid: false, error: 'empty' }),
    });
    const oauth = APAuth.OAuth2({ required: true, authUrl: 'https://a.example', tokenUrl: 'https://t.example', scope: [] });
    expectTypeOf(secret).toExtend<AuthInput>();
    expectTypeOf(basic).toExtend<AuthInput>();
    expectTypeOf(custom).toExtend<AuthInput>();
    expectTypeOf(oauth).toExtend<AuthInput>();
    expectTypeOf([secret, basic, custom]).toExtend<AuthInput>();
    expectTypeOf(APAuth.None()).toExtend<AuthInput>();
  });
});
