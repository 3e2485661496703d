import { describe, expectTypeOf, it } from 'vitest';
import { PieceAuth, Property } from '../../src';
import type { AuthValue, ServerContext, ValidationResult } from '../../src';

describe("validate's auth argument", () => {
  it('is the secret string for SecretText', () => {
    const auth = PieceAuth.SecretText({
      displayName: 'API Key',
      required: true,
      validate: async ({ auth, server }) => {
        expectTypeOf(auth).toEqualTypeOf<string>();
        expectTypeOf(server).toEqualTypeOf<ServerContext>();
        return auth.startsWith('sk-') ? { valid: true } : { valid: false, error: 'Keys start with sk-' };
      },
    });
    expectTypeOf<AuthValue<typeof auth>>().toEqualTypeOf<string>();
  });

  it('is { username, password } for BasicAuth', () => {
    const auth = PieceAuth.BasicAuth({
      username: { displayName: 'Username' },
      password: { displayName: 'Password' },
      validate: async ({ auth }) => {
        expectTypeOf(auth).toEqualTypeOf<{ username: string; password: string }>();
        return { valid: true };
      },
    });
    expectTypeOf<AuthValue<typeof auth>>().toEqualTypeOf<{ username: string; password: string }>();
  });

  it('is the props object for CustomAuth, typed from the same definition', () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: {
        note: Property.MarkDown({ value: 'Find these in the console.' }),
        accessKeyId: Property.ShortText({ displayName: 'Access Key ID', required: true }),
        secretAccessKey: PieceAuth.SecretText({ displayName: 'Secret', required: true }),
        region: Property.StaticDropdown({
          displayName: 'Region',
          required: true,
          options: {
            options: [
              { label: 'EU', value: 'eu-west-1' },
              { label: 'US', value: 'us-east-1' },
            ],
          },
        }),
        port: Property.Number({ displayName: 'Port', required: false }),
        scopes: Property.StaticMultiSelectDropdown({
          displayName: 'Scopes',
          required: false,
          options: { options: [{ label: 'Read', value: 'read' }] },
        }),
      },
      validate: async ({ auth }) => {
        expectTypeOf(auth).toEqualTypeOf<{
          accessKeyId: string;
          secretAccessKey: string;
          region: 'eu-west-1' | 'us-east-1';
          port?: number;
          scopes?: 'read'[];
        }>();
        // @ts-expect-error the markdown note has no value.
        void auth.note;
        return { valid: true };
      },
    });
    expectTypeOf<AuthValue<typeof auth>>().toHaveProperty('region').toEqualTypeOf<'eu-west-1' | 'us-east-1'>();
  });

  it('must answer a ValidationResult', () => {
    PieceAuth.SecretText({
      displayName: 'API Key',
      required: true,
      // @ts-expect-error `ok` is not part of { valid: true } | { valid: false; error }.
      validate: async () => ({ ok: true }),
    });
    expectTypeOf<ValidationResult>().toEqualTypeOf<{ valid: true } | { valid: false; error: string }>();
  });
});
