import { OAuth2ConfigError } from './oauth2-error';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** Whether a hostname is the local machine, where plain http is acceptable (RFC 8252 §7.3). */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

/**
 * Parses a URL the kit may send a user to: https anywhere, http only on loopback (development
 * and tests). Everything else, `javascript:` and `data:` included, is refused (security note 7).
 */
export function parseSafeUrl(raw: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OAuth2ConfigError(`${what} is not an absolute URL: ${JSON.stringify(raw)}.`);
  }
  const ok = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!ok) {
    throw new OAuth2ConfigError(`${what} must use https (http only for localhost), got "${url.protocol}".`);
  }
  return url;
}
