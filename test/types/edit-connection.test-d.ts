// Editing a saved connection: the value types involved. The JSX cases live in
// edit-connection-jsx.tsx, imported so that this project type-checks them too.
import { describe, expectTypeOf, it } from 'vitest';
import { PieceAuth, Property, type EditedConnectionValue, type InitialConnectionValue, type KeptSecret } from '../../src';
import { useConnectionForm } from '../../src/headless-entry';
import './edit-connection-jsx';

const oauth = PieceAuth.OAuth2({
  authUrl: 'https://a.example.com/authorize',
  tokenUrl: 'https://a.example.com/token',
  required: true,
  scope: [],
  props: { region: Property.ShortText({ displayName: 'Region', required: true }) },
});

describe('EditedConnectionValue', () => {
  it("marks an OAuth2 app's client secret as keepable, not the platform value", () => {
    type V = EditedConnectionValue<typeof oauth>;
    expectTypeOf<Extract<V, { type: 'OAUTH2' }>['client_secret']>().toEqualTypeOf<string | KeptSecret>();
    expectTypeOf<Extract<V, { type: 'PLATFORM_OAUTH2' }>['props']>().toEqualTypeOf<{ region: string } | undefined>();
  });

  it('is a union over an array of auths, as ConnectionValue is', () => {
    const auths = [
      PieceAuth.SecretText({ displayName: 'Key', required: true }),
      PieceAuth.BasicAuth({ username: { displayName: 'U' }, password: { displayName: 'P' } }),
    ] as const;
    expectTypeOf<EditedConnectionValue<typeof auths>['type']>().toEqualTypeOf<'SECRET_TEXT' | 'BASIC_AUTH'>();
  });
});

describe('InitialConnectionValue', () => {
  it('needs only the type; every other part may be left out', () => {
    expectTypeOf<{ type: 'OAUTH2' }>().toExtend<InitialConnectionValue<typeof oauth>>();
    expectTypeOf<{ type: 'PLATFORM_OAUTH2'; props: { region: string } }>().toExtend<InitialConnectionValue<typeof oauth>>();
  });
});

describe('useConnectionForm', () => {
  it('types onConnect from initialValue in a generic wrapper too', () => {
    const auth = PieceAuth.SecretText({ displayName: 'Key', required: true });
    // Not called (hooks need a component): the call's types are what is checked.
    expectTypeOf(useConnectionForm<typeof auth>).toBeFunction();
    type Options = Parameters<typeof useConnectionForm<typeof auth>>[1];
    expectTypeOf<Parameters<Options['onConnect']>[0]>().toEqualTypeOf<{ type: 'SECRET_TEXT'; secret_text: string }>();
  });
});
