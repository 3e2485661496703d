// the host's `validate` gets the kept-secret marker in `auth` too, so its type must say so.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConnectionForm, KEPT_SECRET, PieceAuth, Property, isKeptSecret, type ConnectionFormOptions, type KeptSecret } from '../../src';

const apiKey = PieceAuth.SecretText({ displayName: 'API Key', required: true });
const custom = PieceAuth.CustomAuth({
  required: true,
  props: {
    account: Property.ShortText({ displayName: 'Account', required: true }),
    apiKey: PieceAuth.SecretText({ displayName: 'API key', required: true }),
  },
});
const basic = PieceAuth.BasicAuth({ required: true, username: { displayName: 'U' }, password: { displayName: 'P' } });

describe("the host validate's auth while editing", () => {
  it('is typed with the kept marker, as it receives it', () => {
    type SecretEdit = NonNullable<ConnectionFormOptions<typeof apiKey, { type: 'SECRET_TEXT'; secret_text: KeptSecret }>['validate']>;
    expectTypeOf<Parameters<SecretEdit>[0]['auth']>().toEqualTypeOf<string | KeptSecret>();
    type BasicEdit = NonNullable<ConnectionFormOptions<typeof basic, { type: 'BASIC_AUTH'; password: KeptSecret }>['validate']>;
    expectTypeOf<Parameters<BasicEdit>[0]['auth']['password']>().toEqualTypeOf<string | KeptSecret>();
    type CustomEdit = NonNullable<ConnectionFormOptions<typeof custom, { type: 'CUSTOM_AUTH'; props: { apiKey: KeptSecret } }>['validate']>;
    expectTypeOf<Parameters<CustomEdit>[0]['auth']['apiKey']>().toEqualTypeOf<string | KeptSecret>();
    // A new connection keeps the plain string.
    type NewValidate = NonNullable<ConnectionFormOptions<typeof apiKey>['validate']>;
    expectTypeOf<Parameters<NewValidate>[0]['auth']>().toEqualTypeOf<string>();
  });

  it('holds KEPT_SECRET at run time when the key was kept', async () => {
    const user = userEvent.setup();
    const onConnect = vi.fn();
    const seen: unknown[] = [];
    render(
      <ConnectionForm
        auth={apiKey}
        initialValue={{ type: 'SECRET_TEXT', secret_text: KEPT_SECRET }}
        validate={({ auth }) => {
          seen.push(auth);
          return { valid: true };
        }}
        onConnect={onConnect}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(isKeptSecret(seen[0])).toBe(true);
  });
});
