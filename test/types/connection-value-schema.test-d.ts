// The wire shape is described twice, as TypeScript interfaces (ConnectionValue) and as zod
// schemas (WIRE in src/schema/auth-kinds.ts): these tests fail when the two drift apart, and pin
// that createConnectionValueSchema's output is typed from the definition.
import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import { PieceAuth, Property, createConnectionValueSchema } from '../../src/definitions-entry';
import type {
  BasicAuthConnectionValue,
  ConnectionValue,
  CustomAuthConnectionValue,
  NoAuthConnectionValue,
  OAuth2ConnectionValue,
  PlatformOAuth2ConnectionValue,
  SecretTextConnectionValue,
} from '../../src';
import type { WIRE } from '../../src/schema/connection-value-schema';

type Props = { host: string; port?: number | undefined };
type PropsSchema = z.ZodMiniType<Props>;

describe('the zod wire shapes agree with the ConnectionValue interfaces', () => {
  it('for every kind', () => {
    expectTypeOf<z.output<ReturnType<typeof WIRE.noAuth>>>().toEqualTypeOf<NoAuthConnectionValue>();
    expectTypeOf<z.output<ReturnType<typeof WIRE.secretText>>>().toEqualTypeOf<SecretTextConnectionValue>();
    expectTypeOf<z.output<ReturnType<typeof WIRE.basicAuth>>>().toEqualTypeOf<BasicAuthConnectionValue>();
    expectTypeOf<z.output<ReturnType<typeof WIRE.customAuth<PropsSchema>>>>().toEqualTypeOf<CustomAuthConnectionValue<Props>>();
    expectTypeOf<z.output<ReturnType<typeof WIRE.oauth2<PropsSchema>>>>().toEqualTypeOf<
      OAuth2ConnectionValue<Props> | PlatformOAuth2ConnectionValue<Props>
    >();
  });
});

describe('createConnectionValueSchema(auth)', () => {
  it("parses to ConnectionValue<typeof auth>, the definition's props included", () => {
    const aws = PieceAuth.CustomAuth({
      required: true,
      props: {
        accessKeyId: Property.ShortText({ displayName: 'Access Key ID', required: true }),
        secretAccessKey: PieceAuth.SecretText({ displayName: 'Secret Access Key', required: true }),
        region: Property.StaticDropdown({
          displayName: 'Region',
          required: false,
          options: { options: [{ label: 'EU', value: 'eu-west-1' as const }] },
        }),
      },
    });
    const value = createConnectionValueSchema(aws).parse({});
    expectTypeOf(value).toEqualTypeOf<ConnectionValue<typeof aws>>();
    expectTypeOf(value.props.accessKeyId).toEqualTypeOf<string>();
    // @ts-expect-error: not a prop of this definition
    value.props.sessionToken;
  });

  it('parses to the union of the methods of a multi-auth piece', () => {
    const methods = [
      PieceAuth.SecretText({ displayName: 'API Key', required: true }),
      PieceAuth.BasicAuth({
        displayName: 'Login',
        required: true,
        username: { displayName: 'User' },
        password: { displayName: 'Password' },
      }),
    ] as const;
    const value = createConnectionValueSchema(methods).parse({});
    expectTypeOf(value).toEqualTypeOf<SecretTextConnectionValue | BasicAuthConnectionValue>();
  });
});
