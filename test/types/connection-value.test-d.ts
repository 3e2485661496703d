import { describe, expectTypeOf, it } from 'vitest';
import { PieceAuth, Property } from '../../src';
import type { ConnectionValue } from '../../src';

describe('ConnectionValue of a custom auth', () => {
  it('makes a prop with literal required: true non-optional and required: false optional', () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: {
        must: Property.ShortText({ displayName: 'Must', required: true }),
        may: Property.ShortText({ displayName: 'May', required: false }),
      },
    });
    type Props = ConnectionValue<typeof auth>['props'];
    expectTypeOf<Props>().toEqualTypeOf<{ must: string; may?: string }>();
    expectTypeOf<Props>().toHaveProperty('must').toEqualTypeOf<string>();
    // `may` is optional: reading it can give undefined.
    expectTypeOf<Props['may']>().toEqualTypeOf<string | undefined>();
  });

  it('treats a required flag widened to boolean as optional', () => {
    const flag: boolean = Math.random() > 0.5;
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: { maybe: Property.ShortText({ displayName: 'Maybe', required: flag }) },
    });
    expectTypeOf<ConnectionValue<typeof auth>['props']>().toEqualTypeOf<{ maybe?: string }>();
  });

  it('keeps required: true non-optional when validate is context-sensitive', () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: {
        key: PieceAuth.SecretText({ displayName: 'Key', required: true }),
        port: Property.Number({ displayName: 'Port', required: true }),
      },
      validate: async ({ auth: value }) => (value.key.length > value.port ? { valid: true } : { valid: false, error: 'short' }),
    });
    expectTypeOf<ConnectionValue<typeof auth>['props']>().toEqualTypeOf<{ key: string; port: number }>();
  });

  it('types text, long text, secret, number and checkbox props', () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: {
        short: Property.ShortText({ displayName: 'Short', required: true }),
        long: Property.LongText({ displayName: 'Long', required: true }),
        secret: PieceAuth.SecretText({ displayName: 'Secret', required: true }),
        port: Property.Number({ displayName: 'Port', required: true }),
        ssl: Property.Checkbox({ displayName: 'SSL', required: true }),
        retries: Property.Number({ displayName: 'Retries', required: false }),
        verbose: Property.Checkbox({ displayName: 'Verbose', required: false }),
      },
    });
    expectTypeOf<ConnectionValue<typeof auth>>().toEqualTypeOf<{
      type: 'CUSTOM_AUTH';
      props: {
        short: string;
        long: string;
        secret: string;
        port: number;
        ssl: boolean;
        retries?: number;
        verbose?: boolean;
      };
    }>();
  });

  it('gives a dropdown the union of its option values: strings, numbers and booleans', () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: {
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
          required: true,
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
          options: {
            options: [
              { label: 'Yes', value: true },
              { label: 'No', value: false },
            ],
          },
        }),
        // Options of different kinds have no common type to infer (as in Activepieces):
        // the author names the union.
        mixed: Property.StaticDropdown<'auto' | 10 | false, true>({
          displayName: 'Mixed',
          required: true,
          options: {
            options: [
              { label: 'Auto', value: 'auto' },
              { label: 'Ten', value: 10 },
              { label: 'Off', value: false },
            ],
          },
        }),
      },
    });
    type Props = ConnectionValue<typeof auth>['props'];
    expectTypeOf<Props['env']>().toEqualTypeOf<'production' | 'sandbox'>();
    expectTypeOf<Props['retries']>().toEqualTypeOf<0 | 3>();
    expectTypeOf<Props['verbose']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Props['mixed']>().toEqualTypeOf<'auto' | 10 | false>();
    expectTypeOf<Props>().toEqualTypeOf<{ env: 'production' | 'sandbox'; retries: 0 | 3; mixed: 'auto' | 10 | false; verbose?: boolean }>();
  });

  it('gives a multi-select an array of the union of its option values', () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: {
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
    type Props = ConnectionValue<typeof auth>['props'];
    expectTypeOf<Props['scopes']>().toEqualTypeOf<('read' | 'write')[]>();
    expectTypeOf<Props['ports']>().toEqualTypeOf<(80 | 443)[] | undefined>();
  });

  it('leaves MarkDown notes out of the value', () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: {
        intro: Property.MarkDown({ value: 'Find the key under **Settings**.' }),
        key: Property.ShortText({ displayName: 'Key', required: true }),
        warning: Property.MarkDown({ value: 'Use a sandbox.', variant: 'WARNING' }),
      },
    });
    type Props = ConnectionValue<typeof auth>['props'];
    expectTypeOf<Props>().toEqualTypeOf<{ key: string }>();
    expectTypeOf<keyof Props>().toEqualTypeOf<'key'>();
  });

  it('rejects reading a prop the definition does not have', () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: { key: Property.ShortText({ displayName: 'Key', required: true }) },
    });
    const read = (value: ConnectionValue<typeof auth>) => {
      // @ts-expect-error `region` is not a prop of this auth.
      return value.props.region;
    };
    expectTypeOf(read).returns.toBeAny();
  });
});

describe('ConnectionValue of the other auth types', () => {
  it('is { type: SECRET_TEXT; secret_text: string } for SecretText', () => {
    const auth = PieceAuth.SecretText({ displayName: 'API Key', required: true });
    expectTypeOf<ConnectionValue<typeof auth>>().toEqualTypeOf<{ type: 'SECRET_TEXT'; secret_text: string }>();
  });

  it('is { type: BASIC_AUTH; username; password } for BasicAuth', () => {
    const auth = PieceAuth.BasicAuth({
      displayName: 'Credentials',
      username: { displayName: 'Username' },
      password: { displayName: 'Password' },
    });
    expectTypeOf<ConnectionValue<typeof auth>>().toEqualTypeOf<{
      type: 'BASIC_AUTH';
      username: string;
      password: string;
    }>();
  });

  it('is { type: NO_AUTH } for PieceAuth.None()', () => {
    const auth = PieceAuth.None();
    expectTypeOf(auth).toEqualTypeOf<undefined>();
    expectTypeOf<ConnectionValue<typeof auth>>().toEqualTypeOf<{ type: 'NO_AUTH' }>();
  });

  it('types the props of an OAuth2 value', () => {
    const auth = PieceAuth.OAuth2({
      authUrl: 'https://example.com/authorize',
      tokenUrl: 'https://example.com/token',
      required: true,
      scope: ['read'],
      props: { subdomain: Property.ShortText({ displayName: 'Subdomain', required: true }) },
    });
    type V = ConnectionValue<typeof auth>;
    expectTypeOf<Extract<V, { type: 'OAUTH2' }>>().not.toBeNever();
    expectTypeOf<V['code']>().toEqualTypeOf<string>();
    expectTypeOf<V['props']>().toEqualTypeOf<{ subdomain: string } | undefined>();
  });
});

describe('ConnectionValue of an array of auths', () => {
  const secret = PieceAuth.SecretText({ displayName: 'Token', required: true });
  const basic = PieceAuth.BasicAuth({ username: { displayName: 'User' }, password: { displayName: 'Password' } });
  const custom = PieceAuth.CustomAuth({
    required: true,
    props: { botToken: PieceAuth.SecretText({ displayName: 'Bot token', required: true }) },
  });

  it('is a union discriminated on type', () => {
    const auth = [secret, basic, custom] as const;
    expectTypeOf<ConnectionValue<typeof auth>>().toEqualTypeOf<
      | { type: 'SECRET_TEXT'; secret_text: string }
      | { type: 'BASIC_AUTH'; username: string; password: string }
      | { type: 'CUSTOM_AUTH'; props: { botToken: string } }
    >();
  });

  it('is the same union for a mutable array', () => {
    const auth = [secret, custom];
    expectTypeOf<ConnectionValue<typeof auth>>().toEqualTypeOf<
      { type: 'SECRET_TEXT'; secret_text: string } | { type: 'CUSTOM_AUTH'; props: { botToken: string } }
    >();
  });

  it('narrows on value.type', () => {
    const auth = [secret, basic, custom] as const;
    const describe = (value: ConnectionValue<typeof auth>): string => {
      switch (value.type) {
        case 'SECRET_TEXT':
          expectTypeOf(value).toEqualTypeOf<{ type: 'SECRET_TEXT'; secret_text: string }>();
          // @ts-expect-error a secret text value has no username.
          void value.username;
          return value.secret_text;
        case 'BASIC_AUTH':
          expectTypeOf(value).toEqualTypeOf<{ type: 'BASIC_AUTH'; username: string; password: string }>();
          return value.username;
        case 'CUSTOM_AUTH':
          expectTypeOf(value.props).toEqualTypeOf<{ botToken: string }>();
          return value.props.botToken;
        default:
          expectTypeOf(value).toBeNever();
          return value;
      }
    };
    expectTypeOf(describe).parameter(0).toHaveProperty('type').toEqualTypeOf<'SECRET_TEXT' | 'BASIC_AUTH' | 'CUSTOM_AUTH'>();
  });
});
