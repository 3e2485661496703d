// the host's `validate` gets the kept-secret marker in `auth` too, so its type must say so.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConnectionForm, KEPT_SECRET, isKeptSecret, type ConnectionFormOptions, type KeptSecret } from '../../src';
import { type accountKeyAuth, type basicAuth, plainApiKeyAuth } from '../../stories/fixtures/auth-definitions';

describe("the host validate's auth while editing", () => {
  it('is typed with the kept marker, as it receives it', () => {
    type SecretEdit = NonNullable<
      ConnectionFormOptions<typeof plainApiKeyAuth, { type: 'SECRET_TEXT'; secret_text: KeptSecret }>['validate']
    >;
    expectTypeOf<Parameters<SecretEdit>[0]['auth']>().toEqualTypeOf<string | KeptSecret>();
    type BasicEdit = NonNullable<ConnectionFormOptions<typeof basicAuth, { type: 'BASIC_AUTH'; password: KeptSecret }>['validate']>;
    expectTypeOf<Parameters<BasicEdit>[0]['auth']['password']>().toEqualTypeOf<string | KeptSecret>();
    type CustomEdit = NonNullable<
      ConnectionFormOptions<typeof accountKeyAuth, { type: 'CUSTOM_AUTH'; props: { apiKey: KeptSecret } }>['validate']
    >;
    expectTypeOf<Parameters<CustomEdit>[0]['auth']['apiKey']>().toEqualTypeOf<string | KeptSecret>();
    // A new connection keeps the plain string.
    type NewValidate = NonNullable<ConnectionFormOptions<typeof plainApiKeyAuth>['validate']>;
    expectTypeOf<Parameters<NewValidate>[0]['auth']>().toEqualTypeOf<string>();
  });

  it('holds KEPT_SECRET at run time when the key was kept', async () => {
    const user = userEvent.setup();
    const onConnect = vi.fn();
    const seen: unknown[] = [];
    render(
      <ConnectionForm
        auth={plainApiKeyAuth}
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
