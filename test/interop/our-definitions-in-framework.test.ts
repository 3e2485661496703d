// Definitions built with our builders pass the real framework's own definition schema
// (`PieceAuthProperty`, what Activepieces checks a piece's `auth` against), exactly as the same
// definitions built with the real builders do.
import { PieceAuth as APAuth, PieceAuthProperty, Property as APProperty } from '@activepieces/pieces-framework';
import { describe, expect, it } from 'vitest';
import { PieceAuth, Property } from '../../src';

const validate = async () => ({ valid: true as const });

/** Every prop type the framework's CustomAuth schema admits, built with each side's builders. */
function customProps(B: { Property: typeof Property; PieceAuth: typeof PieceAuth }) {
  return {
    host: B.Property.ShortText({ displayName: 'Host', description: 'Host name', required: true, defaultValue: 'db' }),
    notes: B.Property.LongText({ displayName: 'Notes', required: false }),
    port: B.Property.Number({ displayName: 'Port', required: true, defaultValue: 5432 }),
    ssl: B.Property.Checkbox({ displayName: 'SSL', required: false, defaultValue: true }),
    env: B.Property.StaticDropdown({
      displayName: 'Env',
      required: true,
      defaultValue: 'prod',
      options: {
        placeholder: 'Pick',
        options: [
          { label: 'Prod', value: 'prod' },
          { label: 'Dev', value: 'dev' },
        ],
      },
    }),
  };
}

const real = { Property: APProperty, PieceAuth: APAuth } as unknown as { Property: typeof Property; PieceAuth: typeof PieceAuth };
const ours = { Property, PieceAuth };

describe("the framework's PieceAuthProperty schema", () => {
  it('accepts our SecretText', () => {
    const auth = PieceAuth.SecretText({ displayName: 'API Key', description: 'd', required: true, validate });
    const result = PieceAuthProperty.safeParse(auth);
    expect(result.error?.issues).toBeUndefined();
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ type: 'SECRET_TEXT', displayName: 'API Key', required: true });
  });

  it('accepts our BasicAuth', () => {
    const auth = PieceAuth.BasicAuth({
      description: 'd',
      username: { displayName: 'User', description: 'e-mail' },
      password: { displayName: 'Password' },
      validate,
    });
    const result = PieceAuthProperty.safeParse(auth);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ type: 'BASIC_AUTH', displayName: 'Connection', required: true });
  });

  it('accepts our CustomAuth with every prop type it admits', () => {
    const auth = PieceAuth.CustomAuth({ displayName: 'DB', required: true, props: customProps(ours), validate });
    const result = PieceAuthProperty.safeParse(auth);
    expect(result.error?.issues).toBeUndefined();
    expect(result.success).toBe(true);
    expect(Object.keys((result.data as { props: object }).props)).toEqual(['host', 'notes', 'port', 'ssl', 'env']);
  });

  it('accepts our OAuth2, with props and options', () => {
    const auth = PieceAuth.OAuth2({
      authUrl: 'https://example.com/authorize',
      tokenUrl: 'https://example.com/token',
      required: true,
      scope: ['read'],
      pkce: true,
      pkceMethod: 'S256',
      prompt: 'consent',
      authorizationMethod: 'BODY',
      grantType: 'both_client_credentials_and_authorization_code',
      extra: { audience: 'api' },
      props: {
        subdomain: Property.ShortText({ displayName: 'Subdomain', required: true }),
        key: PieceAuth.SecretText({ displayName: 'Key', required: false }),
        region: Property.StaticDropdown({ displayName: 'Region', required: true, options: { options: [{ label: 'EU', value: 'eu' }] } }),
      },
    });
    expect(PieceAuthProperty.safeParse(auth).success).toBe(true);
  });

  it('gives the same verdict for ours as for the real builders, prop type by prop type', () => {
    const build = (B: typeof ours) => {
      const p = customProps(B);
      return {
        secret: B.PieceAuth.SecretText({ displayName: 'K', required: false }),
        basic: B.PieceAuth.BasicAuth({ username: { displayName: 'U' }, password: { displayName: 'P' } }),
        custom: B.PieceAuth.CustomAuth({ required: true, props: p }),
        // The framework's CustomAuth schema leaves out these three prop types, even for its own
        // builders' output: ours must be judged the same way, not better or worse.
        withSecretProp: B.PieceAuth.CustomAuth({
          required: true,
          props: { ...p, s: B.PieceAuth.SecretText({ displayName: 'S', required: true }) },
        }),
        withMultiSelect: B.PieceAuth.CustomAuth({
          required: true,
          props: { m: B.Property.StaticMultiSelectDropdown({ displayName: 'M', required: false, options: { options: [] } }) },
        }),
        withMarkdown: B.PieceAuth.CustomAuth({ required: true, props: { n: B.Property.MarkDown({ value: 'x' }) } }),
        oauth: B.PieceAuth.OAuth2({ authUrl: 'https://a', tokenUrl: 'https://t', required: true, scope: [] }),
      };
    };
    const oursBuilt = build(ours);
    const realBuilt = build(real);
    for (const key of Object.keys(oursBuilt) as (keyof typeof oursBuilt)[]) {
      const mine = PieceAuthProperty.safeParse(oursBuilt[key]);
      const theirs = PieceAuthProperty.safeParse(realBuilt[key]);
      expect(mine.success, key).toBe(theirs.success);
      expect(mine.data, key).toEqual(theirs.data);
    }
    expect(PieceAuthProperty.safeParse(oursBuilt.custom).success).toBe(true);
  });

  it('rejects a definition that is not one, so the checks above can fail', () => {
    expect(PieceAuthProperty.safeParse({ ...PieceAuth.SecretText({ displayName: 'K', required: true }), type: 'TOKEN' }).success).toBe(
      false,
    );
    const noName = { ...PieceAuth.BasicAuth({ username: { displayName: 'U' }, password: { displayName: 'P' } }), displayName: undefined };
    expect(PieceAuthProperty.safeParse(noName).success).toBe(false);
    const badProp = PieceAuth.CustomAuth({
      required: true,
      props: { port: { ...Property.Number({ displayName: 'Port', required: true }), required: 'yes' as unknown as true } },
    });
    expect(PieceAuthProperty.safeParse(badProp).success).toBe(false);
  });
});
