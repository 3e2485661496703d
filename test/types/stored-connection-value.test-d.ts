import { describe, expectTypeOf, it } from 'vitest';
import { PieceAuth as FrameworkPieceAuth, Property as FrameworkProperty } from '@activepieces/pieces-framework';
import type { AppConnectionValue, AppConnectionType } from '@activepieces/shared';
import { PieceAuth, Property } from 'connection-kit/definitions';
import {
  claimConnection,
  refreshConnection,
  type StoredConnectionValue,
  type StoredOAuth2ConnectionValue,
  type StoredPlatformOAuth2ConnectionValue,
} from 'connection-kit/server';

const oauth = PieceAuth.OAuth2({
  authUrl: 'https://auth.example.com/authorize',
  tokenUrl: 'https://{region}.auth.example.com/token',
  required: true,
  scope: ['read'],
  props: {
    region: Property.StaticDropdown({
      displayName: 'Region',
      required: true,
      options: {
        options: [
          { label: 'EU', value: 'eu' as const },
          { label: 'US', value: 'us' as const },
        ],
      },
    }),
    team: Property.ShortText({ displayName: 'Team', required: false }),
  },
});

describe('StoredConnectionValue', () => {
  it('is the stored shape of each auth type, props typed from the definition', () => {
    const secret = PieceAuth.SecretText({ displayName: 'Key', required: true });
    expectTypeOf<StoredConnectionValue<typeof secret>>().toEqualTypeOf<{ type: 'SECRET_TEXT'; secret_text: string }>();
    const custom = PieceAuth.CustomAuth({
      required: true,
      props: {
        host: Property.ShortText({ displayName: 'Host', required: true }),
        port: Property.Number({ displayName: 'Port', required: false }),
      },
    });
    expectTypeOf<StoredConnectionValue<typeof custom>['props']>().toEqualTypeOf<{ host: string; port?: number }>();
    expectTypeOf<StoredConnectionValue<undefined>>().toEqualTypeOf<{ type: 'NO_AUTH' }>();
    type Props = { region: 'eu' | 'us'; team?: string };
    expectTypeOf<StoredConnectionValue<typeof oauth>>().toEqualTypeOf<
      StoredOAuth2ConnectionValue<Props> | StoredPlatformOAuth2ConnectionValue<Props>
    >();
  });

  it("has the token fields Activepieces stores, the client secret only on the user's own app", () => {
    type V = StoredConnectionValue<typeof oauth>;
    expectTypeOf<V['access_token']>().toEqualTypeOf<string>();
    expectTypeOf<V['claimed_at']>().toEqualTypeOf<number>();
    expectTypeOf<V['refresh_token']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<V['data']>().toEqualTypeOf<Record<string, unknown>>();
    expectTypeOf<Extract<V, { type: 'OAUTH2' }>['client_secret']>().toEqualTypeOf<string>();
    expectTypeOf<Extract<V, { type: 'PLATFORM_OAUTH2' }>>().not.toHaveProperty('client_secret');
  });

  it('an array of definitions gives a union discriminated on type', () => {
    const key = PieceAuth.SecretText({ displayName: 'Bot token', required: true });
    expectTypeOf<StoredConnectionValue<[typeof oauth, typeof key]>['type']>().toEqualTypeOf<'OAUTH2' | 'PLATFORM_OAUTH2' | 'SECRET_TEXT'>();
  });

  it('is what Activepieces stores for the same auth type, field by field where both have them', () => {
    type Ours = Extract<StoredConnectionValue<typeof oauth>, { type: 'OAUTH2' }>;
    type Theirs = AppConnectionValue<AppConnectionType.OAUTH2>;
    expectTypeOf<Ours['access_token']>().toEqualTypeOf<Theirs['access_token']>();
    expectTypeOf<Ours['client_secret']>().toEqualTypeOf<Theirs['client_secret']>();
    expectTypeOf<Ours['token_url']>().toEqualTypeOf<Theirs['token_url']>();
    expectTypeOf<Ours['claimed_at']>().toEqualTypeOf<Theirs['claimed_at']>();
    expectTypeOf<Ours['scope']>().toEqualTypeOf<Theirs['scope']>();
    expectTypeOf<Ours['data']>().toExtend<Theirs['data']>();
  });
});

describe('claimConnection and refreshConnection', () => {
  it('return the stored type of the definition they get, with no cast', () => {
    expectTypeOf(claimConnection(oauth, {})).resolves.toEqualTypeOf<StoredConnectionValue<typeof oauth>>();
    const basic = PieceAuth.BasicAuth({
      displayName: 'Login',
      required: true,
      username: { displayName: 'User' },
      password: { displayName: 'Password' },
    });
    expectTypeOf(claimConnection(basic, {})).resolves.toEqualTypeOf<{ type: 'BASIC_AUTH'; username: string; password: string }>();
    const stored = {} as StoredConnectionValue<typeof oauth>;
    expectTypeOf(refreshConnection(oauth, stored)).resolves.toEqualTypeOf<StoredConnectionValue<typeof oauth>>();
  });

  it("take a real piece's auth from @activepieces/pieces-framework", () => {
    const framework = FrameworkPieceAuth.CustomAuth({
      required: true,
      props: {
        apiKey: FrameworkPieceAuth.SecretText({ displayName: 'API key', required: true }),
        site: FrameworkProperty.ShortText({ displayName: 'Site', required: true }),
      },
    });
    expectTypeOf(claimConnection(framework, {})).resolves.toEqualTypeOf<StoredConnectionValue<typeof framework>>();
    expectTypeOf<StoredConnectionValue<typeof framework>['props']>().toEqualTypeOf<{ apiKey: string; site: string }>();
  });
});
