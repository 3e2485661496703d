/** OpenID Connect claims that name the signed-in user, in the order they are shown. */
const NAME_CLAIMS = ['email', 'preferred_username', 'name'];

/** The payload of an ID token, unverified: only ever shown, never trusted for anything. */
function idTokenClaims(idToken: unknown): Record<string, unknown> {
  try {
    const part = String(idToken).split('.')[1] ?? '';
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const claims: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * What an ID token says the signed-in user is called ("Connected as …"), in the order of
 * `NAME_CLAIMS`, unchecked. In the OAuth2 chunk: only a value that chunk made carries tokens, and
 * the runner hands the names on with it (`OAuth2FlowResult.accountNames`).
 */
export function idTokenNames(idToken: unknown): unknown[] {
  const claims = idTokenClaims(idToken);
  return NAME_CLAIMS.map((key) => claims[key]);
}
