// The module `connection-kit pieces` writes (examples/pieces.generated.ts, from the real pieces in
// test/cli/fixture-project; test/cli/pieces-cli.test.ts checks the CLI still writes exactly it)
// types its exports as hand-written definitions are typed: ConnectionValue, EditedConnectionValue
// and the testing helper's FillValues read the pieces' own props, literal `required` included.
import { describe, expectTypeOf, it } from 'vitest';
import { PieceAuth, Property, type AuthInput, type ConnectionValue, type EditedConnectionValue, type KeptSecret } from '../../src';
import { fillConnectionForm } from '../../src/testing';
import { type mistralAiAuth, openaiAuth, pieces, slackAuth, twilioAuth } from '../../examples/pieces.generated';

describe('the generated module', () => {
  it('gives Slack (OAuth2 or a bot token) the value of the same definition written by hand', () => {
    const handWritten = [
      PieceAuth.OAuth2({
        authUrl: 'https://slack.com/oauth/v2/authorize',
        tokenUrl: 'https://slack.com/api/oauth.v2.access',
        required: true,
        scope: ['chat:write'],
      }),
      PieceAuth.CustomAuth({
        displayName: 'Bot Token',
        required: true,
        props: {
          botToken: PieceAuth.SecretText({ displayName: 'Bot Token', required: true }),
          userToken: PieceAuth.SecretText({ displayName: 'User Token', required: false }),
        },
      }),
    ];
    expectTypeOf<ConnectionValue<typeof slackAuth>>().toEqualTypeOf<ConnectionValue<typeof handWritten>>();
    expectTypeOf<Extract<ConnectionValue<typeof slackAuth>, { type: 'CUSTOM_AUTH' }>>().toEqualTypeOf<{
      type: 'CUSTOM_AUTH';
      props: { botToken: string; userToken?: string };
    }>();
  });

  it('types the other pieces from their own props', () => {
    expectTypeOf<ConnectionValue<typeof openaiAuth>>().toEqualTypeOf<{
      type: 'CUSTOM_AUTH';
      props: { apiKey: string; baseUrl: string; apiVersion?: string };
    }>();
    expectTypeOf<ConnectionValue<typeof twilioAuth>>().toEqualTypeOf<{ type: 'BASIC_AUTH'; username: string; password: string }>();
    expectTypeOf<ConnectionValue<typeof mistralAiAuth>>().toEqualTypeOf<
      | { type: 'SECRET_TEXT'; secret_text: string }
      | { type: 'CUSTOM_AUTH'; props: { accountId: string; gatewayId: string; gatewayAuthToken?: string; mistralApiKey?: string } }
    >();
    expectTypeOf<EditedConnectionValue<typeof openaiAuth>['props']['apiKey']>().toEqualTypeOf<string | KeptSecret>();
  });

  it('has every export, through the catalogue too, accepted by the auth prop', () => {
    expectTypeOf(slackAuth).toExtend<AuthInput>();
    expectTypeOf(pieces.openai.auth).toEqualTypeOf<typeof openaiAuth>();
    expectTypeOf(pieces.twilio.auth).toExtend<AuthInput>();
    expectTypeOf(pieces.slack.package).toEqualTypeOf<'@activepieces/piece-slack'>();
  });

  it("types fillConnectionForm's values", () => {
    expectTypeOf(fillConnectionForm<typeof slackAuth>).toBeCallableWith(slackAuth, { botToken: 'xoxb-1' }, { method: 'CUSTOM_AUTH' });
    expectTypeOf(fillConnectionForm<typeof openaiAuth>).toBeCallableWith(openaiAuth, { apiKey: 'sk-1', apiVersion: '2024-02-01' });
    const refused = async () => {
      // @ts-expect-error: OpenAI's auth has no such prop
      await fillConnectionForm(openaiAuth, { apiToken: 'x' });
      // @ts-expect-error: a BasicAuth is filled with username and password
      await fillConnectionForm(twilioAuth, { secret_text: 'x' });
    };
    expectTypeOf(refused).toBeFunction();
  });

  it('is the kit’s own builders, so a host can extend it as any definition', () => {
    const withRegion = PieceAuth.CustomAuth({
      ...openaiAuth,
      props: {
        ...openaiAuth.props,
        region: Property.StaticDropdown({ displayName: 'Region', required: true, options: { options: [{ label: 'EU', value: 'eu' }] } }),
      },
    });
    expectTypeOf<ConnectionValue<typeof withRegion>['props']['region']>().toEqualTypeOf<'eu'>();
  });
});
