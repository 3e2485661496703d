// The `auth` of real published pieces, typed by the framework version each was built with, is
// accepted wherever the kit takes an auth, and its ConnectionValue is read from it. The pieces
// come from test/cli/fixture-project (tsconfig.json's paths point `@activepieces/piece-*` there):
// piece-openai 0.3.18 is typed by @activepieces/pieces-framework 0.7.15, whose `validate` takes
// `{ auth }` without `server`; definitions typed by the current framework are checked in
// framework-interop.test-d.ts.
import { openai, openaiAuth } from '@activepieces/piece-openai';
import { PieceAuth as CurrentAuth, Property as CurrentProperty } from '@activepieces/pieces-framework';
import { describe, expectTypeOf, it } from 'vitest';
import type { AuthInput, ConnectionValue, EditedConnectionValue, KeptSecret } from '../../src';
import { toClientAuth } from '../../src/definitions-entry';
import { fillConnectionForm } from '../../src/testing';

type OpenAIValue = { type: 'CUSTOM_AUTH'; props: { apiKey: string; baseUrl: string; apiVersion?: string } };

describe('piece-openai 0.3.18 (pieces-framework 0.7.15)', () => {
  it('is accepted by the auth prop, alone, as the piece holds it and in an array', () => {
    expectTypeOf(openaiAuth).toExtend<AuthInput>();
    expectTypeOf(openai.auth).toExtend<AuthInput>();
    expectTypeOf([openaiAuth, CurrentAuth.SecretText({ displayName: 'Key', required: true })]).toExtend<AuthInput>();
  });

  it('gets its ConnectionValue from its own props', () => {
    expectTypeOf<ConnectionValue<typeof openaiAuth>>().toEqualTypeOf<OpenAIValue>();
    expectTypeOf<EditedConnectionValue<typeof openaiAuth>['props']['apiKey']>().toEqualTypeOf<string | KeptSecret>();
  });

  it('keeps that type through toClientAuth', () => {
    const client = toClientAuth(openaiAuth);
    expectTypeOf(client).toExtend<AuthInput>();
    expectTypeOf(client).not.toHaveProperty('validate');
    expectTypeOf<ConnectionValue<typeof client>>().toEqualTypeOf<OpenAIValue>();
  });

  it('types the testing helper from it', () => {
    expectTypeOf(fillConnectionForm<typeof openaiAuth>).toBeCallableWith(openaiAuth, {
      apiKey: 'sk-1',
      baseUrl: 'https://api.openai.com/v1',
    });
    const refused = async () => {
      // @ts-expect-error: no such prop
      await fillConnectionForm(openaiAuth, { apiToken: 'x' });
    };
    expectTypeOf(refused).toBeFunction();
  });
});

describe('a definition typed by the current framework, with validate', () => {
  const current = CurrentAuth.CustomAuth({
    required: true,
    props: { host: CurrentProperty.ShortText({ displayName: 'Host', required: true }) },
    validate: async ({ auth }) => (auth.host ? { valid: true } : { valid: false, error: 'empty' }),
  });

  it('is accepted, and toClientAuth keeps its value type', () => {
    expectTypeOf(current).toExtend<AuthInput>();
    expectTypeOf(toClientAuth(current)).toExtend<AuthInput>();
    expectTypeOf<ConnectionValue<ReturnType<typeof toClientAuth<typeof current>>>>().toEqualTypeOf<{
      type: 'CUSTOM_AUTH';
      props: { host: string };
    }>();
  });
});

// The old `@activepieces/framework` (0.2.0, as piece-twilio 0.2.0 uses it) had no `auth`: pieces
// kept the definition as an action prop, built with its Property builders.
import { Property as OldProperty } from '../cli/fixture-project/node_modules/@activepieces/framework';

describe('a definition typed by the old @activepieces/framework 0.2.0', () => {
  const basic = OldProperty.BasicAuth({
    displayName: 'Authentication',
    required: true,
    username: { displayName: 'Account SID' },
    password: { displayName: 'Auth token' },
  });
  const oauth2 = OldProperty.OAuth2({
    displayName: 'Authentication',
    required: true,
    authUrl: 'https://accounts.google.com/o/oauth2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    scope: ['https://www.googleapis.com/auth/spreadsheets'],
  });

  it('is accepted by the auth prop', () => {
    expectTypeOf(basic).toExtend<AuthInput>();
    expectTypeOf(oauth2).toExtend<AuthInput>();
    expectTypeOf(toClientAuth(basic)).toExtend<AuthInput>();
  });

  it('gets its ConnectionValue', () => {
    expectTypeOf<ConnectionValue<typeof basic>>().toEqualTypeOf<{ type: 'BASIC_AUTH'; username: string; password: string }>();
    expectTypeOf<ConnectionValue<typeof oauth2>['type']>().toEqualTypeOf<'OAUTH2' | 'PLATFORM_OAUTH2'>();
  });
});
