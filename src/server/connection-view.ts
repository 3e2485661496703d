import type { AuthDefinition } from '../definitions/auth-types';
import { describeFields } from '../schema/auth-kinds';
import type { AnyStoredConnectionValue } from './stored-connection-value';

/**
 * What the browser may see of a stored connection: no token, no secret, no secret prop, nothing
 * of the token response's `data` (it may hold an `id_token` or a provider's extra tokens).
 *
 * @example
 * ```ts
 * const view: ConnectionView = { id: 'c1', piece: 'github', type: 'PLATFORM_OAUTH2', client_id: 'Iv1.abc', scope: 'repo', claimed_at: 1764880000 };
 * ```
 */
export interface ConnectionView {
  id: string;
  piece: string;
  displayName?: string | undefined;
  type: AnyStoredConnectionValue['type'];
  username?: string | undefined;
  props?: Record<string, unknown> | undefined;
  client_id?: string | undefined;
  scope?: string | undefined;
  token_type?: string | undefined;
  expires_in?: number | undefined;
  claimed_at?: number | undefined;
  grant_type?: string | undefined;
  authorization_method?: string | undefined;
  /** Whether the server holds a refresh token (never the token itself). */
  has_refresh_token?: boolean | undefined;
  /**
   * The keys of the SecretText props that hold a saved value (names only, never a value). When
   * editing, give exactly these as `KEPT_SECRET`: an optional secret left empty was never stored,
   * and a kept marker for it is refused (`restoreKeptSecrets`).
   */
  secret_props?: string[] | undefined;
}

/** The props minus every SECRET_TEXT prop of the definition, and which of those hold a value. */
function publicProps(definition: AuthDefinition | undefined, props: Record<string, unknown> | undefined) {
  if (!props) return undefined;
  const secret = new Set(
    describeFields(definition)
      .filter((f) => f.type === 'SECRET_TEXT')
      .map((f) => f.key),
  );
  const saved = Object.keys(props).filter((key) => secret.has(key) && typeof props[key] === 'string' && props[key] !== '');
  return {
    props: Object.fromEntries(Object.entries(props).filter(([key]) => !secret.has(key))),
    ...(saved.length ? { secret_props: saved } : {}),
  };
}

/** A stored connection as {@link ConnectionView}. */
export function viewOf(
  record: { id: string; piece: string; displayName?: string | undefined; value: AnyStoredConnectionValue },
  definition: AuthDefinition | undefined,
): ConnectionView {
  const { value } = record;
  const base: ConnectionView = {
    id: record.id,
    piece: record.piece,
    ...(record.displayName !== undefined ? { displayName: record.displayName } : {}),
    type: value.type,
  };
  switch (value.type) {
    case 'BASIC_AUTH':
      return { ...base, username: value.username };
    case 'CUSTOM_AUTH':
      return { ...base, ...publicProps(definition, value.props)! };
    case 'OAUTH2':
    case 'PLATFORM_OAUTH2': {
      const visible = publicProps(definition, value.props);
      return {
        ...base,
        client_id: value.client_id,
        scope: value.scope,
        ...(value.token_type !== undefined ? { token_type: value.token_type } : {}),
        ...(value.expires_in !== undefined ? { expires_in: value.expires_in } : {}),
        claimed_at: value.claimed_at,
        ...(value.grant_type ? { grant_type: value.grant_type } : {}),
        ...(value.authorization_method ? { authorization_method: value.authorization_method } : {}),
        ...visible,
        has_refresh_token: Boolean(value.refresh_token),
      };
    }
    default:
      return base;
  }
}
