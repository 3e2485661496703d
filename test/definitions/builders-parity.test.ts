// Our builders produce the same runtime objects as the real `@activepieces/pieces-framework`
// builders for the same input.
import {
  DEFAULT_CONNECTION_DISPLAY_NAME as AP_DEFAULT_CONNECTION_DISPLAY_NAME,
  OAuth2AuthorizationMethod as APOAuth2AuthorizationMethod,
  PieceAuth as APAuth,
  Property as APProperty,
  PropertyType as APPropertyType,
} from '@activepieces/pieces-framework';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONNECTION_DISPLAY_NAME, OAuth2AuthorizationMethod, PieceAuth, Property, PropertyType } from '../../src';

/** Deep-equal, with the same own keys (so a key set to `undefined` on one side counts). */
function expectSameObject(ours: unknown, real: unknown) {
  expect(ours).toStrictEqual(real);
  if (ours && typeof ours === 'object') expect(Object.keys(ours).sort()).toEqual(Object.keys(real as object).sort());
}

const validate = async () => ({ valid: true as const });

describe('Property builders', () => {
  it('ShortText', () => {
    const input = { displayName: 'Host', description: 'The host', required: true, defaultValue: 'db' } as const;
    expectSameObject(Property.ShortText({ ...input }), APProperty.ShortText({ ...input }));
    expectSameObject(
      Property.ShortText({ displayName: 'H', required: false }),
      APProperty.ShortText({ displayName: 'H', required: false }),
    );
  });

  it('LongText', () => {
    const input = { displayName: 'Notes', required: false, defaultValue: 'a\nb' } as const;
    expectSameObject(Property.LongText({ ...input }), APProperty.LongText({ ...input }));
  });

  it('Number', () => {
    const input = { displayName: 'Port', description: 'TCP port', required: true, defaultValue: 5432 } as const;
    expectSameObject(Property.Number({ ...input }), APProperty.Number({ ...input }));
  });

  it('Checkbox', () => {
    const input = { displayName: 'SSL', required: false, defaultValue: true } as const;
    expectSameObject(Property.Checkbox({ ...input }), APProperty.Checkbox({ ...input }));
  });

  it('StaticDropdown, with placeholder, disabled and non-string values', () => {
    const input = {
      displayName: 'Plan',
      required: true,
      defaultValue: 3,
      options: {
        placeholder: 'Pick one',
        disabled: false,
        options: [
          { label: 'None', value: 0 },
          { label: 'Three', value: 3 },
        ],
      },
    };
    expectSameObject(Property.StaticDropdown({ ...input }), APProperty.StaticDropdown({ ...input }));
    const objects = { displayName: 'O', required: false, options: { options: [{ label: 'A', value: { a: 1 } }] } };
    expectSameObject(Property.StaticDropdown({ ...objects }), APProperty.StaticDropdown({ ...objects }));
  });

  it('StaticMultiSelectDropdown', () => {
    const input = {
      displayName: 'Scopes',
      required: false,
      defaultValue: ['read'],
      options: {
        options: [
          { label: 'Read', value: 'read' },
          { label: 'Write', value: 'write' },
        ],
      },
    };
    expectSameObject(Property.StaticMultiSelectDropdown({ ...input }), APProperty.StaticMultiSelectDropdown({ ...input }));
  });

  it("MarkDown's special shape: value becomes description, fixed name, not required, INFO by default", () => {
    const ours = Property.MarkDown({ value: 'Read **this**' });
    expectSameObject(ours, APProperty.MarkDown({ value: 'Read **this**' }));
    expect(ours).toStrictEqual({
      displayName: 'Markdown',
      required: false,
      description: 'Read **this**',
      type: 'MARKDOWN',
      valueSchema: undefined,
      variant: 'INFO',
    });
    for (const variant of ['BORDERLESS', 'INFO', 'WARNING', 'TIP'] as const) {
      expectSameObject(
        Property.MarkDown({ value: 'x', variant }),
        APProperty.MarkDown({ value: 'x', variant: variant as NonNullable<Parameters<typeof APProperty.MarkDown>[0]['variant']> }),
      );
    }
  });
});

describe('PieceAuth builders', () => {
  it('SecretText, with and without validate', () => {
    const input = { displayName: 'API Key', description: 'From settings', required: true } as const;
    expectSameObject(PieceAuth.SecretText({ ...input }), APAuth.SecretText({ ...input }));
    const withValidate = PieceAuth.SecretText({ ...input, validate });
    expectSameObject(withValidate, APAuth.SecretText({ ...input, validate }));
    expect(withValidate.validate).toBe(validate);
  });

  it('BasicAuth forces required: true and defaults the display name', () => {
    const input = {
      description: 'Your login',
      username: { displayName: 'User', description: 'e-mail' },
      password: { displayName: 'Password' },
    };
    const ours = PieceAuth.BasicAuth({ ...input, required: false });
    // The real builder's type only allows `required: true`; at runtime it overrides whatever it gets.
    expectSameObject(ours, APAuth.BasicAuth({ ...input, required: false } as unknown as Parameters<typeof APAuth.BasicAuth>[0]));
    expect(ours.required).toBe(true);
    expect(ours.displayName).toBe('Connection');
    expectSameObject(
      PieceAuth.BasicAuth({ ...input, displayName: 'Creds', required: true, validate }),
      APAuth.BasicAuth({ ...input, displayName: 'Creds', required: true, validate }),
    );
  });

  it("CustomAuth defaults the display name to 'Connection', also for an empty one", () => {
    const props = {
      host: Property.ShortText({ displayName: 'Host', required: true }),
      note: Property.MarkDown({ value: 'x' }),
    };
    const realProps = {
      host: APProperty.ShortText({ displayName: 'Host', required: true }),
      note: APProperty.MarkDown({ value: 'x' }),
    };
    const ours = PieceAuth.CustomAuth({ required: true, props });
    expectSameObject(ours, APAuth.CustomAuth({ required: true, props: realProps }));
    expect(ours.displayName).toBe('Connection');
    expectSameObject(
      PieceAuth.CustomAuth({ displayName: '', description: 'd', required: true, props, validate }),
      APAuth.CustomAuth({ displayName: '', description: 'd', required: true, props: realProps, validate }),
    );
    expectSameObject(
      PieceAuth.CustomAuth({ displayName: 'AWS', required: true, props }),
      APAuth.CustomAuth({ displayName: 'AWS', required: true, props: realProps }),
    );
  });

  it("OAuth2 defaults the display name to 'Connection' and keeps every option", () => {
    const base = {
      authUrl: 'https://example.com/authorize',
      tokenUrl: 'https://example.com/token',
      required: true as const,
      scope: ['a', 'b'],
    };
    const ours = PieceAuth.OAuth2({ ...base });
    expectSameObject(ours, APAuth.OAuth2({ ...base }));
    expect(ours.displayName).toBe('Connection');
    const full = {
      ...base,
      displayName: 'Slack',
      description: 'Connect Slack',
      pkce: true,
      pkceMethod: 'S256',
      prompt: 'consent',
      extra: { audience: 'api' },
      grantType: 'both_client_credentials_and_authorization_code',
    } as const;
    expectSameObject(
      PieceAuth.OAuth2({
        ...full,
        authorizationMethod: OAuth2AuthorizationMethod.BODY,
        props: { sub: Property.ShortText({ displayName: 'Sub', required: true }) },
      }),
      APAuth.OAuth2({
        ...full,
        authorizationMethod: APOAuth2AuthorizationMethod.BODY,
        props: { sub: APProperty.ShortText({ displayName: 'Sub', required: true }) },
      }),
    );
  });

  it('None() is undefined', () => {
    expect(PieceAuth.None()).toBeUndefined();
    expect(APAuth.None()).toBeUndefined();
  });

  it('share the type tags and the default display name', () => {
    for (const [key, value] of Object.entries(PropertyType)) {
      expect(APPropertyType[key as keyof typeof APPropertyType]).toBe(value);
    }
    expect(DEFAULT_CONNECTION_DISPLAY_NAME).toBe(AP_DEFAULT_CONNECTION_DISPLAY_NAME);
    expect({ ...OAuth2AuthorizationMethod }).toEqual({ ...APOAuth2AuthorizationMethod });
  });
});
