/** Props whose value names the account, in the order they are trusted. */
const ACCOUNT_PROPS = ['email', 'username', 'user', 'login', 'account', 'accountName'];
/** OpenID Connect claims that name the signed-in user, in the order they are shown. */
const CLAIMS = ['email', 'preferred_username', 'name'];

const str = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() ? x.trim() : undefined);

/** The payload of an ID token, unverified: only ever shown, never trusted for anything. */
function claimsOf(idToken: unknown): Record<string, unknown> {
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
 * Who a connection is for, when its value says so: a Basic auth's username, a prop such as
 * `email` or `username`, or the OAuth2 ID token's e-mail or name. Never one of `secrets`, and
 * short: it is shown in the status line ("Connected as …").
 */
export function connectedAccount(value: unknown, secrets: readonly string[]): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as { type?: unknown; username?: unknown; props?: unknown; data?: { id_token?: unknown } };
  const props = (v.props && typeof v.props === 'object' ? v.props : {}) as Record<string, unknown>;
  const claims = v.data?.id_token ? claimsOf(v.data.id_token) : {};
  const found = [
    v.type === 'BASIC_AUTH' ? v.username : undefined,
    ...ACCOUNT_PROPS.map((key) => props[key]),
    ...CLAIMS.map((key) => claims[key]),
  ]
    .map(str)
    .find((name) => name !== undefined && name.length <= 80 && !secrets.includes(name));
  return found;
}
