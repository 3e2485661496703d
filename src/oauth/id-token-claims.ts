/**
 * The payload of an ID token, unverified: only ever shown ("Connected as …"), never trusted for
 * anything. In the OAuth2 chunk: only a value that chunk made carries tokens.
 */
export function idTokenClaims(idToken: unknown): Record<string, unknown> {
  try {
    const part = String(idToken).split('.')[1] ?? '';
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const claims: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
