// The table keyed by auth kind (src/schema/auth-kinds.ts): one row per kind says what the form
// shows, what it emits, what the definition's validate receives and where values live.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConnectionForm, PieceAuth, Property } from '../../src';
import { AUTH_KINDS, describeFields, kindOf } from '../../src/schema/auth-kinds';
import { KIT_FIELD_NAMES } from '../../src/schema/kit-fields';
import { apiKeyAuth, awsAuth, basicAuth, helpTextAuth } from '../../stories/fixtures/auth-definitions';

const names = (auth: Parameters<typeof describeFields>[0]) => describeFields(auth).map((f) => f.name);

describe('AUTH_KINDS', () => {
  it('has a row for every kind of definition, and none for others', () => {
    expect(Object.keys(AUTH_KINDS).sort()).toEqual(['BASIC_AUTH', 'CUSTOM_AUTH', 'NO_AUTH', 'OAUTH2', 'SECRET_TEXT']);
    expect(kindOf(undefined)).toBe(AUTH_KINDS.NO_AUTH);
    expect(kindOf(PieceAuth.None() as never)).toBe(AUTH_KINDS.NO_AUTH);
    // A malformed type (the definition check reports it) gets no fields and no value.
    const odd = { type: 'SAML', displayName: 'x', required: true } as never;
    expect(describeFields(odd)).toEqual([]);
    expect(kindOf(odd).value([], {})).toBeUndefined();
    // `type` is looked up as an own key: an inherited name is not a kind.
    expect(describeFields({ type: 'toString' } as never)).toEqual([]);
  });

  it.each([
    ['SECRET_TEXT', { secret_text: 'sk-1' }, { type: 'SECRET_TEXT', secret_text: 'sk-1' }, 'sk-1'],
    [
      'BASIC_AUTH',
      { username: 'ann', password: 'pw' },
      { type: 'BASIC_AUTH', username: 'ann', password: 'pw' },
      { username: 'ann', password: 'pw' },
    ],
    ['NO_AUTH', {}, { type: 'NO_AUTH' }, undefined],
  ] as const)('%s: emits its wire shape from the parsed values and validates with what Activepieces passes', (kind, parsed, value, arg) => {
    const row = AUTH_KINDS[kind];
    expect(row.value([], parsed)).toEqual(value);
    expect(row.validateArg(value)).toEqual(arg);
    expect(row.valuesIn).toBe('top');
  });

  it('CUSTOM_AUTH: emits the props (leaving out empty optional ones and notes) and validates with them', () => {
    const notes = AUTH_KINDS.CUSTOM_AUTH.value(describeFields(helpTextAuth), { intro: 'ignored', workspace: 'acme' });
    expect(notes).toEqual({ type: 'CUSTOM_AUTH', props: { workspace: 'acme' } });
    const value = AUTH_KINDS.CUSTOM_AUTH.value(describeFields(awsAuth), { accessKeyId: 'AKIA', secretAccessKey: 's', region: undefined });
    expect(value).toEqual({ type: 'CUSTOM_AUTH', props: { accessKeyId: 'AKIA', secretAccessKey: 's' } });
    expect(AUTH_KINDS.CUSTOM_AUTH.validateArg(value!)).toEqual(value!.type === 'CUSTOM_AUTH' && value!.props);
    expect(AUTH_KINDS.CUSTOM_AUTH.valuesIn).toBe('props');
  });

  it('OAUTH2: leaves the value to the OAuth2 flow, validates with the whole value, and names its kit keys', () => {
    const value = { type: 'PLATFORM_OAUTH2', client_id: 'c', redirect_url: 'r', code: 'x', scope: '' } as const;
    expect(AUTH_KINDS.OAUTH2.value([], {})).toBeUndefined();
    expect(AUTH_KINDS.OAUTH2.validateArg(value)).toBe(value);
    expect(AUTH_KINDS.OAUTH2.valuesIn).toBe('props');
    expect(AUTH_KINDS.OAUTH2.kitKeys).toEqual(['client_id', 'client_secret', 'grant_type']);
    expect(AUTH_KINDS.CUSTOM_AUTH.kitKeys).toEqual([]);
  });

  it("gives SecretText's and BasicAuth's implicit fields their fixed names", () => {
    expect(names(apiKeyAuth)).toEqual(['secret_text']);
    expect(names(basicAuth)).toEqual(['username', 'password']);
  });
});

describe("a prop keyed like one of the kit's own fields", () => {
  const tenantAuth = PieceAuth.OAuth2({
    authUrl: 'https://auth.example.com/authorize',
    tokenUrl: 'https://auth.example.com/token',
    required: true,
    scope: ['api'],
    grantType: 'client_credentials',
    props: {
      [KIT_FIELD_NAMES.client_secret]: PieceAuth.SecretText({ displayName: 'Tenant secret', required: true }),
      [KIT_FIELD_NAMES.display_name]: Property.ShortText({ displayName: 'Tenant', required: true }),
    },
  });

  it('gets a stand-in field name, never the kit field name', () => {
    expect(names(tenantAuth)).not.toContain(KIT_FIELD_NAMES.client_secret);
    expect(names(tenantAuth)).not.toContain(KIT_FIELD_NAMES.display_name);
    expect(new Set(names(tenantAuth)).size).toBe(2);
  });

  it('has its own control: the client secret and the prop are emitted apart', async () => {
    const user = userEvent.setup();
    const onConnect = vi.fn();
    render(
      <ConnectionForm
        auth={tenantAuth}
        oauth2={{ redirectUrl: 'https://app.example.com/cb' }}
        connectionName="Mine"
        onConnect={onConnect}
      />,
    );
    await user.type(screen.getByRole('textbox', { name: 'Client ID' }), 'machine-1');
    await user.type(screen.getByLabelText('Client Secret'), 'client-pw');
    await user.type(screen.getByLabelText('Tenant secret'), 'tenant-pw');
    await user.type(screen.getByRole('textbox', { name: 'Tenant' }), 'acme');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    const [value, details] = onConnect.mock.calls[0]!;
    expect(value).toMatchObject({
      type: 'OAUTH2',
      client_id: 'machine-1',
      client_secret: 'client-pw',
      props: { __client_secret: 'tenant-pw', __display_name: 'acme' },
    });
    expect(details).toEqual({ displayName: 'Mine' });
  });
});
