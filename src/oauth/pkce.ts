import { base64Url, randomBase64Url } from './random';

/**
 * A PKCE pair (RFC 7636). The verifier stays in the flow until the final hand-off.
 *
 * @example
 * ```ts
 * const challengeParams = (pair: PkcePair) => ({ code_challenge: pair.challenge, code_challenge_method: pair.method });
 * ```
 */
export interface PkcePair {
  verifier: string;
  challenge: string;
  method: 'S256' | 'plain';
}

/**
 * The S256 challenge of a verifier: base64url(SHA-256(ASCII(verifier))) (RFC 7636 §4.2).
 *
 * @example
 * ```ts
 * await s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'); // 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
 * ```
 */
export async function s256Challenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/**
 * A new PKCE pair. The verifier is 43 characters from 32 random bytes (RFC 7636 §4.1: 43–128
 * characters of the unreserved set). `plain` only when a definition asks for it explicitly.
 *
 * Asynchronous because of `crypto.subtle`: compute it before the click that opens the popup.
 *
 * @example
 * ```ts
 * const pair = await createPkcePair(); // { verifier: '…' (43 characters), challenge: '…', method: 'S256' }
 * ```
 */
export async function createPkcePair(method: 'S256' | 'plain' = 'S256'): Promise<PkcePair> {
  const verifier = randomBase64Url(32);
  return { verifier, challenge: method === 'plain' ? verifier : await s256Challenge(verifier), method };
}
