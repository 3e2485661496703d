// @vitest-environment node
// Property: whatever a user fills in, the value the form emits parses with the value schema the
// host's server checks it with (createConnectionValueSchema), unchanged. Both come from
// src/schema/auth-kinds.ts; this is what keeps the form's builders and the server's schema one
// description of the wire shape. The form's own path is followed step by step: the model's
// schema parses the controls' raw values, then the kind's row (or, for OAuth2, the flow's
// toOAuth2Value) builds the value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuthDefinition, OAuth2Property } from '../../src/definitions/auth-types';
import type { OAuth2Props } from '../../src/definitions/property-types';
import { defaultMessages } from '../../src/messages/messages';
import { scopeString } from '../../src/oauth/authorization-url';
import { OAuth2ConfigError } from '../../src/oauth/oauth2-error';
import { toOAuth2Value } from '../../src/oauth/oauth2-value';
import { kindOf } from '../../src/schema/auth-kinds';
import { buildAuthModel } from '../../src/schema/auth-model';
import { createConnectionValueSchema } from '../../src/schema/connection-value-schema';
import { getDefaultFormValues } from '../../src/schema/form-schema';
import { clientOf, toPropsValue } from '../../src/schema/to-connection-value';
import { fieldsOf, validAuthArb, validValueArb } from '../property/arbitraries';

const filled = validAuthArb.chain((auth) =>
  fc
    .record({
      values: fc.tuple(...fieldsOf(auth).map(([key, prop]) => validValueArb(prop).map((v) => [key, v] as const))).map(Object.fromEntries),
      ownApp: fc.boolean(),
      grant: fc.constantFrom('authorization_code' as const, 'client_credentials' as const),
      code: fc.string({ minLength: 1, maxLength: 20 }),
      clientId: fc.stringMatching(/^[\w-]{1,16}$/),
      clientSecret: fc.string({ minLength: 1, maxLength: 16 }).filter((s) => s.trim() !== ''),
    })
    .map((input) => ({ auth: auth as unknown as AuthDefinition, ...input })),
);

type Filled = typeof filled extends fc.Arbitrary<infer T> ? T : never;

/** What the form emits for `auth` once the user filled in `values` (and the client fields). */
function emitted({ auth, values, ownApp, grant, code, clientId, clientSecret }: Filled) {
  const oauth = auth.type === 'OAUTH2' ? (auth as OAuth2Property<OAuth2Props>) : undefined;
  const withClientFields = Boolean(oauth) && (ownApp || grant === 'client_credentials');
  const model = buildAuthModel(auth, defaultMessages, { withClientFields });
  // What the controls hold once the user entered each value (a dropdown: its option's index).
  const typed: Record<string, unknown> = { ...values, client_id: clientId, client_secret: clientSecret };
  const raw = getDefaultFormValues(model.fields, (field) => typed[field.key]);
  const parsed = model.schema.parse(raw) as Record<string, unknown>;
  if (!oauth) return kindOf(auth).value(model.fields, parsed);
  const props = toPropsValue(model.fields, parsed);
  const client = clientOf(parsed);
  let scope: string;
  try {
    scope = scopeString(oauth, props);
  } catch (error) {
    // A {placeholder} whose prop holds nothing usable: the form shows this error, emits nothing.
    if (error instanceof OAuth2ConfigError) return undefined;
    throw error;
  }
  return toOAuth2Value({
    auth: oauth,
    props,
    scope,
    redirectUrl: 'https://app.example.com/cb',
    clientId: withClientFields ? client.clientId : 'host-app',
    clientSecret: withClientFields ? client.clientSecret : undefined,
    grant: withClientFields ? grant : 'authorization_code',
    code,
  });
}

describe('the value the form emits', () => {
  it('always parses with createConnectionValueSchema of the same definition, unchanged', () => {
    fc.assert(
      fc.property(filled, (input) => {
        const value = emitted(input);
        fc.pre(value !== undefined);
        const result = createConnectionValueSchema(input.auth).safeParse(value);
        expect({ issues: result.error?.issues, value }).toEqual({ issues: undefined, value });
        expect(result.data).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });
});
