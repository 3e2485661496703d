import type { StoredOAuth2Fields } from './stored-connection-value';
import type { TokenResponse } from './token-endpoint';

/** The fields a token response has in RFC 6749 §5.1; everything else goes to `data`. */
const STANDARD = ['access_token', 'expires_in', 'refresh_token', 'scope', 'token_type'] as const;

/**
 * Activepieces' `formatOAuth2Response`: the standard fields, `claimed_at` (seconds since the
 * epoch, now) and the non-standard fields in `data`. `expires_in` sent as a string ("3600", as
 * some providers do) becomes a number; any other non-number is left out (Activepieces then
 * assumes an hour).
 */
export function formatTokenResponse(
  response: TokenResponse,
  nowMs: number,
): Pick<StoredOAuth2Fields<unknown>, 'access_token' | 'refresh_token' | 'expires_in' | 'token_type' | 'claimed_at' | 'data'> & {
  scope?: string | undefined;
} {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(response)) {
    if (!(STANDARD as readonly string[]).includes(key)) data[key] = value;
  }
  const expiresIn = typeof response.expires_in === 'string' ? Number(response.expires_in) : response.expires_in;
  return {
    access_token: response.access_token,
    ...(typeof response.refresh_token === 'string' && response.refresh_token !== '' ? { refresh_token: response.refresh_token } : {}),
    ...(typeof expiresIn === 'number' && Number.isFinite(expiresIn) ? { expires_in: expiresIn } : {}),
    ...(typeof response.token_type === 'string' ? { token_type: response.token_type } : {}),
    ...(typeof response.scope === 'string' ? { scope: response.scope } : {}),
    claimed_at: Math.round(nowMs / 1000),
    data,
  };
}
