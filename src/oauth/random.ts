/** base64url without padding (RFC 4648 §5), as PKCE and `state` need. */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `byteCount` bytes from the platform CSPRNG, base64url-encoded. Never `Math.random`. */
export function randomBase64Url(byteCount: number): string {
  const bytes = new Uint8Array(byteCount);
  crypto.getRandomValues(bytes);
  return base64Url(bytes);
}

/**
 * A fresh OAuth2 `state`: 256 bits (security note 1 asks for at least 128), 43 base64url chars.
 *
 * @example
 * ```ts
 * const state = createState();
 * const flow = openOAuth2Popup({
 *   url: buildAuthorizationUrl(githubAuth, { clientId, redirectUrl, state, props: {} }),
 *   state,
 *   expectedOrigin: new URL(redirectUrl).origin,
 *   timeoutMs: 300_000,
 * });
 * ```
 */
export function createState(): string {
  return randomBase64Url(32);
}
