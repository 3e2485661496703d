/** Props whose value names the account, in the order they are trusted. */
const ACCOUNT_PROPS = ['email', 'username', 'user', 'login', 'account', 'accountName'];

const str = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() ? x.trim() : undefined);

/**
 * Who a connection is for, when its value says so: a Basic auth's username, a prop such as
 * `email` or `username`, or else one of `tokenNames` (what the OAuth2 runner read from the ID
 * token: its e-mail or name). Never one of `secrets`, and short: it is shown in the status line
 * ("Connected as …").
 */
export function connectedAccount(value: unknown, secrets: readonly string[], tokenNames: readonly unknown[] = []): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as { type?: unknown; username?: unknown; props?: unknown };
  const props = (v.props && typeof v.props === 'object' ? v.props : {}) as Record<string, unknown>;
  return [v.type === 'BASIC_AUTH' ? v.username : undefined, ...ACCOUNT_PROPS.map((key) => props[key]), ...tokenNames]
    .map(str)
    .find((name) => name !== undefined && name.length <= 80 && !secrets.includes(name));
}
