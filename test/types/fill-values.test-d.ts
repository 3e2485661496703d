// fillConnectionForm's values are typed from the definition: what it takes, and what tsc refuses.
import { describe, expectTypeOf, it } from 'vitest';
import { fillConnectionForm } from '../../src/testing';
import {
  apiKeyAuth,
  apiKeyOrBasicAuth,
  basicAuth,
  eitherGrantOAuth2Auth,
  everyPropertyAuth,
} from '../../stories/fixtures/auth-definitions';

describe('FillValues', () => {
  it('accepts what the definition takes', () => {
    expectTypeOf(fillConnectionForm<typeof apiKeyAuth>).toBeCallableWith(apiKeyAuth, { secret_text: 'sk-1' });
    expectTypeOf(fillConnectionForm<typeof basicAuth>).toBeCallableWith(basicAuth, { username: 'ada', password: null });
    expectTypeOf(fillConnectionForm<typeof everyPropertyAuth>).toBeCallableWith(everyPropertyAuth, {
      port: 1,
      ssl: true,
      environment: 'sandbox',
      scopes: ['read'],
    });
    expectTypeOf(fillConnectionForm<typeof eitherGrantOAuth2Auth>).toBeCallableWith(eitherGrantOAuth2Auth, {
      grant_type: 'client_credentials',
      client_id: 'x',
      client_secret: 'y',
    });
    expectTypeOf(fillConnectionForm<typeof apiKeyOrBasicAuth>).toBeCallableWith(
      apiKeyOrBasicAuth,
      { username: 'ada' },
      { method: 'BASIC_AUTH' },
    );
  });

  it('refuses the rest', () => {
    // Never called: each line must fail to type-check (an unused @ts-expect-error is an error).
    const refused = async () => {
      // @ts-expect-error: a BasicAuth has no secret_text
      await fillConnectionForm(basicAuth, { secret_text: 'x' });
      // @ts-expect-error: Port is a number
      await fillConnectionForm(everyPropertyAuth, { port: 'x' });
      // @ts-expect-error: not one of Environment's option values
      await fillConnectionForm(everyPropertyAuth, { environment: 'staging' });
      // @ts-expect-error: grant_type is one of two grants
      await fillConnectionForm(eitherGrantOAuth2Auth, { grant_type: 'password' });
    };
    expectTypeOf(refused).toBeFunction();
  });
});
