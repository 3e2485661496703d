import type { OAuth2Property } from '../definitions/auth-types';
import type { OAuth2Props } from '../definitions/property-types';
import type { KeptSecret } from '../definitions/kept-secret';
import type { OAuth2ConnectionValue, PlatformOAuth2ConnectionValue } from '../definitions/connection-value';
import type { OAuth2TokenResponse } from './oauth2-host-config';

// Activepieces' upsert schema requires a non-empty code and redirect URL even for client
// credentials, where the server ignores both; its own frontend sends these placeholders.
export const CLIENT_CREDENTIALS_CODE = 'FAKE_CODE';
export const CLIENT_CREDENTIALS_REDIRECT_URL = 'FAKE_REDIRECT_URL';

/** Everything an OAuth2 connection value is made of. */
export interface OAuth2ValueParts {
  auth: Pick<OAuth2Property<OAuth2Props>, 'authorizationMethod'>;
  props: Record<string, unknown>;
  scope: string;
  redirectUrl: string;
  clientId: string;
  /** Present when the user brought their own app (or for client credentials); kept when editing. */
  clientSecret?: string | KeptSecret | undefined;
  grant: 'authorization_code' | 'client_credentials';
  code?: string | undefined;
  codeVerifier?: string | undefined;
  tokens?: OAuth2TokenResponse | undefined;
}

/**
 * The OAuth2 connection value in Activepieces' wire shape: `OAUTH2` with the user's own client
 * id and secret, or `PLATFORM_OAUTH2` (no secret) when the host's app was used.
 */
export function toOAuth2Value(
  parts: OAuth2ValueParts,
): OAuth2ConnectionValue<Record<string, unknown>> | PlatformOAuth2ConnectionValue<Record<string, unknown>> {
  const cc = parts.grant === 'client_credentials';
  const common = {
    client_id: parts.clientId,
    redirect_url: cc ? parts.redirectUrl || CLIENT_CREDENTIALS_REDIRECT_URL : parts.redirectUrl,
    code: cc ? CLIENT_CREDENTIALS_CODE : (parts.code ?? ''),
    ...(parts.codeVerifier ? { code_challenge: parts.codeVerifier } : {}),
    scope: parts.scope,
    props: parts.props,
    ...(parts.auth.authorizationMethod ? { authorization_method: parts.auth.authorizationMethod } : {}),
    ...(parts.tokens ? tokenFields(parts.tokens) : {}),
  };
  if (parts.clientSecret === undefined) return { type: 'PLATFORM_OAUTH2', ...common };
  // A kept client secret (editing) is the KEPT_SECRET marker, typed as EditedConnectionValue.
  return { type: 'OAUTH2', ...common, client_secret: parts.clientSecret as string, grant_type: parts.grant };
}

function tokenFields(tokens: OAuth2TokenResponse) {
  return {
    access_token: tokens.access_token,
    ...(tokens.refresh_token !== undefined ? { refresh_token: tokens.refresh_token } : {}),
    ...(tokens.expires_in !== undefined ? { expires_in: tokens.expires_in } : {}),
    ...(tokens.token_type !== undefined ? { token_type: tokens.token_type } : {}),
    data: { ...tokens },
  };
}
