// Under `exactOptionalPropertyTypes` (on in tsconfig.json) every option of the kit accepts an
// explicit `undefined`; the JSX cases are in exact-optional-jsx.tsx, imported so this project
// type-checks them too.
import { describe, expectTypeOf, it } from 'vitest';
import type { ConnectionDetails, ConnectionFormOptions, OAuth2HostConfig } from '../../src';
import type { CompleteOAuth2RedirectOptions } from '../../src/oauth2-entry';
import './exact-optional-jsx';

describe('optional options under exactOptionalPropertyTypes', () => {
  it('accept undefined as a value, not only as an absent key', () => {
    expectTypeOf<undefined>().toExtend<ConnectionFormOptions<never>['validateTimeoutMs']>();
    expectTypeOf<undefined>().toExtend<ConnectionDetails['displayName']>();
    expectTypeOf<undefined>().toExtend<OAuth2HostConfig['clientId']>();
    expectTypeOf<undefined>().toExtend<CompleteOAuth2RedirectOptions['close']>();
  });
});
