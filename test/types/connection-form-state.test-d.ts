// useConnectionForm keeps the definition's type: a headless host reads `cf.auth` as the method it
// passed, with its props, and the state type takes the auth as its parameter.
import { describe, expectTypeOf, it } from 'vitest';
import { PieceAuth, Property } from '../../src';
import type { ConnectionFormState, useConnectionForm } from '../../src/headless-entry';

const apiKey = PieceAuth.SecretText({ displayName: 'API Key', required: true });
const db = PieceAuth.CustomAuth({
  required: true,
  props: { host: Property.ShortText({ displayName: 'Host', required: true }) },
});

describe('ConnectionFormState<A>', () => {
  it("types `auth` as the definition given, or one of an array's methods", () => {
    type One = ReturnType<typeof useConnectionForm<typeof db>>;
    expectTypeOf<One>().toEqualTypeOf<ConnectionFormState<typeof db>>();
    expectTypeOf<One['auth']>().toEqualTypeOf<typeof db | undefined>();
    expectTypeOf<NonNullable<One['auth']>['props']['host']['displayName']>().toEqualTypeOf<string>();

    const both = [apiKey, db] as const;
    type Many = ReturnType<typeof useConnectionForm<typeof both>>;
    expectTypeOf<Many['auth']>().toEqualTypeOf<typeof apiKey | typeof db | undefined>();
  });

  it('defaults to any definition for code that does not care which', () => {
    const show = (cf: ConnectionFormState) => cf.auth?.displayName;
    expectTypeOf(show).parameter(0).toHaveProperty('auth');
    // A specific state is assignable to the general one.
    expectTypeOf<ConnectionFormState<typeof db>>().toExtend<ConnectionFormState>();
  });
});
