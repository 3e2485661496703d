import { UpsertAppConnectionRequestBody } from '@activepieces/shared';
import {
  CLIENT_CREDENTIALS_CODE,
  CLIENT_CREDENTIALS_REDIRECT_URL,
  toOAuth2Value,
  type OAuth2ValueParts,
} from '../../src/oauth/oauth2-value';
import { REDIRECT_URL } from './fake-window';

const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

const parts = (extra: Partial<OAuth2ValueParts> = {}): OAuth2ValueParts => ({
  auth: {},
  props: { region: 'eu' },
  scope: 'read:eu offline',
  redirectUrl: REDIRECT_URL,
  clientId: 'client-1',
  grant: 'authorization_code',
  code: 'abc',
  codeVerifier: VERIFIER,
  ...extra,
});

/** The value wrapped as Activepieces' upsert request, parsed by its own schema. */
const upsert = (value: { type: string }) =>
  UpsertAppConnectionRequestBody.safeParse({
    type: value.type,
    value,
    externalId: 'x',
    displayName: 'x',
    pieceName: 'x',
    projectId: 'p',
  });

describe("the value of a sign-in with the host's app", () => {
  const value = toOAuth2Value(parts());

  it('is PLATFORM_OAUTH2 without a client secret or grant type', () => {
    expect(value).toEqual({
      type: 'PLATFORM_OAUTH2',
      client_id: 'client-1',
      redirect_url: REDIRECT_URL,
      code: 'abc',
      code_challenge: VERIFIER,
      scope: 'read:eu offline',
      props: { region: 'eu' },
    });
    expect(value).not.toHaveProperty('client_secret');
    expect(value).not.toHaveProperty('grant_type');
  });

  it("passes Activepieces' upsert schema", () => {
    const parsed = upsert(value);
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.success).toBe(true);
  });
});

describe("the value of a sign-in with the user's own app", () => {
  const value = toOAuth2Value(parts({ clientSecret: 'shh-secret' }));

  it('is OAUTH2 with the client secret and the authorization_code grant', () => {
    expect(value).toEqual({
      type: 'OAUTH2',
      client_id: 'client-1',
      client_secret: 'shh-secret',
      grant_type: 'authorization_code',
      redirect_url: REDIRECT_URL,
      code: 'abc',
      code_challenge: VERIFIER,
      scope: 'read:eu offline',
      props: { region: 'eu' },
    });
  });

  it("passes Activepieces' upsert schema", () => {
    expect(upsert(value).success).toBe(true);
  });
});

describe('the value without PKCE', () => {
  it('has no code_challenge', () => {
    expect(toOAuth2Value(parts({ codeVerifier: undefined }))).not.toHaveProperty('code_challenge');
  });
});

describe('the value for client credentials', () => {
  const value = toOAuth2Value(
    parts({ grant: 'client_credentials', clientSecret: 'cs', redirectUrl: '', code: undefined, codeVerifier: undefined, props: {} }),
  );

  it("carries Activepieces' placeholder code and redirect URL and the client_credentials grant", () => {
    expect(value).toMatchObject({
      type: 'OAUTH2',
      client_id: 'client-1',
      client_secret: 'cs',
      grant_type: 'client_credentials',
      code: CLIENT_CREDENTIALS_CODE,
      redirect_url: CLIENT_CREDENTIALS_REDIRECT_URL,
    });
  });

  it('keeps a configured redirect URL', () => {
    expect(toOAuth2Value(parts({ grant: 'client_credentials', clientSecret: 'cs' })).redirect_url).toBe(REDIRECT_URL);
  });

  it("passes Activepieces' upsert schema", () => {
    expect(upsert(value).success).toBe(true);
  });
});

describe('the value after the host exchanged the code', () => {
  const tokens = { access_token: 'at-1', refresh_token: 'rt-1', expires_in: 3600, token_type: 'bearer', id_token: 'idt' };

  it('carries the tokens and the whole response as data', () => {
    expect(toOAuth2Value(parts({ tokens }))).toMatchObject({
      access_token: 'at-1',
      refresh_token: 'rt-1',
      expires_in: 3600,
      token_type: 'bearer',
      data: tokens,
    });
  });

  it("still passes Activepieces' upsert schema, both kinds", () => {
    expect(upsert(toOAuth2Value(parts({ tokens }))).success).toBe(true);
    expect(upsert(toOAuth2Value(parts({ tokens, clientSecret: 's' }))).success).toBe(true);
  });
});

describe("a definition's authorization method", () => {
  it('is passed on, and the value still passes the upsert schema', () => {
    const value = toOAuth2Value(parts({ auth: { authorizationMethod: 'BODY' } }));
    expect(value.authorization_method).toBe('BODY');
    expect(upsert(value).success).toBe(true);
  });
});

describe("Activepieces' upsert schema", () => {
  it('rejects a value with no code, so the checks above can fail', () => {
    expect(upsert(toOAuth2Value(parts({ code: undefined }))).success).toBe(false);
  });
});
